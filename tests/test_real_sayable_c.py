"""Issue 11 (part C): what real chronicles state that the archive still could not hold or did not follow through —
a body of two jurisdictions when one of its places ends, … Each test reads what is printed or derived, not only that
the archive loads."""

from __future__ import annotations

from conftest import archive_with
from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.lineage import lineage
from zhi.views.snapshot import snapshot


def checked(root):
    a = load_archive(root, with_book=False)
    h = derive_history(a)
    return a, h, run_checks(a, history=h)


def errors_of(found):
    return [f for f in found if f.severity == "error"]


CITY = "- {id: cs-shi, note: 来源未载层级}\n- {id: cs-qu, note: 来源未载层级}\n"
JOINT = """
- {id: ev-shi, type: establish, date: 1950-01, body: cs-shi, name: 测试市, sources: [d-1956-1]}
- {id: ev-qu, type: establish, date: 1956-01, body: cs-qu, name: 测试区, sources: [d-1956-1]}
- {id: ev-hs, type: establish, date: 1956-03, body: cs-hs, name: 中共测试市区委员会, jurisdiction: [cs-shi, cs-qu],
   sources: [d-1956-1]}
"""


# ---- (d) a body of two jurisdictions: every check reads all of its places --------------------------------------
def test_a_joint_body_outlives_the_place_that_ends_and_stays_in_the_other(tmp_path):
    root = archive_with(tmp_path, events=JOINT + """
- {id: ev-qu-end, type: abolish, date: 1958-10, body: cs-qu, sources: [d-1956-1]}
""", bodies={"cs-hs": "其他"}, files={"sources/jurisdictions/shi.yaml": CITY})
    a, h, found = checked(root)
    assert errors_of(found) == [], [f.as_text() for f in errors_of(found)]
    t = h.get("cs-hs")
    assert t.fate_unknown is None and t.end is None          # not 去向不详: it was the city's too
    later = parse_date("1960")
    assert t.jurisdictions_on(later) == ("cs-shi",)
    assert "cs-hs" in {r.body for r in snapshot(a, h, "cs-shi", later, [])}
    co = lineage(a, h, "cs-hs", []).co_jurisdictions
    assert [(p.value, p.start.chinese(), p.end.chinese()) for p in co] == [("测试区", "1956年3月", "1958年10月")]
    said = [f.message for f in found if f.code == "jurisdiction-unknown"]
    assert any("此后只属测试市（cs-shi）" in m for m in said), said
    assert not any(f.code == "fate-unknown" for f in found), [f.as_text() for f in found]


def test_a_joint_body_whose_main_place_ends_is_the_other_places(tmp_path):
    root = archive_with(tmp_path, events=JOINT + """
- {id: ev-shi-end, type: abolish, date: 1958-10, body: cs-shi, sources: [d-1956-1]}
""", bodies={"cs-hs": "其他"}, files={"sources/jurisdictions/shi.yaml": CITY})
    a, h, found = checked(root)
    assert errors_of(found) == [], [f.as_text() for f in errors_of(found)]
    t = h.get("cs-hs")
    assert t.fate_unknown is None and t.end is None
    later = parse_date("1960")
    assert t.jurisdiction_on(later) == "cs-qu" and t.jurisdictions_on(later) == ("cs-qu",)
    assert "cs-hs" in {r.body for r in snapshot(a, h, "cs-qu", later, [])}
    places = [(p.value, p.start.chinese(), p.end.chinese() if p.end else None)
              for p in lineage(a, h, "cs-hs", []).jurisdictions]
    assert places == [("测试市", "1956年3月", "1958年10月"), ("测试区", "1958年10月", None)]


def test_a_joint_body_lapses_only_when_its_last_place_ends(tmp_path):
    root = archive_with(tmp_path, events=JOINT + """
- {id: ev-shi-end, type: abolish, date: 1958-10, body: cs-shi, sources: [d-1956-1]}
- {id: ev-qu-end, type: abolish, date: 1962-01, body: cs-qu, sources: [d-1956-1]}
""", bodies={"cs-hs": "其他"}, files={"sources/jurisdictions/shi.yaml": CITY})
    _a, h, found = checked(root)
    t = h.get("cs-hs")
    assert t.fate_unknown is not None and t.end.chinese() == "1962年1月"
    said = [f.message for f in found if f.code == "fate-unknown"]
    assert any("中共测试市区委员会" in m and "1962年1月" in m for m in said), said


def test_a_joint_body_in_a_place_not_yet_set_up_is_refused(tmp_path):
    root = archive_with(tmp_path, events=JOINT.replace("date: 1956-03", "date: 1955-03"),
                        bodies={"cs-hs": "其他"}, files={"sources/jurisdictions/shi.yaml": CITY})
    _a, _h, found = checked(root)
    said = [f.message for f in errors_of(found) if f.code == "jurisdiction-not-alive"]
    assert any("中共测试市区委员会（cs-hs）自1955年3月属于测试区（cs-qu）" in m for m in said), \
        [f.as_text() for f in found]
