"""What typing in the history of 漯河 (县级市 → 省辖市), 郾城 (撤县设区) and two township party committees of 临颍 and
舞阳 met (临颍县地名信息库, 《走进郾城》, and other pages named in tests/fixtures/real/luohe/README.md): a source's
复归 and 升格为省辖市, a committee resumed under its earlier name, "至今", and the place page's 层级.

Each test reads the derived lineage, the printed sentence, the finding or the built page, not only that loading
succeeds.
"""

import re
import shutil
from pathlib import Path

from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.views.lineage import lineage

REAL = Path(__file__).resolve().parent / "fixtures" / "real" / "luohe"
ROOT = REAL.parent.parent.parent.parent

PRINTED = [
    "1948年7月　设立漯河市。",
    "1949年1月　漯河市与郾城县合署办公。",
    "1948年12月　杜曲区委改为隶属中共许昌县委。",
    "1949年6月　杜曲区委复归临颍县，隶属中共临颍县委。",
    "1949年10月　漯河市与郾城县分设。",
    "1960年6月　郾城县并入漯河市。",
    "1961年11月　从漯河市分出，恢复郾城县。",
    "1966年　中共舞阳县保和人民公社委员会处于瘫痪或半瘫痪状态。",
    "1972年2月　重建中共杜曲公社委员会。",
    "1972年6月　恢复中共舞阳县保和人民公社委员会。",
    "1986年1月18日　漯河市升格为省辖市。",
    "1986年1月18日　漯河市改属河南省。",
    "2004年12月　郾城县、源汇区的各一部分合并设立郾城区。",
    "2004年12月　郾城县的其余部分并入源汇区。",
    "2004年12月　郾城区辖1个街道、7个镇、1个乡。",
]


def _load(root: Path = REAL):
    a = load_archive(root)
    return a, derive_history(a)


def _printed(a, h) -> list[str]:
    return [f"{en.date.chinese()}　{en.plain()}" for en in chronology(a, h)]


def _with(tmp_path: Path, rel: str, old: str, new: str):
    root = tmp_path / "lh"
    shutil.copytree(REAL, root)
    p = root / rel
    text = p.read_text(encoding="utf-8")
    assert old in text
    p.write_text(text.replace(old, new), encoding="utf-8")
    return _load(root)


def test_the_fixture_checks_clean_but_for_what_the_sources_do_not_give():
    """沙北县 ends in 1948-12: the fate of its 县委 is not given (去向不详); 杜曲区委 lives on under 许昌县委 and from
    1949-06 in 临颍县, and no source says which county it belonged to meanwhile (属地不详, not 划归许昌县)."""
    a, h = _load()
    found = [f for f in run_checks(a, history=h) if f.severity in ("error", "warning")]
    # and body-silent, true of the excerpt: no record of the 市委 and its 宣传部 after 1986 (下限 2004), so the book says
    # 1986年4月后情况不详 of each
    assert sorted((f.code, f.severity) for f in found) == [("body-silent", "warning")] * 2 + [
        ("fate-unknown", "warning"), ("jurisdiction-unknown", "warning")]
    silent = [f.message for f in found if f.code == "body-silent"]
    assert "中共漯河市委员会（lh-shiwei）最后见于1986年4月" in silent[0] and "（lh-xcb）最后见于1986年4月" in silent[1]
    msgs = {f.code: f.message for f in found}
    assert "中共沙北县委（sb-xianwei）" in msgs["fate-unknown"]
    assert "杜曲区委（dq-dangwei）（1949年6月属地变更）" in msgs["jurisdiction-unknown"]
    lin = lineage(a, h, "dq-dangwei")
    assert [(p.value, str(p.start)) for p in lin.jurisdictions][:3] == [
        ("沙北县", "1948年2月"), ("不详", "1948年12月"), ("临颍县", "1949年6月")]


def test_it_prints_what_the_sources_say():
    a, h = _load()
    printed = _printed(a, h)
    for line in PRINTED:
        assert line in printed, line
    # a change dated only “before” (1986-04前, 1955-12-29前) is an entry dated as the source dates it, never
    # with a decades-long range; a set-up dated before the upper limit (1948) only says it was there then: none
    assert "1986年4月前　中共漯河、郾城市县委员会宣传部更名为中共漯河市委宣传部。" in printed
    assert "1955年12月29日前　杜曲区委更名为中国共产党临颍县第二区委员会。" in printed
    assert not any("至1986年4月" in line for line in printed)
    assert not any("恢复活动" in line for line in printed)


def test_a_committee_resumed_under_its_earlier_name():
    a, h = _load()
    lin = lineage(a, h, "bh-dangwei")
    assert [(p.value, str(p.start), str(p.end)) for p in lin.suspensions] == [("处于瘫痪或半瘫痪状态", "1966年", "1972年6月")]
    names = [(p.value, str(p.start)) for p in lin.names]
    assert ("中共保和公社委员会", "1966年") in names and ("中共舞阳县保和人民公社委员会", "1972年6月") in names


def test_a_source_saying_zhijin_is_not_a_silence_and_an_end_contradicts_it(tmp_path):
    a, h = _load()
    silent = [f.message for f in run_checks(a, history=h) if f.code == "body-silent"]
    assert not [m for m in silent if "dq-dangwei" in m or "bh-dangwei" in m], silent   # 至今: not silent
    a, h = _with(tmp_path, "sources/events/e.yaml",
                 "- {id: bh-1983, type: rename,",
                 "- {id: bh-1990, type: abolish, date: 1990, body: bh-dangwei, sources: [doc-lh-baohe]}\n"
                 "- {id: bh-1983, type: rename,")
    found = [f for f in run_checks(a, history=h) if f.code == "extant-but-ended"]
    assert len(found) == 1 and "“end: 至今”" in found[0].message and "撤销（1990年）" in found[0].message


def test_zhijin_needs_its_source(tmp_path):
    a, h = _with(tmp_path, "sources/bodies/b.yaml", "end: 至今, sources: [doc-lh-baohe],", "end: 至今,")
    found = [f for f in run_checks(a, history=h) if f.code == "schema-missing"]
    assert len(found) == 1 and "end: 至今" in found[0].message


def test_a_rejurisdiction_wording_that_says_leaving_is_refused(tmp_path):
    a, h = _with(tmp_path, "sources/events/e.yaml", "wording: 复归,", "wording: 划出,")
    found = [f for f in run_checks(a, history=h) if f.code == "schema-value"]
    assert len(found) == 1 and "“划出”不是划归的说法" in found[0].message


def test_the_place_page_shows_its_levels_and_the_dissent(tmp_path):
    root = tmp_path / "luohe"
    shutil.copytree(REAL, root)
    shutil.copytree(ROOT / "theme", root / "theme")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    result = build_edition(root, pdf=False)
    page = re.sub(r"<[^>]+>|\s", "", (result.out / "dashiji" / "luohe-shi" / "index.html").read_text(encoding="utf-8"))
    assert "层级县级市（1948年7月—1986年1月18日）；省辖市（1986年1月18日起）" in page
    assert "隶属许昌地区（1986年1月18日前—1986年1月18日）；河南省（1986年1月18日起）" in page
    assert "为1948年12月。考异：漯河市委宣传部的沿革记为1948年12月合署办公" in page
    # the 宣传部's units: the 1996 merger in the words a body's merger is printed with, on the 宣传部's own page
    xcb = re.sub(r"<[^>]+>|\s", "", (result.out / "jigou" / "lh-xcb" / "index.html").read_text(encoding="utf-8"))
    assert "理论与党员教育科（1996年12月—）：1996年12月理论科、党员教育科合并为理论与党员教育科" in xcb
    assert "理论科（—1996年12月）" in xcb
    # the 市县委员会 of 市县合署: a body of both places, told on both places' 大事记 pages
    sxw = re.sub(r"<[^>]+>|\s", "", (result.out / "jigou" / "lh-shixianwei" / "index.html").read_text(encoding="utf-8"))
    assert "属地漯河市" in sxw and "同属郾城县（1948年12月起）" in sxw, sxw[:1500]
    county = re.sub(r"<[^>]+>|\s", "", (result.out / "dashiji" / "yancheng-xian" / "index.html").read_text(encoding="utf-8"))
    assert "设立中共漯河、郾城市县委员会" in county and "新闻出版科（1986年12月—）：1986年12月通讯科更名为新闻出版科" in xcb
