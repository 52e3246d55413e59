"""A body suspended (停止活动) with no 恢复活动 and no `resume: 不详`, about which the sources record later work (a
rename, a co-location, a staffing figure): warned, in Chinese with file and line, with the two ways to say it
(found by the tester on 《金溪县志》: the 档案馆 "日常工作被迫停顿" in 1966, renamed 1970, co-located 1985)."""

from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.lineage import lineage

SUSPEND = """
- id: ev-stop
  type: 停止活动
  date: 1966
  body: cs-jiwei
  wording: 日常工作被迫停顿
  sources: [d-1956-1]
"""
LATER = """
- id: ev-rename-1970
  type: rename
  date: 1970
  body: cs-jiwei
  name: 测试县计划组
  sources: [d-1956-1]
- id: ev-staff-1972
  type: staffing
  date: 1972-05
  body: cs-jiwei
  staffing: {行政编制: 5}
  sources: [d-1956-1]
"""


def _found(tmp_path, *texts):
    root = make_archive(tmp_path)
    for i, t in enumerate(texts):
        write(root, f"sources/events/extra{i}.yaml", t)
    a = load_archive(root)
    h = derive_history(a)
    return a, h, [f for f in run_checks(a, history=h) if f.code == "suspended-active"]


def test_activity_after_a_suspension_without_a_resume_is_warned(tmp_path):
    *_, found = _found(tmp_path, SUSPEND, LATER)
    assert len(found) == 1
    f = found[0]
    assert f.severity == "warning" and (f.loc.file, f.loc.line) == ("sources/events/extra0.yaml", 2)
    assert "于1966年日常工作被迫停顿" in f.message and "1970年更名、1972年5月编制核定" in f.message
    assert "resume: 不详" in f.message and "恢复活动（resume）" in f.message
    assert [(r.file, r.line) for r in f.related] == [("sources/events/extra1.yaml", 2), ("sources/events/extra1.yaml", 8)]


def test_resume_unknown_or_a_resume_event_answers_it(tmp_path):
    _, h, found = _found(tmp_path, SUSPEND.replace("  wording:", "  resume: 不详\n  wording:"), LATER)
    assert found == []
    p = lineage(load_archive(tmp_path / "project"), h, "cs-jiwei").suspensions[0]
    assert p.note == "恢复时间不详" and p.end is None


def test_a_resume_event_or_an_abolition_is_no_activity(tmp_path):
    resume = "- {id: ev-go, type: resume, date: 1969, body: cs-jiwei, sources: [d-1956-1]}\n"
    assert _found(tmp_path / "a", SUSPEND, resume, LATER)[2] == []
    abolish = "- {id: ev-end, type: abolish, date: 1968, body: cs-jiwei, sources: [d-1956-1]}\n"
    assert _found(tmp_path / "b", SUSPEND, abolish)[2] == []
