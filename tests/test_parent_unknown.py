"""`parent: 不详` on a body an event sets up: the sources name no superior for it, which is not "it had none".

The tester's 济阳 volume (tests/fixtures/real/jiyang): 1980年从县计划委员会分出统计业务，设立县统计局 — the source says
nothing of the new bureau's superior. Without `parent` the body reads as having no superior (a leading body: printed
with an empty 上级 and selected for the 大事记 as one); with `parent: 不详` the 一览 prints 上级“不详”, the sentence
says nothing of a superior, and the 大事记 does not count it a leading body."""

from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.model import UNKNOWN
from zhi.views.chronology import chronology
from zhi.views.dashiji import Rules, principal
from zhi.views.snapshot import snapshot

EVENTS = """
- {{id: ev-tj, type: establish, date: 1960-03, body: cs-tj, name: 测试县统计局, jurisdiction: cs-xian,
   {parent}sources: [d-1956-1]}}
"""


def _archive(tmp_path, parent: str):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/tj.yaml", "id: cs-tj\nkind: 政府工作部门\n")
    write(root, "sources/events/tj.yaml", EVENTS.format(parent=parent))
    a = load_archive(root)
    h = derive_history(a)
    assert not [f.as_text() for f in run_checks(a, history=h) if f.severity == "error"]
    return a, h


def test_a_superior_not_named_is_printed_unknown_not_none(tmp_path):
    from zhi.dates import parse_date

    a, h = _archive(tmp_path, "parent: 不详, ")
    assert h.get("cs-tj").parent_on(parse_date("1961")) == UNKNOWN
    row = next(r for r in snapshot(a, h, "cs-xian", parse_date("1961-12-31"), []) if r.body == "cs-tj")
    assert row.parent_name == "不详", row
    said = ["".join(s if isinstance(s, str) else s.text for s in en.segments) for en in chronology(a, h)]
    assert "设立测试县统计局，为政府工作部门。" in said or "设立测试县统计局。" in said, said
    assert not [t for t in said if "统计局" in t and "隶属" in t], said
    ev = next(e for e in a.events if e.id == "ev-tj")
    assert not principal(a, h, "cs-tj", ev, Rules.from_options()), "上级不详 is not a leading body"


def test_without_parent_it_is_a_body_with_no_superior_as_before(tmp_path):
    from zhi.dates import parse_date

    a, h = _archive(tmp_path, "")
    row = next(r for r in snapshot(a, h, "cs-xian", parse_date("1961-12-31"), []) if r.body == "cs-tj")
    assert row.parent_name != "不详"
    ev = next(e for e in a.events if e.id == "ev-tj")
    assert principal(a, h, "cs-tj", ev, Rules.from_options())


def test_a_near_miss_for_unknown_is_refused_saying_what_to_write(tmp_path):

    for slip in ("不 详", "未详", "（不详）", "不祥"):
        root = make_archive(tmp_path / slip.strip("（）").replace(" ", "_"))
        write(root, "sources/bodies/tj.yaml", "id: cs-tj\nkind: 政府工作部门\n")
        write(root, "sources/events/tj.yaml", EVENTS.format(parent=f'parent: "{slip}", '))
        errors = [f for f in run_checks(load_archive(root)) if f.severity == "error"]
        assert [(f.code, f.loc.file) for f in errors] == [("schema-value", "sources/events/tj.yaml")], slip
        assert "parent: 不详" in errors[0].message
