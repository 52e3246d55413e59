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
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.views.dashiji import dashiji
from zhi.views.lineage import lineage, unit_rows
from zhi.views.naming import name_changes, name_over
from zhi.views.snapshot import NO_BODIES, NONE_RECORDED, snapshot
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
    lines = [x for x in md.splitlines() if "成立宜黄县摄影工作者协会" in x]
    assert lines and all(x.startswith("- **1987年至1992年间**　") for x in lines), lines
    # and where a page lists the entries citing a document (the same Date.happened)
    page = _page(_site(a, h), "wenjian/doc-yhxz-wenlian.md")
    assert "[1987年至1992年间 成立宜黄县摄影工作者协会" in page and "[1987年至1992年 " not in page


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


def _printed(a, h) -> list[str]:
    return [f"{en.date.happened()}　{en.plain()}" for en in chronology(a, h)]


def _errors(root: Path) -> list[str]:
    a, h = _load(root)
    return [f.as_text() for f in run_checks(a, history=h) if f.severity == "error"]


# ---- 1. a rename whose wording says the change (升场为县) -----------------------------------------------------------
def test_a_kind_change_wording_prints_as_the_source_says_it_never_twice():
    a, h = _load()
    printed = _printed(a, h)
    assert "970年　升宜黄场为宜黄县。" in printed
    assert not any("升场为县为" in x for x in printed)
    # where a name change is summed up (隶属, 属地 cells, table headings): the kind change, then the name it took
    assert name_changes(h, "yihuang-xian", parse_date("968"), parse_date("2005")) == [("升场为县，称", "宜黄县")]


def test_a_wording_that_says_the_result_but_is_no_kind_change_is_refused(tmp_path):
    root = _copy(tmp_path)
    _edit(root, "sources/events/xian.yaml", "wording: 升场为县", "wording: 改为县")
    errors = _errors(root)
    assert len(errors) == 1 and "xian.yaml" in errors[0], errors
    assert "“改为县”已经说了改成什么，再接新名会印成“甲改为县为乙”" in errors[0] and "升场为县" in errors[0]
    # 改州为县 keeps its print (the 平度 case), and its check on the names' endings
    root = _copy(tmp_path / "b")
    _edit(root, "sources/events/xian.yaml", "wording: 升场为县", "wording: 升州为县")
    errors = _errors(root)
    assert len(errors) == 1 and "“升宜黄场为宜黄县”，旧名“宜黄场”却不以“州”结尾" in errors[0], errors


# ---- 2. a restore under a name the body never bore; the level 场 ----------------------------------------------------
def test_a_restore_under_a_new_name_says_it_was_set_up_again_as_it(tmp_path):
    # the source's verb (南唐置宜黄场, wording: 置) in the 大事记 and in every cell that sums the names up alike
    a, h = _load()
    printed = _printed(a, h)
    assert "968年　从崇仁县分出，置宜黄场。" in printed
    assert "622年　从崇仁县分出，恢复宜黄县，属抚州。" in printed   # its own former name: 恢复
    assert not any("恢复宜黄场" in x for x in printed)
    assert name_over(h, "yihuang-xian", parse_date("626"), parse_date("2005")) == \
        "宜黄县（968年置宜黄场，970年升场为县，称宜黄县）"
    # with no wording: 复置为 in the 大事记, and the cells say it as the 大事记 does, never 恢复时称宜黄场
    root = _copy(tmp_path)
    _edit(root, "sources/events/xian.yaml", "  level: 场\n  wording: 置\n", "  level: 场\n")
    a, h = _load(root)
    assert "968年　从崇仁县分出，复置为宜黄场。" in _printed(a, h)
    assert name_changes(h, "yihuang-xian", parse_date("626"), parse_date("2005"))[0] == ("复置为", "宜黄场")
    assert name_over(h, "yihuang-xian", parse_date("626"), parse_date("2005")) == \
        "宜黄县（968年复置为宜黄场，970年升场为县，称宜黄县）"
    # a name it bore before keeps 恢复时称
    assert name_changes(h, "yihuang-xian", parse_date("600"), parse_date("2005"))[0] == ("恢复时称", "宜黄县")


def test_a_body_restored_under_a_name_it_never_bore_is_no_restore_in_the_tables(tmp_path):
    """The 一览's and the 机构 list's 设立 column, as the 大事记 says it: 1990年复置, never 1990年恢复."""
    root = _copy(tmp_path)
    _edit(root, "sources/events/bodies.yaml", "# 县政府、", """- {id: ev-t-1, type: abolish, date: 1988, body: yh-linye-gongye,
   sources: [doc-yhxz-senlin]}
- {id: ev-t-2, type: restore, date: 1990, body: yh-linye-gongye, name: 宜黄县林产工业公司, sources: [doc-yhxz-senlin]}
# 县政府、""")
    a, h = _load(root)
    assert "1990年　复置为宜黄县林产工业公司，为企业。" in _printed(a, h)
    row = next(r for r in snapshot(a, h, "yihuang-xian", parse_date("1995"), []) if r.body == "yh-linye-gongye")
    assert row.established_text() == "1990年复置", row
    assert lineage(a, h, "yh-linye-gongye").start_how == ""   # its first period was a 设立


def test_the_levels_a_real_volume_names_are_accepted_and_a_misspelling_gets_a_suggestion(tmp_path):
    a, h = _load()
    assert lineage(a, h, "yihuang-xian").levels[2].value == "场"
    w = _site(a, h)
    row = next(x for x in _page(w, "dashiji/yihuang-xian.md").splitlines() if x.startswith("| 层级 |"))
    assert "场（968年—970年）；县（970年起）" in row
    assert a.jurisdictions["linchuan-jun"].level == "郡" and a.jurisdictions["qingnian-kzc"].level == "垦殖场"
    root = _copy(tmp_path)
    _edit(root, "sources/jurisdictions/yihuang.yaml", "{id: qingnian-kzc, level: 垦殖场}", "{id: qingnian-kzc, level: 垦植场}")
    errors = _errors(root)
    assert len(errors) == 1 and "是否应为“垦殖场”" in errors[0], errors


# ---- 3. dual leadership the source states, with no superior recorded before ----------------------------------------
def test_dual_leadership_with_no_earlier_superior_is_stated_not_changed(tmp_path):
    a, h = _load()
    assert "1986年　宜黄县文学艺术联合会由中共宜黄县委员会宣传部、宜黄县文化局双重领导。" in _printed(a, h)
    assert not any("改为由" in x for x in _printed(a, h))
    # a wording on it would be printed nowhere: refused, saying what the 大事记 prints
    root = _copy(tmp_path)
    _edit(root, "sources/events/bodies.yaml", "  co_parents: [yh-xuanchuanbu, yh-wenhuaju]\n",
          "  co_parents: [yh-xuanchuanbu, yh-wenhuaju]\n  wording: 划归\n")
    errors = _errors(root)
    assert len(errors) == 1 and "bodies.yaml" in errors[0] and "双重领导（co_parents）的隶属变更，大事记自有说法" in errors[0]
    assert "请删去 wording" in errors[0]


# ---- 4. the 大事记's selection: a body of unknown kind is no leading body; six set up in one sentence of a 志书 ------
def _dashiji_lines(a, h) -> list[str]:
    return [f"{it.date.happened()}　{it.plain()}" for it in dashiji(a, h)]


def test_bodies_of_unknown_kind_with_no_superior_do_not_enter_the_dashiji():
    a, h = _load()
    lines = _dashiji_lines(a, h)
    assert not any("工作者协会" in x for x in lines if not x.startswith("1990年12月")), lines   # a 记事 names one
    # the 年表 keeps them all
    assert any("成立宜黄县摄影工作者协会" in f"{en.plain()}" for en in chronology(a, h))


def test_six_set_up_in_one_sentence_of_a_published_source_are_one_reform_entry(tmp_path):
    a, h = _load()
    lines = [x for x in _dashiji_lines(a, h) if x.startswith("1985年　")]
    assert len(lines) == 1, lines
    assert lines[0].startswith("1985年　设立宜黄县林业局（简称县林业局）、宜黄县森林公安局（简称县森林公安局）")
    assert lines[0].endswith("宜黄县世行办（简称县世行办）等6个机构。")
    # four in one sentence (the 协会, once of a known kind) stay below the rule's 5 and in the 年表 only
    root = _copy(tmp_path)
    _edit(root, "sources/bodies/yihuang.yaml", "- {id: yh-sheying-xh, kind: 不详}", "- {id: yh-sheying-xh, kind: 群团机关}")
    a, h = _load(root)
    assert not any("工作者协会等4个机构" in x for x in _dashiji_lines(a, h))


# ---- a township known only to be there by 2005 is not put under the county of 257 ---------------------------------
def test_a_place_known_only_by_a_date_is_not_said_to_have_been_under_its_county_in_earlier_lives():
    a, h = _load()
    w = _site(a, h)
    cell = next(x for x in _page(w, "dashiji/fenggang-zhen.md").splitlines() if x.startswith("| 隶属 |"))
    assert "宜黄县](yihuang-xian.md)（2005年或以前起；" in cell, cell
    assert "589年" not in cell and "临川郡" not in cell and "622年" not in cell


# ---- `date: 见于来源` with a 志书 whose own date (2005后) is after the 下限: refused, or dated by its 记述下限 ---------
_FIVE_GROUPS = ("  date: 2005\n  body: yh-wenlian\n  units:", "  date: 见于来源\n  body: yh-wenlian\n  units:")


def test_a_fact_dated_by_a_books_publication_after_the_lower_limit_is_refused_not_dropped(tmp_path):
    root = _copy(tmp_path)
    _edit(root, "sources/events/bodies.yaml", *_FIVE_GROUPS)
    _edit(root, "sources/events/bodies.yaml", "date: 见于来源, body: yh-", "date: 2005, body: yh-")   # 各协会设会长…
    _edit(root, "sources/documents/yhxz.yaml", "  date: 2005后\n  covers: 2005\n", "  date: 2005后\n")
    a, h = _load(root)
    found = [f for f in run_checks(a, history=h) if f.code == "date-invalid"]
    assert len(found) == 1 and found[0].severity == "error", [f.as_text() for f in found]
    assert (found[0].loc.file, found[0].loc.line) == ("sources/events/bodies.yaml", 56)
    said = found[0].message
    assert "“date: 见于来源”取了来源《宜黄县志》（doc-yhxz-wenlian）的日期“2005年后”" in said, said
    assert "晚于本志下限（2005年）" in said and "covers: 2005" in said
    assert not any(f.code == "after-lower" and f.loc.line in (53, 56) for f in run_checks(a, history=h))


def test_a_books_coverage_end_dates_a_fact_it_states_without_a_date(tmp_path):
    root = _copy(tmp_path)
    _edit(root, "sources/events/bodies.yaml", *_FIVE_GROUPS)   # the fixture's 志书 says covers: 2005
    assert _errors(root) == []
    a, h = _load(root)
    assert "2005年或以前　宜黄县文学艺术联合会下辖文学创作、戏剧、美术、音乐、摄影5个专业小组。" in _printed(a, h)


# ---- open data: a body silent for twenty years before the 下限 goes on 至下限 in no file ----------------------------
def test_a_silent_bodys_periods_in_the_open_data_say_what_bodies_csv_says():
    from zhi.writers.opendata import OpenData

    a, h = _load()
    od = OpenData(a, h, {"base": "urn:zhi:", "title": "yh", "licence": "-", "version": "-", "edition_zh": "公开版"})
    body = next(r for r in od.bodies().rows if r[0] == "yh-linyeju")
    assert body[8] == "不详" and body[11] == "1985年后情况不详" and body[13] == "1985年", body
    spans = {r[2]: r for r in od.periods().rows if r[0] == "yh-linyeju"}
    for item in ("存续", "名称", "上级", "属地"):
        assert spans[item][10:15] == ["不详", "", "", "", "1985年后情况不详"], spans[item]
    assert not any("至下限仍存续" in r[14] for r in od.periods().rows if r[0] == "yh-linyeju")


# ---- “各协会设会长、副会长”: posts a body has, with no count and no holder ------------------------------------------
def test_posts_set_up_with_no_count_and_no_holder_print_as_the_source_says(tmp_path):
    a, h = _load()
    printed = _printed(a, h)
    assert "2005年或以前　宜黄县文学工作者协会设会长、副会长。" in printed   # dated by the book's 记述下限
    assert not any("会长1人" in x or "会长0" in x or "姓名不详" in x for x in printed if "协会" in x)
    assert [(str(p.start), p.value) for p in lineage(a, h, "yh-wenxue-xh").figures] == [("2005年或以前", "设会长、副会长")]
    assert not [p for p in a.posts if p.body.id == "yh-wenxue-xh"] and not [s for s in a.staffing if s.body and
                                                                           s.body.id == "yh-wenxue-xh"]
    # the source's verb (设有), and one that is no verb of posts refused at its line
    root = _copy(tmp_path)
    _edit(root, "sources/events/bodies.yaml", "body: yh-wenxue-xh, posts: [会长, 副会长],",
          "body: yh-wenxue-xh, posts: [会长, 副会长], wording: 设有,")
    assert "2005年或以前　宜黄县文学工作者协会设有会长、副会长。" in _printed(*_load(root))
    _edit(root, "sources/events/bodies.yaml", "wording: 设有,", "wording: 下辖,")
    errors = _errors(root)
    assert len(errors) == 1 and "“下辖”印在所设的职务之前，代替“设”" in errors[0] and "bodies.yaml" in errors[0], errors
    assert "可写：设、设有、配备、配有" in errors[0] and "个数" not in errors[0], errors
