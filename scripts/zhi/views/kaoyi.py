"""考异表: every recorded disagreement as the site and the book list it."""

from __future__ import annotations

from dataclasses import dataclass

from ..citations import Dissent, chosen_reading, disagreements
from ..history import History
from ..model import Archive, Document, Event
from .chronology import Entry, staffing_text
from .naming import name_on


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


def anchor_of(rec) -> str:
    return f"ky-{rec.id}" if rec.id else f"ky-{rec.loc.file.replace('/', '-').removesuffix('.yaml')}-{rec.loc.line}"


def kaoyi_items(a: Archive, h: History, entries: list[Entry]) -> list[KaoyiItem]:
    by_event = {id(en.event): en for en in entries}
    out = []
    for dis in disagreements(a, h):
        rec = dis.record
        en = by_event.get(id(rec))
        body = None
        if en is not None:
            fact = f"{rec.date.chinese()}　{en.plain()}"
        elif not isinstance(rec, Event) and rec.body is not None and rec.body.id in a.bodies:
            body = rec.body.id
            fact = (f"{rec.date.chinese() if rec.date else ''}　{name_on(h, body, rec.date)}"
                    f"{'核定' if rec.basis == 'approved' else '实有'}"
                    f"{staffing_text(rec.figures) if rec.figures else '编制'}")
        else:
            continue
        docs = [a.documents[c.doc] for c in dis.supports if c.doc in a.documents]
        others = [(d, a.documents[d.citation.doc]) for d in dis.dissents if d.citation.doc in a.documents]
        out.append(KaoyiItem(anchor_of(rec), fact, en, body, chosen_reading(rec, dis.dissents, h), docs, others, dis.note))
    return out
