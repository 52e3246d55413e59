"""Names as they were: the name of a body or jurisdiction on a date, and just before an event."""

from __future__ import annotations

from ..dates import Date, Point
from ..history import History, Timeline, certain_names, replay_key, taken_by
from ..model import Event
from ..wordings import RESTORED_AS, rename_verb


def name_on(h: History, rid: str, d: Date | None) -> str:
    """The full name valid on d (the latest name if d is None or the body is unnamed then)."""
    t = h.get(rid)
    if t is None or not t.names:
        return rid
    if d is None:
        return t.current_name()
    hits = [s for s in t.names if s.covers(d)]
    if len(hits) > 1 and d.qualifier in ("after", "before"):
        # an open date (1949年7月后, 1960前) reaches far beyond what the source states: the name is the one
        # valid at the stated date, never one taken years later
        hits = [s for s in hits if s.covers(stated_day(d))] or hits[:1]
    if len(hits) > 1:
        hits = certain_names(hits, d)
    if hits:
        return hits[-1].value[0]
    before = [s for s in t.names if s.start is not None and s.start.earliest() <= d.latest()]
    return (before[-1] if before else t.names[0]).value[0]


NAME_UNKNOWN = "名称不详"


def name_in_term(h: History, rid: str, d: Date | None) -> str:
    """The name a post's body bore in the term placed at ``d``: the name certainly in force, with a rename that may have
    been made by then (``name_then``); ``NAME_UNKNOWN`` when every name the
    history (an edition's) gives the body begins after ``d``: the name of those years is one the edition withholds
    (a 机密 name of 1995–2000 in the public edition) or none a source gives, and a later name is never printed for
    an earlier term."""
    t = h.get(rid)
    if d is not None and t is not None and t.names \
            and all(s.start is not None and s.start.earliest() > d.latest() for s in t.names):
        return NAME_UNKNOWN
    return name_then(h, rid, d)


def shared_names(h: History) -> dict[str, list[str]]:
    """Each full name that two or more records (bodies and jurisdictions, inside the volume or not) bear at some
    time in ``h``, with their ids: the names a reader cannot tell apart alone. ``h`` is an edition's history when
    an edition is written, so a withheld record never makes an open one's name print differently."""
    if h.shared is None:
        bearers: dict[str, list[str]] = {}
        for t in h.timelines.values():
            for name in dict.fromkeys(s.value[0] for s in t.names if not s.withheld):
                bearers.setdefault(name, []).append(t.id)
        h.shared = {name: ids for name, ids in bearers.items() if len(ids) > 1}
    return h.shared


def distinguished(h: History, rid: str, name: str, on: Date | None = None) -> str:
    """``name`` (a name of ``rid``) with the record's 区别语 in full-width brackets when another record of the
    edition bears the same name: 滁州市（县级）. A name no other record bears prints alone (滁县, never 滁县（县级）).

    Titles and lists of the whole book (no ``on``) carry it whenever the name is shared. A sentence or a table
    about a day (``on``: a 大事记 entry, a chapter's [[id@date]], the 一览 of a date) carries it only when another
    record bears the name on that day, as the documents write it (撤销滁县地区和滁州市（县级），设立滁州市（地级）): a body re-founded under an old name
    is not confused on its own day with one abolished years before, and the sentence reads as the source's."""
    t = h.get(rid)
    if t is None or not t.distinguish or name.endswith(f"（{t.distinguish}）") \
            or len(bearers := shared_names(h).get(name, ())) < 2:
        return name
    if on is not None and not any(_bears_on(h.get(other), name, on) for other in bearers if other != rid):
        return name
    return f"{name}（{t.distinguish}）"


def _bears_on(t, name: str, d: Date) -> bool:
    """``t`` is called ``name`` on ``d`` (its period under the name begins or ends that day included), as far as the
    record shows: a body whose end is unknown and that no record shows after an earlier date (止年不详) is not there
    to be confused with (计划统计局 set up 1958, last seen then, beside another 计划统计局 abolished in 1975)."""
    return t is not None and not t.fate_unknown_on(d) and any(
        s.value[0] == name and not s.withheld and (s.start is None or s.start.earliest() <= d.latest())
        and (s.end is None or s.end.latest() >= d.earliest()) for s in t.names)


def label_on(h: History, rid: str, d: Date | None = None) -> str:
    """The name valid on ``d`` (see ``name_on``), told apart from another record's same name (``distinguished``):
    without ``d`` (a page's title, the list of all bodies, the index) whenever the name is shared; with ``d`` (a
    table or a list of one date: the 一览 of a year, 是年新设…) when another record bears the name that day."""
    return distinguished(h, rid, name_on(h, rid, d), d)


def stated_day(d: Date) -> Date:
    """The day an open date states: the first day after a 后 date, the last before a 前 date."""
    day = d.earliest() if d.qualifier == "after" else d.latest()
    return Date(Point(day.year, day.month, day.day))


def name_before(h: History, rid: str, e: Event) -> str:
    """The name a body bore when the event happened (before a rename takes effect)."""
    t = h.get(rid)
    if t is None or not t.names:
        return rid
    if t.outside:  # named by the periods its sources give, not by events
        return name_on(h, rid, e.date)
    for s in t.names:
        if s.end_event is e:
            return s.value[0]
    # the name in force just before this event in replay order (a rename later the same day is not yet made)
    key = replay_key(e)  # the order things happened in: a name taken “1992-09前” is in force before 1992-09
    earlier = [s for s in t.names if s.start_event is None or replay_key(s.start_event) < key]
    if earlier:
        return earlier[-1].value[0]
    return name_on(h, rid, e.date)


def name_after(h: History, rid: str, e: Event) -> str:
    t = h.get(rid)
    if t is None or not t.names:
        return rid
    for s in t.names:
        if s.start_event is e:
            return s.value[0]
    return name_on(h, rid, e.date)


def renamed_same_day(h: History, rid: str, e: Event) -> tuple[str, str | None] | None:
    """The name (and short name) a rename on the day of ``e`` gives the body (a split's surviving source that the
    source says 分设为 its new name and another), or None."""
    t = h.get(rid)
    for s in t.names if t else []:
        r = s.start_event
        if r is not None and r is not e and r.type == "rename" and r.date == e.date \
                and s.value[0] != name_before(h, rid, e):
            return s.value
    return None


def short_after(h: History, rid: str, e: Event) -> str | None:
    t = h.get(rid)
    if t is None:
        return None
    for s in t.names:
        if s.start_event is e:
            return s.value[1]
    return None


def span_years(start: Date | None, end: Date | None, open_end: str = "") -> str:
    """A period of use in years, as the source leaves it: 1956—1960; 1956—至迟1966 (renamed some time between the
    start and 1966); 1956至1966年间—; an open end is ``open_end`` ("" while it goes on, "？" when unknown)."""
    first = start.years() if start else "？"
    if start is not None and end is not None and start.same_as(end) and start.qualifier == "before":
        return first   # known only to have been before the same date, start and end alike: 1968前
    if end is None:
        last = open_end
    elif start is not None and end.qualifier == "exact" and end.earliest().year == start.earliest().year \
            and end.latest().year > end.earliest().year and end.named_year() is None:
        last = f"至迟{end.latest().year}"
    else:
        last = end.years()
    return f"{first}—{last}"


def first_borne(t: Timeline | None, e: Event) -> bool:
    """Whether the name a restore ``e`` gives the body of timeline ``t`` is one it never bore before (宜黄县, merged
    away, came back as 宜黄场): 恢复宜黄场 would say 宜黄场 was there before."""
    nb = e.new.get(t.id) if t is not None else None
    name = nb.name if nb is not None else None
    if t is None or not name:
        return False
    spans = [s for s in t.names if s.value and (s.start is None or s.start.earliest() < e.date.earliest())]
    return bool(spans) and all(s.value[0] != name for s in spans)


def restored_as(t: Timeline | None, e: Event | None) -> str:
    """The words before a name a restore gives that the body never bore: the source's verb (置宜黄场, wording: 置) or
    复置为 — as the 大事记 says it, never 恢复时称; "" when the name is one it bore before (or no restore)."""
    if e is None or e.type != "restore" or not first_borne(t, e):
        return ""
    return e.wording or RESTORED_AS


def began_how(t: Timeline | None, e: Event | None) -> str:
    """How a period began after its date in a table's 设立 column (Event.began_said), but a restore under a name the
    body never bore as the 大事记 says it: 复置 (or the source's 置), never 恢复."""
    if e is None:
        return ""
    said = restored_as(t, e)
    return said.removesuffix("为") if said else e.began_said


def name_verb(e, t: Timeline | None = None) -> str:
    """The words before a name a body or jurisdiction (timeline ``t``) took at event ``e``, in the source's
    verb wherever a name change is summed up (年表, 一览, table headings): a rename's wording (改称乙, 称乙, 更名为乙;
    撤县设区，称乙), a name it came back under (恢复活动时称乙), one a restore gave that it never bore (复置为乙, as the
    大事记 says), else 起称."""
    if said := restored_as(t, e):
        return said
    if e is not None and e.type in ("resume", "restore"):   # 恢复活动时称乙: the name it came back under
        return f"{e.wording or ('恢复活动' if e.type == 'resume' else '恢复')}时称"
    if e is None or e.type != "rename":
        return "起称"
    return rename_verb(e.wording)


def name_changes(h: History, rid: str, first: Date, last: Date) -> list[tuple[str, str]]:
    """The names a record took after ``first`` up to ``last``, each with its verb (name_verb); "名称不详" for a name
    the edition does not give."""
    t = h.get(rid)
    out: list[tuple[str, str]] = []
    for s in t.names if t is not None else []:
        if s.start is not None and s.start.earliest() > first.latest() and s.start.earliest() <= last.latest():
            out.append(("", "名称不详") if s.withheld else (name_verb(s.start_event, t), s.value[0]))
    return out


def name_over(h: History, rid: str, first: Date, last: Date) -> str:
    """The name of a body or jurisdiction over a period: the name valid at its start, and each later name with the
    year it was taken ("河东区（2020年更名为望川区）"). Computed from the recorded renames."""
    t = h.get(rid)
    if t is None or not t.names:
        return rid
    start = name_on(h, rid, first)
    later = []
    for s in t.names:
        if s.start is not None and s.start.earliest() > first.latest() and s.start.earliest() <= last.latest() \
                and s.value[0] != (later[-1][1] if later else start):
            if s.withheld:   # the edition does not give the name from then on
                later.append((s.start.years(), "", "名称不详"))
                continue
            verb = name_verb(s.start_event, t)
            later.append((s.start.years(), s.value[0], verb))
    if not later:
        return start
    return start + "（" + "，".join(f"{y}{'年' if y[-1].isdigit() else ''}{verb}{n}" for y, n, verb in later) + "）"


def names_with_jurisdiction(h: History, rid: str) -> list[str]:
    """Every name a body went by (full, short, second), and each also written with the name of a jurisdiction it
    belonged to — the way readers type it: 区财政局 of 河东区 is also found as 河东区财政局, 中共县委 of 临水县 as
    中共临水县委. These are search keys, never printed as names the record gives."""
    t = h.get(rid)
    if t is None:
        return []
    own: list[str] = []
    for s in t.names:
        own.extend(v for v in s.value if v)
    own.extend(str(s.value) for s in t.second_names if s.value)
    places: list[str] = []
    for s in t.jurisdictions:
        j = h.get(str(s.value))
        if j is not None:
            places.extend(v for n in j.names for v in n.value if v)
    out = list(dict.fromkeys(own))
    for place in dict.fromkeys(places):
        tier = place[-1]  # 县 区 市 镇 乡 …: the word a body's name starts with when it leaves the place out
        for name in own:
            if place in name:
                continue
            if name.startswith(tier):
                out.append(place + name[1:])
            elif name.startswith("中共" + tier):
                out.append("中共" + place + name[3:])
            else:
                out.append(place + name)
    return list(dict.fromkeys(out))


def with_years(name: str, years: str) -> str:
    """A name with its years in one bracket group: 县劳动局（1978—1984）; a name that ends in its own brackets (the
    区别语 of 县劳动局（1978年设立）) takes the years inside them, 县劳动局（1978年设立，1978—1984）, never two groups in a
    row."""
    if name.endswith("）") and "（" in name:
        return f"{name[:-1]}，{years}）"
    return f"{name}（{years}）"


def with_note(name: str, note: str) -> str:
    """A name with what is said of it in one bracket group: 测试县人民委员会（1981年1月改称新测县人民政府）; a name that
    ends in its own brackets (its 区别语) takes the note inside them after a semicolon — 中共测试县委员会（1949年设立；
    1970年更名为……）, never two groups in a row. No note: the name alone."""
    if not note:
        return name
    if name.endswith("）") and "（" in name:
        return f"{name[:-1]}；{note}）"
    return f"{name}（{note}）"


def names_within(h: History, ref: str, start: Date | None, end: Date | None, known_to: bool = False) -> tuple[str, str]:
    """How a period under a superior body or place names it: the name certainly in force when the period began,
    and the renames that may fall inside the period, as the source dates them (“1981年1月更名为乙县人民政府”,
    “1981年前改称乙县人民政府”) — never one name for the whole period when the superior was renamed within it, nor
    the later name for a start the rename may come after. ``known_to``: ``end`` is only the last date a record shows
    the body there (止年不详, 最后见于1987年): a rename that may come after it (2003年或以前更名为乙市) is not told, since
    the record does not show the body under the new name."""
    name, renamed = _names_within(h, ref, start, end, known_to)
    return distinguished(h, ref, name), renamed


def _by_then(began: Date, start: Date) -> bool:
    """A name known only to be borne by a date (the stand-in origin of a place or body of `start: 不详`, 1931-01或以前,
    first met in the event that opens the period): in force at a period that starts on that very date."""
    return began.qualifier == "before" and began.inclusive and began.end is None and start.qualifier == "exact" \
        and start.end is None and began.start == start.start


def _names_within(h: History, ref: str, start: Date | None, end: Date | None, known_to: bool = False) \
        -> tuple[str, str]:
    t = h.get(ref)
    if t is None or not t.names:
        return name_on(h, ref, start), ""
    first = 0
    if start is not None:
        # in force at the start: taken wholly before it, or on the date the period's own record gives (a body set up
        # “1952-11” under a 县委 renamed “1952-11” is under the new name, as its 大事记 sentence says)
        certain = [i for i, s in enumerate(t.names)
                   if s.start is None or s.start.latest() <= start.earliest()
                   or (s.start.same_as(start) and start.end is None) or (start.end is not None and taken_by(s.start, start))
                   or _by_then(s.start, start)]
        # none certainly before the start (the superior itself set up within the period, 1942-09 in 1942-09..1949):
        # its first name, with the renames within the period, never the name it had when the period ended
        if not certain and not (t.names[0].start is not None and t.names[0].start.earliest() >= start.earliest()
                                and start.qualifier == "exact"):
            return name_on(h, ref, start), ""
        first = certain[-1] if certain else 0
    shown: str | None = t.names[first].value[0]
    through = t.names[first].end
    if t.outside and end is not None and through is not None \
            and (through.same_as(end) or through.earliest() >= end.latest()):
        return shown, ""   # the source gives the name up to the period's end: a later name is not within it
    out: list[tuple[str, str, str]] = []   # when, verb, name
    for s in t.names[first + 1:]:
        if s.start is None or (end is not None and s.start.earliest() >= end.latest()):
            continue   # taken on or after the period's end
        if known_to and (end is None or s.start.latest() > end.latest()):
            continue   # perhaps after the body's last record: not told as if it had been there to see it
        if s.withheld:   # the edition does not give the name from then on
            out.append((s.start.chinese(), "", "名称不详"))
            shown = None
            continue
        name = s.value[0]
        if not name or name == shown:
            continue
        e = s.start_event
        shown_name = distinguished(h, ref, name)
        if e is not None and e.type == "rename":   # a rename the source dates as a period: 1955年9月至1956年12月间更名为乙
            out.append((s.start.chinese() + ("间" if s.start.end else ""), rename_verb(e.wording), shown_name))
        elif s.start.qualifier == "exact" and s.start.end is None:
            out.append((s.start.chinese(), "起称", shown_name))
        else:   # a name whose start the source leaves open: 1956年3月至1983年9月间改称乙, 1975年8月前改称乙
            out.append((s.start.chinese() + ("间" if s.start.end else ""), "改称", shown_name))
        shown = name
    return t.names[first].value[0], "，".join(_renames(out))


def _renames(out: list[tuple[str, str, str]]) -> list[str]:
    """Renames in order; those the source dates alike and calls 改称 are told once, as a 志 does:
    1956年3月至1983年9月间先后改称甲、乙、丙."""
    told: list[str] = []
    i = 0
    while i < len(out):
        when, verb, _ = out[i]
        j = i + 1
        while verb == "改称" and j < len(out) and out[j][:2] == (when, verb):
            j += 1
        names = [n for _, _, n in out[i:j]]
        told.append(f"{when}{'先后' if len(names) > 1 else ''}{verb}{'、'.join(names)}")
        i = j
    return told


def name_through(h: History, rid: str, d: Date | None) -> str:
    """A superior's name for a date that is a period (a year, a month, 1966..1976: an 一览 of those years, an event the
    source dates only so): the name certainly in force when it began, with the renames that may fall inside it
    (“某某委员会（1970年更名为……）”), never one name as if valid for the whole of it; a single day, the name certainly in
    force then, with a rename the source dates only as a period that may already have been made by then (区长 from
    1956-12-14 under a 区 renamed “1955年9月至1956年12月”: 济南市第六区（1955年9月至1956年12月间更名为济南市槐荫区））."""
    if d is None or d.qualifier in ("after", "before") or (d.is_exact_day() and _withheld_on(h, rid, d)):
        return label_on(h, rid, d)   # an open date (1949年7月后) names what its stated day names (name_on)
    name, renamed = names_within(h, rid, d, d)
    return with_note(name, renamed) if renamed else label_on(h, rid, d)


def name_then(h: History, rid: str, d: Date | None) -> str:
    """The name a post is named by (大事记, 领导名录, person page, posts.csv): as ``name_through``; a name an edition
    withholds at the time as ``label_on`` tells it (名称不详（原称…）)."""
    if d is not None and _withheld_on(h, rid, d):
        return label_on(h, rid, d)
    return name_through(h, rid, d)


def _withheld_on(h: History, rid: str, d: Date) -> bool:
    t = h.get(rid)
    return t is not None and any(s.withheld and s.covers(d) for s in t.names)
