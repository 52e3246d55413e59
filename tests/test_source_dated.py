"""A fact the source states with no date of its own (“下辖五个专业小组”, said in a 志书 written after 2005): `date:
见于来源` dates it by its first source's date (here 1995年后, inside the test volume), never by a date the editor makes up; a source with no date
gives none, and the record is refused at its line.

Real facts: 《宜黄县志》文联 第一节 组织机构 (http://meta.librarydata.cn/metainfo?metaID=140220020210009318) —
县文联下辖文学创作、戏剧、美术、音乐、摄影五个专业小组 (no year given); the volume covers to 2005. Said here of a fictional
body (测试县)."""

from __future__ import annotations

from test_staffing_approx import loaded_with
from zhi.views.chronology import chronology

DOCS = """
- {id: doc-xz, genre: 志书, title: 宜黄县志, section: 文联 第一节 组织机构, date: 1995后}
- {id: doc-nodate, genre: 志书, title: 某县志}
"""


def test_a_fact_known_as_of_its_source_takes_the_sources_date(tmp_path):
    a, h, found = loaded_with(tmp_path, {"sources/documents/xz.yaml": DOCS, "sources/events/asof.yaml": """
    - {id: ev-xiaozu, type: members, date: 见于来源, body: cs-jijingwei, subordinates: {专业小组: 5}, sources: [doc-xz]}
    """, "sources/staffing/asof.yaml": """
    - {body: cs-jijingwei, date: 见于来源, basis: 实有, figures: {人数: 3, 人员: 干部}, sources: [doc-xz]}
    """})
    assert [f.as_text() for f in found if f.severity == "error"] == []
    (e,) = [e for e in a.events if e.id == "ev-xiaozu"]
    assert e.date.chinese() == "1995年后"
    (s,) = [s for s in a.staffing if s.date is not None and s.date.chinese() == "1995年后"]
    assert s.body.id == "cs-jijingwei"
    (entry,) = [x for x in chronology(a, h) if x.event.id == "ev-xiaozu"]
    assert entry.date.chinese() == "1995年后" and entry.plain().endswith("下辖5个专业小组。")


def test_a_source_with_no_date_gives_none(tmp_path):
    _, _, found = loaded_with(tmp_path, {"sources/documents/xz.yaml": DOCS, "sources/events/asof.yaml": """
    - {id: ev-xiaozu, type: members, date: 见于来源, body: cs-jijingwei, subordinates: {专业小组: 5},
       sources: [doc-nodate]}
    """})
    errors = [f for f in found if f.severity == "error"]
    assert [(f.code, f.loc.file, f.loc.line) for f in errors] == [("date-invalid", "sources/events/asof.yaml", 1)]
    assert "《某县志》" in errors[0].message and "见于来源" in errors[0].message


def test_a_public_record_never_takes_the_date_of_a_source_above_it(tmp_path):
    """The last attack tester: a public 记事 dated 见于来源 with a 机密 document first printed that document's date
    (1985年4月11日) while citing only the public web page after it. Refused at the record's date line."""
    docs = DOCS + "- {id: doc-secret, title: 关于某事的通知, date: 1985-04-11, classification: 机密}\n"
    a, _, found = loaded_with(tmp_path, {"sources/documents/xz.yaml": docs, "sources/events/asof.yaml": """
    - {id: ev-xiaozu, type: members, date: 见于来源, body: cs-jijingwei, subordinates: {专业小组: 5},
       sources: [doc-secret, doc-xz]}
    """})
    (err,) = [f for f in found if f.severity == "error" and f.code == "date-invalid"]
    assert "doc-secret" in err.message and "机密" in err.message and err.loc.file == "sources/events/asof.yaml"
    (e,) = [e for e in a.events if e.id == "ev-xiaozu"]
    assert e.date is None or "1985" not in e.date.chinese()
