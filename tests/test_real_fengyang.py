"""A tester's typing of 《凤阳县志》“人事·干部状况”: the county's 干部 counted in 1949, 1952 (with its seven parts), 1954年底,
1960 and 1978. Sources and what was typed: tests/fixtures/real/fengyang-ganbu/SOURCE.md.

A count of people is no 编制: each is a row of its own year in the 编制统计表 (实有人数 column), never carried into a
year with no count, and the 1952 breakdown prints as the source gives it."""

from pathlib import Path

from conftest import ROOT
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.writers.book import BookWriter
from zhi.writers.site import SiteWriter

REAL = Path(__file__).resolve().parent / "fixtures" / "real" / "fengyang-ganbu"
PARTS_1952 = "其中党群干部470人、政法干部123人、财贸干部423人、工交干部363人、农口干部124人、宣传干部78人、中小学教师563人"


def _load():
    a = load_archive(REAL)
    return a, derive_history(a)


def _stats(a, h) -> str:
    w = SiteWriter(a, h, ROOT / "theme")
    w.stats_page()
    return next(p.text for p in w.tree.pages if p.path == "tongji/index.md")


def _rows(page: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip("|").split("|")] for line in page.splitlines() if line.startswith("| ")]


def test_the_archive_checks_clean():
    a, h = _load()
    assert [f.as_text() for f in run_checks(a, history=h) if f.severity in ("error", "warning")] == []


def test_each_count_is_a_row_of_its_own_year_and_no_other():
    a, h = _load()
    rows = _rows(_stats(a, h))
    assert rows[0] == ["年份", "口径", "实有人数", "说明"]
    table = [r for r in rows[2:] if len(r) == 4 and r[1] == "全县实有干部"]
    assert table == [["1949", "全县实有干部", "781", ""], ["1952", "全县实有干部", "2144", PARTS_1952],
                     ["1954", "全县实有干部", "1608", ""], ["1960", "全县实有干部", "4028", ""],
                     ["1978", "全县实有干部", "6035", ""]]
    # no year without a count has a row: a count is never carried (1950, 1953, 1979 …)
    assert [r[0] for r in rows[2:] if r[0].isdigit() and len(r) == 4] == ["1949", "1952", "1954", "1960", "1978"]


def test_the_records_say_the_counts_as_the_source_does():
    a, h = _load()
    rows = _rows(_stats(a, h))
    assert ["1952年", "实有", "全县", f"实有干部2144人，{PARTS_1952}", "《凤阳县志》"] in rows
    assert ["1954年底", "实有", "全县", "实有干部1608人", "《凤阳县志》"] in rows
    book = BookWriter(a, h, ROOT / "theme").appendix_html()
    assert f"实有干部2144人，{PARTS_1952}" in book and "全县实有干部" in book and "<svg" not in book.split("四、编制统计表")[1]
