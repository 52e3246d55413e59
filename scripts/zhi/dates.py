"""Partial and uncertain dates, as archives give them.

A date may be a year, a year and month, or a full day; it may be circa, before,
after, or a range; it may name a part of a year or month as archives do (年底,
下半年, 春, 3月上旬). Every date has one total order for sorting that follows the
大事记 rule: an entry without a day goes at the end of its month, one without a
month at the end of its year (是年), a named part at the end of its months (after
the exact entries there). A range sorts at its start; a circa, before or after
date at its anchor, after the exact entries of the same point.

That order is a rule for printing only. For checking, a date is an interval of
days (``earliest()``..``latest()``): two dates are in a definite order only when
their intervals do not overlap (``definitely_before``).
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass, field

QUALIFIERS = ("exact", "circa", "before", "after")
_QUAL_RANK = {q: i for i, q in enumerate(QUALIFIERS)}


# What an editor writes where the sources give no date at all (a leader's term whose end no source gives, a body
# whose end is not known): kept as "unknown", printed as the book does (？ / 止年不详), never filled in.
UNKNOWN_WORDS = ("不详", "止年不详", "始年不详", "？", "?")


# A bound that includes its own year (month, day), as sources say “1958年或以前即已设立”“至迟1958年已有”
# (existing in or before 1958, its origin not recorded) or “1966年6月或以后”: 或以前 / 至迟 and 或以后.
INCLUSIVE_WORDS = {"before": "或以前", "after": "或以后"}
AT_LATEST = ("至迟", "最迟")
# "now" is no date: an open end is written by leaving the key out
NOW_WORDS = ("今", "至今", "现在", "现今", "迄今", "目前", "在任", "现任")
# an approximate date as sources word it after the date: 1970年前后, 1970年左右 (read as 约1970)
ABOUT_WORDS = ("前后", "左右")
_OR_BEFORE = ("或以前", "或之前")
_OR_AFTER = ("或以后", "或之后")


class DateError(ValueError):
    """A date that cannot be read; the message is Chinese and says how to write it."""


# Named parts of a year, as archives write them: the months each may mean (13, 14 = January, February of the
# next year: a winter runs into the next year).
YEAR_PARTS: dict[str, tuple[int, int]] = {
    "年初": (1, 2), "上半年": (1, 6), "下半年": (7, 12), "年底": (11, 12), "年末": (11, 12),
    "春": (3, 5), "春季": (3, 5), "夏": (6, 8), "夏季": (6, 8), "秋": (9, 11), "秋季": (9, 11),
    "冬": (12, 14), "冬季": (12, 14),
}
# A decade as the sources name it (1960年代): a Point with this part means the ten years from its year.
DECADE = "年代"
# An era as sources name it (民国时期，县政府职员576人; 清代，全县官吏203人): the years it spans. A date so written
# is that stretch of years (a figure so dated is the era's, never one year's) and prints as written.
ERAS: dict[str, tuple[int, int]] = {
    "清代": (1644, 1911), "清朝": (1644, 1911), "民国": (1912, 1949), "民国时期": (1912, 1949),
}
# Named parts of a month: the days each may mean (31 = the month's last day).
MONTH_PARTS: dict[str, tuple[int, int]] = {
    "上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31), "月初": (1, 10), "月中": (11, 20), "月底": (21, 31),
    "月末": (21, 31),
}


# A month of the Chinese (lunar) calendar, as the sources date the Qing (同治五年农历正月): kept as the source says it
# (1866年农历正月) and, since zhi has no lunar calendar, checked and ordered as every day it can be. A lunar year
# begins between 21 January and 20 February; a month has 29 or 30 days; a leap month (闰五月) follows its month. So
# month k begins on or after 21 January + 29(k−1) days, and ends by 20 February + 30(k−1) days, one more month when
# a leap month may come before it, + 29 days: 正月 is within 21 January – 21 March.
LUNAR = "农历"
LEAP = "闰"
LUNAR_MONTHS = ("正月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月")
LUNAR_ALIASES = {"一月": 1, "冬月": 11, "腊月": 12}   # the words sources also use, printed as written


def lunar_month(part: str) -> tuple[int, bool] | None:
    """(k, leap) of a lunar-month part (农历正月 → (1, False), 农历闰五月 → (5, True)), or None."""
    if not part.startswith(LUNAR):
        return None
    rest = part[len(LUNAR):]
    leap = rest.startswith(LEAP)
    rest = rest[len(LEAP):] if leap else rest
    k = LUNAR_MONTHS.index(rest) + 1 if rest in LUNAR_MONTHS else LUNAR_ALIASES.get(rest)
    return (k, leap) if k else None


def _lunar_bounds(year: int, k: int, leap: bool) -> tuple[_dt.date, _dt.date]:
    before = k - 1 + (1 if leap else 0)          # whole months before it (a leap month follows its own month)
    first = _dt.date(year, 1, 21) + _dt.timedelta(days=29 * before)
    may_leap = 1 if before > 0 else 0            # a leap month may stand among the months before it
    last = _dt.date(year, 2, 20) + _dt.timedelta(days=30 * (before + may_leap) + 29)
    return first, min(last, _dt.date(year + 1, 2, 19))   # the year ends before the next one begins


def _month_day(year: int, month: int) -> tuple[int, int]:
    """(year, month) with months past December carried into the next year."""
    return (year + (month - 1) // 12, (month - 1) % 12 + 1)


@dataclass(frozen=True, order=False)
class Point:
    year: int
    month: int | None = None
    day: int | None = None
    part: str = ""  # a named part of the year (no month) or of the month (no day), as the source wrote it

    @property
    def precision(self) -> str:
        return "day" if self.day else "part" if self.part else "month" if self.month else "year"

    def first_day(self) -> _dt.date:
        if self.part == DECADE:
            return _dt.date(self.year, 1, 1)
        if lunar := lunar_month(self.part):
            return _lunar_bounds(self.year, *lunar)[0]
        if self.part and self.month is None:
            return _dt.date(self.year, YEAR_PARTS[self.part][0], 1)
        if self.part:
            return _dt.date(self.year, self.month, MONTH_PARTS[self.part][0])
        return _dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> _dt.date:
        if self.part == DECADE:
            return _dt.date(self.year + 9, 12, 31)
        if lunar := lunar_month(self.part):
            return _lunar_bounds(self.year, *lunar)[1]
        if self.part and self.month is None:
            y, m = _month_day(self.year, YEAR_PARTS[self.part][1])
            return _dt.date(y, m, calendar.monthrange(y, m)[1])
        month = self.month or 12
        if self.part:
            return _dt.date(self.year, month, min(MONTH_PARTS[self.part][1], calendar.monthrange(self.year, month)[1]))
        day = self.day or calendar.monthrange(self.year, month)[1]
        return _dt.date(self.year, month, day)

    def sort_tuple(self) -> tuple[int, int, int, int]:
        # 99 sorts a missing part after every real value: end of month / end of year. A named part sorts at the
        # end of its months (a winter at the end of its year), after the exact entries there (last element 1).
        # A decade (1960年代) sorts at the end of its first year, after everything there.
        if self.part == DECADE:
            return (self.year, 99, 99, 2)
        if lunar_month(self.part):   # at the end of the last Gregorian month it can reach in its year
            last = self.last_day()
            return (self.year, last.month if last.year == self.year else 12, 99, 1)
        if self.part and self.month is None:
            return (self.year, min(YEAR_PARTS[self.part][1], 12), 99, 1)
        if self.part:
            return (self.year, self.month, MONTH_PARTS[self.part][1], 1)
        return (self.year, self.month or 99, self.day or 99, 0)

    def iso(self) -> str:
        if self.part == DECADE:
            return f"{self.year:04d}{DECADE}"
        if lunar_month(self.part):
            return f"{self.year:04d}年{self.part}"
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}" + (f"-{self.part}" if self.part else "")
        return f"{self.year:04d}" + (f"-{self.part}" if self.part else "")

    def within_year(self) -> str:
        """The Chinese date without its year: 3月12日, 3月, 3月上旬, 下半年, 年底; empty for a bare year."""
        if self.part == DECADE:
            return "年代"
        s = ""
        if self.month:
            s += f"{self.month}月"
        if self.day:
            s += f"{self.day}日"
        if self.part.startswith("月") and s.endswith("月"):
            return s + self.part[1:]  # 3月初, 3月底 (the month's 月 is the part's own)
        return s + self.part

    def chinese(self) -> str:
        rest = self.within_year()
        # 年底, 年初: the year's 年 is the part's own (1958年底, not 1958年年底)
        return f"{self.year}{rest}" if rest.startswith("年") else f"{self.year}年{rest}"


@dataclass(frozen=True)
class Date:
    """A possibly partial, possibly uncertain date.

    ``start`` is the anchor; ``end`` is set only for a range.
    """

    start: Point
    qualifier: str = "exact"
    end: Point | None = None
    text: str = ""
    # a before or after date that includes its anchor: 1958或以前 / 至迟1958 (on or before the last day of 1958),
    # 1966-06或以后 (on or after the first day of June 1966); a plain 1958前 ends the day before 1958 begins
    inclusive: bool = False
    # a span the source says the thing held over as a whole (`throughout: true`: 1958年5月至1959年11月，下设7个街道办事处):
    # printed as the span, never as a time within it (…间); not part of the date's identity
    whole: bool = field(default=False, compare=False)

    # ---- ordering -------------------------------------------------------
    def sort_key(self) -> tuple:
        if self.qualifier == "before" and not self.inclusive:
            # 1970前 is over before 1970 begins: it sorts before every entry of its point (a body page reads
            # “1970年前　已有劳动局” before “1970年　合并为……”), not among the approximate ones after it
            d = self.start.first_day()
            return ((d.year, d.month, d.day, -1), _QUAL_RANK[self.qualifier], False, (0, 0, 0, 0))
        return (self.start.sort_tuple(), _QUAL_RANK[self.qualifier], self.inclusive,
                self.end.sort_tuple() if self.end else (0, 0, 0, 0))

    def __lt__(self, other: Date) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: Date) -> bool:
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: Date) -> bool:
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: Date) -> bool:
        return self.sort_key() >= other.sort_key()

    # ---- interval semantics ---------------------------------------------
    # earliest() and latest() are asked millions of times when a site is made (every span a snapshot tests):
    # a Date is immutable, so each is worked out once and kept beside the fields (never part of them: equality,
    # hashing and replace() see the fields only)
    def earliest(self) -> _dt.date:
        """First calendar day this date can mean."""
        v = self.__dict__.get("_earliest")
        if v is None:
            v = self.__dict__["_earliest"] = self._earliest()
        return v

    def latest(self) -> _dt.date:
        """Last calendar day this date can mean."""
        v = self.__dict__.get("_latest")
        if v is None:
            v = self.__dict__["_latest"] = self._latest()
        return v

    def latest_bounded(self) -> _dt.date:
        """The last day this date can mean that the source bounds: latest(); for a date known only as “after X”
        (1976后), which nothing bounds above, the first day it can mean. A record dated 1976后 shows a body there
        in 1977, not up to any later year (how long it stayed is what body-silent and 止年不详 ask)."""
        return self.earliest() if self.qualifier == "after" else self.latest()

    def surely_by(self) -> _dt.date:
        """The last day a record so dated surely shows a thing there (最后见于): latest_bounded(); for a record of a
        period (民国, 1912年至1949年, 1960年代), which says only that it was there at some time within it, the first
        day — a record of 1945年1月 is later evidence than one of 民国, whose period runs on to 1949."""
        return self.earliest() if self.is_period() else self.latest_bounded()

    def seen_chinese(self) -> str:
        """The date as “最后见于…” prints it: chinese(), except that a record showing a thing there “1935或以前”
        (至迟1935年) shows it in 1935: 最后见于1935年, never 最后见于1935年或以前."""
        return Date(self.start).chinese() if self.qualifier == "before" and self.inclusive else self.chinese()

    def _earliest(self) -> _dt.date:
        if self.qualifier == "before":
            return _dt.date(1, 1, 1)
        if self.qualifier == "after" and self.inclusive:
            return self.start.first_day()
        if self.qualifier == "after":
            return self.start.last_day() + _dt.timedelta(days=1) if self.start.last_day() < _dt.date.max \
                else self.start.last_day()
        return self.start.first_day()

    def _latest(self) -> _dt.date:
        if self.qualifier == "after":
            return _dt.date(9999, 12, 31)
        if self.qualifier == "before" and self.inclusive:
            return self.start.last_day()
        if self.qualifier == "before":
            return self.start.first_day() - _dt.timedelta(days=1)
        return (self.end or self.start).last_day()

    def definitely_before(self, other: Date) -> bool:
        """True when every reading of this date is earlier than every reading of other."""
        return self.latest() < other.earliest()

    def overlaps(self, other: Date) -> bool:
        """True when the two dates may mean the same day."""
        return not (self.latest() < other.earliest() or other.latest() < self.earliest())

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

    @property
    def era(self) -> str:
        """The era the date was written as (民国, 清代), else ""."""
        typed = self.text.strip()
        return typed if typed in ERAS and self.end is not None else ""

    def is_period(self) -> bool:
        """A stretch of years as the source gives it (1912年至1949年, 1950年代, 民国): what is dated so is said of the
        whole period, never of any one year in it (a staffing figure so dated is no year's figure)."""
        return self.qualifier in ("exact", "circa") and (
            (self.end is not None and self.end.year != self.start.year) or self.start.part == DECADE)

    # ---- text -------------------------------------------------------------
    def iso(self) -> str:
        s = self.start.iso()
        if self.end:
            return f"{s}..{self.end.iso()}"
        if self.inclusive:
            return f"{s}{INCLUSIVE_WORDS[self.qualifier]}"
        return {"exact": s, "circa": f"约{s}", "before": f"<{s}", "after": f">{s}"}[self.qualifier]

    def chinese(self) -> str:
        """The date as the book prints it (1956年3月, 1958年前, 1954年10月22日至27日); worked out once, as earliest()."""
        v = self.__dict__.get("_chinese")
        if v is None:
            v = self.__dict__["_chinese"] = self._chinese()
        return v

    @property
    def reign(self) -> str:
        """The reign year the source gives (同治五年 of 同治五年（1866年）农历正月), else ""."""
        m = _REIGN.match(self.text.strip())
        return m.group(1) if m else ""

    def _chinese(self) -> str:
        if self.era:
            return self.era   # 民国, 清代: as the source names it
        s = self.start.chinese()
        if reign := self.reign:   # 同治五年（1866年）农历正月: the reign year, the Gregorian year beside it
            year = f"{self.start.year}年"
            return f"{reign}（{year}）{s[len(year):]}"
        if self.end:
            return f"{s}至{self._end_chinese()}"
        if self.inclusive:
            return self._inclusive(s)
        if word := self._about_word():
            return f"{s}{word}"   # 1970年前后: the source's word
        return {"exact": s, "circa": f"约{s}", "before": f"{s}前", "after": f"{s}后"}[self.qualifier]

    def _about_word(self) -> str:
        """前后 or 左右 when the source put its word for 约 after the date (1970年前后), else ""."""
        typed = self.text.strip()
        return typed[-2:] if self.qualifier == "circa" and typed.endswith(ABOUT_WORDS) else ""

    def _inclusive(self, s: str) -> str:
        """An inclusive bound as the source words it: 1958年或以前 (至迟1958年 when typed so), 1966年6月或以后."""
        typed = self.text.strip()
        if self.qualifier == "before" and typed.startswith(AT_LATEST):
            return f"{typed[:2]}{s}"   # 至迟1958年, 最迟1958年: the source's word
        word = next((w for w in _OR_BEFORE + _OR_AFTER if typed.endswith(w)), INCLUSIVE_WORDS[self.qualifier])
        return f"{s}{word}"

    def _end_chinese(self) -> str:
        """The end of a span without the year (and month) it shares with the start, as books print it:
        1954年10月22日至27日, 1954年10月至12月."""
        a, b = self.start, self.end
        if a.year == b.year and (a.part or b.part) and a.part != DECADE and b.part != DECADE:
            rest = b.within_year()  # 1958年夏至秋, 1958年3月上旬至下旬, 1958年初至年底
            if rest and a.month is not None and a.month == b.month and rest.startswith(f"{b.month}月") \
                    and len(rest) > len(f"{b.month}月"):
                rest = rest[len(f"{b.month}月"):]
            return rest or b.chinese()
        if b.part or a.part or b.month is None or a.month is None or a.year != b.year:
            return b.chinese()
        if b.day and a.day and a.month == b.month:
            return f"{b.day}日"
        return b.within_year()

    def in_year(self) -> str:
        """The date as a 大事记 entry under its year prints it: 3月12日, 3月, 3月上旬, 下半年, 年底, 是年, a span
        inside the year 5月21日至27日; a circa, before, after or a span over years in full."""
        if self.qualifier == "exact" and not self.end and self.start.part != DECADE:
            return self.start.within_year() or "是年"
        if self.qualifier == "exact" and self.end and self.end.year == self.start.year and DECADE not in (
                self.start.part, self.end.part) and self.start.month is not None:
            return f"{self.start.within_year()}至{self._end_chinese()}"  # 5月21日至27日, under its year
        return self.happened()

    def happened(self) -> str:
        """The date of an event printed on its own line (年表, a body's 沿革, 考异, the 大事记 in full): chinese(),
        except that a span over years is a time within which the thing happened (guide/dates.md), not how long it
        lasted: 1961年10月至1966年间 恢复…, never read as a restoration five years long."""
        if self.qualifier == "exact" and self.end and self.end.year != self.start.year \
                and DECADE not in (self.start.part, self.end.part) and not self.era and not self.whole:
            return f"{self.chinese()}间"
        return self.chinese()

    def named_year(self) -> int | None:
        """The one year the source dates the thing in, or None: 1952年冬 is of 1952 (a winter may run into
        February of the next year, but the source says 1952 and the book prints it under 1952), a date whose
        earliest and latest day lie in one year is of that year; a span over years, a decade, 前/后/约 are not."""
        if self.era:
            return None   # 民国, 清代: an era, no one year
        if self.qualifier == "exact" and self.end is None and self.start.part != DECADE:
            return self.start.year
        first, last = self.earliest().year, self.latest().year
        return first if first == last and self.qualifier == "exact" else None

    def years(self) -> str:
        """The year(s) the date may mean, as a span of years prints them: 1956, 1956至1966年间, 1960年代, 约1956,
        1956前, 1956后 (never one year for a date the source leaves open over several)."""
        if self.qualifier in ("before", "after") and (self.start.month is not None or self.start.part):
            return self.chinese()  # 1949年7月后, 1966年上半年后: the month (part) is part of what the source says
        if self.inclusive:
            return self._inclusive(str(self.start.year))  # 1958或以前, 至迟1958, 1966或以后
        if word := self._about_word():
            return f"{self.start.year}{word}"   # 1970前后: the source's word, as chinese() prints it
        if self.qualifier != "exact":
            return {"circa": f"约{self.start.year}", "before": f"{self.start.year}前",
                    "after": f"{self.start.year}后"}[self.qualifier]
        if self.start.part == DECADE and self.end is None:
            return f"{self.start.year}{DECADE}"
        if self.era:
            return self.era
        if (year := self.named_year()) is not None:
            return str(year)   # 1952年冬: 1952, as the source says, not 1952至1953年间
        first, last = self.earliest().year, self.latest().year
        return str(first) if first == last else f"{first}至{last}年间"

    def __str__(self) -> str:
        return self.chinese()


# A year is 1 to 9999: four digits (0994 for 994 is also read), three digits for a year before 1000 (994,
# 994年); a year below 100 only as 公元84年 or 0084, since "84" is how 1984 is abbreviated.
_YEAR = r"(\d{1,4})"
_POINT_ISO = re.compile(r"^" + _YEAR + r"(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_POINT_ZH = re.compile(r"^" + _YEAR + r"年(?:(\d{1,2})月(?:(\d{1,2})日)?)?$")
_YEAR_PART = re.compile(r"^" + _YEAR + r"(?:年|-)?(" + "|".join(sorted(YEAR_PARTS, key=len, reverse=True)) + ")$")
_MONTH_PART = re.compile(r"^" + _YEAR + r"(?:年|-)(\d{1,2})(?:月|-)?(" + "|".join(MONTH_PARTS) + ")$")
_RANGE = re.compile(r"^(.+?)(?:\.\.|至|/|~|～|—)(.+)$")
_DECADE = re.compile(r"^(\d{1,3}0)(?:年代|s)$")
# 1866年农历正月, 1866-农历01, 1866年农历闰五月, 1866年农历腊月
_LUNAR = re.compile(r"^" + _YEAR + r"(?:年|-)" + LUNAR + r"(" + LEAP + r"?)(\d{1,2}|[正一二三四五六七八九十冬腊]{1,3}月)$")
# a reign year with the Gregorian year the source gives beside it: 同治五年（1866年）农历正月
_REIGN = re.compile(r"^([\u4e00-\u9fff]{2}[元一二三四五六七八九十]{1,3}年)[（(](\d{3,4})年?[）)](.*)$")
_AD = "公元"
# a year before the common era: zhi cannot place it on its calendar of days, and says so
_BCE = re.compile(r"^(?:约)?(?:公元前|前)\d")
# the end of a span written as gazetteers do, without the parts it shares with its start: 1954年10月22日~27日,
# 1954年10月~12月
_END_DAY = re.compile(r"^(\d{1,2})日$")
_END_MONTH = re.compile(r"^(\d{1,2})月(?:(\d{1,2})日)?$")
_END_MONTH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})$")   # 1956-12-11~12-14: the end's month and day, the year left out
_DOTTED = re.compile(r"^(\d{4})[.．](\d{1,2})(?:[.．](\d{1,2}))?$")

HELP = ("日期可写作 1984、1984-03、1984-03-12 或 1984年、1984年3月、1984年3月12日；"
        "约数写“约1984”（来源写“1984年前后”“1984年左右”的照写），之前写“1985前”或“<1985”，之后写“1985后”或“>1985”，"
        "连这一年也算在内的写“1958或以前”“至迟1958”“1966-06或以后”，"
        "时段写“1980..1983”“1980至1983”或“1954年10月~1956年4月”，年代写“1960年代”，朝代、时期写“清代”“民国”；档案只说“1958年底”“1958年下半年”“1958年春”“1958年3月上旬”的，照写；"
        "农历月份写“1866年农历正月”或“1866-农历01”，年号纪年连同来源给的公元年写“同治五年（1866年）农历正月”")


def _dotted_hint(text: str) -> str | None:
    """The hyphenated form of a date written with dots (1958.5, 1958.05.12), for the message."""
    m = _DOTTED.match(text.strip())
    if not m:
        return None
    parts = [m.group(1)] + [f"{int(g):02d}" for g in m.groups()[1:] if g]
    return "-".join(parts)


def _end_point(text: str, start: Point) -> Point:
    """The end of a span, which may leave out the year (and month) it shares with the start: 22日~27日."""
    m = _END_DAY.match(text)
    if m and start.month is not None:
        return _point(f"{start.year}-{start.month}-{m.group(1)}")
    m = _END_MONTH.match(text)
    if m:
        return _point(f"{start.year}-{m.group(1)}" + (f"-{m.group(2)}" if m.group(2) else ""))
    m = _END_MONTH_DAY.match(text)
    if m and start.day is not None:
        return _point(f"{start.year}-{m.group(1)}-{m.group(2)}")
    if re.fullmatch(r"\d{1,2}", text) and start.month is not None:
        # 1956-12-11~14: a bare number is no day, month or year the reader can tell apart
        n = int(text)
        year = start.year + (n <= start.month)   # an end month not after the start's is in a later year
        same = (f"{start.year}年{start.month}月{start.day}日~{n}日”，或写成“{start.year}-{start.month:02d}-{start.day:02d}"
                f"~{start.month:02d}-{n:02d}" if start.day is not None
                else f"{start.year}年{start.month}月~{'' if year == start.year else f'{year}年'}{n}月”，或写成"
                     f"“{start.year}-{start.month:02d}~{year}-{n:02d}")
        raise DateError(f"时段的后一半“{text}”看不出是日、月还是年：省去与前一半相同的年、月时，请写出“日”“月”，如“{same}”"
                        f"（不同年的，后一半写全四位年份）")
    if not re.match(r"\d{3}", text):  # 1958年夏至秋, 1958年初至年底, 1958年3月上旬至下旬, 1958年1月至2月上旬
        heads = [] if text[:1].isdigit() or start.month is None else [f"{start.year}年{start.month}月{text}"]
        for whole in heads + [f"{start.year}{text}", f"{start.year}年{text}"]:
            try:
                return _point(whole)
            except DateError:
                continue
    return _point(text)


def _year(digits: str, text: str, ad: bool) -> int:
    """The year of a date: 1 to 9999; a year below 100 only when written so that it cannot be 1984 cut short."""
    year = int(digits)
    if year == 0:
        raise DateError(f"日期“{text}”的年份不能是 0（公元纪年没有0年）")
    if year < 100 and not ad and len(digits) < 4:
        raise DateError(f"年份“{digits}”须写全四位数（如 1984，不写 84）；确是公元{year}年的，写作“公元{year}年”或“{year:04d}”")
    if len(digits) == 3 and digits.startswith("0") and not ad:
        raise DateError(f"年份“{digits}”前面多了 0：公元{year}年写作“{year}”“{year}年”或“{year:04d}”；若是少写了一位，请写全四位数")
    return year


def _point(text: str) -> Point:
    ad = text.startswith(_AD)
    body = text[len(_AD):] if ad else text
    m = _DECADE.match(body)
    if m:
        return Point(_year(m.group(1), text, ad), part=DECADE)
    m = _YEAR_PART.match(body)
    if m:
        return Point(_year(m.group(1), text, ad), part=m.group(2))
    m = _LUNAR.match(body)
    if m:
        month = m.group(3)
        if month[0].isdigit():
            if not 1 <= int(month) <= 12:
                raise DateError(f"日期“{text}”的农历月份 {int(month)} 不在 1 至 12 之间")
            month = LUNAR_MONTHS[int(month) - 1]
        part = LUNAR + m.group(2) + month
        if lunar_month(part) is None:
            raise DateError(f"日期“{text}”的农历月份“{m.group(3)}”无法识别：写 正月、二月……十二月（或 冬月、腊月），"
                            f"或写数字，如 {m.group(1)}-农历01；闰月写 {m.group(1)}年农历闰五月")
        return Point(_year(m.group(1), text, ad), part=part)
    m = _MONTH_PART.match(body)
    if m:
        year, month = _year(m.group(1), text, ad), int(m.group(2))
        if not 1 <= month <= 12:
            raise DateError(f"日期“{text}”的月份 {month} 不在 1 至 12 之间")
        return Point(year, month, part=m.group(3))
    m = _POINT_ISO.match(body) or _POINT_ZH.match(body)
    if not m:
        hint = _dotted_hint(text)
        if hint:
            raise DateError(f"日期“{text}”不能用圆点分隔年月日，请写成 {hint}")
        raise DateError(f"无法识别的日期“{text}”。{HELP}")
    year = _year(m.group(1), text, ad)
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
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
    if isinstance(value, float):
        # YAML reads 1958.5 as a number; the loader keeps what was typed (1958.10 is not 1958.1)
        typed = getattr(value, "source", None) or repr(value)
        hint = _dotted_hint(typed)
        raise DateError(f"日期“{typed}”不能用圆点分隔年月日，请写成 {hint}" if hint
                        else f"日期“{typed}”是一个数，不是日期。{HELP}")
    if isinstance(value, int):
        value = str(value)
    if isinstance(value, _dt.date):
        value = value.isoformat()
    if not isinstance(value, str):
        raise DateError(f"日期应为文字，而不是 {type(value).__name__}。{HELP}")
    text = value.strip()
    if not text:
        raise DateError(f"日期为空。{HELP}")
    if text in UNKNOWN_WORDS:
        raise DateError(f"这里不能写“{text}”：事件、文件、编制的日期必须至少考出大约的年份（如“约1958”“1958前”）；"
                        f"只有任职的起止（from、to）和机构的止年（end）可以写“不详”")
    if text in NOW_WORDS:
        raise DateError(f"“{text}”不是日期：来源说至今仍在任、仍存续的，不写这一项（任职不写 to，机构不写 end，即至本志下限）；"
                        f"来源没有说止于何时的，写“不详”")
    raw = text
    if m := _REIGN.match(text):   # 同治五年（1866年）农历正月: the Gregorian year the source gives is the date's
        text = f"{m.group(2)}年{m.group(3)}".strip()
        if not (_POINT_ZH.match(text) or _LUNAR.match(text)):
            raise DateError(f"日期“{raw}”：年号纪年只能与括号里的公元年连写，后面可跟月、日或农历月，如"
                            f"“同治五年（1866年）农历正月”“{m.group(1)}（{m.group(2)}年）”；约数、时段请只写公元年")
        return Date(_point(text), "exact", None, raw)
    if text in ERAS:
        first, last = ERAS[text]
        return Date(Point(first), "exact", Point(last), raw)
    if _BCE.match(text):
        raise DateError(f"日期“{raw}”在公元前：zhi 还不能记公元前的日期。建置沿革中公元前的事（如秦汉置县），"
                        f"请写进志书正文或记录的 note（zhi 的日期从公元1年起）")
    qualifier, inclusive = "exact", False
    if text.startswith("约"):
        qualifier, text = "circa", text[1:]
    elif text.endswith(ABOUT_WORDS):   # 1970年前后, 1970年左右: 约1970, printed in the source's word
        qualifier, text = "circa", text[:-2]
    elif text.endswith(("~", "～")):
        # gazetteer tables write 1954.10~ for "from 1954-10 on": never read it as 约 (circa)
        raise DateError(f"日期“{raw}”末尾的“~”有歧义：志书表格里“1954.10~”是“自1954年10月起、止期未写”，不是约数。"
                        f"任职只知起期的，写 from: {text[:-1].strip()}，to 写“不详”（来源说仍在任的不写 to）；"
                        f"一段时间写成“{text[:-1].strip()}~某年某月”；约数写“约{text[:-1].strip()}”")
    elif text.startswith(AT_LATEST):
        qualifier, inclusive, text = "before", True, text[2:]
    elif text.endswith(_OR_BEFORE):
        qualifier, inclusive, text = "before", True, text[:-3]
    elif text.endswith(_OR_AFTER):
        qualifier, inclusive, text = "after", True, text[:-3]
    elif text.startswith("<"):
        qualifier, text = "before", text[1:]
    elif text.startswith(">"):
        qualifier, text = "after", text[1:]
    elif text.endswith(("以前", "之前")):
        qualifier, text = "before", text[:-2]
    elif text.endswith("前"):
        qualifier, text = "before", text[:-1]
    elif text.endswith(("以后", "之后")):
        qualifier, text = "after", text[:-2]
    elif text.endswith("后"):
        qualifier, text = "after", text[:-1]
    text = text.strip()
    if qualifier == "exact":
        m = _RANGE.match(text)
        if m:
            a = _point(m.group(1).strip())
            b = _end_point(m.group(2).strip(), a)
            if b.sort_tuple() < a.sort_tuple() or b.last_day() < a.first_day():
                raise DateError(f"时段“{raw}”的结束早于开始")
            return Date(a, "exact", b, raw)
    point = _point(text)
    if qualifier == "before" and point.first_day() == _dt.date(1, 1, 1):
        raise DateError(f"日期“{raw}”在公元1年以前：zhi 还不能记公元前的日期，请写进志书正文或记录的 note")
    return Date(point, qualifier, None, raw, inclusive)


def after_lower(d: Date | None, lower: Date | None) -> bool:
    """A date wholly after the book's 下限: the volume does not record it (下限以后的事，本志不记). No edition holds
    a record so dated (editions.filter_archive), so nothing derived from it prints; `zhi check` warns
    (after-lower)."""
    return d is not None and lower is not None and d.earliest() > lower.latest()
