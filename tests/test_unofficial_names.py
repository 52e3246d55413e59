"""Issue 11: a name used without approval (擅改名称) is never the official name. The 一览 of a date inside it keeps the
official name and says beside it that the body had been renamed without approval; after 恢复原名 nothing is said;
the body's page lists it apart with its dates; the 大事记 says 擅自将…."""

from conftest import archive_with
from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import sentence_of
from zhi.views.lineage import lineage
from zhi.views.snapshot import snapshot

EVENTS = """
- {id: ev-u, type: 擅改名称, date: 1967-03, body: cs-jiwei, name: 测试县计划委员会红色接管委员会, by: 县红卫兵组织,
   sources: [d-1956-1]}
- {id: ev-r, type: 恢复原名, date: 1969-06, body: cs-jiwei, sources: [d-1956-1]}
"""


def _load(tmp_path):
    a = load_archive(archive_with(tmp_path, EVENTS))
    return a, derive_history(a)


def test_the_snapshot_keeps_the_official_name_and_says_what_happened(tmp_path):
    a, h = _load(tmp_path)
    assert [f.as_text() for f in run_checks(a, history=h) if f.severity == "error"] == []
    during = {r.body: r for r in snapshot(a, h, "cs-xian", parse_date("1968-12-31"), [])}
    row = during["cs-jiwei"]
    assert row.name == "测试县计划委员会"
    assert "1967年3月起被擅自改名为测试县计划委员会红色接管委员会" in row.note
    after = {r.body: r for r in snapshot(a, h, "cs-xian", parse_date("1970-12-31"), [])}
    assert after["cs-jiwei"].name == "测试县计划委员会" and "擅自" not in after["cs-jiwei"].note


def test_the_page_lists_it_apart_and_the_dashiji_says_it_was_unlawful(tmp_path):
    a, h = _load(tmp_path)
    lin = lineage(a, h, "cs-jiwei")
    assert [p.value for p in lin.names] == ["测试县计划委员会"]
    assert [(p.value, str(p.start), str(p.end)) for p in lin.unofficial_names] == \
        [("测试县计划委员会红色接管委员会", "1967年3月", "1969年6月")]
    e = {e.id: e for e in a.events}
    assert sentence_of(a, h, e["ev-u"]) == "县红卫兵组织擅自将测试县计划委员会改名为测试县计划委员会红色接管委员会。"
    assert sentence_of(a, h, e["ev-r"]) == "测试县计划委员会恢复原名。"


def test_an_unlawful_name_is_not_accepted_as_the_body_s_name_in_a_reference(tmp_path):
    """The name was never official: a record calling the body by it (as:) on a date inside it is not silently
    taken for a valid name."""
    extra = EVENTS + ("- {id: ev-s, type: staffing, date: 1968-05, body: {id: cs-jiwei, as: 测试县计划委员会红色接管委员会},"
                      " staffing: {行政编制: 5}, sources: [d-1956-1]}\n")
    a = load_archive(archive_with(tmp_path, extra))
    assert "name-invalid" in [f.code for f in run_checks(a)]
