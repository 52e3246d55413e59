"""A head-count the source gives as an approximation (“全县林业部门共有干部职工1800余人”): `人数: 1800余` is read as
the source says it and printed so (实有干部职工1800余人; the 编制统计表 cell 1800余), never as the exact 1800; a sum
with it is “1900余” (more than), and with 约/近 no sum is printed. A 人数 written wrong is one finding, not two.

Real facts: 《宜黄县志》第五章 森林保护, http://61.136.101.125:8012/metainfo?metaID=140220020210008639 —
1985年全县林业部门共有干部职工1800余人. The body figures are fictional (测试县)."""

from __future__ import annotations

from conftest import make_archive
from conftest import write_dedented as write
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.staffing import dash, figures, jurisdiction_table, staffing_words


def loaded_with(tmp_path, files: dict[str, str]):
    """The base archive with ``files`` (path → text) laid over it: loaded, its history derived and checked."""
    root = make_archive(tmp_path)
    for rel, text in files.items():
        write(root, rel, text)
    a = load_archive(root)
    h = derive_history(a)
    return a, h, run_checks(a, history=h)


def loaded(tmp_path, records: str):
    return loaded_with(tmp_path, {"sources/staffing/approx.yaml": records})


def test_an_approximate_headcount_prints_as_the_source_says(tmp_path):
    a, h, found = loaded(tmp_path, """
    - {jurisdiction: cs-xian, system: 林业, date: 1990, basis: 实有, figures: {人数: 1800余, 人员: 干部职工},
       sources: [d-1990-3]}
    """)
    assert [f.as_text() for f in found if f.severity == "error"] == []
    (f,) = [f for f in figures(a) if f.system == "林业"]
    assert staffing_words(f.staffing) == "实有干部职工1800余人"
    t = jurisdiction_table(a, h, figures(a), "cs-xian", range(1990, 1991))
    (line,) = [ln for ln in t.rows[0].lines if ln.what == "headcount"]
    assert line.label == "林业系统实有干部职工" and dash(line.values["人数"]) == "1800余"


def test_a_sum_with_an_approximate_count_is_no_exact_number(tmp_path):
    a, h, found = loaded(tmp_path, """
    - {body: cs-jijingwei, date: 1993-12-31, basis: 实有, figures: {人数: 120余, 人员: 干部}, sources: [d-1990-3]}
    - {body: cs-zhengfu, date: 1993-12-31, basis: 实有, figures: {人数: 19, 人员: 干部}, sources: [d-1990-3]}
    """)
    assert [f.as_text() for f in found if f.severity == "error"] == []
    t = jurisdiction_table(a, h, figures(a), "cs-xian", range(1993, 1994))
    assert dash(t.rows[0].line("headcount").values["人数"]) == "139余"
    a, h, _ = loaded(tmp_path / "b", """
    - {body: cs-jijingwei, date: 1993-12-31, basis: 实有, figures: {人数: 约120, 人员: 干部}, sources: [d-1990-3]}
    - {body: cs-zhengfu, date: 1993-12-31, basis: 实有, figures: {人数: 19, 人员: 干部}, sources: [d-1990-3]}
    """)
    t = jurisdiction_table(a, h, figures(a), "cs-xian", range(1993, 1994))
    assert t is None or all(ln.label != "各机构实有人数合计" for r in t.rows for ln in r.lines)


def test_a_headcount_written_wrong_is_one_finding(tmp_path):
    _, _, found = loaded(tmp_path, """
    - {jurisdiction: cs-xian, system: 林业, date: 1990, basis: 实有, figures: {人数: 一千八百余, 人员: 干部职工},
       sources: [d-1990-3]}
    """)
    errors = [f for f in found if f.severity == "error"]
    assert [(f.code, f.loc.file, f.loc.line) for f in errors] == [("staffing-number", "sources/staffing/approx.yaml", 1)]
    assert "1800余" in errors[0].message


def test_several_groups_of_people_in_one_record(tmp_path):
    """“2005年，有兼职主席1人，工作人员1人” (《宜黄县志》文联 第一节): two groups, no total; printed as the source counts
    them, never summed into a 实有人数 of 2."""
    a, h, found = loaded(tmp_path, """
    - {body: cs-jijingwei, date: 1993-12-31, basis: 实有, figures: {人数: {兼职主席: 1, 工作人员: 1}}, sources: [d-1990-3]}
    """)
    assert [f.as_text() for f in found if f.severity == "error"] == []
    (f,) = [f for f in figures(a) if f.staffing.headcount_groups]
    assert staffing_words(f.staffing) == "实有兼职主席1人、工作人员1人"
    t = jurisdiction_table(a, h, figures(a), "cs-xian", range(1993, 1994))
    assert t is None or all(ln.what != "headcount" for r in t.rows for ln in r.lines)


def test_groups_with_a_counted_word_or_a_bad_number_are_refused(tmp_path):
    _, _, found = loaded(tmp_path, """
    - {body: cs-jijingwei, date: 1993-12-31, basis: 实有, figures: {人数: {兼职主席: 1, 工作人员: 一}, 人员: 干部},
       sources: [d-1990-3]}
    """)
    assert sorted((f.code, f.loc.line) for f in found if f.severity == "error") == [
        ("schema-value", 1), ("staffing-number", 1)]
