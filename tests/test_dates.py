"""Dates: every written form, and one total order that follows the 大事记 rule."""

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from zhi.dates import MONTH_PARTS, YEAR_PARTS, DateError, parse_date

years = st.integers(1900, 2030)
months = st.integers(1, 12)


@st.composite
def points(draw):
    y = draw(years)
    kind = draw(st.sampled_from(["y", "ym", "ymd", "yp", "mp"]))
    if kind == "y":
        return f"{y}"
    if kind == "yp":  # 1958年底, 1958-下半年, 1958年冬
        return draw(st.sampled_from([f"{y}年", f"{y}-", f"{y}"])) + draw(st.sampled_from(sorted(YEAR_PARTS)))
    m = draw(months)
    if kind == "ym":
        return f"{y}-{m:02d}"
    if kind == "mp":  # 1958年3月上旬, 1958-03-下旬
        return draw(st.sampled_from([f"{y}年{m}月", f"{y}-{m:02d}-"])) + draw(st.sampled_from(sorted(MONTH_PARTS)))
    d = draw(st.integers(1, calendar.monthrange(y, m)[1]))
    return f"{y}-{m:02d}-{d:02d}"


@st.composite
def dates(draw):
    p = draw(points())
    q = draw(st.sampled_from(["", "约", "<", ">", "前", "后", "range"]))
    if q == "range":
        other = draw(points())
        a, b = sorted([parse_date(p), parse_date(other)], key=lambda d: d.start.first_day())
        if b.start.last_day() < a.start.first_day() or b.start.sort_tuple() < a.start.sort_tuple():
            return p
        return f"{a.start.iso()}..{b.start.iso()}"
    if q in ("约", "<", ">"):
        return q + p
    if q in ("前", "后"):
        return p + q
    return p + q


@pytest.mark.parametrize("text,iso,zh", [
    ("1984", "1984", "1984年"),
    ("1984-03", "1984-03", "1984年3月"),
    ("1984-03-12", "1984-03-12", "1984年3月12日"),
    ("1984年3月12日", "1984-03-12", "1984年3月12日"),
    ("1984年3月", "1984-03", "1984年3月"),
    ("约1984", "约1984", "约1984年"),
    ("1985前", "<1985", "1985年前"),
    ("<1985", "<1985", "1985年前"),
    ("1985年以后", ">1985", "1985年后"),
    ("1980..1983", "1980..1983", "1980年至1983年"),
    ("1980年至1983年6月", "1980..1983-06", "1980年至1983年6月"),
    # gazetteer spans: "~" between two dates, the end without the year (and month) it shares with the start
    ("1954年10月~1956年4月", "1954-10..1956-04", "1954年10月至1956年4月"),
    ("1954年10月22日~27日", "1954-10-22..1954-10-27", "1954年10月22日至27日"),
    ("1954年10月～12月", "1954-10..1954-12", "1954年10月至12月"),
    ("1984年3月至1984年5月", "1984-03..1984-05", "1984年3月至5月"),
    ("1960年代", "1960年代", "1960年代"),
    ("约1960年代", "约1960年代", "约1960年代"),
])
def test_written_forms(text, iso, zh):
    d = parse_date(text)
    assert d.iso() == iso
    assert d.chinese() == zh


def test_decade_is_ten_years_and_printed_whole():
    d = parse_date("1960年代")
    assert (d.earliest(), d.latest()) == (date(1960, 1, 1), date(1969, 12, 31))
    assert d.in_year() == "1960年代"  # never "是年" or "年代" under a year heading
    assert parse_date("1960-06") < d < parse_date("1961-01")


@pytest.mark.parametrize("text", ["1954-10~", "1954年10月～", "1984~"])
def test_trailing_tilde_is_refused_not_read_as_circa(text):
    """A gazetteer's 1954.10~ means 'from 1954-10 on'; reading it as 约 would be a silent misreading."""
    with pytest.raises(DateError) as e:
        parse_date(text)
    msg = str(e.value)
    assert "不是约数" in msg and "to 写“不详”" in msg and "约" + text.rstrip("~～") in msg


def test_span_end_cannot_precede_start_when_shortened():
    with pytest.raises(DateError, match="结束早于开始"):
        parse_date("1954年10月22日~3日")


def test_int_year_from_yaml():
    assert parse_date(1984).iso() == "1984"


@pytest.mark.parametrize("bad", ["84", "1984-13", "1984-02-30", "1983..1980", "", "一九八四年", "1984/13", None, True, 3.5])
def test_bad_dates_raise_date_error_in_chinese(bad):
    with pytest.raises(DateError) as e:
        parse_date(bad)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(e.value))


def test_gazetteer_order():
    texts = ["1984", "1984-03", "1984-03-12", "1984-03-31", "1984-04-01", "1984-12-31", "1985-01", "约1984-03-12"]
    order = sorted(texts, key=lambda t: parse_date(t).sort_key())
    assert order == ["1984-03-12", "约1984-03-12", "1984-03-31", "1984-03", "1984-04-01", "1984-12-31", "1984",
                     "1985-01"]


@given(dates())
def test_roundtrip_iso(text):
    d = parse_date(text)
    again = parse_date(d.iso())
    assert again.sort_key() == d.sort_key()
    assert parse_date(d.chinese()).sort_key() == d.sort_key()


@given(dates(), dates(), dates())
def test_order_is_total_and_transitive(a, b, c):
    da, db, dc = parse_date(a), parse_date(b), parse_date(c)
    assert (da <= db) or (db <= da)
    if da <= db <= dc:
        assert da <= dc


@given(points(), points())
def test_missing_parts_sort_after_known_parts(a, b):
    """A date without a day sorts after every day of its month; without a month after every day of its year; a
    named part (年底, 上旬) after every day it may mean in its year (a winter's January is in the next year)."""
    da, db = parse_date(a), parse_date(b)
    if da.start.precision != "day" and db.start.precision == "day" and \
            da.start.first_day() <= db.start.first_day() <= min(da.start.last_day(), date(da.year, 12, 31)):
        assert db < da


@given(dates())
def test_interval_is_consistent(text):
    d = parse_date(text)
    assert d.earliest() <= d.latest() or d.qualifier == "before"


def test_a_span_inside_one_year_prints_without_its_year_under_that_year():
    """Tester run 5: “1956年5月21日至27日” stood in full under 1956年 among entries reading “2月1日”."""
    from zhi.dates import parse_date
    assert parse_date("1956-05-21..1956-05-27").in_year() == "5月21日至27日"
    assert parse_date("1956-05-21..1956-06-02").in_year() == "5月21日至6月2日"
    # over years: the span within which the thing happened, said so (not a duration: 1961年10月至1966年 恢复…)
    assert parse_date("1956-05-21..1957-01-02").in_year() == "1956年5月21日至1957年1月2日间"
    assert parse_date("1961-10..1966").in_year() == "1961年10月至1966年间"
    assert parse_date("1958年初至年底").in_year() == "1958年初至年底"   # inside one year: as the source writes it
    assert parse_date("1956年夏至秋").in_year() == "1956年夏至秋"  # never “夏至秋”, which reads as the solar term


@pytest.mark.parametrize("text, printed, iso", [("1970年前后", "1970年前后", "约1970"), ("1970-05左右", "1970年5月左右", "约1970-05")])
def test_an_approximate_date_worded_after_the_year_reads_as_circa_and_prints_the_sources_word(text, printed, iso):
    """“1970年前后” was refused with a message quoting “1970年前” (a tester typing 庆元县大事记)."""
    d = parse_date(text)
    assert (d.qualifier, d.chinese(), d.iso()) == ("circa", printed, iso)
    assert d.same_as(parse_date(iso))
    assert d.years() == printed[:4] + text[-2:]   # a span of years keeps the source's word too: 1970前后


@pytest.mark.parametrize("text", ["今", "至今", "现在"])
def test_now_is_no_date_and_the_message_says_to_leave_the_key_out(text):
    with pytest.raises(DateError) as e:
        parse_date(text)
    assert "不写 to" in str(e.value) and "不详" in str(e.value)


@pytest.mark.parametrize("text, printed, years", [
    ("1958 或以前", "1958年或以前", "1958或以前"),       # a blank before the word
    ("1958或以前 ", "1958年或以前", "1958或以前"),       # a trailing blank
    ("１９５８或以前", "1958年或以前", "1958或以前"),     # full-width digits
    ("至迟 1958", "至迟1958年", "至迟1958"),            # a blank after 至迟
])
def test_editor_slips_in_an_inclusive_bound_read_as_typed_meant(text, printed, years):
    """Review of the inclusive bounds: a blank or full-width digits never change what the date means."""
    d = parse_date(text)
    assert (d.qualifier, d.inclusive) == ("before", True)
    assert (d.chinese(), d.years()) == (printed, years)
    assert d.latest() == date(1958, 12, 31)


@pytest.mark.parametrize("text", ["1970年前後", "1970年左右吧"])
def test_an_about_date_with_a_stray_or_traditional_word_is_refused(text):
    """前後 (traditional) and 左右吧 are refused in Chinese, never read as a plain 1970."""
    with pytest.raises(DateError, match=f"无法识别的日期“{text}”"):
        parse_date(text)


def test_the_guides_order_table_is_the_order_printed():
    """The guide (dates.md “大事记怎样排序”) lists dates in their 大事记 order, 1984年3月下旬 before 1984年3月: a month
    without a day after its 旬, a year without a month after its 年底 (as 是年)."""
    import re
    from pathlib import Path
    guide = (Path(__file__).resolve().parent.parent / "guide" / "dates.md").read_text(encoding="utf-8")
    table = guide[guide.index("举例，下面这些日期在大事记中的先后是"):guide.index("## 检查时怎样理解不全的日期")]
    listed = [parse_date(d) for d in re.findall(r"^\| \d+ \| ([^|]+?) \|", table, re.MULTILINE)]
    assert len(listed) >= 16 and "1984年3月下旬" in [d.chinese() for d in listed]
    assert sorted(listed, key=lambda d: d.sort_key()) == listed
    for finer, coarser in (("1934-06-上旬", "1934-06"), ("1934-06-中旬", "1934-06"), ("1934-06-下旬", "1934-06"),
                           ("1958-年底", "1958"), ("1958-上半年", "1958"), ("1958-春", "1958"), ("1958-冬", "1958")):
        assert parse_date(finer).sort_key() < parse_date(coarser).sort_key(), (finer, coarser)
