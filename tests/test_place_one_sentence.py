"""A place's own changes of one day that one source tells in one sentence (撤县设市: 南安, a tester's web sources, /work/
tester13/nanan: banfaji.com “南安县1984年建乡及乡改镇”) print as one sentence in the 大事记 and the 年表, in the order
the records give them — never three sentences where the source has one."""

from conftest import archive_with
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology, counted_together
from zhi.views.dashiji import dashiji, rules_for

PLACES = """- {id: nanan-xian, level: 县}
- id: quanzhou-shi
  level: 地级市
  scope: out
  names:
    - {name: 泉州市, from: 1993, sources: [doc-banfaji]}
"""
DOC = """- id: doc-banfaji
  genre: 网页
  title: 南安县1984年建乡及乡改镇
  publisher: banfaji.com
  url: https://banfaji.com/b/p4jrx88Oea.html
  accessed: 2026-12-03
"""
EVENTS = """- {id: e-xian, type: establish, date: 1949前, body: nanan-xian, name: 南安县, sources: [doc-banfaji]}
- {id: e-1993-name, type: rename, wording: 撤县设市, date: 1993, body: nanan-xian, name: 南安市, sources: [doc-banfaji]}
- {id: e-1993-level, type: rerank, date: 1993, body: nanan-xian, level: 县级市, sources: [doc-banfaji]}
- {id: e-1993-dg, type: reparent, date: 1993, body: nanan-xian, parent: quanzhou-shi, wording: 由…代管, sources: [doc-banfaji]}
"""
SAID = "撤销南安县，设立南安市（县级），由泉州市代管。"


def _load(tmp_path, events=EVENTS):
    root = archive_with(tmp_path, events, files={"sources/jurisdictions/nanan.yaml": PLACES,
                                                  "sources/documents/web.yaml": DOC})
    a = load_archive(root)
    return root, a, derive_history(a)


def test_chexian_sheshi_is_one_sentence_in_the_nianbiao_and_the_dashiji(tmp_path):
    root, a, h = _load(tmp_path)
    lines = [en.plain() for en in counted_together(a, h, chronology(a, h)) if en.date.chinese() == "1993年"]
    assert lines == [SAID]
    told = [it.plain() for it in dashiji(a, h, rules_for(root)) if it.date and it.date.chinese() == "1993年"]
    assert told == [SAID]


def test_changes_of_different_days_stay_apart(tmp_path):
    events = EVENTS.replace("- {id: e-1993-dg, type: reparent, date: 1993,", "- {id: e-1993-dg, type: reparent, date: 1994,")
    _, a, h = _load(tmp_path, events)
    lines = [en.plain() for en in counted_together(a, h, chronology(a, h)) if en.date.year == 1993 or en.date.year == 1994]
    assert lines == ["撤销南安县，设立南安市（县级）。", "南安市由泉州市代管。"]


# ---- 7: a 区 the source implies a 公社 took the place of, no merge said (石井: 十一区, 十七区, 1958年石井公社) -----------
SHIJING = """- {id: e-xian, type: establish, date: 1949前, body: nanan-xian, name: 南安县, sources: [doc-banfaji]}
- {id: e-1949-sj, type: establish, date: 1949, body: na-shijing-qu, name: 十一区, jurisdiction: nanan-xian,
   parent: 不详, sources: [doc-banfaji]}
- {id: e-sj-17, type: rename, date: 1949..1958, body: na-shijing-qu, name: 十七区, sources: [doc-banfaji]}
"""
FOLLOWS = """- id: e-1958-sj
  type: reorganise
  wording: 改为
  date: 1958
  before: [na-shijing-qu]
  after: {id: na-shijing, name: 石井公社, jurisdiction: nanan-xian, parent: 不详}
  sources: [doc-banfaji]
"""


def _shijing(tmp_path, events):
    root = archive_with(tmp_path, events, bodies={"na-shijing-qu": "乡镇", "na-shijing": "乡镇", "na-luncang": "乡镇"},
                        files={"sources/jurisdictions/nanan.yaml": PLACES, "sources/documents/web.yaml": DOC})
    a = load_archive(root)
    return a, derive_history(a)


def test_a_commune_the_source_says_the_district_became_ends_the_district(tmp_path):
    """The guide's recipe (events.md “改组”: 来源只说甲改为乙): a reorganise in the source's word; the 区 no longer
    stands in the 1999 一览 as 存续不详, and no 合并 or 撤销 is printed."""
    from zhi.dates import parse_date
    from zhi.views.snapshot import snapshot
    a, h = _shijing(tmp_path, SHIJING + FOLLOWS)
    lines = [f"{en.date.chinese()}　{en.plain()}" for en in chronology(a, h)]
    assert any(line.startswith("1958年　十七区改为石井公社") for line in lines), lines
    assert not any("撤销十七区" in line or ("合并" in line and "十七区" in line) for line in lines)
    listed = {r.body for r in snapshot(a, h, "nanan-xian", parse_date("1999-12-31"), [])}
    assert "na-shijing-qu" not in listed and "na-shijing" in listed


# ---- 8: 1965年改为仑苍乡, the body it was before not given ---------------------------------------------------------
def test_a_body_the_source_says_was_renamed_into_being_prints_what_the_source_says(tmp_path):
    """`wording: 改为` on an establishment was refused (“不是设立的说法”) and the editor's way round it printed 设立仑苍乡, a
    设立 the source never said; it prints the source's words and what they leave out."""
    events = ("- {id: e-1965-lc, type: establish, wording: 改为, date: 1965, body: na-luncang, name: 仑苍乡, "
              "jurisdiction: nanan-xian, parent: 不详, sources: [doc-banfaji]}\n")
    a, h = _shijing(tmp_path, SHIJING + events)
    assert not [f.message for f in a.findings if f.severity == "error"]
    lines = [f"{en.date.chinese()}　{en.plain()}" for en in chronology(a, h)]
    assert any(line.startswith("1965年　改为仑苍乡（此前名称不详）") for line in lines), lines
    assert not any("设立仑苍乡" in line for line in lines)


def test_a_word_of_another_event_on_an_establishment_is_still_refused(tmp_path):
    events = ("- {id: e-1965-lc, type: establish, wording: 撤销, date: 1965, body: na-luncang, name: 仑苍乡, "
              "jurisdiction: nanan-xian, parent: 不详, sources: [doc-banfaji]}\n")
    a, _ = _shijing(tmp_path, SHIJING + events)
    found = [f.message for f in a.findings if f.code == "schema-value"]
    assert found and "改为某乡（此前名称不详）" in found[0]


def test_a_body_renamed_into_being_is_no_new_body_in_the_years_list(tmp_path):
    from zhi.dates import parse_date
    from zhi.views.snapshot import difference, snapshot
    events = ("- {id: e-1965-lc, type: establish, wording: 改为, date: 1965, body: na-luncang, name: 仑苍乡, "
              "jurisdiction: nanan-xian, parent: 不详, sources: [doc-banfaji]}\n")
    a, h = _shijing(tmp_path, SHIJING + events)
    row = next(r for r in snapshot(a, h, "nanan-xian", parse_date("1965-12-31"), []) if r.body == "na-luncang")
    assert row.established_text() == "1965年更名（原名不详）"
    diff = difference(h, "nanan-xian", parse_date("1964-12-31"), parse_date("1965-12-31"))
    assert ("更名（原名不详）", ["na-luncang"]) in diff.came and not any(how == "新设" for how, _ in diff.came), diff
