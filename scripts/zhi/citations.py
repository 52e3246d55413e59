"""What each source says about a fact: support, or dissent (存异).

A citation may state the date, the name or the figures its source gives, when the editor records them
(``sources: [{doc: …, date: 1968-09, name: …, figures: {…}}]``). It *agrees* with the record when what it
says can be the same fact:

- a date agrees when its interval of days overlaps the record's (``1983`` and ``1983-08``; ``1952-07`` and
  ``1952-07-10``): a less precise source is consistent, not dissenting;
- a name agrees when it is one of the names the body could be called by on the record's date (full name,
  short name, a second name);
- figures agree kind by kind; a kind the source gives and the record does not is additional, not contrary.

Anything else is dissent, printed as dissent (``另据《…》（…），为1968年9月。``), never among the supports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .dates import Date
from .history import History
from .model import Archive, Citation, Document, Event, Memo, Staffing, StaffingFigure


def sourced(a: Archive):
    """Every record that states a fact on the strength of its ``sources``, as (record, what it is, its citations):
    events, posts, staffing figures, 记事, a body's ``seen`` (见于), ``end: 至今`` and 附注 (``remarks``), and a name of a record outside
    the volume. One list, so that every rule about sources (cited at all, cited only by classified documents,
    withheld with them) reads every source the same way."""
    for e in a.events:
        yield e, f"{e.type_zh}事件{('“' + e.id + '”') if e.id else ''}", e.sources
    for p in a.posts:
        yield p, "任职记录", p.sources
    for s in a.staffing:
        yield s, "编制记录", s.sources
    for m in a.memos:
        yield m, f"记事{('“' + m.id + '”') if m.id else ''}", m.sources
    for b in a.bodies.values():
        if b.sources:
            yield b, f"机构“{b.id}”的{body_fact(b)}", b.sources
        for r in b.remarks:
            yield r, f"机构“{b.id}”的附注“{r.text[:12]}”", r.sources
    for r in [*a.bodies.values(), *a.jurisdictions.values()]:
        for n in r.names:
            if n.sources:
                yield n, f"{r.kind_zh}“{r.id}”的名称“{n.name}”", n.sources


def body_fact(b) -> str:
    """What a body file's ``sources`` are the source of: 至今, 见于, or both."""
    facts = (["“end: 至今”"] if b.extant else []) + (["“seen（见于）”"] if b.seen else [])
    return "、".join(facts) or "来源"


def places_cited(cites: list[Citation], docs) -> dict[str, list[tuple[str, str]]]:
    """For each document of ``docs`` (ids) the citations name: the places in it they cite, (section, page) in the
    order written, each once. A document cited twice (第12页 and 第45页) keeps both: never only the last."""
    out: dict[str, list[tuple[str, str]]] = {}
    for c in cites:
        if c.doc in docs and (c.page or c.section):
            place = ((c.section or "").strip(), (c.page or "").strip())
            if place not in out.setdefault(c.doc, []):
                out[c.doc].append(place)
    return out


def places_joined(each: list[dict[str, list[tuple[str, str]]]]) -> dict[str, list[tuple[str, str]]]:
    """The places cited (places_cited) of entries told together, each document's in order, each once: one change's
    pages never lost to another's."""
    out: dict[str, list[tuple[str, str]]] = {}
    for pages in each:
        for doc, places in pages.items():
            have = out.setdefault(doc, [])
            have += [x for x in places if x not in have]
    return out


def cited_label(d: Document, places: list[tuple[str, str]] | None) -> str:
    """How a page names a published source it cites: 《某县志》第三编第二章，第45页; the pages of one part on one line
    (《某县志》，第12、45页), as a printed gazetteer gives them; each part cited on its own (…第三编，第12页；《某县志》第五编，
    第45页). An archival document (a 文号) is named by its label: a page is no part of how it is cited. A citation that
    names no part of its own names the document's (`section`): three 《宜黄县志》 of three chapters are told apart."""
    if not d.genre:
        return d.label
    parts: dict[str, list[str]] = {}
    for section, page in places or [("", "")]:
        pages = parts.setdefault(section or d.section, [])
        if page and page not in pages:
            pages.append(page)
    for pages in parts.values():
        if all(p.isdigit() for p in pages):   # in the order of the book: 第12、45页
            pages.sort(key=int)
    return "；".join(f"{d.label}{section}" + (f"，第{'、'.join(pages)}页" if pages else "")
                    for section, pages in parts.items())


def cited_docs(a: Archive, cites: list[Citation]) -> list[tuple[Document, str]]:
    """The documents of ``cites`` the archive holds, each once with how a page names it where it cites it: its
    label, with the parts and pages of a published source (《望川区年鉴（2022）》，第211页)."""
    places = places_cited(cites, a.documents)
    docs = list(dict.fromkeys(c.doc for c in cites if c.doc in a.documents))
    return [(a.documents[d], cited_label(a.documents[d], places.get(d))) for d in docs]


def held_sources(cites: list[Citation], held) -> list[Citation]:
    """The citations an edition holding only the documents ``held`` (ids) prints."""
    return [c for c in cites if c.doc in held]


def stated(rec, held) -> bool:
    """Whether an edition holding only the documents ``held`` (ids) may state the record: it rests on no source, or
    on one the edition holds. A 任职, 编制, 记事, a body file's 见于 or 至今, a name of a record outside the volume,
    whose every source the edition withholds is not stated there at all (a fact with no source it may cite), nor is
    an event (editions.edition_test: an extract keeps its sources' level). The check source-classified warns."""
    return not rec.sources or bool(held_sources(rec.sources, held))


@dataclass
class Dissent:
    """What one source says differently from the record."""

    citation: Citation
    date: Date | None = None
    name: str | None = None
    figures: list[tuple[str, int]] = field(default_factory=list)  # (label, figure) where the source differs
    decided: Date | None = None   # the decision date the source gives, other than the record's ``decided``

    def phrase(self) -> str:
        """为1968年9月，称某市革委会，行政编制为10名"""
        parts = []
        if self.date is not None:
            parts.append(f"为{self.date.chinese()}")
        if self.decided is not None:
            parts.append(f"决定（批准）日期为{self.decided.chinese()}")
        if self.name:
            parts.append(f"称{self.name}")
        if self.figures:
            parts.append("、".join(f"{label}为{n}名" for label, n in self.figures))
        return "，".join(parts)


def dates_agree(a: Date, b: Date) -> bool:
    """Two dates can mean the same day: their intervals overlap."""
    return a.earliest() <= b.latest() and b.earliest() <= a.latest()


def subject(rec: Event | StaffingFigure) -> str | None:
    """The body or jurisdiction a record's name is about."""
    if isinstance(rec, StaffingFigure):
        return rec.body.id if rec.body else None
    if getattr(rec, "body", None):
        return rec.body.id
    if len(getattr(rec, "after", [])) == 1:
        return rec.after[0].id
    return None   # a 记事 is about no one body


def record_figures(rec: Event | StaffingFigure) -> Staffing | None:
    return rec.figures if isinstance(rec, StaffingFigure) else getattr(rec, "staffing", None)


def _figure_dissent(said: Staffing, held: Staffing | None) -> list[tuple[str, int]]:
    if held is None:
        return []
    out = [(k, n) for k, n in said.posts.items() if k in held.posts and held.posts[k] != n]
    out += [(f"领导职数{k}", n) for k, n in said.leaders.items() if k in held.leaders and held.leaders[k] != n]
    return out


def dissent_of(c: Citation, rec: Event | StaffingFigure, h: History | None) -> Dissent | None:
    """How citation ``c`` departs from the record, or None when it supports it."""
    d = Dissent(c)
    if c.date is not None and rec.date is not None and not dates_agree(c.date, rec.date):
        d.date = c.date
    # a source that gives the decision date (国务院1973年7月17日批准) is no dissent about the effective date; only
    # about the record's own decision date, when that is stated and cannot be the same day
    held_decided = getattr(rec, "decided", None)
    if c.decided is not None and held_decided is not None and not dates_agree(c.decided, held_decided):
        d.decided = c.decided
    name = getattr(c, "name", None)
    if name and h is not None and rec.date is not None:
        rid = subject(rec)
        t = h.get(rid) if rid else None
        if t is not None and t.names and name not in t.names_on(rec.date):
            d.name = name
    said = getattr(c, "figures", None)
    if said is not None:
        d.figures = _figure_dissent(said, record_figures(rec))
    return d if (d.date is not None or d.name or d.figures or d.decided is not None) else None


def split(rec: Event | StaffingFigure, h: History | None) -> tuple[list[Citation], list[Dissent]]:
    """The citations that support the record, and the dissents, each in the order written.

    Where the editor has written a 考异 (conflict_note) and no source contradicts the record outright, a source
    that gives a date of its own other than the record's (``1000前`` beside ``1949前``: they could be the same
    day, but they are not the same reading) is the other reading the 考异 is about, and is printed as such
    (另据《…》，为1000年前). The record keeps at least one support; the 考异 never stands alone without its sources."""
    supports, dissents = [], []
    for c in rec.sources:
        d = dissent_of(c, rec, h)
        if d is None:
            supports.append(c)
        else:
            dissents.append(d)
    if not dissents and getattr(rec, "conflict_note", "") and rec.date is not None:
        own = [c for c in supports if c.date is not None and not c.date.same_as(rec.date)]
        if own and len(own) < len(supports):
            dissents = [Dissent(c, date=c.date) for c in own]
            supports = [c for c in supports if not any(c is o for o in own)]
    return supports, dissents


def incompatible_pairs(rec: Event | StaffingFigure) -> list[tuple[Citation, Citation]]:
    """Pairs of sources whose dates cannot be the same day, although each may agree with a vaguer record."""
    dated = [c for c in rec.sources if c.date is not None]
    return [(a, b) for i, a in enumerate(dated) for b in dated[i + 1:] if not dates_agree(a.date, b.date)]


def kaoyi_withheld(rec: Event | StaffingFigure | Memo, h: History | None, held, rivals=()) -> list[str]:
    """What a record's 考异 is about (each source that says otherwise, both of two supporting sources that cannot
    both be right, each other record giving other figures for the same fact: ``rivals``, as (label, held) pairs)
    and an edition holding only the documents ``held`` (ids) withholds, when it holds none of the disagreement:
    the 考异 would then tell its readers that something they cannot see exists, so the edition drops it. Empty
    when there is no 考异, no disagreement, or the edition holds some of it (for a pair of sources, both)."""
    if not (getattr(rec, "conflict_note", "") or "").strip():
        return []
    supports, dissents = split(rec, h)
    pairs = [(x, y) for x, y in incompatible_pairs(rec)
             if any(x is c for c in supports) and any(y is c for c in supports)]
    if any(d.citation.doc in held for d in dissents) or any(x.doc in held and y.doc in held for x, y in pairs) \
            or any(ok for _, ok in rivals):
        return []
    about = [d.citation.doc for d in dissents] + [c.doc for pair in pairs for c in pair]
    return list(dict.fromkeys([d for d in about if d not in held] + [label for label, _ in rivals]))


def rival_figures(a: Archive) -> dict[str, list]:
    """For each staffing record or event (by id, or file:line) whose figures another record of the same body,
    date and basis gives otherwise: those other figures (views.staffing.Figure)."""
    from .views.staffing import figures

    out: dict[str, list] = {}
    for f in figures(a):
        group = [f, *f.others]
        for m in group if f.others else []:
            out[m.origin] = [x for x in group if x is not m]
    return out


def _name_chosen(rec: Event | StaffingFigure, h: History | None) -> str | None:
    """The name the record gives its body on its date (the name the book follows), when it has one."""
    from .views.naming import name_on

    rid = subject(rec)
    return name_on(h, rid, rec.date) if rid and h is not None and rec.date is not None else None


def about_name(rec: Event | StaffingFigure, dissents: list[Dissent], h: History | None) -> bool:
    """Whether a 考异 is about a body's name: a source gives another name and nothing else differs, or the 考异 is in
    words only (no source's reading recorded) and quotes the name the record gives (《某志》作县招生办公室；从文件，
    称县招生委员会): its reading is that name, never the record's date."""
    if dissents:
        return all(d.name and d.date is None and d.decided is None and not d.figures for d in dissents)
    note = (getattr(rec, "conflict_note", "") or "").strip()
    if not note or not isinstance(rec, Event) or rec.type == "staffing":
        return False
    names = {_name_chosen(rec, h), rec.name, rec.short}
    return any(n and n in note for n in names)


def reading_word(rec: Event | StaffingFigure, dissents: list[Dissent], h: History | None) -> str:
    """How the 考异表 introduces the reading the book follows: 本志所据 for a name (the name and its source: a name
    is not “taken” like a date), else 本志取."""
    return "本志所据" if about_name(rec, dissents, h) else "本志取"


def chosen_reading(rec: Event | StaffingFigure, dissents: list[Dissent], h: History | None) -> str:
    """The reading the book follows, in the terms the dissents dispute: 1968年3月20日，称…，行政编制9名; a name alone
    (本志所据：县招生委员会) when only the name is disputed."""
    if about_name(rec, dissents, h) and (name := _name_chosen(rec, h)):
        return name
    parts = []
    if any(d.date is not None for d in dissents) and rec.date is not None:
        parts.append(rec.date.chinese())
    if any(d.name for d in dissents) and (name := _name_chosen(rec, h)):
        parts.append(f"称{name}")
    held = record_figures(rec)
    labels = {label for d in dissents for label, _ in d.figures}
    if held is not None and labels:
        figs = [f"{k}{n}名" for k, n in held.posts.items() if k in labels]
        figs += [f"领导职数{k}{n}名" for k, n in held.leaders.items() if f"领导职数{k}" in labels]
        parts.append("、".join(figs))
    if not parts and rec.date is not None:  # a 考异 whose other reading is in its words only: the date followed
        parts.append(rec.date.chinese())
    return "，".join(parts)


def dissent_source(doc: Document, d: Dissent) -> str:
    """The source of a dissent as its note cites it: in full, and, a published source, at the part and page the
    citation names (《某县志》大事记，…，第45页): the other reading is as traceable as the one followed, and a book
    cited for both is not made to contradict itself without saying where."""
    from .writers.prose import citation_text

    c = d.citation
    return citation_text(doc, c.page, c.section) if doc.genre else citation_text(doc)


def dissent_text(d: Dissent, doc: Document) -> str:
    """The note's sentence: 另据《…》（…），为1968年9月。"""
    return f"另据{dissent_source(doc, d)}，{d.phrase()}。"


def kaoyi_text(note: str) -> str:
    """The editor's 考异 as printed in a note."""
    note = note.strip()
    return f"考异：{note}" + ("" if note.endswith(("。", "！", "？", "”", "）")) else "。")


@dataclass
class Disagreement:
    """One recorded disagreement: a record, its chosen reading and the other readings (for the 考异 list)."""

    record: Event | StaffingFigure
    supports: list[Citation]
    dissents: list[Dissent]
    note: str  # the editor's 考异 (conflict_note), "" when not yet written


def disagreements(a: Archive, h: History | None) -> list[Disagreement]:
    """Every record whose sources disagree with the reading chosen, or that carries a 考异, in the order of the
    archive."""
    out = []
    for rec in list(a.events) + list(a.staffing):
        supports, dissents = split(rec, h)
        note = getattr(rec, "conflict_note", "") or ""
        if dissents or note:   # a 考异 is listed even when its other reading is in its words only
            out.append(Disagreement(rec, supports, dissents, note))
    # an editor's 记事 carries its 考异 in words only (its sources are not read for dates or names): it is listed
    # all the same, since the 大事记 prints it as a note and the 考异表 must not then say there is no disagreement
    out += [Disagreement(m, list(m.sources), [], m.conflict_note) for m in a.memos
            if (m.conflict_note or "").strip() and m.date is not None]
    return out


# a title shorter than this is no name of one document (通知, 批复)
TITLE_NAMES_DOC = 6


def docs_named(text: str, docs) -> list[str]:
    """The documents of ``docs`` that ``text`` names: by 文号 (written any way the leak scan reads one: 〔〕 or (),
    two-digit year, 第, Chinese numerals), by title, or by id. A 考异 naming a document an edition withholds would
    tell its readers that document exists (and what it is called): the edition drops the 考异."""
    from .leaks import docno_written, fold, id_pattern

    if not (text or "").strip():
        return []
    flat = fold(text)
    out = []
    for d in docs:
        by_number = docno_written(flat, (d.number, d.printed))
        by_title = any(t and len(fold(t)) >= TITLE_NAMES_DOC and fold(t) in flat for t in (d.title, d.description))
        if by_number or by_title or id_pattern([d.id]).search(text):
            out.append(d.id)
    return out
