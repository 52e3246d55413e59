"""``bidi-control``: a bidirectional control character (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) in
any file an editor types: the records, the full texts of documents, the chapters and the settings.

Such a character shows as nothing, yet reorders what a reader sees: "\u202e件密号未雀丝金\u202c" is stored reversed
and shows 金丝雀未号密件. The check and the leak scan read the stored order, so a secret title written that way passes
both; it is refused with the file, line and code point, and the editor is told to delete it."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

from ..findings import Finding, Loc
from ..history import History
from ..invisible import BIDI, BIDI_NAMES
from ..model import Archive
from ..project import skipped_part

TEXT_FILES = (".yaml", ".yml", ".md", ".markdown", ".txt")
# a character reference (&#x202E; &#8238; &rlm;): Markdown passes it to the page, where it is the character itself
ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


def typed_files(a: Archive) -> list[Path]:
    """Every text file an editor types that zhi reads: under sources/ and chronicle/ (drafts and hidden files
    left out, zhi never reads them), mkdocs.yml, and each document's full text wherever it lies in the project."""
    root = a.root
    out: dict[Path, None] = {}
    for top in ("sources", "chronicle"):
        base = root / top
        if base.is_dir():
            for p in sorted(base.rglob("*")):
                if p.suffix.lower() in TEXT_FILES and p.is_file() \
                        and not skipped_part(p.relative_to(base).as_posix()):
                    out[p] = None
    if (root / "mkdocs.yml").is_file():   # the site's settings an editor may change
        out[root / "mkdocs.yml"] = None
    for d in a.documents.values():
        t = getattr(d, "transcription", None)
        if t is not None and t.is_file():
            out[t] = None
    return list(out)


def check_bidi(a: Archive, h: History) -> Iterator[Finding]:
    for path in typed_files(a):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        markdown = path.suffix.lower() in (".md", ".markdown")   # where a character reference makes a character
        if not BIDI.search(text) and not (markdown and "&" in text and BIDI.search(html.unescape(text))):
            continue
        rel = path.relative_to(a.root).as_posix() if path.is_relative_to(a.root) else str(path)
        for n, line in enumerate(text.splitlines(), 1):
            found = list(dict.fromkeys(BIDI.findall(line)))
            written = ""
            if markdown and "&" in line:
                refs = [m.group(0) for m in ENTITY.finditer(line) if BIDI.fullmatch(html.unescape(m.group(0)))]
                found += [c for c in dict.fromkeys(html.unescape(r) for r in refs) if c not in found]
                written = f"（写作字符引用“{'”“'.join(dict.fromkeys(refs))}”，网页上就是这个字符）" if refs else ""
            if not found:
                continue
            names = "、".join(f"U+{ord(c):04X}（{BIDI_NAMES[c]}）" for c in found)
            yield Finding("bidi-control", "error",
                          f"这一行有看不见的双向文字控制符 {names}{written}：它会让这一行显示出来的文字顺序与文件里存的不同，"
                          f"zhi 的检查和保密检查读到的就不是读者看到的，因此不予生成。请删去这个字符"
                          f"（多半是从网页或 Word 里复制文字时带进来的；看不见时可以把这一行删掉重新打字）",
                          Loc(rel, n))



# a Han character (or a kana, a CJK punctuation mark) with a combining mark after it: 金\u0301, 雀\u20dd, 七\u3099
_CJK = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"


def check_combining(a: Archive, h: History) -> Iterator[Finding]:
    """``combining-mark``: a combining mark (U+0301, U+0489, U+20DD, U+3099 …; also written as a character
    reference, &#x301;) after a Chinese character, in any file an editor types. It shows over or around the character
    (金́丝雀), which a reader still reads; compared as stored, the name is not found. A Chinese 志 never needs one
    (a 注音 is written in brackets); refused with the file, line and code point."""
    from ..invisible import combining

    attached = re.compile(f"[{_CJK}]((?:{combining().pattern})+)")
    for path in typed_files(a):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if text.isascii() or not (attached.search(text) or ("&" in text and attached.search(html.unescape(text)))):
            continue
        rel = path.relative_to(a.root).as_posix() if path.is_relative_to(a.root) else str(path)
        for n, line in enumerate(text.splitlines(), 1):
            seen = [m.group(0) for m in attached.finditer(line)]
            marks = [c for x in seen for c in x[1:]]
            written = ""
            if "&" in line:
                refs = [m.group(0) for m in ENTITY.finditer(line)
                        if combining().fullmatch(html.unescape(m.group(0)))
                        and attached.search(html.unescape(line[max(0, m.start() - 1):m.end()]))]
                marks += [html.unescape(r) for r in refs]
                seen += [m.group(0) for m in attached.finditer(html.unescape(line))][:1]
                written = f"（写作字符引用“{'”“'.join(dict.fromkeys(refs))}”，网页上就是这个字符）" if refs else ""
            if not marks:
                continue
            names = "、".join(f"U+{ord(c):04X}" for c in dict.fromkeys(marks))
            yield Finding("combining-mark", "error",
                          f"这一行汉字后有组合附加符号 {names}{written}：它叠印在前一个字上（“{seen[0]}”），读者照样读出这个字，"
                          f"zhi 的检查和保密检查按存的文字比对却认不出这个名称，因此不予生成。中文志书用不着这类符号"
                          f"（注音请写在字后的括号里），请删去它（看不见时可以把这一行删掉重新打字）",
                          Loc(rel, n))
