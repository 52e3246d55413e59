"""发文字号 (document numbers): parse as written, normalise for lookup.

The standard form is issuer code, the year in 六角括号 and the serial number
without leading zeros, then 号: ``冀编办〔2019〕12号``. Old originals were
printed with ( ) （ ） [ ] 【 】 or two-digit years; these are read, kept as
written, and normalised so that a lookup finds them whichever way they are typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .dates import Date

_OPEN = "〔(（[【［"
_CLOSE = "〕)）]】］"
# the year in brackets (〔1999〕, also 〔1999年〕), or without brackets, with 年 (X委发1999年777号): old originals
# and hurried typists write both; read, and named as departures from the standard form
_PATTERN = re.compile(
    rf"^\s*(?P<code>[^\s{re.escape(_OPEN)}]+?)\s*(?:[{re.escape(_OPEN)}]\s*(?P<year>\d{{2}}|\d{{4}})\s*(?P<nian>年)?\s*"
    rf"[{re.escape(_CLOSE)}]|(?P<bare>\d{{4}})\s*(?P<nian2>年))\s*(?:第\s*)?(?P<num>\d+)\s*(?P<hao>号)?\s*$"
)
_CODE_OK = re.compile(r"^[\u4e00-\u9fffA-Za-z]+$")


@dataclass(frozen=True)
class DocNumber:
    written: str
    code: str
    year: int
    number: int
    problems: tuple[str, ...]  # departures from the standard form, in Chinese

    @property
    def normalised(self) -> str:
        return f"{self.code}〔{self.year}〕{self.number}号"

    @property
    def well_formed(self) -> bool:
        return not self.problems


def parse_docno(text: str, century_hint: int | None = None) -> DocNumber | None:
    """Parse a 文号; None when it has no recognisable code〔year〕number shape.

    ``century_hint`` (the document's year) completes a two-digit year.
    """
    m = _PATTERN.match(text or "")
    if not m:
        return None
    year_at = "year" if m.group("year") else "bare"
    code, year_s, num_s = m.group("code"), m.group(year_at), m.group("num")
    problems: list[str] = []
    if not _CODE_OK.match(code):
        problems.append(f"机关代字“{code}”含有汉字和字母以外的符号")
    brackets = re.findall(rf"[{re.escape(_OPEN + _CLOSE)}]", text)
    if not brackets:
        problems.append(f"年份应写在六角括号〔〕中，不加“年”字（{year_s}年 → 〔{year_s}〕）")
    elif m.group("nian"):
        problems.append(f"六角括号中只写年份，不加“年”字（〔{year_s}年〕 → 〔{year_s}〕）")
    if brackets and brackets != ["〔", "〕"]:
        problems.append(f"年份应使用六角括号〔〕，原文为“{''.join(brackets)}”")
    year = int(year_s)
    if len(year_s) == 2:
        if century_hint:
            base = century_hint - century_hint % 100
            year = base + year
            if year > century_hint + 1:
                year -= 100
        else:
            year = 1900 + year
        problems.append(f"年份应写全四位（{year_s} → {year}）")
    if num_s != str(int(num_s)):
        problems.append(f"序号不加虚位 0（{num_s} → {int(num_s)}）")
    if not m.group("hao"):
        problems.append("序号后缺“号”字")
    if "第" in text[m.end(year_at):]:   # before the serial (〔1998〕第11号), not a 第 of the words before it
        problems.append("序号前不加“第”字")
    if re.search(r"\s", text.strip()):
        problems.append("文号中不应有空格")
    return DocNumber(text, code, year, int(num_s), tuple(problems))


def normalise_docno(text: str, century_hint: int | None = None) -> str:
    """The lookup form of a 文号; unparseable text is returned trimmed, unchanged."""
    d = parse_docno(text, century_hint)
    return d.normalised if d else (text or "").strip()


def printed_docno(text: str, date: Date | None) -> str | None:
    """The standard form of the 文号 ``text`` (``临府(49)第1号`` → ``临府〔1949〕1号``) when it can be read
    without guessing, else None (the volume then prints it as written).

    A four-digit year is read as it stands. A two-digit year is read only from the document's own date: the
    one year ending in those digits among the years the date can mean and the year either side; with no
    date, or a date too vague to choose, it is left as written. So is a 文号 whose shape or issuer code zhi cannot read.
    """
    m = _PATTERN.match(text or "")
    if not m or not _CODE_OK.match(m.group("code")):
        return None
    d = parse_docno(text)
    if d is None:
        return None
    yy = m.group("year")
    if len(yy) == 2:
        if date is None:
            return None
        first, last = date.earliest().year - 1, date.latest().year + 1
        years = [y for y in range(first, last + 1) if y % 100 == int(yy)] if last - first < 200 else []
        if len(years) != 1:
            return None
        d = DocNumber(d.written, d.code, years[0], d.number, d.problems)
    return d.normalised


# a 文号 inside running text: code, year in any bracket, serial, 号 (the code may take in a few characters before it)
DOCNO_IN_TEXT = re.compile(
    rf"[\u4e00-\u9fffA-Za-z]{{1,12}}\s*[{re.escape(_OPEN)}]\s*\d{{2,4}}\s*[{re.escape(_CLOSE)}]\s*(?:第\s*)?\d+\s*号"
)


def docnos_in(text: str) -> list[tuple[str, str]]:
    """Every 文号 written in ``text``: (as written, normalised)."""
    out = []
    for m in DOCNO_IN_TEXT.finditer(text or ""):
        d = parse_docno(m.group(0))
        if d is not None:
            out.append((m.group(0), d.normalised))
    return out


# Chinese numerals as old documents write a 文号's year and serial: 〔五六〕, 〔一九五六〕, 七号, 十七号, 一百零五号
CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL = "0-9" + "".join(CN_DIGITS) + "".join(CN_UNITS)


# a month or a day in Chinese numerals: one digit, or tens written with 十 (十二, 二十, 三十一); 元 is the first
_DATE_PART = re.compile(r"[〇零○一二两三四五六七八九]|[一二两三四五六七八九]?十[〇零○一二两三四五六七八九]?")


def cn_int(s: str, *, date_part: bool = False) -> int | None:
    """The value of a number written in arabic digits or Chinese numerals: 五六 → 56 and 一九五六 → 1956 (read
    digit by digit, as years are), 七 → 7, 十七 → 17, 二十 → 20, 一百零五 → 105. None when it is not a number.

    With ``date_part`` the number is a month or a day as dates write them: 元 is 1 (元月, 元日), and a numeral
    read digit by digit (一二) or with more than one 十 is no month or day (None)."""
    if not s:
        return None
    if s.isdecimal():
        return int(s)
    if date_part:
        if s == "元":
            return 1
        if not _DATE_PART.fullmatch(s):
            return None
    if all(c in CN_DIGITS or (c.isascii() and c.isdigit()) for c in s):
        return int("".join(str(CN_DIGITS.get(c, c)) for c in s))
    total, digit = 0, None
    for c in s:
        if c in "〇零○":
            continue      # 一百零五: the zero only marks an empty place
        if c in CN_DIGITS:
            if digit is not None:
                return None   # 二三十: two digits before a unit
            digit = CN_DIGITS[c]
        elif c in CN_UNITS:
            total += (1 if digit is None else digit) * CN_UNITS[c]
            digit = None
        else:
            return None
    return total + (digit or 0)
