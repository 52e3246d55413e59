"""Events on a secret body written with no classification (its seat, its staffing, its 成员数) were left out of the
public site silently, while a staffing record on it got ``record-withheld`` (attack tester 16). They get the same
warning now, at the event's line, naming the event."""

from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.loader import load_archive

BODY = "id: cs-wj\nkind: 其他\nclassification: 机密\n"
EVENTS = ("- {id: ev-wj, type: establish, date: 1991-05, body: cs-wj, name: 测试县雾岬八号联络站, jurisdiction: cs-xian,"
          " sources: [d-1956-1], classification: 机密}\n"
          "- {id: ev-wj-seat, type: seat, date: 1992-03, body: cs-wj, wording: 临时设在, seat: 县城东街,"
          " sources: [d-1956-1]}\n"
          "- {id: ev-wj-bz, type: staffing, date: 1992-02, body: cs-wj, staffing: {编制: 12, 口径: 记载},"
          " sources: [d-1956-1]}\n")


def _withheld(root) -> list:
    return [f for f in run_checks(load_archive(root)) if f.code == "record-withheld"]


def test_events_on_a_secret_body_without_classification_are_warned_at_their_lines(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/wj.yaml", BODY)
    write(root, "sources/events/wj.yaml", EVENTS)
    found = _withheld(root)
    assert [(f.loc.file, f.loc.line, f.severity) for f in found] == [
        ("sources/events/wj.yaml", 2, "warning"), ("sources/events/wj.yaml", 3, "warning")], found
    assert found[0].message.startswith("事件“ev-wj-seat”（驻地）写的密级是“公开”，但它所记的机构（行政区划）是“机密”")
    assert "请把它的 classification 改为“机密”" in found[0].message


def test_an_event_classified_with_its_body_is_not_warned(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/wj.yaml", BODY)
    write(root, "sources/events/wj.yaml", EVENTS.replace("sources: [d-1956-1]}", "sources: [d-1956-1], classification: 机密}"))
    assert _withheld(root) == []
