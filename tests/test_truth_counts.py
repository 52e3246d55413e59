"""A count of bodies the source gives as set up (tester, 《惠民县志》 run): “建立党政机构9个” printed “党政机构建立9个”
and compared with the archive's count of all bodies; those the source names with a count (建立甲、乙等9个机构) print
so. Each test reads the 年表 and 大事记 sentences and the findings."""

from __future__ import annotations

from conftest import archive_with
from test_truth_summaries import _loaded, _printed
from zhi.checks import run_checks


# ---- 3. a count of bodies set up reads as the source ------------------------------------------------------------
def test_a_count_of_bodies_set_up_reads_verb_first(tmp_path):
    a, h, errors = _loaded(archive_with(tmp_path, """
- {id: e-n, type: 机构数, wording: 建立, date: 1965-03, body: cs-xian, scope: 党政机构, count: 9, sources: [d-1956-1]}
- {id: e-s, type: 机构数, wording: 设, date: 1966-03, body: cs-xian, scope: 县人委工作部门, count: 22, sources: [d-1956-1]}
"""))
    assert errors == []
    printed = _printed(a, h)
    assert "测试县建立党政机构9个。" in printed
    assert "测试县设人委工作部门22个。" in printed
    assert not any("建立9个" in p or "设22个" in p for p in printed)
    # a count of what was set up is not the place's count of bodies: never compared with the archive's
    found = run_checks(a, history=h)
    assert not any(f.code == "count-differs" for f in found), [f.as_text() for f in found]
    said = [f.message for f in found if f.code == "count-not-compared"]
    assert any("来源记的是建立的个数" in m for m in said), said


def test_a_count_set_up_cannot_have_a_count_before(tmp_path):
    _a, _h, errors = _loaded(archive_with(tmp_path, """
- {id: e-n, type: 机构数, wording: 建立, date: 1965-03, body: cs-xian, scope: 党政机构, count_before: 12, count: 9,
   sources: [d-1956-1]}
"""))
    assert any("[schema-value]" in e and "不能与“count_before（原有个数）”同用" in e for e in errors), errors


def test_bodies_set_up_and_counted_name_those_the_source_names(tmp_path):
    a, h, errors = _loaded(archive_with(tmp_path, """
- {id: e-d, type: establish, wording: 建立, count: 9, date: 1966-03, body: cs-d, name: 测试县丁办, parent: cs-zhengfu,
   sources: [d-1956-1]}
- {id: e-e, type: establish, wording: 建立, count: 9, date: 1966-03, body: cs-e, name: 测试县戊办, parent: cs-zhengfu,
   sources: [d-1956-1]}
""", {"cs-d": "政府工作部门", "cs-e": "政府工作部门"}))
    assert errors == []
    assert "建立测试县丁办、测试县戊办等9个机构，其中测试县丁办、测试县戊办均隶属测试县人民委员会，为政府工作部门。" \
        in _printed(a, h)
