"""The guide's worked examples for what the 宜黄 tester could not say (约数的人数, 增补, 职务由某职兼任, 同名的文件,
只知见于来源的事): they check clean and print what the guide says."""

from __future__ import annotations

import re

from test_guide_examples import GUIDE, lay_out, section
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology, counted_together
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


def promised_lines_are_printed(text: str, a, h) -> None:
    printed = {f"{en.date.chinese()}　{en.plain()}" for en in counted_together(a, h, chronology(a, h))}
    promised = re.findall(r"^- (\d{4}年[^\n]*　[^\n]*。)$", text, re.MULTILINE)
    assert promised
    for line in promised:
        assert line in printed, f"the guide promises “{line}”; zhi prints {sorted(printed)}"


def test_members_increment_example(tmp_path):
    text, a, h = example(tmp_path, "events.md", "##### 例：文联增补委员")
    text = text[:text.index("#### 来源列出某时下设的单位")]
    promised_lines_are_printed(text, a, h)
    assert "宜黄县文学艺术联合会增补委员4人。" in text and "22" not in text.split("##### 例")[1]


def test_ex_officio_and_unnamed_holder_example(tmp_path):
    from conftest import ROOT
    from zhi.writers.site import SiteWriter

    text, a, h = example(tmp_path, "people-and-posts.md", "## 姓名不详、职务由某职兼任")
    w = SiteWriter(a, h, ROOT / "theme")
    w.collect_backlinks()
    w.people_page()
    w.body_pages()
    w.index_pages()
    body = next(p.text for p in w.tree.pages if p.path == "jigou/yh-wenlian.md")
    for row in ("| 主席 | 由县委宣传部副部长兼任 | ？—？（1986年在任） |", "| 专职副主席 | 姓名不详 | ？—？（1986年在任） |"):
        assert row in text and row in body, body
    for path in ("renwu/index.md", "suoyin/renwu.md"):
        page = next(p.text for p in w.tree.pages if p.path == path)
        assert "不详" not in page and "县委宣传部副部长" not in page


def test_groups_of_people_example(tmp_path):
    from zhi.views.staffing import figure_note

    text, a, _h = example(tmp_path, "staffing.md", "## 几类人分列：“有兼职主席1人，工作人员1人”")
    (f,) = figures(a)
    assert figure_note(f) == "实有兼职主席1人、工作人员1人" and "“实有兼职主席1人、工作人员1人”" in text


def test_source_dated_example(tmp_path):
    text, a, h = example(tmp_path, "dates.md", "## 来源没有说是哪一年：`date: 见于来源`")
    promised_lines_are_printed(text, a, h)


def test_posts_with_no_count_example(tmp_path):
    from zhi.views.lineage import lineage

    text, a, h = example(tmp_path, "events.md", "#### 来源只说设有哪些职务：`posts`")
    promised_lines_are_printed(text, a, h)
    assert "- 2005年或以前　宜黄县文学工作者协会设会长、副会长。" in text
    assert [p.value for p in lineage(a, h, "yh-sheying-xh").figures] == ["设有会长、副会长"]
    assert not a.posts and not a.staffing
