"""Truth to the record, the source's own verb for a place (testers' findings on printed books): 撤区并乡 heads the
sentence (it was refused as a wording), 建制 stands after the place's name (恢复甲县建制, never 恢复建制甲县),
宁冈 1958 prints the source's 撤销宁冈县建制, and a bureau that becomes a company is one event told in one sentence
(甲局改为乙公司), not 撤销甲局，设立乙公司."""

from pathlib import Path

import pytest
from test_truth_to_record import _said
from test_wordings import JI, _one
from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import sentence_of
from zhi.views.dashiji import dashiji
from zhi.views.snapshot import snapshot

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


COMPANY = [
    ("改为", f"{JI}改为测试县计划总公司。"),
    ("改建", f"{JI}改建为测试县计划总公司。"),   # never 改建测试县计划总公司
    ("改建为", f"{JI}改建为测试县计划总公司。"),
]


@pytest.mark.parametrize("wording,expected", COMPANY, ids=[c[0] for c in COMPANY])
def test_a_bureau_that_becomes_a_company_is_one_event_and_one_sentence(tmp_path, wording, expected):
    a, h = _one(tmp_path, f"{{type: rename, body: cs-a, name: 测试县计划总公司, wording: {wording}, kind: 企业}}")
    assert not [f.as_text() for f in run_checks(a) if f.severity == "error"]
    assert sentence_of(a, h, next(e for e in a.events if e.id == "ev-w")) == expected
    rows = {r.body: r for r in snapshot(a, h, "cs-xian", parse_date("1960-12-31"), {})}
    before = {r.body: r for r in snapshot(a, h, "cs-xian", parse_date("1959-12-31"), {})}
    assert (before["cs-a"].kind, rows["cs-a"].kind) == ("政府工作部门", "企业")   # its kind from that day


def test_a_places_rename_takes_no_kind(tmp_path):
    a, _ = _one(tmp_path, "{type: rename, body: cs-near, name: 邻市, kind: 企业}")
    found = [f for f in run_checks(a) if f.code == "ref-wrong-kind"]
    assert found and "只用于机构" in found[0].message and found[0].loc.file.endswith("x.yaml")
