"""Small truths from 《滁县地区志》 and 《张掖地区志》 typed by a tester: a check message names a place by the name and
level it had then; the 机构 index tells an unknown end from a body still there; no empty staffing chart drawn as if
the figures were zero. Each test reads what the editor or the reader sees (a small typed archive)."""

from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.loader import load_archive

PLACES = """
- id: cs-zq
  level: 专区
"""

# 测试专区 (a 专区) merged away in 1958 and restored in 1961, renamed 测试地区 (a 地区) in 1971; its office is recorded
# as going on through the gap (no record of where it was meanwhile)
GAP = """
- {id: zq-1950, type: establish, date: 1950, body: cs-zq, name: 测试专区, sources: [d-1956-1]}
- {id: zq-1958, type: abolish, date: 1958-01, body: cs-zq, sources: [d-1956-1]}
- {id: zq-1961, type: restore, date: 1961-04-07, body: cs-zq, wording: 重新设立, sources: [d-1956-1]}
- {id: zq-1971, type: rename, date: 1971-03-29, body: cs-zq, name: 测试地区, wording: 改称, sources: [d-1956-1]}
- {id: zq-1971-l, type: rerank, date: 1971-03-29, body: cs-zq, level: 地区, sources: [d-1956-1]}
- {id: bgs-1952, type: establish, date: 1952, body: cs-bgs, name: 专署办公室, jurisdiction: cs-zq, sources: [d-1956-1]}
"""


def _findings(tmp_path, events: str, code: str) -> list[str]:
    root = make_archive(tmp_path)
    write(root, "sources/jurisdictions/x.yaml", PLACES)
    write(root, "sources/bodies/x.yaml", "- id: cs-bgs\n  kind: 其他\n")
    write(root, "sources/events/x.yaml", events)
    return [f.message for f in run_checks(load_archive(root)) if f.code == code]


def test_fate_unknown_names_the_place_as_it_was_called_then_and_its_level_then(tmp_path):
    found = _findings(tmp_path, GAP, "fate-unknown")
    assert len(found) == 1, found
    msg = found[0]
    assert msg.startswith("测试专区（cs-zq）于1958年1月终止、1961年4月7日恢复，档案未记专署办公室（cs-bgs）其间的去向"), msg
    assert "专区恢复后它又在的" in msg, msg
    assert "测试地区" not in msg and "县恢复后" not in msg, msg


def test_fate_unknown_of_a_body_restored_names_the_place_as_it_was_called_then(tmp_path):
    events = GAP + "- {id: bgs-1972, type: restore, date: 1972, body: cs-bgs, sources: [d-1956-1]}\n"
    found = _findings(tmp_path, events, "fate-unknown")
    assert len(found) == 1, found
    assert found[0].startswith("测试专区（cs-zq）于1958年1月终止，档案未记专署办公室（cs-bgs）的去向"), found[0]


def _body_page(tmp_path, files: dict[str, str], path: str) -> str:
    """One page of the 机构 section (jigou/…md) as written for the site, from the base archive with ``files`` added;
    the archive must check without errors."""
    from conftest import ROOT
    from zhi.history import derive_history
    from zhi.writers.site import SiteWriter

    root = make_archive(tmp_path)
    for rel, text in files.items():
        write(root, rel, text)
    a = load_archive(root)
    assert not [f.as_text() for f in run_checks(a) if f.severity == "error"]
    w = SiteWriter(a, derive_history(a), ROOT / "theme")
    w.collect_backlinks()
    w.body_pages()
    return next(p.text for p in w.tree.pages if p.path == path)


def _index_rows(tmp_path) -> dict[str, str]:
    """The 机构 index page (jigou/index.md) as written for the site: body name → its 终止 cell."""
    import re

    page = _body_page(tmp_path, {
        "sources/bodies/x.yaml": "- id: cs-bgs\n  kind: 其他\n  end: 不详\n",
        "sources/events/x.yaml": "- {id: bgs-1960, type: establish, date: 1960, body: cs-bgs, name: 县委办公室,"
                                 " jurisdiction: cs-xian, sources: [d-1956-1]}\n"}, "jigou/index.md")
    rows = re.findall(r"^\| \[([^]]*)\]\([^)]*\) \| [^|]* \| [^|]* \| ([^|]*) \|$", page, flags=re.MULTILINE)
    return {name: cell.strip() for name, cell in rows}


def test_the_bodies_index_tells_an_unknown_end_from_a_body_still_there(tmp_path):
    rows = _index_rows(tmp_path)
    assert rows["县委办公室"] == "止年不详"            # end: 不详 (the body page: 止年不详（最后见于1960年）)
    assert rows["测试县计划经济委员会"] == ""           # still there at the book's 下限: blank, never 今
    assert rows["测试县计划委员会"] == "1984年3月12日（合并）"


# 《滁县地区志》: only the 地直党政群机关系统's 编制 is given, year by year; no body's, no whole place's
SYSTEM_ONLY = """
- jurisdiction: cs-xian
  system: 党政群机关
  date: 1976
  basis: 核定
  figures: {行政编制: 474, 事业编制: 363}
  sources: [d-1990-3]
- jurisdiction: cs-xian
  system: 党政群机关
  date: 1981
  basis: 实有
  figures: {编制: 947}
  sources: [d-1990-3]
"""

NO_CHART = "测试县不作编制图：表中只有系统的编制，档案中没有逐年可比的合计数（各机构合计或全区划的编制）。"


def _stats(tmp_path, staffing: str | None) -> tuple[str, str]:
    """The 统计 page as written for the site, and the appendix of the book (the PDF's HTML)."""
    from conftest import ROOT
    from zhi.history import derive_history
    from zhi.writers.book import BookWriter
    from zhi.writers.site import SiteWriter

    root = make_archive(tmp_path)
    if staffing is not None:   # in place of every body's figures (the base's 1984 merge sets one's 编制 too)
        write(root, "sources/staffing/1990.yaml", staffing)
        merge = (root / "sources/events/1984.yaml").read_text(encoding="utf-8")
        write(root, "sources/events/1984.yaml", merge.replace("  staffing: {行政编制: 12, 领导职数: {正科级: 1, 副科级: 2}}\n", ""))
    a = load_archive(root)
    assert not [f.as_text() for f in run_checks(a) if f.severity == "error"]
    h = derive_history(a)
    w = SiteWriter(a, h, ROOT / "theme")
    w.stats_page()
    page = next(p.text for p in w.tree.pages if p.path == "tongji/index.md")
    book = BookWriter(a, h, ROOT / "theme").appendix_html()
    stats = book[book.index("四、编制统计表"):]
    return page, stats[:stats.find("<h2", 1)] if "<h2" in stats else stats   # up to the next part (沿革图)


def test_no_empty_staffing_chart_when_the_table_has_only_a_systems_figures(tmp_path):
    page, book = _stats(tmp_path, SYSTEM_ONLY)
    assert "党政群机关系统核定编制 | 474 | 363" in page          # the table is there, with its numbers
    assert "<svg" not in page and "编制（年末，各类合计）" not in page   # no 0–1 chart that reads as zero
    assert NO_CHART in page
    assert "<svg" not in book and NO_CHART in book


def test_the_staffing_chart_is_drawn_when_the_bodies_figures_give_totals(tmp_path):
    page, book = _stats(tmp_path, None)   # the base archive: a body's 核定 and 实有 in 1990
    assert "测试县核定与实有编制（年末，各类合计）" in page and "<svg" in page and "不作编制图" not in page
    assert "<svg" in book and "不作编制图" not in book


def test_a_volume_with_only_headcounts_has_a_table_of_headcounts_and_no_chart(tmp_path):
    """A tester's 济阳 volume (two 实有人数 records, no 编制, no leaders): the PDF's 编制统计表 was its heading and notes
    alone. A head-count of a year is now a row of its own (实有人数, beside the 编制 columns); no 编制 is charted."""
    page, book = _stats(tmp_path, "- {body: cs-jijingwei, date: 1990, basis: 实有, figures: {人数: 13, 人员: 工作人员}, "
                                  "sources: [d-1984-7]}\n")
    assert "| 1990 | 各机构实有人数合计 | 13 |" in page and "| 年份 | 口径 | 实有人数 | 说明 |" in page, page
    assert "<svg" not in page and "<svg" not in book and "各机构实有人数合计" in book


def test_a_span_over_years_on_a_body_page_is_a_time_within_which_not_a_duration(tmp_path):
    """《吴江大事记》 (a tester): a rename known only to fall between 1966年6月 and 1984年9月14日 printed on the body
    page as “1966年6月至1984年9月14日　…更名为…”, which reads as a rename five years long; the 大事记 said “…间”."""
    import re

    page = _body_page(tmp_path, {"sources/events/x.yaml": "- {id: zf-rn, type: rename, date: 1966-06..1984-09-14,"
                                 " body: cs-zhengfu, name: 测试县人民政府, sources: [d-1956-1]}\n"}, "jigou/cs-zhengfu.md")
    line = next(x for x in page.splitlines() if "测试县人民政府" in x and "1966年6月" in x and x.startswith("- "))
    assert re.search(r"\*\*1966年6月至1984年9月14日间\*\*", line), line
