"""The site writer: a Material-flavoured Markdown tree and its navigation, from the archive and its views.

It writes plain Markdown (rendered later by MkDocs) from the Jinja2 templates in ``theme/pages/``; it never
reads source files and computes nothing that the views do not already give.
"""

from __future__ import annotations

import datetime as _dt
import functools
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..chapterimages import figures_md
from ..chronicle import FENCE_RE
from ..citations import cited_docs, dissent_source, kaoyi_text
from ..dates import Date, Point
from ..history import History
from ..model import BASIS_ZH, EVENT_TYPES, PUBLISHED_GENRES, Archive, Document, Memo
from ..plaintext import md_escape
from ..rawhtml import escape_all, sanitize
from ..views import indexes
from ..views.chronology import Entry, Mention, chronology, counted_together
from ..views.dashiji import dashiji, sections
from ..views.kaoyi import anchor_of, kaoyi_items
from ..views.lineage import (
    entries_by_event,
    lineage,
    period_text,
    posts_by_person,
    unit_rows,
    volume_jurisdictions,
)
from ..views.naming import (
    NAME_UNKNOWN,
    label_on,
    name_in_term,
    name_on,
    names_with_jurisdiction,
    with_note,
    with_years,
)
from ..views.snapshot import (
    NO_BODIES,
    NO_BODIES_CAME,
    NONE_RECORDED,
    difference,
    fate_unknown_note,
    members,
    said_once,
    snapshot,
)
from ..views.staffing import (
    by_body,
    dash,
    figure_note,
    figures,
    jurisdiction_tables,
    kind_label,
    kinds_used,
    table_years,
)
from . import svg
from .notecalls import bind_markdown_calls
from .prose import ProseRenderer, citation_text
from .search import issuer_years
from .svg import staffing_chart
from .tables import Tables

NIANBIAO = "dashiji/nianbiao.md"  # 机构变动年表: every change, one entry each


def page_of(a: Archive, rid: str) -> str | None:
    """The page (path in the Markdown tree) that describes a record, with an anchor where needed."""
    if rid in a.bodies:
        return f"jigou/{rid}.md" if a.bodies[rid].in_scope else None  # a body outside the volume has no page
    if rid in a.jurisdictions:
        return f"dashiji/{rid}.md" if a.jurisdictions[rid].in_scope else None
    if rid in a.documents:
        return f"wenjian/{rid}.md"
    if rid in a.people:
        return None if a.people[rid].unnamed else f"renwu/index.md#{rid}"   # 姓名不详: no entry of its own
    if rid in a.events_by_id():
        return f"{NIANBIAO}#{rid}"   # every event is in the 机构变动年表; the 大事记 holds a selection
    return None


def rel(from_page: str, to: str) -> str:
    path, _, anchor = to.partition("#")
    r = _relpath(path, posixpath.dirname(from_page))
    return f"{r}#{anchor}" if anchor else r


@functools.cache
def _relpath(path: str, from_dir: str) -> str:
    # a site has a few folders and many pages: the same pair recurs across pages, and relpath is slow
    return posixpath.relpath(path, from_dir or ".")


def url_of(page: str) -> str:
    """The URL path (directory URLs) at which MkDocs publishes a Markdown page."""
    path, _, anchor = page.partition("#")
    url = path[: -len("index.md")] if path.endswith("index.md") else path[:-3] + "/"
    return url + (f"#{anchor}" if anchor else "")


def url_rel(from_page: str, to: str, from_source: bool = False) -> str:
    """A link usable in raw HTML (e.g. inside SVG): relative to the page's URL, as MkDocs leaves raw HTML alone;
    ``from_source``: relative to the Markdown file's folder, as Zensical resolves every link of a page (its own
    and raw HTML's) from where the page's Markdown file is, and rewrites it for the page's URL."""
    src = posixpath.dirname(from_page) + "/" if from_source else url_of(from_page)
    target = url_of(to)
    path, _, anchor = target.partition("#")
    r = posixpath.relpath(path or ".", src.rstrip("/") or ".") + "/"
    r = "./" if r == "./" else r.replace("//", "/")
    return r + (f"#{anchor}" if anchor else "")


@dataclass
class Page:
    path: str
    title: str
    text: str


_NOTE_LABEL = re.compile(r"\[\^([^\]\s]+)\]")


def own_notes(body: str) -> str:
    """A chapter's own footnotes under labels of their own ([^1] → [^e-1]): the notes of sources are [^1], [^2] …,
    and an editor's [^1] met one of them, the page printing the source's note at the editor's call and losing the
    editor's note. The label is no part of what a reader sees (a note's number counts the notes in reading order)."""
    if "[^" not in body:
        return body
    out, code = [], False
    for line in body.split("\n"):
        if FENCE_RE.match(line.strip()):
            code = not code
        if not code:   # (a code span shows its text as written)
            line = "".join(x if x.startswith("`") else _NOTE_LABEL.sub(lambda m: f"[^e-{m.group(1)}]", x)
                           for x in re.split(r"(`[^`]*`)", line))
        out.append(line)
    return "\n".join(out)


@dataclass
class SiteTree:
    pages: list[Page] = field(default_factory=list)
    nav: list = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # extra files (svg) by path
    data: dict[str, bytes] = field(default_factory=dict)  # the open-data downloads by path (数据下载)
    keys: dict[str, list[str]] = field(default_factory=dict)  # URL → what the page is the page of (for search)
    years: dict[str, list[int]] = field(default_factory=dict)  # issuer code → years of its documents (for search)


class SiteWriter:
    def __init__(self, a: Archive, h: History, theme: Path, edition: str = "public", pdf_name: str | None = None,
                 pdf_kept: bool = False, data_meta: dict | None = None, raw_links_from_source: bool = False,
                 template_cache: Path | None = None):
        self.a, self.h, self.edition, self.pdf_name = a, h, edition, pdf_name
        self.raw_links_from_source = raw_links_from_source  # the renderer resolves raw HTML links (see url_rel)
        self.data_meta = data_meta  # with it, the open data is exported and the 数据下载 page written
        self.pdf_kept = pdf_kept  # the PDF is an earlier build's (zhi build --no-pdf)
        # Every value a template prints is escaped for Markdown (and HTML) unless it is Markup made here:
        # links, generated SVG, sanitised text. No record can put markup or script into a page.
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(theme / "pages")),
                                      autoescape=False, trim_blocks=True, lstrip_blocks=True,
                                      undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                                      finalize=_finalize, bytecode_cache=_bytecode_cache(template_cache))
        self.env.filters["cn"] = lambda d: d.chinese() if d else ""
        self.env.filters["happened"] = lambda d: d.happened() if d else ""  # an event's date on its own line
        self.env.filters["period"] = lambda p: period_text(p.start, p.end)
        self.env.filters["with_years"] = lambda name, years: with_years(str(name), years)  # one bracket group
        self.env.filters["with_note"] = lambda name, note: with_note(str(name), str(note or ""))  # (；within)
        self.env.filters["md"] = lambda s: Markup(md_escape(s))
        self.env.filters["codes"] = lambda s: Markup(codes(s))
        self.env.filters["code"] = lambda s: Markup(f"`{s}`" if re.fullmatch(r"[^`<>&\\\n]*", str(s)) else codes(s))
        self.env.globals["rel"] = lambda page, to: Markup(rel(page, to))
        self.env.globals.update(kind_label=kind_label, dash=dash, figure_note=figure_note, basis_zh=BASIS_ZH,
                                unit_rows=self._unit_rows,
                                no_bodies=NO_BODIES, no_bodies_came=NO_BODIES_CAME, published_genres=PUBLISHED_GENRES)
        self.entries = chronology(a, h)
        self.dashiji = dashiji(a, h, entries=self.entries)
        self.lines = counted_together(a, h, self.entries)   # the 年表: 设立甲、乙等5个机构 on one line
        self.form = getattr(a.book, "dashiji_form", "年") if a.book else "年"
        self.figs = figures(a)
        self.tree = SiteTree()
        self.tables = Tables(a, h, self.lines, self.figs)
        self.backlinks: dict[str, list[tuple[str, str]]] = {}
        self._page_notes: list[str] = []
        book = a.book
        self.title = book.title if book and book.title else "机构编制志"
        self.upper = book.upper.year if book and book.upper else None
        self.lower = book.lower.year if book and book.lower else None
        self.in_scope = volume_jurisdictions(a, h)

    # ---- helpers --------------------------------------------------------------------------------
    @staticmethod
    def web_link(url: str, shown: str = "") -> Markup:
        """A document's web address as a link: shown as a reader reads it (``shown``: escapes of Chinese decoded), its
        brackets encoded in the target (the loader has let only an http(s) address through, without spaces, angle
        brackets, quotes or backslashes)."""
        return Markup(f"[{md_escape(shown or url)}]({url.replace('(', '%28').replace(')', '%29')})")

    def holder(self, p) -> str:
        """Who held a post as a list prints it: the person's name, 姓名不详, or 由县委宣传部副部长兼任."""
        return self.a.people[p.person.id].shown_name if p.person else p.holder_said

    def holder_link(self, page: str, p) -> Markup:
        return self.link(page, p.person.id, self.holder(p)) if p.person else Markup(md_escape(p.holder_said))

    def link(self, page: str, rid: str, text: str) -> Markup:
        target = page_of(self.a, rid)
        return Markup(f"[{md_escape(text)}]({rel(page, target)})" if target else md_escape(text))

    def _linker(self, page: str):
        """The link from ``page`` to a record's page, or None when the record has none."""
        def href(rid: str) -> str | None:
            target = page_of(self.a, rid)
            return url_rel(page, target, self.raw_links_from_source) if target else None
        return href

    def segs(self, page: str, segs) -> Markup:
        return Markup("".join(self.link(page, s.id, s.text) if isinstance(s, Mention) else md_escape(s)
                              for s in segs))

    def cite(self, page: str, docs, entry=None) -> Markup:
        label = entry.cite_label if entry is not None else (lambda d: d.label)
        return Markup("（" + "；".join(self.link(page, d.id, label(d)) for d in docs) + "）"
                      if docs else "")

    def cite_docs(self, page: str, docs: list[tuple[Document, str]]) -> Markup:
        """（《…》，第211页；…）: documents cited each as given with its label (views.lineage end_sources)."""
        return Markup("（" + "；".join(self.link(page, d.id, label) for d, label in docs) + "）" if docs else "")

    def remarks(self, b) -> list[tuple[str, list[tuple[Document, str]]]]:
        """A body's 附注 as its page prints them: each sentence without its full stop, and the documents it cites
        (the edition's: a 附注 none of whose sources it holds is not in its archive, editions._sourced)."""
        return [(r.text.rstrip("。. "), cited_docs(self.a, r.sources)) for r in b.remarks] if b is not None else []

    def note(self, page: str, e: Entry) -> Markup:
        """A footnote call for what the other sources say and the editor's 考异; the note goes to the page's end."""
        if not e.dissents and not e.kaoyi:
            return Markup("")
        parts = [f"另据{self.link(page, doc.id, dissent_source(doc, d))}，{md_escape(d.phrase())}。" for d, doc in e.dissents]
        if e.kaoyi:
            parts.append(md_escape(kaoyi_text(e.kaoyi)))
        if e.dissents:
            parts.append(f"[见考异表]({rel(page, 'kaoyi.md#' + anchor_of(e.event))})")
        self._page_notes.append("".join(parts))
        return Markup(f"[^ky{len(self._page_notes)}]")

    def name(self, rid: str, d: Date | None = None) -> str:
        return name_on(self.h, rid, d)

    def _unit_rows(self, units, rid: str | None = None):
        """A body's 内设机构 rows, ended with the body (the body found by its units in a theme that does not pass it)."""
        if rid is None:
            rid = next((b.id for b in self.a.bodies.values() if b.units is units), None)
        return unit_rows(units, self.h.get(rid) if rid else None)

    def label(self, rid: str, d: Date | None = None) -> str:
        """The name as titles and lists print it: with the 区别语 when another record bears it (滁州市（县级）)."""
        return label_on(self.h, rid, d)

    def term_label(self, rid: str, d: Date | None) -> str:
        """A post's body as a list of terms prints it: the name certainly in force in the term, or
        名称不详 when every name the edition gives it begins after the term (``naming.name_in_term``)."""
        return name_in_term(self.h, rid, d)

    def term_link(self, page: str, rid: str, d: Date | None) -> Markup:
        """``term_label`` linked to the body's page; 名称不详 in brackets, so that the post after it is read apart
        (（名称不详）处长, never 名称不详处长, a 处 of that name), as posts.csv keeps it in a column of its own."""
        label = self.term_label(rid, d)
        linked = self.link(page, rid, label)
        return Markup(f"（{linked}）") if label == NAME_UNKNOWN else linked

    def label_went(self, rid: str, start: Date, end: Date) -> str:
        """The name a body that ended within [start, end] (a year) bore when it ended: renamed in January and abolished
        in May, it went under its new name, never the one it had on 1 January; ended on a date the source gives only
        by year, the name it had when the year began."""
        t = self.h.get(rid)
        ends = [life.end for life in (t.lives if t else []) if life.end is not None
                and start.earliest() <= life.end.earliest() <= end.latest()]
        if ends:
            day = ends[-1].earliest() - _dt.timedelta(days=1)
            if day >= start.earliest():
                return self.label(rid, Date(Point(day.year, day.month, day.day)))
        return self.label(rid, start)

    def add(self, path: str, title: str, template: str, **ctx) -> None:
        self._page_notes = []
        text = bind_markdown_calls(self.env.get_template(template).render(page=path, title=title, w=self, **ctx))
        if self._page_notes:
            text = text.rstrip() + "\n\n" + "\n".join(f"[^ky{i}]: {t}" for i, t in enumerate(self._page_notes, 1)) + "\n"
        self.tree.pages.append(Page(path, title, text))

    def backlink(self, rid: str, page: str, label: str) -> None:
        lst = self.backlinks.setdefault(rid, [])
        if (page, label) not in lst:
            lst.append((page, label))

    # ---- the whole site ------------------------------------------------------------------------------
    def write(self) -> SiteTree:
        nav_book = self.book_pages()
        self.collect_backlinks()
        self.chronology_pages()
        self.body_pages()
        self.document_pages()
        self.year_pages()
        self.index_pages()
        self.stats_page()
        self.people_page()
        self.home_page()
        self.kaoyi_page()
        if self.data_meta is not None:
            self.data_page()
        if self.edition == "internal":
            self.status_page()
        self.tree.pages.append(Page("search.md", "检索", self.env.get_template("search.md.j2").render(
            title="检索", w=self, page="search.md")))
        self.tree.nav = [
            {"首页": "index.md"},
            {"志书": nav_book},
            {"大事记": ["dashiji/index.md"] + [f"dashiji/{j.id}.md" for j in self.in_scope] + [NIANBIAO]},
            {"机构": "jigou/index.md"},
            {"文件": "wenjian/index.md"},
            {"年表": "nianbiao/index.md"},
            {"索引": ["suoyin/index.md", "suoyin/wenjian.md", "suoyin/renwu.md"]},
            {"统计": "tongji/index.md"},
            {"人物": "renwu/index.md"},
            {"考异": "kaoyi.md"},
        ] + ([{"数据下载": "shuju/index.md"}] if self.data_meta is not None else []) + [
            {"检索": "search.md"},
        ] + ([{"编纂进度": "zhuangtai.md"}] if self.edition == "internal" else [])
        titles = {p.path: p.title for p in self.tree.pages}
        self.tree.nav = _titled(self.tree.nav, titles)
        return self.tree

    def book_pages(self) -> list:
        book = self.a.book
        nav: list = []
        if book is None:
            return nav
        for ch in book.front:
            nav.append(self.chapter_page(ch))
        for i, part in enumerate(book.parts, 1):
            nav.append({part.title: [self.chapter_page(ch) for ch in part.chapters]})
        for ch in book.back:
            nav.append(self.chapter_page(ch))
        return nav

    def chapter_page(self, ch) -> str:
        path = "zhi/" + ch.path.removeprefix("chronicle/")
        r = ProseRenderer(self.a, self.h, lambda rid, text: self.link(path, rid, text), tables=self.tables)
        body = figures_md(bind_markdown_calls(r.render(sanitize(own_notes(ch.body)))))
        if not re.search(r"^#\s", body, flags=re.MULTILINE):
            body = f"# {ch.title}\n\n" + body
        notes = r.footnote_defs()
        self.tree.pages.append(Page(path, ch.title, body.rstrip() + ("\n\n" + notes if notes else "") + "\n"))
        for ref in ch.refs:
            self.backlink(ref.id, path, ch.title)
        return path

    def collect_backlinks(self) -> None:
        for en in self.entries:
            ev = en.event
            label = f"{en.date.happened()} {en.plain()[:24]}…"
            for rid in en.bodies | en.jurisdictions:
                self.backlink(rid, NIANBIAO, label)
            for d in en.sources:
                self.backlink(d.id, NIANBIAO + (f"#{ev.id}" if ev.id else ""), label)
            for _, d in en.dissents:  # a source cited as dissent links back to the fact and to the 考异表
                self.backlink(d.id, NIANBIAO + (f"#{ev.id}" if ev.id else ""), f"{label}（异说）")
                self.backlink(d.id, "kaoyi.md#" + anchor_of(ev), f"考异表：{label}")
        for p in self.a.posts:
            for c in p.sources:
                if p.body:
                    self.backlink(c.doc, f"jigou/{p.body.id}.md", f"任职：{self.holder(p)} {p.post}")
        for b in self.a.bodies.values():   # a body file's 见于, 至今, 附注: cited on the body's page
            for c in b.sources:
                if page_of(self.a, b.id):
                    self.backlink(c.doc, page_of(self.a, b.id), f"机构：{self.label(b.id)}（存续）")
            for c in (c for r in b.remarks for c in r.sources):
                if page_of(self.a, b.id):
                    self.backlink(c.doc, page_of(self.a, b.id), f"机构：{self.label(b.id)}（附注）")
        for m in self.a.memos:   # a 记事 cites its sources as an event does: the document's page lists it
            if m.dashiji is not False and m.date is not None and m.text:
                for c in m.sources:
                    self.backlink(c.doc, _memo_page(m), f"记事：{m.date.happened()} {m.sentence[:24]}…")
        for f in self.figs:
            for c in f.sources:
                page = f"jigou/{f.body}.md" if f.body else "tongji/index.md"
                self.backlink(c.doc, page, f"编制：{self.label(f.scope, f.date)}{f.system + '系统' if f.system else ''}"
                                           f"（{f.date.chinese()}）")

    # ---- sections ----------------------------------------------------------------------------------------
    def chronology_pages(self) -> None:
        """The 大事记 (selected and grouped, as the book prints it), one per jurisdiction, and the 机构变动年表
        with every change, so that nothing is lost by selecting."""
        upper = self.a.book.upper if self.a.book else None
        self.add("dashiji/index.md", "大事记", "chronology.md.j2", entries=self.dashiji,
                 years=sections(self.dashiji, upper, self.form != "日期"),
                 scope=None, full=False, form=self.form)
        self.add(NIANBIAO, "机构变动年表", "chronology.md.j2", entries=self.lines, years=sections(self.lines, upper),
                 scope=None, full=True, form="年")
        for j in self.in_scope:
            entries = [e for e in self.dashiji if j.id in e.jurisdictions]
            self.add(f"dashiji/{j.id}.md", f"{self.label(j.id)}大事记", "chronology.md.j2", entries=entries,
                     years=sections(entries, upper, self.form != "日期"), scope=j, full=False, form=self.form,
                     place=lineage(self.a, self.h, j.id, [e for e in self.entries if j.id in e.jurisdictions]))

    def staffing_notes(self) -> dict[str, list]:
        """考异 items about staffing figures, by the body whose 编制 table shows them."""
        out: dict[str, list] = {}
        for it in kaoyi_items(self.a, self.h, self.entries):
            if not any(d.figures for d, _ in it.others):
                continue
            rec = it.entry.event if it.entry else None
            rid = it.body or (rec.body.id if rec and rec.body else
                              rec.after[0].id if rec and len(rec.after) == 1 else None)
            if rid:
                out.setdefault(rid, []).append(it)
        return out

    def body_pages(self) -> None:
        per = by_body(self.figs)
        notes = self.staffing_notes()
        by_event = entries_by_event(self.entries)
        groups: dict[str, list] = {}
        for t in sorted(self.h.timelines.values(), key=lambda t: (t.start.sort_key() if t.start else (), t.id)):
            if t.is_jurisdiction or t.start is None:
                continue
            lin = lineage(self.a, self.h, t.id, by_event)
            page = f"jigou/{t.id}.md"
            diagram = Markup(svg.lineage_svg(lin, self._linker(page)))
            fs = per.get(t.id, [])
            chart = None
            # only dates with an 编制 number: a date that states only 领导职数 (or 设置, 超编 …) is no point, not a 0
            plotted = [f for f in fs if f.staffing.posts and f.basis in ("approved", "actual")]
            if len(plotted) >= 2:
                labels = [f.date.iso() for f in plotted]
                chart = Markup(svg.bar_chart_svg("编制数（各类合计）", labels, [
                    ("核定", [f.staffing.total() if f.basis == "approved" else None for f in plotted], "#8b1a1a"),
                    ("实有", [f.staffing.total() if f.basis == "actual" else None for f in plotted], "#c9a227")]))
            first_j = t.jurisdictions[0].value if t.jurisdictions else None
            groups.setdefault(first_j or "", []).append(lin)
            self.tree.keys[url_of(page)] = names_with_jurisdiction(self.h, t.id)
            self.add(page, lin.name, "body.md.j2", lin=lin, body=self.a.bodies.get(t.id), diagram=diagram,
                     figs=fs, chart=chart, backlinks=self.backlinks.get(t.id, []), kinds=kinds_used(fs),
                     staffing_notes=notes.get(t.id, []), citation_of=dissent_source)
        self.add("jigou/index.md", "机构", "bodies.md.j2", groups=groups)

    def document_pages(self) -> None:
        docs = indexes.document_list(self.a)
        self.tree.years = issuer_years([d.normalised_number for d in docs if d.number])
        for d in docs:
            text = d.transcription.read_text(encoding="utf-8") if d.transcription else ""
            text = Markup(_demote_headings(escape_all(text)))
            self.tree.keys[url_of(f"wenjian/{d.id}.md")] = [n for n in dict.fromkeys(
                (d.number.strip(), d.normalised_number)) if n]
            self.add(f"wenjian/{d.id}.md", d.heading, "document.md.j2", d=d, transcription=text,
                     citation=citation_text(d), backlinks=self.backlinks.get(d.id, []))
        self.add("wenjian/index.md", "文件", "documents.md.j2", docs=docs, apart=indexes.told_apart(docs))

    def year_range(self) -> range:
        years = [e.date.year for e in self.entries]
        if not years:
            return range(0)
        first = max(min(years), self.upper or min(years))
        last = self.lower or max(years)
        return range(first, last + 1)

    def year_pages(self) -> None:
        years = list(self.year_range())
        member = members(self.h)
        lived = {rid: _years_alive(t) for rid, t in self.h.timelines.items()}
        figs_by_body = by_body(self.figs)
        by_year: dict[int, list[Entry]] = {}
        for e in self.lines:
            by_year.setdefault(e.date.year, []).append(e)
        for y in years:
            end = Date(Point(y, 12, 31))
            start = Date(Point(y, 1, 1))
            snaps = []
            for j in self.in_scope:
                t = self.h.get(j.id)
                if t is None or not t.alive_on(end):
                    continue
                # the 一览 of y-end and its difference from y-1's end look only at bodies that may exist on either
                # date (Timeline.alive_on): the others no table, difference or note of the year can name
                among = {rid for rid in member.get(j.id, ()) if lived[rid][0] <= y and lived[rid][1] >= y - 1}
                rows = snapshot(self.a, self.h, j.id, end, figs_by_body, among)
                if not rows and not t.known_alive_on(end):
                    continue   # a place set up “1953前” and no body of it certainly there: no table says it was
                diff = difference(self.h, j.id, Date(Point(y - 1, 12, 31)), end, among)
                # no table: NO_BODIES_CAME says of the year's new bodies that their existence then is not recorded
                said = set() if rows else {b for _how, ids in diff.came for b in ids}
                snaps.append((j, self.label(j.id, end), rows, diff,
                              fate_unknown_note(self.h, j.id, end, among, self.a, said)))
            # the places with nothing to print that year but NO_BODIES: named once, under one heading
            snaps, bare = said_once(snaps, lambda s: not s[2] and not s[4] and not (
                s[3].came or s[3].went or s[3].renamed or s[3].renamed_dated))
            entries = by_year.get(y, [])
            # 是年大事 only for a date the source puts in the year (1952年冬 included); one it dates “1949年后”,
            # over several years or a decade is listed apart with its date as given, never called an event of the year
            inside = [e for e in entries if e.date.named_year() == y]
            taken = {id(e) for e in inside}
            self.add(f"nianbiao/{y}.md", f"{y}年", "year.md.j2", year=y, snaps=snaps, entries=inside,
                     bare=[(s[0], s[1]) for s in bare], none_recorded=NONE_RECORDED,
                     apart=[e for e in entries if id(e) not in taken], start=start, end=end)
        self.add("nianbiao/index.md", "年表", "years.md.j2", years=years)

    def index_pages(self) -> None:
        self.add("suoyin/index.md", "机构名称索引", "index_bodies.md.j2",
                 groups=indexes.grouped(indexes.body_index(self.a, self.h)))
        self.add("suoyin/wenjian.md", "文件索引", "index_documents.md.j2", docs=indexes.document_index(self.a),
                 apart=indexes.told_apart(self.a.documents.values()))
        self.add("suoyin/renwu.md", "人名索引", "index_people.md.j2",
                 groups=indexes.grouped(indexes.person_index(self.a)))

    def stats_page(self) -> None:
        tables = []
        for t in jurisdiction_tables(self.a, self.h, self.figs, [j.id for j in self.in_scope],
                                     table_years(self.a, self.figs)):
            tables.append((t, Markup(staffing_chart(t) if t.rows else "")))
        self.add("tongji/index.md", "统计", "stats.md.j2", tables=tables)

    def people_page(self) -> None:
        people = sorted((p for p in self.a.people.values() if not p.unnamed), key=lambda p: indexes.pinyin_key(p.name))
        self.add("renwu/index.md", "人物", "people.md.j2", people=people, posts=posts_by_person(self.a))

    def status_page(self) -> None:
        from ..checks import run_checks
        from ..views.status import compile_status, years_as_ranges

        st = compile_status(self.a, self.h, run_checks(self.a, history=self.h))
        self.add("zhuangtai.md", "编纂进度", "status.md.j2", st=st,
                 empty={j: years_as_ranges(v) for j, v in st.empty_years.items()})

    def kaoyi_page(self) -> None:
        """考异表: every recorded disagreement, with links to where the fact is printed; in the internal edition
        also those still without a 考异, as work to do."""
        items = kaoyi_items(self.a, self.h, self.entries)
        for it in items:
            ev = it.entry.event if it.entry else None
            it.where = ((NIANBIAO + (f"#{ev.id}" if ev.id else "")) if ev else f"jigou/{it.body}.md" if it.body
                        else _memo_page(it.record) if isinstance(it.record, Memo)
                        else page_of(self.a, it.subject) if it.subject and page_of(self.a, it.subject)
                        else f"kaoyi.md#{it.anchor}")
        todo = [it for it in items if not it.note] if self.edition == "internal" else []
        self.add("kaoyi.md", "考异", "kaoyi.md.j2", items=items, todo=todo, edition=self.edition,
                 citation_of=dissent_source)

    def data_page(self) -> None:
        """数据下载: the edition's facts as CSV, .xlsx, JSON-LD and Popolo JSON, with the data dictionary."""
        from . import opendata

        ex = opendata.export(self.a, self.h, self.data_meta, self.entries, self.figs)
        self.tree.data.update(ex.files)
        sizes = {path.rsplit("/", 1)[-1]: _size(len(b)) for path, b in ex.files.items()}
        self.add("shuju/index.md", "数据下载", "data.md.j2", ex=ex, sizes=sizes, od=opendata,
                 prefix=opendata.DATA_DIR.removeprefix("shuju/"), event_types=list(EVENT_TYPES.items()))

    def home_page(self) -> None:
        self.add("index.md", self.title, "home.md.j2", book=self.a.book, counts={
            "机构": sum(1 for t in self.h.timelines.values() if not t.is_jurisdiction and t.start),
            "事件": len(self.entries), "文件": len(self.a.documents), "人物": len(self.a.people),
            # documents whose full text the site gives (never claimed for all: the 即墨 tester's had none)
            "全文": sum(1 for d in self.a.documents.values() if d.transcription and d.transcription.is_file())},
            scope=self.in_scope)


def _years_alive(t) -> tuple[float, float]:
    """The first and last year whose last day a period of the timeline's existence may cover (Span.covers): it may
    be alive on 31 December of a year y only when first <= y <= last (a start none gives: any year before; an end
    none gives: any year after); none when it has no period."""
    if not t.lives:
        return float("inf"), float("-inf")
    first = min(float("-inf") if life.start is None else life.start.earliest().year for life in t.lives)
    last = max(float("inf") if life.end is None else life.end.latest().year for life in t.lives)
    return first, last


def _memo_page(m: Memo) -> str:
    """Where the 大事记 prints an editor's 记事: its jurisdiction's 大事记, or the book's when it names none."""
    page = f"dashiji/{m.jurisdiction.id}.md" if m.jurisdiction else "dashiji/index.md"
    return page + (f"#{m.id}" if m.id else "")


def _bytecode_cache(folder: Path | None) -> jinja2.BytecodeCache | None:
    """The page templates compiled once and kept in ``folder`` (Jinja2 compiles a template anew when its source
    changed); none without a folder."""
    if folder is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


def _size(n: int) -> str:
    return f"{n / 1048576:.1f} MB" if n >= 1048576 else f"{max(1, round(n / 1024))} KB"


def _finalize(value):
    if isinstance(value, Markup) or value is None or isinstance(value, (int, float)):
        return "" if value is None else value
    return md_escape(value)


_IDENTIFIER = re.compile(r"[0-9A-Za-z_:.\-]*[A-Za-z][0-9A-Za-z_:.\-]*")


def codes(s: str) -> str:
    """Text for Markdown in which data identifiers (column names, type codes, a commit: Latin-script tokens) are
    shown as code, the way the open-data page names what is in the files, and the rest is escaped."""
    s, out, last = str(s), [], 0
    for m in _IDENTIFIER.finditer(s):
        out += [md_escape(s[last:m.start()]), f"`{m.group(0)}`"]
        last = m.end()
    return "".join(out) + md_escape(s[last:])


def _titled(nav, titles: dict[str, str]):
    """Every nav entry with its title: MkDocs then knows each page's title without reading the page, which
    its incremental (dirty) builds rely on for the previous/next links."""
    if isinstance(nav, str):
        return {titles.get(nav, nav): nav}
    if isinstance(nav, list):
        return [_titled(x, titles) for x in nav]
    if isinstance(nav, dict):
        return {k: (v if isinstance(v, str) else _titled(v, titles)) for k, v in nav.items()}
    return nav


def _demote_headings(md: str) -> str:
    return re.sub(r"^(#{1,5})(\s)", r"#\1\2", md, flags=re.MULTILINE)




__all__ = ["SiteWriter", "page_of", "rel"]
