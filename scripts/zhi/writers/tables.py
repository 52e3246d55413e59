"""Generated tables that editors embed in prose with a directive, as Markdown for every writer."""

from __future__ import annotations

from collections.abc import Callable

from ..chronicle import Directive
from ..dates import Date
from ..history import History
from ..model import BASIS_ZH, Archive
from ..plaintext import md_cell
from ..views.chronology import Entry, Mention
from ..views.naming import label_on
from ..views.snapshot import NO_BODIES, fate_unknown_note, snapshot
from ..views.staffing import Figure, dash, figure_note, kind_label, kinds_used

Link = Callable[[str, str], str]  # (record id, text) → Markdown link or text


class Tables:
    def __init__(self, a: Archive, h: History, entries: list[Entry], figs: list[Figure]):
        self.a, self.h, self.entries, self.figs = a, h, entries, figs

    def render(self, d: Directive, link: Link) -> str:
        if d.problem:
            return ""
        return {"snapshot": self.snapshot, "staffing": self.staffing, "chronology": self.chronology,
                "units": self.units, "remarks": self.remarks}[d.kind](d, link)

    def snapshot(self, d: Directive, link: Link) -> str:
        if d.target not in self.a.jurisdictions or d.date is None:
            return ""
        rows = snapshot(self.a, self.h, d.target, d.date, self.figs)
        out = [f"**{md_cell(label_on(self.h, d.target, d.date))}机构设置一览（{d.date.chinese()}）**", ""]
        out += ["| 机构 | 类别 | 规格 | 上级 | 核定编制 | 设立 | 依据 |", "| --- | --- | --- | --- | ---: | --- | --- |"] \
            if rows else [NO_BODIES]
        for r in rows:
            out.append(f"| {link(r.body, r.name)}{md_cell(r.note)} | {md_cell(r.kind)} | {md_cell(r.rank)} | {md_cell(r.parent_name)} | "
                       f"{r.approved_text()} | "
                       f"{r.established_text()} | {md_cell('；'.join(r.authority))} |")
        # each body the note names is a mention (linked on the site, indexed in the book), as the rows' names are
        note = fate_unknown_note(self.h, d.target, d.date, a=self.a, name=link, text=md_cell)
        if note:
            out += ["", note]
        return "\n".join(out)

    def staffing(self, d: Directive, link: Link) -> str:
        from ..views.naming import name_over

        figs = [f for f in self.figs if f.scope == d.target]
        if not figs:
            return ""
        kinds = kinds_used(figs)
        # a column per category some figure gives, none when the figures are head-counts only (实有人数4人): an empty
        # header cell and its empty delimiter (“|  |”) made the whole table print as lines of bars
        out = [f"**{md_cell(name_over(self.h, d.target, figs[0].date, figs[-1].date))}编制沿革**", "",
               "| " + " | ".join(["日期", "口径", *(kind_label(k) for k in kinds), "领导职数", "说明"]) + " |",
               "| " + " | ".join(["---", "---", *("---:" for _ in kinds), "---", "---"]) + " |"]
        for f in figs:
            leaders = "、".join(f"{k}{v}" for k, v in f.staffing.leaders.items())
            cells = [f.date.chinese(), BASIS_ZH.get(f.basis, f.basis), *(dash(f.staffing.posts.get(k)) for k in kinds),
                     leaders, md_cell(figure_note(f))]
            out.append("| " + " | ".join(cells) + " |")
        return "\n".join(out)

    def units(self, d: Directive, link: Link) -> str:
        """A body's 内设机构 with their changes (合并、更名, start and end), as its page on the site gives them: the
        book's 机构沿革 section carries what the site does."""
        from ..views.lineage import unit_rows

        b = self.a.bodies.get(d.target or "")
        t = self.h.get(d.target or "")
        if b is None or t is None or not b.units:
            return ""
        out = [f"**{link(b.id, md_cell(label_on(self.h, b.id)))}内设机构**", ""]
        for u in unit_rows(b.units, t):
            out.append(f"- {md_cell(u.head())}{u.tail()}{md_cell(u.said())}")
        return "\n".join(out)

    def remarks(self, d: Directive, link: Link) -> str:
        """A body's 附注 (``remarks``) as its page gives them, each sentence with its sources as references
        (``[[doc-id]]``), which the prose turns into footnotes: the book carries what the site's page does. The
        edition's archive holds only the 附注 it may print, each with the sources it holds (editions._sourced)."""
        b = self.a.bodies.get(d.target or "")
        if b is None or not b.remarks:
            return ""
        out = [f"**{link(b.id, md_cell(label_on(self.h, b.id)))}附注**", ""]
        for r in b.remarks:
            cites = "".join(f"[[{doc}]]" for doc in dict.fromkeys(c.doc for c in r.sources if c.doc in self.a.documents))
            out.append(f"- {md_cell(r.text.rstrip('。. '))}{cites}。")
        return "\n".join(out)

    def chronology(self, d: Directive, link: Link) -> str:
        entries = self.entries
        if d.target:
            entries = [e for e in entries if d.target in e.jurisdictions]
        if d.date is not None:
            lo = d.date.start
            hi = d.date.end or d.date.start
            entries = [e for e in entries if _within(e.date, lo, hi)]
        lines = []
        for e in entries:
            text = "".join(link(s.id, s.text) if isinstance(s, Mention) else md_cell(s) for s in e.segments)
            lines.append(f"- **{e.date.happened()}**　{text}")
        return "\n".join(lines)


def _within(d: Date, lo, hi) -> bool:
    return lo.first_day() <= d.start.first_day() and d.start.last_day() <= hi.last_day()
