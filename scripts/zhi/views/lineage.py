"""沿革 of one body: names, parents, ranks, second names, predecessors and successors, functions moved."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..citations import cited_docs
from ..dates import Date
from ..history import History, Span, Timeline, silent_since, unknown_after
from ..model import FATE_UNKNOWN, NON_STATUTORY_LEVELS, UNKNOWN, Archive, Document, Event, Post, level_said
from ..wordings import count_sets_up, merge_verb, rename_verb, superior_relation
from .bodycount import planned
from .chronology import Entry, chronology, count_text, counts_text, excluding, figures_text, sentence_of
from .naming import (
    began_how,
    distinguished,
    label_on,
    name_in_term,
    name_on,
    names_within,
    stated_day,
    with_years,
)


@dataclass
class Period:
    value: str
    start: Date | None
    end: Date | None
    ref: str | None = None  # the record the value names (a parent, a jurisdiction); UNKNOWN: not given (不详)
    note: str = ""          # what the period's end is, when the record does not give it (恢复时间不详)
    relation: str = ""      # a superior's relation when it is not plain 隶属: 代管, 直接领导, 主管
    end_text: str = ""      # printed instead of the end date, which no source gives for it: 去向不详
    renamed: str = ""       # the named superior (place) renamed within the period: 1981年1月更名为乙县人民政府
    began: str = ""         # a name first borne in 筹建 (its start is not the founding's): the preparation's word, 组建

    @property
    def unknown(self) -> bool:
        """A superior (place) the record does not give from here on: its parent ended, or an edition withholds the
        change (printed 上级不详)."""
        return self.ref == UNKNOWN


@dataclass
class Lineage:
    id: str
    name: str
    kind: str
    start: Date | None
    end: Date | None
    end_how: str
    # what is printed for its end when no source gives one, instead of the date: 止年不详（1934年6月下旬甲县并入乙县后去向不详）
    end_said: str = ""
    start_how: str = ""   # how its first period began when that was no 设立 (改建, 恢复, 合并设立): Event.began_said
    names: list[Period] = field(default_factory=list)
    short_names: list[Period] = field(default_factory=list)
    second_names: list[Period] = field(default_factory=list)
    parents: list[Period] = field(default_factory=list)
    jurisdictions: list[Period] = field(default_factory=list)
    ranks: list[Period] = field(default_factory=list)
    suspensions: list[Period] = field(default_factory=list)   # value: the source's wording (停止活动 …)
    colocations: list[Period] = field(default_factory=list)   # value: the partner's name, ref its id
    co_parents: list[Period] = field(default_factory=list)    # 双重领导: value: the other leaders' names
    levels: list[Period] = field(default_factory=list)        # a jurisdiction's levels
    lives: list[Period] = field(default_factory=list)         # periods of existence; value: how each ended
    preparations: list[Period] = field(default_factory=list)  # 筹建, until the formal establishment
    seats: list[Period] = field(default_factory=list)         # 驻地 (县治)
    divisions: list[Period] = field(default_factory=list)     # 辖区 counts: value "30个乡、9个镇"
    unofficial_names: list[Period] = field(default_factory=list)  # 擅改名称, never an official name
    body_counts: list[Period] = field(default_factory=list)   # 机构数 a source gives: value "政府工作部门52个"
    figures: list[Period] = field(default_factory=list)       # 成员数: value "下辖7个支社，有社员123人"
    # the units a source lists by name at a date (下设民政科、财政科……), with the documents that say so; no unit's
    # lifetime is made of them
    unit_lists: list[tuple[Period, list[tuple[Document, str]]]] = field(default_factory=list)
    powers: list[Period] = field(default_factory=list)        # 管理权限 granted, as the source words them, by date
    # who presided over (sponsored) its founding or 筹建: value the sponsor's name then, ref its id, note the form
    # (在…主持下); never a superior
    sponsors: list[Period] = field(default_factory=list)
    co_jurisdictions: list[Period] = field(default_factory=list)  # 市县合署: the others it belongs to (ref: id)
    non_statutory: bool = False  # some level of the place is no 建制 (功能区): its page says so even with one level
    predecessors: list[tuple[str, str, Event]] = field(default_factory=list)  # id, name then, event
    successors: list[tuple[str, str, Event]] = field(default_factory=list)
    functions_in: list[tuple[str, list[str], Event]] = field(default_factory=list)
    functions_out: list[tuple[str, list[str], Event]] = field(default_factory=list)
    # of those, a body abolished with its duties taken over (abolish, functions_to): id, name then, event; drawn in
    # the 沿革图 apart from 前身/后继 (a duty taken over is no succession)
    duties_in: list[tuple[str, str, Event]] = field(default_factory=list)
    duties_out: list[tuple[str, str, Event]] = field(default_factory=list)
    events: list[Entry] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    post_groups: list[tuple[str, list[Post]]] = field(default_factory=list)  # under the name valid in the term
    last_known: Date | None = None  # set when the end is unknown (止年不详): the latest date a record shows it
    end_unknown: bool = False       # its last period's end is not known (`end: 不详`): 止年不详, never as going on
    not_kept: Date | None = None    # its superior 保留 others then, not it (1945年1月未保留): all the source says of its end
    # no record shows it after the one that set it up on a bound date: 1935年前—止年不详, never “（最后见于1935年前）”
    # again (a known date keeps it: 1966年7月7日—止年不详（最后见于1966年7月7日）, never seen after its founding)
    last_is_start: bool = False
    # the sources of what the 存续 line says of its end, when only the body file's `sources` say it (最后见于 a `seen`
    # date, 至本志下限仍存续 on `end: 至今`): (document, how it is cited)
    end_sources: list[tuple[Document, str]] = field(default_factory=list)
    earlier_unknown: bool = False   # its first record is a 恢复: it had existed before, when is not recorded
    start_said: str = ""            # `start: 不详`: 始年不详（最早见于1984年6月）, printed for its start
    # the 存续 line of a body the sources show only over a period (“1970年至1976年设生产组”: set up “1970或以前”, its
    # end unknown, last seen 1976): 见于1970年至1976年（设立、终止时间不详）, never a start or end the source does not give
    seen_only: str = ""
    # no end recorded, none said unknown, and no record of it for more than SILENCE_YEARS before the 下限: its last
    # record (1951年起，1987年后情况不详), never “至本志下限仍存续”
    silent_since: Date | None = None
    silent_text: str = ""   # 1987年后情况不详

    def jurisdiction_terms(self) -> list[tuple[str | None, str, str]]:
        """属地 as the body page prints it: each jurisdiction once for the periods it held in a row, each period
        with its end (a restore does not repeat 金溪县（1981年12月起）；金溪县（1985年12月4日起））:
        (id, name, "1981年12月—1984年5月、1985年12月4日起")."""
        groups: list[tuple[str | None, str, list[Period]]] = []
        for p in self.jurisdictions:
            if groups and groups[-1][0] == p.ref and groups[-1][1] == p.value:
                groups[-1][2].append(p)
            else:
                groups.append((p.ref, p.value, [p]))
        return [(ref, name, "、".join(f"{p.start or '？'}—{p.end_text}" if p.end_text else period_text(p.start, p.end)
                                     if p.end else f"{p.start or '？'}起" for p in ps)
                 + "".join(f"；{p.renamed}" for p in ps if p.renamed))
                for ref, name, ps in groups]


@dataclass
class UnitRow:
    """A 内设机构 as its body's page lists it: its period (the end a later merger or rename gives it, when its own
    record gives none) and how it came to be (甲科、乙科合并为本科), as the record says."""

    name: str
    start: Date | None
    end: Date | None
    origin: str = ""   # 理论科、党员教育科合并为理论与党员教育科 / 通讯科更名为新闻出版科
    end_unknown: bool = False   # `to: 不详`: printed 止年不详, never as going on
    start_unknown: bool = False   # `from: 不详`: printed 始年不详
    note: str = ""   # the unit's `note` (分壮一、壮二。): printed after its period and how it came to be

    def said(self) -> str:
        """What is printed after the unit's name and period: ：1996年12月甲科、乙科合并为本科；分壮一、壮二。"""
        origin = f"{self.start.chinese() if self.start else ''}{self.origin}" if self.origin else ""
        rest = "；".join(x for x in (origin, self.note) if x)
        return f"：{rest}" if rest else ""

    def period(self) -> str:
        """1956年3月—1984年3月, 1939年10月2日—止年不详, 1984年3月— for one that goes on, 始年不详—1984年3月 for
        `from: 不详`, 起止年不详 when no source gives either (never “—止年不详”, which reads as a start left out);
        "" if nothing is said of its period."""
        end = self.end.chinese() if self.end else "止年不详" if self.end_unknown else ""
        if self.start is None and self.end_unknown and not self.end:
            return "起止年不详"
        start = self.start.chinese() if self.start else "始年不详" if self.start_unknown else ""
        return f"{start}—{end}" if start or end else ""

    def _joined(self) -> bool:
        return bool(self.period()) and self.name.endswith("）") and "（" in self.name

    def head(self) -> str:
        """The name as printed before its period (``tail``): 一科（民政 of 一科（民政，1939年10月2日—止年不详）."""
        return self.name[:-1] if self._joined() else self.name

    def tail(self) -> str:
        """The period after ``head``, in the name's own brackets when it ends in some (``naming.with_years``)."""
        p = self.period()
        return (f"，{p}）" if self._joined() else f"（{p}）") if p else ""


def unit_origin(u) -> str:
    """How a 内设机构 came to be, in the words a body's merger or rename is printed with."""
    if u.merged_from:
        return f"{'、'.join(u.merged_from)}{merge_verb(u.wording or None, False)}{u.name}"
    if u.renamed_from:
        return f"{u.renamed_from}{rename_verb(u.wording or None)}{u.name}"
    return ""


def unit_rows(units, parent: Timeline | None = None) -> list[UnitRow]:
    """The body's 内设机构 in the order recorded; a unit merged into or renamed as a later one ends on that one's
    start when its own record gives no end (the merger is the source's statement that it ended).

    With the body's timeline ``parent``: a unit with no end of its own never reads as going on (“1943年9月—”) when
    its body did not: it ends with the body when a source dates the body's end, and is 止年不详 when the body's own
    end is not known (`end: 不详`, or 去向不详: its place ended and no source says what became of it)."""
    ended_by: dict[str, Date] = {}
    for u in units:
        for old in [*u.merged_from, *([u.renamed_from] if u.renamed_from else [])]:
            if u.start is not None:
                ended_by.setdefault(old, u.start)
    body_end, body_end_unknown = None, False
    if parent is not None and parent.lives:
        last = parent.lives[-1]
        body_end_unknown = parent.end_unknown and last.end is None or last.end is not None \
            and parent.fate_unknown_end(last)
        body_end = None if body_end_unknown else last.end
    rows = []
    for u in units:
        end = u.end or ended_by.get(u.name)
        unknown = u.end_unknown and end is None
        if end is None and not unknown:
            end, unknown = body_end, body_end_unknown
        rows.append(UnitRow(u.name, u.start, end, unit_origin(u), unknown, u.start_unknown, u.note.strip()))
    return rows


def volume_jurisdictions(a: Archive, h: History) -> list:
    """The jurisdictions the volume tells, in file order, the lawful divisions first: a place that was only ever a
    功能区 (no 建制) comes after them."""
    def non_statutory(j) -> bool:
        t = h.get(j.id)
        levels = [s.value for s in t.levels] if t is not None and t.levels else [j.level]
        return all(v in NON_STATUTORY_LEVELS for v in levels if v) and any(levels)
    return sorted((j for j in a.jurisdictions.values() if j.in_scope), key=non_statutory)


def period_text(start: Date | None, end: Date | None) -> str:
    """1956年—1960年; a period known only to lie before one date, its start and its end alike (the former period
    of a body restored with `previous_end: 不详` that existed “before” the restore): 1968年3月前, not
    1968年3月前—1968年3月前."""
    if start is not None and end is not None and start.same_as(end) and start.qualifier == "before":
        return str(start)
    return f"{start or '？'}—{end or ''}"


def unrecorded_end_said(life: Span) -> str:
    """The end of a period closed by no record (a restore's `previous_end: 不详`): 止年不详（最后见于1932年1月21日）, never
    the restore's date as “1933年4月前”, which reads as a date a source gives."""
    seen = max(life.attested, key=Date.sort_key, default=None)
    return f"止年不详（最后见于{seen.chinese()}）" if seen is not None and not seen.same_as(life.start) else "止年不详"


def fate_unknown_said(a: Archive, h: History, e: Event) -> str:
    """The end of a body whose jurisdiction ended by ``e`` and no source says what became of it (去向不详): that date is
    the place's, not the body's, so its end is 止年不详 and the place's end is told as what is known — the body was there
    until then: 止年不详（1934年6月下旬甲县、乙县合并为丙县后去向不详）."""
    what = sentence_of(a, h, e).rstrip("。")
    return f"止年不详（{e.date.chinese()}{what}后{FATE_UNKNOWN}）" if what and e.date else f"止年不详（{FATE_UNKNOWN}）"


def by_name_in_term(h: History, rid: str, posts: list[Post]) -> list[tuple[str, list[Post]]]:
    """Posts (in order) grouped under the body's full name valid when each term began (a 1988 mayor under the
    1988 name, not the 1948 one); a term whose start is unknown goes by its end. The name is the one rule's
    (naming.name_in_term) that the people page and posts.csv print: with a rename the span may hold
    (“（1955年9月至1956年12月间更名为…）”), or 名称不详 for a term before every name the history gives — never a later
    name for an earlier term, in the book's 领导名录 or on the body's page."""
    groups: list[tuple[str, list[Post]]] = []
    for p in posts:
        name = name_in_term(h, rid, p.when())
        if groups and groups[-1][0] == name:
            groups[-1][1].append(p)
        else:
            groups.append((name, [p]))
    return groups


def post_order(p: Post) -> tuple:
    return p.when().sort_key() if p.when() else ()


def posts_by_person(a: Archive) -> dict[str, list[Post]]:
    """Each person's terms in time order (by the date that places each term: its start, else its end, else the
    first day a source shows the person in office), whatever files the editor typed them in."""
    out: dict[str, list[Post]] = {}
    for p in sorted(a.posts, key=post_order):
        if p.person is not None:
            out.setdefault(p.person.id, []).append(p)
    return out


def _periods(h: History, spans: list[Span], pick=lambda v: v, named: bool = False, t=None) -> list[Period]:
    """The spans as periods; with the timeline ``t``, a span closed only by its jurisdiction's end (no source
    says what became of the body) notes 去向不详, which the page prints instead of that date."""
    out = []
    for s in spans:
        v = pick(s.value)
        if v is None:
            continue
        fate = "" if t is None else FATE_UNKNOWN if t.fate_unknown_end(s) else "止年不详" if t.unrecorded_end(s) else ""
        # the open span of a body whose end no source gives (`end: 不详`) is known only up to its last record: 止年不详,
        # and a later rename of its superior or place is not told as if the body had lived to see it
        unknown = t is not None and s.end is None and not t.outside and t.end_unknown and bool(t.lives) \
            and t.lives[-1].end is None
        if named:
            pieces = _while_it_existed(h, v, s) if t is not None else [(s.start, s.end)]
            for i, (start, end) in enumerate(pieces):
                last = i == len(pieces) - 1
                name, renamed = names_within(h, v, start, t.last_known if unknown and last else end, unknown and last)
                out.append(Period(name, start, end, v, end_text=(fate or ("止年不详" if unknown else "")) if last
                                  else "", renamed=renamed))
        else:
            out.append(Period(str(v), s.start, s.end, end_text=fate or ("止年不详" if unknown else "")))
    return out


def _unknown_joined(periods: list[Period]) -> list[Period]:
    """Periods of a superior not given (上级不详) that follow one another are one: two rows 上级不详 1976年1月—1976年1月后
    and 上级不详 1976年1月后— told a reader of the public edition that a change it withholds happened between them. Two
    periods with a gap between them (the body ended “1982年4月前” and was restored in 1982年4月) stay two: one row would
    say it was there, under a superior not known, in years it was not (the open data keeps them apart as well)."""
    out: list[Period] = []
    for p in periods:
        if out and p.unknown and out[-1].unknown and out[-1].value == p.value and not (out[-1].relation or p.relation) \
                and out[-1].end == p.start:
            out[-1] = Period(out[-1].value, out[-1].start, p.end, out[-1].ref, p.note, "", p.end_text, p.renamed)
        else:
            out.append(p)
    return out


def _while_it_existed(h: History, place, s: Span) -> list[tuple[Date | None, Date | None]]:
    """A body's span in a place that was abolished and later restored (merged away in 1959, restored in 1961), as the
    periods the place existed: the record does not say where the body belonged in between (no source gives its
    fate then), so 属地 never prints 宁化县（1950年3月起） across the years there was no 宁化县. A body known only
    to exist by a date (1985或以前) is placed from that date: the place's earlier lives (257年—589年) are years no
    source puts it in, and 宜黄县（1985年或以前—589年） is no period at all."""
    jt = h.get(place) if isinstance(place, str) else None
    if jt is None or not jt.is_jurisdiction or len(jt.lives) < 2:
        return [(s.start, s.end)]
    known_from = stated_day(s.start) if s.start is not None and s.start.qualifier == "before" else s.start
    out = []
    for life in jt.lives:
        if _apart(life.end, known_from) or _apart(s.end, life.start):
            continue   # this life of the place is wholly before or after the body's span
        if _before_known(life.end, s.start):
            continue   # a body known only to be there by 2005 (“2005或以前”) is not said to have been there in 257
        start = s.start if not out else life.start
        end = life.end if life.end is not None and (s.end is None or life.end.latest() < s.end.earliest()) else s.end
        out.append((start, end))
    return out or [(s.start, s.end)]


def _before_known(end: Date | None, start: Date | None) -> bool:
    """A period ending (``end``) before the date a record is first known to be there, when its start is given only
    as “by then” (2005或以前): nothing says it was there during that period, so nothing is printed for it."""
    return end is not None and start is not None and start.qualifier == "before" and end.latest() < start.latest()


def _apart(a: Date | None, b: Date | None) -> bool:
    """End ``a`` of one period and start ``b`` of another leave no day in common (the one ends as the other
    begins, or before)."""
    return a is not None and b is not None and (a.same_as(b) or a.latest() < b.earliest())


def superiors(h: History, ref: str, start: Date | None, end: Date | None, depth: int = 0) -> str:
    """What the sources say a superior was itself under during [start, end]: 属山西省（1949年起）. A 地区 outside the
    volume, recorded only by its names and a reparent to its 省, is printed under the county by name and date; it
    never enters the 大事记."""
    t = h.get(ref)
    if t is None or depth > 3:
        return ""
    if start is not None and start.qualifier == "before":
        start = stated_day(start)   # known from that date: not every superior the place had in the centuries before
    out = []
    for s in t.parents:
        if s.value is None or _apart(end, s.start) or _apart(s.end, start) or _before_known(s.end, start):
            continue
        when = f"{s.start}—{s.end}" if s.start and s.end else f"{s.start}起" if s.start else f"至{s.end}" if s.end else ""
        above = superiors(h, s.value, s.start, s.end, depth + 1)
        name = distinguished(h, s.value, name_on(h, s.value, s.start or start))
        out.append(f"属{with_years(name, when) if when else name}" + (f"，{above}" if above else ""))
    return "、".join(out)


def kinds_by_period(t: Timeline) -> str:
    """A body whose kind changed (镇改街道办事处, kind: 街道): each kind with its years, 乡镇（—1999年）；街道（1999年起）;
    "" for one kind all its life (the body file's kind is printed)."""
    spans = [s for s in t.kinds if s.value]
    if len({s.value for s in spans}) < 2:
        return ""

    def years(s: Span) -> str:
        start = s.start.chinese() if s.start and s is not spans[0] else ""
        end = s.end.chinese() if s.end else ""
        return f"{start}—{end}" if start and end else f"{start}起" if start else f"—{end}" if end else ""
    return "；".join(f"{s.value}（{y}）" if (y := years(s)) else s.value for s in spans)


def entries_by_event(entries: list[Entry]) -> dict[int, Entry]:
    """Chronology entries keyed by their event, for looking up one body's entries without a scan."""
    return {id(en.event): en for en in entries}


def lineage(a: Archive, h: History, rid: str, entries: list[Entry] | dict[int, Entry] | None = None) -> Lineage | None:
    t = h.get(rid)
    if t is None:
        return None
    body = a.bodies.get(rid)
    end_how = FATE_UNKNOWN if t.fate_unknown else t.end_event.said_zh if t.end_event else ""
    lin = Lineage(rid, label_on(h, rid), kinds_by_period(t) or (body.kind_label if body else ""), t.start, t.end,
                  end_how)
    lin.start_how = began_how(t, t.start_event)
    if t.fate_unknown is not None:
        lin.end_said = fate_unknown_said(a, h, t.fate_unknown)
    if t.start_event is not None and t.start_event.origin_unknown:   # `start: 不详`: first met in an event
        lin.start_said = f"始年不详（最早见于{Date(t.start_event.date.start).chinese()}）"
    # seen again after a 停止活动 no source ends (suspended-seen): told with the sighting, no 恢复 invented
    again = {id(s): seen for s in t.suspensions if body is not None and (seen := t.seen_after(s, body.seen))}
    lin.suspensions = [Period(s.value or "停止活动", s.start, None, note="恢复时间不详") if t.resume_unknown(s)
                       else Period(s.value or "停止活动", s.start, s.end,
                                   note=f"{again[id(s)][-1]}又见于记载，来源未载恢复活动" if id(s) in again else "")
                       for s in t.suspensions]
    lin.colocations = _periods(h, t.colocations, named=True)
    for p, s in zip(lin.colocations, [s for s in t.colocations if s.value is not None]):
        if s.end_unknown:   # a party's end is 不详: so is the joint period's (never “—”, which reads as 至今)
            p.end_text = "止年不详"
    lin.co_parents = [Period(("另受{}领导" if t.parent_on(s.start) else "由{}双重领导").format(
        "、".join(name_on(h, c, s.start) for c in s.value)), s.start, s.end) for s in t.co_parents]
    lin.levels = _periods(h, t.levels, level_said)
    lin.non_statutory = any(s.value in NON_STATUTORY_LEVELS for s in t.levels)
    lin.preparations = _periods(h, t.preparations)
    # a period that ended by no event: a 恢复 whose source does not say when it had ended (previous_end: 不详)
    lin.lives = [Period(s.value if isinstance(s.value, str) else s.end_event.said_zh if s.end_event
                        else "终止时间不详" if s.end else "", s.start, s.end,
                        end_text=fate_unknown_said(a, h, s.end_event) if s.value == FATE_UNKNOWN and s.end_event
                        else unrecorded_end_said(s) if t.unrecorded_end(s) else "")
                 for s in t.lives]
    lin.seats = _periods(h, t.seats)
    lin.divisions = [Period(counts_text(s.value), s.start, s.end) for s in t.divisions]
    lin.unofficial_names = _periods(h, t.unofficial_names)
    lin.body_counts = [Period(_count_value(s), s.start, None) for s in t.body_counts if s.value[1] is not None]
    for s in t.figures:
        said = Period(figures_text(s.value, s.start_event.wording if s.start_event else None), s.start, None)
        if any(k == "units" for k, _w, _n in s.value):   # the units a source lists by name: under 内设机构, cited
            lin.unit_lists.append((said, cited_docs(a, s.start_event.sources) if s.start_event else []))
        else:
            lin.figures.append(said)
    # a grant is printed with its end only when a record ends it (收回权限, or the holder's own end)
    lin.powers = [Period(s.value, s.start, s.end) for s in t.powers if s.value]
    lin.names = _periods(h, t.names, lambda v: distinguished(h, rid, v[0]), t=t)
    lin.short_names = _periods(h, t.names, lambda v: v[1], t=t)
    for p in lin.names:   # 名称 from 1965年4月28日（组建）, 存续 from 1965年5月1日: the name's start is the preparation's
        p.began = next((str(s.value) for s in t.preparations if s.start is not None and p.start is not None
                        and s.start.same_as(p.start)), "")
    lin.second_names = _periods(h, t.second_names, t=t)
    lin.parents = _periods(h, t.parents, named=True, t=t)
    for p, s in zip(lin.parents, [s for s in t.parents if s.value is not None]):
        if s.value != UNKNOWN and (relation := superior_relation(s.start_event, t.id)) != "隶属":
            p.relation = relation  # 委托汕头市代管: not said to be 隶属; the name stays the superior's own
    lin.parents = _unknown_joined(lin.parents)
    if t.is_jurisdiction:   # a 县 under a 地区 outside the volume, itself under a 省: the chain, by name and date
        for p in lin.parents:
            p.note = superiors(h, p.ref, p.start, p.end) if p.ref else ""
    lin.jurisdictions = _periods(h, t.jurisdictions, named=True, t=t)
    # a jurisdiction the history does not name (withheld by the edition) is left out: its raw id never prints
    lin.co_jurisdictions = [Period(name_on(h, j, s.start), s.start, s.end, j) for s in t.co_jurisdictions
                            for j in s.value if (x := h.get(j)) is not None and x.names]
    lin.ranks = [Period("规格不详", p.start, p.end) if p.value == UNKNOWN else p for p in _periods(h, t.ranks)]
    lin.predecessors = [(p, distinguished(h, p, name_on(h, p, e.date)), e) for p, e in t.predecessors]
    lin.successors = [(s, distinguished(h, s, name_on(h, s, e.date)), e) for s, e in t.successors]
    lin.sponsors = [Period(distinguished(h, e.sponsor.id, name_on(h, e.sponsor.id, e.date)), e.date, None,
                           e.sponsor.id, note=e.sponsor_wording or "")
                    for e in t.events if e.sponsor and e.body and e.body.id == rid and e.sponsor_wording]
    for e in t.events:
        if e.type == "abolish" and e.body:   # 撤销甲，其职能由乙承担: 乙's duties grew, 乙 is no 后继 of 甲
            if e.body.id == rid:
                lin.functions_out += [(r.id, [], e) for r in e.functions_to]
                lin.duties_out += [(r.id, distinguished(h, r.id, name_on(h, r.id, e.date)), e) for r in e.functions_to]
            elif any(r.id == rid for r in e.functions_to):
                lin.functions_in.append((e.body.id, [], e))
                lin.duties_in.append((e.body.id, distinguished(h, e.body.id, name_on(h, e.body.id, e.date)), e))
        if e.type == "transfer":
            if e.target_to and e.target_to.id == rid and e.source_from:
                lin.functions_in.append((e.source_from.id, e.functions, e))
            if e.source_from and e.source_from.id == rid and e.target_to:
                lin.functions_out.append((e.target_to.id, e.functions, e))
    entries = entries if entries is not None else chronology(a, h)
    by_event = entries if isinstance(entries, dict) else entries_by_event(entries)
    lin.events = sorted((by_event[id(e)] for e in t.events if id(e) in by_event),
                        key=lambda en: (en.date.sort_key(), en.event.order))   # a date's in the editor's order
    lin.posts = sorted((p for p in a.posts if p.body and p.body.id == rid), key=post_order)
    lin.post_groups = by_name_in_term(h, rid, lin.posts)
    if t.end_unknown and t.lives and t.lives[-1].end is None:
        lin.end_unknown = True
        lin.last_known = t.last_known
        lin.last_is_start = t.last_known is not None and t.lives[-1].start is not None \
            and t.last_known.same_as(t.lives[-1].start) and t.last_known.qualifier != "exact"
        lin.end_sources = cited_docs(a, t.last_known_sources)
        lin.not_kept = t.not_kept.date if t.not_kept is not None else None
    elif body is not None and body.extant and t.lives and t.lives[-1].end is None:
        lin.end_sources = cited_docs(a, body.sources)   # 至今: the source that says it is there to its own day
    lin.earlier_unknown = t.earlier_unknown is not None
    lin.seen_only = seen_only(t)
    if t.lives and t.lives[-1].end is None and (last := silent_since(a, t)) is not None:
        lin.silent_since, lin.silent_text = last, unknown_after(last)
    return lin


def seen_only(t: Timeline) -> str:
    """“见于1970年至1976年（设立、终止时间不详）” for a body of one period that the record shows existing by a date
    only (set up “1970或以前”, “至迟1970”: there in 1970, since when not said) and whose end is unknown, last seen
    on a date (``end: 不详`` with ``seen``, or a later record); "" for any other."""
    if len(t.lives) != 1 or t.earlier_unknown is not None or not t.end_unknown or t.lives[0].end is not None:
        return ""
    start, last, e = t.lives[0].start, t.last_known, t.lives[0].start_event
    if start is None or last is None or start.qualifier != "before" or not start.inclusive \
            or e is None or e.type != "establish" or e.wording:
        return ""
    first = Date(start.start).chinese()
    # no later record than the one that shows it there by a date (its own 或以前): seen that year only, never
    # “见于1935年至1935年或以前”
    seen = first if last.same_as(start) or last.chinese() == first else f"{first}至{last.chinese()}"
    return f"见于{seen}（设立、终止时间不详）"


def _count_value(s) -> str:
    """A count in the 机构数 row: 政府工作部门52个, 市委工作（派出）机构9个（不含合署机构）; a plan as the source words it
    (党政机构将由48个压缩到29个, 市委工作部门拟设7个), never as if it had been reached."""
    scope, count, before = s.value
    e = s.start_event
    if planned(e) or (e is not None and count_sets_up(e.wording)):  # 建立党政机构9个: what was set up, as said
        return count_text("", scope or "", count, before, e.wording, e.planned, e.excludes)
    return f"{scope}{count}个{excluding(e.excludes if e else [])}"
