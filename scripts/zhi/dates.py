"""Partial and uncertain dates, as archives give them.

A date may be a year, a year and month, or a full day; it may be circa, before,
after, or a range. Every date has one total order for sorting that follows the
大事记 rule: an entry without a day goes at the end of its month, one without a
month at the end of its year (是年). A range sorts at its start; a circa, before
or after date at its anchor, after the exact entries of the same point.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass

QUALIFIERS = ("exact", "circa", "before", "after")
_QUAL_RANK = {q: i for i, q in enumerate(QUALIFIERS)}


class DateError(ValueError):
    """A date that cannot be read; the message is Chinese and says how to write it."""


@dataclass(frozen=True, order=False)
class Point:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def first_day(self) -> _dt.date:
        return _dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> _dt.date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return _dt.date(self.year, month, day)

    def sort_tuple(self) -> tuple[int, int, int]:
        # 99 sorts a missing part after every real value: end of month / end of year.
        return (self.year, self.month or 99, self.day or 99)

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def chinese(self) -> str:
        s = f"{self.year}年"
        if self.month:
            s += f"{self.month}月"
        if self.day:
            s += f"{self.day}日"
        return s


@dataclass(frozen=True)
class Date:
    """A possibly partial, possibly uncertain date.

    ``start`` is the anchor; ``end`` is set only for a range.
    """

    start: Point
    qualifier: str = "exact"
    end: Point | None = None
    text: str = ""

    # ---- ordering -------------------------------------------------------
    def sort_key(self) -> tuple:
        return (self.start.sort_tuple(), _QUAL_RANK[self.qualifier],
                self.end.sort_tuple() if self.end else (0, 0, 0))

    def __lt__(self, other: Date) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: Date) -> bool:
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: Date) -> bool:
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: Date) -> bool:
        return self.sort_key() >= other.sort_key()

    # ---- interval semantics ---------------------------------------------
    def earliest(self) -> _dt.date:
        """First calendar day this date can mean."""
        if self.qualifier == "before":
            return _dt.date(1, 1, 1)
        if self.qualifier == "after":
            return self.start.last_day() + _dt.timedelta(days=1) if self.start.last_day() < _dt.date.max \
                else self.start.last_day()
        return self.start.first_day()

    def latest(self) -> _dt.date:
        """Last calendar day this date can mean."""
        if self.qualifier == "after":
            return _dt.date(9999, 12, 31)
        if self.qualifier == "before":
            return self.start.first_day() - _dt.timedelta(days=1)
        return (self.end or self.start).last_day()

    def anchor(self) -> _dt.date:
        """The day used to place the date on a timeline (the sort position)."""
        return self.start.last_day()

    @property
    def year(self) -> int:
        return self.start.year

    def is_exact_day(self) -> bool:
        return self.qualifier == "exact" and self.end is None and self.start.day is not None

    def same_as(self, other: Date) -> bool:
        return self.sort_key() == other.sort_key()

    # ---- text -------------------------------------------------------------
    def iso(self) -> str:
        s = self.start.iso()
        if self.end:
            return f"{s}..{self.end.iso()}"
        return {"exact": s, "circa": f"{s}~", "before": f"<{s}", "after": f">{s}"}[self.qualifier]

    def chinese(self) -> str:
        s = self.start.chinese()
        if self.end:
            return f"{s}至{self.end.chinese()}"
        return {"exact": s, "circa": f"约{s}", "before": f"{s}前", "after": f"{s}后"}[self.qualifier]

    def __str__(self) -> str:
        return self.chinese()


_POINT_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_POINT_ZH = re.compile(r"^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?$")
_RANGE = re.compile(r"^(.+?)(?:\.\.|至|/)(.+)$")

HELP = ("日期可写作 1984、1984-03、1984-03-12 或 1984年、1984年3月、1984年3月12日；"
        "约数写“约1984”或“1984~”，之前写“1985前”或“<1985”，之后写“1985后”或“>1985”，"
        "时段写“1980..1983”或“1980至1983”")


def _point(text: str) -> Point:
    m = _POINT_ISO.match(text) or _POINT_ZH.match(text)
    if not m:
        raise DateError(f"无法识别的日期“{text}”。{HELP}")
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if year < 1000:
        raise DateError(f"年份“{year}”须写全四位数（如 1984，不写 84）")
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"日期“{text}”的月份 {month} 不在 1 至 12 之间")
    if day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise DateError(f"日期“{text}”的日 {day} 不存在（{year}年{month}月只有 {last} 天）")
    return Point(year, month, day)


def parse_date(value: object) -> Date:
    """Read a date as an editor writes it. Raises DateError with a Chinese message."""
    if isinstance(value, bool) or value is None:
        raise DateError(f"缺少日期或日期无效。{HELP}")
    if isinstance(value, int):
        value = str(value)
    if isinstance(value, _dt.date):
        value = value.isoformat()
    if not isinstance(value, str):
        raise DateError(f"日期应为文字，而不是 {type(value).__name__}。{HELP}")
    text = value.strip()
    if not text:
        raise DateError(f"日期为空。{HELP}")
    raw = text
    qualifier = "exact"
    if text.startswith("约"):
        qualifier, text = "circa", text[1:]
    elif text.endswith("~") or text.endswith("～"):
        qualifier, text = "circa", text[:-1]
    elif text.startswith("<"):
        qualifier, text = "before", text[1:]
    elif text.startswith(">"):
        qualifier, text = "after", text[1:]
    elif text.endswith("以前") or text.endswith("之前"):
        qualifier, text = "before", text[:-2]
    elif text.endswith("前"):
        qualifier, text = "before", text[:-1]
    elif text.endswith("以后") or text.endswith("之后"):
        qualifier, text = "after", text[:-2]
    elif text.endswith("后"):
        qualifier, text = "after", text[:-1]
    text = text.strip()
    if qualifier == "exact":
        m = _RANGE.match(text)
        if m:
            a, b = _point(m.group(1).strip()), _point(m.group(2).strip())
            if b.sort_tuple() < a.sort_tuple() or b.last_day() < a.first_day():
                raise DateError(f"时段“{raw}”的结束早于开始")
            return Date(a, "exact", b, raw)
    return Date(_point(text), qualifier, None, raw)

