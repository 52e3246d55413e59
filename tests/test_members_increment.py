"""An increment the source gives with no total (“1988年10月，增补文联委员4人”): `wording: 增补` (增选, 补选, 增加,
减少; for units 增设, 增加, 减少) prints as the source says it (增补委员4人), beside the earlier count, never added to
it into a total zhi computed.

Real facts: 《宜黄县志》文联 第二节 主要工作, http://meta.librarydata.cn/metainfo?metaID=140220020210009319 —
1985年9月27日调整文联委员（18人）；1988年10月增补文联委员4人. Here said of a fictional body (测试县)."""

from __future__ import annotations

from test_staffing_approx import loaded_with
from zhi.views.chronology import chronology
from zhi.views.lineage import lineage

EVENTS = """
- {id: ev-wy-1985, type: members, date: 1985-09-27, body: cs-jijingwei, members: {委员: 18}, wording: 调整为,
   sources: [d-1990-3]}
- {id: ev-wy-1988, type: members, date: 1988-10, body: cs-jijingwei, members: {委员: 4}, wording: 增补,
   sources: [d-1990-3]}
- {id: ev-zu-1989, type: members, date: 1989-03, body: cs-jijingwei, subordinates: {专业小组: 2}, wording: 增设,
   sources: [d-1990-3]}
- {id: ev-wy-1990, type: members, date: 1990-05, body: cs-jijingwei, members: {委员: 2}, wording: 减少,
   sources: [d-1990-3]}
"""


def loaded(tmp_path, events: str = EVENTS):
    return loaded_with(tmp_path, {"sources/events/members.yaml": events})


def test_an_increment_prints_as_the_source_says_never_as_a_total(tmp_path):
    a, h, found = loaded(tmp_path)
    assert [f.as_text() for f in found if f.severity == "error"] == []
    said = {e.event.id: e.plain() for e in chronology(a, h) if e.event.id.startswith(("ev-wy", "ev-zu"))}
    assert said["ev-wy-1985"].endswith("委员调整为18人。")
    assert said["ev-wy-1988"].endswith("增补委员4人。") and "22" not in said["ev-wy-1988"]
    assert said["ev-zu-1989"].endswith("增设2个专业小组。")
    assert said["ev-wy-1990"].endswith("减少委员2人。") and "20" not in said["ev-wy-1990"]
    lin = lineage(a, h, "cs-jijingwei")
    assert [p.value for p in lin.figures] == ["委员调整为18人", "增补委员4人", "增设2个专业小组", "减少委员2人"]


def test_a_verb_not_listed_is_still_refused(tmp_path):
    _, _, found = loaded(tmp_path, """
    - {id: ev-wy-1988, type: members, date: 1988-10, body: cs-jijingwei, members: {委员: 4}, wording: 增到,
       sources: [d-1990-3]}
    """)
    (f,) = [f for f in found if f.severity == "error"]
    assert f.loc.file == "sources/events/members.yaml" and "增补" in f.message
