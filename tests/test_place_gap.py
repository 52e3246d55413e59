"""A body's 属地 across the years its place did not exist: the 宁化 tester's 宁化县 was merged into 清宁县 in February
1959 and restored in June 1961; its bodies' pages said 属地 宁化县（1950年3月起）, as if the county had gone on, while
no source says where they belonged in between. The 属地 row gives the periods the place existed."""

from conftest import archive_with
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.lineage import lineage

EVENTS = """
- {id: x-1959, type: abolish, date: 1959-02, body: cs-xian, sources: [d-1956-1]}
- {id: x-1961, type: restore, date: 1961-06, body: cs-xian, name: 测试县, sources: [d-1956-1]}
"""


def test_the_place_of_a_body_is_not_claimed_for_the_years_the_place_did_not_exist(tmp_path):
    a = load_archive(archive_with(tmp_path, EVENTS))
    h = derive_history(a)
    terms = lineage(a, h, "cs-jiwei").jurisdiction_terms()
    assert len(terms) == 1, terms
    ref, name, periods = terms[0]
    assert ref == "cs-xian" and name == "测试县"
    assert periods.startswith("1956年6月1日—1959年2月、1961年6月"), periods
