"""A body handed from one jurisdiction to another (属地变更) is told as a move on both sides: the receiving place's
year summary says 是年划入（自甲县）, the leaving place's 是年划出（至乙县）, never 新设 or 撤销; the 大事记 entry says
where it came from (由甲县划归乙县) and is on both places' pages."""

import re

from conftest import archive_with, make_archive, with_theme, write
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.views.snapshot import difference, snapshot
from zhi.views.staffing import figures

MOVE = """
- {id: ev-lin, type: establish, date: 1950, body: cs-lin, name: 邻测县, sources: [d-1956-1]}
- {id: ev-gs, type: establish, date: 1958-09, body: cs-gs, name: 红旗人民公社, jurisdiction: cs-xian, sources: [d-1956-1]}
- {id: ev-gs-move, type: rejurisdiction, date: 1961-06, body: cs-gs, jurisdiction: cs-lin, dashiji: 收,
   sources: [d-1956-1]}
"""


def _root(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/jurisdictions/lin.yaml", "id: cs-lin\nlevel: 县\n")
    write(root, "sources/bodies/gs.yaml", "id: cs-gs\nkind: 乡镇\n")
    write(root, "sources/events/move.yaml", MOVE)
    return root


def _year(jid, h, y):
    return difference(h, jid, parse_date(f"{y - 1}-12-31"), parse_date(f"{y}-12-31"))


def test_the_year_summary_says_moved_in_and_out_never_new_or_abolished(tmp_path):
    a = load_archive(_root(tmp_path))
    h = derive_history(a)
    into, out = _year("cs-lin", h, 1961), _year("cs-xian", h, 1961)
    assert into.came == [("划入（自测试县）", ["cs-gs"])] and into.established == [] and into.moved_in == ["cs-gs"]
    assert out.went == [("划出（至邻测县）", ["cs-gs"])] and out.ended == [] and out.moved_out == ["cs-gs"]
    # the receiving place's 一览 lists it with where it came from: its 设立 date is the other county's
    (row,) = [r for r in snapshot(a, h, "cs-lin", parse_date("1961-12-31"), figures(a)) if r.body == "cs-gs"]
    assert (row.name, row.note, row.established_text()) == ("红旗人民公社", "（1961年6月由测试县划入）", "1958年9月")


def test_the_entry_says_where_it_came_from_and_is_told_on_both_places(tmp_path):
    a = load_archive(_root(tmp_path))
    h = derive_history(a)
    (en,) = [en for en in chronology(a, h) if en.event.id == "ev-gs-move"]
    assert en.plain() == "红旗人民公社由测试县划归邻测县。"
    assert en.jurisdictions == {"cs-xian", "cs-lin"}
    assert en in chronology(a, h, "cs-xian") and en in chronology(a, h, "cs-lin")


def test_the_printed_pages_say_it(tmp_path):
    out = build_edition(with_theme(_root(tmp_path)), pdf=False).out
    year = re.sub(r"<[^>]+>", "", (out / "nianbiao/1961/index.html").read_text(encoding="utf-8"))
    assert "是年划入（自测试县）：红旗人民公社。" in year and "是年划出（至邻测县）：红旗人民公社。" in year
    assert "是年新设：红旗人民公社" not in year and "是年撤销或并入他机构：红旗人民公社" not in year
    for jid in ("cs-xian", "cs-lin"):
        page = re.sub(r"<[^>]+>", "", (out / f"dashiji/{jid}/index.html").read_text(encoding="utf-8"))
        assert "红旗人民公社由测试县划归邻测县。" in page


def test_a_body_set_up_and_renamed_in_one_year_is_listed_as_renamed_too(tmp_path):
    """南安县 (tester13): 洪濑乡 set up 1984-10-01 and 改乡为镇 in 1984-10: 是年更名 left it out (only 是年新设 洪濑镇)."""
    root = archive_with(tmp_path, """
- {id: e1, type: establish, wording: 建立, date: 1984-10-01, body: cs-hl, name: 测试乡, jurisdiction: cs-xian, sources: [d-1956-1]}
- {id: e2, type: rename, wording: 改乡为镇, date: 1984-10, body: cs-hl, name: 测试镇, sources: [d-1956-1]}
""", {"cs-hl": "乡镇"})
    a = load_archive(root)
    h = derive_history(a)
    assert not [f for f in run_checks(a, history=h) if f.severity == "error"]
    y = _year("cs-xian", h, 1984)
    assert y.renamed == [("cs-hl", "测试乡", "测试镇", "改乡为镇，称")], y.renamed
    assert ("新设", ["cs-hl"]) in y.came or any("cs-hl" in ids for _how, ids in y.came)
