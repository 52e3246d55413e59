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


def _archive(tmp_path: Path, files: dict[str, str]):
    root = make_archive(tmp_path)
    for rel, text in files.items():
        write(root, rel, text)
    a = load_archive(root)
    return root, a, derive_history(a)


def _serious(a):
    return [f for f in run_checks(a) if f.severity in ("error", "warning")]


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
    found = [f for f in _serious(a)]
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
