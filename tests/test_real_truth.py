"""Issue 11 (truth): what real chronicles state that still printed badly or could not be said — a 区别语 and a
name's years in one bracket group, … Each test reads the printed Chinese or the derived fact."""

from __future__ import annotations

import re

from conftest import archive_with
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.lineage import lineage
from zhi.writers.svg import lineage_svg


def checked(root):
    a = load_archive(root, with_book=False)
    h = derive_history(a)
    return a, h, run_checks(a, history=h)


def errors_of(found):
    return [f.as_text() for f in found if f.severity == "error"]


def svg_lines(svg: str) -> list[str]:
    return [t.replace("&amp;", "&") for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


# ---- 1. the lineage box: a name's 区别语 and its years in one bracket group --------------------------------------
TWO_BUREAUS = """
- {id: ev-ldj78, type: establish, date: 1978-03, body: cs-ldj78, name: 测试县劳动局, jurisdiction: cs-xian,
   sources: [d-1956-1]}
- {id: ev-ldj78-end, type: abolish, date: 1984-03, body: cs-ldj78, sources: [d-1984-7]}
- {id: ev-ldj90, type: establish, date: 1990-05, body: cs-ldj90, name: 测试县劳动局, jurisdiction: cs-xian,
   sources: [d-1990-3]}
"""
BUREAU_FILES = {"sources/bodies/x.yaml": """
- {id: cs-ldj78, kind: 政府工作部门, distinguish: 1978年设立}
- {id: cs-ldj90, kind: 政府工作部门, distinguish: 1990年设立}
"""}


def test_the_lineage_box_prints_a_distinguished_name_and_its_years_in_one_bracket_group(tmp_path):
    a, h, found = checked(archive_with(tmp_path, events=TWO_BUREAUS, files=BUREAU_FILES))
    assert errors_of(found) == []
    lin = lineage(a, h, "cs-ldj78", [])
    site = svg_lines(lineage_svg(lin, lambda rid: None))            # the site page: one line
    assert site == ["测试县劳动局（1978年设立，1978—1984）"], site
    book = svg_lines(lineage_svg(lin, lambda rid: None, wrap=12 * 13))   # the PDF: the bracket group on its own line
    assert book == ["测试县劳动局", "（1978年设立，1978—1984）"], book
    later = svg_lines(lineage_svg(lineage(a, h, "cs-ldj90", []), lambda rid: None))
    assert later == ["测试县劳动局（1990年设立，1990—）"], later
    assert not any("）（" in t for t in site + book + later)


# ---- 2. a place restored under the superior its restore names ----------------------------------------------------
RESTORED = """
- {id: ev-zq, type: establish, date: 1949, body: cs-zq2, name: 测试专区, sources: [d-1956-1]}
- {id: ev-sh, type: establish, date: 1949, body: cs-shi2, name: 测试市, sources: [d-1956-1]}
- {id: ev-xian-end, type: abolish, date: 1958-11, body: cs-xian, sources: [d-1956-1]}
- {id: ev-xian-back, type: restore, date: 1961-10, body: cs-xian, parent: cs-zq2, sources: [d-1956-1]}
- {id: ev-xian-end2, type: abolish, date: 1970, body: cs-xian, sources: [d-1956-1]}
- {id: ev-xian-back2, type: restore, date: 1975-08, body: cs-xian, parent: cs-shi2, parent_wording: 由…代管,
   sources: [d-1956-1]}
"""
PLACES = {"sources/jurisdictions/x.yaml": "- {id: cs-zq2, level: 专区}\n- {id: cs-shi2, level: 地级市}\n"}


def _printed(a, h) -> list[str]:
    from zhi.views.chronology import chronology
    return [f"{en.date.chinese()}　{en.plain()}" for en in chronology(a, h)]


def test_a_restored_place_is_said_to_be_under_the_superior_its_restore_names(tmp_path):
    root = archive_with(tmp_path, events=RESTORED, files=PLACES)
    # the base's bodies of the county end with it in 1958 (no source says where they went): not this test's matter
    a, h, found = checked(root)
    assert errors_of(found) == []
    printed = _printed(a, h)
    assert "1961年10月　恢复测试县，属测试专区。" in printed, printed
    assert "1975年8月　恢复测试县，由测试市代管。" in printed, printed
    assert [(p.value, p.start.chinese()) for p in lineage(a, h, "cs-xian").parents] == \
        [("测试专区", "1961年10月"), ("测试市", "1975年8月")]


def test_a_restore_that_names_no_superior_prints_none_and_the_real_one_prints_the_sources(tmp_path):
    root = archive_with(tmp_path, events=RESTORED.replace("cs-xian, parent: cs-zq2,", "cs-xian,"), files=PLACES)
    a, h, found = checked(root)
    assert errors_of(found) == []
    assert "1961年10月　恢复测试县。" in _printed(a, h)
    from pathlib import Path
    real = load_archive(Path(__file__).parent / "fixtures" / "real" / "qingyuan", with_book=False)
    # the source (SOURCE.md): 1975年8月正式办公，属丽水地区
    assert "1975年8月　恢复庆元县，属丽水地区。" in _printed(real, derive_history(real))


# ---- 3. a seat's wording: the organ of its own place, never another place's glued after its name -------------------
WEI = """
- {id: ev-wx, type: establish, date: 1941-09前, body: cs-wx, name: 潍县, sources: [d-1956-1]}
- {id: ev-split, type: split, date: 1945-10, before: cs-wx,
   after: [{id: cs-wb, name: 潍北县}, {id: cs-wn, name: 潍南县}], sources: [d-1956-1]}
- {id: s1, type: seat, date: 1945-10, body: cs-wb, seat: 潍县, wording: 县政府, sources: [d-1956-1]}
- {id: s2, type: seat, date: 1946-10, body: cs-wb, seat: 南张氏村, wording: 中共潍北县委、潍北县政府, sources: [d-1956-1]}
- {id: s3, type: move-seat, date: 1947-10, body: cs-wb, seat: 孙家杨孟村, wording: 中共潍北县委、县政府,
   sources: [d-1956-1]}
"""
WEI_FILES = {"sources/jurisdictions/x.yaml": "- {id: cs-wx, level: 县}\n- {id: cs-wb, level: 县}\n- {id: cs-wn, level: 县}\n"}


def _said(a, h) -> dict[str, str]:
    from zhi.views.chronology import chronology
    return {en.event.id: en.plain() for en in chronology(a, h)}


def test_a_seat_wording_that_names_its_place_prints_once_and_a_seat_naming_a_place_stays_apart(tmp_path):
    a, h, found = checked(archive_with(tmp_path, events=WEI, files=WEI_FILES))
    assert errors_of(found) == []
    said = _said(a, h)
    assert said["s1"] == "潍北县政府驻潍县。"
    assert said["s2"] == "中共潍北县委、潍北县政府驻南张氏村。"            # never 潍北县中共潍北县委…
    assert said["s3"] == "中共潍北县委、县政府迁至孙家杨孟村。"
    assert [p.value for p in lineage(a, h, "cs-wb").seats] == ["潍县", "南张氏村", "孙家杨孟村"]


def test_a_seat_wording_naming_another_place_is_refused_and_says_what_to_write(tmp_path):
    events = WEI.replace("seat: 南张氏村, wording: 中共潍北县委、潍北县政府", "seat: 南张氏村, wording: 潍县政府")
    _a, _h, found = checked(archive_with(tmp_path, events=events, files=WEI_FILES))
    errors = errors_of(found)
    assert len(errors) == 1, errors
    msg = errors[0]
    assert msg.startswith("sources/events/x.yaml:6: 错误 [schema-value]"), msg
    assert "“潍县政府”说的是潍县（cs-wx）的机关，不是潍北县（cs-wb）的" in msg
    assert "大事记会印成“潍北县潍县政府驻南张氏村”" in msg and "把 body 改为 cs-wx" in msg


# ---- 4. set up twice (1956年成立甲 … 1962年成立甲), its end between not recorded ---------------------------------
TWICE = """
- {id: nw1, type: establish, wording: 成立, date: 1956, body: cs-nw, name: 测试县农业委员会, jurisdiction: cs-xian,
   sources: [d-1956-1]}
- {id: nw2, type: establish, wording: 成立, date: 1962, body: cs-nw, name: 测试县农业委员会, jurisdiction: cs-xian,
   sources: [d-1956-1]}
"""


def test_a_second_establishment_unmarked_is_refused_and_told_what_to_write(tmp_path):
    _a, _h, found = checked(archive_with(tmp_path, events=TWICE, bodies={"cs-nw": "政府工作部门"}))
    errors = errors_of(found)
    assert len(errors) == 1 and errors[0].startswith("sources/events/x.yaml:4: 错误 [body-exists]"), errors
    assert "在这条设立事件上写“previous_end: 不详”" in errors[0] and "不要编造撤销事件" in errors[0]


def test_a_second_establishment_marked_prints_both_and_the_end_between_as_unknown(tmp_path):
    from zhi.dates import parse_date
    from zhi.views.lineage import period_text
    events = TWICE.replace("date: 1962, body: cs-nw,", "date: 1962, previous_end: 不详, body: cs-nw,")
    a, h, found = checked(archive_with(tmp_path, events=events, bodies={"cs-nw": "政府工作部门"}))
    assert errors_of(found) == []
    said = _said(a, h)
    assert said["nw1"] == said["nw2"] == "测试县农业委员会成立，为政府工作部门。"   # the source's verb, twice
    lives = lineage(a, h, "cs-nw").lives
    assert [(period_text(p.start, p.end), p.value) for p in lives] == \
        [("1956年—1962年前", "终止时间不详"), ("1962年—", "")]   # no end invented, none printed as known
    t = h.get("cs-nw")
    assert t.alive_on(parse_date("1957")) and t.alive_on(parse_date("1963"))
    assert not [f for f in found if f.code == "previous-end-known"]


def test_previous_end_on_a_first_establishment_is_refused(tmp_path):
    events = TWICE.replace("date: 1956, body: cs-nw,", "date: 1956, previous_end: 不详, body: cs-nw,")
    events = events.replace("date: 1962, body: cs-nw,", "date: 1962, previous_end: 不详, body: cs-nw,")
    _a, _h, found = checked(archive_with(tmp_path, events=events, bodies={"cs-nw": "政府工作部门"}))
    errors = errors_of(found)
    assert len(errors) == 1 and errors[0].startswith("sources/events/x.yaml:2: 错误 [schema-value]"), errors
    assert "第一次设立" in errors[0] and "请删去 previous_end" in errors[0]


# ---- 5. the units a source lists for a body at a date, by name, with no lifetimes made for them --------------------
def _units_archive(tmp_path, units: str):
    events = ("- {id: u-1957, type: 成员数, date: 1957-10, body: cs-zhengfu, " + units + ", sources: [d-1956-1]}\n")
    return checked(archive_with(tmp_path, events=events))


def _body_page(a, h, rid: str) -> str:
    from conftest import ROOT
    from zhi.writers.site import SiteWriter
    w = SiteWriter(a, h, ROOT / "theme")
    w.collect_backlinks()
    w.body_pages()
    return next(p.text for p in w.tree.pages if p.path == f"jigou/{rid}.md")


def test_a_sources_list_of_units_prints_as_it_says_in_the_dashiji_and_on_the_body_page(tmp_path):
    a, h, found = _units_archive(tmp_path, "units: [民政科, 财政科, 教育科, 建设科]")
    assert errors_of(found) == []
    from zhi.views.dashiji import dashiji
    said = "测试县人民委员会下设民政科、财政科、教育科、建设科。"
    assert _said(a, h)["u-1957"] == said
    assert any(said in it.plain() for it in dashiji(a, h)), "told in the 大事记: the body's make-up on a date"
    lin = lineage(a, h, "cs-zhengfu", [])
    assert lin.figures == [] and [p.value for p, _docs in lin.unit_lists] == ["下设民政科、财政科、教育科、建设科"]
    page = _body_page(a, h, "cs-zhengfu")
    units = page.split("## 内设机构")[1].split("\n## ")[0]
    assert "- 1957年10月，下设民政科、财政科、教育科、建设科（[测〔1956〕1号](../wenjian/d-1956-1.md)）。" in units
    assert "成员数" not in page
    # no unit became a record with a lifetime
    assert not any(n in {s.value[0] for t in h.timelines.values() for s in t.names} for n in ("民政科", "财政科"))


def test_a_list_of_units_with_the_sources_count(tmp_path):
    a, h, found = _units_archive(tmp_path, "wording: 设, units: [民政, 财政, 教育, 建设], subordinates: {科: 4}")
    assert errors_of(found) == []
    assert _said(a, h)["u-1957"] == "测试县人民委员会设民政、财政、教育、建设4个科。"
    a, h, found = _units_archive(tmp_path / "b", "units: [民政科, 财政科], subordinates: {科: 5}")
    assert _said(a, h)["u-1957"] == "测试县人民委员会下设民政科、财政科等5个科。"
    _a, _h, found = _units_archive(tmp_path / "c", "units: [民政科, 财政科, 教育科], subordinates: {科: 2}")
    errors = errors_of(found)
    assert len(errors) == 1 and "units 列出3个名称，多于 subordinates 的2个科" in errors[0], errors


def test_a_seat_wording_under_the_places_other_name_is_printed_once(tmp_path):
    """The organ named by the place's earlier name (潍北县政府, the county renamed 寒亭县 since) is its own: printed as
    the source words it, never glued after the name of the day (寒亭县潍北县政府驻…)."""
    events = WEI + ("- {id: rn, type: rename, date: 1948-01, body: cs-wb, name: 寒亭县, sources: [d-1956-1]}\n"
                    "- {id: s4, type: seat, date: 1949-01, body: cs-wb, seat: 寒亭村, wording: 潍北县政府,"
                    " sources: [d-1956-1]}\n")
    a, h, found = checked(archive_with(tmp_path, events=events, files=WEI_FILES))
    assert errors_of(found) == []
    assert _said(a, h)["s4"] == "潍北县政府驻寒亭村。"
