"""What a line must not break inside, in the printed volume.

A date (1949年9月20日), a span of years (1989—2005, never a line starting "—2005"), a 文号 (临革〔1968〕1号) and a
figure with its unit (16名) are read as one word: broken across lines they read as two ("1949年9" / "月20日", a line starting "号）", "16" / "名"). So is a short table cell (规格 "正县级", stacked one character a
line when the table is tight). Each is wrapped in ``<span class="nw">`` (CSS ``white-space: nowrap``); the text
is untouched, so extraction and search read it as before.
"""

from __future__ import annotations

import re

DATE = r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日"
DOCNO = r"[\u4e00-\u9fff]{1,5}[〔(（\[【［]\d{2,4}[〕)）\]】］]第?\d+号?"
FIGURE = r"\d+(?:\.\d+)?(?:名|人|个|项|件|页|所|处|%)"   # a figure and its unit: "16名", never "16" / "名"
# a span of years in a title or a note (《舟山市志（1989—2005）》): a line must not begin with its dash
YEARS = r"\d{3,4}年?[—–]\d{3,4}年?"
UNBREAKABLE = re.compile(rf"(?:{DOCNO})|(?:{YEARS})|(?:{DATE})|(?:{FIGURE})")
SHORT_CELL = 6  # characters: a cell this short is never broken

# 标点挤压: of two full-width marks in a row, a closing one (or a stop) is set half-width ("halt"), so "），" or
# "。”" does not leave a full em of blank between the marks
CLOSING = "）》」』】〕〉”’，。、；：！？"
OPENING = "（《「『【〔〈“‘"
_SQUEEZE = re.compile(rf"([{CLOSING}])(?=[{CLOSING}{OPENING}])")

# a middle dot (《哈尔滨市志·劳动志》, 市劳动局·一、…) never begins a line (避头): the line breaker (Pango) may break
# before U+00B7 after a Chinese character, so a WORD JOINER (U+2060: invisible, not extracted from the PDF) binds it
# to the character before it, as a note call is bound (notecalls)
WJ = "\u2060"
_MIDDLE_DOT = re.compile(r"(?<=[^\s\u2060])·")

_MARKUP = re.compile(r"(<svg\b.*?</svg>|<style\b.*?</style>|<[^>]+>)", re.DOTALL)
_CELL = re.compile(r"<(t[dh])\b([^>]*)>((?:(?!</t[dh]>).)*)</\1>", re.DOTALL)


def _nw(text: str) -> str:
    return f'<span class="nw">{text}</span>'


def _last_two(content: str) -> str:
    """A longer cell's last two characters bound together, so that its last line never holds one character alone
    ("城关镇人民政" / "府"): the line breaks one character earlier instead. Left alone when they are already kept
    (a date or 文号 ends the cell) or markup falls between them."""
    parts = _MARKUP.split(content)
    for i in range(len(parts) - 1, -1, -2):
        text = parts[i].rstrip()
        if not text:
            continue
        if len(text) < 2 or (i + 1 < len(parts) and parts[i + 1].startswith("</span>") and i > 0
                             and parts[i - 1] in ('<span class="nw">', '<span class="halt">')):
            return content
        parts[i] = text[:-2] + _nw(text[-2:]) + parts[i][len(text):]
        return "".join(parts)
    return content


def keep_together(html: str) -> str:
    """Dates and 文号 in the text, and short table cells, wrapped so that no line breaks inside them; a middle dot
    bound to the character before it; the first of two adjacent full-width punctuation marks squeezed to half width."""
    parts = _MARKUP.split(html)
    for i in range(0, len(parts), 2):
        parts[i] = _MIDDLE_DOT.sub(WJ + "·", _SQUEEZE.sub(r'<span class="halt">\1</span>',
                                                         UNBREAKABLE.sub(lambda m: _nw(m.group(0)), parts[i])))
    html = "".join(parts)

    def cell(m: re.Match) -> str:
        plain = re.sub(r"<[^>]+>", "", m.group(3)).strip()
        if not plain or m.group(3).lstrip().startswith('<span class="nw">' + plain):
            return m.group(0)
        if len(plain) > SHORT_CELL:
            return f"<{m.group(1)}{m.group(2)}>{_last_two(m.group(3))}</{m.group(1)}>"
        return f"<{m.group(1)}{m.group(2)}>{_nw(m.group(3))}</{m.group(1)}>"

    return _CELL.sub(cell, html)
