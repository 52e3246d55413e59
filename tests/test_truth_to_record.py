"""Issue 11 “truth to the record”, the printed sentences: a merge or split says 撤销 only when its source does
(``wording: 撤销``); a place set up says its superior then when the record gives one; a seat reads 驻地为X; the 一览
marks a superior whose existence then the record does not show; a body the source shows only over a period prints
that period, not a made-up start and end."""

import pytest
from test_wordings import JI, JING, NEW, NEWN, X, _one
from zhi.checks import run_checks
from zhi.views.chronology import sentence_of


def _said(tmp_path, event: str) -> str:
    a, h = _one(tmp_path, event)
    errors = [f.as_text() for f in run_checks(a) if f.severity == "error"]
    assert not errors, errors
    return sentence_of(a, h, next(e for e in a.events if e.id == "ev-w"))


SEATS = [
    # the place itself has a 驻地 (测试县驻甲镇 read as if the county were stationed there)
    ("seat", "{type: seat, body: cs-xian, seat: 甲镇}", "测试县驻地为甲镇。"),
    ("seat 驻地", "{type: seat, body: cs-xian, seat: 甲镇, wording: 驻地}", "测试县驻地为甲镇。"),
    # an organ the source names sits there, in its words (县级机关驻砂河镇), 仍驻 once
    ("seat organ", "{type: seat, body: cs-xian, seat: 甲镇, wording: 县级机关}", "测试县县级机关驻甲镇。"),
    ("seat 仍驻", "{type: seat, body: cs-xian, seat: 甲镇, wording: 县人民政府仍驻}", "测试县人民政府仍驻甲镇。"),
]


@pytest.mark.parametrize("label,event,expected", SEATS, ids=[c[0] for c in SEATS])
def test_a_seat_reads_zhudi_wei(tmp_path, label, event, expected):
    assert _said(tmp_path, event) == expected
