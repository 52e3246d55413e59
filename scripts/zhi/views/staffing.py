"""Staffing series, true to the archive: every figure a table prints is one a source gives, for the period it gives it.

The semantics (documented for editors in guide/staffing.md):

- A 核定 figure holds from its date until a later figure for the same body (or jurisdiction, or 系统) and basis,
  and never past the end of the body's period of existence, a merge or split it takes part in, or a suspension
  (停止活动). After such a break the body has no approved figure until a source gives a new one.
- A figure dated by year only counts in that year (its earliest reading is 1 January); one dated "before"
  counts from its earliest reading.
- A figure dated by a period (1912年至1949年, 1950年代, 民国) is the period's: it is printed once, in the records with
  its period, and is never carried into the yearly table nor taken as the figure of any one year.
- Figures of one body (or jurisdiction, 系统) on one date and basis whose 范围 differ (机关 / 下属单位) are parts of
  what stands then, not two readings of one figure: each stands, none is a source-conflict.
- A 实有 figure is a count on its date: it counts in the year of its date only, never carried into later years.
- A 核定 figure carried into a later year (no new figure that year) is marked "据1951年" wherever a year's table
  prints it; one older than the house style's ``stale-after`` years is said also to be long unrestated.
- Figures of a jurisdiction or of one 系统 of it are the jurisdiction's, never a body's; a sum of the bodies'
  figures is labelled "各机构核定数合计". Where the jurisdiction's own figure and the sum differ, both print.
- A category no figure gives is None ("—", 未载); 0 only where a source says 0.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..classification import Level
from ..dates import Date, Point
from ..model import (
    BASIS_ZH,
    FIGURE_RE,
    HEADCOUNT_KEY,
    KIND_LABELS,
    STAFFING_KINDS,
    ApproxCount,
    Archive,
    Citation,
    Staffing,
)
from .naming import distinguished, label_on, name_on, name_over

# events after which a body's approved figure no longer stands (its period of existence ending is another)
BREAK_TYPES = {"merge", "split", "suspend", "reorganise", "reorganize"}
# and after which a jurisdiction's (or its 系统's) figure no longer stands: its extent or its level changed
# (a 县级市's 1983 total is not the 地级市's of 1992)
TERRITORY_BREAK_TYPES = BREAK_TYPES | {"cede", "rerank"}
STALE_AFTER = 10  # default of the house style's staffing.stale-after (years)


@dataclass
class Figure:
    body: str | None  # the body; None for a figure of a whole jurisdiction or of one of its 系统
    date: Date
    basis: str  # approved | actual | over | reduced
    staffing: Staffing
    sources: list[Citation]
    classification: Level
    origin: str  # id of the event or staffing record, or its file:line
    jurisdiction: str | None = None
    system: str = ""
    conflict_note: str = ""
    others: list[Figure] = field(default_factory=list)  # different figures for the same scope, date and basis

    @property
    def scope(self) -> str:
        return self.body or self.jurisdiction or ""

    def key(self) -> tuple:
        # a statement of people only (实有干部312人, 未配备专职人员) and one of 编制 on the same day are two facts,
        # never two readings of one
        people_only = not (self.staffing.posts or self.staffing.leaders or self.staffing.parts)
        # figures whose 范围 differ (机关 / 下属单位; 县级 / 乡镇) are parts, never two readings of one figure
        return (self.scope, self.system, self.date.sort_key(), self.basis, people_only, self.staffing.scope_note)

    @property
    def yearly(self) -> bool:
        """Dated within one year (1990, 1990年3月): a figure of that year. A figure dated by a period (1912年至1949年,
        1950年代, 民国) is the period's, never one year's."""
        return not self.date.is_period()


def figures(a: Archive) -> list[Figure]:
    """All figures in date order: staffing records and the staffing set by events. The same figure recorded
    twice (an event and a staffing record) is one figure; different figures for the same scope, date and
    basis are one figure (the first recorded) carrying the others in ``others`` (a source-conflict)."""
    out: list[Figure] = []
    for s in a.staffing:
        if s.scope and s.date and s.figures:
            out.append(Figure(s.body.id if s.body else None, s.date, s.basis, s.figures, s.sources,
                              s.classification, s.id or str(s.loc), s.jurisdiction.id if s.jurisdiction else None,
                              s.system, s.conflict_note))
    for e in a.events:
        if (target := event_scope(a, e)) is not None:
            out.append(Figure(target, e.date, e.staffing.basis or "approved", e.staffing, e.sources, e.classification,
                              e.id or str(e.loc), conflict_note=e.conflict_note))
    first: dict[tuple, Figure] = {}
    unique = []
    for f in sorted(out, key=lambda f: (f.date.sort_key(), f.scope, f.system, f.basis)):
        k = f.key()
        if k not in first:
            first[k] = f
            unique.append(f)
        elif not same_figures(first[k].staffing, f.staffing) \
                and not any(same_figures(o.staffing, f.staffing) for o in first[k].others):
            first[k].others.append(f)
    return unique


def event_scope(a: Archive, e) -> str | None:
    """The body an event's staffing figure belongs to (its body, or the one body it results in); None when the
    event gives no figure, no date or no single body (a jurisdiction's event: refused by check_references)."""
    if e.staffing is None or e.date is None:
        return None
    target = e.body.id if e.body else (e.after[0].id if len(e.after) == 1 else None)
    return target if target and target not in a.jurisdictions else None


def recorded_figures(a: Archive) -> list[tuple]:
    """(record, scope id, figures) of every staffing figure as recorded, one per record: each staffing record and
    each event that sets one (unlike ``figures``, a figure recorded twice is two), in date order."""
    out = [(s, s.scope, s.figures) for s in a.staffing if s.figures and s.scope and s.date]
    out += [(e, scope, e.staffing) for e in a.events if (scope := event_scope(a, e)) is not None]
    return sorted(out, key=lambda r: r[0].date.sort_key())


def same_figures(x: Staffing, y: Staffing) -> bool:
    return (x.posts, x.leaders, x.parts, x.headcount, x.counted, x.unstaffed, x.headcount_parts, x.headcount_groups) \
        == (y.posts, y.leaders, y.parts, y.headcount, y.counted, y.unstaffed, y.headcount_parts, y.headcount_groups)


def by_body(figs: list[Figure]) -> dict[str, list[Figure]]:
    out: dict[str, list[Figure]] = {}
    for f in figs:
        if f.body:
            out.setdefault(f.body, []).append(f)
    return out


def by_scope(figs: list[Figure]) -> dict[str, list[Figure]]:
    out: dict[str, list[Figure]] = {}
    for f in figs:
        out.setdefault(f.scope, []).append(f)
    return out


# ---- what is in force on a date -------------------------------------------------------------------------
def breaks(h, body: str) -> list[Date]:
    """Dates after which an earlier approved figure of the body no longer stands: the end of each of its periods
    of existence, and each merge, split or suspension it takes part in (other than the one that creates it); for
    a jurisdiction also each change of its extent (区域划转) or level."""
    t = h.get(body) if h is not None else None
    if t is None:
        return []
    kinds = TERRITORY_BREAK_TYPES if t.is_jurisdiction else BREAK_TYPES
    starts = {id(life.start_event) for life in t.lives if life.start_event is not None}
    out = [life.end for life in t.lives if life.end is not None]
    for e in t.events:
        # a jurisdiction set up from part of this one (以本县某镇设市) changes its extent too
        made_from = t.is_jurisdiction and e.source_from is not None and e.source_from.id == body and \
            bool(e.places or e.divisions)
        taken_over = any(r.id == body for r in e.takes_over)   # 取代: it stops functioning, as in a suspension
        if (e.type in kinds or made_from or taken_over) and e.date is not None and id(e) not in starts:
            out.append(e.date)
    if not t.is_jurisdiction:
        out += [Restructured(d.start, d.qualifier, d.end, d.text, d.inclusive) for d in _restructured(h).get(body, [])]
    return out


@dataclass(frozen=True)
class Restructured(Date):
    """The date its 内设 bodies were rebuilt (县府内改设5科): a figure of the body recorded before it no longer stands
    (the figure was of the old structure), but only when the rebuilding surely comes after the figure — “1939年县政府
    设3科，编制28人” is of the 3 科, the figure and the rebuilding of one year are not known in their order."""


def _restructured(h) -> dict[str, list[Date]]:
    """Body id → the dates its direct subordinates were rebuilt: a reorganise (改组、改设其内设各科) whose bodies before
    or after are under it. A merge or split of bodies under it is not counted: 工作部门 under a government merge in
    every 机构改革 and have 编制 of their own. Worked out once per history."""
    got = h.__dict__.get("_restructured")
    if got is not None:
        return got
    got = {}
    for e in h.events:
        if e.type not in ("reorganise", "reorganize") or e.date is None:
            continue
        parents = {nb.parent.id for nb in e.new.values() if nb.parent is not None}
        for r in e.before:
            if (t := h.get(r.id)) is not None and (p := t.parent_on(e.date)):
                parents.add(p)
        for p in parents:
            got.setdefault(p, []).append(e.date)
    h.__dict__["_restructured"] = got
    return got


def _dated_by(f: Figure, d: Date) -> bool:
    return f.date.earliest() <= d.latest()


def _broken(f: Figure, d: Date, cuts: list[Date]) -> bool:
    """A break lies after the figure (not certainly before or on its date) and on or before d; a rebuilding of its
    内设 bodies (``Restructured``) only when it surely comes after the figure."""
    return any((b.earliest() > f.date.latest() if isinstance(b, Restructured) else not (b.latest() <= f.date.earliest()))
               and b.earliest() <= d.latest() for b in cuts)


def _within_year(f: Figure, y: int) -> bool:
    """Every reading of the figure's date falls in year y (1990, 1990年底, 约1990; not 1990前, 1990后, 1990年代)."""
    return f.date.earliest().year == f.date.latest().year == y


def _stands(f: Figure, basis: str, system: str) -> bool:
    # a record of 领导职数 alone says nothing of the headcount: it neither stands as one (an invented 0) nor ends the
    # one before it; a figure of a period is no year's figure
    return f.basis == basis and f.system == system and bool(f.staffing.posts) and f.yearly


def in_force(figs: list[Figure], basis: str, d: Date, cuts: list[Date] = (), system: str = "") -> Figure | None:
    """The figure of ``basis`` that stands on d among one scope's figures (see the module's semantics)."""
    best = None
    for f in figs:
        if _stands(f, basis, system) and _dated_by(f, d):
            best = f
    if best is None:
        return None
    if basis != "approved" and not _within_year(best, d.year):
        return None  # a count is true on its date, not carried into later years (nor one of before it: 1990前)
    if _broken(best, d, list(cuts)):
        return None
    return best


def in_force_parts(figs: list[Figure], basis: str, d: Date, cuts: list[Date] = (), system: str = "") -> list[Figure]:
    """The figures that stand together on d: the one ``in_force`` finds and those of the same date and basis whose
    范围 differ from it (机关 / 下属单位), in the order recorded; [] when none stands."""
    best = in_force(figs, basis, d, cuts, system)
    if best is None:
        return []
    return [f for f in figs if f is best or (_stands(f, basis, system) and f.date.same_as(best.date))]


def latest(figs: list[Figure], body: str, basis: str, d: Date, h=None) -> Figure | None:
    """The figure in force on d for one body (kept for callers that hold all figures)."""
    return in_force([f for f in figs if f.body == body], basis, d, breaks(h, body))


def carried_from(f: Figure | None, d: Date) -> int | None:
    """The year of the record an approved figure standing on d comes from, when that is an earlier year: the figure
    is carried (no new one was recorded in d's year), printed "据1951年"; None for a figure recorded in d's year."""
    if f is None or f.basis != "approved" or f.date.year >= d.year:
        return None
    return f.date.year


def stale_since(f: Figure | None, d: Date, after: int) -> int | None:
    """The year of a carried figure older than ``after`` years on d (house style ``stale-after``), else None."""
    y = carried_from(f, d)
    return y if y is not None and after > 0 and d.year - y > after else None


def carried_said(f: Figure | None, d: Date, after: int) -> str:
    """How a year's table marks a carried figure: 据1990年, or 据1966年（逾10年未重新核定）; "" when not carried."""
    y = carried_from(f, d)
    if y is None:
        return ""
    return f"据{y}年" + (f"（逾{after}年未重新核定）" if stale_since(f, d, after) is not None else "")


# ---- house style ----------------------------------------------------------------------------------------
@dataclass
class StaffingStyle:
    stale_after: int = STALE_AFTER
    split_at_rename: bool = False


@lru_cache(maxsize=8)
def _style_at(root: str) -> StaffingStyle:
    from ..project import load_house_style

    hs = load_house_style(Path(root))
    return StaffingStyle(hs.staffing.get("stale-after", STALE_AFTER), bool(hs.staffing.get("split-at-rename", False)))


def staffing_style(a: Archive) -> StaffingStyle:
    try:
        return _style_at(str(a.root))
    except (OSError, TypeError):
        return StaffingStyle()


# ---- the 编制统计表 of a jurisdiction ------------------------------------------------------------------
@dataclass
class Line:
    label: str                       # 口径: 各机构核定数合计, 全县核定编制, 政法系统核定编制, 各机构实有数合计 …
    what: str                        # sum-approved | sum-actual | jurisdiction | system
    values: dict[str, int | None]    # per category; None is 未载
    note: str = ""

    def total(self) -> int | None:
        vals = [v for k, v in self.values.items() if v is not None and k != HEADCOUNT_KEY]
        return sum(vals) if vals else None


@dataclass
class YearRow:
    year: int
    on: Date      # the date the row is evaluated on (the year end, or the jurisdiction's last day)
    label: str    # 1990, or 2020（至8月31日）
    lines: list[Line]

    def line(self, what: str) -> Line | None:
        return next((ln for ln in self.lines if ln.what == what), None)


# the lines a table's chart plots (各类合计 per year): a 系统's figures are not comparable with them and are not drawn
CHARTED = ("sum-approved", "sum-actual", "jurisdiction")


@dataclass
class Table:
    jurisdiction: str
    name: str            # the jurisdiction's name over the years covered ("河东区（2020年更名为望川区）")
    kinds: list[str]     # the categories some figure in the table gives
    rows: list[YearRow]
    # the jurisdiction's own statements (whole jurisdiction or one 系统; every basis, 超编 and 精简 included), as
    # printed under the table: (date, 口径, 系统, figures in words, sources)
    records: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    # the bodies' figures no line of the table sums (口径 记载, 超编, 精简, 设置: “编制17人” of a 志书 is no 核定 number),
    # listed under it as recorded so that every figure of the archive is found in the book: (date, body, 口径,
    # figures in words, sources)
    body_records: list[tuple[str, str, str, str, str]] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{self.name}编制统计表"

    @property
    def chart_what(self) -> str:
        """What the chart plots, for its title: 核定编制, 实有编制 or 核定与实有编制 (never 实有 under a 编制 title)."""
        bases = {"实有" if ln.what == "sum-actual" or (ln.what == "jurisdiction" and "实有" in ln.label) else "核定"
                 for r in self.rows for ln in r.lines if ln.what in CHARTED and ln.total() is not None}
        return "与".join(b for b in ("核定", "实有") if b in bases) + "编制"

    @property
    def chart_note(self) -> str:
        """Why the table has no chart, when no line it charts (各机构合计, 全区划) gives a number in any year: the
        one line printed in its place, never an empty 0–1 chart that reads as zero. "" when there is a chart."""
        if any((ln := r.line(what)) is not None and ln.total() is not None for r in self.rows for what in CHARTED):
            return ""
        only = "表中只有系统的编制，" if any(ln.what == "system" for r in self.rows for ln in r.lines) else ""
        return f"{self.name}不作编制图：{only}档案中没有逐年可比的合计数（各机构合计或全区划的编制）。"


def _whole(name: str) -> str:
    """全县 / 全区 / 全市 …, from the last character of the jurisdiction's name."""
    return f"全{name[-1]}" if name and name[-1] in "省市县区旗镇乡州盟" else "全境"


# a table's columns: the categories of 编制, then the head-count (实有人数, people, not posts: never in a line's total)
COLUMNS = (*STAFFING_KINDS, HEADCOUNT_KEY)


def _sum(figs: list[Figure]) -> dict[str, int | None]:
    out: dict[str, int | None] = dict.fromkeys(COLUMNS)
    for f in figs:
        for k, v in f.staffing.posts.items():
            out[k] = (out.get(k) or 0) + v
    return out


def _values(f: Figure) -> dict[str, int | None]:
    return {k: f.staffing.posts.get(k) for k in COLUMNS}


def _bodies_on(h, jid: str, members: set[str], d: Date) -> list[str]:
    out = []
    for b in sorted(members):
        t = h.get(b)
        # a body whose end no source gives counts only while a record shows it (止年不详: not assumed alive)
        if t is not None and t.known_alive_on(d) and t.belongs_on(d, jid):
            out.append(b)
    return out


def _seen_in_year(h, jid: str, members: set[str], figs_by_body: dict[str, list[Figure]], d: Date) -> list[str]:
    """The bodies of the jurisdiction that the record does not show existing on d (止年不详, not seen since) but that
    a figure dated within d's year shows there on its own date: that year's row counts the figure, said to be of its
    date (its body may have ended by the year's end), and no later row carries it. Without this the figure of a body
    last seen in 1984年4月 stood in no row and in no list (dropped without a word)."""
    known = set(_bodies_on(h, jid, members, d))
    out = []
    for b in sorted(members):
        t = h.get(b)
        if b in known or t is None:
            continue
        if any(_within_year(f, d.year) and f.date.latest() <= d.latest() and t.alive_on(f.date)
               and t.belongs_on(f.date, jid) for f in figs_by_body.get(b, [])):
            out.append(b)
    return out


def _own_year(figs: list[Figure], y: int) -> list[Figure]:
    """Of the figures standing together, those recorded in year y; [] when any is carried from before."""
    return figs if all(_within_year(f, y) for f in figs) else []


def bodies_sum(figs_by_body: dict[str, list[Figure]], h, jid: str, members: set[str], d: Date,
               basis: str = "approved") -> tuple[list[Figure], dict[str, int | None]]:
    """The figures of ``basis`` in force on d for the bodies of the jurisdiction on d, and their sum by category;
    with them the figures recorded in d's year of a body not known to exist on d (``_seen_in_year``)."""
    used = []
    for b in _bodies_on(h, jid, members, d):   # a body's figures of several 范围 on one date are parts: all count
        used += in_force_parts(figs_by_body.get(b, []), basis, d, breaks(h, b))
    for b in _seen_in_year(h, jid, members, figs_by_body, d):
        used += _own_year(in_force_parts(figs_by_body.get(b, []), basis, d, breaks(h, b)), d.year)
    return used, _sum(used)


def _row_date(h, jid: str, y: int) -> tuple[Date, str] | None:
    """The day a year's row is read on: the year end, or the jurisdiction's last day in the year it ends."""
    end = Date(Point(y, 12, 31))
    t = h.get(jid)
    if t is None or t.alive_on(end):
        return end, str(y)
    for life in t.lives:
        if life.end is not None and life.end.earliest().year == y:
            day = life.end.earliest() - _dt.timedelta(days=1)
            if day.year == y and life.covers(Date(Point(day.year, day.month, day.day))):
                shown = f"至{day.month}月{day.day}日" if life.end.is_exact_day() else "撤销前"
                return Date(Point(day.year, day.month, day.day)), f"{y}（{shown}）"
    return None


def _headcount_in(figs: list[Figure], y: int, d: Date, system: str = "") -> Figure | None:
    """The last head-count (实有干部312人) a record dated within year y (and by d) gives: a count is true on its date,
    never carried into another year; one dated by a period is no year's count."""
    found = None
    for f in figs:
        if f.staffing.headcount is not None and f.basis != "set" and f.system == system and _within_year(f, y) \
                and f.date.latest() <= d.latest():
            found = f
    return found


def _headcount_lines(per_body, h, jid: str, members: set[str], own: list[Figure], y: int, d: Date,
                     whole: str) -> list[Line]:
    """The 实有人数 rows of a year, beside the 编制 rows: the bodies' head-counts recorded in that year (summed, and
    labelled as a sum), and the jurisdiction's (or a 系统's) own."""
    out = []
    bodies = _bodies_on(h, jid, members, d) + _seen_in_year(h, jid, members, per_body, d)
    counted = [f for b in bodies if (f := _headcount_in(per_body.get(b, []), y, d))]
    total = _headcount_sum([f.staffing.headcount for f in counted])
    if total is not None:
        out.append(Line("各机构实有人数合计", "headcount", _count(total), _unseen_note(counted, d, h)))
    for sysname in ["", *sorted({f.system for f in own if f.system})]:
        f = _headcount_in(own, y, d, sysname)
        if f is not None:
            who = f"{sysname}系统" if sysname else whole
            out.append(Line(f"{who}实有{f.staffing.counted or '人数'}", "headcount", _count(f.staffing.headcount),
                            "，".join(x for x in (f.staffing.scope_note, f.staffing.headcount_parts_said) if x)))
    return out


def _headcount_sum(counts: list[int]) -> int | None:
    """The sum of head-counts; with 1800余 among them it is 1900余 (more than the sum), and with 约1800 or 近1800
    there is none: no sum of approximations is printed as an exact number."""
    if not counts:
        return None
    said = {c.said for c in counts if isinstance(c, ApproxCount)}
    if not said:
        return sum(counts)
    if all(FIGURE_RE.match(w)[3] and not FIGURE_RE.match(w)[1] for w in said):
        return ApproxCount(sum(counts), f"{sum(counts)}余")
    return None


def _count(n: int) -> dict[str, int | None]:
    return {**dict.fromkeys(COLUMNS), HEADCOUNT_KEY: n}


def _part_label(label: str, f: Figure, parts: list[Figure]) -> str:
    """A line's label; when figures of several 范围 stand together, each says its 范围: 全县核定编制（县级）."""
    return f"{label}（{f.staffing.scope_note}）" if len(parts) > 1 and f.staffing.scope_note else label


def jurisdiction_table(a: Archive, h, figs: list[Figure], jid: str, years: range) -> Table | None:
    """The 编制统计表 of one jurisdiction over ``years`` (``table_years``): a row for each year in which some figure
    stands. The jurisdiction's statements are listed under it as recorded; those dated before the book's 上限 are
    listed as 追述 and, like the bodies' figures of before the 上限, stand in no year's row (the body page has them)."""
    style = staffing_style(a)
    upper = getattr(a.book, "upper", None)
    early = [f for f in figs if upper is not None and f.date.latest() < upper.earliest()]
    taken = {id(f) for f in early}
    figs = [f for f in figs if id(f) not in taken]
    per_body = by_body(figs)
    own = [f for f in figs if f.jurisdiction == jid]
    members = member_bodies(h).get(jid, set())
    cuts = breaks(h, jid)  # a figure of the whole jurisdiction ends where its extent or level changes
    rows = []
    for y in years:
        when = _row_date(h, jid, y)
        if when is None:
            continue
        d, label = when
        lines = []
        whole = _whole(name_on(h, jid, d))
        for basis, what, text in (("approved", "sum-approved", "各机构核定数合计"),
                                  ("actual", "sum-actual", "各机构实有数合计")):
            used, total = bodies_sum(per_body, h, jid, members, d, basis)
            if used:
                lines.append(Line(text, what, total, _sum_note(used, d, style.stale_after, h)))
        systems = sorted({f.system for f in own if f.system})
        for basis, word in (("approved", "核定编制"), ("actual", "实有编制")):
            for sysname in ["", *systems]:
                parts = in_force_parts(own, basis, d, cuts, system=sysname)
                what = ("system" if sysname else "jurisdiction") if len(parts) == 1 else "part"
                for f in parts:
                    lines.append(Line(_part_label(f"{sysname}系统{word}" if sysname else f"{whole}{word}", f, parts),
                                      what, _values(f), _fig_note(f, d, style.stale_after)))
        lines += _headcount_lines(per_body, h, jid, members, own, y, d, whole)
        if lines:
            rows.append(YearRow(y, d, label, lines))
    own_early = [f for f in early if f.jurisdiction == jid]
    listed = sorted(own_early + [f for f in own if f.date.earliest().year < years.stop],   # (after the 下限:
                    key=lambda f: f.date.sort_key())                                      # staffing-after-lower)
    body_records = _body_records(a, h, per_body, jid, members, upper, years, early)
    if not rows and not listed and not body_records:
        return None
    kinds = [k for k in COLUMNS if any(ln.values.get(k) is not None for r in rows for ln in r.lines)]
    # 追述: a record whose date begins before the 上限 (1947, 民国); one known only as “before 1993” does not
    records = [((f.date.chinese() + ("（追述）" if upper is not None and f.date.start.first_day() < upper.earliest() else "")),
                # what the figure covers: the source's 范围 (每个乡镇) before the jurisdiction's whole (全县), which
                # said the opposite of a per-乡镇 figure; with 编制 the 范围 is said after them (编制3248名（包括…）)
                BASIS_ZH.get(f.basis, f.basis),
                (f.staffing.scope_note if f.staffing.scope_note and not f.staffing.posts
                 else f"{f.system}系统" if f.system else whole_name(h, jid, f.date)),
                staffing_words(f.staffing) + (f"（另据他文：{'；'.join(staffing_words(o.staffing) for o in f.others)}）"
                                              if f.others else ""), _cited(a, f))
               for f in listed]
    if not rows:  # the jurisdiction's statements stand in no year's row (its extent changed after them): listed
        first = min([f.date for f in listed] + [d for d, _ in body_records], key=lambda d: d.sort_key())
        return Table(jid, label_on(h, jid, first), kinds, rows, records, [r for _, r in body_records])
    return Table(jid, distinguished(h, jid, name_over(h, jid, rows[0].on, rows[-1].on)), kinds, rows, records,
                 [r for _, r in body_records])


# the bases a line of the 编制统计表 sums; a body's figure of any other (记载, 超编, 精简, 设置) is listed under the table
SUMMED_BASES = ("approved", "actual")


def _body_records(a: Archive, h, per_body, jid: str, members: set[str], upper, years: range,
                  early: list[Figure]) -> list[tuple[Date, tuple[str, str, str, str, str]]]:
    """The bodies' figures of the jurisdiction that no line sums, dated before the year after the 下限, in date
    order, with the date they are sorted by."""
    figs = [f for b in members for f in per_body.get(b, []) + [g for g in early if g.body == b]]
    out = []
    for f in sorted(figs, key=lambda f: (f.date.sort_key(), f.body)):
        t = h.get(f.body)
        if f.basis in SUMMED_BASES or t is None or f.date.earliest().year >= years.stop \
                or not t.belongs_on(f.date, jid):
            continue
        said = f.date.chinese() + ("（追述）" if upper is not None and f.date.start.first_day() < upper.earliest() else "")
        out.append((f.date, (said, label_on(h, f.body, f.date), BASIS_ZH.get(f.basis, f.basis),
                             staffing_words(f.staffing), _cited(a, f))))
    return out


def table_years(a: Archive, figs: list[Figure]) -> range:
    """The years of the 编制统计表, for the site and the book alike: the book's 上限 to its 下限 when book.yaml gives
    them; else the span of the figures dated within one year (a period's figure gives no year)."""
    book = a.book
    upper, lower = getattr(book, "upper", None), getattr(book, "lower", None)
    ys = [f.date.year for f in figs if f.yearly]
    first = upper.earliest().year if upper is not None else min(ys, default=0)
    last = lower.latest().year if lower is not None else max(ys, default=-1)
    return range(first, last + 1)


def whole_name(h, jid: str, d: Date) -> str:
    return _whole(name_on(h, jid, d))


def _cited(a: Archive, f: Figure) -> str:
    out = []
    for c in f.sources:
        doc = a.documents.get(c.doc)
        if doc is not None:
            out.append(doc.shown_number or f"《{doc.title}》")
    return "；".join(out)


def _fig_note(f: Figure, d: Date, stale_after: int) -> str:
    # a carried figure says first where it comes from: never read as one recorded in the row's year
    notes = [x for x in (carried_said(f, d, stale_after), f.staffing.posts and f.staffing.scope_note,
                         f.staffing.parts_said) if x]
    if f.others:
        notes.append("另据他文：" + "；".join(staffing_words(o.staffing) for o in f.others))
    return _with_besides("，".join(notes), f.staffing)


def _with_besides(note: str, s: Staffing) -> str:
    """A row's note and, set off by ；, what the figure says that is not 编制 (实有干部312人, 未配备专职人员): never read
    as part of a 其中 or of the figures beside it."""
    return "；".join(x for x in (note, *s.besides_posts()) if x)


def _sum_note(used: list[Figure], d: Date, stale_after: int, h) -> str:
    """A sum row's 说明 in one sentence: that the sum holds figures carried from earlier years, and which (含沿用1963、
    1965年核定数), those long unrestated (，1963年数逾10年未重新核定); not each year's share, which made the row
    several lines tall in a narrow column (the share is the body's own row and the 机构设置一览's 据YYYY年)."""
    carried: set[int] = set()   # the years of the records the carried figures come from
    disputed = []
    for f in used:
        y = carried_from(f, d)
        if y is not None:
            carried.add(y)
        if f.others:
            disputed.append(name_on(h, f.body, f.date))
    notes = []
    if carried:
        stale = [y for y in sorted(carried) if 0 < stale_after < d.year - y]
        said = ("均" if len(carried) > 1 else "") if len(stale) == len(carried) else f"{'、'.join(map(str, stale))}年数"
        notes.append(f"含沿用{'、'.join(map(str, sorted(carried)))}年核定数"
                     + (f"，{said}逾{stale_after}年未重新核定" if stale else ""))
    if disputed:
        notes.append("、".join(disputed) + "的编制数来源记载不一，合计按首列来源")
    return "；".join(x for x in (*notes, _unseen_note(used, d, h)) if x)


def _unseen_note(used: list[Figure], d: Date, h) -> str:
    """A sum row's word on the figures it counts of bodies not known to exist on the row's day (止年不详, last seen
    within the year): 含县统计局1984年4月所记之数，年末是否存续，档案未载."""
    said = [f"{name_on(h, f.body, f.date)}{f.date.chinese()}所记之数" for f in used
            if f.body and unknown_after(h, f, d)]
    if not said:
        return ""
    return f"含{'、'.join(dict.fromkeys(said))}，{'年末' if (d.start.month, d.start.day) == (12, 31) else '其时'}是否存续，档案未载"


def staffing_words(s: Staffing) -> str:
    """The figures in words, as the source gives them: 行政编制180名、事业编制20名; 编制837名，其中…; 实有干部312人;
    领导职数镇长1名、副镇长2至3名 (a record of 领导职数 alone printed “—”, as if it gave nothing)."""
    return s.figures_said or "—"


def split_at_renames(h, t: Table) -> list[Table]:
    """The table cut where the jurisdiction's name changes (house style ``split-at-rename``)."""
    out: list[Table] = []
    for r in t.rows:
        n = name_on(h, t.jurisdiction, r.on)
        if out and out[-1].name == n:
            out[-1].rows.append(r)
        else:
            out.append(Table(t.jurisdiction, n, t.kinds, [r]))
    if not out:
        return [t]  # no year's row: the statements only
    out[-1].records, out[-1].body_records = t.records, t.body_records
    for piece in out:
        piece.kinds = [k for k in t.kinds if any(ln.values.get(k) is not None for r in piece.rows for ln in r.lines)]
    return out


def member_bodies(h) -> dict[str, set[str]]:
    """For each jurisdiction, the bodies that ever belonged to it (to look at those only, not at every body)."""
    out: dict[str, set[str]] = {}
    for t in h.timelines.values():
        if not t.is_jurisdiction:
            for s in t.jurisdictions:
                if s.value:
                    out.setdefault(s.value, set()).add(t.id)
            for s in t.co_jurisdictions:   # 市县合署: a body of each of them
                for j in s.value:
                    out.setdefault(j, set()).add(t.id)
    return out


def jurisdiction_tables(a: Archive, h, figs: list[Figure], jurisdictions: list[str],
                        years: range | None = None) -> list[Table]:
    """The 编制统计表 of each jurisdiction, in order (several for one jurisdiction when the house style splits
    tables at renames). ``years`` defaults to ``table_years``, the one the site and the book both use."""
    if years is None:
        years = table_years(a, figs)
    style = staffing_style(a)
    out = []
    for jid in jurisdictions:
        t = jurisdiction_table(a, h, figs, jid, years)
        if t is not None:
            out.extend(split_at_renames(h, t) if style.split_at_rename else [t])
    return out


def sum_disagreements(a: Archive, h, figs: list[Figure]) -> list[tuple[Figure, dict[str, tuple[int, int]]]]:
    """Each approved figure of a whole jurisdiction that differs from the sum of its bodies' approved figures on
    its date, with the differing categories: {kind: (jurisdiction's figure, sum of bodies)}. A figure of a period
    (1950年代) is no year's, to hold against no year's sum; one part of several (县级 / 乡镇) is not the whole."""
    per_body = by_body(figs)
    members = member_bodies(h)
    out = []
    for f in figs:
        if f.jurisdiction is None or f.system or f.basis != "approved" or not f.yearly:
            continue
        if any(g is not f and g.jurisdiction == f.jurisdiction and not g.system and g.basis == f.basis
               and g.date.same_as(f.date) and g.staffing.posts for g in figs):
            continue   # a part of what the jurisdiction had that day
        used, total = bodies_sum(per_body, h, f.jurisdiction, members.get(f.jurisdiction, set()), f.date)
        if not used:
            continue
        diff = {k: (v, total[k]) for k, v in f.staffing.posts.items() if total.get(k) is not None and total[k] != v}
        if diff:
            out.append((f, diff))
    return out


# ---- printing helpers shared by every writer ------------------------------------------------------------
def kinds_used(figs: list[Figure]) -> list[str]:
    """The categories some of the figures give, in the standard order (columns of a table)."""
    return [k for k in STAFFING_KINDS if any(k in f.staffing.posts for f in figs)]


def kind_label(k: str) -> str:
    return "实有人数" if k == HEADCOUNT_KEY else KIND_LABELS.get(k, k)


def dash(v: int | None) -> str:
    """A table cell: the figure, or "—" where no source gives one (未载)."""
    return "—" if v is None else str(v)


def figure_note(f: Figure) -> str:
    """What a figure's row says besides its numbers: other sources' readings (考异) and the record's note."""
    notes = []
    if f.system:
        notes.append(f"{f.system}系统")
    if f.staffing.scope_note and (f.staffing.posts or f.staffing.headcount is None):
        notes.append(f.staffing.scope_note)   # (a headcount's 范围 is said with it: 实有干部312人（党政机关）)
    # the breakdown of a total, a headcount, 未配备: said beside the 编制 columns, never in them (not summed)
    if f.staffing.parts_said:
        notes.append(f.staffing.parts_said)
    if f.others:
        notes.append("另据他文：" + "；".join(staffing_words(o.staffing) for o in f.others))
    return _with_besides("，".join(notes), f.staffing)


# ---- figures quoted in prose ------------------------------------------------------------------------------
def figure_at(h, figs: list[Figure], scope: str, basis: str, d: Date, system: str = "",
              known_only: bool = True) -> Figure | None:
    """The figure of a body or jurisdiction (or one 系统 of it) that stands on d. A body's figure stands after its
    own date only while the record shows the body there (``unknown_after``): a body whose end is unknown (止年不详)
    last seen in 1984年4月 has no figure on 1984-12-31, its 1984年4月 figure is not asserted for a day it may not
    have existed. ``known_only=False`` gives the figure regardless (to say what is known in a message)."""
    own = [f for f in figs if f.scope == scope]
    f = in_force(own, basis, d, breaks(h, scope) if any(f.body for f in own) else [], system)
    return None if known_only and f is not None and unknown_after(h, f, d) else f


def unknown_after(h, f: Figure, d: Date) -> bool:
    """d is after the figure's own date and the record does not show its body existing on d (止年不详, not seen
    since): the figure cannot be said to stand then."""
    t = h.get(f.body) if h is not None and f.body else None
    return t is not None and d.latest() > f.date.latest() and not t.known_alive_on(d)


def quoted_text(f: Figure, kinds: list[str], before: str = "") -> str | None:
    """The words a prose reference prints: "行政编制312名、政法专项编制128名", with what the figure covers as the
    source says it (行政编制750名（不含政法系统编制）: without it the sentence would claim more than the source),
    unless the words just ``before`` the reference say it already (原县党政机关[[编制数:…]] with 范围: 党政机关);
    None when a category asked for is not given by the figure."""
    wanted = kinds or [k for k in STAFFING_KINDS if k in f.staffing.posts]
    if any(f.staffing.given(k) is None for k in wanted):
        return None   # (a part of a 其中 is given: 编制837名，其中行政编制474名 gives 行政编制474名)
    said = f.staffing.scope_note and f.staffing.scope_note in before
    return "、".join(f"{k}{f.staffing.given(k)}名" for k in wanted) + ("" if said else f.staffing.scope_said)
