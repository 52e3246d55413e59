"""What a fresh tester met typing in 《邵东县志》, 《莲都区志》 and 《内丘县志》: a parent abolished and restored, a rename
dated only as a range, messages about bodies whose end is unknown or that were abolished and restored, 筹建, joint
leadership with no principal side, long silences, and records for seats, territory and unit counts.

Each test reads the derived lineage, the snapshot (一览) or the printed sentence, not only that loading succeeds.
"""

from pathlib import Path

from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.indexes import body_index
from zhi.views.lineage import lineage
from zhi.views.snapshot import snapshot
from zhi.views.staffing import figures


def _archive(tmp_path: Path, files: dict[str, str]):
    root = make_archive(tmp_path)
    for rel, text in files.items():
        write(root, rel, text)
    a = load_archive(root)
    return root, a, derive_history(a)


def _serious(a):
    """Errors and warnings, but body-silent: these small archives end at 2000 with little recorded after 1970
    (that check has tests of its own below)."""
    return [f for f in run_checks(a) if f.severity in ("error", "warning") and f.code != "body-silent"]


RESTORED_PARENT = {
    "sources/bodies/bgs.yaml": "id: cs-bgs\nkind: 政府工作部门\n",
    "sources/events/bgs.yaml": """
- id: ev-bgs
  type: establish
  date: 1957
  body: cs-bgs
  name: 测试县计划委员会办公室
  parent: cs-jiwei
  sources: [d-1956-1]
- id: ev-jiwei-1966
  type: abolish
  date: 1966
  body: cs-jiwei
  sources: [d-1956-1]
- id: ev-jiwei-1970
  type: restore
  date: 1970-05
  body: cs-jiwei
  sources: [d-1956-1]
""",
}


def test_a_parent_abolished_and_restored_leaves_a_gap_that_shows(tmp_path):
    _, a, h = _archive(tmp_path, RESTORED_PARENT)
    found = [f for f in _serious(a) if f.code == "parent-ended"]
    assert len(found) == 1, found
    msg = found[0].message
    # the gap in the parent's life is named, and that no source puts the child back under it
    assert "1956年6月1日—1966年、1970年5月—1984年3月12日" in msg and "档案未记它重归其下" in msg
    assert found[0].loc.file == "sources/events/bgs.yaml"
    lin = lineage(a, h, "cs-bgs")
    assert [(p.value, str(p.start), str(p.end) if p.end else None) for p in lin.parents] == [
        ("测试县计划委员会", "1957年", "1966年"), ("不详", "1966年", None)]
    parent = {y: {r.name: r.parent_name for r in snapshot(a, h, "cs-xian", parse_date(y), [])}
              for y in ("1960", "1968", "1975")}
    assert parent["1960"]["测试县计划委员会办公室"] == "测试县计划委员会"
    # while the parent does not exist the child is not "under" it; nor after the restore, which no source ties it to
    assert parent["1968"]["测试县计划委员会办公室"] == "不详" and "测试县计划委员会" not in parent["1968"]
    assert parent["1975"]["测试县计划委员会办公室"] == "不详" and "测试县计划委员会" in parent["1975"]


def test_a_reparent_after_the_restore_puts_it_back(tmp_path):
    files = dict(RESTORED_PARENT)
    files["sources/events/bgs2.yaml"] = """
- id: ev-bgs-back
  type: reparent
  date: 1970-05
  body: cs-bgs
  parent: cs-jiwei
  sources: [d-1956-1]
"""
    _, a, h = _archive(tmp_path, files)
    # the gap still shows (1966–1970 no source gives a parent), the child is under the restored body again until
    # that body is merged away in 1984
    found = _serious(a)
    assert [f.code for f in found] == ["parent-ended", "parent-ended"]
    assert "于1966年撤销" in found[0].message and "于1984年3月12日合并" in found[1].message
    assert "重归其下" not in found[1].message
    rows = {r.name: r.parent_name for r in snapshot(a, h, "cs-xian", parse_date("1975"), [])}
    assert rows["测试县计划委员会办公室"] == "测试县计划委员会"
    assert [p.value for p in lineage(a, h, "cs-bgs").parents] == ["测试县计划委员会", "不详", "测试县计划委员会", "不详"]


RANGE_RENAME = {
    "sources/bodies/xcb.yaml": "id: cs-xcb\nkind: 党委工作部门\n",
    "sources/events/xcb.yaml": """
- id: ev-xcb
  type: establish
  date: 1956-06-01
  body: cs-xcb
  name: 测试县委宣传科
  jurisdiction: cs-xian
  sources: [d-1956-1]
- id: ev-xcb-2
  type: rename
  date: 1956-06-01至1966
  body: cs-xcb
  name: 测试县委宣传部
  sources: [d-1956-1]
""",
}


def test_a_rename_dated_as_a_range_prints_the_range_not_one_year(tmp_path):
    _, a, h = _archive(tmp_path, RANGE_RENAME)
    assert _serious(a) == []
    notes = {e.term: e.note for e in body_index(a, h) if e.target == "cs-xcb"}
    # not （1956—1956）: the old name ran from 1956 until, at the latest, 1966; the new one from some time in that span
    assert notes == {"测试县委宣传科": "见“测试县委宣传部”（1956—至迟1966）", "测试县委宣传部": "（1956至1966年间—）"}
    lin = lineage(a, h, "cs-xcb")
    assert [(p.value, p.start.chinese(), p.end.chinese() if p.end else None) for p in lin.names] == [
        ("测试县委宣传科", "1956年6月1日", "1956年6月1日至1966年"), ("测试县委宣传部", "1956年6月1日至1966年", None)]


def test_prose_reference_message_shows_the_real_lives(tmp_path):
    files = dict(RESTORED_PARENT)
    files["sources/bodies/gongye.yaml"] = "id: cs-gongye\nkind: 政府工作部门\nend: 不详\n"
    files["sources/events/gongye.yaml"] = """
- id: ev-gy
  type: establish
  date: 1958
  body: cs-gongye
  name: 测试县工业局
  parent: cs-zhengfu
  sources: [d-1956-1]
"""
    files["chronicle/p1/c2.md"] = ("---\ntitle: 第二章\n---\n\n# 第二章\n\n"
                                   "[[cs-jiwei@1968]]与[[cs-gongye@1957]]。\n")
    root, _, _ = _archive(tmp_path, files)
    book = root / "chronicle/book.yaml"
    book.write_text(book.read_text(encoding="utf-8").replace("p1/c1.md", "p1/c1.md, p1/c2.md"), encoding="utf-8")
    a = load_archive(root)
    msgs = [f.message for f in run_checks(a) if f.code == "name-invalid" and "c2.md" in f.loc.file]
    assert len(msgs) == 2, msgs
    jiwei, gongye = sorted(msgs, key=lambda m: "cs-gongye" in m)
    assert "存续期：1956年6月1日—1966年、1970年5月—1984年3月12日" in jiwei   # the gap shows
    assert "存续期：1958年起，止年不详（最后见于1958年）" in gongye
    assert all("今" not in m for m in msgs)


# 《邵东县志》 pp.304–308 (as the task's tester typed it in): 中共邵东县委 set up 1951-11-18, the county formally set up
# 1952-02-16; the county is in 筹建 between the two.
SHAODONG = {
    "sources/jurisdictions/sd.yaml": "id: sd-xian\nlevel: 县\n",
    "sources/bodies/sdxw.yaml": "id: sd-xw\nkind: 党委工作部门\n",
    "sources/bodies/sdzzb.yaml": "id: sd-zzb\nkind: 党委工作部门\n",
    "sources/bodies/sdbzw.yaml": "id: sd-bzw\nkind: 议事协调机构\n",
    "sources/events/sd.yaml": """
- id: ev-sd-prep
  type: 筹建
  date: 1951-11-18
  body: sd-xian
  name: 邵东县
  sources: [d-1956-1]
- id: ev-sdxw
  type: establish
  date: 1951-11-18
  body: sd-xw
  name: 中共邵东县委员会
  short: 县委
  jurisdiction: sd-xian
  sources: [d-1956-1]
- id: ev-sd
  type: establish
  date: 1952-02-16
  body: sd-xian
  name: 邵东县
  sources: [d-1956-1]
- id: ev-sdzzb
  type: establish
  date: 1952-03
  body: sd-zzb
  name: 中共邵东县委组织部
  parent: sd-xw
  sources: [d-1956-1]
- id: ev-sdbzw
  type: establish
  date: 1960
  body: sd-bzw
  name: 邵东县编制委员会
  co_parents: [sd-xw, sd-zzb]
  sources: [d-1956-1]
""",
}


def _sentences(a, h, ids):
    from zhi.views.chronology import chronology
    return {en.event.id: en.date.in_year() + " " + "".join(s if isinstance(s, str) else s.text for s in en.segments)
            for en in chronology(a, h) if en.event.id in ids}


def test_a_body_set_up_while_its_county_is_in_preparation(tmp_path):
    _, a, h = _archive(tmp_path, SHAODONG)
    assert _serious(a) == []
    s = _sentences(a, h, {"ev-sd-prep", "ev-sdxw", "ev-sd"})
    assert s == {"ev-sd-prep": "11月18日 筹建邵东县。", "ev-sdxw": "11月18日 设立中共邵东县委员会（简称县委），为党委工作部门。",
                 "ev-sd": "2月16日 设立邵东县。"}
    lin = lineage(a, h, "sd-xian")
    # its life begins on the formal date; the preparation is its own period, not moved into the life
    assert lin.start.chinese() == "1952年2月16日"
    assert [(p.value, p.start.chinese(), p.end.chinese()) for p in lin.preparations] == [
        ("筹建", "1951年11月18日", "1952年2月16日")]
    assert [p.value for p in lin.names] == ["邵东县"]
    assert not h.get("sd-xian").alive_on(parse_date("1951-12"))
    rows = snapshot(a, h, "sd-xian", parse_date("1951-12"), [])
    assert [r.name for r in rows] == ["中共邵东县委员会"]


def test_without_the_preparation_the_county_is_refused_with_the_way_to_say_it(tmp_path):
    files = dict(SHAODONG)
    files["sources/events/sd.yaml"] = files["sources/events/sd.yaml"].split("- id: ev-sdxw")[0].replace(
        "type: 筹建\n  date: 1951-11-18", "type: 筹建\n  date: 1952-01") + "- id: ev-sdxw" + \
        files["sources/events/sd.yaml"].split("- id: ev-sdxw")[1]
    _, a, _ = _archive(tmp_path, files)
    found = [f for f in _serious(a) if f.code == "jurisdiction-not-alive"]
    assert len(found) == 1 and "筹建（prepare）事件" in found[0].message and "不要改动设立日期" in found[0].message


def test_a_preparation_after_the_establishment_is_an_error(tmp_path):
    files = dict(SHAODONG)
    files["sources/events/late.yaml"] = ("- id: ev-late\n  type: prepare\n  date: 1953\n  body: sd-xian\n"
                                         "  sources: [d-1956-1]\n")
    _, a, _ = _archive(tmp_path, files)
    found = [f for f in _serious(a) if f.code == "body-exists" and "筹建" in f.message]
    assert len(found) == 1 and "已经设立（1952年2月16日起）" in found[0].message


def test_joint_leadership_with_no_principal_side(tmp_path):
    _, a, h = _archive(tmp_path, SHAODONG)
    s = _sentences(a, h, {"ev-sdbzw"})
    assert s["ev-sdbzw"] == "是年 设立邵东县编制委员会，由中共邵东县委员会、中共邵东县委组织部双重领导，为议事协调机构。"
    assert "为主" not in s["ev-sdbzw"]
    rows = {r.name: r.parent_name for r in snapshot(a, h, "sd-xian", parse_date("1961"), [])}
    assert rows["邵东县编制委员会"] == "中共邵东县委员会、中共邵东县委组织部（双重领导）"
    assert [p.value for p in lineage(a, h, "sd-bzw").co_parents] == ["由中共邵东县委员会、中共邵东县委组织部双重领导"]
    # a reparent to joint leadership, and back to one parent
    files = dict(SHAODONG)
    files["sources/events/more.yaml"] = """
- id: ev-rp
  type: reparent
  date: 1965
  body: sd-zzb
  co_parents: [sd-xw, sd-bzw]
  sources: [d-1956-1]
"""
    _, a, h = _archive(tmp_path / "2", files)
    assert _sentences(a, h, {"ev-rp"})["ev-rp"] == \
        "是年 中共邵东县委组织部改为由中共邵东县委员会、邵东县编制委员会双重领导。"


def test_co_parents_with_one_leader_and_no_parent_is_refused(tmp_path):
    files = dict(SHAODONG)
    files["sources/events/sd.yaml"] = files["sources/events/sd.yaml"].replace("co_parents: [sd-xw, sd-zzb]",
                                                                              "co_parents: [sd-xw]")
    _, a, _ = _archive(tmp_path, files)
    found = [f for f in a.findings if f.code == "schema-missing" and "co_parents" in f.message]
    assert len(found) == 1 and "不写 parent" in found[0].message


def test_seat_territory_and_counts_flow_to_the_chronology_and_the_place_page(tmp_path):
    files = dict(SHAODONG)
    files["sources/jurisdictions/nb.yaml"] = ("id: nb-xian\nlevel: 县\nscope: out\n"
                                              "names: [{name: 甲山县, from: 1953, sources: [d-1956-1]}]\n")
    files["sources/events/place.yaml"] = """
- id: ev-seat
  type: 县治迁移
  date: 1952-10
  body: sd-xian
  seat_before: 甲镇
  seat: 乙镇
  wording: 县治
  sources: [d-1956-1]
- id: ev-cede
  type: cede
  date: 1953
  from: sd-xian
  to: nb-xian
  places: [石门乡, 白田乡]
  sources: [d-1956-1]
- id: ev-cede2
  type: 划入
  date: 1954
  from: nb-xian
  to: sd-xian
  divisions: {村: 3}
  sources: [d-1956-1]
- id: ev-div
  type: divisions
  date: 1955
  body: sd-xian
  divisions: {乡镇: 39}
  sources: [d-1956-1]
"""
    _, a, h = _archive(tmp_path, files)
    assert _serious(a) == []
    s = _sentences(a, h, {"ev-seat", "ev-cede", "ev-cede2", "ev-div"})
    assert s == {"ev-seat": "10月 邵东县县治由甲镇迁至乙镇。", "ev-cede": "是年 邵东县的石门乡、白田乡划归甲山县。",
                 "ev-cede2": "是年 甲山县的3个村划归邵东县。", "ev-div": "是年 邵东县辖39个乡镇。"}
    lin = lineage(a, h, "sd-xian")
    assert [(p.value, p.start.chinese()) for p in lin.seats] == [("乙镇", "1952年10月")]
    assert [(p.value, p.start.chinese()) for p in lin.divisions] == [("39个乡镇", "1955年")]
    assert {en.event.id for en in lin.events} >= {"ev-seat", "ev-cede", "ev-cede2", "ev-div"}


def test_territory_moves_between_places_only(tmp_path):
    files = dict(SHAODONG)
    files["sources/events/place.yaml"] = """
- id: ev-cede
  type: cede
  date: 1953
  from: sd-xian
  to: sd-xw
  sources: [d-1956-1]
- id: ev-cede-self
  type: cede
  date: 1953
  from: sd-xian
  to: sd-xian
  places: [石门乡]
  sources: [d-1956-1]
"""
    _, a, _ = _archive(tmp_path, files)
    codes = {(f.code, f.loc.line) for f in run_checks(a) if f.severity == "error"}
    assert ("ref-wrong-kind", 6) in codes            # a body is not a place
    assert ("event-same-body", 12) in codes           # from itself to itself
    assert any(f.code == "schema-missing" and "places" in f.message for f in a.findings)


SILENT = {
    "sources/bodies/gongye.yaml": "id: cs-gongye\nkind: 政府工作部门\n",
    "sources/events/gongye.yaml": """
- id: ev-gongye
  type: establish
  date: 1958
  body: cs-gongye
  name: 测试县工业局
  parent: cs-zhengfu
  sources: [d-1956-1]
""",
}


def test_a_body_silent_for_decades_is_reported_and_the_snapshot_says_when_it_was_last_seen(tmp_path):
    _, a, h = _archive(tmp_path, SILENT)
    found = [f for f in run_checks(a) if f.code == "body-silent"]
    assert len(found) == 1 and found[0].severity == "warning"
    assert "最后见于1958年，此后42年间" in found[0].message and "end: 不详" in found[0].message
    rows = {r.name: r.note for r in snapshot(a, h, "cs-xian", parse_date("2000"), [])}
    assert rows["测试县工业局"] == "（存续不详，最后见于1958年）"
    # seen recently enough (no more than SILENCE_YEARS, ten years, before): no note
    assert {r.name: r.note for r in snapshot(a, h, "cs-xian", parse_date("1968"), [])}["测试县工业局"] == ""


def test_a_record_that_shows_it_or_end_unknown_answers_the_silence(tmp_path):
    files = dict(SILENT)
    files["sources/staffing/gongye.yaml"] = ("- body: cs-gongye\n  date: 1990\n  basis: 核定\n  figures: {行政编制: 5}\n"
                                             "  sources: [d-1990-3]\n")
    _, a, _ = _archive(tmp_path / "seen", files)
    assert [f for f in run_checks(a) if f.code == "body-silent"] == []
    files = dict(SILENT)
    files["sources/bodies/gongye.yaml"] += "end: 不详\n"
    _, a, h = _archive(tmp_path / "unknown", files)
    assert [f for f in run_checks(a) if f.code == "body-silent"] == []
    assert "测试县工业局" not in {r.name for r in snapshot(a, h, "cs-xian", parse_date("2000"), [])}


def test_a_seat_stated_without_a_move_is_not_printed_as_a_move(tmp_path):
    files = dict(SHAODONG)
    files["sources/events/seat.yaml"] = """
- id: ev-seat-1
  type: 驻
  date: 1952-02-16
  body: sd-xian
  seat: 甲镇
  wording: 县人民政府
  sources: [d-1956-1]
- id: ev-seat-2
  type: move-seat
  date: 1953
  body: sd-xian
  seat: 乙镇
  sources: [d-1956-1]
"""
    _, a, h = _archive(tmp_path, files)
    assert _serious(a) == []
    assert _sentences(a, h, {"ev-seat-1", "ev-seat-2"}) == {"ev-seat-1": "2月16日 邵东县人民政府驻甲镇。",
                                                           "ev-seat-2": "是年 邵东县驻地迁至乙镇。"}
    assert [(p.value, p.start.chinese(), p.end.chinese() if p.end else None) for p in lineage(a, h, "sd-xian").seats] \
        == [("甲镇", "1952年2月16日", "1953年"), ("乙镇", "1953年", None)]


def test_a_body_in_preparation_may_have_leaders_before_it_is_set_up(tmp_path):
    files = dict(SHAODONG)
    files["sources/bodies/jw.yaml"] = "id: sd-jw\nkind: 纪律检查机关\n"
    files["sources/events/jw.yaml"] = """
- id: ev-jw-prep
  type: prepare
  date: 1952-03
  body: sd-jw
  name: 中共邵东县纪律检查委员会
  sources: [d-1956-1]
- id: ev-jw
  type: establish
  date: 1952-06
  body: sd-jw
  name: 中共邵东县纪律检查委员会
  parent: sd-xw
  sources: [d-1956-1]
"""
    files["sources/people/jw.yaml"] = "- id: p-jw\n  name: 王某\n  gender: 男\n"
    files["sources/posts/jw.yaml"] = ("- person: p-jw\n  body: sd-jw\n  post: 筹备组组长\n  from: 1952-04\n"
                                      "  to: 1952-06\n  sources: [d-1956-1]\n")
    _, a, h = _archive(tmp_path, files)
    assert _serious(a) == []
    lin = lineage(a, h, "sd-jw")
    assert [(p.start.chinese(), p.end.chinese()) for p in lin.preparations] == [("1952年3月", "1952年6月")]
    assert [p.value for p in lin.names] == ["中共邵东县纪律检查委员会"]
    # without the preparation the same post is refused
    files["sources/events/jw.yaml"] = "- id: ev-jw\n" + files["sources/events/jw.yaml"].split("- id: ev-jw\n")[1]
    _, a, _ = _archive(tmp_path / "2", files)
    assert [f.code for f in _serious(a)] == ["body-not-yet"]


def test_a_seat_wording_does_not_repeat_the_level_word_but_a_category_keeps_it(tmp_path):
    """Tester on 《永修县志》: wording 县人民政府 printed 永修县县人民政府; 县级机关 and 县治 keep their 县."""
    files = dict(SHAODONG)
    files["sources/events/seat.yaml"] = """
- {id: ev-s1, type: 驻, date: 1952-02-16, body: sd-xian, seat: 甲镇, wording: 县级机关, sources: [d-1956-1]}
- {id: ev-s2, type: move-seat, date: 1953, body: sd-xian, seat: 乙镇, wording: 县治, sources: [d-1956-1]}
- {id: ev-s3, type: move-seat, date: 1954, body: sd-xian, seat: 丙镇, wording: 县人委, sources: [d-1956-1]}
"""
    _, a, h = _archive(tmp_path, files)
    assert _sentences(a, h, {"ev-s1", "ev-s2", "ev-s3"}) == {"ev-s1": "2月16日 邵东县县级机关驻甲镇。",
                                                             "ev-s2": "是年 邵东县县治迁至乙镇。",
                                                             "ev-s3": "是年 邵东县人委迁至丙镇。"}


def test_the_beginning_or_end_of_a_month_prints_as_the_source_wrote_it():
    """Tester on 《永修县志》: 1954年3月初 printed 1954年3月月初."""
    assert parse_date("1954年3月初").chinese() == "1954年3月初"
    assert parse_date("1949年9月底").chinese() == "1949年9月底"
    assert parse_date("1958年3月上旬").chinese() == "1958年3月上旬"
    assert parse_date("1954年3月初").start.within_year() == "3月初"


def test_a_record_of_leader_posts_alone_prints_no_headcount(tmp_path):
    """Tester on 《永修县志》: a staffing record giving only 领导职数 printed 核定编制 0 in the 一览."""
    files = dict(SILENT)
    files["sources/staffing/lead.yaml"] = ("- body: cs-gongye\n  date: 1985\n  basis: 核定\n"
                                           "  figures: {领导职数: {局长: 1}}\n  sources: [d-1990-3]\n")
    _, a, h = _archive(tmp_path, files)
    rows = {r.name: r for r in snapshot(a, h, "cs-xian", parse_date("1985-12-31"), figures(a))}
    assert rows["测试县工业局"].approved_text() == "—"
    files["sources/staffing/lead.yaml"] = ("- body: cs-gongye\n  date: 1985\n  basis: 核定\n"
                                           "  figures: {行政编制: 6, 领导职数: {局长: 1}}\n  sources: [d-1990-3]\n")
    _, a, h = _archive(tmp_path / "with", files)
    rows = {r.name: r for r in snapshot(a, h, "cs-xian", parse_date("1985-12-31"), figures(a))}
    assert rows["测试县工业局"].approved_text() == "6"
