"""A tester's 《涡阳县志》 finding: “同治五年（1866年）农历正月” could not be written (date-invalid), so the 记事 was
dated 1866-01, a month the source never gives. A lunar month (and a reign year beside the Gregorian one) is now kept
as the source says it, printed so, and checked and ordered as every Gregorian day it can be.

Facts typed in (never its prose) from 《涡阳县志》政府,
https://cdn.zuxun100.com/index/article/difangzhi/info/31756/fz_id/30921 : 涡阳县 set up 1864; 同治五年（1866年）农历正月
it received its seal (印信); 农历二月 it built its earthen wall (土城).
"""

import datetime as dt

import pytest
from conftest import make_archive, write
from test_guide_examples import GUIDE, lay_out, section
from zhi.checks import run_checks
from zhi.dates import DateError, parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.dashiji import dashiji


@pytest.mark.parametrize("typed,printed", [
    ("1866年农历正月", "1866年农历正月"),
    ("1866-农历01", "1866年农历正月"),
    ("1866-农历正月", "1866年农历正月"),
    ("同治五年（1866年）农历正月", "同治五年（1866年）农历正月"),
    ("同治五年(1866)农历二月", "同治五年（1866年）农历二月"),
    ("1866年农历闰五月", "1866年农历闰五月"),
    ("1866年农历腊月", "1866年农历腊月"),
    ("民国五年（1916年）3月", "民国五年（1916年）3月"),
])
def test_a_lunar_month_and_a_reign_year_print_as_the_source_says(typed, printed):
    assert parse_date(typed).chinese() == printed


def test_a_lunar_month_is_every_gregorian_day_it_can_be():
    """正月 begins with the lunar new year (21 January – 20 February) and is over by 21 March; 1866's was 15 February
    – 16 March. It is never read as January (1866-01), nor ordered before a January event."""
    first = parse_date("1866年农历正月")
    assert (first.earliest(), first.latest()) == (dt.date(1866, 1, 21), dt.date(1866, 3, 21))
    assert first.earliest() <= dt.date(1866, 2, 15) and dt.date(1866, 3, 16) <= first.latest()
    assert parse_date("1866-01-10") < first < parse_date("1866-04")
    assert not parse_date("1866-02").definitely_before(first) and not first.definitely_before(parse_date("1866-03"))
    twelfth = parse_date("1866年农历十二月")
    assert twelfth.latest() <= dt.date(1867, 2, 19) and twelfth.named_year() == 1866
    leap = parse_date("1866年农历闰五月")
    assert leap.earliest() > parse_date("1866年农历五月").earliest()


@pytest.mark.parametrize("typed,says", [
    ("1866-农历13", "不在 1 至 12 之间"),
    ("1866年农历十三月", "无法识别"),
    ("同治五年（1866年）农历正月前", "年号纪年只能与括号里的公元年连写"),
    ("同治五年", "农历月份写“1866年农历正月”"),
])
def test_what_cannot_be_read_says_how_to_write_it(typed, says):
    with pytest.raises(DateError) as e:
        parse_date(typed)
    assert says in str(e.value)


def test_the_record_with_a_lunar_date_checks_and_prints(tmp_path):
    """The tester's 记事, dated as the source dates it: no date-invalid, and the 大事记 prints the source's date."""
    root = make_archive(tmp_path)
    write(root, "sources/jurisdictions/gy.yaml", "- {id: gy, level: 县}\n")
    write(root, "sources/documents/gy.yaml", "- {id: d-gyxz, genre: 志书, title: 涡阳县志, section: 政府}\n")
    write(root, "sources/events/gy.yaml",
          "- {id: ev-gy, type: establish, date: 1864, body: gy, name: 涡阳县, sources: [d-gyxz]}\n")
    write(root, "sources/memos/gy.yaml",
          "- {date: 同治五年（1866年）农历正月, text: 涡阳县接到颁发的印信。, mentions: [gy], sources: [d-gyxz]}\n"
          "- {date: 1866-农历02, text: 涡阳县创建土城。, mentions: [gy], sources: [d-gyxz]}\n")
    a = load_archive(root)
    assert [f.as_text() for f in run_checks(a) if f.code == "date-invalid"] == []
    lines = [f"{it.date.chinese()}　{it.plain()}" for it in dashiji(a, derive_history(a)) if it.date.year == 1866]
    assert lines == ["同治五年（1866年）农历正月　涡阳县接到颁发的印信。", "1866年农历二月　涡阳县创建土城。"]


def test_the_guide_example_prints_its_memos_as_promised(tmp_path):
    text = section((GUIDE / "dates.md").read_text(encoding="utf-8"), "## 完整示例：农历月份、年号纪年")
    a = load_archive(lay_out(tmp_path, text), with_book=False)
    printed = {f"{it.date.chinese()}　{it.plain()}" for it in dashiji(a, derive_history(a))}
    promised = [line for line in text.splitlines() if line.startswith("大事记：")]
    assert len(promised) == 2
    for line in promised:
        assert line[len("大事记："):] in printed, printed
