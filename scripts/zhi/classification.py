"""Classification levels (密级) and how an extract inherits the highest of its sources."""

from __future__ import annotations

import re
from dataclasses import dataclass

LEVELS = ("公开", "内部", "秘密", "机密", "绝密")
# characters that show as nothing (Unicode's default-ignorable code points, the Hangul and braille blanks):
# they must never hide a mark or a secret from zhi's eyes
INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                       "\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
                       "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")


def visible(text: str) -> str:
    """The text without the characters that show as nothing."""
    return INVISIBLE.sub("", text)
_RANK = {name: i for i, name in enumerate(LEVELS)}
_MARK = re.compile(r"^\s*(公开|内部|秘密|机密|绝密)\s*(?:★\s*(.+?))?\s*$")


class ClassificationError(ValueError):
    pass


@dataclass(frozen=True)
class Level:
    name: str = "公开"
    term: str = ""  # 保密期限 as written after ★, e.g. 10年

    @property
    def rank(self) -> int:
        return _RANK[self.name]

    def __lt__(self, other: Level) -> bool:
        return self.rank < other.rank

    def __le__(self, other: Level) -> bool:
        return self.rank <= other.rank

    @property
    def is_state_secret(self) -> bool:
        return self.rank >= _RANK["秘密"]

    def __str__(self) -> str:
        return f"{self.name}★{self.term}" if self.term else self.name


PUBLIC = Level("公开")


def parse_level(value: object) -> Level:
    if value is None or value == "":
        return PUBLIC
    m = _MARK.match(str(value))
    if not m:
        raise ClassificationError(
            f"密级“{value}”无法识别；可写：{'、'.join(LEVELS)}，国家秘密可带保密期限，如“秘密★10年”")
    if m.group(2) and _RANK[m.group(1)] < _RANK["秘密"]:
        raise ClassificationError(f"“{m.group(1)}”不是国家秘密密级，不能带保密期限“★{m.group(2)}”")
    return Level(m.group(1), m.group(2) or "")


def highest(levels) -> Level:
    best = PUBLIC
    for lv in levels:
        if lv.rank > best.rank:
            best = lv
    return best
