"""No note is ever lost: the notes of every chapter are counted in the source and in each output.

The source's notes are the document references (``[[doc-…]]``) that the edition keeps, in order, with their
lines. The book writer records the anchor of every note it prints, by chapter (the 大事记's 考异 notes under
“大事记”); the PDF holds a note when its anchor was laid out on a page, the DOCX when pandoc made it a Word
footnote (its bookmark is inside ``word/footnotes.xml`` and the note is referenced from the text); the site's
chapter page holds as many note calls (``fnref``) as the chapter has references. Any shortfall stops the build
with the chapter, the line and the note named.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .chronicle import DIRECTIVE_RE, REF_RE
from .model import Archive
from .writers.prose import citation_text


@dataclass
class SourceNote:
    line: int        # line in the chapter's file
    doc: str
    text: str        # as printed: 《标题》（文号）


@dataclass
class ChapterNotes:
    path: str
    title: str
    notes: list[SourceNote] = field(default_factory=list)


def source_notes(a: Archive) -> list[ChapterNotes]:
    """Every chapter's notes as its text gives them (the archive is the edition's: withheld sources are gone)."""
    out = []
    if a.book is None:
        return out
    for ch in a.book.chapters():
        cn = ChapterNotes(ch.path, ch.title)
        for i, line in enumerate(ch.body.splitlines()):
            if DIRECTIVE_RE.match(line):
                continue
            for m in REF_RE.finditer(line):
                doc = a.documents.get(m.group(1).strip())
                if doc is not None:
                    cn.notes.append(SourceNote(ch.body_line + i, doc.id, citation_text(doc)))
        out.append(cn)
    return out


def site_page(path: str) -> str:
    """The site's HTML file of a chapter (``chronicle/p3/c3.md`` → ``zhi/p3/c3/index.html``)."""
    rel = "zhi/" + path.removeprefix("chronicle/")
    return rel[: -len("index.md")] + "index.html" if rel.endswith("index.md") else rel[:-3] + "/index.html"


_FNREF = re.compile(r'<sup id="fnref\d*:')


def site_counts(site: Path, chapters: list[ChapterNotes]) -> dict[str, int]:
    out = {}
    for cn in chapters:
        f = site / site_page(cn.path)
        out[cn.path] = len(_FNREF.findall(f.read_text(encoding="utf-8"))) if f.is_file() else 0
    return out


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_note_anchors(docx: Path) -> set[str]:
    """The anchors of the notes that are real Word footnotes, referenced from the text."""
    import xml.etree.ElementTree as ET

    with zipfile.ZipFile(docx) as z:
        notes = ET.fromstring(z.read("word/footnotes.xml"))
        body = ET.fromstring(z.read("word/document.xml"))
    referenced = {r.get(_W + "id") for r in body.iter(_W + "footnoteReference")}
    found = set()
    for fn in notes.iter(_W + "footnote"):
        if fn.get(_W + "id") not in referenced:
            continue
        for b in fn.iter(_W + "bookmarkStart"):
            found.add(b.get(_W + "name"))
    return found


def lost_notes(chapters: list[ChapterNotes], printed: dict[str, list[str]], present: set[str] | None,
               output: str) -> list[str]:
    """Messages, in Chinese, for each note of a chapter that ``output`` does not hold.

    ``printed`` gives, per chapter path, the anchors of the notes the writer printed (in order); ``present``
    the anchors the output holds (None: the writer's own count only is compared with the source).
    """
    problems = []
    by_path = {cn.path: cn for cn in chapters}
    for path, anchors in printed.items():
        cn = by_path.get(path)
        title = cn.title if cn else path
        src = cn.notes if cn else []
        if cn is not None and len(anchors) < len(src):
            n = len(anchors)
            note = src[n]
            problems.append(f"{path}:{note.line}: 《{title}》原稿有 {len(src)} 条注，{output}只有 {n} 条；"
                            f"自第 {n + 1} 条注“{note.text}”起未印出")
        if present is None:
            continue
        for k, anchor in enumerate(anchors):
            if anchor not in present:
                where = f"{path}:{src[k].line}" if k < len(src) else path
                text = src[k].text if k < len(src) else ""
                problems.append(f"{where}: 《{title}》的第 {k + 1} 条注{('“' + text + '”') if text else ''}"
                                f"在{output}中没有印出")
    return problems


def site_problems(chapters: list[ChapterNotes], counts: dict[str, int]) -> list[str]:
    problems = []
    for cn in chapters:
        n = counts.get(cn.path, 0)
        if n < len(cn.notes):
            note = cn.notes[n]
            problems.append(f"{cn.path}:{note.line}: 《{cn.title}》原稿有 {len(cn.notes)} 条注，网站页面只有 {n} 条；"
                            f"自第 {n + 1} 条注“{note.text}”起缺失")
    return problems


STOP = "已停止生成，原有输出保持不变。这是排版程序的问题，不是稿件的错误；请把这段消息交给开发者，不要为绕过它改动原稿："
