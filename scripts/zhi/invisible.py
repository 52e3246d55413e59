"""Characters an editor cannot see: removed before zhi reads a mark, named in every message that quotes editor text.

An editor shown "::: 秘密" rejected cannot tell that the space is a no-break space pasted from Word; the message
must say so ("::: 秘密" → “:::〔不换行空格 U+00A0〕秘密”) and say what to do about it.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

# characters that show as nothing (Unicode's default-ignorable code points, the Hangul and braille blanks):
# they must never hide a mark or a secret from zhi's eyes
INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                       "\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
                       "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")


@functools.cache
def combining() -> re.Pattern:
    """A combining mark (Unicode categories Mn, Me: U+0301, U+20DD, U+3099 …): it shows over or around the
    character before it, which a reader still reads (金\u0301丝雀 reads 金丝雀). Never a part of Chinese
    text (a 注音 is written in brackets); the leak scan reads text without them (``leaks.fold``), the check refuses
    one typed after a Han character (``checks.hidden``)."""
    ranges, start, prev = [], None, None
    # (the blocks of ideographs, Hangul syllables, private use and planes 3-13 hold none: skipped, quicker)
    for c in itertools.chain(range(0x3400), range(0xA000, 0xAC00), range(0xD7A4, 0xE000), range(0xF900, 0x20000),
                             range(0xE0000, 0xE1000)):
        if unicodedata.category(chr(c)) in ("Mn", "Me"):
            if start is None or c != prev + 1:
                if start is not None:
                    ranges.append((start, prev))
                start = c
            prev = c
    if start is not None:
        ranges.append((start, prev))

    def cls(rs):
        return "[" + "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in rs) + "]"

    # one class for the marks of the BMP, which re tests with a bitmap (quick), and one for those beyond it, which
    # re tests range by range (slow: a tenth of a second per megabyte of Chinese), only where a character beyond
    # the BMP stands: the same characters, in a twelfth of the time over a page
    bmp, astral = [r for r in ranges if r[1] < 0x10000], [r for r in ranges if r[1] >= 0x10000]
    return re.compile(cls(bmp) + (f"|[\\U00010000-\\U0010ffff](?<={cls(astral)})" if astral else ""))


def visible(text: str) -> str:
    """The text without the characters that show as nothing."""
    return INVISIBLE.sub("", text)


def bare(line: str) -> str:
    """A line as a reader sees it: NFKC (full-width forms folded), invisible characters removed, stripped."""
    return unicodedata.normalize("NFKC", visible(line)).strip()


# the bidirectional controls: they show as nothing, yet make a line show its characters in another order than the
# file holds them ("\u202e件密号未\u202c" reads 未号密件 on the page); refused wherever an editor types text
# (``checks.hidden``), for nothing zhi reads (the check, the leak scan) could see what a reader sees
BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
BIDI_NAMES = {
    "\u061c": "阿拉伯字母标记", "\u200e": "从左到右标记", "\u200f": "从右到左标记", "\u202a": "从左到右嵌入",
    "\u202b": "从右到左嵌入", "\u202c": "结束嵌入或覆盖", "\u202d": "从左到右覆盖", "\u202e": "从右到左覆盖",
    "\u2066": "从左到右隔离", "\u2067": "从右到左隔离", "\u2068": "按首字方向隔离", "\u2069": "结束隔离",
}

# characters an editor cannot see, or cannot tell from an ordinary space, named the way an editor would look them up
_NAMED = {
    "\u00a0": "不换行空格", "\u00ad": "软连字符", "\u200b": "零宽空格", "\u200c": "零宽不连字",
    "\u200d": "零宽连字", "\u200e": "从左到右标记", "\u200f": "从右到左标记", "\u2028": "换行符",
    "\u2029": "分段符", "\u202f": "窄不换行空格", "\u2060": "零宽不换行", "\ufeff": "字节顺序标记 BOM",
    "\u3000": "全角空格",
}
_ODD_SPACE = "\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f"
# shown in every message; in a key, a level or a marker (strict) the ideographic space and the full-width forms
# of ASCII also matter: "：：： 秘密" and "秘　密" look right and are not
_HIDDEN = re.compile(f"(?:[{_ODD_SPACE}]|{INVISIBLE.pattern})")
_HIDDEN_STRICT = re.compile(f"(?:[{_ODD_SPACE}\u3000]|{INVISIBLE.pattern})")
# the full-width forms that break a key, an id or a marker (full-width brackets and commas are ordinary Chinese)
_FULLWIDTH = re.compile("[\uff10-\uff1a\uff21-\uff3a\uff3f\uff41-\uff5a\uff0d\uff0e]+")
_MARK = re.compile("〔(?:[^〔〕]* U\\+[0-9A-F]{4,6}[^〔〕]*|全角 [^〔〕]+)〕")
ADVICE_HIDDEN = "〔〕中标出的是编辑器里看不见或与普通空格分不清的字符，请删去，该有空格处改打一个普通的半角空格"
ADVICE_FULLWIDTH = "〔全角 …〕中是全角字符，请改为半角，如“：”改为“:”"


def _name(c: str) -> str:
    if c in _NAMED:
        return _NAMED[c]
    return "特殊空格" if re.match(f"[{_ODD_SPACE}]", c) else "看不见的字符"


def shown(text: str, strict: bool = False) -> str:
    """Editor text with what cannot be seen named: "秘\u200b密" → "秘〔零宽空格 U+200B〕密". A run of the same
    character is named once with its count. ``strict`` (keys, levels, markers) also names the ideographic space
    and the full-width forms of ASCII ("〔全角 ：：：〕")."""
    hidden = _HIDDEN_STRICT if strict else _HIDDEN
    wide = f"|{_FULLWIDTH.pattern}" if strict else ""

    def name(m: re.Match) -> str:
        run = m.group(0)
        c = run[0]
        if _FULLWIDTH.match(c):
            return f"〔全角 {run}〕"
        times = f" ×{len(run)}" if len(run) > 1 else ""
        return f"〔{_name(c)} U+{ord(c):04X}{times}〕"

    return re.sub(f"((?:{hidden.pattern}))\\1*{wide}", name, text)


def quote(text: str, strict: bool = False) -> str:
    """Editor text in Chinese quotation marks, what cannot be seen named (see ``shown``)."""
    return f"“{shown(text, strict)}”"


def with_advice(message: str) -> str:
    """The message with invisible characters named, and told what to do about what is named (once)."""
    message = shown(message)
    marks = _MARK.findall(message)
    if not marks:
        return message
    advice = []
    if any("U+" in m for m in marks) and ADVICE_HIDDEN not in message:
        advice.append(ADVICE_HIDDEN)
    if any(m.startswith("〔全角 ") for m in marks) and ADVICE_FULLWIDTH not in message:
        advice.append(ADVICE_FULLWIDTH)
    return message + (f"（{'；'.join(advice)}）" if advice else "")
