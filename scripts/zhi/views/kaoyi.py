"""考异表: every recorded disagreement as the site and the book list it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..citations import (
    Dissent,
    chosen_reading,
    cited_label,
    disagreements,
    places_cited,
    reading_word,
    subject,
)
from ..history import History
from ..model import BASIS_ZH, Archive, Document, Event, Memo
from .chronology import Entry, sentence_of, staffing_phrase
from .naming import name_after, name_on


@dataclass
class KaoyiItem:
    anchor: str                 # the item's anchor on the 考异 page
    fact: str                   # the fact, as the 大事记 (or the staffing record) states it
    entry: Entry | None         # the 大事记 entry, for an event
    body: str | None            # the body whose page shows it, for a staffing record
    chosen: str                 # the reading the book follows (date, name, figures that are disputed)
    supports: list[Document]
    others: list[tuple[Dissent, Document]]
    note: str                   # the editor's 考异; "" when not yet written
    where: str = ""             # the page that prints the fact (set by the site writer)
    subject: str | None = None  # for an event the 大事记 does not print (an origin dated 1949前): whose it is
    record: object = None       # the record the 考异 is about (event, staffing figure or 记事)
    said: str = "本志取"         # how the reading is introduced: 本志所据 for a name (citations.reading_word)
    pages: dict = field(default_factory=dict)  # the parts and pages of the supports cited (citations.places_cited)

    def cite_label(self, d: Document) -> str:
        """A support as the 考异表 names it, with the parts and pages cited (《某县志》第三编，第45页)."""
        return cited_label(d, self.pages.get(d.id))


def anchor_of(rec) -> str:
    return f"ky-{rec.id}" if rec.id else f"ky-{rec.loc.file.replace('/', '-').removesuffix('.yaml')}-{rec.loc.line}"


def _unprinted_fact(a: Archive, h: History, e: Event) -> str:
    """The fact of an event the 大事记 leaves out, as the 考异表 states it: an origin dated only as before a date
    (no source says it was set up then) as 'X已设立'; any other in the 大事记's words."""
    rid = subject(e)
    if e.type == "establish" and e.date.qualifier == "before" and rid:
        return f"{e.date.chinese()}　{name_after(h, rid, e)}已设立。"
    text = sentence_of(a, h, e)
    return f"{e.date.chinese()}　{text}" if text else f"{e.date.chinese()}　{e.type_zh}（{e.id or e.loc}）"


def kaoyi_items(a: Archive, h: History, entries: list[Entry]) -> list[KaoyiItem]:
    by_event = {id(en.event): en for en in entries}
    out = []
    for dis in disagreements(a, h):
        rec = dis.record
        en = by_event.get(id(rec))
        body = None
        about = None
        if en is not None:
            fact = f"{rec.date.chinese()}　{en.plain()}"
        elif isinstance(rec, Memo):    # the editor's 记事, in its words as the 大事记 prints them
            fact = f"{rec.date.chinese()}　{rec.sentence}"
        elif isinstance(rec, Event):   # not in the 大事记: its 考异 and other readings are listed all the same
            fact = _unprinted_fact(a, h, rec)
            about = subject(rec)
        elif not isinstance(rec, Event) and rec.body is not None and rec.body.id in a.bodies:
            body = rec.body.id
            # the figure's 口径 is the record's (basis), not its figures' own
            what = staffing_phrase(replace(rec.figures, basis=rec.basis)) if rec.figures \
                else f"{BASIS_ZH.get(rec.basis, '核定')}编制"
            fact = f"{rec.date.chinese() if rec.date else ''}　{name_on(h, body, rec.date)}{what}"
        else:
            continue
        docs = list({c.doc: a.documents[c.doc] for c in dis.supports if c.doc in a.documents}.values())
        others = [(d, a.documents[d.citation.doc]) for d in dis.dissents if d.citation.doc in a.documents]
        out.append(KaoyiItem(anchor_of(rec), fact, en, body, chosen_reading(rec, dis.dissents, h), docs, others, dis.note,
                             subject=about, record=rec, said=reading_word(rec, dis.dissents, h),
                             pages=places_cited(dis.supports, a.documents)))
    return out
