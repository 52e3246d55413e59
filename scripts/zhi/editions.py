"""Editions are filters on the archive, applied before any view is derived.

The public edition holds only 公开 records and prose; the internal edition adds 内部. Material above 内部
never enters any edition. A record that refers to something the edition does not hold is dropped with it
(an event about a withheld body), and citations of withheld documents are removed.
"""

from __future__ import annotations

import copy
from dataclasses import replace

from .chronicle import dropped_lines
from .citations import docs_named, held_sources, kaoyi_withheld, rival_figures, stated
from .classification import Level, highest
from .dates import after_lower
from .docno import printed_docno
from .history import History, ended_by
from .levelwords import LEVELS
from .loader import mark_successive
from .model import Archive, Document, Event, Post
from .project import load_house_style

EDITIONS = {"public": Level("公开"), "internal": Level("内部")}
EDITION_ZH = {"public": "公开版", "internal": "内部版"}
TOP = Level(LEVELS[-1])   # 绝密


def sourced_level(a: Archive, rec) -> Level:
    """The level a record has once its sources are counted: an event rests on its sources, and an extract keeps
    their level (domain: 保密观), so an event known only from documents above its own level is as secret as the least
    secret of them; a source the archive does not hold (an id with no document) is counted as 绝密 (fail closed: no
    edition holds it). Any other record, or an event citing nothing, has its own level. What ``edition_test``
    decides for an event, and the level ``leaks.entries`` gives the names the event sets."""
    if not isinstance(rec, Event) or not rec.sources:
        return rec.classification
    levels = [a.documents[c.doc].classification if c.doc in a.documents else TOP for c in rec.sources]
    return highest([rec.classification, min(levels, key=lambda lv: lv.rank)])


def edition_test(a: Archive, edition: str):
    """Whether a record is of the edition: its level, with its sources counted (``sourced_level``), is within the
    edition's. A change the archive knows only from documents above the edition is above it too, whatever level the
    editor gave the event — fail closed, so that a body or a change the editor forgot to classify, whose setting-up
    document is 秘密, never reaches the public edition by its name (`zhi check`: source-classified)."""
    limit = EDITIONS[edition]

    def ok(rec) -> bool:
        return sourced_level(a, rec).rank <= limit.rank
    return ok


def filter_archive(a: Archive, edition: str, h: History | None = None, whole_time: bool = False) -> Archive:
    """The edition's archive. ``h`` is the whole archive's history (derived here when needed and not given).
    ``whole_time`` keeps the records dated after the 下限 (which no edition prints): what the edition would hold
    by level alone, for a check that asks whether a record is held back for its secrecy."""
    limit = EDITIONS[edition]
    ok = edition_test(a, edition)
    if whole_time:
        def within(_a, _rec) -> bool:
            return True
    else:
        within = _within
    out = Archive(root=a.root, files=list(a.files))
    standard = load_house_style(a.root).print.get("docno-form") == "standard"
    out.documents = {k: _printed(v) if standard else v for k, v in a.documents.items() if ok(v)}

    def cites(rec):
        return held_sources(rec.sources, out.documents)

    out.bodies, out.jurisdictions = _held_actors(a, ok, out.documents)
    out.people = {k: v for k, v in a.people.items() if ok(v)}

    whole: list = [h, None]
    hidden = [d for k, d in a.documents.items() if k not in out.documents]

    def kaoyi(rec) -> str:
        """The record's 考异, or "" when everything it is about is withheld, or its wording names a document the
        edition withholds (it would betray that it exists)."""
        note = getattr(rec, "conflict_note", "") or ""
        if not note or docs_named(note, hidden):
            return ""
        if whole[1] is None:
            whole[1] = rival_figures(a)
        rivals = [(m.origin, ok(m)) for m in whole[1].get(rec.id or str(rec.loc), [])]
        if all(c.doc in out.documents for c in rec.sources) and all(held for _, held in rivals):
            return note
        if whole[0] is None:
            from .history import derive_history

            whole[0] = derive_history(a)
        return "" if kaoyi_withheld(rec, whole[0], out.documents, rivals) else note

    events = _named(a, lambda e: ok(e) and within(a, e), out.bodies, out.jurisdictions)
    actors = set(out.bodies) | set(out.jurisdictions)
    for e in events:
        e.conflict_note = kaoyi(e)
        e.sources = cites(e)
        out.events.append(e)
    _withheld_ends(a, out, ok)
    def told(rec) -> bool:
        """Of the edition's level, and resting on a source it holds when it rests on any (citations.stated)."""
        return ok(rec) and stated(rec, out.documents) and within(a, rec)

    for p in a.posts:
        if told(p) and (p.person.id in out.people if p.person else p.ex_officio) and p.body and p.body.id in out.bodies:
            out.posts.append(replace(p, sources=cites(p)))
    # 先后任 among the holders the edition shows: one left alone prints no （先后任）, which would tell that the
    # edition withholds the others
    mark_successive(out.posts)
    for m in a.memos:
        # a 记事 is told only with a source the edition holds, and about records the edition holds
        held = (m.jurisdiction is None or m.jurisdiction.id in out.jurisdictions) \
            and all(r.id in actors or r.id in out.people or r.id in out.documents for r in m.mentions)
        if told(m) and m.sources and held:
            out.memos.append(replace(m, sources=cites(m), conflict_note=kaoyi(m)))
    for s in a.staffing:
        if told(s) and ((s.body and s.body.id in out.bodies)
                      or (s.jurisdiction and s.jurisdiction.id in out.jurisdictions)):
            out.staffing.append(replace(s, sources=cites(s), conflict_note=kaoyi(s)))
    _withheld_changes(a, out, ok)
    if a.book is not None:
        def chapters(lst):
            kept = []
            for c in lst:
                if ok(c):
                    c2 = copy.copy(c)
                    drop = dropped_lines(c, limit)
                    c2.body = "\n".join("" if i in drop else line for i, line in enumerate(c.body.splitlines()))
                    c2.refs = [r for r in c.refs if r.loc.line - c.body_line not in drop]
                    c2.headings = [h for h in c.headings if h.loc.line - c.body_line not in drop]
                    c2.directives = [d for d in c.directives if d.loc.line - c.body_line not in drop]
                    kept.append(c2)
            return kept

        book = copy.copy(a.book)
        book.front = chapters(a.book.front)
        book.back = chapters(a.book.back)
        book.unlisted = []   # checked, never printed
        book.parts = []
        for p in a.book.parts:
            p2 = copy.copy(p)
            p2.chapters = chapters(p.chapters)
            if p.chapters and not p2.chapters:
                continue   # a 篇 whose chapters are all withheld leaves no title behind (nav, contents, DOCX)
            book.parts.append(p2)
        out.book = book
    _drop_unsaid_people(a, out)
    return out


def _within(a: Archive, rec) -> bool:
    """Whether a dated record (an event, a term, a 记事, a figure) lies within the volume: one dated wholly after
    the 下限 (下限以后的事，本志不记) is in no edition, so nothing derived from it prints anywhere (page titles, 层级,
    辖区, open data), not only in the 大事记; `zhi check` warns (after-lower). Not a withheld change: the body's
    name and end at the 下限 are what they were before it."""
    d = rec.start if isinstance(rec, Post) else rec.date
    return not after_lower(d, a.book.lower if a.book else None)


def _drop_unsaid_people(a: Archive, out: Archive) -> None:
    """Fail closed on people: a person the archive knows through posts, none of which the edition holds, and whom
    no record the edition holds mentions (a 记事, a chapter's reference), is not in the edition — listing the bare name
    (人物 page, people.csv, search) would tell that the withheld posts exist. A person with no posts at all stays."""
    staffed = {p.person.id for p in a.posts if p.person}
    held = {p.person.id for p in out.posts if p.person}
    named = {r.id for m in out.memos for r in m.mentions}
    if out.book is not None:
        named |= {r.id for c in out.book.chapters() for r in c.refs}
    for pid in (staffed - held - named) & set(out.people):
        del out.people[pid]


def _held_actors(a: Archive, ok, docs) -> tuple[dict, dict]:
    """The bodies and jurisdictions of an edition of level ``ok`` holding the documents ``docs`` (ids), each as the
    edition may tell it (_nested, _sourced), before _named drops those it cannot name."""
    def cites(rec):
        return held_sources(rec.sources, docs)

    def told(rec) -> bool:
        """A record the edition may state: of its level, and resting on a source it holds when it rests on any
        (a name outside the volume whose only source is withheld is not stated, as a body's 见于 or 至今 is not)."""
        return ok(rec) and stated(rec, docs)

    bodies = {k: _sourced(b, a, cites, told) for k, v in a.bodies.items()
              if ok(v) and (b := _nested(v, ok, told, cites)) is not None}
    jurisdictions = {k: j for k, v in a.jurisdictions.items() if ok(v) and (j := _nested(v, ok, told, cites)) is not None}
    return bodies, jurisdictions


def _named(a: Archive, ok, bodies: dict, jurisdictions: dict) -> list[Event]:
    """The events of the edition as it may tell them (redact). A body is in the edition only if an event of the
    edition brings it into being (names it): a body whose establishment is withheld would otherwise print as its
    raw id, with links to a page that does not exist; it is dropped from ``bodies`` (``jurisdictions``)."""
    actors = set(bodies) | set(jurisdictions)
    while True:
        events = [x for e in a.events if ok(e) for x in redact(e, actors)]
        named = {nb for e in events for nb in e.new}
        unnamed = {b for b in actors if b not in named}
        unnamed = {b for b in unnamed if any(b in e.new for e in a.events)}   # (never named at all: left to check)
        if not unnamed:
            return events
        for b in unnamed:
            bodies.pop(b, None)
            jurisdictions.pop(b, None)
        actors = set(bodies) | set(jurisdictions)


def edition_actors(a: Archive, edition: str) -> set[str]:
    """The ids of the bodies and jurisdictions the edition holds: what filter_archive keeps, without building the
    rest of the edition (a check asks which parties an edition can name)."""
    ok = edition_test(a, edition)
    bodies, jurisdictions = _held_actors(a, ok, {k for k, v in a.documents.items() if ok(v)})
    _named(a, ok, bodies, jurisdictions)
    return set(bodies) | set(jurisdictions)


def _nested(rec, ok, told, cites):
    """A body or jurisdiction without its 内设机构 above the edition and without the names (of a record outside the
    volume) the edition may not state (above it, or resting only on sources it withholds); None for a record outside
    the volume none of whose names the edition holds (it has nothing to be called by: it is withheld, and the events
    naming it with it)."""
    units = [u for u in getattr(rec, "units", []) if ok(u)]
    names = [n if cites(n) == n.sources else replace(n, sources=cites(n)) for n in rec.names if told(n)]
    if rec.names and not names:
        return None
    if len(units) == len(getattr(rec, "units", [])) and all(x is y for x, y in zip(names, rec.names)) \
            and len(names) == len(rec.names):
        return rec
    return replace(rec, names=names, **({"units": units} if hasattr(rec, "units") else {}))


def _sourced(b, a: Archive, cites, told):
    """A body as an edition states what its own file says on the strength of its ``sources`` (见于, 至今) and its
    附注 (``remarks``): with the sources the edition holds, a 附注 with none of them not at all. With none of them held, the edition does not say it: no 见于 date (最后见于 is the
    last record the edition holds), and no 至今 — the body's end is then unknown there (止年不详), unless a post the
    edition holds runs on to the 下限 (it still shows the body there)."""
    remarks = [r if len(kept) == len(r.sources) else replace(r, sources=kept)
               for r in b.remarks if (kept := cites(r))]   # a 附注 the edition holds no source of is not printed
    if len(remarks) != len(b.remarks) or any(x is not y for x, y in zip(remarks, b.remarks)):
        b = replace(b, remarks=remarks)
    held = cites(b)
    if len(held) == len(b.sources):
        return b
    if held:
        return replace(b, sources=held)
    in_office = any(told(p) and p.body and p.body.id == b.id and p.end is None and not p.end_unknown for p in a.posts)
    return replace(b, sources=[], seen=[], extant=False,
                   end_unknown=b.end_unknown or (b.extant and not in_office))


def _withheld_ends(a: Archive, out: Archive, ok) -> None:
    """A body the edition holds, ended by an event it withholds (merged into a secret body by a secret decision,
    abolished by a secret document, or merged by an open one into bodies the edition withholds only): the edition
    may not tell when or how it ended, and must not show it living on to the 下限 or to its county's end (a false life). Its end is unknown there (止年不详, as far as its records
    show it); if the edition later tells of its restoration, the period before ends at a date not given."""
    held = set(out.bodies) | set(out.jurisdictions)
    for e in a.events:
        into_withheld = e.type in ("merge", "split") and bool(e.after) and not any(r.id in held for r in e.after)
        if (ok(e) and not into_withheld) or e.date is None or not _within(a, e):
            continue
        for rid in sorted(ended_by(e)):
            if rid not in out.bodies:
                continue
            again = [x for x in out.events if rid in x.new and x.date is not None
                     and x.date.earliest() > e.date.earliest()]
            if again:
                again[0].previous_end_unknown = True
            else:
                out.bodies[rid] = replace(out.bodies[rid], end_unknown=True)


# what a withheld event changes of a held body, and where the history keeps it
CHANGES = {"rename": ("name",), "reparent": ("parent",), "rejurisdiction": ("jurisdiction", "parent"),
           "rerank": ("rank", "kind", "level")}


def changed(e: Event) -> tuple[str, ...]:
    """What of its body an event of CHANGES changes: a rejurisdiction its parent only when it says so, a 升格/降格 its
    rank when it gives one or is worded so without a new level (its kind, its level when it gives them)."""
    whats = CHANGES.get(e.type, ())
    if e.type == "rejurisdiction" and not e.parent_set:
        return ("jurisdiction",)
    if e.type == "rerank":
        return tuple(w for w, said in (("rank", e.rank or (e.wording and not e.level)), ("kind", e.body_kind),
                                       ("level", e.level)) if said)
    return whats


def event_refs(e: Event) -> list[str]:
    """Every record an event names: its parties, the parents and places it gives, the co-leaders (双重领导), the
    other jurisdictions of a body of two at once (同属, 市县合署). An edition that does not hold one of them cannot
    tell the event as it is (redact)."""
    refs = [r.id for r in e.participants()] + [nb.parent.id for nb in e.new.values() if nb.parent] + \
           [nb.jurisdiction.id for nb in e.new.values() if nb.jurisdiction] + [r.id for r in e.co_parents] + \
           [r.id for nb in e.new.values() for r in [*nb.co_parents, *nb.co_jurisdictions]] + \
           [r.id for r in e.co_jurisdictions]
    return refs + [r.id for r in (e.parent, e.jurisdiction) if r is not None]


def _withheld_changes(a: Archive, out: Archive, ok) -> None:
    """A held body renamed (put under another parent, moved to another jurisdiction) by an event the edition
    withholds (the event is secret, or names a withheld parent): the edition may not print the new value, nor the old one past
    the change as if nothing had happened. The old value is told up to the last date a record the edition holds
    shows the body before the change (or the date the old value was taken), and is then not given (名称不详)."""
    for e in a.events:
        whats = changed(e)
        if not whats or e.date is None or e.body is None or e.body.id not in out.bodies or not _within(a, e):
            continue
        if ok(e) and all(r.id in out.bodies or r.id in out.jurisdictions
                         for r in (e.body, e.parent, e.jurisdiction, *e.co_jurisdictions) if r is not None):
            continue   # told (an event naming a withheld parent is dropped by redact: withheld too)
        seen = [d for d in _held_dates(out, e.body.id) if d.qualifier != "before" and d.latest() < e.date.earliest()]
        if seen:
            last = max(seen, key=lambda d: (d.latest(), d.earliest()))
            out.withheld_changes.extend((e.body.id, what, last) for what in whats)


def _held_dates(out: Archive, rid: str):
    """Every date a record of the edition shows the body on (its events, posts, staffing, documents it issued,
    记事 about it)."""
    for e in out.events:
        refs = {r.id for r in e.participants()} | set(e.new) | {r.id for r in (e.parent, e.jurisdiction) if r}
        if rid in refs and e.date is not None:
            yield e.date
    for p in out.posts:
        if p.body and p.body.id == rid:
            yield from (d for d in (p.start, p.end, *p.in_office) if d is not None)
    for f in out.staffing:
        if f.body and f.body.id == rid and f.date is not None:
            yield f.date
    for doc in out.documents.values():
        if doc.issuer_body and doc.issuer_body.id == rid and doc.date is not None:
            yield doc.date
    for m in out.memos:
        if m.date is not None and any(r.id == rid for r in m.mentions):
            yield m.date


def _printed(d: Document) -> Document:
    """The document as a volume whose house style prints 文号 in the standard form shows it (the archive keeps
    the number as written; one that cannot be read without guessing is printed as written)."""
    if not d.number or d.genre:
        return d
    form = printed_docno(d.number, d.date)
    return replace(d, printed=form) if form and form != d.number else d


def redact(e: Event, actors: set[str]) -> list[Event]:
    """The event as an edition that holds only ``actors`` may tell it: unchanged when every body it names is
    held; otherwise without the withheld bodies where the event still reads true for the held ones, or not
    at all. A held body merged or split into withheld ones only is not told as abolished (no source says 撤销):
    the edition does not tell how it ended, and gives its end as not known (_withheld_ends: 止年不详)."""
    refs = event_refs(e)
    e2 = copy.copy(e)
    if all(r in actors for r in refs):
        return [e2]
    if e.type == "establish":
        if e.body and e.body.id not in actors:
            return []
        e2.new = {k: replace(nb, parent=nb.parent if nb.parent and nb.parent.id in actors else None,
                             jurisdiction=nb.jurisdiction if nb.jurisdiction and nb.jurisdiction.id in actors else None,
                             co_parents=_held_co_parents(nb, actors),
                             co_jurisdictions=[r for r in nb.co_jurisdictions if r.id in actors])
                  for k, nb in e.new.items()}
        e2.parent = e.parent if e.parent and e.parent.id in actors else None
        e2.jurisdiction = e.jurisdiction if e.jurisdiction and e.jurisdiction.id in actors else None
        # a withheld sponsor is not named (nor its form, which would print 在主持下); the held bodies it takes over
        # are still told as taken over, the withheld ones not named
        if e.sponsor and e.sponsor.id not in actors:
            e2.sponsor, e2.sponsor_wording = None, None
        e2.takes_over = [r for r in e.takes_over if r.id in actors]
        return [e2]
    if e.type in ("merge", "split"):
        before = [r for r in e.before if r.id in actors]
        after = [r for r in e.after if r.id in actors]
        if not before and not after:
            return []
        if before and not after:
            return []   # merged (split) into withheld bodies only: not told; its end is not given (_withheld_ends)
        if e.type == "merge" and not before:
            return []   # a held body made only out of withheld ones: its establishment is withheld
        if e.type == "split" and not before:
            return []
        e2.before, e2.after = before, after
        e2.new = {k: nb for k, nb in e.new.items() if k in {r.id for r in after}}
        if {r.id for r in before} == {r.id for r in after}:
            return []   # only the survivor is held: “并入县档案馆” with no one merged in, a sentence with no subject
        return [e2] if e2.before and (e2.after or e.type == "merge") else []
    if e.type == "abolish":
        if not e.body or e.body.id not in actors:
            return []
        e2.functions_to = [r for r in e.functions_to if r.id in actors]
        return [e2] if all(r in actors for r in [x.id for x in e2.participants()]) else []
    return []


def _held_co_parents(nb, actors: set[str]) -> list:
    """The co-leaders (双重领导) of a new body the edition holds. Without a principal side (no parent held) one
    co-leader left alone is no 双重领导: none is told."""
    held = [r for r in nb.co_parents if r.id in actors]
    parent = nb.parent is not None and nb.parent.id in actors
    return held if parent or len(held) >= 2 or len(held) == len(nb.co_parents) else []


def in_dropped(ch, line: int, limit: Level) -> bool:
    """Whether a line of a chapter lies in a marked passage above ``limit``."""
    i = line - ch.body_line
    return any(level.rank > limit.rank and first <= i and (last < 0 or i <= last) for level, first, last in ch.passages)
