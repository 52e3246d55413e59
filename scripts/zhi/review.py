"""Review comments back: the Word comments and tracked changes of a reviewed DOCX (zhi build --docx, marked up
by a reviewer), each placed at the chapter file and line it belongs to.

Pandoc reads the DOCX (``--track-changes=all``): comments become spans ``comment-start`` / ``comment-end``,
changes spans ``insertion`` / ``deletion``, each with its author and date. Every one is then looked for in the
chapters as the editor wrote them, with references shown as the names they print as (the same text the search
index holds): within the chapter whose title is the nearest heading above it, the line sharing the longest run of
characters with the text around it. A mark that matches nothing well is listed with its heading and text only,
never placed on a guessed line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

MIN_MATCH = 6  # characters in common before a mark is placed on a line


@dataclass
class Mark:
    kind: str          # 批注, 插入, 删除
    author: str
    date: str
    text: str          # the comment, or the inserted / deleted text
    anchor: str        # the text it is attached to (comment) or the original text before it (change)
    heading: str       # the nearest heading above it in the DOCX
    file: str = ""
    line: int = 0


def _text(inlines: list, original: bool = True, stop_at: int | None = None) -> str:
    """Plain text of inlines; ``original``: deletions in, insertions and comment bodies out."""
    out = []
    for i, x in enumerate(inlines):
        if stop_at is not None and i >= stop_at:
            break
        t = x.get("t")
        if t == "Str":
            out.append(x["c"])
        elif t in ("Space", "SoftBreak", "LineBreak"):
            out.append(" " if t == "Space" else "")
        elif t == "Span":
            (_id, classes, _attrs), content = x["c"]
            if "comment-start" in classes or ("insertion" in classes and original) or \
                    ("deletion" in classes and not original):
                continue
            out.append(_text(content, original))
        elif t in ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"):
            out.append(_text(x["c"], original))
        elif t in ("Quoted",):
            out.append("“" + _text(x["c"][1], original) + "”")
        elif t == "Link":
            out.append(_text(x["c"][1], original))
        elif t == "Code":
            out.append(x["c"][1])
    return "".join(out)


class Unsafe(ValueError):
    """A part of the DOCX declares a DTD or entities; it is not read at all (Chinese message)."""


def _refuse_dtd(path: Path) -> None:
    """Refuse a DOCX any of whose XML parts has a DOCTYPE or ENTITY declaration (Word never writes one; an entity can
    pull in a file of this computer or blow up in memory): the reader is told the file was not read, not that it has
    no comments."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                if not info.filename.lower().endswith((".xml", ".rels")):
                    continue
                with z.open(info) as f:
                    data = f.read(4 << 20)
                if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
                    data = data.decode("utf-16", "replace").encode("utf-8")
                if re.search(rb"<!\s*(?:DOCTYPE|ENTITY)", data.replace(b"\x00", b""), re.IGNORECASE):
                    what = "批注" if "comment" in info.filename.lower() else "文档"
                    raise Unsafe(f"其中的{what}部分（{info.filename}）含有 DTD 或实体声明（<!DOCTYPE、<!ENTITY），Word 不会这样写，"
                                 f"为安全起见整份文件未读取，并不是没有批注；请用 Word 或 WPS 打开后另存为新的 .docx 再试")
    except zipfile.BadZipFile as e:
        raise ValueError("不是完好的 .docx（zip）文件；请用 Word 或 WPS 打开后另存为 .docx 再试") from e


def recorded_edition(path: Path) -> str | None:
    """The edition ``zhi build --docx`` wrote into the DOCX as its custom property ``zhi-edition`` (Word and WPS keep
    custom properties when a reviewer saves), or None when the DOCX has none (made by an older zhi, or not by zhi).
    A DOCX with a DTD is refused first (Unsafe)."""
    import zipfile
    from xml.etree import ElementTree

    from .writers.docx import EDITION_PROPERTY

    _refuse_dtd(path)
    with zipfile.ZipFile(path) as z:
        try:
            data = z.read("docProps/custom.xml")
        except KeyError:
            return None
    try:
        props = ElementTree.fromstring(data)
    except ElementTree.ParseError as e:
        raise ValueError("其中的自定义属性部分（docProps/custom.xml）已损坏；请用 Word 或 WPS 打开后另存为新的 .docx 再试") from e
    for prop in props:
        if prop.get("name") == EDITION_PROPERTY:
            return "".join(prop.itertext()).strip()
    return None


def read_marks(path: Path) -> list[Mark]:
    """Every comment and tracked change of the DOCX, in document order; a DOCX with a DTD is refused (Unsafe)."""
    import pypandoc

    from .writers.docx import _pandoc_env

    _refuse_dtd(path)
    _pandoc_env()
    doc = json.loads(pypandoc.convert_file(str(path), "json", format="docx", extra_args=["--track-changes=all"]))
    marks: list[Mark] = []
    heading = ""

    def attrs(span) -> dict:
        return dict(span["c"][0][2])

    def inlines_of(block) -> list[list]:
        t, c = block.get("t"), block.get("c")
        if t in ("Para", "Plain"):
            return [c]
        if t == "Header":
            return [c[2]]
        if t in ("BulletList", "OrderedList"):
            items = c if t == "BulletList" else c[1]
            return [x for item in items for b in item for x in inlines_of(b)]
        if t in ("BlockQuote", "Div"):
            return [x for b in (c if t == "BlockQuote" else c[1]) for x in inlines_of(b)]
        if t == "Table":  # cells of head and body rows, each a list of blocks
            found: list[list] = []

            def walk(v):
                if isinstance(v, dict) and v.get("t") in ("Para", "Plain"):
                    found.append(v["c"])
                elif isinstance(v, dict):
                    walk(v.get("c"))
                elif isinstance(v, list):
                    for w in v:
                        walk(w)
            walk(c)
            return found
        return []

    def scan(inl: list) -> None:
        first = len(marks)
        open_comments: dict[str, tuple[Mark, int]] = {}
        for i, x in enumerate(inl):
            if x.get("t") != "Span":
                if x.get("t") in ("Emph", "Strong", "Underline"):
                    scan(x["c"])
                continue
            (_id, classes, _a), content = x["c"]
            a = attrs(x)
            before = _text(inl, True, stop_at=i)[-16:]
            if "comment-start" in classes:
                m = Mark("批注", a.get("author", ""), a.get("date", "")[:10], _text(content, True), "", heading)
                open_comments[a.get("id", "")] = (m, i)
                marks.append(m)
            elif "comment-end" in classes:
                m, start = open_comments.pop(a.get("id", ""), (None, 0))
                if m is not None:
                    m.anchor = _text(inl[start + 1:i], True)
            elif "insertion" in classes:
                marks.append(Mark("插入", a.get("author", ""), a.get("date", "")[:10], _text(content, False),
                                  before + _text(inl[i + 1:], True)[:8], heading))
            elif "deletion" in classes:
                marks.append(Mark("删除", a.get("author", ""), a.get("date", "")[:10], _text(content, True),
                                  before + _text(content, True), heading))
        whole = _text(inl, True)
        for m in marks[first:]:  # a comment on no text, or without an end: anchored to its paragraph
            if m.kind == "批注" and not m.anchor.strip():
                m.anchor = whole

    for block in doc.get("blocks", []):
        if block.get("t") == "Header":
            heading = _text(block["c"][2], True).strip()
        for inl in inlines_of(block):
            scan(inl)
    return marks


def _squeeze(s: str) -> str:
    return re.sub(r"[\s\u3000]+", "", s)


def place_marks(marks: list[Mark], archive, edition: str = "public") -> list[Mark]:
    """Set each mark's chapter file and line (see the module docstring), among the chapters of ``edition`` only
    (the edition the DOCX was built for): a chapter or passage that edition does not print is never a mark's place,
    so a reviewer's note is never pointed into (nor tells of) a classified chapter."""
    from .editions import filter_archive
    from .search_index import collect

    archive = filter_archive(archive, edition)
    chapters = archive.book.chapters() if archive.book is not None else []
    by_title = {_squeeze(ch.title): ch.path for ch in chapters if ch.title}
    lines: dict[str, list[tuple[int, str]]] = {}
    for e in collect(archive):
        if e.kind == "chapter":
            lines.setdefault(e.file, []).extend((e.line + i, _squeeze(t)) for i, t in enumerate(e.content.splitlines()))
    current = ""
    last_heading = None
    for m in marks:
        if m.heading != last_heading:
            last_heading = m.heading
            current = by_title.get(_squeeze(m.heading), current)
        anchor = _squeeze(m.anchor)
        if not anchor:
            continue
        files = [current] if current in lines else list(lines)
        best = (0, "", 0)
        for f in files:
            for n, text in lines[f]:
                size = SequenceMatcher(None, anchor, text, autojunk=False).find_longest_match().size
                if size > best[0]:
                    best = (size, f, n)
        if best[0] >= min(MIN_MATCH, len(anchor)):
            m.file, m.line = best[1], best[2]
    return marks


def register(subparsers) -> None:
    import argparse

    p = subparsers.add_parser("review", prog="zhi review", help="读出审读稿（Word）中的批注和修订，对应到正文的文件和行",
                              description="读出审读人在 Word 稿（zhi build --docx 生成的 zhi.docx）中加的批注和修订（插入、删除），\n"
                                          "逐条列出它属于哪一章的文件、哪一行（文件:行号），便于在正文中改。\n\n"
                                          "例：zhi review 审读稿-张.docx")
    p.add_argument("docx", metavar="审读稿", help="审读后的 .docx 文件")
    p.add_argument("--edition", choices=["public", "internal"], default=None,
                   help="审读稿是哪个版本生成的（与 zhi build --edition 相同）；只对应到这个版本的正文。"
                        "zhi build --docx 生成的审读稿自己记着版本，不用写；写了而与审读稿所记不符，不予读取。"
                        "没有记版本的（旧版 zhi 生成的）按 public")
    p.add_argument("--root", metavar="目录", help=argparse.SUPPRESS, default=argparse.SUPPRESS)
    p.set_defaults(func=run)


def run(args) -> int:
    import sys

    from .editions import EDITION_ZH
    from .loader import load_archive
    from .project import root_from_args

    root = root_from_args(args)
    path = Path(args.docx)
    if path.suffix.lower() != ".docx" or not path.is_file():
        print(f"zhi review：“{path}”不是 .docx 文件（WPS、Word 中“另存为 Word 文档（*.docx）”）", file=sys.stderr)
        return 2
    given = getattr(args, "edition", None)
    try:
        recorded = recorded_edition(path)
        if recorded is not None and recorded not in EDITION_ZH:
            print(f"zhi review：“{path.name}”记录的版本“{recorded[:20]}”无法识别（应为 public 或 internal），未读取；"
                  f"请用 zhi build --docx 重新生成审读稿，或用 --edition 写明它是哪个版本生成的", file=sys.stderr)
            return 2
        if recorded is not None and given is not None and given != recorded:
            print(f"zhi review：“{path.name}”是{EDITION_ZH[recorded]}（{recorded}）生成的审读稿（文件中记有版本），"
                  f"与 --edition {given}（{EDITION_ZH[given]}）不符，未读取；请去掉 --edition，"
                  f"或改为 --edition {recorded}", file=sys.stderr)
            return 2
        edition = recorded or given or "public"
        marks = place_marks(read_marks(path), load_archive(root), edition)
    except Unsafe as e:
        print(f"zhi review：“{path.name}”未能读取：{e}", file=sys.stderr)
        return 1
    except (RuntimeError, OSError, ValueError) as e:
        print(f"zhi review：读不了“{path}”（{e}）", file=sys.stderr)
        return 1
    if not marks:
        print(f"“{path.name}”中没有批注，也没有修订")
        return 0
    counts = {k: sum(1 for m in marks if m.kind == k) for k in ("批注", "插入", "删除")}
    print(f"“{path.name}”：批注 {counts['批注']} 条，修订 {counts['插入'] + counts['删除']} 处"
          f"（插入 {counts['插入']}、删除 {counts['删除']}）；按{EDITION_ZH[edition]}的正文对应"
          f"（{'审读稿中记录的版本' if recorded else '--edition 所写' if given else '审读稿没有记录版本，默认公开版'}）")
    for m in marks:
        where = f"{m.file}:{m.line}" if m.file else f"（未能对应到正文的行；在“{m.heading or '开头'}”下）"
        who = "，".join(x for x in (m.author, m.date) if x)
        what = f"{m.kind}（{who}）：{m.text}" if m.kind == "批注" else f"修订·{m.kind}（{who}）：“{m.text}”"
        print(f"{where}　{what}")
        if m.anchor.strip():
            print(f"    {'所指' if m.kind == '批注' else '位置'}：“{m.anchor.strip()[:60]}”")
    unplaced = sum(1 for m in marks if not m.file)
    if unplaced:
        hint = ("" if recorded or edition == "internal" else
                f"或不是{EDITION_ZH[edition]}正文中的文字：审读稿是内部版生成的，请加 --edition internal")
        print(f"\n有 {unplaced} 条未能对应到正文的行（可能是大事记、一览表等由档案生成的部分，请在档案记录中改"
              f"{'；' + hint if hint else ''}）")
    return 0
