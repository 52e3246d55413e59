"""“1987年底，设站长1人、副站长2人、工作人员45人”: typed with 口径 设置 and 人数 45, the 即墨 tester saw 实有工作人员45人
beside 口径 设置, and a 1987 row 各机构实有人数合计 the source never gives. People set up are printed as set up (设工作人员
45人) and are no head-count of any year."""

from conftest import make_archive, write
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.staffing import figures, jurisdiction_table, table_years


def test_people_set_up_are_not_a_head_count(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/staffing/1990.yaml",
          "- {body: cs-jijingwei, date: 1987-12, basis: 设置, figures: {人数: 45, 人员: 工作人员}, sources: [d-1984-7]}\n")
    a = load_archive(root)
    s = a.staffing[0]
    assert s.figures.besides_posts() == ["设工作人员45人"]
    h = derive_history(a)
    figs = figures(a)
    table = jurisdiction_table(a, h, figs, "cs-xian", table_years(a, figs))
    text = repr(table.rows)
    assert "实有人数合计" not in text and "45" not in text, text
    # listed under the table as the source says it (every figure findable in the book), counted in no row
    assert table.body_records == [("1987年12月", "测试县计划经济委员会", "设置", "设工作人员45人", "测编〔1984〕7号")]
