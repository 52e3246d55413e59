"""Derive each body's and jurisdiction's history from the events.

Events are replayed in the 大事记 order, except where partial dates leave the
order open: that order is a rule for printing, not a fact. When an event would
meet a body that does not exist yet (or still exists, for a re-establishment),
and the event that sets it up (or ends it) may, by its date interval, come
first, that event is replayed first. Only a contradiction that holds for every
reading of the dates is reported.

The result, per entity, is its lifespan and a set of spans (names, short
names, second names, parents, jurisdictions, ranks), each span opened and
closed by an event. Problems met while replaying (an event on a body that does
not exist yet or any more, two names set on the same day) are kept as findings
for ``zhi check``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .dates import Date, Point
from .findings import Finding, Loc
from .model import FATE_UNKNOWN, UNKNOWN, Archive, Event, NewBody, Ref
from .wordings import (
    TEMPORARY,
    keeps_units,
    kind_change_problem,
    lists_units,
    still_seated,
    superior_form,
    superior_relation,
    temporary_seat,
)

# years with no record at all after which a body still listed as existing is no longer shown as existing: the
# check reports it (body-silent), an 一览 that many years after its last record marks it （存续不详，最后见于…）, and
# its page says 1987年后情况不详 instead of “至本志下限仍存续”. A decade: two rounds of 机构改革 (every five years or
# so) with no record of it at all
SILENCE_YEARS = 10


@dataclass
class Span:
    value: object
    start: Date | None
    end: Date | None = None
    start_event: Event | None = None
    end_event: Event | None = None
    withheld: bool = False   # an edition's: the value from here on is not given (changed by an event it withholds)
    # a period of existence: the dates of the records that show the body within it (an event, a post, a staffing
    # figure, a document it issued): it certainly existed at some time in each
    attested: list[Date] = field(default_factory=list, compare=False, repr=False)
    # no source gives its end: a 合署办公 with a body whose end is 不详 (or whose fate is 去向不详), which may have
    # ended before the other did; printed 止年不详, never as going on (—) or as the other's end
    end_unknown: bool = False

    def covers(self, d: Date, inclusive_end: bool = False) -> bool:
        """True when d may fall inside the span (partial dates are given the benefit of the doubt).

        A span closes on the day the next one opens; with ``inclusive_end`` that day counts for both
        (a document dated the day of a rename may use either name).
        """
        if self.start is not None and d.latest() < self.start.earliest():
            return False
        if self.end is not None and d.earliest() > self.end.latest():
            return False
        # the span has certainly closed by a day at or after the last day its end can mean (a merge dated 1956
        # has happened by 1956-12-31); a circa end is never certain
        return not (not inclusive_end and self.end is not None and self.end.qualifier != "circa"
                    and d.is_exact_day() and d.anchor() >= self.end.latest())


def certain_names(hits: list[Span], d: Date) -> list[Span]:
    """Of the names that may be in force on d, those every reading of whose start puts them there (taken wholly on
    or before d); when none is, the earliest: a name taken “1956年3月至1983年9月间” or “1975年8月前” is never used
    for 1956年3月 over the name the source gives for that date. A name an edition withholds from some time on
    (名称不详) stays in the running: where d may fall after that time, the old name is not printed as if unchanged."""
    return [s for s in hits if s.start is None or s.withheld or taken_by(s.start, d)] or hits[:1]


def taken_by(start: Date, d: Date) -> bool:
    """A name (a superior, a place) taken at ``start`` is the one in force at ``d``. Where either date is a period the
    source leaves open (a rename 1955-09..1956-12, an establishment 1955-09..1956-12), only when every reading of both
    puts the name there: the rename wholly on or before the first day ``d`` can mean, or dated as the period's own
    first month or day (a rename 1955-09 for an establishment 1955-09..1956-12). Two same-dated periods are not one act:
    the establishment may come first. Otherwise a name taken by the last day ``d`` can mean (a 1956年3月 rename for a
    record dated 1956) is in force, as the 大事记 reads a year-only date (it has happened by the year's last day)."""
    if start.end is None and d.end is None:
        return start.latest() <= d.latest()
    return start.latest() <= d.earliest() or (
        start.end is None and start.qualifier == "exact" and d.qualifier == "exact"
        and start.start.sort_tuple() == d.start.sort_tuple())


def replay_key(e: Event) -> tuple:
    """The order events are replayed in: the 大事记 order, except that a date known only as “before X” comes
    before X's entries: a plain 1987前 already prints there (``Date.sort_key``), a 1987或以前 prints after them
    but is replayed first (a county under a 地区 “1987或以前” and under a 市 from 1987 is under the 地区 first)."""
    key = e.sort_key()
    if e.date is not None and e.date.qualifier == "before":
        d = e.date.latest()
        return (((d.year, d.month, d.day, 3), 0, (0, 0, 0, 0)),) + key[1:]
    return key


@dataclass
class Timeline:
    id: str
    is_jurisdiction: bool
    start: Date | None = None
    start_event: Event | None = None
    end: Date | None = None
    end_event: Event | None = None
    names: list[Span] = field(default_factory=list)        # value: (full, short)
    second_names: list[Span] = field(default_factory=list)  # value: name
    parents: list[Span] = field(default_factory=list)       # value: body id or None
    jurisdictions: list[Span] = field(default_factory=list)  # value: jurisdiction id
    ranks: list[Span] = field(default_factory=list)
    kinds: list[Span] = field(default_factory=list)
    lives: list[Span] = field(default_factory=list)         # periods of existence (re-establishment opens another)
    suspensions: list[Span] = field(default_factory=list)   # 停止活动: value is the source's wording or None
    colocations: list[Span] = field(default_factory=list)   # 合署办公: value is the partner's id
    co_parents: list[Span] = field(default_factory=list)    # 双重领导: value is a tuple of the other leaders' ids
    # a body of two jurisdictions at once (市县合署): value is a tuple of the ids after its 主 (``jurisdictions``)
    co_jurisdictions: list[Span] = field(default_factory=list)
    levels: list[Span] = field(default_factory=list)        # a jurisdiction's level over time
    preparations: list[Span] = field(default_factory=list)  # 筹建: from the prepare event until its establishment
    seats: list[Span] = field(default_factory=list)         # 驻地 (县治) over time, as the sources name them
    divisions: list[Span] = field(default_factory=list)     # 辖区 counts a source gives ({乡: 30, 镇: 9}) by date
    # 擅改名称: a name used without lawful approval (造反派擅自改名), until 恢复原名; never the official name
    unofficial_names: list[Span] = field(default_factory=list)
    body_counts: list[Span] = field(default_factory=list)   # 机构数 a source gives: value (scope, count, before)
    figures: list[Span] = field(default_factory=list)       # 成员数: value ((key, of what, how many), …) as given
    powers: list[Span] = field(default_factory=list)        # 管理权限 granted (the source's words), on the date given
    outside: bool = False                                    # outside the volume: named only, no history
    distinguish: str = ""                                    # 区别语 (the record's), see views.naming.distinguished
    fate_unknown: Event | None = None                        # its jurisdiction ended and no source gives its fate
    events: list[Event] = field(default_factory=list)       # every event it takes part in, in order
    predecessors: list[tuple[str, Event]] = field(default_factory=list)
    successors: list[tuple[str, Event]] = field(default_factory=list)
    end_unknown: bool = False      # `end: 不详`: its last period has no recorded end, and is not known to go on
    earlier_unknown: Event | None = None  # its first record is a 恢复 (previous_end: 不详): it had existed before, when
    #                                       and under what name is not recorded (no period is made up for it)
    last_known: Date | None = None  # then: the latest date a record shows it existing (止年不详, 最后见于…)
    last_known_sources: list = field(default_factory=list)  # the body file's sources when that date is its `seen`
    # 保留甲、乙4科 by its parent, which did not name it: not kept then (未保留), its end otherwise unknown
    not_kept: Event | None = None
    # that date is only the day it was set up (设立1912年, 1956年5月; not “1935或以前”, which says it was there): no
    # record shows it there after, not even at the end of that year (guide/bodies.md 止年不详)
    last_known_founding: bool = False
    # its parent ended (abolished, merged away; perhaps restored later) while it lived on under it, and no source
    # says where it went: (parent id, the span under that parent, the span from the end on whose parent is 不详)
    orphaned: list[tuple[str, Span, Span]] = field(default_factory=list)
    # the latest date any record (event, post, staffing figure, document it issued) shows it in its last period,
    # and that record's place; in_office: a post with no end goes on to the volume's 下限
    last_record: Date | None = None
    last_record_loc: Loc | None = None
    last_record_sources: list = field(default_factory=list)  # the body file's sources when that date is its `seen`
    in_office: bool = False

    # ---- queries -------------------------------------------------------------------
    def alive_on(self, d: Date) -> bool:
        return any(life.covers(d) for life in self.lives)

    def prepared_on(self, d: Date) -> Span | None:
        """d may fall in its 筹建 (before it was formally set up): it is being prepared, not yet in existence."""
        hits = [s for s in self.preparations if s.covers(d, inclusive_end=True)]
        return hits[-1] if hits else None

    def alive_or_prepared_on(self, d: Date) -> bool:
        """Exists on d, or is being prepared then: a body may be set up for a county in 筹建 (a 县委 before the
        county's formal establishment)."""
        return self.alive_on(d) or self.prepared_on(d) is not None

    def definitely_before_start(self, d: Date) -> bool:
        return self.start is not None and d.latest() < self.start.earliest()

    def definitely_after_end(self, d: Date) -> bool:
        """d falls after the end of a period of existence and inside no other one."""
        if not self.lives or any(life.covers(d, inclusive_end=True) for life in self.lives):
            return False
        return any(life.end is not None and d.earliest() >= life.end.earliest() for life in self.lives)

    def known_alive_on(self, d: Date) -> bool:
        """Alive on d as far as the record shows: a period of existence that every reading of the dates has begun by
        d — its start wholly on or before d, or a record showing the body in it by then — and not yet ended — its
        end wholly after d, or a record showing it in it on or after d (a body set up “1956-08前” is not said to
        exist in 1950, one abolished “1958前” not in 1956; one set up “1949年7月后” with a 编制 figure of 1950 is
        in 1950); and, when its end is unknown, not after the last date a record shows it (a snapshot must not list
        it as if certain)."""
        def begun(life: Span) -> bool:
            return life.start is None or life.start.latest() <= d.latest() \
                or any(x.latest() <= d.latest() for x in life.attested)

        def going_on(life: Span) -> bool:
            return life.end is None or life.end.earliest() > d.latest() \
                or any(x.earliest() >= d.latest() for x in life.attested)

        return any(life.covers(d) and begun(life) and going_on(life) for life in self.lives) \
            and not self.fate_unknown_on(d)

    def existence_unknown_on(self, d: Date) -> tuple[str, Span] | None:
        """d falls inside the uncertain start or end of a period of existence (1956-08前, 1949后, 1960年代, 约1968):
        ("start", the period) when it may not have been set up yet, ("end", the period) when it may have ended
        already; None when the record says whether it existed on d."""
        if self.known_alive_on(d):
            return None
        for life in self.lives:
            if not life.covers(d):
                continue
            if life.start is not None and life.start.latest() > d.latest():
                return "start", life
            if life.end is not None and life.end.earliest() <= d.latest():
                return "end", life
        return None

    def fate_unknown_on(self, d: Date) -> bool:
        """d may fall after the unknown end of its last period: whether it still existed is not known."""
        if not self.end_unknown or not self.lives or self.lives[-1].end is not None:
            return False
        last = self.last_known or self.lives[-1].start
        if last is None:
            return False
        # set up in 1912 and never seen again: whether it was there at the end of 1912 no record says
        shown = last.earliest() if self.last_known_founding else last.latest_bounded()
        return d.earliest() > shown and self.lives[-1].covers(d)

    def is_open(self) -> bool:
        """A period of existence has begun and not ended (in replay order)."""
        return bool(self.lives) and self.lives[-1].end is None

    def life_ending_before(self, d: Date) -> Span | None:
        ended = [life for life in self.lives if life.end is not None and life.end.earliest() <= d.earliest()]
        return ended[-1] if ended else None

    @staticmethod
    def _at(spans: list[Span], d: Date) -> list[Span]:
        return [s for s in spans if s.covers(d)]

    def name_on(self, d: Date) -> tuple[str, str | None] | None:
        # a name taken “1955-12-29前” may have been taken after d: the name certainly borne on d comes first
        hits = certain_names(self._at(self.names, d), d)
        return hits[-1].value if hits else (self.names[0].value if self.names else None)

    def names_on(self, d: Date) -> set[str]:
        """Every name the entity could be called by on d: full, short and second names.

        On the day of a change both the old and the new name are valid.
        """
        out: set[str] = set()
        for s in self.names:
            if s.covers(d, inclusive_end=True):
                full, short = s.value
                out.add(full)
                if short:
                    out.add(short)
        for s in self.second_names:
            if s.covers(d, inclusive_end=True):
                out.add(s.value)
        return out

    def parent_on(self, d: Date) -> str | None:
        hits = self._at(self.parents, d)
        return hits[-1].value if hits else None

    def jurisdiction_on(self, d: Date) -> str | None:
        hits = self._at(self.jurisdictions, d)
        return hits[-1].value if hits else None

    @staticmethod
    def resume_unknown(s: Span) -> bool:
        """A 停止活动 whose source does not say when the body took up its work again (`resume: 不详`): not ended by
        the body's end or by anything but a recorded 恢复活动."""
        return s.start_event is not None and s.start_event.resume_unknown \
            and (s.end_event is None or s.end_event.type != "resume")

    def unrecorded_end(self, s: Span) -> bool:
        """s was closed by no record: the body was restored (or set up a second time) with `previous_end: 不详`, and
        its former period ended at some time between its last record and the restore, which no source gives."""
        return s.end is not None and s.end_event is None \
            and any(life.end is s.end and life.end_event is None for life in self.lives)

    def unresumed(self, s: Span) -> bool:
        """A 停止活动 the record never ends: no 恢复活动, no `resume: 不详`, no takeover (取代) after it — what the
        sources show of the body later (an event, a `seen` date) is not a resumption the volume may claim."""
        e0 = s.start_event
        return e0 is not None and not e0.resume_unknown and s.start is not None and not (
            s.end_event is not None and (s.end_event.type == "resume"
                                         or any(r.id == self.id for r in s.end_event.takes_over)))

    def seen_after(self, s: Span, seen) -> list:
        """The body file's `seen` dates (``seen``) surely after the 停止活动 ``s`` began, when the record never ends it
        (``unresumed``): it is seen again, and no source says it resumed."""
        return [x for x in seen if s.start is not None and s.start.definitely_before(x)] if self.unresumed(s) else []

    def fate_unknown_end(self, s: Span) -> bool:
        """s was closed only because its jurisdiction ended and no source says what became of the body then
        (去向不详): the date is the jurisdiction's end, not one a source gives for s, so it is printed as unknown.
        Its place (属地) did end then: that span is never one."""
        e = s.end_event
        return e is not None and not any(s is j for j in self.jurisdictions) \
            and (e is self.fate_unknown or any(life.value == FATE_UNKNOWN and life.end_event is e for life in self.lives))

    def suspended_on(self, d: Date) -> Span | None:
        hits = self._at(self.suspensions, d)
        return hits[-1] if hits else None

    def colocated_on(self, d: Date) -> list[str]:
        return [s.value for s in self._at(self.colocations, d)]

    def jurisdictions_on(self, d: Date) -> tuple[str, ...]:
        """Every jurisdiction it belongs to on d: its 主 first, then those it also belongs to (市县合署)."""
        main = self.jurisdiction_on(d)
        hits = self._at(self.co_jurisdictions, d)
        return tuple(x for x in (main, *(hits[-1].value if hits else ())) if x)

    def places_on(self, d: Date) -> tuple[str, ...]:
        """The jurisdictions whose history d belongs to: those it belongs to then, or, while it is in 筹建 (组建甲 by a
        notice, 甲正式成立 days later), the one it is prepared in (its preparation's, else its founding's)."""
        if held := self.jurisdictions_on(d):
            return held
        prep = self.prepared_on(d)
        if prep is None:
            return ()
        if prep.start_event is not None and prep.start_event.jurisdiction is not None:
            return (prep.start_event.jurisdiction.id,)
        later = [s.value for s in self.jurisdictions if s.value and s.start is not None and not s.start < d]
        return (later[0],) if later else ()

    def belongs_on(self, d: Date, jid: str) -> bool:
        """It is a body of jurisdiction ``jid`` on d (its 主 or one it also belongs to)."""
        return self.jurisdiction_on(d) == jid or jid in self.jurisdictions_on(d)

    def co_parents_on(self, d: Date) -> tuple[str, ...]:
        hits = self._at(self.co_parents, d)
        return hits[-1].value if hits else ()

    def level_on(self, d: Date) -> str | None:
        hits = self._at(self.levels, d)
        return hits[-1].value if hits else None

    def current_name(self) -> str:
        """The latest name given (a name an edition does not give is no title)."""
        given = [s for s in self.names if not s.withheld]
        return (given or self.names)[-1].value[0] if self.names else self.id


@dataclass
class History:
    timelines: dict[str, Timeline]
    events: list[Event]  # in 大事记 order
    findings: list[Finding]
    # ids set up only by an event whose date could not be read (reported once, as date-invalid), or only by a
    # restore that was refused (reported once, where it is written): the checks do not cascade "no origin" /
    # "does not exist then" from them
    undated: set[str] = field(default_factory=set)
    # ids of the reparent events that name the superior the body already has (no change: 隶属, never 改属)
    same_parent: set[int] = field(default_factory=set)
    # full name → ids of the records bearing it at some time, for the names two or more bear (views.naming)
    shared: dict[str, list[str]] | None = field(default=None, repr=False, compare=False)
    # 保留甲、乙4科: id of the event → each listed unit → the id of the unit it names (linked in the sentence)
    kept: dict[int, dict[str, str]] = field(default_factory=dict)

    def get(self, rid: str) -> Timeline | None:
        return self.timelines.get(rid)

    @cached_property
    def superiors(self) -> frozenset[str]:
        """The ids some body of the volume is placed under at some time: each leads others, whatever its kind."""
        return frozenset(s.value for t in self.timelines.values() for s in t.parents if isinstance(s.value, str))


def life_label(life: Span) -> str:
    """A period of existence as the messages name it: 1962年—约1968年, or 1973年5月起 while open."""
    start = str(life.start) if life.start else "？"
    if life.end is not None and life.end_event is None and life.end.qualifier == "before":
        return f"{start}—止年不详"   # closed by no record (a restore's previous_end: 不详): no date a source gives
    return f"{start}—{life.end}" if life.end is not None else f"{start}起"


def lives_label(t: Timeline) -> str:
    """Every period of existence, so that a gap between two shows: 1948年—1958年、1962年起; a last period whose end
    no source gives: 1957年起，止年不详（最后见于1960年3月）."""
    labels = [life_label(life) for life in t.lives]
    if labels and t.end_unknown and t.lives[-1].end is None:
        labels[-1] += "，止年不详" + (f"（最后见于{t.last_known}）" if t.last_known else "")
    return "、".join(labels) or "档案中没有它的设立事件"


def silent_since(a: Archive, t: Timeline) -> Date | None:
    """The last record of a body listed as existing at the volume's 下限 that no record shows for SILENCE_YEARS
    years before it (and whose end is not said to be unknown); else None."""
    upto = silent_until(a, t)
    b = a.bodies.get(t.id)
    if t.is_jurisdiction or t.outside or t.end_unknown or t.in_office or upto is None \
            or t.last_record is None or (b is not None and b.extant):
        return None   # (`end: 至今`: a source says it is there to its own day)
    # a date that only says “after X” (1976后) shows it there in the year after X, no later: it is measured from there
    return t.last_record if upto.earliest().year - t.last_record.latest_bounded().year > SILENCE_YEARS else None


def place_silent_since(a: Archive, h: History, t: Timeline) -> Date | None:
    """A jurisdiction's silent_since, by the bodies' rule (guide/bodies.md): with no recorded end, it is taken to go
    on to the 下限 unless no record shows it — its own events, or a record of a body of it then — for more than
    SILENCE_YEARS years before: then the last such record (the open data say 1966年后情况不详, not 至下限仍存续)."""
    upto = silent_until(a, t)
    if not t.is_jurisdiction or t.outside or upto is None:
        return None
    recs = [e.date for e in t.events if e.date is not None] + \
        [b.last_record for b in h.timelines.values() if not b.is_jurisdiction and b.last_record is not None
         and b.belongs_on(b.last_record, t.id)] + \
        [f.date for f in a.staffing if f.jurisdiction is not None and f.jurisdiction.id == t.id and f.date is not None]
    start = t.lives[-1].start
    recs = [d for d in recs if start is None or d.latest() >= start.earliest()]
    if not recs:
        return None
    last = max(recs, key=lambda d: (d.latest_bounded(), d.earliest()))
    return last if upto.earliest().year - last.latest_bounded().year > SILENCE_YEARS else None


def silent_until(a: Archive, t: Timeline) -> Date | None:
    """Where a body's listed existence runs to on no record of its own: the 下限 for a body with no recorded end, or
    the end of its jurisdiction when no source gives its fate then (去向不详) — both shown as a life no source
    states. None for a body whose end a record gives."""
    lower = a.book.lower if a.book is not None and getattr(a.book, "lower", None) else None
    if not t.lives:
        return None
    last = t.lives[-1]
    if last.end is None:
        return lower
    return last.end if t.fate_unknown_end(last) else None


def unknown_after(last: Date) -> str:
    """What the record leaves of a silent body after its last record: 1987年后情况不详 (1976年后，此后情况不详 for a
    record itself dated only “after”; 1949年至1958年间以后情况不详 for one dated within a range)."""
    if last.qualifier == "before" and not last.end:
        return f"{last.start.chinese()}后情况不详"   # 1958或以前: 1958年后情况不详, never 1958年或以前后
    said = last.chinese()
    if last.end and not said.endswith(("后", "间")):   # 1949..1958: 1949年至1958年间以后情况不详 (guide/dates.md: a
        return f"{said}间以后情况不详"                   # range is some time within it), never 1949年至1958年后
    return f"{said}，此后情况不详" if said.endswith("后") else f"{said}后情况不详"


def _creates(e: Event, rid: str) -> bool:
    return rid in e.new


def ended_by(e: Event) -> set[str]:
    """The bodies an event ends: the abolished one, or those merged or split away (not surviving in ``after``)."""
    if e.type == "abolish":
        return {e.body.id} if e.body is not None else set()
    if e.type in ("merge", "split", "reorganise"):
        return {r.id for r in e.before} - {r.id for r in e.after}
    return set()


def _split_at(spans: list[Span], span: Span, value, d: Date, e: Event | None) -> None:
    """Close ``span`` on d and, when ``value`` is given, open one with it from d to where ``span`` ran."""
    later = Span(value, d, span.end, e, span.end_event) if value is not None else None
    span.end, span.end_event = d, e
    if later is not None:
        spans.insert(spans.index(span) + 1, later)


def _close(spans: list[Span], d: Date, e: Event | None) -> None:
    for s in spans:
        if s.end is None:
            s.end, s.end_event = d, e


class _Replay:
    def __init__(self, archive: Archive):
        self.a = archive
        self.tl: dict[str, Timeline] = {}
        for rid, b in archive.bodies.items():
            self.tl[rid] = Timeline(rid, False, end_unknown=b.end_unknown)
        for rid in archive.jurisdictions:
            self.tl[rid] = Timeline(rid, True)
        for rec in [*archive.bodies.values(), *archive.jurisdictions.values()]:
            self.tl[rec.id].distinguish = rec.distinguish
            if not rec.in_scope:  # outside the volume: only its names, for the periods the sources give
                t = self.tl[rec.id]
                t.outside = True
                t.names = [Span((n.name, None), n.start, n.end) for n in rec.names]
        for j in archive.jurisdictions.values():
            if j.in_scope and j.level:
                self.tl[j.id].levels.append(Span(j.level, None))
        self.findings: list[Finding] = []
        self.pending: set[int] = set()           # ids of events not replayed yet
        self.creators: dict[str, list[Event]] = {}  # body id -> events that set it up, in 大事记 order
        self.enders: dict[str, list[Event]] = {}    # body id -> events that end it
        self.undated = {rid for e in archive.events if e.date is None for rid in e.new}  # see History.undated
        self.same_parent: set[int] = set()        # ids of reparents naming the superior the body already has
        self.kept: dict[int, dict[str, str]] = {}   # 保留甲、乙: the units each such event names (History.kept)
        self.takers: dict[int, list[str]] = {}    # a takeover's 停止活动 span (by id): the names of the bodies taking over

    def warn(self, code: str, sev: str, msg: str, loc: Loc, related: list[Loc] | None = None) -> None:
        self.findings.append(Finding(code, sev, msg, loc, related or []))

    def label(self, rid: str, d: Date | None = None) -> str:
        t = self.tl.get(rid)
        if t and t.names:
            n = t.name_on(d) if d else None
            return f"{(n or t.names[-1].value)[0]}（{rid}）"
        return rid

    def label_then(self, rid: str, d: Date) -> str:
        """Its label by the name it bore on d, the day it ended (its span closes that day: counted in), never a
        name it took later (滁县专区 ended in 1956, not 滁县地区)."""
        t = self.tl.get(rid)
        hits = [s for s in t.names if s.covers(d, inclusive_end=True)] if t else []
        return f"{hits[-1].value[0]}（{rid}）" if hits else self.label(rid, d)

    def level_then(self, rid: str, d: Date) -> str:
        """The jurisdiction's level word on d, the day it ended (专区, 县); 该地 when the record gives none."""
        t = self.tl.get(rid)
        hits = [s for s in t.levels if s.covers(d, inclusive_end=True) and s.value] if t else []
        return hits[-1].value if hits else "该地"

    # ---- state changes ---------------------------------------------------------------------
    def create(self, nb: NewBody, e: Event) -> None:
        t = self.tl.get(nb.id)
        if t is None:
            return  # unknown id: reported by the reference check
        d = e.date
        restoring = e.type == "restore"
        if restoring and t.start is None:
            # the source's first word on it is that it was restored (恢复民政局, 复设办公室): its earlier life is not
            # recorded, and need not be made up (previous_end: 不详); otherwise its set-up is missing
            if not e.previous_end_unknown:
                self.warn("body-not-yet", "error",
                          f"恢复事件（{d}）涉及{self.label(nb.id)}，但档案中没有它此前的设立事件；恢复的是原有机构，"
                          f"档案里有它原来的设立、撤销的，请补记；来源只记“恢复”、此前情况未载的，在恢复事件上写"
                          f"“previous_end: 不详”（不要编造设立、撤销事件）", e.loc)
                self.undated.add(nb.id)  # reported here once; its later events are not cascaded into “not yet”
                return
            if not nb.name:
                self.warn("schema-missing", "error",
                          f"恢复事件（{d}）是档案中{nb.id}的第一条记录，没有此前的名称可以沿用；请写“name（名称）”",
                          e.loc)
                self.undated.add(nb.id)
                return
            t.earlier_unknown = e
        if t.start is not None:
            if restoring and t.end is None:
                self._lapsed_with_jurisdiction(t, e)
            if e.previous_end_unknown:   # (an edition sets it on an establishment too: the end it withholds)
                if t.end is None:  # the source says only that it was restored: it had ended at a date not recorded
                    self.end(nb.id, e, Date(d.start, "before"))
                else:
                    self.warn("previous-end-known", "warning",
                              f"{'恢复' if restoring else '设立'}事件（{d}）写了“previous_end: 不详”，但档案已记{self.label(nb.id)}此前于{t.end}"
                              f"{t.end_event.type_zh if t.end_event else '终止'}；请删去“previous_end: 不详”，或核对那条事件",
                              e.loc, [t.end_event.loc] if t.end_event else [])
            if t.end is None:
                life = t.lives[-1]
                later = [x for x in self.enders.get(nb.id, []) if id(x) in self.pending]
                why = (f"（档案记其{later[0].type_zh}于{later[0].date}，不能早于此次设立）" if later
                       else "（档案中此后没有它的撤销、合并事件）")
                self.warn("body-exists", "error",
                          f"{self.label(nb.id)}的一期（{life_label(life)}）此时尚未终止{why}，"
                          f"不能于{d}再次" + ("恢复" if restoring else "设立") + "；若是恢复，请先记录其撤销或合并，或核对两处日期"
                          + ("；来源只记恢复、未记此前何时撤销的，在恢复事件上写“previous_end: 不详”（不要编造撤销事件）"
                             if restoring else
                             "；来源先后两次记它设立（成立）、未记其间何时撤销的，在这条设立事件上写“previous_end: 不详”"
                             "（存续一栏那一期的止年印“止年不详”，不要编造撤销事件）；是另一个同名的机构的，另起编号，并写区别语 distinguish"),
                          e.loc, [life.start_event.loc] if life.start_event else [])
                return
            # re-establishment after an end: a new period of existence of the same id
            t.end = t.end_event = None
            t.fate_unknown = None
        else:
            t.start, t.start_event = d, e
        keep_name = False
        if any(s.end is None for s in t.preparations):  # 筹建 ends with the formal establishment
            prep = t.preparations[-1].start_event
            if prep is not None and prep.jurisdiction and nb.jurisdiction and prep.jurisdiction.id != nb.jurisdiction.id:
                self.warn("event-shape", "error",
                          f"{self.label(nb.id)}筹建时所写的行政区划（{prep.jurisdiction.id}）与设立时的"
                          f"（{nb.jurisdiction.id}）不同：筹建事件的 jurisdiction 说的是它在哪里筹建、设立后属于哪里，"
                          "请核对两处，或删去筹建事件的 jurisdiction", prep.loc, [e.loc])
            _close(t.preparations, d, e)
            keep_name = bool(nb.name and t.names and t.names[-1].end is None and t.names[-1].value[0] == nb.name)
            if keep_name and nb.short and not t.names[-1].value[1]:   # 成立（简称…）: the short the founding gives
                t.names[-1].value = (nb.name, nb.short)
            if not keep_name:
                _close(t.names, d, e)
        last = {name: spans[-1].value if spans else None
                for name, spans in (("names", t.names), ("parents", t.parents), ("jurisdictions", t.jurisdictions),
                                    ("kinds", t.kinds), ("levels", t.levels))} if restoring else {}
        t.lives.append(Span(None, d, None, e))
        if nb.name and not keep_name:
            t.names.append(Span((nb.name, nb.short), d, None, e))
        elif last.get("names"):
            t.names.append(Span(last["names"], d, None, e))  # 恢复 under its former name
        for sn in nb.second_names:
            t.second_names.append(Span(sn, d, None, e))
        # a place restored (恢复) keeps the level and the superior it had before, unless the restore gives new ones
        # (guide/jurisdictions.md “撤销后又恢复”); a superior that is itself not there then is dropped after the
        # replay (_carried_parents)
        level = nb.level or (last.get("levels") if t.is_jurisdiction else None)
        # the level its file gives for its whole history (a place whose first record is a 恢复 has no earlier
        # period that ended it) is not a second, same level from the restore on
        if level and not (t.levels and t.levels[-1].end is None and t.levels[-1].value == level):
            t.levels.append(Span(level, d, None, e))
        # `parent: 不详`: under a superior the sources do not name (上级不详), which is not "under none"
        parent = UNKNOWN if nb.parent_unknown else nb.parent.id if nb.parent else last.get("parents")
        if t.is_jurisdiction and parent:  # a county set up under a prefecture
            t.parents.append(Span(parent, d, None, e))
        if not t.is_jurisdiction:
            t.parents.append(Span(parent, d, None, e))
            if nb.co_parents:
                t.co_parents.append(Span(tuple(r.id for r in nb.co_parents), d, None, e))
            jur = nb.jurisdiction.id if nb.jurisdiction else None
            if jur is None and not nb.parent and last.get("jurisdictions"):
                jur = last["jurisdictions"]
            leader = (parent if parent != UNKNOWN else None) or (nb.co_parents[0].id if nb.co_parents else None)  # 双重领导 with no principal side
            if jur is None and leader and leader in self.tl:
                jur = self.tl[leader].jurisdiction_on(d)
            if jur is None:
                self.warn("body-no-jurisdiction", "error",
                          f"新设的{self.label(nb.id)}没有写“jurisdiction（行政区划）”，也无法从上级机构推知；请补写所属行政区划",
                          nb.loc)
            t.jurisdictions.append(Span(jur, d, None, e))
            if nb.co_jurisdictions:
                t.co_jurisdictions.append(Span(tuple(r.id for r in nb.co_jurisdictions), d, None, e))
            if nb.rank:
                t.ranks.append(Span(nb.rank, d, None, e))
            kind = nb.body_kind or last.get("kinds") or (self.a.bodies[nb.id].body_kind if nb.id in self.a.bodies else None)
            if kind:
                t.kinds.append(Span(kind, d, None, e))

    def _lapsed_with_jurisdiction(self, t: Timeline, e: Event) -> None:
        """A body restored after its jurisdiction had ended (merged away, later restored) and no source saying what
        became of the body then: its former period ended with the jurisdiction, 去向不详 (a warning), so that the
        restore opens a new one instead of being refused as of a body that never ended."""
        span = t.jurisdictions[-1] if t.jurisdictions else None
        j = self.tl.get(span.value) if span and span.value else None
        life = t.lives[-1] if t.lives else None
        if j is None or j.outside or life is None or life.start is None:
            return
        ends = [jl for jl in j.lives if jl.end is not None and jl.end_event is not None
                and life.start.latest() < jl.end.earliest() and jl.end.earliest() <= e.date.latest()]
        if not ends:
            return
        gone = ends[-1].end_event
        self.end(t.id, gone)
        life.value = FATE_UNKNOWN  # its end is the jurisdiction's, not an event of its own
        self.warn("fate-unknown", "warning",
                  f"{self.label_then(j.id, gone.date)}于{gone.date}终止，档案未记{self.label_then(t.id, gone.date)}的去向，志书中记为“去向不详”；"
                  f"它于{e.date}恢复。查到去向的，请记撤销、合并或属地变更（rejurisdiction）事件",
                  gone.loc, [e.loc] + ([life.start_event.loc] if life.start_event else []))

    def end(self, rid: str, e: Event, unrecorded: Date | None = None) -> None:
        """End its period of existence by e; or, with ``unrecorded``, at that date (a 恢复 whose source does not
        say when it had ended: "before the restore", by no event)."""
        t = self.tl.get(rid)
        if t is None or t.start is None:
            return
        d, by = (unrecorded, None) if unrecorded else (e.date, e)
        t.end, t.end_event = d, by
        for spans in (t.lives, t.names, t.second_names, t.parents, t.jurisdictions, t.ranks, t.kinds, t.suspensions,
                      t.colocations, t.co_parents, t.co_jurisdictions, t.levels, t.seats, t.divisions, t.powers):
            _close(spans, d, by)

    def touch(self, ref: Ref, e: Event, creating: bool = False) -> Timeline | None:
        """Check that ref exists on e's date and record the event on its timeline."""
        t = self.tl.get(ref.id)
        if t is None:
            return None
        if e not in t.events:
            t.events.append(e)
        if creating:
            return t
        if t.outside and not t.lives:
            return t  # outside the volume (越境不书, a superior office): only named, its history not recorded
        d = e.date
        if t.prepared_on(d) is not None and (t.start is None or not t.alive_on(d)):
            return t  # in 筹建: it may be named before it formally exists
        if t.start is None and ref.id in self.undated:
            return None  # its setting up has a date error, reported where it is written
        if t.start is None or t.definitely_before_start(d):
            made = [x.date for x in self.creators.get(ref.id, [])]
            when = f"（设立于{t.start or made[0]}）" if t.start or made else "（档案中没有它的设立事件）"
            self.warn("body-not-yet", "error",
                      f"{e.type_zh}事件（{d}）涉及{self.label(ref.id)}，但此时它尚未设立{when}；请核对日期，或补记其设立",
                      ref.loc, [t.start_event.loc] if t.start_event else [])
            return None
        if t.definitely_after_end(d):
            life = t.life_ending_before(d)
            how = ended_how(ref.id, life.end_event, self.label) if life and life.end_event else "因撤销"
            self.warn("body-ended", "error",
                      f"{e.type_zh}事件（{d}）涉及{self.label(ref.id)}，但它{life_label(life) if life else ''}的一期"
                      f"已于{life.end if life else t.end}{how}而终止；"
                      f"合并、分设或撤销后原机构不应再出现，请核对日期或所引机构",
                      ref.loc, [life.end_event.loc] if life and life.end_event else [])
            return None
        return t

    def set_span(self, spans: list[Span], value: object, e: Event, what: str, rid: str) -> None:
        # two changes dated with the same span of uncertainty (“之后先后改称…”, both 1968-09..1975-04) are successive,
        # in the order the archive gives them, not two values on one day
        same_day = [s for s in spans if s.end is None and s.start is not None and s.start.same_as(e.date)
                    and s.start_event is not e and s.value != value and e.date.end is None]
        if same_day and same_day[0].start_event and same_day[0].start_event.type not in ("establish", "merge", "split"):
            self.warn(f"{what}-conflict", "error",
                      f"{self.label(rid)}在同一日期（{e.date}）有两个不同的{ {'name': '名称', 'parent': '上级'}.get(what, what)}"
                      f"：“{self._show(same_day[0].value)}”与“{self._show(value)}”；请核对来源，只保留一个",
                      e.loc, [same_day[0].start_event.loc])
        _close(spans, e.date, e)
        spans.append(Span(value, e.date, None, e))

    @staticmethod
    def _show(v: object) -> str:
        if isinstance(v, tuple):
            return v[0]
        return "无" if v is None else str(v)

    # ---- replay ----------------------------------------------------------------------------------
    def run(self) -> History:
        events = sorted((e for e in self.a.events if e.date is not None), key=Event.sort_key)
        for e in events:
            for rid in e.new:
                self.creators.setdefault(rid, []).append(e)
            for rid in ended_by(e):
                self.enders.setdefault(rid, []).append(e)
        self.pending = {id(e) for e in events}
        for e in sorted(events, key=replay_key):
            self.replay(e, set())
        self._withheld_changes()
        self.last_known()
        self._fates_unknown()
        self._restored_parents()
        self._orphans()
        self._carried_parents()
        self._joint_periods()
        # a body of `start: 不详` began its life at its stand-in origin, which no source tells: it is replayed, never
        # listed among the events (年表, 大事记, a body's 沿革, open data)
        for t in self.tl.values():
            t.events = [e for e in t.events if not e.origin_unknown]
        told = [e for e in events if not e.origin_unknown]
        h = History(self.tl, told, self.findings, self.undated, self.same_parent)
        h.kept = self.kept
        return h

    def _withheld_changes(self) -> None:
        """An edition's archive: a name, parent, jurisdiction, rank (kind, level) changed by an event it withholds is
        told up to the last date its records show the body, and from some time after that date is not given: 名称不详
        （原称…）, and the others 不详 (UNKNOWN: 上级不详, 规格不详), never the old value as if unchanged."""
        for rid, what, last in getattr(self.a, "withheld_changes", []):
            t = self.tl.get(rid)
            if t is None:
                continue
            spans = {"name": t.names, "parent": t.parents, "jurisdiction": t.jurisdictions, "rank": t.ranks,
                     "kind": t.kinds, "level": t.levels}[what]
            held = [s for s in spans if not s.withheld and (s.start is None or s.start.earliest() <= last.latest())]
            if not held or (held[-1].end is not None and held[-1].end.latest() <= last.latest()):
                continue
            s = held[-1]
            after = Date(last.end or last.start, "after")
            value = (f"名称不详（原称{s.value[0]}）", None) if what == "name" else UNKNOWN
            spans.insert(spans.index(s) + 1, Span(value, after, s.end, None, s.end_event, withheld=True))
            s.end, s.end_event = after, None

    def kept_units(self, e: Event) -> tuple[dict[str, str], list[str]]:
        """保留民政、财政、建设、军事4科 said of a body: (the ids of its units the list names — 民政科, or 民政 of 4个科 —
        and those of its units alive then whose end is unknown that it does not name). A unit is named by its name
        then, full (涡阳县政府民政科) or short, ending in a listed name (with the counted word: 民政 + 科)."""
        words = [w for k, w, _n in e.figures if k == "subordinates"]
        listed = [w for k, w, _n in e.figures if k == "units"]
        # what the list is of (4个科; 民政科、财政科: 科): only units of that kind are said not to be kept
        kinds = tuple(words) or ((listed[0][-1],) if len({u[-1] for u in listed}) == 1 else ())
        kept: dict[str, str] = {}
        dropped: list[str] = []
        for t in self.tl.values():
            if t.is_jurisdiction or t.id == e.body.id or not t.alive_on(e.date) or t.parent_on(e.date) != e.body.id:
                continue
            names = {n for n in (t.name_on(e.date) or ()) if n}
            if said := next((u for u in listed for w in {u} | {u + k for k in words} for n in names
                             if n.endswith(w)), None):
                kept.setdefault(said, t.id)
            elif t.end_unknown and kinds and any(n.endswith(kinds) for n in names):
                dropped.append(t.id)
        return kept, dropped

    def listed_units(self, e: Event) -> list[str]:
        """The units of e's body alive on e's date that a 成员数 list (设秘书室、调解科) names exactly: by their name then,
        full (哈尔滨市劳动局秘书室), short, or the body's name then followed by the listed name; a list said of a county
        names the bodies of that county (its 乡镇), also as the listed name followed by a kind the record's
        ``subordinates`` states (沂水 + 镇). 工资处 is not 工资科:
        a near name is no sighting (the editor records the rename, or the list names another unit)."""
        listed = {w for k, w, _n in e.figures if k == "units"}
        # a county listing its 乡镇 by their bare names with the kind apart (units: [沂水, 高桥], subordinates: {镇: 13}):
        # 沂水 + 镇 is the body 沂水镇 of that county — the kind the same record states, nothing guessed
        kinds = {w for k, w, _n in e.figures if k == "subordinates"}
        place = e.body.id in self.tl and self.tl[e.body.id].is_jurisdiction
        owner = {n for n in (self.tl[e.body.id].name_on(e.date) or ()) if n} if e.body.id in self.tl else set()
        out = []
        for t in self.tl.values():
            if t.is_jurisdiction or t.id == e.body.id or not t.alive_on(e.date):
                continue
            if not (t.belongs_on(e.date, e.body.id) if place else t.parent_on(e.date) == e.body.id):
                continue
            names = {n for n in (t.name_on(e.date) or ()) if n}
            if names & listed or any(o + u in names for o in owner for u in listed) \
                    or any(u + k in names for u in listed for k in kinds):
                out.append(t.id)
        return out

    def last_known(self) -> None:
        """For a body whose end is unknown, the latest date any record shows it existing."""
        seen: dict[str, list[Date]] = {}
        where: dict[tuple[str, int], Loc] = {}

        def saw(rid: str, d: Date, loc: Loc) -> None:
            seen.setdefault(rid, []).append(d)
            where[(rid, id(d))] = loc

        for p in self.a.posts:
            if p.body:
                for d in (p.start, p.end, *p.in_office):
                    if d is not None:
                        saw(p.body.id, d, p.loc)
                if p.end is None and not p.end_unknown and p.body.id in self.tl:
                    self.tl[p.body.id].in_office = True
        for f in self.a.staffing:
            if f.body and f.date:
                saw(f.body.id, f.date, f.loc)
        for b in self.a.bodies.values():  # `seen:` a source shows it still there on these days
            for d in b.seen:
                saw(b.id, d, b.loc)
        for doc in self.a.documents.values():
            if doc.issuer_body and doc.date:
                saw(doc.issuer_body.id, doc.date, doc.loc)
        for m in self.a.memos:  # a 记事 about it (革委会主任更迭7任): the source shows it there then
            for r in m.mentions:
                if m.date is not None:
                    saw(r.id, m.date, m.loc)
        dropping: list[tuple[Event, list[str]]] = []
        for e in self.a.events:  # 保留甲、乙: the units kept are there then; the others it had were not kept
            if keeps_units(e) and e.body is not None and e.date is not None:
                kept, dropped = self.kept_units(e)
                for rid in kept.values():
                    saw(rid, e.date, e.loc)
                self.kept[id(e)] = kept
                dropping.append((e, dropped))
        for e in self.a.events:  # 设秘书室、工资处、统计科 said of a body: the units it names by their names then are there
            if lists_units(e) and e.body is not None and e.date is not None:
                for rid in self.listed_units(e):
                    saw(rid, e.date, e.loc)
        for e in self.a.events:  # named as the parent of a body: a record that it exists then
            for r in [e.parent, *e.co_parents] + [x for nb in e.new.values() for x in (nb.parent, *nb.co_parents)]:
                if r is not None and e.date is not None:
                    saw(r.id, e.date, e.loc)
        for t in self.tl.values():   # what each period of existence is attested by (records surely inside it)
            if t.is_jurisdiction:
                continue
            dates = [e.date for e in t.events if e.date is not None] + seen.get(t.id, [])
            for life in t.lives:
                others = [x for x in t.lives if x is not life]
                life.attested = [x for x in dates
                                 if (life.start is None or x.earliest() >= life.start.earliest())
                                 and (life.end is None or x.latest() <= life.end.latest())
                                 and not any(o.covers(x) for o in others)]
        for t in self.tl.values():
            if t.lives and not t.is_jurisdiction:
                start = t.lives[-1].start
                recs = [(e.date, e.loc) for e in t.events if e.date is not None] + \
                    [(d, where[(t.id, id(d))]) for d in seen.get(t.id, [])]
                recs = [r for r in recs if start is None or r[0].latest() >= start.earliest()]
                if recs:
                    t.last_record, t.last_record_loc = max(recs, key=lambda r: (r[0].latest_bounded(), r[0].earliest()))
                    b = self.a.bodies.get(t.id)
                    if b is not None and any(x is t.last_record for x in b.seen):
                        t.last_record_sources = list(b.sources)   # its `seen`: cited where 最后见于 is printed
        for t in self.tl.values():
            if not t.end_unknown or not t.lives:
                continue
            if t.lives[-1].end is not None:
                self.warn("end-unknown-but-ended", "error",
                          f"机构文件写了“end: 不详”，但档案记有{self.label(t.id)}的{t.lives[-1].end_event.type_zh}"
                          f"（{t.lives[-1].end}）；止年既已记载，请删去“end: 不详”",
                          self.a.bodies[t.id].loc, [t.lives[-1].end_event.loc] if t.lives[-1].end_event else [])
                continue
            start = t.lives[-1].start
            dates = [e.date for e in t.events if e.date is not None] + seen.get(t.id, [])
            dates = [d for d in dates if start is None or d.latest() >= start.earliest()]
            # the reading that surely reaches furthest; of two that end together, the narrower (年底 before 下半年)
            t.last_known = max(dates, key=lambda d: (d.surely_by(), d.earliest()), default=start)
            founding = t.lives[-1].start_event
            t.last_known_founding = t.last_known is not None and founding is not None and start is not None \
                and not (start.qualifier == "before" and start.inclusive) \
                and all(d is founding.date or not d.same_as(t.last_known) for d in dates)
            b = self.a.bodies.get(t.id)
            if b is not None and t.last_known is not None and any(d.same_as(t.last_known) for d in b.seen):
                t.last_known_sources = list(b.sources)   # 见于: the source that shows it then is cited with the date
        for e, dropped in dropping:   # 未保留: of a unit a record shows lately (not one silent for a decade before)
            for rid in dropped:
                t = self.tl[rid]
                if t.last_known is not None and t.last_known.latest_bounded() <= e.date.earliest() \
                        and e.date.earliest().year - t.last_known.latest_bounded().year <= SILENCE_YEARS:
                    t.not_kept = e

    def replay(self, e: Event, busy: set[int]) -> None:
        """Replay e, after the events it depends on that its date allows to come first."""
        if id(e) not in self.pending:
            return
        busy.add(id(e))
        for first in self.prerequisites(e):
            if id(first) not in busy:
                self.replay(first, busy)
        self.pending.discard(id(e))
        getattr(self, "_" + e.type.replace("-", "_"))(e)
        for r in e.participants():
            t = self.tl.get(r.id)
            # an event that may have happened before the end already replayed: what it opened ends there too
            if t is not None and t.lives and not t.is_open() and not _creates(e, r.id):
                last = t.lives[-1]
                for spans in (t.names, t.second_names, t.parents, t.jurisdictions, t.ranks, t.kinds, t.suspensions,
                              t.colocations, t.co_parents, t.co_jurisdictions, t.levels, t.seats, t.divisions,
                              t.unofficial_names):
                    _close(spans, last.end, last.end_event)

    def prerequisites(self, e: Event) -> list[Event]:
        """Pending events that must come before e for e to make sense, and may by their dates.

        A body e refers to that is not set up (or has ended) needs its next pending set-up; a body e sets up
        again while it still exists needs its pending end."""
        out: list[Event] = []
        # the bodies it acts on, and those it names as a parent or a place (they must exist first too)
        refs = e.participants() + [r for nb in e.new.values() for r in (nb.parent, nb.jurisdiction) if r] + \
            [r for r in (e.parent, e.jurisdiction) if r] + e.co_jurisdictions + \
            [r for nb in e.new.values() for r in nb.co_jurisdictions]
        for r in refs:
            t = self.tl.get(r.id)
            if t is None:
                continue
            if _creates(e, r.id) and e.type == "restore" and not t.lives:
                # restoring what was set up at a date that sorts after it (an origin “1968-03前” and a restore in
                # 1968-03): its set-up comes first, then its end if one is recorded
                wanted_all = [self.creators.get(r.id, []), self.enders.get(r.id, [])]
            elif _creates(e, r.id):
                wanted_all = [self.enders.get(r.id, []) if t.is_open() else []]
            elif not t.is_open() and not (t.lives and e.date.earliest() <= t.lives[-1].end.latest()):
                wanted_all = [self.creators.get(r.id, [])]
            else:
                continue
            for wanted in wanted_all:
                for x in wanted:
                    if x is not e and id(x) in self.pending and x.date.earliest() <= e.date.latest():
                        out.append(x)
                        break
        return out

    @staticmethod
    def _lives_past(t: Timeline, d: Date) -> bool:
        """t certainly exists after d (a body whose end is unknown only as far as its last record)."""
        for i, life in enumerate(t.lives):
            if life.start is None or life.start.earliest() > d.latest():
                continue
            if life.end is not None:
                if life.end.earliest() > d.latest():
                    return True
            elif not (t.end_unknown and i == len(t.lives) - 1) or \
                    (t.last_known is not None and t.last_known.earliest() > d.latest()):
                return True
        return False

    def _carried_parents(self) -> None:
        """A place restored without a word on its superior is under the one it had before (create), unless that one
        is not there on the day (one of the volume's own places not alive then; a place outside the volume whose
        every name its sources end before: 某郡 to 589 is no superior of a county restored in 1956): then the
        record gives no superior, and none is made up."""
        for t in self.tl.values():
            if not t.is_jurisdiction:
                continue
            for s in list(t.parents):
                e = s.start_event
                nb = e.new.get(t.id) if e is not None and e.type == "restore" else None
                p = self.tl.get(s.value) if isinstance(s.value, str) else None
                if nb is None or nb.parent or p is None or s.start is None:
                    continue
                if p.alive_on(s.start) if not p.outside else not _named_only_before(p, s.start):
                    continue
                t.parents.remove(s)

    def _restored_parents(self) -> None:
        """A body restored without a word on its superior is under the one it had before (create) only when the
        record shows that one there on the day; else its superior is not known (上级不详), never carried over from a
        body whose existence then is not recorded (止年不详, or ended)."""
        for t in self.tl.values():
            if t.is_jurisdiction:
                continue
            for s in t.parents:
                e = s.start_event
                nb = e.new.get(t.id) if e is not None and e.type == "restore" else None
                p = self.tl.get(s.value) if isinstance(s.value, str) else None
                if nb is None or nb.parent or p is None or p.outside or s.start is None or _known_through(p, s.start):
                    continue
                s.value = UNKNOWN

    def _orphans(self) -> None:
        """A body under a parent that ends (and may be restored later) is not under it from that end on: unless an
        event says otherwise, its parent from then on is not known (不详), never the restored one by default."""
        for t in self.tl.values():
            if t.is_jurisdiction:
                continue
            spans: list[Span] = []
            for s in t.parents:
                spans.append(s)
                p = self.tl.get(s.value) if isinstance(s.value, str) else None
                if p is None or p.is_jurisdiction or p.outside or s.start is None:
                    continue
                for life in p.lives:
                    end = life.end
                    if end is None or end.latest() < s.start.earliest() or \
                            (s.end is not None and s.end.earliest() <= end.latest()) or not self._lives_past(t, end):
                        continue
                    gap = Span(UNKNOWN, end, s.end, life.end_event, s.end_event)
                    s.end, s.end_event = end, life.end_event
                    spans.append(gap)
                    t.orphaned.append((p.id, s, gap))
                    break
            t.parents = spans

    def _lived_through_gaps(self) -> None:
        """A body that the record keeps alive across a gap in its jurisdiction's existence (the county merged away
        in 1958 and restored in 1961, the body's life running on as if nothing happened): the record says nothing
        of where it was meanwhile. Told (a warning), never mended by a guess."""
        for t in self.tl.values():
            if t.is_jurisdiction or t.outside:
                continue
            for span in t.jurisdictions:
                j = self.tl.get(span.value) if span.value else None
                if j is None or j.outside or span.start is None:
                    continue
                for jl, nxt in zip(j.lives, j.lives[1:]):
                    if jl.end is None or jl.end_event is None or span.start.latest() >= jl.end.earliest():
                        continue
                    if span.end is not None and span.end.earliest() <= jl.end.latest():
                        continue
                    life = next((x for x in t.lives if x.start is not None and x.start.latest() < jl.end.earliest()
                                 and (x.end is None or x.end.earliest() > jl.end.latest())), None)
                    if life is None:
                        continue
                    if self._unknown_end_before(t, life, jl.end):
                        # `end: 不详` and no record of it after its place ended: the archive does not say it went on
                        self.warn("fate-unknown", "info",
                                  f"{self.label_then(j.id, jl.end)}于{jl.end}终止、{nxt.start}恢复；"
                                  f"{self.label_then(t.id, jl.end)}止年不详，档案最后见于{t.last_known or life.start}，"
                                  f"未记它是否存续到{self.label_then(j.id, jl.end)}终止，志书不说它其间在否。"
                                  f"查到它的撤销、合并或属地变更的，请记下；{self.level_then(j.id, jl.end)}恢复后它又在的，"
                                  f"记恢复（restore）事件",
                                  jl.end_event.loc, [life.start_event.loc] if life.start_event else [])
                        continue
                    self.warn("fate-unknown", "warning",
                              f"{self.label_then(j.id, jl.end)}于{jl.end}终止、{nxt.start}恢复，档案未记"
                              f"{self.label_then(t.id, jl.end)}其间的去向，却记它一直存续；请记它的撤销、合并或属地变更，"
                              f"{self.level_then(j.id, jl.end)}恢复后它又在的，记恢复（restore）事件",
                              jl.end_event.loc, [life.start_event.loc] if life.start_event else [])

    @staticmethod
    def _unknown_end_before(t: Timeline, life: Span, d: Date) -> bool:
        """``life`` is t's last period, whose end no source gives (`end: 不详`), and no record shows t in it after d."""
        if not t.end_unknown or life is not t.lives[-1] or life.end is not None:
            return False
        last = t.last_known or life.start
        return last is not None and last.latest_bounded() <= d.earliest()

    def _joint_places_ended(self) -> None:
        """A body of two jurisdictions at once (市县合署) whose one place ends while another goes on: it was a body of
        both, so from that end it is a body of those left (its 主 the first of them). That follows from the record
        and is no fate made up; what a source may say of it (a 属地变更 that day) is asked for in a warning. Only when
        its last place ends does it lapse 去向不详, as a body of one place does."""
        for t in self.tl.values():
            if t.is_jurisdiction or t.outside:
                continue
            while (cut := self._first_joint_end(t)) is not None:
                jid, j, main, co = cut
                d, ev = j.end, j.end_event
                left = tuple(x for x in (main.value, *co.value) if x != jid)
                _split_at(t.jurisdictions, main, left[0], d, ev)
                _split_at(t.co_jurisdictions, co, left[1:] or None, d, ev)
                self.warn("jurisdiction-unknown", "warning",
                          f"{self.label(jid)}于{j.end}终止；{self.label(t.id, j.end)}同属{self.label(jid)}与"
                          f"{'、'.join(self.label(x) for x in left)}，档案未记它此时的属地变更，志书中它此后只属"
                          f"{'、'.join(self.label(x) for x in left)}。来源另有所记的，请在那天记属地变更（rejurisdiction）事件",
                          ev.loc, [main.start_event.loc] if main.start_event else [])

    def _first_joint_end(self, t: Timeline):
        """The earliest end of one of the places of a joint period of t (a 主 span and a co span both open across
        that end) while another of its places goes on: (the place's id, its timeline, the 主 span, the co span)."""
        found = []
        for co in t.co_jurisdictions:
            if not co.value or co.start is None:
                continue
            main = next((s for s in t.jurisdictions if s.value and s.value != UNKNOWN and s.covers(co.start, True)
                         and (s.end is None or co.end is None or s.end.earliest() >= co.end.earliest())), None)
            if main is None:
                continue
            places = (main.value, *co.value)
            for jid in places:
                j = self.tl.get(jid)
                if j is None or j.outside or j.end is None or j.end_event is None \
                        or j.end.earliest() <= co.start.latest() \
                        or (co.end is not None and co.end.earliest() <= j.end.latest()) \
                        or not self._lives_past(t, j.end):   # (end: 不详 — known only as far as its last record)
                    continue
                others = [self.tl.get(x) for x in places if x != jid]
                if any(o is not None and (o.end is None or o.end.earliest() > j.end.latest()) for o in others):
                    found.append((j.end.earliest(), jid, j, main, co))
        if not found:
            return None
        _, jid, j, main, co = min(found, key=lambda x: x[0])
        return jid, j, main, co

    def _fates_unknown(self) -> None:
        """A body still in a jurisdiction when it ends, with no recorded fate, ends there: 去向不详 (a warning).
        A body the record shows at work after its place ended (renamed, placed elsewhere later…) lived on: only
        where it belonged meanwhile is not known, and that is what the book says (属地不详), never an end or a
        place made up (a warning too)."""
        self._lived_through_gaps()
        self._joint_places_ended()
        left: dict[str, list[Timeline]] = {}
        lost: dict[str, list[tuple[Timeline, Event]]] = {}
        for t in self.tl.values():
            if t.is_jurisdiction or not t.jurisdictions:
                continue
            for i, span in enumerate(list(t.jurisdictions)):
                j = self.tl.get(span.value) if span.value and span.value != UNKNOWN else None
                if j is None or j.outside or j.end is None or j.end_event is None or span.start is None \
                        or span.start.earliest() > j.end.latest() \
                        or (span.end is not None and span.end.earliest() <= j.end.latest()):
                    continue
                # its own end dated after its place's (县撤销后一年又记它撤销) is a date to check, not a life going on
                later = next((e for e in t.events if e.date is not None and e.date.earliest() > j.end.latest()
                              and t.id not in ended_by(e)), None)
                if later is None:
                    if span.end is None and not t.end_unknown:  # (end: 不详 already says its end is unknown)
                        left.setdefault(j.id, []).append(t)
                    continue  # (ended by a record dated after its place's end: jurisdiction-ended tells)
                gap = Span(UNKNOWN, j.end, span.end, j.end_event, span.end_event)
                span.end, span.end_event = j.end, j.end_event
                t.jurisdictions.insert(t.jurisdictions.index(span) + 1, gap)
                lost.setdefault(j.id, []).append((t, later))
        for jid, found in lost.items():
            j = self.tl[jid]
            self.warn("jurisdiction-unknown", "warning",
                      f"{self.label(jid)}于{j.end}终止，下列机构此后仍见于档案，档案却未记它们随即属于哪个行政区划，"
                      f"志书中属地这一段印作“不详”："
                      + "、".join(f"{self.label(t.id, j.end)}（{e.date}{e.type_zh}）" for t, e in found)
                      + "。查到的，请在终止之日记属地变更（rejurisdiction）事件；不要为消除这条警告而推定",
                      j.end_event.loc, [e.loc for _, e in found])
        for jid, bodies in left.items():
            j = self.tl[jid]
            for t in bodies:
                self.end(t.id, j.end_event)
                t.fate_unknown = j.end_event
            self.warn("fate-unknown", "warning",
                      f"{self.label_then(jid, j.end)}于{j.end}终止，档案未记下列{len(bodies)}个机构的去向，志书中记为“去向不详”："
                      + "、".join(self.label_then(t.id, j.end) for t in bodies)
                      + "。查到去向的，请记撤销、合并或属地变更（rejurisdiction）事件",
                      j.end_event.loc, [t.start_event.loc for t in bodies if t.start_event])

    def _joint_periods(self) -> None:
        """A 合署办公 is one period of two bodies: it ends when either ends (the end that closed one side closes the
        other's too), and when one party's end is not known (`end: 不详` and no record of it up to that end, or 去向不详)
        the period's end is not known either: both pages print the same span, never an open one that reads as 至今."""
        def fate_unknown(t: Timeline, e: Event | None) -> bool:
            return e is not None and (e is t.fate_unknown or any(
                life.value == FATE_UNKNOWN and life.end_event is e for life in t.lives))

        for t in self.tl.values():
            for s in t.colocations:
                p = self.tl.get(s.value)
                if p is None:
                    continue
                mirror = next((m for m in p.colocations if m.value == t.id and m.start_event is s.start_event), None)
                ended = [x for x in (s, mirror) if x is not None and x.end is not None]
                if ended:   # the first end closes both sides
                    first = min(ended, key=lambda x: (x.end.earliest(), x.end.latest()))
                    for x in (s, mirror):
                        if x is not None:
                            x.end, x.end_event = first.end, first.end_event
                if s.end_event is not None and s.end_event.type == "separate":
                    continue   # the source says when they parted
                for x in (t, p):
                    last = x.lives[-1] if x.lives else None
                    if fate_unknown(x, s.end_event) or (
                            x.end_unknown and last is not None and last.end is None and last.covers(s.start)
                            and (s.end is None or x.last_known is None
                                 or x.last_known.latest_bounded() < s.end.earliest())):
                        s.end_unknown = True
                        if mirror is not None:
                            mirror.end_unknown = True

    def _establish(self, e: Event) -> None:
        if e.source_from:  # 以甲县城关镇设乙市: the county gives the area
            self.touch(e.source_from, e)
        if e.sponsor:   # 在县人武部主持下成立: the sponsor is there then; it is no parent
            self.touch(e.sponsor, e)
        for nb in e.new.values():
            self.touch(Ref(nb.id, nb.loc), e, creating=True)
            self.create(nb, e)
        self._take_over(e)

    def _take_over(self, e: Event) -> None:
        """取代县委、县人委职能: each body taken over stops functioning from the date, its functions exercised by the new
        body (a 停止活动 span in those words), until a 恢复活动 or its own end; it is not ended. A suspension already
        open (县委停止正常工作, then 取代) gives way to this one on the date."""
        taker = e.new.get(e.body.id) if e.body else None
        if taker is None or not taker.name:
            return
        for r in e.takes_over:
            t = self.touch(r, e)
            if t is None:
                continue
            joint = [s for s in t.suspensions if s.end is None and id(s) in self.takers
                     and s.start is not None and s.start.same_as(e.date)]
            if joint:   # 下设四组，取代县委、县人委工作机构的全部职能: taken over by them together, no one-to-one
                names = self.takers[id(joint[-1])]
                names.append(taker.name)
                joint[-1].value = f"职能由{'、'.join(names)}行使"
                continue
            _close(t.suspensions, e.date, e)
            span = Span(f"职能由{taker.name}行使", e.date, None, e)
            self.takers[id(span)] = [taker.name]
            t.suspensions.append(span)

    def _merge_or_split(self, e: Event) -> None:
        before_ids = [r.id for r in e.before]
        for r in e.before:
            self.touch(r, e)
        for r in e.after:
            if r.id in e.new:
                if r.id in before_ids:
                    self.warn("event-shape", "error",
                              f"{self.label(r.id)}既在 before 中又在 after 中被描述为新机构；存续的机构在 after 中只写编号",
                              r.loc)
                    continue
                self.touch(r, e, creating=True)
                self.create(e.new[r.id], e)
            elif r.id not in before_ids:
                self.touch(r, e)  # an existing body absorbs (e.g. a survivor outside `before`)
        after_ids = {r.id for r in e.after}
        for r in e.before:
            if r.id not in after_ids:
                self.end(r.id, e)
        for r in e.before:
            for s in e.after:
                if r.id != s.id:
                    if r.id in self.tl:
                        self.tl[r.id].successors.append((s.id, e))
                    if s.id in self.tl:
                        self.tl[s.id].predecessors.append((r.id, e))

    def _merge(self, e: Event) -> None:
        self._merge_or_split(e)
        for r in e.partly:  # gave a part to the merged body and lives on
            if self.touch(r, e):
                for s in e.after:
                    if s.id in self.tl and s.id != r.id:
                        self.tl[r.id].successors.append((s.id, e))
                        self.tl[s.id].predecessors.append((r.id, e))

    _split = _merge_or_split
    _reorganise = _merge_or_split

    def _restore(self, e: Event) -> None:
        if e.source_from:
            self.touch(e.source_from, e)
        for nb in e.new.values():
            self.touch(Ref(nb.id, nb.loc), e, creating=True)
            self.create(nb, e)
            if e.source_from and e.source_from.id in self.tl and nb.id in self.tl and not (e.places or e.divisions):
                self.tl[e.source_from.id].successors.append((nb.id, e))
                self.tl[nb.id].predecessors.append((e.source_from.id, e))

    def _pairs(self, e: Event):
        """Each ordered pair of distinct bodies of a co-location event that exist on its date."""
        ts = [t for r in e.before if (t := self.touch(r, e))]
        return [(t, other) for t in ts for other in ts if other is not t]

    def _co_locate(self, e: Event) -> None:
        for r in (e.body, e.counterpart):   # a count of a place's bodies (区直48个): the places only, no body made up
            if r:
                self.touch(r, e)
        for t, other in self._pairs(e):
            if any(s.end is None and s.value == other.id for s in t.colocations):
                self.warn("colocation-state", "warning", f"{self.label(t.id)}此时已与{self.label(other.id)}合署办公", e.loc)
                continue
            t.colocations.append(Span(other.id, e.date, None, e))

    def _close_open(self, spans: list[Span], match, e: Event, code: str, message: str) -> None:
        """End the open span that ``match`` picks on e's date, or report that there is none to end."""
        open_ = [s for s in spans if s.end is None and match(s)]
        if not open_:
            self.warn(code, "error", message, e.loc)
            return
        open_[0].end, open_[0].end_event = e.date, e

    def _separate(self, e: Event) -> None:
        for r in (e.body, e.counterpart):   # a count of a place's bodies: the places only
            if r:
                self.touch(r, e)
        for t, other in self._pairs(e):
            self._close_open(t.colocations, lambda s, o=other.id: s.value == o, e, "colocation-state",
                             f"{self.label(t.id)}此时并未与{self.label(other.id)}合署办公，无从分开；"
                             f"请先记合署办公（co-locate）事件，或核对机构")

    def _suspend(self, e: Event) -> None:
        if e.body and (t := self.touch(e.body, e)):
            if any(s.end is None for s in t.suspensions):
                self.warn("suspension-state", "warning", f"{self.label(t.id)}此时已停止活动", e.loc)
                return
            t.suspensions.append(Span(e.wording, e.date, None, e))

    def _resume(self, e: Event) -> None:
        if e.body and (t := self.touch(e.body, e)):
            self._close_open(t.suspensions, lambda s: True, e, "suspension-state",
                             f"{self.label(t.id)}此时并未停止活动，无从恢复活动；请先记停止活动（suspend）事件。"
                             f"若它曾被撤销，请用恢复（restore）")
            if e.name:  # resumed under another name (恢复中共某某人民公社委员会, the name it had before)
                self.set_span(t.names, (e.name, e.short), e, "name", t.id)

    def _abolish(self, e: Event) -> None:
        if e.body and self.touch(e.body, e):
            self.end(e.body.id, e)
            for r in e.functions_to:   # a duty taken over is no succession (not 前身/后继): 职能划入/划出, views.lineage
                self.touch(r, e)

    def _rename(self, e: Event) -> None:
        if e.body and (t := self.touch(e.body, e)):
            old = next((s.value[0] for s in reversed(t.names) if s.end is None and s.value), None)
            if why := kind_change_problem(e.wording or "", old, e.name):
                self.warn("schema-value", "error", why, e.loc)
            self.set_span(t.names, (e.name, e.short), e, "name", t.id)
            if e.level:   # 改州为县: the level changes with the name
                if not t.is_jurisdiction:
                    self.warn("ref-wrong-kind", "error", f"更名事件的“level（层级）”只用于行政区划，{self.label(t.id)}是机构；"
                              "机构的规格变化请另记规格调整（rerank）事件", e.loc)
                else:
                    self.set_span(t.levels, e.level, e, "level", t.id)
            if e.body_kind:   # 局改公司: the kind changes with the name
                if t.is_jurisdiction:
                    self.warn("ref-wrong-kind", "error", f"更名事件的“kind（类别）”只用于机构，{self.label(t.id)}是行政区划；"
                              "行政区划的层级变化写 level", e.loc)
                else:
                    self.set_span(t.kinds, e.body_kind, e, "kind", t.id)

    def _add_name(self, e: Event) -> None:
        if e.body and (t := self.touch(e.body, e)):
            if any(s.end is None and s.value == e.name for s in t.second_names):
                self.warn("second-name-twice", "warning", f"{self.label(t.id)}此时已挂有“{e.name}”牌子", e.loc)
                return
            t.second_names.append(Span(e.name, e.date, None, e))

    def _drop_name(self, e: Event) -> None:
        if e.body and (t := self.touch(e.body, e)):
            open_ = [s for s in t.second_names if s.end is None and s.value == e.name]
            if not open_:
                have = "、".join(s.value for s in t.second_names if s.end is None) or "无"
                self.warn("second-name-unknown", "error",
                          f"{self.label(t.id)}此时没有挂“{e.name}”牌子（现挂牌子：{have}），无从撤销；请核对名称", e.loc)
                return
            open_[0].end, open_[0].end_event = e.date, e

    def _reparent(self, e: Event) -> None:
        if e.body and (t := self.touch(e.body, e)):
            for r in ([e.parent] if e.parent else []) + e.co_parents:
                self.touch(r, e)
            if (held := self._same_superior(t, e)) is not None:
                # no change: the superior it already has (a county restored under its former 专区, and the source's
                # 属某专区 of that day); told as the source words it, never 改属, and the span it is in goes on
                self.same_parent.add(id(e))
                if not e.wording:
                    was = held.start_event
                    since = (f"于{was.date}恢复时已沿用原上级" if was is not None and was.type == "restore"
                             else f"自{held.start or '设立'}起已隶属")
                    self.warn("reparent-same", "warning",
                              f"{self.label(t.id, e.date)}{since}{self.label(e.parent.id, e.date)}，这条隶属变更（{e.date}）"
                              f"没有改变上级；大事记印作“隶属”，不印“改属”。来源说“仍属”“复属”“隶属”的，把原话写进 "
                              f"wording（不再警告）；也请核对是否写错了上级", e.loc, [was.loc] if was else [])
                return
            self.set_span(t.parents, e.parent.id if e.parent else None, e, "parent", t.id)
            if e.co_parents or any(s.end is None for s in t.co_parents):
                _close(t.co_parents, e.date, e)
                if e.co_parents:
                    t.co_parents.append(Span(tuple(r.id for r in e.co_parents), e.date, None, e))

    def _same_superior(self, t: Timeline, e: Event) -> Span | None:
        """The open span of t's superior when e names that same one, in the same relation (a 代管 that becomes 隶属
        is a change), with no 双重领导 before or after, and the superior there all along (one that ended meanwhile
        and was restored is returned to, not kept: the body's superior was 不详 in between); else None."""
        if e.parent is None or e.co_parents or any(s.end is None for s in t.co_parents):
            return None
        held = [s for s in t.parents if s.end is None]
        if not held or held[-1].value != e.parent.id or held[-1].start_event is e:
            return None
        since = held[-1].start
        p = self.tl.get(e.parent.id)
        if p is not None and any(life.end is not None and e.date is not None and life.end.earliest() <= e.date.latest()
                                 and (since is None or life.end.latest() > since.earliest()) for life in p.lives):
            return None
        was = superior_relation(held[-1].start_event, t.id)
        form = superior_form(e.wording)
        return held[-1] if (form.relation if form else "隶属") == was else None

    def _rejurisdiction(self, e: Event) -> None:
        if e.body and (t := self.touch(e.body, e)):
            if e.jurisdiction:
                self.touch(e.jurisdiction, e)
                self.set_span(t.jurisdictions, e.jurisdiction.id, e, "jurisdiction", t.id)
                for r in e.co_jurisdictions:
                    self.touch(r, e)
                _close(t.co_jurisdictions, e.date, e)   # the jurisdictions it belongs to are those the event names
                if e.co_jurisdictions:
                    t.co_jurisdictions.append(Span(tuple(r.id for r in e.co_jurisdictions), e.date, None, e))
            if e.parent_set:
                if e.parent:
                    self.touch(e.parent, e)
                self.set_span(t.parents, e.parent.id if e.parent else None, e, "parent", t.id)

    def _rerank(self, e: Event) -> None:
        if e.body and (t := self.touch(e.body, e)):
            if e.rank:
                self.set_span(t.ranks, e.rank, e, "rank", t.id)
            if e.body_kind:
                self.set_span(t.kinds, e.body_kind, e, "kind", t.id)
            if e.level:
                self.set_span(t.levels, e.level, e, "level", t.id)
            if e.wording and not e.rank and not e.level:  # 升格/降格 to a rank no source gives
                self.set_span(t.ranks, UNKNOWN, e, "rank", t.id)

    def _prepare(self, e: Event) -> None:
        if e.sponsor:
            self.touch(e.sponsor, e)
        t = self.tl.get(e.body.id) if e.body else None
        if t is None:
            return
        if e not in t.events:
            t.events.append(e)
        if t.lives or any(s.end is None for s in t.preparations):
            self.warn("body-exists", "error",
                      f"筹建事件（{e.date}）涉及{self.label(t.id)}，但它此时"
                      + (f"已经设立（{lives_label(t)}）" if t.lives else "已在筹建")
                      + "；筹建记在正式设立之前，请核对日期，或改用设立、恢复", e.body.loc)
            return
        t.preparations.append(Span(e.wording or "筹建", e.date, None, e))
        if e.name:
            t.names.append(Span((e.name, e.short), e.date, None, e))

    def _move_seat(self, e: Event) -> None:
        if e.body and (t := self.touch(e.body, e)):
            now = t.seats[-1] if t.seats and t.seats[-1].end is None else None
            if now is not None and e.type == "seat" and (now.value == e.seat or still_seated(e.wording)):
                return  # the seat stated again (仍驻, or the same words): no new period, the earlier text kept
            _close(t.seats, e.date, e)
            # a seat the source says was temporary (临时设在): the 驻地 table says so
            t.seats.append(Span(f"{e.seat}（{TEMPORARY}）" if temporary_seat(e.wording) else e.seat, e.date, None, e))

    _seat = _move_seat  # the seat a source states, with no move

    def _cede(self, e: Event) -> None:
        for r in (e.source_from, e.target_to):
            if r:
                self.touch(r, e)

    def _divisions(self, e: Event) -> None:
        if e.body and (t := self.touch(e.body, e)):
            _close(t.divisions, e.date, e)
            t.divisions.append(Span(dict(e.divisions), e.date, None, e))

    def _unofficial_name(self, e: Event) -> None:
        if e.body and (t := self.touch(e.body, e)):
            _close(t.unofficial_names, e.date, e)   # a second unlawful name replaces the first
            t.unofficial_names.append(Span(e.name, e.date, None, e))

    def _restore_name(self, e: Event) -> None:
        if e.body and (t := self.touch(e.body, e)):
            self._close_open(t.unofficial_names, lambda s: True, e, "unofficial-name-state",
                             f"{self.label(t.id)}此时没有擅改的名称，无从恢复原名；请先记擅改名称（unofficial-name）事件。"
                             "经批准的更名、复名请用更名（rename）")

    def _body_count(self, e: Event) -> None:
        if e.body and (t := self.touch(e.body, e)):
            t.body_counts.append(Span((e.scope, e.count, e.count_before), e.date, e.date, e))

    def _members(self, e: Event) -> None:
        if e.body and (t := self.touch(e.body, e)):
            t.figures.append(Span(tuple(e.figures), e.date, e.date, e))

    def _authority(self, e: Event) -> None:
        if e.body and (t := self.touch(e.body, e)):   # a grant of powers: the level and rank stay as they are
            t.powers.append(Span(e.powers, e.date, None, e))   # held until a 收回权限 (or its own end) says otherwise

    def _authority_end(self, e: Event) -> None:
        """收回权限: the grant it names (or the one grant held) ends on its date; one not held is refused."""
        if not e.body or not (t := self.touch(e.body, e)):
            return
        held = [s for s in t.powers if s.end is None and s.start is not None and e.date.latest() >= s.start.earliest()]
        hit = [s for s in held if s.value == e.powers] if e.powers else held
        if len(hit) == 1:
            hit[0].end, hit[0].end_event = e.date, e
            return
        named = f"“{e.powers}”" if e.powers else ""
        if not hit and held:
            why = (f"{self.label(t.id, e.date)}此时没有{named}这项管理权限；它此时的权限是"
                   + "、".join(f"“{s.value}”（{s.start}起）" for s in held) + "，请照授予时的写法写 powers")
        elif not hit:
            why = f"档案中{self.label(t.id, e.date)}此前没有得到{named or '任何'}管理权限；请先记授予权限的管理权限（authority）事件"
        else:
            why = (f"{self.label(t.id, e.date)}此时有几项管理权限："
                   + "、".join(f"“{s.value}”" for s in hit) + "；请在 powers 中写明收回的是哪一项")
        self.warn("authority-not-held", "error", f"收回权限事件（{e.date}）：{why}", e.loc)

    def _transfer(self, e: Event) -> None:
        for r in (e.source_from, e.target_to):
            if r:
                self.touch(r, e)

    def _staffing(self, e: Event) -> None:
        if e.body:
            self.touch(e.body, e)


def derive_history(archive: Archive) -> History:
    return _Replay(archive).run()


def _named_only_before(t: Timeline, d: Date) -> bool:
    """A record outside the volume every name of which its sources end wholly before ``d``: it is not known to be
    there on that day."""
    return bool(t.names) and all(n.end is not None and n.end.latest() < d.earliest() for n in t.names)


def _known_through(t: Timeline, d: Date) -> bool:
    """The record shows t existing on every reading of d: a restore “1975-07或以前” may be of any day up to July 1975,
    so a superior last seen in 1958 is not known to be there (its earliest reading alone, unbounded, would say so)."""
    if not t.known_alive_on(d):
        return False
    if d.qualifier != "before":
        return True
    last = d.latest()
    return t.known_alive_on(Date(Point(last.year, last.month, last.day)))


def ended_how(rid: str, ev: Event, label) -> str:
    """How a body's life ended, as ``body-ended`` says it (…已于某日{这个}而终止): 因 the event's own verb (``wording``:
    撤销 for a county abolished by a split) or kind; for a body that ended with another record, not a party of the
    event (its county's abolition), 随所属的 that record (``label``: its name) and verb — 随所属的临水县撤销, not 因分设,
    which the body never underwent."""
    verb = ev.wording or ev.type_zh
    parties = {r.id for r in (ev.body, *ev.before, *ev.after) if r is not None} | set(ev.new)
    other = next((r.id for r in (ev.body, *ev.before) if r is not None), None)
    return f"随所属的{label(other)}{verb}" if rid not in parties and other else f"因{verb}"
