"""The superior as the source says it (tester, 《平阴县志》, 《内丘县志》): “设立甲，直属县委领导” and “县委下设组织部、
宣传部” were not sayable (printed “隶属县委”, or “下设甲” with no subject). Each test reads the 年表 and 大事记
sentences, the body page, or the finding."""

from __future__ import annotations

import pytest
from conftest import archive_with, with_theme
from test_truth_summaries import _loaded, _page, _printed
from zhi.build import build_edition

# ---- 4. 设立甲，直属县委领导 -------------------------------------------------------------------------------------
XIANWEI = "- {id: e-xw, type: establish, date: 1956-03, body: cs-xw, name: 中共测试县委员会, short: 县委, jurisdiction: cs-xian, sources: [d-1956-1]}\n"


def test_a_new_body_under_its_superior_in_the_sources_words(tmp_path):
    a, h, errors = _loaded(archive_with(tmp_path, XIANWEI + """
- {id: e-a, type: establish, date: 1960-03, body: cs-a, name: 测试县甲组, parent: cs-xw, parent_wording: 直属…领导,
   sources: [d-1956-1]}
- {id: e-b, type: establish, date: 1961-03, body: cs-b, name: 测试县乙组, parent: cs-xw, parent_wording: 归口…管理,
   sources: [d-1956-1]}
""", {"cs-xw": "其他", "cs-a": "党委工作部门", "cs-b": "党委工作部门"}))
    assert errors == []
    printed = _printed(a, h)
    assert "设立测试县甲组，直属中共测试县委员会领导，为党委工作部门。" in printed
    assert "设立测试县乙组，归口中共测试县委员会管理，为党委工作部门。" in printed
    assert not any("隶属中共测试县委员会" in p for p in printed)


def test_a_new_bodys_relation_is_on_its_page(tmp_path):
    root = with_theme(archive_with(tmp_path, XIANWEI + """
- {id: e-a, type: establish, date: 1960-03, body: cs-a, name: 测试县甲组, parent: cs-xw, parent_wording: 直属…领导,
   sources: [d-1956-1]}
""", {"cs-xw": "其他", "cs-a": "党委工作部门"}))
    build_edition(root, pdf=False)
    assert "中共测试县委员会（直接领导）" in _page(root, "jigou/cs-a/index.html")


@pytest.mark.parametrize(("extra", "said"), [
    ("parent: cs-xw, parent_wording: 直属领导", "不是编辑指南所列的说法"),
    ("jurisdiction: cs-xian, parent_wording: 直属…领导", "却没有写“parent（上级）”"),
])
def test_a_superior_wording_not_in_the_list_is_refused(tmp_path, extra, said):
    _a, _h, errors = _loaded(archive_with(tmp_path, XIANWEI + f"""
- {{id: e-a, type: establish, date: 1960-03, body: cs-a, name: 测试县甲组, {extra}, sources: [d-1956-1]}}
""", {"cs-xw": "其他", "cs-a": "党委工作部门"}))
    assert any("parent_wording" in e and said in e for e in errors), errors


# ---- 5. 县委下设组织部、宣传部 -----------------------------------------------------------------------------------
def test_units_set_up_under_one_superior_in_one_sentence(tmp_path):
    a, h, errors = _loaded(archive_with(tmp_path, XIANWEI + """
- {id: e-zz, type: establish, wording: 下设, date: 1957-05, body: cs-zz, name: 中共测试县委员会组织部, parent: cs-xw,
   sources: [d-1956-1]}
- {id: e-xc, type: establish, wording: 下设, date: 1957-05, body: cs-xc, name: 中共测试县委员会宣传部, parent: cs-xw,
   sources: [d-1956-1]}
- {id: e-tz, type: establish, wording: 下设, date: 1957-05, body: cs-tz, name: 中共测试县委员会统战部, parent: cs-xw,
   sources: [d-1956-1]}
""", {"cs-xw": "其他", "cs-zz": "党委工作部门", "cs-xc": "党委工作部门", "cs-tz": "党委工作部门"}))
    assert errors == []
    printed = _printed(a, h)
    assert "中共测试县委员会下设中共测试县委员会组织部、中共测试县委员会宣传部、中共测试县委员会统战部，均为党委工作部门。" \
        in printed                                                          # the 大事记: one document, one sentence
    assert "中共测试县委员会下设中共测试县委员会组织部，为党委工作部门。" in printed   # the 年表: one event each
    assert not any("隶属中共测试县委员会" in p for p in printed)


def test_xiashe_with_a_count_and_without_a_superior(tmp_path):
    a, h, errors = _loaded(archive_with(tmp_path, XIANWEI + """
- {id: e-zz, type: establish, wording: 下设, count: 5, scope: 部, date: 1957-05, body: cs-zz, name: 中共测试县委员会组织部,
   parent: cs-xw, sources: [d-1956-1]}
- {id: e-xc, type: establish, wording: 下设, count: 5, scope: 部, date: 1957-05, body: cs-xc, name: 中共测试县委员会宣传部,
   parent: cs-xw, sources: [d-1956-1]}
""", {"cs-xw": "其他", "cs-zz": "党委工作部门", "cs-xc": "党委工作部门"}))
    assert errors == []
    assert "中共测试县委员会下设中共测试县委员会组织部、中共测试县委员会宣传部等5个部，其中中共测试县委员会组织部、" \
           "中共测试县委员会宣传部均为党委工作部门。" in _printed(a, h)
    _a, _h, errors = _loaded(archive_with(tmp_path / "no-parent", """
- {id: e-zz, type: establish, wording: 下设, date: 1957-05, body: cs-zz, name: 测试县组织部, jurisdiction: cs-xian,
   sources: [d-1956-1]}
""", {"cs-zz": "党委工作部门"}))
    assert any("须写“parent（上级）”" in e for e in errors), errors
