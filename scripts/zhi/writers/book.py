"""The printed volume: one HTML document per chunk, rendered from theme/book/ templates, typeset by WeasyPrint.

Gazetteer order: cover, title page, 凡例 …, 目录 (front matter, roman page numbers), then 概述, 大事记, the
篇/章/节 body, 附录, 索引, 编后记 (arabic numbers from 1). The front matter and the body are typeset as
separate chunks (WeasyPrint resets the page counter only on a document's first page) and merged.

Page numbers of the table of contents and of the index come from the rendered pages' anchors, not from
``target-counter()``, so that the body can later be split into more chunks typeset in parallel: the body is
laid out once to find where every heading and every mention falls, then laid out again with the numbers
filled in.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import markdown
from markupsafe import Markup

from ..chapterimages import figures_html, stripped
from ..chronicle import NOTE_CALL, NOTE_DEF, notes_in
from ..citations import dissent_text
from ..dates import Date, Point
from ..history import History
from ..model import Archive, Document
from ..plaintext import md_escape
from ..project import load_house_style
from ..rawhtml import sanitize
from ..safelinks import SafeLinksExtension
from ..views import indexes
from ..views.chronology import Entry, Mention, chronology, counted_together
from ..views.dashiji import dashiji, sections
from ..views.kaoyi import kaoyi_items
from ..views.lineage import by_name_in_term, entries_by_event, lineage, post_order, volume_jurisdictions
from ..views.naming import distinguished, label_on, name_on
from ..views.snapshot import NO_BODIES, NONE_RECORDED, fate_unknown_note, said_once, snapshot
from ..views.staffing import dash, figures, jurisdiction_tables, kind_label, table_years
from .nobreak import keep_together
from .notecalls import bind_book_calls
from .prose import ProseRenderer, citation_text
from .svg import lineage_svg, staffing_chart
from .tables import Tables


def esc(s: object) -> str:
    return html.escape(str(s), quote=True)


@dataclass
class Heading:
    level: int      # 1 篇/部分, 2 章, 3 节
    title: str
    anchor: str


@dataclass
class BookParts:
    front: str                          # HTML of the front matter (before the TOC)
    sections: list[str]                 # the body: 概述, 大事记, each 篇 title page and each 章, 附录 …
    index_at: int                       # position of the index among the sections
    headings: list[Heading]             # for the TOC, in order
    front_headings: list[Heading]
    mentions: dict[str, tuple[str, str]] = field(default_factory=dict)  # anchor → (record id, text shown)
    notes: dict[str, list[str]] = field(default_factory=dict)  # chapter path (or 大事记) → its notes' anchors

    @property
    def body(self) -> str:
        return "".join(self.sections)


class _Ids:
    """Anchors numbered within a scope (a chapter, the 大事记, the 附录, the index …) named by the scope: a mention
    or a heading added to one chapter renumbers no anchor of another, so every other chunk of the book keeps its
    HTML and is taken from the typesetting cache (typeset.py)."""

    def __init__(self):
        self.n = 0
        self.prefix = ""
        self.seen: set[str] = set()

    def scope(self, name: str) -> None:
        """Number the anchors from here on within ``name`` (a name used before gets a suffix: anchors stay unique)."""
        tag = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
        k = 1
        while f"{tag}-{k}" in self.seen:
            k += 1
        self.seen.add(f"{tag}-{k}")
        self.prefix, self.n = f"{tag}-{k}" if k > 1 else tag, 0

    def next(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}{self.prefix}-{self.n}" if self.prefix else f"{prefix}{self.n}"


class BookWriter:
    def __init__(self, a: Archive, h: History, theme: Path, edition: str = "public"):
        self.a, self.h, self.edition = a, h, edition
        self.book = a.book
        self.theme = theme / "book"
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(self.theme)), autoescape=True,
                                      trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
        self.env.globals["no_bodies"] = NO_BODIES
        self.entries = chronology(a, h)
        self.dashiji = dashiji(a, h, entries=self.entries)   # the 大事记 prints the selection, grouped
        self.figs = figures(a)
        self.tables = Tables(a, h, counted_together(a, h, self.entries), self.figs)   # 年表 lines (等5个机构: one)
        self.ids = _Ids()
        self.mentions: dict[str, tuple[str, str]] = {}
        self.notes: dict[str, list[str]] = {}
        self.notes_key = ""
        self.headings: list[Heading] = []
        self.front_headings: list[Heading] = []
        self.title = self.book.title if self.book and self.book.title else "机构编制志"
        self.in_scope = volume_jurisdictions(a, h)
        # the house style's form of a run of note calls: ⁷˒⁸˒⁹ (default) or ⁷⁻⁹
        self.note_ranges = load_house_style(a.root).print.get("note-runs") == "range"
        self.for_docx = False  # the Word copy: its index says whose page numbers it gives (the PDF's) or has none
        self._before_index: tuple | None = None  # what ``parts`` made before the index, made once
        self._index_entries: tuple | None = None  # the index's entries, sorted once (their pages change)

    # ---- mentions and notes (the index is made of these) ---------------------------------------------
    def mention(self, rid: str, text: str, markdown: bool = False) -> str:
        """A record named in the text, as a span the index points at; inside Markdown (a chapter and its tables) the
        name is escaped for Markdown too, so that it prints as written (plaintext.py)."""
        anchor = self.ids.next("m")
        self.mentions[anchor] = (rid, text)
        return f'<span class="m" id="{anchor}">{md_escape(text) if markdown else esc(text)}</span>'

    def holder(self, p) -> str:
        """Who held a post, in the 领导名录: the person named (indexed), or 姓名不详 (no index entry)."""
        if p.person is None:
            return esc(p.holder_said)   # 由县委宣传部副部长兼任: no person, no index entry
        person = self.a.people[p.person.id]
        return esc(person.shown_name) if person.unnamed else self.mention(person.id, person.name)

    def note(self, doc: Document, markdown: bool = False) -> str:
        anchor = self.ids.next("m")
        self.mentions[anchor] = (doc.id, doc.shown_number or doc.heading)
        self.notes.setdefault(self.notes_key, []).append(anchor)
        text = md_escape(citation_text(doc)) if markdown else esc(citation_text(doc))
        return f'<span class="fn"><span id="{anchor}">{text}</span></span>'

    def cite_inline(self, docs: list[Document], entry=None) -> str:
        if not docs:
            return ""
        parts = []
        for d in docs:
            anchor = self.ids.next("m")
            self.mentions[anchor] = (d.id, d.shown_number or d.heading)
            parts.append(f'<span id="{anchor}">{esc(entry.cite_label(d) if entry is not None else d.label)}</span>')
        return "（" + "；".join(parts) + "）"

    def dissent_note(self, e: Entry) -> str:
        """A footnote with what the other sources say (另据《…》，为…) and the editor's 考异; none if neither."""
        texts = e.note_texts()
        if not texts:
            return ""
        parts = []
        for k, text in enumerate(texts):
            anchor = self.ids.next("m")
            if k < len(e.dissents):
                doc = e.dissents[k][1]
                self.mentions[anchor] = (doc.id, doc.shown_number or doc.title)
            if k == 0:
                self.notes.setdefault(self.notes_key, []).append(anchor)
            parts.append(f'<span id="{anchor}">{esc(text)}</span>')
        return f'<span class="fn kaoyi">{"".join(parts)}</span>'

    def entry_html(self, e: Entry) -> str:
        """A 大事记 entry: the sentence, its sources, and the note with the other readings; the note's call is
        kept on the line of the closing bracket (a call alone at the start of a line reads as a stray figure)."""
        text, note = self.segs(e.segments) + self.cite_inline(e.sources, e), self.dissent_note(e)
        if note and text.endswith(("）", "。")):
            return f'{text[:-1]}<span class="nb">{text[-1]}{note}</span>'
        return text + note

    def segs(self, segments) -> str:
        return "".join(self.mention(s.id, s.text) if isinstance(s, Mention) else esc(s) for s in segments)

    def heading(self, level: int, title: str, front: bool = False) -> str:
        anchor = self.ids.next("h")
        (self.front_headings if front else self.headings).append(Heading(level, title, anchor))
        return anchor

    # ---- prose -----------------------------------------------------------------------------------------
    def prose_html(self, text: str) -> str:
        """Editors' Markdown → HTML with mentions as spans and sources as footnotes."""
        r = ProseRenderer(self.a, self.h, lambda rid, label: self.mention(rid, label, markdown=True),
                          lambda doc: self.note(doc, markdown=True), self.tables)
        md = self._editor_notes(r.render(sanitize(text)))
        out = markdown.markdown(md, extensions=["tables", "sane_lists", SafeLinksExtension()],
                                output_format="html")
        # a generated table's bold title line is its caption, kept on the table's page; an image alone in its
        # paragraph is a centred figure with its 图题 under it
        return figures_html(re.sub(r"<p><strong>([^<]*)</strong></p>(\s*<table>)", r'<p class="caption">\1</p>\2', out))

    def _editor_notes(self, md: str) -> str:
        """An editor's own footnotes ([^x] in the text, [^x]: … below) as the book's notes at the foot of the page,
        like the notes of sources: without this the book printed the call as "^x" and lost the note (Markdown
        read its definition as a link's). A call with no definition is left as written."""
        if "[^" not in md:
            return md
        defs, _ = notes_in(md)
        notes = [d for d in defs if d.kind == "note"]
        if not notes:
            return md
        lines = md.split("\n")
        text: dict[str, str] = {}
        gone: set[int] = set()
        for d in notes:
            parts = [lines[d.lines[0]][NOTE_DEF.match(lines[d.lines[0]]).end():]] + [lines[i] for i in d.lines[1:]]
            text.setdefault(d.label, " ".join(x.strip() for x in parts if x.strip()))
            gone.update(d.lines)

        def call(m: re.Match) -> str:
            if m.group(1) not in text:
                return m.group(0)
            anchor = self.ids.next("m")
            self.notes.setdefault(self.notes_key, []).append(anchor)
            return f'<span class="fn"><span id="{anchor}">{text[m.group(1)]}</span></span>'

        return "\n".join("" if i in gone else NOTE_CALL.sub(call, line) for i, line in enumerate(lines))

    def chapter(self, ch, level: int, front: bool = False, part: str | None = None) -> str:
        body = re.sub(r"\A\s*#\s+[^\n]*\n", "", ch.body, count=1)  # the title is set by the template
        self.ids.scope(f"chapter:{ch.path}")
        anchor = self.heading(level, ch.title, front)
        self.notes_key = ch.path
        self.notes.setdefault(ch.path, [])
        html_body = self.prose_html(body)
        html_body = self._number_subheadings(html_body, front)
        html_body = self._images_inline(ch.path, html_body)
        return self.env.get_template("chapter.html.j2").render(ch=ch, anchor=anchor, body=html_body, level=level,
                                                               part=part)

    def _images_inline(self, chapter_path: str, html_body: str) -> str:
        """A chapter's images (![图题](images/x.png)) as the PDF carries them: the file beside the chapter, its pixels
        alone and inline (``_published``), as the site publishes it. An image zhi does not publish (missing, outside
        chronicle/, a kind it does not copy, an address of another site, which would be fetched while typesetting)
        is left out, as on the site; its caption stays."""
        from urllib.parse import unquote

        from ..chapterimages import resolve

        def repl(m: re.Match) -> str:
            src = html.unescape(m.group(1))
            if src.startswith("data:image/"):
                return m.group(0)
            path, _why = resolve(self.a.root, chapter_path, unquote(src.split("#")[0].split("?")[0]))
            return m.group(0).replace(m.group(1), _published(path)) if path is not None else ""

        return _IMG_SRC.sub(repl, html_body)

    def _number_subheadings(self, html_body: str, front: bool) -> str:
        """## headings (节) go into the TOC; the Markdown levels shift by one under the 章 title."""
        def repl(m):
            level = int(m.group(1))
            title = re.sub(r"<[^>]+>", "", m.group(2))
            if level == 1:
                level = 2
            if level == 2 and not front:
                anchor = self.heading(3, html.unescape(title))
                return f'<h3 class="section" id="{anchor}">{m.group(2)}</h3>'
            return f"<h{level + 2}>{m.group(2)}</h{level + 2}>"

        return re.sub(r"<h([1-4])>(.*?)</h\1>", repl, html_body)

    # ---- generated parts -----------------------------------------------------------------------------
    def chronology_html(self) -> str:
        self.ids.scope("大事记")
        anchor = self.heading(1, "大事记")
        self.notes_key = "大事记"
        form = getattr(self.book, "dashiji_form", "年") if self.book else "年"
        rows = []
        for heading, items, dated in sections(self.dashiji, self.book.upper if self.book else None, form != "日期"):
            rows.append((heading, [(e.date.happened() if dated else _when(e.date), self.entry_html(e))
                                   for e in items]))
        return self.env.get_template("chronology.html.j2").render(anchor=anchor, years=rows, form=form)

    def snapshot_dates(self) -> list[Date]:
        dates = list(getattr(self.book, "snapshots", []) or [])
        if not dates and self.book and self.book.lower:
            dates = [Date(Point(self.book.lower.year, 12, 31))]
        return dates

    def appendix_html(self) -> str:
        self.ids.scope("附录")
        anchor = self.heading(1, "附录")
        sections = []
        # 一、文件目录
        a1 = self.heading(2, "一、文件目录")
        docs = []
        for d in indexes.document_list(self.a):
            m = self.ids.next("m")
            self.mentions[m] = (d.id, d.shown_number or d.heading)
            docs.append((m, d))
        sections.append(("docs", a1, docs))
        # 二、机构设置一览
        a2 = self.heading(2, "二、机构设置一览")
        snaps = []
        for d in self.snapshot_dates():
            on_date = []
            for j in self.in_scope:
                t = self.h.get(j.id)
                if t is None or not t.alive_on(d):
                    continue
                rows = snapshot(self.a, self.h, j.id, d, self.figs)
                if not rows and not t.known_alive_on(d):
                    continue   # a place set up “1953前” and no body of it certainly there: no table says it was
                on_date.append((f"{label_on(self.h, j.id, d)}（{d.chinese()}）", label_on(self.h, j.id, d),
                                [(self.mention(r.body, r.name), r) for r in rows],
                                Markup(fate_unknown_note(self.h, j.id, d, a=self.a, name=self.mention, text=esc))))
            kept, bare = said_once(on_date, lambda s: not s[2] and not s[3])
            snaps += [(caption, rows, note) for caption, _, rows, note in kept]
            if bare:   # the places with no body recorded then: named once, under one caption
                snaps.append((f"{NONE_RECORDED}（{d.chinese()}）", None, "、".join(s[1] for s in bare) + "。"))
        sections.append(("snapshots", a2, snaps))
        # 三、领导名录
        a3 = self.heading(2, "三、领导名录")
        by_body: dict[str, list] = {}
        for p in sorted(self.a.posts, key=post_order):
            t = self.h.get(p.body.id)
            if t is not None and t.outside:
                continue   # a post in a superior body outside the volume: on the person's page, not the volume's 名录
            by_body.setdefault(p.body.id, []).append(p)
        leaders = []
        for rid, posts in sorted(by_body.items(), key=lambda kv: (self.h.get(kv[0]).start.sort_key()
                                                                   if self.h.get(kv[0]) and self.h.get(kv[0]).start
                                                                   else (), kv[0])):
            # each run of terms under the name the body bore when they began
            for name, group in by_name_in_term(self.h, rid, posts):
                rows = [(esc(p.post), self.holder(p), p.tenure(), esc(p.term)) for p in group]
                leaders.append((self.mention(rid, distinguished(self.h, rid, name)), rows))
        sections.append(("leaders", a3, leaders))
        # 四、编制统计表
        a4 = self.heading(2, "四、编制统计表")
        stats = [(t, staffing_chart(t) if t.rows else "") for t in jurisdiction_tables(
            self.a, self.h, self.figs, [j.id for j in self.in_scope], table_years(self.a, self.figs))]
        sections.append(("stats", a4, stats))
        # 五、机构沿革图: every body that was merged or split, with its predecessors and successors
        diagrams = self.lineage_diagrams()
        if diagrams:
            sections.append(("lineage", self.heading(2, f"{_NUMERALS[len(sections)]}、机构沿革图"), diagrams))
        # 考异表 (when book.yaml says kaoyi: true)
        if getattr(self.book, "kaoyi", False):
            sections.append(("kaoyi", self.heading(2, f"{_NUMERALS[len(sections)]}、考异表"), self.kaoyi_rows()))
        return self.env.get_template("appendix.html.j2").render(anchor=anchor, sections=sections,
                                                                terms=any(p.term for p in self.a.posts),
                                                                kind_label=kind_label, dash=dash,
                                                                apart=indexes.told_apart(self.a.documents.values()),
                                                                titles={h.anchor: h.title for h in self.headings})

    def lineage_diagrams(self) -> list[tuple[str, str]]:
        """(name, SVG) of every body made by a merge of two or more (two predecessors or more) or split into two or
        more, in the order they were set up: the 沿革图 the 凡例 promises, drawn as on the site (without links)."""
        by_event = entries_by_event(self.entries)
        out = []
        for t in sorted(self.h.timelines.values(), key=lambda t: (t.start.sort_key() if t.start else (), t.id)):
            if t.is_jurisdiction or t.start is None or (len(t.predecessors) < 2 and len(t.successors) < 2):
                continue
            lin = lineage(self.a, self.h, t.id, by_event)
            if lin is not None:
                # names wrapped at 12 characters: the drawing fits the page at 1:1, its text at 9.75 pt
                out.append((lin.name, lineage_svg(lin, lambda rid: None, wrap=12 * 13)))
        return out

    def kaoyi_rows(self) -> list[tuple[str, str, list[str], str]]:
        """Every recorded disagreement: the fact, the reading followed with its sources (本志取：… or, of a name,
        本志所据：…), the other readings, 考异."""
        rows = []
        for it in kaoyi_items(self.a, self.h, self.entries):
            if it.entry is not None:
                fact = f"{esc(it.entry.date.happened())}　{self.segs(it.entry.segments)}"
            else:
                fact = esc(it.fact)
            others = [esc(dissent_text(d, doc)) for d, doc in it.others]
            rows.append((fact, f"{it.said}：{esc(it.chosen)}{self.cite_inline(it.supports, it)}", others, esc(it.note)))
        return rows

    def index_html(self, pages: dict[str, list[str]] | None) -> str:
        """The index; ``pages`` maps a record id or (id, name) key to page labels (None on the first pass)."""
        self.ids.scope("索引")
        anchor = self.heading(1, "索引")

        def pages_of(key: str, *more: str) -> str:
            if pages is None:
                return "000"  # first pass: room for a page number
            found = {int(n) for k in (key, *more) for n in pages.get(k, [])}
            return "，".join(str(n) for n in sorted(found))

        if self._index_entries is None:
            self._index_entries = (indexes.grouped(indexes.body_index(self.a, self.h)),
                                   indexes.grouped(indexes.person_index(self.a)), indexes.document_index(self.a))
        bodies, people, documents = self._index_entries
        body_groups = []
        for letter, entries in bodies:
            rows = []
            for e in entries:
                key = f"{e.target}|{e.term}"   # a mention naming it with its 区别语 or, in prose, without
                p = pages_of(key, *([f"{e.target}|{e.plain}"] if e.plain else []))
                t = self.h.get(e.target)
                current = label_on(self.h, t.id) if t else e.term
                see = "" if e.term == current else current
                if p or not pages:
                    rows.append((e.term, p, see))
            if rows:
                body_groups.append((letter, rows))
        # with the pages known, a term on no printed page is no entry of the index (an index points at pages); the
        # Word copy made without the PDF has no page numbers at all and lists every term
        people_groups = [(letter, rows) for letter, entries in people
                         if (rows := [(e.term, p) for e in entries if (p := pages_of(e.target)) or not pages])]
        apart = indexes.told_apart(self.a.documents.values())
        docs = [(d.label + apart.get(d.id, ""), d.title if d.number else "", p) for d in documents
                if (p := pages_of(d.id)) or not pages]
        a1, a2, a3 = self.heading(2, "机构名称索引"), self.heading(2, "人名索引"), self.heading(2, "文件索引")
        return self.env.get_template("index.html.j2").render(anchor=anchor, anchors=(a1, a2, a3),
                                                             bodies=body_groups, people=people_groups, docs=docs,
                                                             docx=self.for_docx, paged=bool(pages))

    # ---- assembly --------------------------------------------------------------------------------------
    def parts(self, index_pages: dict[str, list[str]] | None = None) -> BookParts:
        """Both chunks' HTML. Anchors are numbered afresh on every call, so two passes give the same anchors.

        Only the index (and what follows it) depends on ``index_pages``: the front matter and the body up to the
        index are made on the first call and taken again, with the anchors numbered as they were, on the next."""
        if self._before_index is None:
            self.ids, self.mentions, self.headings, self.front_headings = _Ids(), {}, [], []
            self.notes = {}
            front_html, body_html = self._front_and_body()
            self._before_index = (front_html, body_html, self.ids.n, dict(self.mentions), list(self.headings),
                                  list(self.front_headings), {k: list(v) for k, v in self.notes.items()},
                                  self.notes_key)
        front_html, body_html, n, mentions, headings, front_headings, notes, notes_key = self._before_index
        self.ids, self.mentions, self.headings, self.front_headings = _Ids(), dict(mentions), list(headings), \
            list(front_headings)
        self.ids.n, self.notes, self.notes_key = n, {k: list(v) for k, v in notes.items()}, notes_key
        body_html = list(body_html)
        index_at = len(body_html)
        body_html.append(self.index_html(index_pages))
        for ch in (self.book.back if self.book else []):
            body_html.append(self.chapter(ch, 1))
        return BookParts("".join(front_html), body_html, index_at, list(self.headings), list(self.front_headings),
                         dict(self.mentions), {k: list(v) for k, v in self.notes.items()})

    def _front_and_body(self) -> tuple[list[str], list[str]]:
        """The front matter (before the TOC) and the body up to the index, as HTML sections."""
        book = self.book
        front_html, body_html = [], []
        overview = []
        for ch in (book.front if book else []):
            if ch.title.replace(" ", "").replace("　", "") in ("概述", "总述"):
                overview.append(ch)
            else:
                front_html.append(self.chapter(ch, 1, front=True))
        for ch in overview:
            body_html.append(self.chapter(ch, 1))
        body_html.append(self.chronology_html())
        for part in (book.parts if book else []):
            # each 章 is a section of its own (chunks may be cut between them: every one starts on a right-hand
            # page), the first with the 篇 title page; each 章 carries its 篇 title for the running head
            self.ids.scope(f"part:{part.title}")
            anchor = self.heading(1, part.title)
            title_page = self.env.get_template("part.html.j2").render(part=part, anchor=anchor)
            chapters = [self.chapter(ch, 2, part=part.title) for ch in part.chapters] or [""]
            body_html.extend([title_page + chapters[0]] + chapters[1:])
        body_html.append(self.appendix_html())
        return front_html, body_html

    def document(self, chunk: str, content: str, toc: list | None = None, first_page: int = 1,
                 pad: bool = False, start: str | None = None) -> str:
        """The HTML of one chunk; ``start`` ("left"/"right") the side of its first page when not the default."""
        css = (self.theme / "book.css").read_text(encoding="utf-8")
        return self.env.get_template("book.html.j2").render(
            title=self.title, book=self.book, chunk=chunk, content=keep_together(bind_book_calls(content, self.note_ranges)), toc=toc, css=css,
            first_page=first_page, start=start, cover=self._cover(), pad=pad, edition=self.edition, scope=self.in_scope,
            mark="" if self.edition == "public" else INTERNAL_MARK,
            plates=[(_published(p), caption) for p, caption in getattr(self.book, "plates", [])],
            name_on=lambda rid: name_on(self.h, rid, None))

    def can_cut_sections(self) -> bool:
        """Whether the project's theme can set a piece of a long section cut for typesetting (``typeset.Section``):
        a theme copied from an older zhi cannot, and its sections are typeset whole."""
        css = (self.theme / "book.css").read_text(encoding="utf-8")
        page = (self.theme / "book.html.j2").read_text(encoding="utf-8")
        return "section.flow-on" in css and "{{ start }}" in page

    def _cover(self) -> str | None:
        cover = getattr(self.book, "cover", None)
        if cover:
            return _published(Path(cover))
        return None


@functools.lru_cache(maxsize=16)
def _image_uri(path: Path, size: int, mtime: int) -> str:
    import io

    from PIL import Image

    clean = stripped(path.read_bytes())
    try:
        with Image.open(io.BytesIO(clean)) as im:
            kind = (im.format or "").lower()
    except Exception:  # noqa: BLE001 - not an image the library reads: named by its suffix; WeasyPrint reports it
        kind = path.suffix.lstrip(".").lower().replace("jpg", "jpeg")
    return f"data:image/{kind or 'octet-stream'};base64," + base64.b64encode(clean).decode("ascii")


def _published(path: Path) -> str:
    """The cover or a plate (题词、图片) as the PDF carries it: its pixels alone (chapterimages.stripped, as the
    site's chapter images), given inline — never the editor's file with its EXIF, XMP or comment, which WeasyPrint
    would embed byte for byte in the PDF (an attack tester's JPEG comment naming a secret body reached zhi.pdf). A
    file that cannot be read is given by its path, and the typesetting reports it."""
    path = path.resolve()
    try:
        st = path.stat()
    except OSError:
        return path.as_uri()
    return _image_uri(path, st.st_size, st.st_mtime_ns)



_IMG_SRC = re.compile(r'<img\b[^>]*?\bsrc="([^"]*)"[^>]*>')
_NUMERALS = "一二三四五六七八九十"
INTERNAL_MARK = "内部资料　注意保存"  # the internal edition's circulation mark (build.edition_mark for the site)


def _when(d: Date) -> str:
    return d.in_year()


def to_roman(n: int) -> str:
    vals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
            (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


__all__ = ["BookParts", "BookWriter", "Heading", "esc", "to_roman"]
