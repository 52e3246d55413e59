"""Truth to the record for a body the record stops showing (testers on 即墨): a place's rename is printed on the body's
page only for the period the record shows the body under it."""

import pytest
from conftest import archive_with
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.lineage import lineage

GS = """
- {id: ev-gs, type: establish, date: 1957, body: cs-gs, name: 测试县工商科, jurisdiction: cs-xian, sources: [d-1956-1]}
- {id: ev-gs-87, type: rename, date: 1987, body: cs-gs, name: 测试县工商局, sources: [d-1956-1]}
"""


def _archive(tmp_path, events: str, body: str = "end: 不详\n"):
    files = {"sources/bodies/gs.yaml": f"id: cs-gs\nkind: 政府工作部门\n{body}"}
    a = load_archive(archive_with(tmp_path, GS + events, None, files))
    return a, derive_history(a)


RENAMES = [
    # 1998年或以前: perhaps after 1987, the body's last record: the record does not show it under 测试市
    ("1998或以前", "1957年—止年不详"),
    ("1980", "1957年—止年不详；1980年更名为测试市"),        # certainly while it was seen there: told
    ("1987或以前", "1957年—止年不详；1987年或以前更名为测试市"),  # by its last record at the latest: told
]


@pytest.mark.parametrize("when,said", RENAMES, ids=[c[0] for c in RENAMES])
def test_a_places_rename_is_told_only_while_the_body_is_known_there(tmp_path, when, said):
    a, h = _archive(tmp_path, f"- {{id: ev-shi, type: rename, date: {when}, body: cs-xian, name: 测试市, sources: [d-1956-1]}}\n")
    assert lineage(a, h, "cs-gs").jurisdiction_terms() == [("cs-xian", "测试县", said)]
