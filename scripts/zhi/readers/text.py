"""Reading a text file (.txt, .md, .html): its encoding, and what is refused as unreadable."""

from __future__ import annotations

import re
from pathlib import Path


class ImportError_(Exception):
    """A file that cannot be imported; the message is Chinese and says why (and what to do)."""


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xef\xbb\xbf", "utf-8-sig"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _decode(data: bytes) -> str:
    """Text by its byte-order mark (Notepad's “Unicode” is UTF-16 LE with one), else UTF-8, UTF-16 without a mark
    (when it reads as written text), GB 18030 or Big5 (the first that reads as written text)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    try:
        utf8 = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        utf8 = None
    if utf8 is not None and not _CONTROL.search(utf8) and (utf8.isascii() or _written(utf8) >= 0.95):
        return utf8
    utf16 = _utf16(data)
    if utf16 is not None:
        return utf16
    if utf8 is not None:
        return utf8
    # GB 18030 reads most bytes as something: Big5 read so gives private-use characters and rare ones
    readings = []
    for enc in ("gb18030", "big5"):
        try:
            readings.append(data.decode(enc))
        except UnicodeDecodeError:
            continue
    for text in readings:
        if _written(text) >= 0.9:
            return text
    return readings[0] if readings else data.decode("utf-8", errors="replace")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _common(c: str) -> bool:
    """A character of everyday Chinese text: ASCII, or one GB 2312 or Big5 has."""
    if " " <= c <= "~":
        return True
    for enc in ("gb2312", "big5"):
        try:
            c.encode(enc)
            return True
        except UnicodeEncodeError:
            continue
    return False


def _written(text: str) -> float:
    """The share of everyday characters among the first ones of a text (UTF-16 read in the wrong byte order, or
    GB 18030 and Big5 read as UTF-16, give rare characters, Hangul and private-use ones)."""
    chars = [c for c in text[:20000] if not c.isspace()]
    return sum(1 for c in chars if _common(c)) / len(chars) if chars else 0.0


def _utf16(data: bytes) -> str | None:
    """The text of UTF-16 without a byte-order mark, when one byte order reads as written text (nine in ten of its
    characters everyday ones) better than the other; when both read equally well, replacement characters (refused
    as unreadable)."""
    if len(data) % 2 or len(data) < 4:
        return None
    found = []
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        share = _written(text)
        if share >= 0.9:
            found.append((share, text))
    found.sort(key=lambda x: -x[0])
    if len(found) > 1 and found[0][0] == found[1][0]:
        return "\ufffd" * (len(data) // 2)
    return found[0][1] if found else None


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
    imported. (Read once for the several readers of one import: the last file read is kept.)"""
    data = path.read_bytes()
    if _last[0] != data:
        text = _decode(data)
        _last[:] = [data, None if _garbled(text) else text.replace("\x00", "")]
    if _last[1] is None:
        raise ImportError_(f"文件“{path.name}”的文字编码无法识别（读出的多是乱码或控制字符），未导入；"
                           f"请用记事本或 WPS 打开它，另存为“UTF-8”编码的文本后再导入")
    return _last[1]


_last: list = [None, None]   # the bytes of the last text file read, and its text (None: refused)


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

