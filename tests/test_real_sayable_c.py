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


# ---- (e) a grant of powers that a later record withdraws -------------------------------------------------------
POWERS = """
- {id: ev-q, type: authority, date: 1988-12, body: cs-xian, powers: 享受市地一级管理权限, sources: [d-1956-1]}
- {id: ev-q2, type: authority, date: 1990-05, body: cs-xian, powers: 行使县级区职能, sources: [d-1956-1]}
- {id: ev-q-end, type: 收回权限, date: 1994-03, body: cs-xian, powers: 享受市地一级管理权限, sources: [d-1956-1]}
"""


def _periods(a, h, item):
    from zhi.writers.opendata import OpenData
    table = OpenData(a, h, {"base": "urn:zhi:"}).periods()
    cols = [c.name for c in table.columns]
    return [dict(zip(cols, r)) for r in table.rows if r[cols.index("项目")] == item]


def test_a_grant_of_powers_ends_when_a_record_withdraws_it(tmp_path):
    from zhi.views.chronology import chronology

    root = archive_with(tmp_path, events=POWERS)
    a, h, found = checked(root)
    assert errors_of(found) == [], [f.as_text() for f in errors_of(found)]
    printed = {en.event.id: f"{en.date.chinese()}　{en.plain()}" for en in chronology(a, h)}
    assert printed["ev-q-end"] == "1994年3月　测试县不再享受市地一级管理权限。"
    powers = [(p.value, p.start.chinese(), p.end.chinese() if p.end else None)
              for p in lineage(a, h, "cs-xian", []).powers]
    assert powers == [("享受市地一级管理权限", "1988年12月", "1994年3月"), ("行使县级区职能", "1990年5月", None)]
    rows = _periods(a, h, "管理权限")
    assert [(r["值"], r["起"], r["止"], r["止_事件"], r["止_说明"]) for r in rows] == [
        ("享受市地一级管理权限", "1988年12月", "1994年3月", "ev-q-end", ""),
        ("行使县级区职能", "1990年5月", "", "", "来源未载收回")]


def test_a_withdrawal_prints_the_sources_verb(tmp_path):
    from zhi.views.chronology import chronology

    root = archive_with(tmp_path, events=POWERS.replace("date: 1994-03, body: cs-xian,", "date: 1994-03, body: cs-xian, wording: 取消,"))
    a, h, found = checked(root)
    assert errors_of(found) == [], [f.as_text() for f in errors_of(found)]
    line = next(en.plain() for en in chronology(a, h) if en.event.id == "ev-q-end")
    assert line == "取消测试县享受市地一级管理权限。"


def test_a_withdrawal_of_powers_not_held_or_not_named_is_refused(tmp_path):
    root = archive_with(tmp_path, events=POWERS + """
- {id: ev-q-end3, type: 收回权限, date: 1994-06, body: cs-xian, powers: 享受省级管理权限, sources: [d-1956-1]}
- {id: ev-q-end2, type: 收回权限, date: 1995, body: cs-xian, sources: [d-1956-1]}
- {id: ev-q-end4, type: 收回权限, date: 1980, body: cs-xian, sources: [d-1956-1]}
""")
    _a, _h, found = checked(root)
    said = {f.loc.line: f.message for f in errors_of(found) if f.code == "authority-not-held"}
    assert any("没有“享受省级管理权限”这项管理权限" in m and "“行使县级区职能”（1990年5月起）" in m for m in said.values()), said
    assert any("此前没有得到任何管理权限" in m for m in said.values()), said
    assert len(said) == 2, said   # 1995: the one grant left (行使县级区职能) is the one withdrawn
