"""《哈尔滨市志·劳动志》 第一节 市劳动局 (1946–1966), typed by a tester (tests/fixtures/real/haerbin): each test reads
what the reader of the book or the site sees."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive

REAL = Path(__file__).parent / "fixtures" / "real" / "haerbin"


@pytest.fixture
def hrb(tmp_path):
    root = tmp_path / "hrb"
    shutil.copytree(REAL, root)
    return root


def _load(root: Path):
    a = load_archive(root)
    h = derive_history(a)
    assert [f.as_text() for f in run_checks(a, history=h) if f.severity == "error"] == []
    return a, h


def _stats(root: Path) -> tuple[str, str]:
    """The site's 统计 page and the book's 编制统计表 (up to the next part of the appendix)."""
    from zhi.writers.book import BookWriter
    from zhi.writers.site import SiteWriter

    a, h = _load(root)
    w = SiteWriter(a, h, ROOT / "theme")
    w.stats_page()
    page = next(p.text for p in w.tree.pages if p.path == "tongji/index.md")
    book = BookWriter(a, h, ROOT / "theme").appendix_html()
    stats = book[book.index("四、编制统计表"):]
    return page, stats[:stats.find("<h2", 1)]


def test_stated_figures_are_listed_under_the_staffing_table_and_the_chart_says_what_it_plots(hrb):
    """编制17人 (1948), 编制38人 (1950), 编制51人 (1952) are 口径 记载: no line of the table sums them, and the PDF
    printed them nowhere; the chart of the one 实有 figure was titled 编制（年末，各类合计）."""
    page, book = _stats(hrb)
    for text in (page, book):
        for year, n in (("1948年1月", 17), ("1950年", 38), ("1952年", 51)):
            assert f"{year}</td><td>哈尔滨市劳动局</td><td>记载</td><td>编制{n}名</td>" in text.replace("\n", "") \
                or f"| {year} | 哈尔滨市劳动局 | 记载 | 编制{n}名 |" in text, (year, text)
        assert "各机构的其他编制记载" in text
        assert "编制（年末，各类合计）" not in text.replace("实有编制（年末，各类合计）", "")
        assert "哈尔滨市实有编制（年末，各类合计）" in text
    assert "<figcaption>哈尔滨市实有编制（年末）</figcaption>" in book


def test_a_level_no_source_gives_is_written_unknown_and_none_is_published(hrb):
    """The source does not say what 哈尔滨市 was: `level: 不详` is accepted (the tester, thinking the field required,
    wrote 省辖市), no 层级 is derived or printed, and the open data say 不详 rather than an invented level."""
    from zhi.writers import opendata

    a, h = _load(hrb)
    assert a.jurisdictions["hrb-shi"].level == "" and h.get("hrb-shi").levels == []
    od = opendata.OpenData(a, h, {"base": "urn:zhi:"})
    (row,) = od.jurisdictions().rows
    assert row[:3] == ["hrb-shi", "哈尔滨市", "不详"], row
    assert not [r for r in od.periods().rows if r[0] == "hrb-shi" and r[2] == "层级"]
