"""Truth to the record, the source's own verb for a place (testers' findings on printed books): 撤区并乡 heads the
sentence (it was refused as a wording), 建制 stands after the place's name (恢复甲县建制, never 恢复建制甲县), and
宁冈 1958 prints the source's 撤销宁冈县建制."""

from pathlib import Path

import pytest
from test_truth_to_record import _said
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.dashiji import dashiji

REAL = Path(__file__).resolve().parent / "fixtures" / "real"
GONE = {"sources/events/gone.yaml": "- {id: ev-gone, type: abolish, date: 1958, body: cs-near, sources: [d-1956-1]}\n"}

SAID = [
    ("abolish 撤区并乡", "{type: abolish, body: cs-near, wording: 撤区并乡}", "撤区并乡，撤销邻县。", None),
    ("abolish 撤销建制", "{type: abolish, body: cs-near, wording: 撤销建制}", "撤销邻县建制。", None),
    ("merge 撤销建制", "{type: merge, before: [cs-near, cs-xian], after: cs-xian, wording: 撤销建制}",
     "撤销邻县建制，并入测试县。", None),
    ("merge 撤乡并镇", "{type: merge, before: [cs-near, cs-xian], after: cs-xian, wording: 撤乡并镇}",
     "撤乡并镇，邻县并入测试县。", None),
    ("restore 恢复建制", "{type: restore, body: cs-near, wording: 恢复建制}", "恢复邻县建制。", GONE),
    ("restore 恢复", "{type: restore, body: cs-near}", "恢复邻县。", GONE),
]


@pytest.mark.parametrize("label,event,expected,files", SAID, ids=[c[0] for c in SAID])
def test_a_places_change_prints_the_sources_verb(tmp_path, label, event, expected, files):
    assert _said(tmp_path, event, files) == expected


def test_ninggang_prints_the_sources_sentences():
    a = load_archive(REAL / "ninggang")
    h = derive_history(a)
    printed = [f"{it.date.chinese()}　{it.plain()}" for it in dashiji(a, h)]
    assert "1956年　撤区并乡，撤销城厢区、古城区、新城区、龙源区。" in printed   # one sentence of the source, one entry
    assert "1958年12月24日　撤销宁冈县建制，并入永新县。" in printed          # the source: 撤销宁冈县建制，全县并入永新县
    assert "1959年11月　恢复宁冈县建制。" in printed
