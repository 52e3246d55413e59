"""Issue 11 “truth to the record”, the printed sentences: a merge or split says 撤销 only when its source does
(``wording: 撤销``); a place set up says its superior then when the record gives one; a seat reads 驻地为X; the 一览
marks a superior whose existence then the record does not show; a body the source shows only over a period prints
that period, not a made-up start and end."""

import pytest
from conftest import write
from test_wordings import JI, JING, NEW, NEWN, X, _one
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import sentence_of


def _said(tmp_path, event: str, files: dict[str, str] | None = None) -> str:
    """The sentence of the event ``ev-w`` (1960-05) typed over test_wordings' archive, with ``files`` added."""
    a, h = _one(tmp_path, event)
    if "cs-new2" in event:
        files = (files or {}) | {"sources/bodies/new2.yaml": "- id: cs-new2\n  kind: 政府工作部门\n"}
    if files:
        root = tmp_path / "project"
        for rel, text in files.items():
            write(root, rel, text)
        a = load_archive(root)
        h = derive_history(a)
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


NEW2 = "{id: cs-new2, name: 测试县物资委员会, jurisdiction: cs-xian}"
NEWN2 = "测试县物资委员会"
K = "，为政府工作部门"  # what the record says of the new bodies (their kind), said after them

MERGES_AND_SPLITS = [
    # no wording: the source's “甲与乙合并为丙” says nothing of 撤销, and neither does the book
    ("merge new", f"{{type: merge, before: [cs-a, cs-b], after: {NEW}}}", f"{JI}、{JING}合并设立{NEWN}{K}。"),
    ("merge partly new", f"{{type: merge, before: [cs-a], partly: [cs-b], after: {NEW}}}",
     f"{JI}与{JING}的一部分合并设立{NEWN}{K}。"),
    ("merge into", "{type: merge, before: [cs-a, cs-b], after: cs-b}", f"{JI}并入{JING}。"),
    ("split new", f"{{type: split, before: [cs-a], after: [{NEW}, {NEW2}]}}", f"{JI}分设为{NEWN}、{NEWN2}，均为政府工作部门。"),
    ("split rest unknown", f"{{type: split, before: [cs-a], after: [{NEW}], rest_unknown: true}}",
     f"{JI}分设为{NEWN}{K}；其余去向不详。"),
    ("split into existing", "{type: split, before: [cs-a], after: [cs-b, cs-x]}", f"{JI}并入{JING}、{X}。"),
    ("split part into existing", f"{{type: split, before: [cs-a], after: [{NEW}, cs-x]}}",
     f"{JI}分设为{NEWN}{K}，部分并入{X}。"),
    # wording: 撤销 — the source says it, and so does the book
    ("merge new 撤销", f"{{type: merge, before: [cs-a, cs-b], after: {NEW}, wording: 撤销}}",
     f"撤销{JI}、{JING}，合并设立{NEWN}{K}。"),
    ("merge partly new 撤销", f"{{type: merge, before: [cs-a], partly: [cs-b], after: {NEW}, wording: 撤销}}",
     f"撤销{JI}，与{JING}的一部分合并设立{NEWN}{K}。"),
    ("merge into 撤销", "{type: merge, before: [cs-a, cs-b], after: cs-b, wording: 撤销}", f"撤销{JI}，并入{JING}。"),
    ("merge partly into 撤销", "{type: merge, before: [cs-a, cs-x], partly: [cs-b], after: cs-x, wording: 撤销}",
     f"撤销{JI}，与{JING}的一部分并入{X}。"),
    ("split new 撤销", f"{{type: split, before: [cs-a], after: [{NEW}, {NEW2}], wording: 撤销}}",
     f"撤销{JI}，分设{NEWN}、{NEWN2}，均为政府工作部门。"),
    ("split into existing 撤销", "{type: split, before: [cs-a], after: [cs-b, cs-x], wording: 撤销}",
     f"撤销{JI}，并入{JING}、{X}。"),
    ("split part into existing 撤销", f"{{type: split, before: [cs-a], after: [{NEW}, cs-x], wording: 撤销}}",
     f"撤销{JI}，分设{NEWN}{K}，部分并入{X}。"),
]


@pytest.mark.parametrize("label,event,expected", MERGES_AND_SPLITS, ids=[c[0] for c in MERGES_AND_SPLITS])
def test_merge_and_split_say_chexiao_only_when_the_source_does(tmp_path, label, event, expected):
    assert _said(tmp_path, event) == expected


PLACE_SPLITS = [
    ("place land to others", "{type: split, before: [cs-near], after: [cs-xian, cs-far]}",
     "邻县的行政区域分别划归测试县、远县。"),
    ("place land to others 撤销", "{type: split, before: [cs-near], after: [cs-xian, cs-far], wording: 撤销}",
     "撤销邻县，其行政区域分别划归测试县、远县。"),
    ("place new", "{type: split, before: [cs-near], after: [{id: cs-n1, name: 北县}, {id: cs-n2, name: 南县}]}",
     "邻县分设为北县、南县。"),
    ("place new 撤销", ("{type: split, before: [cs-near], after: [{id: cs-n1, name: 北县}, {id: cs-n2, name: 南县}],"
                        " wording: 撤销}"), "撤销邻县，分设北县、南县。"),
    ("place new and land", "{type: split, before: [cs-near], after: [{id: cs-n1, name: 北县}, cs-xian]}",
     "邻县分设为北县，部分行政区域划归测试县。"),
]


@pytest.mark.parametrize("label,event,expected", PLACE_SPLITS, ids=[c[0] for c in PLACE_SPLITS])
def test_a_place_split_says_chexiao_only_when_the_source_does(tmp_path, label, event, expected):
    places = "".join(f"- {{id: {j}, level: 县}}\n" for j in ("cs-n1", "cs-n2", "cs-far") if j in event)
    far = "- {id: ev-far, type: establish, date: 1956-01, body: cs-far, name: 远县, sources: [d-1956-1]}\n"
    assert _said(tmp_path, event, {"sources/jurisdictions/new.yaml": places,
                                   "sources/events/far.yaml": far if "cs-far" in event else ""}) == expected


REFUSED = [
    ("merge only parts 撤销", f"{{type: merge, before: [], partly: [cs-a, cs-b], after: {NEW}, wording: 撤销}}",
     "撤销的是哪一个"),
    ("split lives on 撤销", f"{{type: split, before: [cs-a], after: [cs-a, {NEW}], wording: 撤销}}", "原机构保留"),
]


@pytest.mark.parametrize("label,event,said", REFUSED, ids=[c[0] for c in REFUSED])
def test_chexiao_that_the_sentence_cannot_say_is_refused(tmp_path, label, event, said):
    a, _ = _one(tmp_path, event)
    found = [f for f in run_checks(a) if f.code == "schema-value"]
    assert found and said in found[0].message, found
    assert found[0].loc.file.endswith("x.yaml") and found[0].loc.line > 0


PLACES_SET_UP = [
    # the superior the record gives on the day it is set up is said; none given, nothing is said of one (no guess)
    ("place with superior", "{type: establish, body: cs-n1, name: 北县, parent: cs-near}", "设立北县，隶属邻县。"),
    ("place superior 由…代管", "{type: establish, body: cs-n1, name: 北县, parent: cs-near, parent_wording: 由…代管}",
     "设立北县，由邻县代管。"),
    ("place without superior", "{type: establish, body: cs-n1, name: 北县}", "设立北县。"),
]


@pytest.mark.parametrize("label,event,expected", PLACES_SET_UP, ids=[c[0] for c in PLACES_SET_UP])
def test_a_place_set_up_says_its_superior_when_the_record_gives_it(tmp_path, label, event, expected):
    assert _said(tmp_path, event, {"sources/jurisdictions/new.yaml": "- {id: cs-n1, level: 县}\n"}) == expected


def _yilan(tmp_path, bodies: str, events: str, d: str) -> dict[str, str]:
    """The 一览 of 测试县 on ``d``: each body's name → its 上级 cell, over the base archive."""
    from conftest import make_archive
    from zhi.dates import parse_date
    from zhi.views.snapshot import snapshot
    from zhi.views.staffing import figures

    root = make_archive(tmp_path)
    write(root, "sources/bodies/x.yaml", bodies)
    write(root, "sources/events/x.yaml", events)
    a = load_archive(root)
    h = derive_history(a)
    assert not [f.as_text() for f in run_checks(a, history=h) if f.severity == "error"]
    return {r.name: r.parent_name for r in snapshot(a, h, "cs-xian", parse_date(d), figures(a))}


SUPERIOR_FATE_UNKNOWN = """
- {id: ev-p, type: establish, date: 1957, body: cs-p, name: 测试县农村工作部, jurisdiction: cs-xian, sources: [d-1956-1]}
- {id: ev-c, type: establish, date: 1957, body: cs-c, name: 测试县农技站, parent: cs-p, sources: [d-1956-1]}
- {id: ev-s, type: staffing, date: 1965, body: cs-c, staffing: {事业编制: 3}, sources: [d-1956-1]}
"""


def test_the_yilan_marks_a_superior_whose_existence_then_the_record_does_not_show(tmp_path):
    """农村工作部's end no source gives and nothing shows it after 1957; the 农技站 under it is seen in 1965: the 1965
    一览 lists the 站 under “测试县农村工作部（存续不详）”, not as if the 部 certainly existed then."""
    bodies = "- {id: cs-p, kind: 党委工作部门, end: 不详}\n- {id: cs-c, kind: 事业单位}\n"
    assert _yilan(tmp_path / "a", bodies, SUPERIOR_FATE_UNKNOWN, "1965-12-31")["测试县农技站"] == "测试县农村工作部（存续不详）"
    # in 1957 the record shows it: named as it stands
    assert _yilan(tmp_path / "b", bodies, SUPERIOR_FATE_UNKNOWN, "1957-12-31")["测试县农技站"] == "测试县农村工作部"



SEEN_ONLY_EVENTS = ("- {id: ev-zu, type: establish, date: 1970或以前, body: cs-zu, name: 测试县生产组, jurisdiction: cs-xian,"
                    " sources: [d-1956-1]}\n")


def _existence(tmp_path, body: str, events: str = SEEN_ONLY_EVENTS) -> str:
    """The 存续 row of 测试县生产组's page as written for the site."""
    from test_small_truth import _body_page

    page = _body_page(tmp_path, {"sources/bodies/x.yaml": body, "sources/events/x.yaml": events}, "jigou/cs-zu.md")
    return next(line for line in page.splitlines() if line.startswith("| 存续 |"))


def test_a_body_the_source_shows_only_over_a_period_prints_that_period(tmp_path):
    """“1970年至1976年设生产组” (typed: set up 1970或以前, end: 不详, seen: [1976]): the page says what the source says,
    not “1970年或以前—止年不详（最后见于1976年）” nor a made-up start or end."""
    row = _existence(tmp_path, "- {id: cs-zu, kind: 其他, end: 不详, seen: [1976], sources: [d-1956-1]}\n")
    assert row.startswith("| 存续 | 见于1970年至1976年（设立、终止时间不详）（[测〔1956〕1号]"), row
    assert "或以前" not in row and "最后见于" not in row


def test_a_body_seen_only_once_prints_that_year(tmp_path):
    row = _existence(tmp_path, "- {id: cs-zu, kind: 其他, end: 不详, seen: [1970], sources: [d-1956-1]}\n")
    assert row.startswith("| 存续 | 见于1970年（设立、终止时间不详）"), row


def test_a_body_set_up_on_a_known_date_keeps_its_start(tmp_path):
    """Only a start the source gives as “by then” is told as 见于: a known founding still prints as the start."""
    events = SEEN_ONLY_EVENTS.replace("date: 1970或以前", "date: 1970-03")
    row = _existence(tmp_path, "- {id: cs-zu, kind: 其他, end: 不详, seen: [1976], sources: [d-1956-1]}\n", events)
    assert row.startswith("| 存续 | 1970年3月—止年不详（最后见于1976年）"), row


WENT = [
    ("merge into", "{type: merge, before: [cs-a, cs-b], after: cs-b}", "并入他机构"),
    ("merge new", f"{{type: merge, before: [cs-a, cs-b], after: {NEW}}}", "合并为他机构"),
    ("merge into 撤销", "{type: merge, before: [cs-a, cs-b], after: cs-b, wording: 撤销}", "撤销"),
    ("abolish", "{type: abolish, body: cs-a}", "撤销"),
]


@pytest.mark.parametrize("label,event,how", WENT, ids=[c[0] for c in WENT])
def test_the_years_summary_says_chexiao_only_when_the_source_does(tmp_path, label, event, how):
    """The 年表's “是年…：” line for a body that ended in the year (was 是年撤销或并入他机构 for any merge)."""
    from zhi.dates import parse_date
    from zhi.views.snapshot import difference

    _a, h = _one(tmp_path, event)
    went = dict(difference(h, "cs-xian", parse_date("1959-12-31"), parse_date("1960-12-31")).went)
    assert "cs-a" in went.get(how, []), went
