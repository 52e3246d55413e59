"""编制统计表 true to the record (issue 11): a figure of a period (1950年代, 民国) is printed once, with its period, and
is no year's figure; figures of one day whose 范围 differ are parts, not a conflict, and a headcount's 其中 (党员45人)
is printed as the source gives it; a figure carried into a later year says the year it comes from (据1984年); the
table has 实有人数 rows from yearly head-counts; the site and the book take the table's years from one function,
listing what lies before the 上限 as 追述; a figure after the 下限 is a finding. The data are fictional (测试县: the
base archive, 上限 1949, 下限 2000); tests/test_real_staffing_record.py holds a real county's figures."""

from __future__ import annotations

import re

from conftest import ROOT, make_archive, write
from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.staffing import figure_at, figures
from zhi.writers.book import BookWriter
from zhi.writers.site import SiteWriter


def _archive(tmp_path, staffing: str):
    """The base archive, its county known only to exist before 1940 (no 大事记 entry: the first is of 1956)."""
    root = make_archive(tmp_path)
    events = (root / "sources/events/1956.yaml").read_text(encoding="utf-8")
    write(root, "sources/events/1956.yaml", events.replace("date: 1956-01\n  body: cs-xian", "date: 1940前\n  body: cs-xian"))
    write(root, "sources/staffing/record.yaml", staffing)
    a = load_archive(root)
    h = derive_history(a)
    return a, h, run_checks(a, history=h)


def _printed(a, h) -> tuple[str, str]:
    """The site's 统计 page and the book's 编制统计表 (its HTML, tags dropped)."""
    w = SiteWriter(a, h, ROOT / "theme")
    w.stats_page()
    page = next(p.text for p in w.tree.pages if p.path == "tongji/index.md")
    book = BookWriter(a, h, ROOT / "theme").appendix_html()
    book = book[book.index("四、编制统计表"):]
    book = book[:book.find("<h2", 1)] if "<h2" in book else book
    return page, re.sub(r"<[^>]+>", "|", book)


def _rows(page: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip("|").split("|")] for line in page.splitlines() if line.startswith("| ")]


def _warnings(found) -> list[str]:
    return [f.as_text() for f in found if f.severity in ("error", "warning")]


PERIODS = """
- {jurisdiction: cs-xian, date: 民国, basis: 设置, figures: {编制: 576}, sources: [d-1956-1]}
- {jurisdiction: cs-xian, date: 1950年代, figures: {编制: 300}, sources: [d-1956-1]}
- {jurisdiction: cs-xian, date: 1960年至1965年, basis: 实有, figures: {人数: 280, 人员: 干部}, sources: [d-1956-1]}
- {body: cs-jiwei, date: 1960..1965, figures: {行政编制: 20}, sources: [d-1956-1]}
"""


def test_eras_are_dates_printed_as_named():
    assert parse_date("民国").chinese() == "民国" and parse_date("民国").happened() == "民国"
    assert (parse_date("民国").earliest().year, parse_date("民国").latest().year) == (1912, 1949)
    assert parse_date("清代").chinese() == "清代" and parse_date("清代").latest().year == 1911
    assert parse_date("民国").is_period() and parse_date("1950年代").is_period() and parse_date("1960..1965").is_period()
    assert not parse_date("1984").is_period() and not parse_date("1984年3月至5月").is_period()


def test_a_figure_of_a_period_is_printed_once_and_is_no_years_figure(tmp_path):
    a, h, found = _archive(tmp_path, PERIODS)
    page, book = _printed(a, h)
    for text in (page, book):
        # printed once, in the 记载, with its period (民国 began before the 上限: 追述)
        assert text.count("编制576名") == 1 and text.count("编制300名") == 1 and text.count("实有干部280人") == 1
        assert "民国（追述）" in text and "1950年代" in text and "1960年至1965年" in text
    rows = _rows(page)
    assert ["民国（追述）", "设置", "全县", "编制576名", "测〔1956〕1号"] in rows
    assert ["1950年代", "核定", "全县", "编制300名", "测〔1956〕1号"] in rows
    # no year's row takes it: the table's first row is the first yearly figure (1984), none carries 300, 20 or 280
    years = [r[0] for r in rows if r[0].isdigit()]
    assert years[0] == "1984" and not any(c in ("300", "20", "280") for r in rows if r[0].isdigit() for c in r)
    # nor is it the figure of any one year quoted in prose
    assert figure_at(h, figures(a), "cs-xian", "approved", parse_date("1955-12-31")) is None
    assert figure_at(h, figures(a), "cs-jiwei", "approved", parse_date("1962-12-31")) is None
    assert _warnings(found) == []


PARTS = """
- {body: cs-jijingwei, date: 1991-12-31, figures: {行政编制: 10, 范围: 机关}, sources: [d-1990-3]}
- {body: cs-jijingwei, date: 1991-12-31, figures: {行政编制: 4, 范围: 下属单位}, sources: [d-1990-3]}
- {jurisdiction: cs-xian, date: 1987, figures: {编制: 986, 范围: 县级}, sources: [d-1990-3]}
- {jurisdiction: cs-xian, date: 1987, figures: {编制: 446, 范围: 乡镇}, sources: [d-1990-3]}
- {jurisdiction: cs-xian, date: 1992-12-31, basis: 实有, figures: {人数: 120, 其中: {党员: 45, 非党员: 75}},
   sources: [d-1990-3]}
"""


def test_figures_of_one_day_with_different_scopes_are_parts_not_a_conflict(tmp_path):
    a, h, found = _archive(tmp_path, PARTS)
    page, book = _printed(a, h)
    rows = _rows(page)
    # the body's two parts are summed as the body's figure of that day (10 + 4), each said where it comes from
    assert ["1991", "各机构核定数合计", "14", "—", "—", "—", ""] in rows
    # the county's two parts stand side by side, each labelled with its 范围, neither taken as “the” figure
    assert ["", "全县核定编制（县级）", "—", "—", "986", "—", "县级"] in rows
    assert ["", "全县核定编制（乡镇）", "—", "—", "446", "—", "乡镇"] in rows
    assert ["", "全县核定编制（乡镇）", "—", "—", "446", "—", "据1987年，乡镇"] in rows
    assert "全县核定编制（县级）" in book and "全县核定编制（乡镇）" in book
    assert not [f for f in found if f.code == "source-conflict"] and _warnings(found) == []


def test_a_headcount_breakdown_prints_as_the_source_says(tmp_path):
    a, h, _found = _archive(tmp_path, PARTS)
    page, book = _printed(a, h)
    assert ["1992年12月31日", "实有", "全县", "实有人数120人，其中党员45人、非党员75人", "测编〔1990〕3号"] in _rows(page)
    assert "实有人数120人，其中党员45人、非党员75人" in book
    # its row in the table: the head-count in its column, the breakdown in the note
    assert ["", "全县实有人数", "—", "—", "—", "120", "其中党员45人、非党员75人"] in _rows(page)


def test_a_headcount_breakdown_over_the_total_is_refused_at_its_line(tmp_path):
    _a, _h, found = _archive(tmp_path, "- {jurisdiction: cs-xian, date: 1992, basis: 实有,\n"
                                       "   figures: {人数: 40, 其中: {党员: 45}}, sources: [d-1990-3]}\n")
    (f,) = [f for f in found if f.code == "staffing-parts-exceed"]
    assert f.loc.line == 2 and "实有人数40人" in f.message and "党员45人" in f.message
    _a, _h, found = _archive(tmp_path / "b", "- {body: cs-jijingwei, date: 1992, figures: {编制: 40, 其中: {党员: 4}},"
                                             " sources: [d-1990-3]}\n")
    assert [f.code for f in found if f.severity == "error"] == ["schema-unknown-key"]


def test_a_carried_figure_says_the_year_it_comes_from(tmp_path):
    a, h, _found = _archive(tmp_path, "- {jurisdiction: cs-xian, date: 1986-12-31, figures: {行政编制: 300},"
                                     " sources: [d-1990-3]}\n")
    page, book = _printed(a, h)
    rows = _rows(page)
    # 1984: the merge's 行政编制12 recorded that year; 1985: the same 12 carried, marked where it comes from
    assert ["1984", "各机构核定数合计", "12", "—", ""] in rows
    assert ["1985", "各机构核定数合计", "12", "—", "含沿用1984年核定数"] in rows
    assert ["", "全县核定编制", "300", "—", "据1986年"] in rows and ["", "全县核定编制", "300", "—", ""] in rows
    # 1990's own figure (10 + 2) is not marked; in 1991 it is (据1990年)
    assert ["1990", "各机构核定数合计", "10", "2", ""] in rows
    assert ["1991", "各机构核定数合计", "10", "2", "含沿用1990年核定数"] in rows
    assert "含沿用1984年核定数" in book and "据1986年" in book
    # the 机构设置一览 of 1985 prints the body's approved figure with the year it comes from
    from zhi.views.snapshot import snapshot

    rows = {r.body: r for r in snapshot(a, h, "cs-xian", parse_date("1985-12-31"), figures(a))}
    assert rows["cs-jijingwei"].approved_text() == "12（据1984年）"
    rows = {r.body: r for r in snapshot(a, h, "cs-xian", parse_date("1984-12-31"), figures(a))}
    assert rows["cs-jijingwei"].approved_text() == "12"


def test_stale_after_says_a_carried_figure_is_long_unrestated(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/house-style.yaml", "staffing:\n  stale-after: 3\n")
    a = load_archive(root)
    h = derive_history(a)
    rows = _rows(_printed(a, h)[0])
    assert ["1987", "各机构核定数合计", "12", "—", "含沿用1984年核定数"] in rows
    assert ["1988", "各机构核定数合计", "12", "—", "含沿用1984年核定数，逾3年未重新核定"] in rows


def test_headcount_rows_come_only_from_yearly_headcounts(tmp_path):
    a, h, _found = _archive(tmp_path, PERIODS + """
- {jurisdiction: cs-xian, date: 1993-12-31, basis: 实有, figures: {人数: 260, 人员: 干部}, sources: [d-1990-3]}
- {body: cs-jijingwei, date: 1993-12-31, basis: 实有, figures: {人数: 11, 人员: 干部}, sources: [d-1990-3]}
""")
    page, book = _printed(a, h)
    rows = _rows(page)
    assert "| 年份 | 口径 | 行政编制 | 事业编制 | 实有人数 | 说明 |" in page
    assert ["", "各机构实有人数合计", "—", "—", "11", ""] in rows and ["", "全县实有干部", "—", "—", "260", ""] in rows
    # a count is its year's only; the 1960年至1965年 count (280) is in no row
    assert [r[1] for r in rows if r[0] == "1994"] and not any(r[1].endswith(("实有干部", "实有人数合计"))
                                                            for r in rows if r[0] == "1994")
    assert not any("280" in r for r in rows if r[0].isdigit())
    assert "全县实有干部" in book


def test_site_and_book_take_the_tables_years_from_one_function(tmp_path):
    """The base's first event is of 1956 and its 上限 1949: the site's table began at the first event's year and
    left out a 1950 figure the book printed. Both now run from the 上限; a figure before it is 追述."""
    a, h, _found = _archive(tmp_path, """
- {jurisdiction: cs-xian, date: 1947, figures: {编制: 50}, sources: [d-1956-1]}
- {jurisdiction: cs-xian, date: 1950, figures: {编制: 80}, sources: [d-1956-1]}
""")
    page, book = _printed(a, h)
    site_years = [r[0] for r in _rows(page) if r[0].isdigit()]
    book_years = re.findall(r"<td rowspan=\"\d+\">(\d{4})", BookWriter(a, h, ROOT / "theme").appendix_html())
    assert site_years[0] == "1950" and site_years == book_years
    for text in (page, book):
        assert "1947年（追述）" in text and "编制50名" in text
    assert "1947" not in site_years
    from zhi.views.staffing import table_years

    assert table_years(a, figures(a)) == range(1949, 2001)


def test_a_figure_after_the_lower_limit_is_a_finding_and_not_printed(tmp_path):
    a, h, found = _archive(tmp_path, "- {jurisdiction: cs-xian, date: 2003-12-31, figures: {编制: 700},"
                                     " sources: [d-1990-3]}\n")
    after = [f for f in found if f.code == "staffing-after-lower"]
    assert len(after) == 1, [f.as_text() for f in found]
    f = after[0]
    assert f.severity == "warning" and f.loc.file == "sources/staffing/record.yaml" and f.loc.line == 1
    assert "2003年12月31日" in f.message and "本志下限（2000年）" in f.message
    page, book = _printed(a, h)
    assert "700" not in page and "700" not in book


def test_guide_example_prints_the_rows_it_promises(tmp_path):
    """guide/staffing.md 完整示例：时期、部分与沿用的数字 — checks clean (no error, no warning) and the 统计 page holds
    every row of the two tables the guide shows, cell for cell."""
    from test_guide_examples import GUIDE, lay_out, section

    text = section((GUIDE / "staffing.md").read_text(encoding="utf-8"), "## 完整示例：时期、部分与沿用的数字")
    root = lay_out(tmp_path, text)
    write(root, "chronicle/book.yaml", "title: 云岭县机构编制志\nupper: 1949\nlower: 2000\n")   # as the example says
    a = load_archive(root)
    h = derive_history(a)
    # the example's 财政局 has no record after 1984 (body-silent since the threshold is ten years): its page says so;
    # the tables are what this test is about
    assert [w for w in _warnings(run_checks(a, history=h)) if "[body-silent]" not in w] == []
    page = _printed(a, h)[0]
    got = _rows(page)
    promised = [r for r in _rows(text) if r[0] not in ("年份", "日期", "---")]
    assert len(promised) == 12
    for row in promised:
        assert row in got, f"the guide promises {row}"
    # the year a row stands under: 全县实有人数 is 1990's
    years = [r[0] for r in got]
    at = got.index(["", "全县实有人数", "—", "—", "120", "其中党员45人"])
    assert next(y for y in reversed(years[:at + 1]) if y) == "1990"


def test_open_data_keeps_parts_apart_and_a_headcounts_breakdown(tmp_path):
    """staffing.csv: the two 范围 of one day are two records (two ids), and 其中党员45人 is a row of its own."""
    from zhi.writers import opendata

    a, h, _found = _archive(tmp_path, PARTS)
    t = opendata.OpenData(a, h, {"base": "urn:zhi:"}).staffing()
    cols = [c.name for c in t.columns]
    rows = [dict(zip(cols, r, strict=True)) for r in t.rows]
    parts = {(r["编号"], r["范围说明"], r["数"]) for r in rows if r["范围编号"] == "cs-xian" and r["类别"] == "编制（未分类）"}
    assert {(n, v) for _id, n, v in parts} == {("县级", 986), ("乡镇", 446)} and len({i for i, _n, _v in parts}) == 2
    assert {(r["类别"], r["数"]) for r in rows if r["类别"].startswith("实有人数")} == {
        ("实有人数", 120), ("实有人数其中：党员", 45), ("实有人数其中：非党员", 75)}


def test_a_period_or_a_part_is_not_held_against_the_bodies_sum(tmp_path):
    """staffing-sum-differs compares a jurisdiction's figure of a day with its bodies' sum that day: a figure of the
    1980年代 is of no day, and 县级行政编制986名 is one part of the county's, not its whole."""
    _a, _h, found = _archive(tmp_path, """
- {jurisdiction: cs-xian, date: 1980年代, figures: {行政编制: 500}, sources: [d-1990-3]}
- {jurisdiction: cs-xian, date: 1987, figures: {行政编制: 986, 范围: 县级}, sources: [d-1990-3]}
- {jurisdiction: cs-xian, date: 1987, figures: {行政编制: 446, 范围: 乡镇}, sources: [d-1990-3]}
- {jurisdiction: cs-xian, date: 1995, figures: {行政编制: 30}, sources: [d-1990-3]}
""")
    differs = [f for f in found if f.code == "staffing-sum-differs"]
    assert [f.loc.line for f in differs] == [5], [f.as_text() for f in differs]   # 1995's whole: still compared
    assert "行政编制：测试县30名，各机构合计10名" in differs[0].message


def test_a_count_known_only_as_before_or_after_a_year_is_no_count_of_that_year(tmp_path):
    """实有干部 “1993年前” is a count of some time before 1993: no row of 1993 (nor of any year) takes it."""
    a, h, _found = _archive(tmp_path, """
- {jurisdiction: cs-xian, date: 1993前, basis: 实有, figures: {人数: 77, 人员: 干部}, sources: [d-1990-3]}
- {jurisdiction: cs-xian, date: 1994后, basis: 实有, figures: {行政编制: 66}, sources: [d-1990-3]}
- {jurisdiction: cs-xian, date: 1995年底, basis: 实有, figures: {人数: 88, 人员: 干部}, sources: [d-1990-3]}
""")
    page, _book = _printed(a, h)
    rows = _rows(page)
    assert not any("77" in r or "66" in r for r in rows if r[0].isdigit() or r[0] == "")
    assert ["1993年前", "实有", "全县", "实有干部77人", "测编〔1990〕3号"] in rows
    assert ["", "全县实有干部", "—", "—", "88", ""] in rows
