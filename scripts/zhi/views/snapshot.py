"""机构设置一览: every body of a jurisdiction on a date, and the difference between two dates."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..citations import cited_docs, split
from ..dates import Date
from ..history import SILENCE_YEARS, History, Timeline
from ..model import UNKNOWN, Archive
from ..wordings import says_abolished
from .naming import began_how, distinguished, label_on, name_changes, name_on, name_through, name_verb
from .staffing import Figure, breaks, by_body, carried_from, in_force, member_bodies


@dataclass
class Row:
    body: str
    name: str
    short: str | None
    kind: str
    rank: str
    parent: str | None
    parent_name: str
    established: Date | None
    authority: list[str]       # 文号 (or titles) of the documents that set the body up
    approved: Figure | None
    actual: Figure | None
    stale: int | None = None   # the year of the record an approved figure carried into this year comes from ("据1951年")
    note: str = ""             # its state on the date: （停止活动）, （与…合署办公）
    restored: str = ""         # its present period began otherwise than by a 设立: 恢复 (复设), 改建, 合并设立, said in
    #                            the 设立 column after the date (Event.began_said)
    start_unknown: bool = False  # `start: 不详`: no source says when it was set up (the 设立 column says 不详)

    def established_text(self) -> str:
        """The 设立 column: the date its present period began, with how when that was no 设立 (1964年3月改建,
        1979年恢复): never a 设立 the source does not state."""
        if self.start_unknown:
            return "不详"
        return (self.established.chinese() + self.restored) if self.established else ""

    def approved_text(self) -> str:
        """The approved total as the 一览 prints it: "—" when no figure stands (未载)."""
        if self.approved is None:
            return "—"
        return f"{self.approved.staffing.total()}" + (f"（据{self.stale}年）" if self.stale else "")


def _span_value(spans, d: Date, default=None):
    hits = [s for s in spans if s.covers(d)]
    return hits[-1].value if hits else default


members = member_bodies  # for each jurisdiction, the bodies that ever belonged to it


def _candidates(h: History, jurisdiction: str, among: set[str] | None):
    if among is None:
        return [t for t in h.timelines.values() if not t.is_jurisdiction]
    return [h.timelines[rid] for rid in sorted(among) if rid in h.timelines]


# what a 一览 prints for a place none of whose bodies the archive records on that date: a sentence, never a header
# over an empty table (which reads as a table that lost its rows)
NO_BODIES = "（档案未载此时所属机构）"
# the same, under a 是年新设 line naming bodies the record does not show at the year's end (止年不详): said of those,
# never that the record holds no body of the place (which the line above contradicts)
NO_BODIES_CAME = "（上列是年所设各机构此时是否存续，档案未载）"
# two or more such places on one date (the townships of a county whose bodies the record does not give): one heading
# and one sentence naming them all, not a heading and NO_BODIES repeated for each
NONE_RECORDED = "档案未载所属机构的各地"


def said_once(snaps: list, empty) -> tuple[list, list]:
    """``snaps`` without the places ``empty`` says have nothing to print, and those places, when there are two or
    more of them (one such place keeps its own heading and NO_BODIES)."""
    bare = [s for s in snaps if empty(s)]
    if len(bare) < 2:
        return snaps, []
    return [s for s in snaps if not empty(s)], bare


def snapshot(a: Archive, h: History, jurisdiction: str, d: Date, figs: list[Figure] | dict[str, list[Figure]],
             among: set[str] | None = None) -> list[Row]:
    """The bodies of a jurisdiction on d. ``figs`` may be given already grouped by body (see staffing.by_body),
    which callers that make many snapshots should do."""
    per = figs if isinstance(figs, dict) else by_body(figs)
    rows = []
    for t in _candidates(h, jurisdiction, among):
        if t.is_jurisdiction or not t.known_alive_on(d) or not t.belongs_on(d, jurisdiction):
            continue
        rows.append(_row(a, h, t, d, per.get(t.id, []), jurisdiction))
    return sorted(rows, key=lambda r: (_depth(h, r.body, d), r.parent_name, r.established.sort_key()
                                       if r.established else (), r.name))


def fate_unknown(h: History, jurisdiction: str, d: Date, among: set[str] | None = None) -> list[Timeline]:
    """Bodies of the jurisdiction whose end no source gives and that no record shows existing on d any more:
    left out of the snapshot, named under it (止年不详)."""
    return [t for t in _candidates(h, jurisdiction, among)
            if not t.is_jurisdiction and t.fate_unknown_on(d) and t.belongs_on(d, jurisdiction)]


def fate_unknown_note(h: History, jurisdiction: str, d: Date, among: set[str] | None = None,
                      a: Archive | None = None, said: set[str] = frozenset(),
                      name: Callable[[str, str], str] | None = None, text: Callable[[str], str] | None = None) -> str:
    """The sentence printed under a snapshot for those bodies, or "". A date the body file's ``seen`` gives is cited
    (据《…》) when ``a`` is given: it rests on that source alone. The bodies of ``said`` are left out: the page says
    already that their existence then is not recorded (是年新设 over NO_BODIES_CAME), a body is never named twice.
    ``name`` (id, name → what prints) and ``text`` (the words around them → what prints) make each body's name a
    mention the book's index points at (the names, escaped, and the words escaped alike); plain text without."""
    def cited(t: Timeline) -> str:
        docs = cited_docs(a, t.last_known_sources) if a is not None else []
        return f"，据{'、'.join(label for _, label in docs)}" if docs else ""

    said_as = text or (lambda s: s)

    def named_on(rid: str, on: Date) -> str:
        shown = name_on(h, rid, on)
        return name(rid, shown) if name is not None else shown

    pending = existence_unknown(h, jurisdiction, d, among)
    # (name, what is said of it, when it was last seen): one name after another, as the archive leaves each
    items = [(named_on(t.id, t.last_known), f"止年不详，最后见于{t.last_known.seen_chinese()}{cited(t)}", t.last_known)
             for t in fate_unknown(h, jurisdiction, d, among) if t.id not in pending and t.id not in said]
    # a period that ended by no recorded event (a 恢复 or 第二次成立 whose source does not say when the former one
    # ended, previous_end: 不详): no source gives that end, not even as “before” the restore — 止年不详, as above
    for rid, (which, life) in list(pending.items()):
        if which == "end" and life.end_event is None:
            seen = max(life.attested, key=Date.sort_key, default=life.start)
            items.append((named_on(rid, seen or d), f"止年不详{f'，最后见于{seen}' if seen else ''}", seen))
            del pending[rid]
    notes = [_unknown_fates(items, said_as)] if items else []
    for which, clause in (("start", "此时是否已设"), ("end", "此时是否尚存")):
        named = [named_on(rid, d) + said_as(f"（{_bound(life, which)}）")
                 for rid, (w, life) in pending.items() if w == which]
        if named:
            notes.append(said_as("另有") + said_as("、").join(named) + said_as(f"，{clause}，档案未载。"))
    return "".join(notes)


# from this many bodies whose fate is unknown on, the note under an 一览 names them by what is said of them
FATES_GROUPED = 4


def _unknown_fates(items: list[tuple[str, str, Date | None]], said_as: Callable[[str], str] = lambda s: s) -> str:
    """“另有甲（止年不详，最后见于1959年11月，据《…》）、乙（…），此时是否存续，档案未载。”; many of them (槐荫: 45 a year,
    each with its date and the same source, a wall of text) as one paragraph that says each date and source once:
    “另有45个机构此时是否存续，档案未载：甲、乙（止年不详，最后见于1958年5月至1960年12月，据《…》）；丙（…）。”, the groups
    in the order of their dates. Every name and what is said of it stays. The names come as they print; ``said_as``
    makes the words around them print (escaped for the book)."""
    if len(items) < FATES_GROUPED:
        return (said_as("另有") + said_as("、").join(name + said_as(f"（{said}）") for name, said, _ in items)
                + said_as("，此时是否存续，档案未载。"))
    groups: dict[str, list[str]] = {}
    when: dict[str, Date | None] = {}
    for name, said, seen in items:
        groups.setdefault(said, []).append(name)
        when.setdefault(said, seen)
    order = sorted(groups, key=lambda k: (when[k] is None, when[k].sort_key() if when[k] is not None else (), k))
    return (said_as(f"另有{len(items)}个机构此时是否存续，档案未载：")
            + said_as("；").join(said_as("、").join(groups[k]) + said_as(f"（{k}）") for k in order) + said_as("。"))


def _bound(life, which: str) -> str:
    """“1956年8月前设立”, “1955年前撤销”: the uncertain date as the source gives it, with what happened then."""
    if which == "start":
        e = life.start_event
        return f"{life.start}{'恢复' if e is not None and e.type == 'restore' else '设立'}"
    e = life.end_event
    verb = e.said_zh if e is not None and e.type == "abolish" else "并入他机构" if e is not None and e.type == "merge" \
        else "终止"
    return f"{life.end}{verb}"


def existence_unknown(h: History, jurisdiction: str, d: Date, among: set[str] | None = None) -> dict[str, tuple]:
    """Bodies of the jurisdiction that d falls inside the uncertain start or end of (set up “1956-08前”, ended
    “1958前”): whether they existed on d the record does not say; left out of the snapshot, named under it."""
    out = {}
    for t in _candidates(h, jurisdiction, among):
        if not t.is_jurisdiction and t.belongs_on(d, jurisdiction) and (u := t.existence_unknown_on(d)) is not None:
            out[t.id] = u
    return out


def _depth(h: History, rid: str, d: Date) -> int:
    n, cur, seen = 0, h.get(rid), set()
    while cur and (p := cur.parent_on(d)) and p not in seen:
        seen.add(p)
        n += 1
        cur = h.get(p)
    return n


def uncertain_rename(t: Timeline, d: Date) -> tuple[tuple[str, str | None], str] | None:
    """A rename whose date spans d (改称 1954..1958, a snapshot at 1956-12-31): the name the body certainly bore
    before it, and the hedge the 一览 prints beside it (“1954至1958年间改称…”) — never the new name as if
    certain."""
    hits = [s for s in t.names if s.covers(d)]
    if len(hits) < 2 or not d.is_exact_day():
        return None
    later = [s for s in hits[1:] if s.start is not None and s.start.latest() > d.anchor()]
    if not later:
        return None
    first = hits[hits.index(later[0]) - 1]
    clauses = []
    for s in later:
        if s.withheld:   # an edition's: the name from then on is not given
            clauses.append(f"{s.start.years()}名称不详")
            continue
        verb = name_verb(s.start_event, t)
        years = s.start.years()
        clauses.append(f"{years}{'年' if years[-1].isdigit() else ''}{verb}{s.value[0]}")
    return first.value, "，".join(clauses)


def _row(a: Archive, h: History, t: Timeline, d: Date, figs: list[Figure], jurisdiction: str | None = None) -> Row:
    names = _span_value(t.names, d, t.names[-1].value if t.names else (t.id, None))
    if (hedge := uncertain_rename(t, d)) is not None:
        names = hedge[0]
    parent = t.parent_on(d)
    docs = []
    life = next((life for life in reversed(t.lives) if life.covers(d)), None)
    origin = life.start_event if life else t.start_event
    if origin and not origin.origin_unknown:   # a stand-in origin has no document that set the body up
        for c in split(origin, h)[0]:   # a dissenting source is never listed among the bases
            doc = a.documents.get(c.doc)
            if doc:
                docs.append(doc.label)
    cuts = breaks(h, t.id)
    approved = in_force(figs, "approved", d, cuts)
    # an 一览 of a period (1966..1976): a superior renamed within it is named with the rename, not by one name
    parent_name = superior_label(h, parent, d) if parent else ""
    if parent and (co := t.co_parents_on(d)):
        parent_name = f"{parent_name}（主管）、" + "、".join(superior_label(h, c, d) for c in co)
    elif co := t.co_parents_on(d):  # 双重领导 with no principal side
        parent_name = "、".join(superior_label(h, c, d) for c in co) + "（双重领导）"
    kind = _span_value(t.kinds, d, "") or ("不详" if t.id in a.bodies and a.bodies[t.id].kind_unknown else "")
    return Row(t.id, distinguished(h, t.id, names[0], d), names[1], kind, _span_value(t.ranks, d, ""), parent,
               parent_name, life.start if life else t.start, docs,
               approved, in_force(figs, "actual", d, cuts), carried_from(approved, d), state_note(h, t, d, a, jurisdiction),
               began_how(t, origin),
               start_unknown=origin is not None and origin.origin_unknown)


def superior_label(h: History, rid: str, d: Date) -> str:
    """A superior as the 一览 of ``d`` names it: with （存续不详） when the record does not show it existing then (set
    up “1958或以前”, its end unknown and last seen before d, or never set up in the record), never as if certain; a
    superior outside the volume (越境不书) or one the sources do not name (不详) as it stands."""
    p = h.get(rid)
    known = p is None or p.outside or p.known_alive_on(d)
    return name_through(h, rid, d) + ("" if known else "（存续不详）")


def state_note(h: History, t: Timeline, d: Date, a: Archive | None = None, jurisdiction: str | None = None) -> str:
    """What a row says beside the name: suspended (in the source's words), sharing an office, come from another
    place (1984年11月由临水县划入: its 设立 date is where it was set up, not here)."""
    parts = []
    if jurisdiction is not None and (came := came_in(h, t, d, jurisdiction)):
        parts.append(came)
    if (hedge := uncertain_rename(t, d)) is not None:
        parts.append(hedge[1])
    if (s := t.suspended_on(d)) is not None:
        what = s.value or "停止活动"
        # 1966年起停止活动; one the source dates only as a period: 1966年至1976年间停止活动 (never “至1976年起”)
        since = f"{s.start}{'间' if s.start.end is not None else '起'}{what}"
        # seen again after a 停止活动 no source ends (checks: suspended-seen): in that year it is listed as the
        # source shows it, 见于1989年底, not as stopped; later, the stop is told with the sighting, no 恢复 invented
        body = a.bodies.get(t.id) if a is not None else None
        again = t.seen_after(s, body.seen) if body is not None else []
        now = [x for x in again if x.earliest().year <= d.earliest().year <= x.latest().year]
        before = [x for x in again if x.latest() < d.earliest()]
        if now or before:
            docs = "、".join(label for _, label in cited_docs(a, body.sources))
            said = f"，据{docs}" if docs else ""
            parts.append(f"见于{now[-1]}{said}" if now else f"{since}，{before[-1]}又见于记载{said}，来源未载恢复活动")
        elif s.start.latest() > d.latest():
            # stopped at a time the source leaves open (1966..1976, 1966年6月或以后): by d it may not have yet
            parts.append(f"{since}，此时是否已{what}，档案未载")
        elif t.resume_unknown(s) and not s.start.overlaps(d):  # later on, whether it still was is not known
            parts.append(f"{since}，恢复时间不详")
        elif s.end is not None and s.end.earliest() < d.earliest():
            # resumed at a time the source leaves open (1971或以后, 1971后): it may have resumed by d, or not yet
            parts.append(f"{since}，{s.end}恢复，此时是否已恢复，档案未载")
        else:
            parts.append(what)
    for u in (u for u in t.unofficial_names if u.covers(d)):  # 擅改名称: beside the official name, never for it
        parts.append(f"{u.start}起被擅自改名为{u.value}")
    spans = [s for s in t.colocations if s.covers(d)]
    # a partner the record does not show existing on d (止年不详, 此时是否存续，档案未载): the joint office is not
    # claimed for that year, only told with the same doubt
    sure = [s.value for s in spans if (p := h.get(s.value)) is None or p.known_alive_on(d)]
    if sure:
        parts.append("与" + "、".join(name_on(h, p, d) for p in sure) + "合署办公")
    for s in (s for s in spans if s.value not in sure):
        parts.append(f"{s.start}起与{name_on(h, s.value, d)}合署办公，此时是否仍合署，档案未载")
    if t.last_record is not None and not t.end_unknown and not t.in_office and not t.is_jurisdiction \
            and d.earliest().year - t.last_record.latest_bounded().year > SILENCE_YEARS and t.lives[-1].covers(d):
        # listed as the record leaves it, not as if seen: whether it still existed the record does not say; a `seen`
        # date cites the source that shows it then
        docs = cited_docs(a, t.last_record_sources) if a is not None else []
        parts.append(f"存续不详，最后见于{t.last_record}" + (f"，据{'、'.join(label for _, label in docs)}" if docs else ""))
    return f"（{'；'.join(parts)}）" if parts else ""


def came_in(h: History, t: Timeline, d: Date, jurisdiction: str) -> str:
    """“1984年11月由临水县划入” for a body whose period in ``jurisdiction`` that covers d began by a 属地变更 from a
    place the record names (“1984年11月划入” when it does not), else ""."""
    span = next((s for s in reversed(t.jurisdictions) if s.value == jurisdiction and s.covers(d)), None)
    e = span.start_event if span is not None else None
    if e is None or e.type != "rejurisdiction" or span.start is None:
        return ""
    before = [x.value for x in t.jurisdictions if x.end_event is e and x.value and x.value != UNKNOWN
              and x.value != jurisdiction and (o := h.get(x.value)) and o.names]
    return f"{span.start}{f'由{label_on(h, before[0], span.start)}' if before else ''}划入"


@dataclass
class Difference:
    established: list[str]
    ended: list[str]
    renamed: list[tuple[str, str, str, str]]  # id, old name, new name, the words between (改称, 更名为甲科，后称)
    restored: list[str] = field(default_factory=list)  # came back (恢复) in the period: not 新设
    # a change of name the record dates so that it may fall before the period (1956-06前): told with its date as
    # given (“1956年6月前更名：…”), never as 是年 — (the date, id, old name, new name, the words between)
    renamed_dated: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    # the same bodies by how the source says they came and went, for the year's summary: (是年新设 / 是年改建 /
    # 是年合并设立 / 是年复设…, ids) and (是年撤销 / 是年并入他机构 / 是年合并为他机构 / 是年改建为他机构…, ids) — never
    # 新设 for a 改建, never 撤销 for a merge whose source does not say it
    came: list[tuple[str, list[str]]] = field(default_factory=list)
    went: list[tuple[str, list[str]]] = field(default_factory=list)
    # bodies that came from (went to) another jurisdiction by a 属地变更 in the period: neither 新设 nor 撤销
    moved_in: list[str] = field(default_factory=list)
    moved_out: list[str] = field(default_factory=list)


def moved(h: History, rid: str, jurisdiction: str, d1: Date, d2: Date, arriving: bool) -> tuple[bool, str | None]:
    """Whether the body came into (``arriving``) or left ``jurisdiction`` within (d1, d2] by a 属地变更
    (rejurisdiction), and the jurisdiction it came from (went to) when the record gives it (None: 不详)."""
    t = h.get(rid)
    spans = t.jurisdictions if t is not None else []
    for s in spans:
        e, edge = (s.start_event, s.start) if arriving else (s.end_event, s.end)
        if s.value != jurisdiction or e is None or e.type != "rejurisdiction" or edge is None \
                or edge.earliest() <= d1.latest() or edge.latest() > d2.latest():
            continue
        other = [x.value for x in spans if x is not s and (x.end_event is e if arriving else x.start_event is e)
                 and x.value and x.value != UNKNOWN and x.value != jurisdiction and (o := h.get(x.value)) and o.names]
        return True, other[0] if other else None   # (a place the record gives no name is not named)
    return False, None


def _renamed_via(h: History, rid: str, d1: Date, d2: Date, steps: list[tuple[str, str]] | None = None) -> str:
    """The words between a body's name at d1 and its name at d2, in the sources' verbs: 改称; with two renames in the
    period, 改称甲科，后称 (the last name follows). ``steps``: the (verb, name) changes, when not those after d1."""
    steps = name_changes(h, rid, d1, d2) if steps is None else steps
    if not steps:
        return "起称"
    said = [f"{verb}{name}" for verb, name in steps[:-1]]
    return "，后".join([*said, steps[-1][0]]) if said else steps[-1][0]


def difference(h: History, jurisdiction: str, d1: Date, d2: Date, among: set[str] | None = None) -> Difference:
    cands = _candidates(h, jurisdiction, among)

    def alive(d):
        return {t.id for t in cands if t.alive_on(d) and t.belongs_on(d, jurisdiction)}

    def known(d):
        return {t.id for t in cands if t.known_alive_on(d) and t.belongs_on(d, jurisdiction)}

    def inside(rid: str, at: Date, which: str) -> bool:
        """The start (end) of its period that covers d2 (d1) falls wholly inside (d1, d2]: the source says it
        began (ended) then."""
        life = next((x for x in reversed(h.get(rid).lives) if x.covers(at)), None)
        edge = life and (life.start if which == "start" else life.end)
        return edge is not None and edge.earliest() > d1.latest() and edge.latest() <= d2.latest()

    # new in the period: certainly there at d2 and not possibly at d1, or its start dated wholly inside the period
    # (a body set up “1956-08前” or “1949后” is never 是年新设: the source does not say in which year); ended in the
    # same way
    p1, p2 = alive(d1), alive(d2)
    k1, k2 = known(d1), known(d2)
    a1 = (k1 - p2) | {r for r in p1 - p2 if inside(r, d1, "end")} | (p1 & p2)
    a2 = (k2 - p1) | {r for r in p2 - p1 if inside(r, d2, "start")} | (p1 & p2)
    renamed, dated = [], []
    for rid in sorted(a1 & a2):
        n1, n2 = name_on(h, rid, d1), name_on(h, rid, d2)
        if n1 == n2:
            continue
        steps = [x for x in h.get(rid).names if x.start is not None and x.start.latest() > d1.latest()
                 and x.start.earliest() <= d2.latest()]
        if any(x.start.earliest() <= d1.latest() or x.start.latest() > d2.latest() for x in steps):
            for x in steps:
                new = "名称不详" if x.withheld else x.value[0]
                dated.append((str(x.start), rid, n1, new, "" if x.withheld else name_verb(x.start_event, h.get(rid))))
                n1 = new
        else:
            renamed.append((rid, n1, n2, _renamed_via(h, rid, d1, d2)))

    # set up and renamed in the same period (1984年10月设洪濑乡，是年改乡为镇): the rename is told too, from the name
    # it was set up under — never only 是年新设 under the later name
    for rid in sorted(a2 - a1):
        t = h.get(rid)
        life = next((x for x in reversed(t.lives) if x.covers(d2)), None)
        if life is None or life.start is None:
            continue
        spans = [x for x in t.names if x.start is not None and x.start.earliest() >= life.start.earliest()
                 and x.start.latest() <= d2.latest()]
        if len(spans) < 2 or spans[0].start_event is not life.start_event or any(x.withheld for x in spans):
            continue
        steps = [(name_verb(x.start_event, t), x.value[0]) for x in spans[1:]]
        renamed.append((rid, spans[0].value[0], steps[-1][1], _renamed_via(h, rid, d1, d2, steps)))

    def restored(rid: str) -> bool:
        life = next((x for x in reversed(h.get(rid).lives) if x.covers(d2)), None)
        return life is not None and life.start_event is not None and life.start_event.type == "restore"

    def began(rid: str) -> str:
        arrived, where = moved(h, rid, jurisdiction, d1, d2, True)
        if arrived:   # 是年划入（自甲县）: it was there before, elsewhere — never 新设
            return f"划入（自{label_on(h, where, d2)}）" if where else "划入"
        life = next((x for x in reversed(h.get(rid).lives) if x.covers(d2)), None)
        e = life.start_event if life is not None else None
        return began_how(h.get(rid), e) or "新设"

    def went_how(rid: str) -> str:
        left, where = moved(h, rid, jurisdiction, d1, d2, False)
        if left:      # 是年划出（至乙区）: it goes on elsewhere — never 撤销
            return f"划出（至{label_on(h, where, d2)}）" if where else "划出"
        life = next((x for x in reversed(h.get(rid).lives) if x.covers(d1)), None)
        e = life.end_event if life is not None else None
        if e is not None and e.type == "reorganise":
            return f"{e.began_said}为他机构"   # 是年改建为他机构: neither abolished nor merged
        if e is not None and e.type == "split":
            return "分设为他机构"
        if e is not None and e.type == "merge" and not says_abolished(e.wording):  # no 撤销 the source does not say
            return "并入他机构" if e.after and e.after[0].id in {r.id for r in e.before} else "合并为他机构"
        return "撤销" if e is not None and e.type in ("abolish", "merge") else "终止"

    # a body handed to another place in the period was here in it, whenever it was set up (“1978-11前”): 划出
    left = {t.id for t in cands if not t.is_jurisdiction and moved(h, t.id, jurisdiction, d1, d2, False)[0]}
    came = sorted(a2 - a1)
    ended = sorted((a1 | left) - a2)
    moved_in = [r for r in came if moved(h, r, jurisdiction, d1, d2, True)[0]]
    moved_out = [r for r in ended if r in left]
    came_here = [r for r in came if r not in moved_in]
    return Difference([r for r in came_here if not restored(r)], [r for r in ended if r not in moved_out], renamed,
                      [r for r in came_here if restored(r)], dated, _grouped(came, began, first="新设"),
                      _grouped(ended, went_how, first="撤销"), moved_in, moved_out)


def _grouped(ids: list[str], how, first: str) -> list[tuple[str, list[str]]]:
    """``ids`` by ``how`` each came or went, the plain case (``first``) first, the others as they come."""
    out: dict[str, list[str]] = {first: []}
    for rid in ids:
        out.setdefault(how(rid), []).append(rid)
    return [(k, v) for k, v in out.items() if v]
