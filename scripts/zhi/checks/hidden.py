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

