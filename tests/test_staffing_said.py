"""Staffing as sources say it beyond “类别: 数目”: a total with its breakdown (核定编制837人，其中行政编制474人、事业编制
363人: `其中`), a headcount that is not 编制 (实有干部312人: `人数`, `人员`) and no full-time staff (未配备专职人员:
`未配备`). Each prints as the source says it on the body page, in the staffing tables and in the book; the parts of a
其中 never exceed their total; a headcount is never summed with, charted as or compared with 编制; placeholders are
findings, not values.

Real facts (test_jinxi_dangan_headcount): 《金溪县志》“一、机构设置”（档案）,
http://meta.librarydata.cn/metainfo?metaID=140220020210002040 — 1956年4月县委、县人委各设档案室，各配备专职干部1名；
1959年11月两室合并为县档案馆，配有专职干部2名. The other figures are fictional (测试县)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from conftest import make_archive, with_theme
from conftest import write_dedented as write
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.views.staffing import (
    figure_at,
    figure_note,
    figures,
    jurisdiction_table,
    quoted_text,
    staffing_words,
)
from zhi.writers.book import BookWriter

RECORDS = """
- jurisdiction: cs-xian
  date: 1990-12-31
  basis: 核定
  figures: {编制: 837, 其中: {行政编制: 474, 事业编制: 363}}
  sources: [d-1990-3]
- jurisdiction: cs-xian
  date: 1990-12-31
  basis: 实有
  figures: {人数: 312, 人员: 干部}
  sources: [d-1990-3]
- body: cs-jijingwei
  date: 1991-12-31
  basis: 实有
  figures: {未配备: 专职人员}
  sources: [d-1990-3]
- body: cs-jijingwei
  date: 1992-06-01
  basis: 核定
  figures: {编制: 20, 其中: {行政编制: 15, 事业编制: 4}}
  sources: [d-1990-3]
- body: cs-jijingwei
  date: 1993-12-31
  basis: 实有
  figures: {人数: 19, 人员: 干部}
  sources: [d-1990-3]
"""

EVENT = """
- id: ev-jijingwei-1994
  type: staffing
  date: 1994-03
  body: cs-jijingwei
  staffing: {编制: 22, 其中: {行政编制: 16, 事业编制: 6}, 人数: 18, 人员: 干部}
  sources: [d-1990-3]
"""


def archive(tmp_path, records: str = RECORDS, event: str = EVENT):
    root = make_archive(tmp_path)
    write(root, "sources/staffing/said.yaml", records)
    if event:
        write(root, "sources/events/said.yaml", event)
    return root


def loaded(root):
    a = load_archive(root)
    h = derive_history(a)
    return a, h, run_checks(a, history=h)


def by_date(figs, d):
    return [f for f in figs if f.date.chinese() == d]


def test_forms_read_and_print_as_the_source_says(tmp_path):
    a, h, found = loaded(archive(tmp_path))
    assert [f.as_text() for f in found if f.severity in ("error", "warning")] == []
    figs = figures(a)
    (whole,) = [f for f in figs if f.jurisdiction == "cs-xian" and f.basis == "approved"]
    assert whole.staffing.total() == 837                      # the total, never 837 + 474 + 363
    assert staffing_words(whole.staffing) == "编制837名，其中行政编制474名、事业编制363名"
    (count,) = [f for f in figs if f.jurisdiction == "cs-xian" and f.basis == "actual"]
    assert count.staffing.posts == {} and staffing_words(count.staffing) == "实有干部312人"
    (none,) = by_date(figs, "1991年12月31日")
    assert figure_note(none) == "未配备专职人员" and none.staffing.posts == {}
    (ev,) = by_date(figs, "1994年3月")
    assert figure_note(ev) == "其中行政编制16名、事业编制6名；实有干部18人"
    # the 大事记 says the 核定 and, apart, the headcount: never “核定…实有干部”
    (entry,) = [e for e in chronology(a, h) if e.event.id == "ev-jijingwei-1994"]
    assert entry.plain() == "核定测试县计划经济委员会编制22名，其中行政编制16名、事业编制6名；实有干部18人。"


def test_a_headcount_is_never_summed_or_charted_as_bianzhi(tmp_path):
    a, h, _ = loaded(archive(tmp_path))
    figs = figures(a)
    t = jurisdiction_table(a, h, figs, "cs-xian", range(1990, 1995))
    rows = {r.year: r for r in t.rows}
    # 1990: the county's 837 (a total: its parts are in the note, not in the 行政编制/事业编制 columns)
    whole = rows[1990].line("jurisdiction")
    assert whole.values["编制"] == 837 and whole.values["行政编制"] is None and whole.total() == 837
    assert whole.note == "其中行政编制474名、事业编制363名"
    # the county's 实有干部312人 is a head-count row of its own (column 实有人数), never in a 编制 column, never in a
    # line's total or the chart; the body's head-counts make 各机构实有人数合计, never 各机构实有数合计 (编制)
    assert [ln.label for ln in rows[1990].lines if "实有" in ln.label] == ["各机构实有数合计", "全县实有干部"]
    people = rows[1990].lines[-1]
    assert people.what == "headcount" and people.values["人数"] == 312 and people.values["行政编制"] is None
    assert people.total() is None and "人数" in t.kinds and t.kinds[-1] == "人数"
    assert rows[1990].line("sum-actual").values["行政编制"] == 9
    assert rows[1993].line("sum-actual") is None and rows[1991].line("sum-actual") is None
    assert rows[1993].line("headcount").label == "各机构实有人数合计" and rows[1993].line("headcount").values["人数"] == 19
    # the body's 1992 total is summed as its total (20), not with its parts (20 + 15 + 4)
    assert rows[1992].line("sum-approved").total() == 20
    # the headcount is printed under the table, as the source says it
    assert ("1990年12月31日", "实有", "全县", "实有干部312人", "测编〔1990〕3号") in t.records
    # a prose reference to 实有数 finds no 编制 in a headcount; one to a 其中 part prints the part
    assert figure_at(h, figs, "cs-jijingwei", "actual", parse_date("1993-12-31")) is None
    f = figure_at(h, figs, "cs-jijingwei", "approved", parse_date("1992-12-31"))
    assert quoted_text(f, ["行政编制"]) == "行政编制15名" and quoted_text(f, ["工勤编制"]) is None


def test_parts_over_the_total_are_an_error_at_their_line(tmp_path):
    root = archive(tmp_path, """
    - body: cs-jijingwei
      date: 1992-06-01
      basis: 核定
      figures:
        编制: 20
        其中: {行政编制: 15, 事业编制: 6}
      sources: [d-1990-3]
    """, event="")
    found = [f for f in loaded(root)[2] if f.severity == "error"]
    assert [(f.code, f.loc.file, f.loc.line) for f in found] == \
        [("staffing-parts-exceed", "sources/staffing/said.yaml", 6)]
    assert "编制20名" in found[0].message and "合计21名" in found[0].message
    # equal to the total is a full breakdown, and fine
    (root / "sources/staffing/said.yaml").write_text(
        (root / "sources/staffing/said.yaml").read_text(encoding="utf-8").replace("事业编制: 6", "事业编制: 5"),
        encoding="utf-8")
    assert [f for f in loaded(root)[2] if f.severity == "error"] == []


@pytest.mark.parametrize("figs, code, words", [
    ("{行政编制: 10, 事业编制: 5, 其中: {工勤编制: 2}}", "schema-value", "只写一个总数"),
    ("{其中: {行政编制: 2}}", "schema-value", "没有写总数"),
    ("{编制: 10, 其中: {编制: 2}}", "schema-unknown-key", "其中"),
    ("{行政编制: 10, 其中: {行政编制: 2}}", "schema-value", "不能与总数同类"),
    ("{人员: 干部}", "schema-value", "人数"),
    ("{人数: 十二, 人员: 干部}", "staffing-number", "人数"),
    ("{人数: 12, 人员: 干部 职工}", "schema-value", "人员"),
])
def test_malformed_forms_are_refused_in_chinese_at_their_line(tmp_path, figs, code, words):
    root = archive(tmp_path, f"- {{body: cs-jijingwei, date: 1992-06-01, basis: 实有, figures: {figs}, "
                             f"sources: [d-1990-3]}}\n", event="")
    found = [f for f in loaded(root)[2] if f.code == code]
    assert found and found[0].loc.file == "sources/staffing/said.yaml" and found[0].loc.line == 1
    assert words in found[0].message and found[0].severity == "error"


@pytest.mark.parametrize("figs", ["{人数: 待查, 人员: 干部}", "{未配备: （待填）}", "{编制: 20, 其中: {行政编制: 待查}}"])
def test_placeholders_are_findings_never_values(tmp_path, figs):
    root = archive(tmp_path, f"- {{body: cs-jijingwei, date: 1992-06-01, basis: 实有, figures: {figs}, "
                             f"sources: [d-1990-3]}}\n", event="")
    a, _, found = loaded(root)
    assert [(f.code, f.severity) for f in found if f.code == "placeholder"] == [("placeholder", "warning")]
    (f,) = by_date(figures(a), "1992年6月1日")
    assert "待" not in figure_note(f) and "待" not in staffing_words(f.staffing)


def test_new_forms_still_need_a_source(tmp_path):
    root = archive(tmp_path, """
    - {body: cs-jijingwei, date: 1993-12-31, basis: 实有, figures: {人数: 19, 人员: 干部}}
    - {body: cs-jijingwei, date: 1991-12-31, basis: 实有, figures: {未配备: 专职人员}}
    - {body: cs-jijingwei, date: 1992-06-01, figures: {编制: 20, 其中: {行政编制: 15}}}
    """, event="")
    found = [f for f in loaded(root)[2] if f.code == "staffing-no-source"]
    assert sorted(f.loc.line for f in found) == [1, 2, 3] and all(f.severity == "error" for f in found)


def test_sources_that_differ_in_the_headcount_are_a_conflict(tmp_path):
    root = archive(tmp_path, """
    - body: cs-jijingwei
      date: 1993-12-31
      basis: 实有
      figures: {人数: 19, 人员: 干部}
      sources: [d-1990-3, {doc: d-1984-7, figures: {人数: 21, 人员: 干部}}]
    """, event="")
    (f,) = [f for f in loaded(root)[2] if f.code == "source-conflict"]
    assert "实有干部21人" in f.message and "实有干部19人" in f.message


def test_jinxi_dangan_headcount(tmp_path):
    """《金溪县志》: the 县档案馆 set up 1959年11月 (two 档案室 merged) “配有专职干部2名”: a headcount, not 编制."""
    root = tmp_path / "jx"
    write(root, "sources/jurisdictions/jx.yaml", "id: jinxi\nlevel: 县\n")
    write(root, "sources/bodies/jx.yaml", "- {id: jinxi-danganguan, kind: 事业单位}\n")
    write(root, "sources/documents/jx.yaml",
          "- {id: doc-jxxz, genre: 志书, title: 金溪县志, publisher: 金溪县志编纂委员会}\n")
    write(root, "sources/events/jx.yaml", """
    - {id: ev-jinxi, type: establish, date: 1949前, body: jinxi, name: 金溪县, sources: [doc-jxxz]}
    - {id: ev-jx-dag, type: establish, date: 1959-11, body: jinxi-danganguan, name: 金溪县档案馆, jurisdiction: jinxi,
       sources: [doc-jxxz]}
    """)
    write(root, "sources/staffing/jx.yaml", """
    - body: jinxi-danganguan
      date: 1959-11
      basis: 实有
      figures: {人数: 2, 人员: 专职干部}
      sources: [doc-jxxz]
    """)
    a, h, found = loaded(root)
    assert [f.as_text() for f in found if f.severity == "error"] == []
    (f,) = figures(a)
    assert figure_note(f) == "实有专职干部2人" and f.staffing.total() == 0
    t = jurisdiction_table(a, h, figures(a), "jinxi", range(1959, 1961))
    assert t is None or all(ln.what != "sum-actual" for r in t.rows for ln in r.lines)   # 2 people are no 编制


def test_site_and_book_print_what_the_source_says(tmp_path):
    root = with_theme(archive(tmp_path))
    build_edition(root, pdf=False)
    text = lambda rel: re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", (root / "site" / rel).read_text(encoding="utf-8")))
    body = text("jigou/cs-jijingwei/index.html")
    assert "未配备专职人员" in body and "实有干部19人" in body
    assert "其中行政编制15名、事业编制4名" in body and "其中行政编制16名、事业编制6名；实有干部18人" in body
    stats = text("tongji/index.html")
    assert "其中行政编制474名、事业编制363名" in stats and "实有干部312人" in stats
    dsj = text("dashiji/nianbiao/index.html")
    assert "核定测试县计划经济委员会编制22名，其中行政编制16名、事业编制6名；实有干部18人。" in dsj
    # the book: its appendix (编制统计表 and the county's own statements) and the chapter's [[编制:…]] table
    a = load_archive(root)
    h = derive_history(a)
    book = BookWriter(a, h, root / "theme")
    appendix = re.sub(r"<[^>]+>", " ", book.appendix_html())
    assert "其中行政编制474名、事业编制363名" in appendix and "实有干部312人" in appendix
    chapter = re.sub(r"<[^>]+>", " ", book.prose_html("[[编制:cs-jijingwei]]"))
    assert "未配备专职人员" in chapter and "其中行政编制16名、事业编制6名；实有干部18人" in chapter


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler")
def test_pdf_reads_back_what_the_source_says(tmp_path):
    from zhi.writers.typeset import typeset

    root = with_theme(archive(tmp_path))
    a = load_archive(root)
    pdf = tmp_path / "b.pdf"
    typeset(BookWriter(a, derive_history(a), root / "theme"), pdf, root, {"Title": "t"}, chunks=1, workers=1)
    flat = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                              check=True).stdout)
    assert "其中行政编制474名、事业编制363名" in flat and "实有干部312人" in flat and "未配备专职人员" in flat


def test_guide_example_prints_what_the_guide_says(tmp_path):
    from test_guide_examples import GUIDE, lay_out, section

    text = section((GUIDE / "staffing.md").read_text(encoding="utf-8"), "## “其中”、实有人数、未配备专职人员")
    a = load_archive(lay_out(tmp_path, text), with_book=False)
    h = derive_history(a)
    notes = {(f.scope, f.date.chinese()): figure_note(f) for f in figures(a)}
    assert notes == {("yunxi-zhengfu", "1984年6月"): "其中行政编制474名、事业编制363名；实有干部312人",
                     ("yunxi-dangan", "1959年11月"): "实有专职干部2人", ("yunxi-dangan", "1969年"): "未配备专职人员"}
    t = jurisdiction_table(a, h, figures(a), "yunxi", range(1984, 1986))
    assert [(ln.label, ln.total(), ln.values["人数"]) for ln in t.rows[0].lines] == [
        ("各机构核定数合计", 837, None), ("各机构实有人数合计", None, 312)]


def test_a_headcount_and_a_bianzhi_count_of_one_day_are_two_facts_not_a_conflict(tmp_path):
    """年报: 行政编制实有6人 and 实有干部8人 on one day, written as two records, are both printed; no source-conflict."""
    root = archive(tmp_path, """
    - {body: cs-jijingwei, date: 1993-12-31, basis: 实有, figures: {行政编制: 6}, sources: [d-1990-3]}
    - {body: cs-jijingwei, date: 1993-12-31, basis: 实有, figures: {人数: 8, 人员: 干部}, sources: [d-1990-3]}
    """, event="")
    a, h, found = loaded(root)
    assert [f.code for f in found if f.code == "source-conflict"] == []
    assert sorted(figure_note(f) or staffing_words(f.staffing) for f in by_date(figures(a), "1993年12月31日")) == \
        ["实有干部8人", "行政编制6名"]
    t = jurisdiction_table(a, h, figures(a), "cs-xian", range(1993, 1994))
    assert t.rows[0].line("sum-actual").total() == 6


def test_a_headcount_keeps_the_scope_the_source_gives_it(tmp_path):
    root = archive(tmp_path, """
    - {jurisdiction: cs-xian, date: 1990-12-31, basis: 实有, figures: {人数: 312, 人员: 干部, 范围: 党政群机关},
       sources: [d-1990-3]}
    """, event="")
    a = loaded(root)[0]
    (f,) = [f for f in figures(a) if f.jurisdiction]
    assert staffing_words(f.staffing) == "实有干部312人（党政群机关）" == figure_note(f)


def test_a_prose_reference_never_quotes_a_headcount_as_bianzhi(tmp_path):
    root = archive(tmp_path)
    chapter = root / "chronicle/p1/c1.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") +
                       "\n1993年末，县计经委实有[[实有数:cs-jijingwei@1993-12-31]]。\n"
                       "1992年6月，县计经委核定[[编制数:cs-jijingwei@1992-06-01|行政编制]]。\n", encoding="utf-8")
    a, h, found = loaded(root)
    refs = [f for f in found if f.code == "staffing-ref"]
    assert len(refs) == 1 and "实有干部19人" in refs[0].message and "人数不是编制" in refs[0].message
    assert refs[0].loc.file == "chronicle/p1/c1.md"
    # the part of a 其中 is quoted as the part (编制20名，其中行政编制15名 → 行政编制15名)
    html = re.sub(r"<[^>]+>", "", BookWriter(a, h, with_theme(root) / "theme").prose_html(
        "1992年6月，县计经委核定[[编制数:cs-jijingwei@1992-06-01|行政编制]]。"))
    assert "核定行政编制15名。" in html


@pytest.mark.parametrize("records, event", [
    ("- {body: cs-jijingwei, date: 1993-12-31, figures: {人数: 19, 人员: 干部}, sources: [d-1990-3]}\n", ""),
    ("- {body: cs-jijingwei, date: 1993-12-31, basis: 核定, figures: {未配备: 专职人员}, sources: [d-1990-3]}\n", ""),
    ("", "- {id: ev-x, type: staffing, date: 1994-03, body: cs-jijingwei, staffing: {人数: 18}, sources: [d-1990-3]}\n"),
])
def test_people_only_is_never_approved(tmp_path, records, event):
    """实有干部19人 alone under 核定 would print as if approved: refused, with the mend."""
    root = archive(tmp_path, records or "[]\n", event=event)
    found = [f for f in loaded(root)[2] if f.code == "schema-value"]
    assert len(found) == 1 and "实有" in found[0].message and found[0].severity == "error"
    assert found[0].loc.file.endswith("said.yaml")


# 《沂水县志（1991—2006）》政权编“第三节 基层政权组织”（https://shandong-chorography.org/database/cg5/section/8/article/444/）:
# 1991年各乡镇设乡（镇）长1人，副乡（镇）长2~3人 — figures of 领导职数 alone, for each 乡镇, not for the county
LEADERS_EACH = """
- jurisdiction: cs-xian
  date: 1991
  basis: 设置
  figures: {领导职数: {乡镇长: 1, 副乡镇长: 2至3}, 范围: 每个乡镇}
  sources: [d-1990-3]
- body: cs-jijingwei
  date: 1991
  basis: 设置
  figures: {领导职数: {主任: 1, 副主任: 2至3}}
  sources: [d-1990-3]
"""


def test_a_record_of_leaders_alone_prints_them_and_its_own_scope_in_the_tables_lists(tmp_path):
    """A tester typing 沂水 saw “1991年 设置 全县 —”: the list under the 编制统计表 printed a 领导职数-only record as
    giving nothing, and put 全县 in 范围 where the source says 每个乡镇 (the opposite)."""
    a, h, found = loaded(archive(tmp_path, LEADERS_EACH, ""))
    assert [f.as_text() for f in found if f.severity == "error"] == []
    t = jurisdiction_table(a, h, figures(a), "cs-xian", range(1990, 1995))
    (county,) = [r for r in t.records if r[1] == "设置"]
    assert county[2] == "每个乡镇" and county[3] == "领导职数乡镇长1名、副乡镇长2至3名", county
    (body,) = [r for r in t.body_records if "计划经济委员会" in r[1]]
    assert body[3] == "领导职数主任1名、副主任2至3名", body
