"""Reading a text file (.txt, .md, .html): its encoding, and what is refused as unreadable."""

from __future__ import annotations

import re
from pathlib import Path


class ImportError_(Exception):
    """A file that cannot be imported; the message is Chinese and says why (and what to do)."""


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xef\xbb\xbf", "utf-8-sig"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _decode(data: bytes) -> str:
    """Text by its byte-order mark (Notepad's “Unicode” is UTF-16 LE with one), else UTF-8, GB 18030 or Big5."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    for enc in ("utf-8-sig", "gb18030", "big5"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _garbled(text: str) -> bool:
    """Text that decoded to nothing sensible: replacement characters, control characters (a NUL is what UTF-16
    read as bytes leaves), unassigned code points or halves of surrogate pairs among its characters."""
    import unicodedata

    chars = [c for c in text if not c.isspace()]
    if not chars:
        return False
    bad = sum(1 for c in chars if c == "\ufffd" or unicodedata.category(c) in ("Cc", "Cs", "Cn"))
    return bad > 2 and bad * 50 > len(chars) or bad * 10 > len(chars)


def read_text(path: Path) -> str:
    """A text file's content (.txt, .md, .html), decoded by its byte-order mark or as UTF-8, GB 18030 or Big5.
    Raises ImportError_ for one that decodes to nothing sensible: its marks could not be read, so it is never
    imported."""
    text = _decode(path.read_bytes())
    if _garbled(text):
        raise ImportError_(f"文件“{path.name}”的文字编码无法识别（读出的多是乱码或控制字符），未导入；"
                           f"请用记事本或 WPS 打开它，另存为“UTF-8”编码的文本后再导入")
    return text.replace("\x00", "")


def _txt_paragraphs(text: str) -> str:
    """Plain text: each line is a paragraph (its layout spaces dropped); runs of |…| lines stay a table."""
    out: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        ln = raw.replace("\u3000", " ").strip()
        if not ln:
            continue
        if ln.startswith("|") and out and out[-1].startswith("|"):
            out[-1] += "\n" + ln
        else:
            out.append(ln)
    return "\n\n".join(out) + "\n"



def _yaml_char(c: str) -> bool:
    """Characters YAML accepts in a scalar (no control characters, no line or paragraph separators)."""
    o = ord(c)
    return (c in "\t\n" or 0x20 <= o <= 0x7E or (0xA0 <= o <= 0xD7FF and c not in "\u2028\u2029")
            or 0xE000 <= o <= 0xFFFD or o >= 0x10000)



def _clean_markdown(md: str) -> str:
    """No raw markup in a transcription (zhi check refuses it): autolinks become links, any other '<' is escaped."""
    md = "".join(c if _yaml_char(c) else " " for c in md)
    md = re.sub(r"<((?:https?|ftp|mailto):[^<>\s]+)>", r"[\1](\1)", md)
    md = re.sub(r"<(?=\s*[/A-Za-z!?])", "&lt;", md)
    lines = [ln.rstrip() for ln in md.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    text = "\n".join(lines).strip("\n")
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text + "\n" if text else ""

