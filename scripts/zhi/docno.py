"""发文字号 (document numbers): parse as written, normalise for lookup.

The standard form is issuer code, the year in 六角括号 and the serial number
without leading zeros, then 号: ``冀编办〔2019〕12号``. Old originals were
printed with ( ) （ ） [ ] 【 】 or two-digit years; these are read, kept as
written, and normalised so that a lookup finds them whichever way they are typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN = "〔(（[【［"
_CLOSE = "〕)）]】］"
_PATTERN = re.compile(
    rf"^\s*(?P<code>[^\s{re.escape(_OPEN)}]+?)\s*[{re.escape(_OPEN)}]\s*(?P<year>\d{{2}}|\d{{4}})\s*"
    rf"[{re.escape(_CLOSE)}]\s*(?:第\s*)?(?P<num>\d+)\s*(?P<hao>号)?\s*$"
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
    code, year_s, num_s = m.group("code"), m.group("year"), m.group("num")
    problems: list[str] = []
    if not _CODE_OK.match(code):
        problems.append(f"机关代字“{code}”含有汉字和字母以外的符号")
    brackets = re.findall(rf"[{re.escape(_OPEN + _CLOSE)}]", text)
    if brackets != ["〔", "〕"]:
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
    if "第" in text:
        problems.append("序号前不加“第”字")
    if re.search(r"\s", text.strip()):
        problems.append("文号中不应有空格")
    return DocNumber(text, code, year, int(num_s), tuple(problems))


def normalise_docno(text: str, century_hint: int | None = None) -> str:
    """The lookup form of a 文号; unparseable text is returned trimmed, unchanged."""
    d = parse_docno(text, century_hint)
    return d.normalised if d else (text or "").strip()


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
