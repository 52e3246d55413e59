"""Render editors' prose: references become links with the name valid at the context date,
document references become footnotes 《标题》（文号）.

The context date of a reference is its own ``@date``; otherwise the last date written in the same
paragraph before it (``1984年3月``, ``1984年``); otherwise none, and the body's latest name is used.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..chronicle import DIRECTIVE_RE, FIGREF_RE, REF_RE, parse_directive, parse_figure_ref
from ..dates import Date, DateError, parse_date
from ..findings import Loc
from ..history import History
from ..model import WEB_PAGE, Archive, Document
from ..views.naming import distinguished, name_on

_DATE_IN_TEXT = re.compile(r"(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?")


def citation_text(d: Document, page: str | None = None, section: str | None = None) -> str:
    """A source as the gazetteer cites it: 《标题》（文号）; a title inside the title takes 〈〉.

    A document whose title is unknown is cited by its 文号 or its description, never by a made-up title;
    a published source (志书, 年鉴 …) as 《书名》卷章，出版者，年，第N页: the part ``section`` a citation names
    (第三编第二章) stands for the document's own ``section``.
    """
    title = d.title.strip()
    if title.startswith("《") and title.endswith("》"):
        title = title[1:-1]
    if not title:
        text = d.shown_number or d.description or d.id
    elif d.genre == WEB_PAGE:
        text = web_page_citation(d, title)
    elif d.genre:
        text = "，".join(x for x in (f"《{title}》{section or d.section}", d.publisher,
                                     _published(d.date)) if x)
    else:
        title = "《" + title.replace("《", "〈").replace("》", "〉") + "》"
        text = f"{title}（{d.shown_number}）" if d.number else title
    return f"{text}，第{page}页" if page else text


def web_page_citation(d: Document, title: str) -> str:
    """A web page as GB/T 7714 cites an electronic resource: 云河县人民政府网. 云河县机构沿革[EB/OL]. (2021-03-01)
    [2024-05-01]. https://…; the site, the dates and the address only where the record gives them."""
    when = f"({_on(d.date)})" if d.date is not None else ""
    read = f"[{_on(d.accessed)}]" if d.accessed is not None else ""
    parts = [d.publisher, f"{title}[EB/OL]", when + read, d.url_shown]
    return ". ".join(x for x in parts if x) + "."


def _on(d: Date) -> str:
    """A web page's date as GB/T 7714 writes it (2021-03-01); one the record leaves open as it says it (2023年前)."""
    return d.iso() if d.qualifier == "exact" and d.end is None else d.chinese()


def _published(d: Date | None) -> str:
    """When a published source appeared, as a citation prints it: the year of a dated publication (2005年), and a
    date the record leaves open exactly as it says it (2023年前, 约2005年, 2003年至2005年), never a bare year."""
    if d is None:
        return ""
    if d.qualifier == "exact" and d.end is None:
        return f"{d.start.year}年"
    return d.chinese()


def _context_date(paragraph_before: str) -> Date | None:
    found = list(_DATE_IN_TEXT.finditer(paragraph_before))
    if not found:
        return None
    try:
        return parse_date(found[-1].group(0))
    except DateError:
        return None


class ProseRenderer:
    """Turns `[[id]]` references into marked-up mentions and document references into notes.

    ``mention(id, label)`` gives the markup of a mention (a Markdown link for the site, a span for the book);
    ``note(document)`` the markup of a source note (default: a Markdown footnote collected per page).
    """

    def __init__(self, a: Archive, h: History, mention: Callable[[str, str], str],
                 note: Callable[[Document], str] | None = None, tables=None):
        self.a, self.h, self.mention, self.tables = a, h, mention, tables
        self.note = note or self.footnote
        self.notes: list[str] = []
        self._note_ids: dict[str, int] = {}
        self._figs = None

    def footnote(self, doc: Document) -> str:
        key = doc.id
        if key not in self._note_ids:
            self.notes.append(citation_text(doc))
            self._note_ids[key] = len(self.notes)
        return f"[^{self._note_ids[key]}]"

    def footnote_defs(self) -> str:
        return "\n".join(f"[^{i}]: {t}" for i, t in enumerate(self.notes, 1))

    def label(self, rid: str, d: Date | None) -> str | None:
        if rid in self.a.bodies or rid in self.a.jurisdictions:   # 滁州市（县级） when another bears the name
            return distinguished(self.h, rid, name_on(self.h, rid, d), d)
        if rid in self.a.people:
            return self.a.people[rid].name
        ev = self.a.events_by_id().get(rid)
        if ev is not None and ev.date:
            return f"{ev.date.happened()}{ev.said_zh}"
        return None

    def render(self, text: str) -> str:
        lines = []
        for line in text.split("\n"):
            d = DIRECTIVE_RE.match(line)
            if d:
                table = self.tables.render(parse_directive(d, Loc("")), self.mention) if self.tables else ""
                lines.append(f"\n{table}\n")
            else:
                lines.append(line)
        text = "\n".join(lines)
        out_paras = []
        for para in re.split(r"(\n\s*\n)", text):
            out_paras.append(self._render_para(para))
        return "".join(out_paras)

    def figure(self, m) -> str:
        """An inline staffing figure from the archive; "（未载）" when this edition's archive has none."""
        from ..views.staffing import figure_at, figures, quoted_text

        if self._figs is None:
            self._figs = self.tables.figs if self.tables is not None else figures(self.a)
        r = parse_figure_ref(m, Loc(""))
        f = figure_at(self.h, self._figs, r.target, r.basis, r.date, r.system) if r.date else None
        text = quoted_text(f, r.kinds, m.string[max(0, m.start() - 40):m.start()]) if f else None
        return text if text is not None else "（未载）"

    def _render_para(self, para: str) -> str:
        para = FIGREF_RE.sub(self.figure, para)
        pieces, pos = [], 0
        for m in REF_RE.finditer(para):
            pieces.append(para[pos:m.start()])
            pos = m.end()
            rid, at, shown = m.group(1).strip(), m.group(2), m.group(3)
            doc = self.a.documents.get(rid)
            if doc is not None:
                pieces.append((shown or "") + self.note(doc))
                continue
            date = None
            if at:
                try:
                    date = parse_date(at.strip())
                except DateError:
                    date = None
            if date is None:
                date = _context_date(para[:m.start()])
            label = shown or self.label(rid, date)
            if label is None:  # unknown or withheld in this edition: keep the words, drop the link
                pieces.append(shown or "")
                continue
            pieces.append(self.mention(rid, label))
        pieces.append(para[pos:])
        return "".join(pieces)
