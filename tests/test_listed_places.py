"""A county's list of its 乡镇 (成员数 with `units` said of the county) is a sighting of each 乡镇 it names.

Real facts: 《沂水县志（1991—2006）》政权编“第三节 基层政权组织”
(https://shandong-chorography.org/database/cg5/section/8/article/444/): in 1991 the county had, among others, 高桥镇 and
道托乡; in December 2000 its 31 乡镇 were adjusted to 19, “即沂水、高桥…13个镇，道托…6个乡”. A tester typing it saw the
2000 一览 say of 高桥镇 “止年不详，最后见于1991年…此时是否存续，档案未载” on the page that lists it, because only a body's
units (parent) were matched, never a county's 乡镇, and the source names them without 镇/乡."""

from conftest import make_archive
from conftest import write_dedented as write
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive

BODIES = """
- {id: ys-gaoqiao, kind: 乡镇, end: 不详}
- {id: ys-daotuo, kind: 乡镇, end: 不详}
- {id: ys-shantuan, kind: 乡镇, end: 不详}
"""

EVENTS = """
- {id: ev-gaoqiao, type: establish, date: 1991或以前, body: ys-gaoqiao, name: 高桥镇, jurisdiction: cs-xian, sources: [d-1990-3]}
- {id: ev-daotuo, type: establish, date: 1991或以前, body: ys-daotuo, name: 道托乡, jurisdiction: cs-xian, sources: [d-1990-3]}
- {id: ev-shantuan, type: establish, date: 1991或以前, body: ys-shantuan, name: 善疃乡, jurisdiction: cs-xian, sources: [d-1990-3]}
- id: ev-2000-zhen
  type: 成员数
  date: 2000-12
  body: cs-xian
  units: [高桥]
  subordinates: {镇: 13}
  sources: [d-1990-3]
- id: ev-2000-xiang
  type: 成员数
  date: 2000-12
  body: cs-xian
  units: [道托乡]
  sources: [d-1990-3]
"""


def test_a_countys_list_of_its_townships_is_a_sighting_of_each(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/xiangzhen.yaml", BODIES)
    write(root, "sources/events/xiangzhen.yaml", EVENTS)
    a = load_archive(root)
    h = derive_history(a)
    assert [f.as_text() for f in run_checks(a, history=h) if f.severity == "error"] == []
    # 高桥 with the kind the record states (镇), 道托乡 by its full name: both seen in December 2000
    assert h.get("ys-gaoqiao").last_known.chinese() == "2000年12月"
    assert h.get("ys-daotuo").last_known.chinese() == "2000年12月"
    # a 乡 the list does not name is not seen then (the record says nothing of it)
    assert h.get("ys-shantuan").last_known.chinese() != "2000年12月"
