"""A 记事 with no `jurisdiction` goes into the 大事记 of the places it speaks of, not into every place's: the tester's
《塔河县志》 memo of 1960 (about a body of another place) headed the 大事记 of a county set up in 1981."""

from conftest import archive_with
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.dashiji import dashiji

# a second place of the book, set up in 1981, with one body
PLACES = {
    "sources/jurisdictions/new.yaml": "id: cs-xinxian\nlevel: 县\n",
    "sources/bodies/new.yaml": "- id: cs-xin-zf\n  kind: 政府\n",
    "sources/events/new.yaml": (
        "- {id: xin-1981, type: establish, date: 1981-05-14, body: cs-xinxian, name: 新测县, sources: [d-1956-1]}\n"
        "- {id: xin-zf, type: establish, date: 1981-06, body: cs-xin-zf, name: 新测县人民政府,"
        " jurisdiction: cs-xinxian, sources: [d-1956-1]}\n"),
}
MEMOS = """
- {id: m-1960, date: 1960-03, text: 全县开展机构精简。, sources: [d-1956-1]}
- {id: m-1985-body, date: 1985-02, text: 新测县人民政府迁入新址办公。, mentions: [cs-xin-zf], sources: [d-1956-1]}
- {id: m-1985-place, date: 1985-03, text: 新测县召开机构改革动员会。, mentions: [cs-xinxian], sources: [d-1956-1]}
- {id: m-1986, date: 1986-01, text: 两县联合召开编制工作会议。, sources: [d-1956-1]}
"""


def _memos_of(tmp_path):
    root = archive_with(tmp_path, "[]\n", files=PLACES | {"sources/memos/m.yaml": MEMOS})
    a = load_archive(root)
    h = derive_history(a)
    return {j: {it.event.id for it in dashiji(a, h, jurisdiction=j) if it.kind == "memo"}
            for j in ("cs-xian", "cs-xinxian")}


def test_a_memo_goes_to_the_places_it_speaks_of(tmp_path):
    got = _memos_of(tmp_path)
    assert "m-1960" in got["cs-xian"] and "m-1960" not in got["cs-xinxian"], got   # 1960: no 新测县 yet
    assert got["cs-xinxian"] >= {"m-1985-body", "m-1985-place"}, got                 # what it mentions
    assert not {"m-1985-body", "m-1985-place"} & got["cs-xian"], got
    assert "m-1986" in got["cs-xian"] and "m-1986" in got["cs-xinxian"], got          # both places then: both
