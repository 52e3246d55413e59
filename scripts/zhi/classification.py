"""Classification levels (密级) and how an extract inherits the highest of its sources."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .invisible import quote

LEVELS = ("公开", "内部", "秘密", "机密", "绝密")
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
            f"密级{quote(str(value), True)}无法识别；可写：{'、'.join(LEVELS)}，国家秘密可带保密期限，如“秘密★10年”")
    if m.group(2) and _RANK[m.group(1)] < _RANK["秘密"]:
        raise ClassificationError(f"“{m.group(1)}”不是国家秘密密级，不能带保密期限“★{m.group(2)}”")
    return Level(m.group(1), m.group(2) or "")


def highest(levels) -> Level:
    best = PUBLIC
    for lv in levels:
        if lv.rank > best.rank:
            best = lv
    return best
