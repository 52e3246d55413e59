"""Staffing: the figures an establishment or reform sets, and the staffing records."""

from __future__ import annotations

from .catalogue import B, ds


class Staffing:
    """Staffing figures and records (a part of ``Gen``)."""

    def figures(self, b: B) -> dict:
        kind = b.tpl.figures if b.tpl else "行政编制"
        n = self.r.randint(3, 25) if kind != "事业编制" else self.r.randint(5, 60)
        f: dict = {kind: n}
        if kind == "行政编制" and self.r.random() < 0.4:
            f["工勤编制"] = self.r.randint(1, 4)
        rank = b.rank or "正科级"
        if rank in ("正科级", "副科级"):
            lead = {rank: 1}
            sub = "副科级" if rank == "正科级" else "正股级"
            lead[sub] = self.r.randint(1, 4)
            f["领导职数"] = lead
        return f

    @staticmethod
    def fig_text(f: dict) -> str:
        parts = [f"核定{k}{v}名" for k, v in f.items() if k != "领导职数"]
        if "领导职数" in f:
            parts.append("领导职数" + "、".join(f"{k}{v}名" for k, v in f["领导职数"].items()))
        return "，".join(parts)

    def staffing_records(self) -> None:
        r = self.r
        n = max(10, int(60 * self.scale))
        years = [1990, 1996, 2002, 2010, 2015, 2019, 2021]
        pool = sorted((b for b in self.bodies.values() if b.rank and b.cat != "town"), key=lambda b: b.id)
        out = []
        reports: dict[tuple, str] = {}
        for _ in range(n * 3):
            if len(out) >= n:
                break
            b = r.choice(pool)
            y = r.choice(years)
            d = (y, 12, 31)
            if not (b.start < d and (b.end is None or b.end > d)):
                continue
            j = self.jur[b.jid]
            key = (j.id, y)
            if key not in reports:
                reports[key] = self.doc(j, (y + 1, 3, r.randint(1, 28)), "", f"{j.name}机构编制统计年报（{y}年）")
            f = self.figures(b)
            basis = "核定" if r.random() < 0.4 else "实有"
            if basis == "实有":
                f.pop("领导职数", None)
                f = {k: max(0, v - r.randint(0, 3)) for k, v in f.items()}
            rec = {"body": b.id, "date": ds(d), "basis": basis, "figures": f, "sources": [reports[key]], "_j": j.id}
            if (b.id, d, basis) in {(x["body"], x["date"], x["basis"]) for x in out}:
                continue
            out.append(rec)
        self.staffing = out
