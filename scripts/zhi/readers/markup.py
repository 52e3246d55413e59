"""HTML, Markdown and text files: the text pandoc leaves out of the transcription (comments, styles and scripts,
front matter, <title> and <meta>)."""

from __future__ import annotations

import re
from pathlib import Path

from ..levelwords import KEYS
from .text import read_text

SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")


_COMMENT = re.compile(r"<!--(.*?)(?:--!?>|\Z)", re.DOTALL)
# a Markdown link reference definition no link uses, the usual way to write a comment in Markdown: “[//]: # (……)”
_REF_COMMENT = re.compile(r"^ {0,3}\[(?!\^)[^\]]*\]:[ \t]*(.*)$", re.MULTILINE)


def hidden_text(path: Path) -> str:
    """Text the file holds but the transcription leaves out, and no reader of the page sees: comments (``<!-- … -->``
    in HTML, Markdown and text, “[//]: # (……)” in Markdown). A mark such as
    ``<!-- 秘密★10年 -->`` is a mark all the same: ``extract`` reads every line of it as one."""
    import html

    text = read_text(path)
    out = [html.unescape(c) for c in _COMMENT.findall(text)]
    if path.suffix.lower() not in (".html", ".htm"):
        # “[//]: # (秘密★10年)”, “[c]: <> "秘密★10年"”: the words in the brackets or quotes
        out += [re.sub(r"""^(?:<>|\S+)?\s*[("'](.*)[)"']\s*$""", r"\1", v)
                for v in _REF_COMMENT.findall(_COMMENT.sub("", text))]
    # the words of an SVG or page given as a data: address (an image, an object): drawn, never in the transcription
    out += [ln for kind, t in _data_texts(text) if kind != "text/css" for ln in _html_lines(t, False)]
    return "\n".join(x for x in out if x.strip())


_CODE = re.compile(r"<(style|script)\b[^>]*>(.*?)(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_CODE_ESCAPE = re.compile(r"\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})|\\([0-9a-fA-F]{1,6})\s?")
_CODE_STRING = re.compile(r""""([^"\n]*)"|'([^'\n]*)'|`([^`]*)`""")


def code_text(path: Path) -> str:
    """What the ``<style>`` and ``<script>`` of an HTML page (or of raw HTML in Markdown or text) hold: a mark can be
    drawn by them (``h1::before{content:"秘密★10年"}``) though the text pandoc reads has none. CSS and JavaScript
    escapes (``\\79D8``, ``\\u79D8``) and character references are read as the characters they stand for."""
    import html

    def char(m: re.Match) -> str:
        code = int(next(g for g in m.groups() if g is not None), 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"

    text = read_text(path)
    code = [html.unescape(m.group(2)) for m in _CODE.finditer(text)]
    code += [t for kind, t in _data_texts(text) if kind == "text/css"]   # a style sheet given as a data: address
    return "\n".join(_CODE_ESCAPE.sub(char, c) for c in code)



# what draws on a page when it is shown, which zhi cannot run or lay out: a script (or an on… handler, a javascript:
# address), a CSS ``content:`` of a non-empty value, a data: address, an object, embed, frame or canvas
_SCRIPT = re.compile(r"<script\b", re.IGNORECASE)
_HANDLER = re.compile(r"<[a-zA-Z][^>]*?\son[a-zA-Z]+\s*=", re.DOTALL)
_JS_URL = re.compile(r"javascript\s*:", re.IGNORECASE)
_EMBED = re.compile(r"<(object|embed|iframe|canvas)\b", re.IGNORECASE)
_STYLE_ATTR = re.compile(r"""\bstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_CONTENT = re.compile(r"""(?<![\w-])content\s*:\s*(?!\s*(?:none|normal|""|''|initial|inherit|unset)\s*[;}!]|\s*[;}])""",
                      re.IGNORECASE)
_DATA_URI = re.compile(r"""data:([\w.+-]*/[\w.+-]*)?((?:;[\w.+-]+=[^;,\s"')]*)*)(;base64)?,([^\s"')>\]]*)""",
                       re.IGNORECASE)


def _data_texts(text: str) -> list[tuple[str, str]]:
    """The (type, text) of every data: address in the text whose content is text (SVG, CSS, HTML, plain text)."""
    import base64
    import binascii
    from urllib.parse import unquote_to_bytes

    out = []
    for m in _DATA_URI.finditer(text):
        kind = (m.group(1) or "text/plain").lower()
        if not (kind.startswith("text/") or kind.endswith(("+xml", "/xml"))):
            continue
        try:
            raw = base64.b64decode(unquote_to_bytes(m.group(4)) + b"==", validate=False) if m.group(3) \
                else unquote_to_bytes(m.group(4))
        except (binascii.Error, ValueError):
            continue
        out.append((kind, raw.decode("utf-8", errors="replace")))
    return out


def drawn(path: Path) -> list[str]:
    """What in an HTML page (or the raw HTML of Markdown or text) may draw words when it is shown that zhi cannot see:
    each named in Chinese. A mark drawn so is never read; the importer holds the record at 绝密, 待核."""
    import html

    text = _COMMENT.sub("", read_text(path))
    css = [m.group(2) for m in _CODE.finditer(text) if m.group(1).lower() == "style"]
    css += [html.unescape("".join(m.groups(""))) for m in _STYLE_ATTR.finditer(text)]
    css += [t for kind, t in _data_texts(text) if kind == "text/css"]
    found = [("脚本（<script>）", bool(_SCRIPT.search(text))),
             ("事件属性（on…=）", bool(_HANDLER.search(text))),
             ("javascript: 地址", bool(_JS_URL.search(text))),
             ("CSS 的 content 生成文字", any(_CONTENT.search(c) for c in css)),
             ("data: 内嵌内容", bool(_DATA_URI.search(text)))]
    found += [(f"<{t}> 嵌入对象", True) for t in dict.fromkeys(m.group(1).lower() for m in _EMBED.finditer(text))]
    return [what for what, there in found if there]


_FRONT_OPEN = re.compile(r"^\s*(?:-{3,}|\+{3,})\s*$")
_LEVEL_KEY = re.compile(rf"^\s*[\"']?(?:{KEYS})[\"']?\s*[:：=＝]\s*(.*)$", re.IGNORECASE)   # levelwords.KEYS


def package_text(path: Path) -> str:
    """The metadata pandoc keeps out of the Markdown it writes; a level given there is read like a mark on the page
    (``classification: 秘密`` reads as 密级：秘密; a value not understood makes the record 绝密, 待核)."""
    suffix = path.suffix.lower()
    text = read_text(path).removeprefix("\ufeff")
    out: list[str] = []
    if suffix in (".html", ".htm"):
        for m in re.finditer(r"<title[^>]*>(.*?)</title>|<meta\b[^>]*\bcontent\s*=\s*[\"']([^\"']*)[\"']", text,
                             re.IGNORECASE | re.DOTALL):
            out.append(re.sub(r"<[^>]*>", " ", m.group(1) or m.group(2) or "").strip())
        return "\n".join(x for x in out if x)
    lines = text.splitlines()
    start = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if start is None or not _FRONT_OPEN.match(lines[start]):
        return ""
    for ln in lines[start + 1:]:
        if _FRONT_OPEN.match(ln) or ln.strip() == "...":
            break
        m = _LEVEL_KEY.match(ln)
        out.append(f"密级：{m.group(1).strip().strip(chr(34) + chr(39))}" if m else ln.strip())
    return "\n".join(x for x in out if x)




# attributes whose values are words a page holds (alt text, titles, labels, data) rather than names of styles,
# addresses or sizes: read even when they are Latin. A value with any character beyond ASCII is read whatever
# its attribute (a class named “秘密” says so too)
_WORDS_ATTR = re.compile(r"alt|title|aria-.*|data-.*|content|value|placeholder|label|summary|abbr|srcdoc|"
                         r"descr|string|caption|text|legend|name|val", re.IGNORECASE)
# inline elements: their text runs on in the line; any other tag ends one
_INLINE = {"a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
           "kbd", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
           "time", "tt", "u", "var", "wbr"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source",
         "track", "wbr"}
# Markdown's attributes, which pandoc reads and the transcription leaves out: {title="秘密" .cls #id}
_MD_ATTRS = re.compile(r"\{([^{}\n]*)\}")
_MD_VALUE = re.compile(r"""=\s*(?:"([^"]*)"|'([^']*)'|([^\s}]+))""")


def words_of_attribute(name: str, value: str) -> bool:
    """Whether an attribute's value is read as words the file holds."""
    return bool(value.strip()) and (not value.isascii() or bool(_WORDS_ATTR.fullmatch(name.split(":")[-1])))


def _html_lines(text: str, inside_only: bool) -> list[str]:
    """Every line of words an HTML text holds, its styles' and scripts' aside: the text of every element (one
    line per block), the value of every attribute holding words, the text of a frame's own page (srcdoc).
    ``inside_only``: Markdown or plain text, whose own lines are the transcription; only the raw HTML in it."""
    from html.parser import HTMLParser

    lines: list[str] = []

    class Reader(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.depth, self.code, self.buf = 0, False, []

        def flush(self) -> None:
            lines.extend("".join(self.buf).splitlines())
            self.buf = []

        def handle_starttag(self, tag, attrs):
            if tag not in _INLINE:
                self.flush()
            self.code = tag in ("script", "style")
            for name, value in attrs:
                if value and words_of_attribute(name, value):
                    lines.extend(_html_lines(value, False) if name.lower() == "srcdoc" else value.splitlines())
            if tag not in _VOID:
                self.depth += 1

        def handle_startendtag(self, tag, attrs):
            self.handle_starttag(tag, attrs)
            if tag not in _VOID:
                self.depth -= 1

        def handle_endtag(self, tag):
            if tag not in _INLINE:
                self.flush()
            self.code = False
            self.depth = max(0, self.depth - 1)

        def handle_data(self, data):
            if not self.code and (self.depth or not inside_only):
                self.buf.append(data)

    r = Reader()
    r.feed(text)
    r.close()
    r.flush()
    return [ln.strip() for ln in lines if ln.strip()]


def all_text(path: Path) -> str:
    """Every line of words the file holds (elements, attributes, Markdown's {attributes} and lines), whether or not the
    transcription shows it: the importer reads those it does not show as hidden text."""
    text = read_text(path)
    html_page = path.suffix.lower() in (".html", ".htm")
    lines = _html_lines(_COMMENT.sub("", text), not html_page)
    if not html_page:
        for block in _MD_ATTRS.findall(text):
            lines += ["".join(v) for v in _MD_VALUE.findall(block)]
        # the Markdown's own lines: pandoc drops some (a footnote no mark refers to, a YAML block in the text); less
        # what is read above (comments, link references, {attributes})
        lines += _MD_ATTRS.sub("", _REF_COMMENT.sub("", _COMMENT.sub("", text))).splitlines()
    return "\n".join(lines)
