"""What typing 《宜黄县志》 (江西) met (tests/fixtures/real/yihuang/README.md): a rename told as 升场为县, a restore under
a name the county never had (宜黄场), dual leadership stated as a state, the 大事记's selection of bodies of unknown
kind and of six units set up in one sentence of a 志书, 1987至1992年间 in a chapter's extract, a 志书's page, 内设机构
whose start and end no source gives, and the appendix's empty 一览 of fourteen townships.

Each test reads the printed Chinese (a sentence, a cell, a page line) or the finding."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import ROOT
from zhi.checks import run_checks
from zhi.chronicle import Directive
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.views.lineage import unit_rows
from zhi.views.snapshot import NO_BODIES, NONE_RECORDED
from zhi.writers.book import BookWriter
from zhi.writers.site import SiteWriter
from zhi.writers.tables import Tables

REAL = Path(__file__).resolve().parent / "fixtures" / "real" / "yihuang"


def _load(root: Path = REAL):
    a = load_archive(root)
    return a, derive_history(a)


def _copy(tmp_path) -> Path:
    root = tmp_path / "yh"
    shutil.copytree(REAL, root)
    return root


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    p = root / rel
    text = p.read_text(encoding="utf-8")
    assert old in text, old
    p.write_text(text.replace(old, new), encoding="utf-8")


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def _site(a, h) -> SiteWriter:
    w = SiteWriter(a, h, ROOT / "theme")
    w.write()
    return w


def _page(w: SiteWriter, path: str) -> str:
    return next(p.text for p in w.tree.pages if p.path == path)


def test_the_archive_checks_without_errors():
    a, h = _load()
    assert [f.as_text() for f in run_checks(a, history=h) if f.severity == "error"] == []


# ---- 5. 1987至1992年间 in a chapter's [[大事记:…]] extract, as in the 大事记 and the 年表 ---------------------------
def test_a_span_over_years_reads_as_within_it_in_a_chapters_extract():
    a, h = _load()
    md = Tables(a, h, chronology(a, h), []).render(Directive("chronology", "yihuang-xian", None, None),
                                                   lambda r, t: t)
    lines = [x for x in md.splitlines() if "宜黄县摄影工作者协会" in x]
    assert lines and all(x.startswith("- **1987年至1992年间**　") for x in lines), lines


# ---- 6. a document's page: the 记事 that cite it; a 志书's page without empty 文号/机关/档号 rows -------------------
def test_a_documents_page_lists_the_memos_citing_it_and_a_books_page_has_no_empty_rows():
    a, h = _load()
    w = _site(a, h)
    page = _page(w, "wenjian/doc-yhxz-wenlian-gz.md")
    cited = page.split("## 引用本条的页面")[1]
    assert "记事：1989年10月 宜黄、乐安、崇仁、临川四县书法" in cited
    assert "(../dashiji/yihuang-xian.md#memo-1989-lianzhan)" in cited
    # 志书: none of these is a fact of a published book, and “—” would say the record lacks it
    for row in ("| 发文字号 |", "| 发文机关 |", "| 档号 |"):
        assert row not in page, row
    assert "| 引用格式 |" in page


# ---- 7. 内设机构 whose start and end no source gives ---------------------------------------------------------------
def test_units_with_no_known_start_or_end_are_accepted_and_print_so():
    a, h = _load()
    b = a.bodies["yh-wenlian"]
    rows = {r.name: r.head() + r.tail() for r in unit_rows(b.units, h.get("yh-wenlian"))}
    assert rows["文学创作专业小组"] == "文学创作专业小组（起止年不详）"   # from: 不详, to: 不详
    assert rows["戏剧专业小组"] == "戏剧专业小组（起止年不详）"           # to: 不详 and no from
    assert not any("（—" in v for v in rows.values())


# ---- 8. the 机构设置一览 of fourteen townships none of whose bodies the record gives ------------------------------
def test_places_with_no_body_recorded_are_named_once_not_each_under_an_empty_table():
    a, h = _load()
    html = BookWriter(a, h, ROOT / "theme").appendix_html()
    text = _text(html)
    assert "凤冈镇（2005年12月31日）" not in text and text.count(NO_BODIES) <= 1
    once = text.split(f"{NONE_RECORDED}（2005年12月31日）")[1].split("宜黄县")[0]
    assert "凤冈镇、二都镇、黄陂镇" in once and "青年垦殖场。" in once
    w = _site(a, h)
    year = _page(w, "nianbiao/2005.md")
    assert "凤冈镇机构设置一览" not in year and NO_BODIES not in year
    assert f"## {NONE_RECORDED}（2005年末）" in year and "[凤冈镇]" in year


# ---- 9. the hint under an empty 大事记 page ------------------------------------------------------------------------
def test_the_empty_dashiji_hint_reads_as_a_sentence():
    a, h = _load()
    found = [f for f in run_checks(a, history=h) if f.code == "dashiji-empty"]
    assert found and found[0].loc.file == "sources/jurisdictions/yihuang.yaml"
    said = found[0].message
    assert said.startswith("凤冈镇的 1 项机构变动都不合大事记的收录规则，它的大事记页一条也没有。要收录，请在 "
                           "sources/house-style.yaml 的 dashiji: 中加上"), said
    assert "请改sources" not in said
