"""The guide's worked examples for what the 宜黄 tester could not say (约数的人数, 增补, 职务由某职兼任, 同名的文件,
只知见于来源的事): they check clean and print what the guide says."""

from __future__ import annotations

from test_guide_examples import GUIDE, lay_out, section
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.staffing import dash, figures, jurisdiction_table, staffing_words


def example(tmp_path, guide: str, heading: str):
    text = section((GUIDE / guide).read_text(encoding="utf-8"), heading)
    a = load_archive(lay_out(tmp_path, text), with_book=False)
    h = derive_history(a)
    assert [f.as_text() for f in run_checks(a, history=h) if f.severity == "error"] == []
    return text, a, h


def test_approximate_headcount_example(tmp_path):
    text, a, h = example(tmp_path, "staffing.md", "## 约数：来源说“1800余人”“约120人”")
    (f,) = figures(a)
    assert staffing_words(f.staffing) == "实有干部职工1800余人" and "实有干部职工1800余人" in text
    t = jurisdiction_table(a, h, figures(a), "yh", range(1985, 1986))
    (line,) = [ln for ln in t.rows[0].lines if ln.what == "headcount"]
    assert line.label == "林业系统实有干部职工" and dash(line.values["人数"]) == "1800余"
