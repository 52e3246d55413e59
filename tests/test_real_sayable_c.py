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


# ---- (b) the makeup of a membership: 有会员312人，其中高级职称59人 ---------------------------------------------------
def test_the_makeup_of_a_membership_prints_after_its_count(tmp_path):
    from zhi.views.chronology import chronology

    root = archive_with(tmp_path, events="""
- {id: ev-kx, type: establish, date: 1980, body: cs-kexie, name: 测试县科学技术协会, jurisdiction: cs-xian, sources: [d-1956-1]}
- {id: ev-kx-m, type: 成员数, date: 1990, body: cs-kexie, members: {会员: 312}, of_which: {高级职称: 59, 女会员: 87},
   subordinates: {学会: 12}, sources: [d-1956-1]}
""", bodies={"cs-kexie": "群团机关"})
    a, h, found = checked(root)
    assert errors_of(found) == [], [f.as_text() for f in errors_of(found)]
    line = next(en.plain() for en in chronology(a, h) if en.event.id == "ev-kx-m")
    assert line == "测试县科学技术协会有会员312人，其中高级职称59人、女会员87人，下辖12个学会。"
    assert [p.value for p in lineage(a, h, "cs-kexie", []).figures] == ["有会员312人，其中高级职称59人、女会员87人，下辖12个学会"]


def test_a_part_with_no_whole_or_larger_than_it_is_refused(tmp_path):
    root = archive_with(tmp_path, events="""
- {id: ev-kx, type: establish, date: 1980, body: cs-kexie, name: 测试县科学技术协会, jurisdiction: cs-xian, sources: [d-1956-1]}
- {id: ev-kx-m, type: 成员数, date: 1990, body: cs-kexie, subordinates: {学会: 12}, of_which: {高级职称: 59},
   sources: [d-1956-1]}
- {id: ev-kx-m2, type: 成员数, date: 1991, body: cs-kexie, members: {会员: 31}, of_which: {高级职称: 59},
   sources: [d-1956-1]}
""", bodies={"cs-kexie": "群团机关"})
    _a, _h, found = checked(root)
    said = [f.message for f in errors_of(found)]
    assert any("须同时写 members" in m for m in said), said
    assert any("“高级职称”59人多于成员总数31人" in m for m in said), said


# ---- (a) a count with some of its members named -----------------------------------------------------------------
def _dashiji(a, h):
    from zhi.views.dashiji import dashiji
    return {it.record.id: f"{it.date.chinese()}　{it.plain()}" for it in dashiji(a, h)}


def test_set_up_with_others_not_named_says_the_count_and_nothing_of_the_others(tmp_path):
    from zhi.views.chronology import chronology

    root = archive_with(tmp_path, events="""
- {id: ev-a, type: 成立, date: 1984-03-12, body: cs-a, name: 测试县计划委员会, parent: cs-zhengfu, count: 5,
   dashiji: 收, sources: [d-1984-7]}
- {id: ev-b, type: 成立, date: 1984-03-12, body: cs-b, name: 测试县经济委员会, parent: cs-zhengfu, count: 5,
   dashiji: 收, sources: [d-1984-7]}
""".replace("测试县计划委员会", "测试县计划局").replace("测试县经济委员会", "测试县经济局"),
        bodies={"cs-a": "政府工作部门", "cs-b": "政府工作部门"})
    a, h, found = checked(root)
    assert errors_of(found) == [], [f.as_text() for f in errors_of(found)]
    one = {en.event.id: en.plain() for en in chronology(a, h)}
    assert one["ev-a"] == "成立测试县计划局等5个机构，其中测试县计划局隶属测试县人民委员会，为政府工作部门。"
    lines = [t for t in _dashiji(a, h).values() if "测试县计划局" in t]
    # one entry with the rest of its document's changes that day; the two named said together, with the count
    assert len(lines) == 1 and lines[0].endswith("；成立测试县计划局、测试县经济局等5个机构，其中测试县计划局、测试县经济局"
                                                 "均隶属测试县人民委员会，为政府工作部门。"), lines
    # the three not named are not made up: only the two named bodies exist
    assert {r for r in ("cs-a", "cs-b") if h.get(r).start} == {"cs-a", "cs-b"}
    assert len([t for t in h.timelines.values() if t.start_event and t.start_event.id in ("ev-a", "ev-b")]) == 2


def test_co_located_with_others_not_named(tmp_path):
    from zhi.views.chronology import chronology

    root = archive_with(tmp_path, events="""
- {id: ev-hs, type: 合署办公, date: 1962-05, bodies: [cs-jiwei, cs-jingwei], count: 7, sources: [d-1956-1]}
- {id: ev-fk, type: 分开办公, date: 1963-05, bodies: [cs-jiwei, cs-jingwei], count: 7, scope: 部门, sources: [d-1956-1]}
""")
    a, h, found = checked(root)
    assert errors_of(found) == [], [f.as_text() for f in errors_of(found)]
    one = {en.event.id: en.plain() for en in chronology(a, h)}
    assert one["ev-hs"] == "测试县计划委员会、测试县经济委员会等7个单位合署办公。"
    assert one["ev-fk"] == "测试县计划委员会、测试县经济委员会等7个部门分开办公。"
    from zhi.dates import parse_date as p
    assert h.get("cs-jiwei").colocated_on(p("1962-10")) == ["cs-jingwei"]
    assert h.get("cs-jiwei").colocated_on(p("1964")) == []


def test_a_count_no_larger_than_those_named_is_refused(tmp_path):
    root = archive_with(tmp_path, events="""
- {id: ev-hs, type: 合署办公, date: 1962-05, bodies: [cs-jiwei, cs-jingwei], count: 2, sources: [d-1956-1]}
- {id: ev-a, type: 成立, date: 1984-03-12, body: cs-a, name: 测试县计划局, parent: cs-zhengfu, count: 1, sources: [d-1984-7]}
""", bodies={"cs-a": "政府工作部门"})
    _a, _h, found = checked(root)
    said = [f.message for f in errors_of(found) if f.code == "schema-value"]
    assert any("应大于 bodies 所列的2个" in m for m in said), said
    assert any("应不小于 2" in m for m in said), said


# ---- (f) one sentence over several dates: 1980、1985、1987、1989年先后建立… ------------------------------------------
SUCCESSIVE = """
- {id: ev-s1, type: 建立, date: 1980, body: cs-s1, name: 测试县第一中心站, parent: cs-zhengfu, sources: [d-1956-1]}
- {id: ev-s2, type: 建立, date: 1985, body: cs-s2, name: 测试县第二中心站, parent: cs-zhengfu, sources: [d-1956-1]}
- {id: ev-s3, type: 建立, date: 1987, body: cs-s3, name: 测试县第三中心站, parent: cs-zhengfu, sources: [d-1956-1]}
- {id: ev-s4, type: 建立, date: 1989, body: cs-s4, name: 测试县第四中心站, parent: cs-zhengfu, sources: [d-1956-1]}
- {id: ev-s5, type: 建立, date: 1989, body: cs-s5, name: 测试县第五中心站, parent: cs-zhengfu, sources: [d-1956-1]}
"""
STATIONS = {f"cs-s{i}": "事业单位" for i in range(1, 6)}


def test_bodies_set_up_one_by_one_are_one_entry_with_each_its_own_year(tmp_path):
    grouped = SUCCESSIVE.replace("sources: [d-1956-1]}", "group: 中心站, dashiji: 收, sources: [d-1956-1]}")
    root = archive_with(tmp_path, events=grouped, bodies=STATIONS)
    a, h, found = checked(root)
    assert errors_of(found) == [], [f.as_text() for f in errors_of(found)]
    lines = [t for t in _dashiji(a, h).values() if "中心站" in t]
    assert lines == [("1980年至1989年　先后建立测试县第一中心站（1980年）、测试县第二中心站（1985年）、测试县第三中心站（1987年）、"
                      "测试县第四中心站（1989年）、测试县第五中心站（1989年），均隶属测试县人民委员会，为事业单位。")], lines
    # each body keeps the year the source gives it: nothing is put on the first date
    assert [h.get(f"cs-s{i}").start.chinese() for i in range(1, 6)] == ["1980年", "1985年", "1987年", "1989年", "1989年"]


def test_or_one_entry_a_year_as_the_editor_chooses(tmp_path):
    root = archive_with(tmp_path, events=SUCCESSIVE.replace("sources: [d-1956-1]}", "dashiji: 收, sources: [d-1956-1]}"),
                        bodies=STATIONS)
    a, h, _found = checked(root)
    lines = sorted(t for t in _dashiji(a, h).values() if "中心站" in t)
    assert lines[0] == "1980年　建立测试县第一中心站，隶属测试县人民委员会，为事业单位。"
    # one a year (the two of 1989, of one document, together); no month made up
    assert [t.split("　")[0] for t in lines] == ["1980年", "1985年", "1987年", "1989年"], lines


def test_changes_of_several_kinds_over_several_dates_each_keep_their_date(tmp_path):
    root = archive_with(tmp_path, events=SUCCESSIVE.replace("sources: [d-1956-1]}", "group: 中心站, dashiji: 收, sources: [d-1956-1]}")
                        + """
- {id: ev-s1-end, type: abolish, date: 1991, body: cs-s1, group: 中心站, dashiji: 收, sources: [d-1956-1]}
""", bodies=STATIONS)
    a, h, found = checked(root)
    assert errors_of(found) == [], [f.as_text() for f in errors_of(found)]
    lines = [t for t in _dashiji(a, h).values() if "中心站" in t]
    assert len(lines) == 1 and lines[0].startswith("1980年至1991年　1980年，建立测试县第一中心站"), lines
    assert "；1989年，建立测试县第四中心站、测试县第五中心站，均隶属测试县人民委员会，为事业单位；1991年，撤销测试县第一中心站。" in lines[0]


# ---- (c) 内设机构 changes: in the book's 机构沿革 section (a directive), as on the site's body page ----------------
UNITS = """- id: cs-xcb
  kind: 党委工作部门
  units:
    - {name: 理论科, from: 1984-03}
    - {name: 党员教育科, from: 1984-03}
    - {name: 理论与党员教育科, from: 1996-12, merged_from: [理论科, 党员教育科]}
    - {name: 通讯科, from: 1984-03}
    - {name: 新闻出版科, from: 1998-05, renamed_from: 通讯科, wording: 改称}
    - {name: 干部教育科, from: 1984-03, to: 不详}
"""


def test_a_chapter_directive_prints_a_bodys_units_with_their_changes(tmp_path):
    from zhi.chronicle import DIRECTIVE_RE, parse_directive
    from zhi.findings import Loc
    from zhi.writers.tables import Tables

    root = archive_with(tmp_path, events="""
- {id: ev-xcb, type: establish, date: 1984-03, body: cs-xcb, name: 测试县委宣传部, jurisdiction: cs-xian, sources: [d-1984-7]}
""", files={"sources/bodies/xcb.yaml": UNITS})
    c1 = root / "chronicle" / "p1" / "c1.md"
    c1.write_text(c1.read_text(encoding="utf-8") + "\n\n[[内设机构:cs-xcb]]\n\n[[内设机构:cs-xian]]\n\n[[内设机构]]\n",
                  encoding="utf-8")
    a = load_archive(root)
    h = derive_history(a)
    found = run_checks(a, history=h)
    said = [(f.code, f.message) for f in errors_of(found)]
    assert [c for c, _m in said] == ["directive-invalid", "directive-invalid"], said
    assert any("内设机构表的对象应为机构，“cs-xian”不是" in m for _c, m in said), said
    assert any("内设机构表须写明机构" in m for _c, m in said), said
    line = "[[内设机构:cs-xcb]]"
    text = Tables(a, h, [], []).render(parse_directive(DIRECTIVE_RE.match(line), Loc("")), lambda rid, t: t)
    assert text.splitlines() == [
        "**测试县委宣传部内设机构**", "",
        "- 理论科（1984年3月—1996年12月）",
        "- 党员教育科（1984年3月—1996年12月）",
        "- 理论与党员教育科（1996年12月—）：1996年12月理论科、党员教育科合并为理论与党员教育科",
        "- 通讯科（1984年3月—1998年5月）",
        "- 新闻出版科（1998年5月—）：1998年5月通讯科改称新闻出版科",
        "- 干部教育科（1984年3月—止年不详）"]   # to: 不详 — ended, no source says when: never read as going on
