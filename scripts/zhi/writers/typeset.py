"""Typeset the volume with WeasyPrint: lay out, read the anchors' pages, fill in TOC and index numbers,
lay out again, check the Chinese line rules on the rendered lines, merge the chunks, set metadata."""

from __future__ import annotations

import io
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from weasyprint import HTML
from weasyprint.formatting_structure import boxes

from .book import BookWriter, to_roman

# GB/T 15834 避头尾: these never start a line …
NO_START = set("。，、；：？！）》」』】〕〗〉”’…—%‰·")
# … and these never end one
NO_END = set("（《「『【〔〖〈“‘")


@dataclass
class LineIssue:
    page: str
    line: str
    problem: str


@dataclass
class TypesetResult:
    pdf: Path
    pages: int
    front_pages: int
    body_pages: int
    toc: list[tuple[int, str, str]]           # level, title, page label
    index_pages: dict[str, list[str]]
    line_issues: list[LineIssue] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def _anchor_pages(doc) -> dict[str, int]:
    out = {}
    for i, page in enumerate(doc.pages):
        for name in page.anchors:
            out.setdefault(name, i)
    return out


def _line_texts(box):
    if isinstance(box, boxes.LineBox):
        parts = []
        for child in box.descendants():
            if isinstance(child, boxes.TextBox):
                parts.append(child.text)
        yield "".join(parts)
        return
    for child in getattr(box, "children", []) or []:
        yield from _line_texts(child)


def check_lines(doc, label) -> list[LineIssue]:
    issues = []
    for i, page in enumerate(doc.pages):
        # a line of one character is a whole table cell or figure label ("—" for no figure), not broken text
        lines = [t for t in _line_texts(page._page_box) if len(t.strip()) > 1]
        for j, text in enumerate(lines):
            s = text.strip()
            if s[0] in NO_START and not s.startswith(("——", "……")):
                issues.append(LineIssue(label(i), s[:30], f"行首出现“{s[0]}”"))
            if s[-1] in NO_END:
                issues.append(LineIssue(label(i), s[-30:], f"行末出现“{s[-1]}”"))
            if s.endswith("—") and not s.endswith("——") and j + 1 < len(lines) and lines[j + 1].strip().startswith("—"):
                issues.append(LineIssue(label(i), s[-30:], "破折号“——”被拆在两行"))
            if s.endswith("…") and not s.endswith("……") and j + 1 < len(lines) and lines[j + 1].strip().startswith("…"):
                issues.append(LineIssue(label(i), s[-30:], "省略号“……”被拆在两行"))
    return issues


def _render(html: str, base: Path):
    return HTML(string=html, base_url=str(base)).render()


def typeset(writer: BookWriter, out_pdf: Path, base: Path, metadata: dict[str, str]) -> TypesetResult:
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    t = {}
    t0 = time.perf_counter()

    # body, first pass: where does every heading and mention fall?
    parts = writer.parts(None)
    body = _render(writer.document("body", parts.body), base)
    pages = _anchor_pages(body)
    t["body pass 1"] = time.perf_counter() - t0

    # fill in the index numbers and lay out again, until the numbers no longer move the pages they name
    # (they only can through material after the index, such as the 编后记)
    labels = _index_labels(parts.mentions, pages)
    t1 = time.perf_counter()
    for _ in range(3):
        parts = writer.parts(labels)
        body = _render(writer.document("body", parts.body), base)
        pages2 = _anchor_pages(body)
        new_labels = _index_labels(parts.mentions, pages2)
        if new_labels == labels:
            break
        labels = new_labels
    else:
        raise RuntimeError("索引页码经三遍排版仍未稳定，请报告此问题")
    t["body pass 2"] = time.perf_counter() - t1

    # front matter with the table of contents (its own pages numbered in roman)
    t2 = time.perf_counter()
    toc = [(h.level, h.title, str(pages2[h.anchor] + 1)) for h in parts.headings if h.anchor in pages2]
    front_toc = [(h.level, h.title, "000") for h in parts.front_headings]
    front = _render(writer.document("front", parts.front, _toc(front_toc + toc)), base)
    fpages = _anchor_pages(front)
    front_toc = [(h.level, h.title, to_roman(fpages[h.anchor] + 1)) for h in parts.front_headings if h.anchor in fpages]
    front = _render(writer.document("front", parts.front, _toc(front_toc + toc)), base)
    if len(front.pages) % 2:  # the body's page 1 must be a right-hand page
        front = _render(writer.document("front", parts.front, _toc(front_toc + toc), pad=True), base)
    t["front"] = time.perf_counter() - t2

    issues = check_lines(front, lambda i: to_roman(i + 1)) + check_lines(body, lambda i: str(i + 1))

    # write both chunks and merge them
    t3 = time.perf_counter()
    merged = _merge([front.write_pdf(), body.write_pdf()], metadata)
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    out_pdf.write_bytes(merged)
    t["write+merge"] = time.perf_counter() - t3
    t["total"] = time.perf_counter() - t0
    return TypesetResult(out_pdf, len(front.pages) + len(body.pages), len(front.pages), len(body.pages),
                         front_toc + toc, labels, issues, t)


def _index_labels(mentions: dict[str, tuple[str, str]], pages: dict[str, int]) -> dict[str, list[str]]:
    index_pages: dict[str, set[int]] = {}
    for anchor, (rid, text) in mentions.items():
        if anchor in pages:
            n = pages[anchor] + 1
            index_pages.setdefault(rid, set()).add(n)
            index_pages.setdefault(f"{rid}|{text}", set()).add(n)
    return {k: [str(n) for n in sorted(v)] for k, v in index_pages.items()}


def _toc(rows):
    from types import SimpleNamespace

    return [SimpleNamespace(level=lv, title=title, page=page) for lv, title, page in rows]


def _merge(chunks: list[bytes], metadata: dict[str, str]) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter()
    for data in chunks:
        writer.append(io.BytesIO(data), import_outline=True)
    writer.add_metadata({f"/{k}": v for k, v in metadata.items()})
    writer._root_object[NameObject("/Lang")] = TextStringObject("zh-CN")
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
