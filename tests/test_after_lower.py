"""下限以后的事本志不记: the tester of 《宁化县志》 (1949—1988) found a 2000 memo (明政[2000]文122号) printed in the
大事记. An event, a leader's appointment or a 记事 dated wholly after the book's 下限 is in neither the 大事记 nor the
年表, and `zhi check` warns (after-lower) at its line; one that may fall on or before the 下限 stays."""

from conftest import archive_with
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.views.dashiji import dashiji

EVENTS = """
- {id: late-ev, type: rename, date: 2003-06, body: cs-jijingwei, name: 测试县发展计划局, sources: [d-1956-1]}
"""
MEMOS = """
- {id: m-late, date: 2003-05-10, text: 县计划经济委员会迁入新办公楼。, mentions: [cs-jijingwei], sources: [d-1956-1]}
- {id: m-edge, date: 2000年底, text: 县计划经济委员会召开工作会议。, mentions: [cs-jijingwei], sources: [d-1956-1]}
- {id: m-maybe, date: 1998..2003, text: 县计划经济委员会精简科室。, mentions: [cs-jijingwei], sources: [d-1956-1]}
"""


def _load(tmp_path):
    root = archive_with(tmp_path, EVENTS, files={"sources/memos/m.yaml": MEMOS})
    a = load_archive(root)
    return a, derive_history(a)


def test_after_the_lower_limit_is_in_no_dashiji_and_no_nianbiao(tmp_path):
    a, h = _load(tmp_path)
    told = {it.event.id for it in dashiji(a, h)}
    assert "m-late" not in told and "late-ev" not in told, told
    assert {"m-edge", "m-maybe"} <= told, told            # may fall on or before the 下限: told as dated
    assert "late-ev" not in {en.event.id for en in chronology(a, h)}


def test_check_warns_at_the_line(tmp_path):
    a, h = _load(tmp_path)
    late = {(f.loc.file, f.loc.line) for f in run_checks(a, history=h) if f.code == "after-lower"}
    assert late == {("sources/memos/m.yaml", 2), ("sources/events/x.yaml", 2)}, late
