"""Truth to the record in the summaries (tester who typed in 《惠民县志》, 《平阴县志》, 《内丘县志》): a rename the source
calls 改称 summed up as 更名为 on the year page; a body the source says was 改建 listed as 设立 (and 是年新设) in the
一览 and printed “甲改建乙”. Each test reads what the user sees: the 年表 and 大事记 sentences, the year page, the
appendix, the bodies list."""

from __future__ import annotations

import re

import pytest
from conftest import archive_with, with_theme, write
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.views.dashiji import Rules, dashiji
from zhi.views.naming import name_over
from zhi.writers.book import BookWriter

# 测试县: 甲组 set up 1960, 改称 甲科 1962, 称 甲局 1963 (two renames in the source's two words), 改建 as 乙站 1964
RENAMES = """
- {id: e-a, type: establish, date: 1960-03, body: cs-a, name: 测试县甲组, parent: cs-zhengfu, sources: [d-1956-1]}
- {id: e-a-r, type: rename, wording: 改称, date: 1962-03, body: cs-a, name: 测试县甲科, sources: [d-1956-1]}
- {id: e-a-r2, type: rename, wording: 称, date: 1963-03, body: cs-a, name: 测试县甲局, sources: [d-1956-1]}
- {id: e-b, type: reorganise, wording: 改建, date: 1964-03, before: [cs-a],
   after: [{id: cs-b, name: 测试县乙站, parent: cs-zhengfu}], sources: [d-1956-1]}
- {id: e-c, type: rename, wording: 改称, date: 1966-05, body: cs-b, name: 测试县丙站, sources: [d-1956-1]}
- {id: e-d, type: rename, wording: 改称, date: 1967-05, body: cs-b, name: 测试县丁站, sources: [d-1956-1]}
- {id: e-c1, type: establish, date: 1960-04, body: cs-c, name: 测试县丙科, parent: cs-zhengfu, sources: [d-1956-1]}
- {id: e-c2, type: suspend, date: 1966-06, body: cs-c, sources: [d-1956-1]}
- {id: e-c3, type: resume, date: 1970-02, body: cs-c, name: 测试县丙局, sources: [d-1956-1]}
- {id: e-c4, type: split, wording: 分出部分职能, date: 1972-03, before: [cs-c],
   after: [cs-c, {id: cs-g, name: 测试县庚站, parent: cs-zhengfu}], sources: [d-1956-1]}
- {id: e-d1, type: establish, date: 1960-04, body: cs-d, name: 测试县丁科, parent: cs-zhengfu, sources: [d-1956-1]}
- {id: e-e1, type: establish, date: 1960-04, body: cs-e, name: 测试县戊科, parent: cs-zhengfu, sources: [d-1956-1]}
- {id: e-f1, type: merge, wording: 合并，成立, date: 1968-03, before: [cs-d, cs-e],
   after: {id: cs-f, name: 测试县己委员会, parent: cs-zhengfu}, sources: [d-1956-1]}
"""
KINDS = {"cs-a": "政府工作部门", "cs-b": "事业单位", "cs-c": "政府工作部门", "cs-d": "政府工作部门",
         "cs-e": "政府工作部门", "cs-f": "政府工作部门", "cs-g": "事业单位"}


def _loaded(root):
    a = load_archive(root)
    h = derive_history(a)
    errors = [f.as_text() for f in run_checks(a, history=h) if f.severity == "error"]
    return a, h, errors


def _printed(a, h, kinds=("政府工作部门", "党委工作部门")) -> list[str]:
    return [en.plain() for en in chronology(a, h)] + \
        [it.plain() for it in dashiji(a, h, Rules.from_options({"kinds": list(kinds)}))]


@pytest.fixture(scope="module")
def renames_site(tmp_path_factory):
    """The base archive with RENAMES, built (no PDF): its year pages are what the tester read."""
    root = with_theme(archive_with(tmp_path_factory.mktemp("renames"), RENAMES, KINDS))
    build_edition(root, pdf=False)
    return root


def _page(root, rel: str) -> str:
    html = (root / "site" / rel).read_text(encoding="utf-8")
    return re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", html))


# ---- 1. a rename is summed up in the source's verb --------------------------------------------------------------
def test_the_year_page_sums_up_a_rename_in_the_sources_verb(renames_site):
    y1962 = _page(renames_site, "nianbiao/1962/index.html")
    assert "测试县甲组改称测试县甲科" in y1962
    assert "更名为测试县甲科" not in y1962
    y1963 = _page(renames_site, "nianbiao/1963/index.html")
    assert "测试县甲科称测试县甲局" in y1963 and "更名为" not in y1963
    # two renames in one year: each in its own verb, never one 更名为 for both
    y1966 = _page(renames_site, "nianbiao/1966/index.html")
    assert "测试县乙站改称测试县丙站" in y1966


def test_a_name_taken_on_resuming_is_not_called_a_rename(renames_site):
    y1970 = _page(renames_site, "nianbiao/1970/index.html")
    assert "测试县丙科恢复活动时称测试县丙局" in y1970 and "更名为测试县丙局" not in y1970


def test_a_name_over_years_gives_each_renames_verb(tmp_path):
    _a, h, errors = _loaded(archive_with(tmp_path, RENAMES, KINDS))
    assert errors == []
    assert name_over(h, "cs-a", parse_date("1961"), parse_date("1963-12-31")) == \
        "测试县甲组（1962年改称测试县甲科，1963年称测试县甲局）"


def test_a_chapters_link_to_a_rename_says_its_verb(tmp_path):
    from zhi.writers.prose import ProseRenderer

    a, h, errors = _loaded(archive_with(tmp_path, RENAMES, KINDS))
    assert errors == []
    out = ProseRenderer(a, h, lambda rid, label: f"[{label}]").render("见[[e-a-r]]、[[e-a-r2]]。")
    assert "[1962年3月改称]" in out and "[1963年3月称]" in out and "更名" not in out


# ---- 2. a body the source says was 改建 is not 设立 -------------------------------------------------------------
def test_the_year_page_says_gaijian_not_xinshe(renames_site):
    y1964 = _page(renames_site, "nianbiao/1964/index.html")
    assert "是年改建：测试县乙站。" in y1964
    assert "是年改建为他机构：测试县甲局。" in y1964
    assert "是年新设" not in y1964 and "是年撤销" not in y1964
    # the 一览's 设立 column: the date with the source's word
    assert "1964年3月改建" in y1964


def test_a_merge_and_a_split_are_summed_up_as_their_sentences_say(renames_site):
    y1968 = _page(renames_site, "nianbiao/1968/index.html")
    assert "是年合并成立：测试县己委员会。" in y1968 and "1968年3月合并成立" in y1968     # the source's 合并，成立
    # the source says 合并，成立: no 撤销 it does not say (was “是年撤销或并入他机构”)
    assert "是年合并为他机构：测试县丁科、测试县戊科。" in y1968 and "撤销" not in y1968
    y1972 = _page(renames_site, "nianbiao/1972/index.html")
    assert "是年新设：测试县庚站。" in y1972 and "是年分设" not in y1972   # 从甲分出部分职能，设立乙


def test_the_bodies_list_says_how_a_body_began(renames_site):
    listing = _page(renames_site, "jigou/index.html")
    assert "1964年3月改建" in listing


def test_the_appendix_snapshot_says_gaijian(tmp_path):
    root = with_theme(archive_with(tmp_path, RENAMES, KINDS))
    book = (root / "chronicle/book.yaml").read_text(encoding="utf-8")
    write(root, "chronicle/book.yaml", book + "snapshots: [1965-12-31]\n")
    a, h, errors = _loaded(root)
    assert errors == []
    html = BookWriter(a, h, root / "theme").appendix_html()
    row = next(r for r in re.findall(r"<tr>.*?</tr>", html, re.DOTALL) if "测试县乙站" in r)
    cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)]
    assert "1964年3月改建" in cells, cells


def test_gaijian_is_printed_with_wei_before_the_new_body(tmp_path):
    a, h, errors = _loaded(archive_with(tmp_path, RENAMES, KINDS))
    assert errors == []
    printed = _printed(a, h)
    assert "测试县甲局改建为测试县乙站，隶属测试县人民委员会，为事业单位。" in printed
    assert not any("改建测试县乙站" in p for p in printed)
