"""``event-withheld``: what an edition leaves out of a held body's history, told to the editor.

An event an edition holds whose other party (a body it names, a parent it puts the body under) is above the
edition is dropped from it whole; a change of a held body's name, parent or rank that is itself above the edition
is not told, and the edition prints the value as not given from its last record on (名称不详, 上级不详, 规格不详,
editions._withheld_changes). The warning names only what the edition holds."""

from __future__ import annotations

from collections.abc import Iterator

from ..editions import (
    EDITION_ZH,
    EDITIONS,
    changed,
    edition_actors,
    edition_test,
    event_refs,
    redact,
    sourced_level,
)
from ..findings import Finding
from ..history import History
from ..model import Archive, Event
from ..views.naming import label_on


def check_event_withheld(a: Archive, h: History) -> Iterator[Finding]:
    """An event an edition holds (合署, 职能划转, a reparent under a secret body …) that it still cannot print,
    because another party to it (a parent it names) is above the edition: the edition drops it silently, so the
    editor is told which edition, without the other party's name (the message names only what the edition holds).
    A change of a held body's name, parent or rank that the edition withholds (the event itself above it) is told
    too: from the last record the edition holds on, it prints the value as not given (名称不详, 上级不详, 规格不详)."""
    known = {*a.bodies, *a.jurisdictions}   # an id with no record is ref-unknown's, never a party above an edition
    for edition, limit in EDITIONS.items():
        ed = EDITION_ZH[edition]
        actors = edition_actors(a, edition)   # a body whose establishment the edition withholds is not held either
        ok = edition_test(a, edition)
        for e in a.events:
            what = f"事件“{e.id}”" if e.id else "这条事件"
            if e.classification.rank > limit.rank:
                if changed(e) and e.body and e.body.id in actors and e.body.id in a.bodies:
                    yield Finding("event-withheld", "warning",
                                  f"{what}（{e.classification}）密级高于{ed}所收，{ed}不印这条{e.type_zh}："
                                  f"{e.body.id}的{_unknown_from(e)}。若这次变动可以公开，请把事件的 classification 改为"
                                  f"公开（它的来源也须公开）；若本就不该公开，无须处理", e.loc)
                continue
            if not ok(e):
                continue   # withheld for its sources, not for another party: source-classified says so
            yield from _co_jurisdictions_withheld(e, actors, ed, what)
            parties = [r for r in event_refs(e) if r in known]   # an id with no record is ref-unknown's
            held = [r for r in dict.fromkeys(parties) if r in actors]
            if not held or len(held) == len(set(parties)):
                continue
            if told := redact(e, actors):
                yield from _parties_left_out(e, told, actors, known, ed, what)
                continue
            after = f"；{_unknown_from(e)}" if changed(e) and e.body and e.body.id in a.bodies else ""
            yield Finding("event-withheld", "warning",
                          f"{what}（{e.classification}）的另一方密级高于{ed}所收，{ed}"
                          f"不印这条事件：{'、'.join(f'{label_on(h, r, e.date)}（{r}）' for r in held)}的页面、大事记和年表里都不会有它{after}。若这件事可以公开，"
                          f"请另记一条只写可公开一方的记事（memo，见编辑指南“记事”）；若本就不该公开，"
                          f"请把事件的 classification 改为与另一方相同"
                          + ("" if after else "，这条警告就不再出现"), e.loc)


def check_record_withheld(a: Archive, h: History) -> Iterator[Finding]:
    """``record-withheld``: a 任职, 编制, 记事 or 事件 record held lower than the body (or place) it is about. No edition
    prints it without that body (``editions.filter_archive``): it goes where the body goes, whatever its own level.
    The editor is told, so that the record's level says what the volume does (the warning names the record and the
    body's level, never the body's name)."""
    records = [(r, [r.body.id] if r.body else [], r.classification) for r in [*a.posts, *a.staffing]] + \
              [(m, [x.id for x in m.mentions], m.classification) for m in a.memos] + \
              [(e, [*([e.body.id] if e.body else []), *e.new], sourced_level(a, e)) for e in a.events]
    # (an event on a secret body written with no classification — its seat, its staffing, its 成员数 — is left out
    # with the body as silently as a staffing record was: attack tester)
    for r, refs, level in records:
        above = [x for ref in refs if (x := a.bodies.get(ref) or a.jurisdictions.get(ref)) is not None
                 and x.classification.rank > level.rank]
        if above:
            top = max((x.classification for x in above), key=lambda lv: lv.rank)
            yield Finding("record-withheld", "warning",
                          f"{_which(r)}写的密级是“{r.classification}”，但它所记的机构（行政区划）是“{top}”："
                          f"凡不收那个机构的版本（如公开版）都不印这条记录。请把它的 classification 改为“{top.name}”，"
                          f"让记录上写的密级与各版的做法一致；它若本可公开，应先核对那个机构的密级", r.loc)


def _which(r) -> str:
    """The record as ``record-withheld`` names it: an event by its id and kind (seat, staffing …), any other record
    as this one (the finding stands at its line)."""
    if isinstance(r, Event):
        return f"事件“{r.id}”（{r.type_zh}）" if r.id else f"这条{r.type_zh}事件"
    return f"这条{r.kind_zh}记录"


def _unknown_from(e) -> str:
    """What a withheld change leaves the edition to print, as the warning tells it."""
    said = {"name": "名称印作“名称不详（原称…）”", "parent": "上级印作“上级不详”", "jurisdiction": "属地印作“不详”",
            "rank": "规格印作“规格不详”", "kind": "类别印作“不详”", "level": "层级印作“不详”"}
    return "、".join(said[w] for w in changed(e)) + "，从这一版所收的最后一条有关记载之后起（不写这次变动的日期）"


def _co_jurisdictions_withheld(e, actors: set[str], ed: str, what: str) -> Iterator[Finding]:
    """A body set up in two jurisdictions at once (``jurisdiction: [甲, 乙]``, 市县合署) whose other jurisdiction is
    above the edition: the edition tells the establishment without it (``editions.redact``), never by its raw id.
    The warning names neither that jurisdiction nor its id."""
    if e.type not in ("establish", "restore") or not redact(e, actors):
        return
    for rid, nb in e.new.items():
        dropped = [r for r in nb.co_jurisdictions if r.id not in actors]
        if rid in actors and dropped:
            yield Finding("event-withheld", "warning",
                          f"{what}的“jurisdiction（行政区划）”所列同时所属的行政区划中，有 {len(dropped)} 个密级高于{ed}所收："
                          f"{ed}的{rid}页和数据只写{ed}所收的行政区划，不提它。若它可以公开，请把那个行政区划（及设立它的事件）"
                          f"的 classification 改为公开；若本就不该公开，无须处理", dropped[0].loc)


def _roles(e) -> list[tuple[str, list[str]]]:
    """The parties of an event by the part they play in its sentence, as the warning names them."""
    new_parents = [r.id for nb in e.new.values() for r in (nb.parent, *nb.co_parents) if r is not None]
    return [("主持的机构", [e.sponsor.id] if e.sponsor else []), ("接管的机构", [r.id for r in e.takes_over]),
            ("上级", [r.id for r in (e.parent, *e.co_parents) if r is not None] + new_parents),
            ("所属的行政区划", [r.id for r in (e.jurisdiction, *e.co_jurisdictions) if r is not None]
             + [nb.jurisdiction.id for nb in e.new.values() if nb.jurisdiction]),
            ("此前的机构", [r.id for r in e.before]), ("此后的机构", [r.id for r in e.after])]


def _parties_left_out(e, told: list, actors: set[str], known: set[str], ed: str, what: str) -> Iterator[Finding]:
    """An event the edition still prints, without a party above it (a secret 主持 body, a secret body among those
    merged, a secret superior): the sentence is shorter than the source's, and the editor is told which part of it
    the edition leaves out, never the party's name. (A new body's other jurisdiction: ``_co_jurisdictions_withheld``.)"""
    kept = {r for e2 in told for r in event_refs(e2)}
    other_places = {r.id for nb in e.new.values() for r in nb.co_jurisdictions}
    dropped = {r for r in event_refs(e) if r not in actors and r not in kept and r not in other_places and r in known}
    if not dropped:
        return
    roles = [role for role, ids in _roles(e) if dropped & set(ids)] or ["另一方"]
    yield Finding("event-withheld", "warning",
                  f"{what}（{e.classification}）中的{'、'.join(dict.fromkeys(roles))}密级高于{ed}所收：{ed}照印这条"
                  f"{e.type_zh}，但句中不提它，读者看到的句子比来源所说的少这一部分。若它可以公开，请把它的 classification "
                  f"（及设立它的事件）改为公开；若本就不该公开，无须处理", e.loc)
