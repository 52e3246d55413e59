"""Lifespans, names on a date, parents and jurisdictions over time."""

from __future__ import annotations

from collections.abc import Iterator

from ..dates import Date
from ..findings import Finding, Loc
from ..history import (
    SILENCE_YEARS,
    History,
    Timeline,
    ended_by,
    ended_how,
    lives_label,
    silent_since,
    silent_until,
    unknown_after,
)
from ..model import Archive, Event, Ref
from ..views.naming import name_before, renamed_same_day
from ..wordings import SPLIT_INTO, wording_problem


def check_replay(a: Archive, h: History) -> Iterator[Finding]:
    """What replaying the events found (used before set up, after the end, same-day conflicts)."""
    yield from h.findings


def _alive_check(h: History, ref: Ref | None, d: Date | None, what: str) -> Iterator[Finding]:
    if ref is None or d is None:
        return
    t = h.get(ref.id)
    if t is None or t.is_jurisdiction:
        return
    name = f"{t.current_name()}（{t.id}）"
    if t.outside and not t.lives:
        yield from _outside_named(t, ref, d, what, name)
        return
    if t.prepared_on(d) is not None and not t.alive_on(d):
        return  # in 筹建: a 筹备组 has leaders and staff before the body is formally set up
    if t.start is None and ref.id in h.undated:
        return  # its setting up (or restore) was refused where it is written: not cascaded here
    if t.start is None or t.definitely_before_start(d):
        yield Finding("body-not-yet", "error",
                      f"{what}（{d}）涉及{name}，但此时它尚未设立" + (f"（设立于{t.start}）" if t.start else ""),
                      ref.loc, [t.start_event.loc] if t.start_event else [])
    elif t.definitely_after_end(d):
        life = t.life_ending_before(d)
        ev = life.end_event if life else None
        yield Finding("body-ended", "error",
                      f"{what}（{d}）涉及{name}，但它已于{life.end if life else t.end}"
                      f"{ended_how(t.id, ev, lambda rid: _named(h, rid)) if ev else '因撤销'}而终止",
                      ref.loc, [ev.loc] if ev else [])


def _named(h: History, rid: str) -> str:
    """A record as ``body-ended`` names another: its latest name and id (测试县（cs-xian）), or its id."""
    t = h.get(rid)
    return f"{t.current_name()}（{rid}）" if t is not None else rid


def _outside_named(t: Timeline, ref: Ref, d: Date, what: str, name: str) -> Iterator[Finding]:
    """A body outside the volume (a superior office named by name) has no history here, only the names its sources
    give for their periods: a post or figure on it needs a name for its date, never one borrowed from another period."""
    if not t.names or t.names_on(d):
        return
    periods = "、".join(f"{s.value[0]}（{s.start or '？'}—{s.end or ''}）" for s in t.names)
    later = all(s.start is not None and d.latest() < s.start.earliest() for s in t.names)
    yield Finding("body-not-yet" if later else "body-ended", "error",
                  f"{what}（{d}）涉及本志之外的机构{name}，但它的“names（名称）”里没有{d}时的名称（只有{periods}）；"
                  f"请照来源在它的 names 里补写那时的名称和起止（本志之外的机构不记设立事件），或核对日期", ref.loc)


def _name_check(h: History, ref: Ref | None, d: Date | None, what: str) -> Iterator[Finding]:
    if ref is None or d is None or not ref.as_name:
        return
    t = h.get(ref.id)
    if t is None or not t.names:
        return
    valid = t.names_on(d)
    if valid and ref.as_name not in valid:
        ever = [s for s in t.names if ref.as_name in (s.value[0], s.value[1])] + \
               [s for s in t.second_names if s.value == ref.as_name]
        advice = f"“{ref.as_name}”是它{ever[0].start}起的名称；请改用当时的名称" if ever else \
            (f"它任何时候都不叫“{ref.as_name}”：原件的称呼是不规范的简称的，请删去 as（志书印它当时的名称），"
             "把原文写在 note 里；是抄错了的，请改用当时的名称")
        yield Finding("name-invalid", "error",
                      f"{what}（{d}）称{ref.id}为“{ref.as_name}”，但它当时的名称是“{'、'.join(sorted(valid))}”；{advice}",
                      ref.loc)


def check_usage_dates(a: Archive, h: History) -> Iterator[Finding]:
    for p in a.posts:
        seen_only = p.start is None and p.end is None and bool(p.in_office)
        yield from _alive_check(h, p.body, p.when(), "任职的在任日期" if seen_only else "任职")
        yield from _name_check(h, p.body, p.when(), "任职")
        for d in p.in_office:  # 在任 on a day a source gives: the body exists then, inside the term
            if d is not p.when():
                yield from _alive_check(h, p.body, d, "任职的在任日期")
            if (p.start and p.start.earliest() > d.latest()) or (p.end and p.end.latest() < d.earliest()):
                term = p.tenure().split("（")[0]
                yield Finding("date-order", "warning",
                              f"任职的在任日期{d}不在任期{term}之内；请核对“in_office（在任日期）”或起止", p.loc)
        t = h.get(p.body.id) if p.body else None
        if t and p.end and t.end and t.start and not t.definitely_after_end(p.start or p.end) \
                and p.end.earliest() > t.end.latest():
            yield Finding("post-outside-lifespan", "warning",
                          f"任职止于{p.end}，晚于{t.current_name()}的终止日期{t.end}；请核对任职止期", p.loc)
    for b in a.bodies.values():
        for d in b.seen:   # 见于: the body must exist on the day a source shows it
            yield from _alive_check(h, Ref(b.id, b.loc), d, "机构文件的“seen（见于）”")
    for s in a.staffing:
        yield from _alive_check(h, s.body, s.date, "编制记录")
        yield from _name_check(h, s.body, s.date, "编制记录")
        yield from _name_check(h, s.jurisdiction, s.date, "编制记录")
        t = h.get(s.jurisdiction.id) if s.jurisdiction else None
        if t is not None and s.date is not None and t.start is not None \
                and (t.definitely_before_start(s.date) or t.definitely_after_end(s.date)):
            yield Finding("jurisdiction-not-alive", "error",
                          f"编制记录（{s.date}）是{t.current_name()}（{t.id}）的编制，但它此时不存在"
                          f"（存续期：{lives_label(t)}）；请核对日期或行政区划", s.jurisdiction.loc)
    for e in a.events:
        for r in e.participants():
            yield from _name_check(h, r, e.date, f"{e.type_zh}事件")
        # the superior's name as the source gives it ({id: …, as: 县委常委会}) is checked as any other: never dropped
        supers = [e.parent, *e.co_parents, *(x for nb in e.new.values() for x in (nb.parent, *nb.co_parents))]
        for r in {id(r): r for r in supers if r is not None}.values():
            yield from _name_check(h, r, e.date, f"{e.type_zh}事件的上级")
    for d in a.documents.values():
        if d.issuer_body and d.date and d.issuer:
            yield from _name_check(h, Ref(d.issuer_body.id, d.issuer_body.loc, d.issuer), d.date, "发文机关")


def check_split_into(a: Archive, h: History) -> Iterator[Finding]:
    """A split worded 分设为 whose source lives on names the source by the name a rename that day gives it
    (县计划经济委员会分设为县计划委员会、县经济委员会); without one it would read as if the source were gone."""
    for e in a.events:
        if e.type != "split" or e.wording != SPLIT_INTO or not e.before:
            continue
        src = e.before[0].id
        if src in {r.id for r in e.after} and renamed_same_day(h, src, e) is None:
            yield Finding("schema-value", "error",
                          f"这条分设写了 wording: 分设为，原机构（{name_before(h, src, e)}）又列在 after 里（继续存在），"
                          "但同一天没有给它改名的更名事件，大事记无法照“甲分设为乙、丙”印出它分设后的名称。"
                          "来源说原机构分设后改了名的，请另记同一天的更名（rename）事件；原机构名称不变的，请删去 wording，"
                          "大事记读作“从甲分出，设立乙”", e.loc)


def check_restore_from_wording(a: Archive, h: History) -> Iterator[Finding]:
    """A restore the sentence tells as 从甲分出，恢复乙 whose wording says 分出 again (分设): refused, naming 甲 as the
    sentence prints it (the loader, which refuses the other wordings, does not know names yet)."""
    for e in a.events:
        if e.type == "restore" and e.wording and e.source_from:
            why = wording_problem("restore", e.wording, name_before(h, e.source_from.id, e))
            if why:
                yield Finding("schema-value", "error", why, e.loc)


def check_first_establish_previous_end(a: Archive, h: History) -> Iterator[Finding]:
    """`previous_end: 不详` on a 设立 says the body had an earlier period whose end is not recorded (成立 again): on
    its first establishment there is none, and the field would be silently meaningless — refused."""
    for e in a.events:
        if e.type != "establish" or not e.previous_end_unknown or e.body is None:
            continue
        t = h.get(e.body.id)
        if t is not None and t.lives and t.lives[0].start_event is e:
            yield Finding("schema-value", "error",
                          f"这条设立事件写了“previous_end: 不详”，但它是档案中{_label(t, t.id, e.date)}的第一次设立，"
                          "此前没有可以终止的一期。请删去 previous_end；来源第一次提到它就说“恢复”“复设”的，记恢复事件"
                          "（type: restore），再写 previous_end: 不详", e.loc)


def check_seat_wording(a: Archive, h: History) -> Iterator[Finding]:
    """A seat's wording names the organ of its own place (县政府, 潍北县政府); one that names another place
    (潍县政府 for 潍北县) would print glued after the place's name (潍北县潍县政府驻…) and say what no source says:
    refused, telling the editor where the other place goes."""
    others: dict[str, str] = {}   # every name a place bears in the archive → its id
    for t in h.timelines.values():
        if t.is_jurisdiction:
            for s in t.names:
                if s.value[0]:
                    others.setdefault(s.value[0], t.id)
    bodies: dict[str, str] = {}   # every name (and short name) a body bears → its id: an organ's own seat
    for t in h.timelines.values():
        if not t.is_jurisdiction:
            for s in t.names:
                for n in s.value:
                    if n and len(n) > 1:
                        bodies.setdefault(n, t.id)
    for e in a.events:
        if e.type not in ("seat", "move-seat") or not e.wording or e.body is None:
            continue
        t = h.get(e.body.id)
        if t is None:
            continue
        if not t.is_jurisdiction:
            if e.type == "seat" and (why := body_seat_wording_problem(e.wording)):
                yield Finding("schema-value", "error", why, e.loc)
            continue
        if (organ := _organ_elsewhere(h, t, e, bodies)) is not None:
            yield organ
            continue
        own = {s.value[0] for s in t.names if s.value[0]}
        rest = e.wording
        for name in sorted(own, key=len, reverse=True):
            rest = rest.replace(name, "")
        named = sorted((n for n, rid in others.items() if rid != t.id and n in rest), key=len, reverse=True)
        if not named:
            continue
        place = name_before(h, t.id, e) if e.date else t.current_name()
        other = named[0]
        yield Finding("schema-value", "error",
                      f"驻地事件的“wording（机关）”“{e.wording}”说的是{other}（{others[other]}）的机关，不是{place}"
                      f"（{t.id}）的，大事记会印成“{place}{e.wording}驻{e.seat}”。wording 只写{place}自己的机关，"
                      f"如 县政府、县委，或写全称（{place}人民政府）；{place}的机关驻在{other}境内的，把地点写进 seat"
                      f"（照来源写，如 seat: {other}），wording 写 县政府；说的是{other}的驻地的，把 body 改为 "
                      f"{others[other]}", e.loc)


def _organ_elsewhere(h: History, t: Timeline, e: Event, bodies: dict[str, str]) -> Finding | None:
    """A seat on a place whose wording names a body of the archive (中共某县委) at another address than the seat the
    place already has (治所利辛集): the source tells where that body's office was, not where the place's seat was —
    printed as the place's 驻地 it would replace the seat the source gives. Refused, telling the editor to write it
    on the body."""
    if "、" in e.wording or "政府" in e.wording:   # the county's organs together, its government: the county's seat
        return None
    own = {n for s in t.names for n in s.value if n}
    named = sorted((n for n in bodies if n in e.wording and n not in own), key=len, reverse=True)
    if not named:
        return None
    before = [s for s in t.seats if s.start_event is not e and s.start is not None and s.start < e.date
              and not (s.start_event and s.start_event.wording
                       and any(n in s.start_event.wording and n not in own for n in bodies))]
    if not before:
        return None
    held = before[-1].value
    said = e.seat if e.type == "seat" else e.seat_before
    if said is None or said == held:
        return None
    bid = bodies[named[0]]
    place, organ = name_before(h, t.id, e), name_before(h, bid, e)
    kind, hint = (("驻地", "（来源说“临时设在”的写 wording: 临时设在）") if e.type == "seat" else ("驻地迁移", ""))
    return Finding("schema-value", "error",
                   f"{kind}事件的“wording（机关）”“{e.wording}”说的是{organ}（{bid}）的办公地点，不是{place}（{t.id}）"
                   f"的驻地（此时为{held}）；记在{place}上，{place}的“驻地”一栏会把它印成{place}的驻地。"
                   f"请把 body 改为 {bid}，删去 wording{hint}；"
                   f"说的确是{place}本身的驻地的，wording 只写{place}自己的说法，如 县治、治所", e.loc)


_BODY_SEAT_WORDS = ("驻", "临时驻", "仍驻", "设在", "临时设在", "办公地点设在", "办公地点临时设在", "驻地", "机关驻地",
                    "办公地点")


def body_seat_wording_problem(wording: str) -> str | None:
    """Why a body's (机关's) seat wording would print a false sentence, or None: only the words of an office's address
    (驻、设在、办公地点, with 临时 where the source says it) stand between the body's name and the place."""
    if wording in _BODY_SEAT_WORDS:
        return None
    return (f"机构驻地事件的“wording（用词）”“{wording}”印在机构名称和驻地之间（中共某县委员会临时设在某地）；"
            f"只能写 {'、'.join(_BODY_SEAT_WORDS)}。机构名称不写进 wording（body 已说明是哪个机构）")


def _label(t: Timeline | None, rid: str, when: Date | None = None) -> str:
    """The entity as a message names it: by its name on ``when`` (the day the finding is about), else its last."""
    if t and t.names and when is not None and (named := t.name_on(when)):
        return f"{named[0]}（{rid}）"
    return f"{t.current_name()}（{rid}）" if t and t.names else rid


def _outlives(t: Timeline, span, end: Date) -> bool:
    """The span (a parent, a place) certainly goes on after ``end``. An open span of a body whose end is unknown
    (止年不详) goes on only as far as the last record that shows the body."""
    if span.end is not None:
        return span.end.earliest() > end.latest()
    if t.end_unknown and t.lives and t.lives[-1].end is None:
        return t.last_known is not None and t.last_known.earliest() > end.latest()
    return True


def check_parents_and_places(a: Archive, h: History) -> Iterator[Finding]:
    for t in h.timelines.values():
        if t.is_jurisdiction:
            continue
        for span in t.parents:
            if not span.value or span.start is None:
                continue
            p = h.get(span.value)
            if p is None or p.is_jurisdiction or p.outside or span.value in h.undated:
                continue
            loc = span.start_event.loc if span.start_event else Loc("")
            if not p.alive_or_prepared_on(span.start):
                yield Finding("parent-not-alive", "error",
                              f"{_label(t, t.id, span.start)}自{span.start}隶属于{_label(p, p.id)}，但此时上级机构不存在"
                              f"（其存续期：{lives_label(p)}）；请核对日期或上级", loc)
        for pid, under, gap in t.orphaned:
            p = h.get(pid)
            how = gap.start_event.type_zh if gap.start_event else "终止"
            again = "（此后虽又恢复，档案未记它重归其下）" if p is not None and p.lives[-1].start is not None \
                and p.lives[-1].start.earliest() > gap.start.latest() else ""
            # an end no record gives (its restore's previous_end: 不详): some time before the restore, never a date
            ended = f"于{gap.start}{how}" if gap.start_event or gap.start.qualifier != "before" \
                else f"前一期何时终止档案未载、于{Date(gap.start.start).chinese()}恢复"
            yield Finding("parent-ended", "warning",
                          f"{_label(p, pid)}{ended}（其存续期：{lives_label(p) if p else '？'}），"
                          f"但{_label(t, t.id)}此后仍在{again}，档案未记它改属何处；沿革和机构设置一览中它此后的上级"
                          f"印作“不详”。查到的，请补记隶属变更（reparent），或该机构的撤销、合并",
                          under.start_event.loc if under.start_event else Loc(""),
                          [gap.start_event.loc] if gap.start_event else [])
        # its 主 and, for a body of two jurisdictions at once (市县合署), every other place it belongs to
        places = [(span, span.value) for span in t.jurisdictions] + \
            [(span, jid) for span in t.co_jurisdictions for jid in (span.value or ())]
        for span, jid in places:
            if not jid or span.start is None:
                continue
            j = h.get(jid)
            if j is None or not j.is_jurisdiction or (j.outside and not j.lives) or j.id in h.undated:
                continue
            loc = span.start_event.loc if span.start_event else Loc("")
            if not j.alive_or_prepared_on(span.start):
                yield Finding("jurisdiction-not-alive", "error",
                              f"{_label(t, t.id, span.start)}自{span.start}属于{_label(j, j.id)}，但该行政区划此时不存在"
                              f"（存续期：{lives_label(j)}）。那时这里属于别的行政区划的（如撤地设市以前的地区），"
                              f"请写那个行政区划，改属之日另记属地变更（rejurisdiction）；来源说它当时正在筹建"
                              f"（先建县委、后设县）的，请为该行政区划记一条筹建（prepare）事件，不要改动设立日期", loc)
            elif j.end and _outlives(t, span, j.end):
                yield Finding("jurisdiction-ended", "error",
                              f"{_label(j, j.id)}已于{j.end}撤销，但{_label(t, t.id, j.end)}此后仍属于它；请记录该机构的撤销、"
                              f"合并或属地变更（rejurisdiction）", loc, [j.end_event.loc] if j.end_event else [])
            if j.id in a.jurisdictions and not a.jurisdictions[j.id].in_scope:
                yield Finding("jurisdiction-out-of-scope", "warning",
                              f"{_label(t, t.id)}属于越境不书的{_label(j, j.id)}；本志不记其机构", loc)
    yield from _cycles(h)


def _cycles(h: History) -> Iterator[Finding]:
    reported: set[frozenset] = set()
    for t in h.timelines.values():
        for span in t.parents:
            if span.start is None or not span.value:
                continue
            seen = [t.id]
            cur = span.value
            while cur and cur in h.timelines and len(seen) < 200:
                if cur in seen:
                    cyc = frozenset(seen[seen.index(cur):])
                    if cyc not in reported:
                        reported.add(cyc)
                        loc = span.start_event.loc if span.start_event else Loc("")
                        yield Finding("parent-cycle", "error",
                                      f"上级关系成环（{span.start}）：{' → '.join(seen[seen.index(cur):] + [cur])}；"
                                      f"请核对隶属关系", loc)
                    break
                seen.append(cur)
                cur = h.timelines[cur].parent_on(span.start)


def check_name_clash(a: Archive, h: History) -> Iterator[Finding]:
    by_name: dict[tuple, list] = {}
    for t in h.timelines.values():
        if t.is_jurisdiction:
            continue
        for span in t.names:
            if span.start is None:
                continue
            jur = t.jurisdiction_on(span.start)
            by_name.setdefault((jur, span.value[0]), []).append((t, span))
    for (jur, name), spans in by_name.items():
        for i, (t1, s1) in enumerate(spans):
            for t2, s2 in spans[i + 1:]:
                if t1.id == t2.id or (t1.distinguish and t2.distinguish and t1.distinguish != t2.distinguish):
                    continue   # the editor told them apart (区别语): two bodies, not one entered twice
                overlap = (s1.end is None or s2.start.earliest() < s1.end.earliest()) and \
                          (s2.end is None or s1.start.earliest() < s2.end.earliest())
                if overlap:
                    early, late = ((t1, s1), (t2, s2)) if s1.start <= s2.start else ((t2, s2), (t1, s1))
                    loc = late[1].start_event.loc if late[1].start_event else Loc("")
                    yield Finding("name-clash", "warning",
                                  f"“{name}”同时是{early[0].id}与{late[0].id}的名称（{late[1].start}起）；"
                                  f"同一行政区划内两个存续机构不应同名，请核对是否为同一机构", loc,
                                  [early[1].start_event.loc] if early[1].start_event else [])


def check_origin_bound(a: Archive, h: History) -> Iterator[Finding]:
    """A body set up “in or before X” (1958或以前, 至迟1958) whose period ends wholly before X began (撤销 1957) is no
    contradiction — it was set up before its end — but the source's bound then says less than the record, and a
    source that means the body was there in X (“至迟1958年已有”) contradicts the end: the editor looks at it."""
    for t in h.timelines.values():
        if t.is_jurisdiction:
            continue
        for life in t.lives:
            s, e = life.start, life.end
            if s is None or e is None or not s.inclusive or s.qualifier != "before" or life.start_event is None:
                continue
            if e.latest() < s.start.first_day():
                ev = life.end_event
                yield Finding("origin-bound-loose", "warning",
                              f"{_label(t, t.id)}的设立记为“{s}”，却于{e}{ev.type_zh if ev else '终止'}，"
                              f"整个早于{s.start.chinese()}：机构页会照录为“{s}—{e}”。来源若是说它{s.start.chinese()}"
                              f"仍在（如“至迟{s.start.chinese()}已有”），请另记那一年的记载（seen、任职、编制或发文），"
                              f"{e}的{ev.type_zh if ev else '终止'}就会被查出矛盾；来源若只是说它{s.start.chinese()}"
                              f"或以前设立，则无误，可照录",
                              life.start_event.loc, [ev.loc] if ev else [])


def last_record_year(a: Archive) -> int | None:
    """The latest year (its earliest reading) of a record of the archive that falls within the 下限: an event, a
    term of office, a staffing figure, a 记事, a body's `seen`. A document's own date is none (a 志书 of 1995 tells
    of 1966)."""
    lower = a.book.lower if a.book is not None else None
    dates = [e.date for e in a.events] + [d for p in a.posts for d in (p.start, p.end, *p.in_office)] + \
        [f.date for f in a.staffing] + [m.date for m in a.memos] + [d for b in a.bodies.values() for d in b.seen]
    years = [d.earliest().year for d in dates if d is not None
             and (lower is None or d.earliest().year <= lower.latest().year)]
    return max(years, default=None)


def check_snapshots(a: Archive, h: History) -> Iterator[Finding]:
    """snapshots-suggested: with no `snapshots` in book.yaml the appendix's 机构设置一览 is of the 下限's year end; when
    the archive's last record is long before it (a 劳动局 recorded 1946–1966 in a volume to 1990), that table is
    empty and every body stands in its “另有……此时是否存续，档案未载”: the editor is shown how to ask for 一览 of
    the years the record covers."""
    book = a.book
    if book is None or book.lower is None or book.snapshots:
        return
    last = last_record_year(a)
    if last is None or book.lower.latest().year - last <= SILENCE_YEARS:
        return
    path = a.root / "chronicle" / "book.yaml"
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    line = next((i for i, text in enumerate(lines, 1) if text.startswith("lower:")), 1)
    yield Finding("snapshots-suggested", "warning",
                  f"档案最后一条记载在{last}年，离本志下限{book.lower.latest().year}年有{book.lower.latest().year - last}年："
                  f"附录的机构设置一览只出下限那年年末的一张，档案所记的机构那时已多年无记载，一览中所列无几（或是空表），"
                  f"其余都印在表下“另有……此时是否存续，档案未载”里。请在 chronicle/book.yaml 加一行 snapshots，写档案有记载的年份的年末，"
                  f"如 snapshots: [{last}-12-31]（可写几个日期，各出一张一览，见编辑指南“志书设置”）",
                  Loc("chronicle/book.yaml", line))


def check_silence(a: Archive, h: History) -> Iterator[Finding]:
    """A body no record shows for decades, with no recorded end and no `end: 不详`, would be listed as existing.
    A body a source says is there 至今 (`end: 至今`) is not silent; if the archive records its end, one is wrong."""
    for b in a.bodies.values():
        t = h.get(b.id)
        if b.extant and t is not None and t.lives and t.lives[-1].end is not None and t.lives[-1].end_event:
            yield Finding("extant-but-ended", "error",
                          f"机构文件写了“end: 至今”（来源说{_label(t, t.id)}至今仍在），档案却记有它的"
                          f"{t.lives[-1].end_event.type_zh}（{t.lives[-1].end}）；请核对来源，删去其一",
                          b.loc, [t.lives[-1].end_event.loc])
    for t in h.timelines.values():
        last = silent_since(a, t)
        if last is None or t.id not in a.bodies:
            continue
        upto = silent_until(a, t)
        years = upto.earliest().year - last.latest_bounded().year
        said = last.chinese() if last.inclusive else f"{last.start.chinese()}以后"
        since = (f"（来源只说在{said}，没有说多久；自{last.latest_bounded().year}年算起）"
                 if last.qualifier == "after" else "")
        until = (f"志书不能说它至本志下限（{a.book.lower}）仍然存在：机构页印“{unknown_after(last)}”，"
                 f"此后{SILENCE_YEARS}年以上的机构设置一览在它名后注“存续不详”" if t.lives[-1].end is None else
                 f"机构设置一览和机构页会把它列为一直存在到{upto.chinese()}其属地终止时（去向不详）")
        yield Finding("body-silent", "warning",
                      f"{_label(t, t.id)}最后见于{last}{since}，此后{years}年间档案中再没有它的任何记载（事件、任职、编制、发文），"
                      f"又没有撤销、合并的记录，{until}。"
                      f"来源确实没有记它的结局的，请在机构文件中写“end: 不详”（此后一览不再把它当作确实存在）；来源说它“至今”仍在的，"
                      f"写“end: 至今”并在 sources 中写明来源；"
                      f"查到撤销、合并的，请补记；确知它一直存在的，可补记能说明这一点的任职或编制",
                      a.bodies[t.id].loc, [t.last_record_loc] if t.last_record_loc else [])


# events that do not show a suspended body at work: its own suspension and resumption, its end, a restore
_NOT_ACTIVITY = ("suspend", "resume", "restore")


def _taken_over(e, rid: str) -> bool:
    """e takes over the functions of body ``rid`` (取代): no activity of it, the start of its not functioning."""
    return any(r.id == rid for r in e.takes_over)


def check_activity_while_suspended(a: Archive, h: History) -> Iterator[Finding]:
    """A 停止活动 with no 恢复活动 and no `resume: 不详`, after which the sources record the body at work (renamed,
    co-located, staffed…): the book would print it suspended to its end while telling of its work. Warn, and say
    the two ways to write what the sources say."""
    for t in h.timelines.values():
        for s in t.suspensions:
            e0 = s.start_event
            if not t.unresumed(s):
                continue   # resumed, or given way to a takeover (取代) whose own span the check reads
            later = [e for e in t.events if e is not e0 and e.date is not None and e.type not in _NOT_ACTIVITY
                     and t.id not in ended_by(e) and s.start.definitely_before(e.date) and not _taken_over(e, t.id)
                     and any(r.id == t.id for r in e.participants())]
            if not later:
                continue
            what = "、".join(f"{e.date}{e.type_zh}" for e in later[:3]) + ("等" if len(later) > 3 else "")
            yield Finding("suspended-active", "warning",
                          f"{(t.name_on(s.start) or (t.id,))[0]}（{t.id}）于{s.start}"
                          f"{s.value if e0.type != 'suspend' else e0.wording or '停止活动'}，"
                          f"档案中没有它恢复活动的记录，"
                          f"此后却记有它的{what}：来源记下了停止活动以后的活动。" + (
                              "来源没有说何时恢复的，请在这条停止活动事件上写“resume: 不详”（志书印作“恢复时间不详”）；"
                              "查到恢复时间的，请补记一条恢复活动（resume）事件" if e0.type == "suspend" else
                              f"它的职能自{s.start}由新机构行使（取代，takes_over）；查到它恢复的，请补记一条恢复活动"
                              "（resume）事件；来源没有说取代以后它又活动的，请核对这些记录"),
                          e0.loc, [e.loc for e in later[:3]])


def check_seen_while_suspended(a: Archive, h: History) -> Iterator[Finding]:
    """``suspended-seen``: a body file's `seen` date after a 停止活动 the record never ends (no 恢复活动, no
    `resume: 不详`). A source shows the body there again; none says it resumed, and zhi does not invent the 恢复活动:
    the 一览 of that year lists it as 见于 that date (views.snapshot.state_note), and the editor is told at the
    `seen` line how to write a resumption the sources do give."""
    for b in a.bodies.values():
        t = h.get(b.id)
        if t is None or not b.seen:
            continue
        for s in t.suspensions:
            after = t.seen_after(s, b.seen)
            if not after:
                continue
            e0 = s.start_event
            what = s.value or "停止活动"
            yield Finding("suspended-seen", "warning",
                          f"{(t.name_on(s.start) or (t.id,))[0]}（{t.id}）{s.start}{'间' if s.start.end is not None else ''}{what}后又见于"
                          f"{'、'.join(str(x) for x in after)}，来源未载恢复活动；如来源载明，请记 恢复活动"
                          f"（type: resume，写来源所说的日期）；来源说它恢复了而没说何时的，在停止活动事件上写"
                          f"“resume: 不详”。zhi 不替来源补记恢复活动：{after[0].year}年的机构设置一览印它“见于{after[0]}”，"
                          f"不印“{what}”", b.seen_loc or b.loc, [e0.loc])


def check_body_counts(a: Archive, h: History) -> Iterator[Finding]:
    """A count of bodies a source gives (机构数) beside the archive's own count for that day: when they differ both
    are shown, and neither is changed (the source may count bodies the archive lacks, or count otherwise)."""
    # views import the history; checks load them only when run
    from ..views.bodycount import counts, leaving_out
    from ..views.chronology import count_text, excluding, organ_of

    for c in counts(a, h):
        scope, count, _before = c.span.value
        e = c.span.start_event
        if c.why and e is not None and count is not None:  # not compared: say why, so silence is not taken for a match
            place = (h.get(c.jurisdiction).name_on(c.span.start) or (c.jurisdiction,))[0]
            yield Finding("count-not-compared", "info",
                          f"来源记{c.span.start}{place}{count_text(place, scope or '', count, _before, e.wording, e.planned, e.excludes)}，"
                          f"zhi 没有拿档案数出的个数核对："
                          f"{c.why}。志书照来源印这个数", e.loc)
        if c.derived is None or count is None or c.derived == count or e is None:
            continue
        place = (h.get(c.jurisdiction).name_on(c.span.start) or (c.jurisdiction,))[0]
        listed = "、".join(c.names[:12]) + ("等" if len(c.names) > 12 else "")
        verdict = f"只有{c.derived}个" if c.derived < count else f"却有{c.derived}个"
        yield Finding("count-differs", "warning",
                      f"来源记{c.span.start}{place}{organ_of(place, scope)}{count}个{excluding(e.excludes)}，档案中那天属{place}、类别为"
                      f"{'或'.join(sorted(c.kinds))}的机构{'（合署办公的只数一个）' if leaving_out(e.excludes)[1] else ''}"
                      f"{verdict}" + (f"（{listed}）" if listed else "")
                      + (f"；另有{len(c.unknown)}个机构类别不详，未计入" if c.unknown else "")
                      + "。志书照来源印这个数，不会改；请核对：档案漏记了机构的设立、撤销或类别，就补记；"
                        "来源另有统计口径的，可在事件的 note 中说明，这条警告可以不管", e.loc)


def check_unit_in_body_life(a: Archive, h: History) -> Iterator[Finding]:
    """``unit-outside-body``: a 内设机构 dated from a day its body certainly did not exist (after its last period
    ended, or before its first began): the page would print an impossible span (政秘股（1984年1月—1970年）). Most
    often the unit was typed under the body's predecessor or successor."""
    for b in a.bodies.values():
        t = h.get(b.id)
        if t is None or not t.lives:
            continue
        for u in b.units:
            d = u.start
            if d is None:
                continue
            if all((life.end is not None and life.end.latest() < d.earliest())
                   or (life.start is not None and life.start.earliest() > d.latest()) for life in t.lives):
                yield Finding("unit-outside-body", "warning",
                              f"内设机构“{u.name}”始于{d}，而{b.id}的存续期（{lives_label(t)}）不含这一日期："
                              f"机构页会印出不可能的起止。请核对日期，或把它写在当时存在的机构（如它的前身、后继）之下",
                              u.loc)
