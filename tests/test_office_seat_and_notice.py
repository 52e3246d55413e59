"""A tester's 《利辛县的建立》 findings: the seat of an office (县委) is not the seat of the county, 临时 is said; a body
组建 by a notice days before it 正式成立; its short name and its name's start; the appointment made while it was
being formed, on its county's own 大事记 page.

Facts typed in (never its prose) from 亳州晚报《利辛县的建立》, http://www.bozhou.cn/p/252205.html : 利辛县 set up
1964年10月31日 by the 国务院, its 治所 利辛集; 1965年4月28日 中共阜阳地委 notice: 组建中共利辛县委员会, 白镜清 书记;
5月1日 利辛县委 正式成立, its office 临时设在闫集区公所院内, moved to 利辛县城 in 1965年10月.
"""

import re

from conftest import archive_with, with_theme
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.views.dashiji import dashiji
from zhi.views.lineage import lineage

SRC = "[d-bzwb]"
SEAT = f"""
- {{id: ev-xw-seat, type: seat, date: 1965-05-01, body: lx-xianwei, seat: 闫集区公所院内, wording: 办公地点临时设在,
   sources: {SRC}}}
- {{id: ev-xw-move, type: move-seat, date: 1965-10, body: lx-xianwei, seat_before: 闫集区公所院内, seat: 利辛县城,
   sources: {SRC}}}
"""
FILES = {
    "sources/documents/lx.yaml": """
- {id: d-bzwb, title: 利辛县的建立, genre: 报刊, publisher: 亳州晚报, url: 'http://www.bozhou.cn/p/252205.html'}
""",
    "sources/jurisdictions/lx.yaml": "- {id: lx, level: 县}\n",
    "sources/bodies/lx.yaml": "- {id: lx-xianwei, kind: 其他, end: 不详}\n",
    "sources/people/lx.yaml": "- {id: p-bai, name: 白镜清}\n",
    "sources/posts/lx.yaml": f"- {{person: p-bai, body: lx-xianwei, post: 书记, from: 1965-04-28, to: 不详, sources: {SRC}}}\n",
    "sources/events/lx.yaml": f"""
- {{id: ev-lx, type: establish, date: 1964-10-31, body: lx, name: 利辛县, sources: {SRC}}}
- {{id: ev-lx-seat, type: seat, date: 1964-10-31, body: lx, seat: 利辛集, wording: 治所, sources: {SRC}}}
- {{id: ev-xw-prep, type: prepare, wording: 组建, date: 1965-04-28, body: lx-xianwei, name: 中共利辛县委员会,
   jurisdiction: lx, sources: {SRC}}}
- {{id: ev-xw, type: establish, wording: 正式成立, date: 1965-05-01, body: lx-xianwei, name: 中共利辛县委员会,
   short: 利辛县委, jurisdiction: lx, sources: {SRC}}}
""" + SEAT,
}


def _root(tmp_path, files=FILES):
    return archive_with(tmp_path, files=files)


def _load(tmp_path, files=FILES):
    a = load_archive(_root(tmp_path, files))
    return a, derive_history(a)


def _said(segments) -> str:
    return "".join(s if isinstance(s, str) else s.text for s in segments)


def _errors(a) -> list[str]:
    return [f.as_text() for f in run_checks(a) if f.severity == "error"]


def test_the_archive_checks_clean(tmp_path):
    a, _ = _load(tmp_path)
    assert _errors(a) == []


def test_an_office_seat_is_the_bodys_and_says_temporary(tmp_path):
    """1: 县委 办公地点临时设在闫集区公所院内 is said of the 县委 (临时 printed, in the sentence and its 驻地 row);
    the county's 驻地 stays its 治所 利辛集."""
    a, h = _load(tmp_path)
    said = {en.event.id: _said(en.segments) for en in chronology(a, h)}
    assert said["ev-xw-seat"] == "中共利辛县委员会办公地点临时设在闫集区公所院内。"
    assert said["ev-xw-move"] == "中共利辛县委员会驻地由闫集区公所院内迁至利辛县城。"
    assert [(p.value, str(p.start)) for p in lineage(a, h, "lx-xianwei").seats] == [
        ("闫集区公所院内（临时）", "1965年5月1日"), ("利辛县城", "1965年10月")]
    assert [p.value for p in lineage(a, h, "lx").seats] == ["利辛集"]


def test_a_county_seat_worded_as_another_bodys_office_is_refused(tmp_path):
    """1: the tester's records — the 县委's office written as a seat of the county (wording 中共利辛县委) — printed the
    office as the county's 驻地: refused on both events, naming the body to write it on."""
    files = dict(FILES)
    files["sources/events/lx.yaml"] = FILES["sources/events/lx.yaml"].replace(SEAT, f"""
- {{id: ev-xw-seat, type: seat, date: 1965-05-01, body: lx, seat: 闫集区公所院内, wording: 中共利辛县委, sources: {SRC}}}
- {{id: ev-xw-move, type: move-seat, date: 1965-10, body: lx, seat_before: 闫集区公所院内, seat: 利辛县城,
   wording: 中共利辛县委, sources: {SRC}}}
""")
    a, _ = _load(tmp_path, files)
    errors = _errors(a)
    assert len(errors) == 2, errors
    assert all("lx.yaml" in m and "[schema-value]" in m and "中共利辛县委员会（lx-xianwei）的办公地点" in m
               and "请把 body 改为 lx-xianwei" in m and "此时为利辛集" in m for m in errors)
    assert "wording: 临时设在" in errors[0]


def test_a_bodys_seat_wording_is_an_address_word(tmp_path):
    """1: on a body, the wording stands between its name and the place: words outside the list are refused."""
    files = dict(FILES)
    files["sources/events/lx.yaml"] = FILES["sources/events/lx.yaml"].replace("wording: 办公地点临时设在",
                                                                              "wording: 县委搬到")
    a, _ = _load(tmp_path, files)
    errors = _errors(a)
    assert len(errors) == 1 and "“县委搬到”" in errors[0] and "临时设在" in errors[0]


def test_formed_by_a_notice_then_formally_founded(tmp_path):
    """2, 3: 组建 (the notice's verb) on the 筹建 record, never 筹建; 正式成立 with its short name (简称利辛县委)."""
    a, h = _load(tmp_path)
    said = {en.event.id: _said(en.segments) for en in chronology(a, h)}
    assert said["ev-xw-prep"] == "组建中共利辛县委员会。"
    assert said["ev-xw"] == "中共利辛县委员会（简称利辛县委）正式成立。"
    lin = lineage(a, h, "lx-xianwei")
    assert [(p.value, str(p.start), p.began) for p in lin.names] == [("中共利辛县委员会", "1965年4月28日", "组建")]
    assert [p.value for p in lin.short_names] == ["利辛县委"]


def test_the_appointment_in_preparation_is_on_the_countys_page(tmp_path):
    """4: 白镜清 appointed by the notice (the 县委 then being formed) is on 利辛县's own 大事记 as on the whole one."""
    a, h = _load(tmp_path)
    whole = [_said(it.segments) for it in dashiji(a, h)]
    own = [_said(it.segments) for it in dashiji(a, h, jurisdiction="lx")]
    assert "白镜清任利辛县委书记。" in whole
    assert "白镜清任利辛县委书记。" in own
    # the same with a plain 筹建 (as the tester could write it before): the appointment is on the county's page too
    files = dict(FILES)
    files["sources/events/lx.yaml"] = FILES["sources/events/lx.yaml"].replace("wording: 组建, ", "")
    a, h = _load(tmp_path / "plain", files)
    own = [_said(it.segments) for it in dashiji(a, h, jurisdiction="lx") if it.kind == "post"]
    assert [p.startswith("白镜清任") for p in own] == [True]


def test_the_body_page_prints_the_names_start_and_temporary_seat(tmp_path):
    """2, 3: the body page's 名称 table says the name's start was its 组建 (not a second founding date) with the short
    name, and its 驻地 row says 临时."""
    root = with_theme(_root(tmp_path))
    out = build_edition(root, pdf=False).out
    page = re.sub(r"<[^>]+>", "", (out / "jigou/lx-xianwei/index.html").read_text(encoding="utf-8"))
    assert re.search(r"中共利辛县委员会\s*利辛县委\s*1965年4月28日（组建）\s*止年不详", page), page
    assert "闫集区公所院内（临时）（1965年5月1日起）" in page
    assert re.search(r"组建\s*组建（1965年4月28日—1965年5月1日）", page) and "筹建" not in page   # the source's word
    county = re.sub(r"<[^>]+>", "", (out / "dashiji/lx/index.html").read_text(encoding="utf-8"))
    assert "利辛集（1964年10月31日起）" in county and "闫集区公所院内" not in county.split("大事记")[0]
    assert "白镜清任利辛县委书记" in county
