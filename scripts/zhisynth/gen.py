"""The generator: replays the years in order, drawing every choice from one ``random.Random``."""

from __future__ import annotations

import random

from .bodies import Bodies
from .catalogue import CATALOGUE, REFORMS, SYLLABLES, B, J, Tpl, ds
from .documents import Documents
from .people import People
from .staffing import Staffing


class Gen(Bodies, Documents, Staffing, People):
    """The state of the archive as the years are replayed; each kind of record has its part (a base class)."""

    def __init__(self, scale: float, seed: int):
        self.r = random.Random(seed)
        self.scale = scale
        self.pairs = max(1, round(scale))
        self.density = min(1.0, max(0.25, scale))  # scales below 1 thin out a single pair
        self.bodies: dict[str, B] = {}
        self.jur: dict[str, J] = {}
        self.events: list[dict] = []      # each with "_d" (date tuple), "_j" (file jurisdiction)
        self.docs: dict[str, dict] = {}
        self.doc_seq: dict[tuple, int] = {}
        self.ev_seq: dict[tuple, int] = {}
        self.busy: dict[tuple, set] = {}  # date -> body ids touched that date
        self.used_names: set[str] = set()
        self.people: list[dict] = []
        self.posts: list[dict] = []
        self.staffing: list[dict] = []
        self.round_docs: dict[tuple, str] = {}
        self.pair_towns: dict[int, set] = {}
        self.jb: dict[str, list] = {}    # jurisdiction id -> its bodies (current jurisdiction)
        self.max_month = 12

    # ---- names ------------------------------------------------------------------------------------
    def place(self, n: int = 2, avoid: set | None = None) -> tuple[str, str]:
        avoid = avoid if avoid is not None else self.used_names
        for _ in range(1000):
            picks = self.r.sample(SYLLABLES, n)
            name = "".join(c for c, _ in picks)
            if name not in avoid:
                avoid.add(name)
                return name, "".join(p for _, p in picks)
        raise RuntimeError("out of names")

    def ev(self, j: J, d: tuple, etype: str, docs: list[str], **kw) -> dict:
        key = (j.py, d[0])
        self.ev_seq[key] = n = self.ev_seq.get(key, 0) + 1
        e = {"id": f"ev-{d[0]}-{j.py}-{n}", "type": etype, "date": ds(d)}
        if self.r.random() < 0.15 and d[2] > 5:
            e["decided"] = ds((d[0], d[1], d[2] - self.r.randint(1, 5)))
        e.update(kw)
        e["sources"] = list(dict.fromkeys(docs))
        e["_d"] = d
        e["_j"] = j.id
        self.events.append(e)
        return e

    def mark(self, d: tuple, *ids: str) -> None:
        self.busy.setdefault(d, set()).update(ids)

    def free(self, d: tuple, bid: str) -> bool:
        b = self.bodies[bid]
        return b.end is None and b.start is not None and b.start < d and bid not in self.busy.get(d, ())

    def add(self, b: B) -> None:
        self.bodies[b.id] = b
        self.jb.setdefault(b.jid, []).append(b)

    def move(self, b: B, jid: str) -> None:
        self.jb[b.jid].remove(b)
        b.jid = jid
        self.jb.setdefault(jid, []).append(b)

    def alive(self, j: J, d: tuple, pred=None) -> list[B]:
        out = [b for b in self.jb.get(j.id, ()) if self.free(d, b.id) and (pred is None or pred(b))]
        out.sort(key=lambda b: b.id)
        return out

    def by_key(self, j: J, key: str) -> B | None:
        for b in self.jb.get(j.id, ()):
            if b.tpl and b.tpl.key == key and b.end is None and b.start is not None:
                return b
        return None

    def new_id(self, j: J, key: str) -> str:
        base = f"{j.py}-{key.replace('_', '-')}"
        bid, k = base, 2
        while bid in self.bodies:
            bid, k = f"{base}-{k}", k + 1
        return bid

    def year_ops(self, j: J, y: int) -> None:
        """Everything that happens in jurisdiction j in year y."""
        r = self.r
        if y in (1955, 1968, 1981):
            gov = self.by_key(j, "zhengfu")
            if gov and gov.start[0] < y:
                d = (y, r.randint(1, 6), r.randint(1, 28))
                full, short = self.gov_name(j, d)
                doc = self.doc(j, d, "", f"{j.name}{'人民委员会' if y == 1955 else '革命委员会' if y == 1968 else '人民政府'}成立资料汇编")
                self.rename(j, d, gov, full, short, [doc])
        if y in REFORMS:
            self.reform(j, y)
        else:
            k = r.random()
            n = 1 if k < 0.55 else 2 if k < 0.85 else 0
            if j.level == "县" and y < 1980:
                n = 1 if k < 0.6 else 0
            dates = sorted((y, r.randint(2, self.max_month), r.randint(1, 28))
                           for _ in range(int(n * (0.6 + 0.6 * self.density))))
            for d in dates:
                self.minor(j, d)

    def available(self, j: J, y: int, cats=("gov", "party", "law", "mass", "renda", "bian", "shiye")) -> list[Tpl]:
        have = {b.tpl.key for b in self.jb.get(j.id, ()) if b.tpl and b.end is None}
        used = {b.tpl.key for b in self.jb.get(j.id, ()) if b.tpl}
        out = []
        for t in CATALOGUE:
            if t.year > y or t.cat not in cats or t.key in have or t.key in ("dangwei", "zhengfu"):
                continue
            if t.key in used and self.r.random() < 0.7:
                continue
            if t.parent not in ("gov", "party", "none") and not self.by_key(j, t.parent) and t.parent != "bianwei":
                continue
            if t.parent == "bianwei" and not self.by_key(j, "bianwei"):
                continue
            out.append(t)
        return out

    def minor(self, j: J, d: tuple) -> None:
        r = self.r
        op = r.choice(["establish", "establish", "staffing", "staffing", "rename", "add-name", "rerank", "reparent",
                       "transfer", "drop-name"])
        docs = [self.round_doc(j, d, "编")]
        if op == "establish":
            av = self.available(j, d[0])
            if av:
                self.establish(j, d, r.choice(av), docs)
                return
            op = "staffing"
        if not self.op(j, d, op, docs):
            self.op(j, d, "staffing", docs)

    def reform(self, j: J, y: int) -> None:
        r = self.r
        d = (y, r.randint(2, 5), r.randint(1, 28))
        if j.start is None or j.start >= d:
            return
        gdoc = self.round_doc(j, d, "政")
        dens = self.density
        # new bodies of the round
        av = self.available(j, y)
        for t in r.sample(av, min(len(av), int(r.randint(2, 5) * dens + 0.5))):
            doc = self.round_doc(j, d, "编") if r.random() < 0.5 else gdoc
            self.establish(j, d, t, [doc])
        plan = (["merge-new"] * r.randint(1, 2) + ["merge-into"] * r.randint(1, 2) + ["split"] +
                ["abolish"] * r.randint(1, 2) + ["rename"] * r.randint(2, 4) + ["rerank"] * r.randint(1, 3) +
                ["add-name"] * r.randint(1, 2) + ["drop-name"] + ["transfer"] * r.randint(1, 2) +
                ["reparent"] + ["staffing"] * r.randint(2, 5) + ["town"] * r.randint(0, 1))
        plan = [p for p in plan if r.random() < 0.5 + 0.5 * dens]
        for op in plan:
            docs = [gdoc] if r.random() < 0.6 else [self.round_doc(j, d, "编")]
            if r.random() < 0.15:
                docs.append(self.round_doc(j, d, "编"))
            self.op(j, d, op, docs)

    # ---- the whole run ------------------------------------------------------------------------------
    def run(self) -> None:
        r = self.r
        used_codes: set[str] = set()
        self.pair_of: dict[str, int] = {}
        pairs = []
        for k in range(self.pairs):
            city, _city_py = self.place(2)
            county, cpy = self.place(2)
            dist, dpy = self.place(2)
            codes = []
            for nm in (county, dist, city):
                c = next((ch for ch in nm if ch not in used_codes), None)
                if c is None:
                    c = nm
                used_codes.add(c)
                codes.append(c)
            cj = J(f"{cpy}-xian", county + "县", county, "县", "县", cpy, codes[0], city + "市", codes[2])
            dj = J(f"{dpy}-qu", dist + "区", dist, "市辖区", "区", dpy, codes[1], city + "市", codes[2])
            for x in (cj, dj):
                self.jur[x.id] = x
                self.pair_of[x.id] = k
            pairs.append((cj, dj))
        for cj, dj in pairs:
            doc = self.doc(cj, (1985, r.randint(1, 12), r.randint(1, 28)), "", f"{cj.name}建置沿革")
            cj.start = (1949, 1, 1)
            self.ev(cj, (1949, 10, 1), "establish", [doc], body=cj.id, name=cj.name)["date"] = "1949前"
            y0 = r.randint(1981, 1987)
            dd = (y0, r.randint(1, 12), r.randint(1, 20))
            ddoc = self.doc(dj, (y0, dd[1], 1), "", f"关于设立{dj.name}的批复")
            ddoc_rec = self.docs[ddoc]
            ddoc_rec["issuer"] = cj.city + "人民政府"
            self.ev(dj, dd, "establish", [ddoc], body=dj.id, name=dj.name)
            dj.start = dd
            self.found(cj, (1949, 10, r.randint(1, 28)), True)
            for y in range(1950, 2023):
                if y == dj.start[0]:
                    self.found(dj, (y, dd[1], min(28, dd[2] + 2)), False)
                self.max_month = 7 if y == 2020 else 12
                for j in (cj, dj):
                    if j.start[0] < y and (j.end is None):
                        self.year_ops(j, y)
                if y == 2020:
                    self.dissolve(cj, dj)
        self.people_and_posts()
        self.staffing_records()
