"""Issue 11 (part B): facts the real chronicles give as counts, typed as the sources give them.

- 对口合署 given only as a count (《舟山市志（1989—2005）》: 定海区直48个党政机关、部门和群众团体与市直……对口合署);
- a body's members and subordinate units (九三学社舟山市委员会“下辖7个支社，有社员123人”), never 编制;
- a planned count (《中共徽县党史大事记》: 党政机构“将由48个压缩到29个”), in the source's order and tense;
- a count with an exclusion (舟山: 市委工作（派出）机构“共9个（不含合署机构）”), compared honouring it, or not compared
  with the reason said;
- a place ceded to a jurisdiction outside the book told in the default 大事记.

Each test reads the printed sentence, the derived lineage, the finding or the built page."""

import re
import shutil
from pathlib import Path

import pytest
from conftest import archive_with, with_theme, write
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.views.dashiji import dashiji
from zhi.views.lineage import lineage

REAL = Path(__file__).resolve().parent / "fixtures" / "real"


def _load(root: Path):
    a = load_archive(root)
    return a, derive_history(a)


def _printed(a, h) -> list[str]:
    return [f"{en.date.chinese()}　{en.plain()}" for en in chronology(a, h)]


def _selected(a, h) -> list[str]:
    return [f"{it.date.chinese()}　{it.plain()}" for it in dashiji(a, h)]


# ---- 1. 对口合署 given only as a count ------------------------------------------------------------------------
COUNTED = ("1994年7月　定海区直党政机关、部门和群众团体48个（不含人大、法院、检察院）与舟山市直党政机关、部门和群众团体"
           "实行对口合署或改为分局形式并轨运转。")


def test_a_counted_colocation_prints_the_count_and_names_no_body():
    a, h = _load(REAL / "zhoushan")
    assert COUNTED in _printed(a, h)
    assert COUNTED in _selected(a, h)  # a change of the district's whole apparatus is a 大事记 matter
    e = next(e for e in a.events if e.id == "dh-1994-hs")
    assert e.before == [] and e.count == 48
    # no body gains a co-location from it: only the bodies the source names share an office
    named = {r.id for x in a.events if x.type == "co-locate" for r in x.before}
    colocated = {t.id for t in h.timelines.values() if t.colocations}
    assert colocated == named and "dinghai-qu" not in colocated
    assert any(en.event is e for en in chronology(a, h) if "dinghai-qu" in en.jurisdictions)


def test_a_counted_colocation_refuses_names_and_a_body_that_is_no_place(tmp_path):
    root = archive_with(tmp_path, """
- {id: x1, type: 合署办公, date: 1960, body: cs-xian, scope: 县直机关, count: 5, bodies: [cs-jiwei, cs-jingwei],
   sources: [d-1956-1]}
- {id: x2, type: 合署办公, date: 1961, body: cs-jiwei, scope: 县直机关, count: 5, sources: [d-1956-1]}
- {id: x3, type: 合署办公, date: 1962, body: cs-xian, scope: 县直机关, sources: [d-1956-1]}
- {id: x4, type: 合署办公, date: 1963, body: cs-xian, scope: 县直机关, count: 5, with: cs-xian, sources: [d-1956-1]}
""")
    found = [(f.code, f.loc.line, f.message) for f in run_checks(load_archive(root)) if f.severity == "error"]
    # bodies with a count are some of them (甲、乙等5个单位): a place and scope of a count of unnamed ones is refused
    assert any(c == "schema-unknown-key" and ln == 2 and "不写“body”" in m for c, ln, m in found), found
    assert any(c == "ref-wrong-kind" and ln == 4 and "cs-jiwei" in m for c, ln, m in found), found
    assert ("schema-missing", 5) in [(c, ln) for c, ln, _m in found], found
    assert ("event-same-body", 6) in [(c, ln) for c, ln, _m in found] and len(found) == 4, found


# ---- 2. members and subordinate units -----------------------------------------------------------------------
def test_members_and_units_print_in_the_sources_order_and_are_no_staffing():
    from zhi.views.staffing import figures

    a, h = _load(REAL / "zhoushan")
    assert "2005年　九三学社舟山市委员会下辖7个支社，有社员123人。" in _printed(a, h)
    lin = lineage(a, h, "zs-jiusan")
    assert [(p.value, p.start.chinese()) for p in lin.figures] == [
        ("有社员56人", "1989年9月前"), ("下辖7个支社，有社员123人", "2005年")]
    members = {e.id for e in a.events if e.type == "members"}
    assert members == {"js-fig-0", "js-fig-2005"}
    assert not {f.origin for f in figures(a)} & members and not any(f.body == "zs-jiusan" for f in figures(a))
    assert not any("社员" in s for s in _selected(a, h))  # not an institutional change: the 年表 only, by default


def test_members_written_the_other_way_round_print_so_and_a_bad_figure_is_refused(tmp_path):
    root = archive_with(tmp_path, """
- {id: m1, type: 成员数, date: 1990, body: cs-jiwei, members: {会员: 120余}, subordinates: {小组: 3}, sources: [d-1956-1]}
- {id: m2, type: 成员数, date: 1991, body: cs-jiwei, members: {会员: 很多}, sources: [d-1956-1]}
- {id: m3, type: 成员数, date: 1992, body: cs-jiwei, sources: [d-1956-1]}
""")
    a, h = _load(root)
    assert "1990年　测试县计划委员会有会员120余人，下辖3个小组。" in _printed(a, h)
    bad = [(f.code, f.loc.line) for f in run_checks(a, history=h) if f.severity == "error"]
    assert ("schema-type", 3) in bad and ("schema-missing", 4) in bad


# ---- 3. a planned count --------------------------------------------------------------------------------------
def test_a_planned_count_keeps_the_sources_order_and_tense_and_is_not_compared():
    a, h = _load(REAL / "huixian")
    line = "1997年8月13日　徽县党政机构将由48个压缩到29个。"
    assert line in _printed(a, h) and line in _selected(a, h)
    assert [p.value for p in lineage(a, h, "huixian").body_counts] == ["党政机构将由48个压缩到29个"]
    found = run_checks(a, history=h)
    assert not [f for f in found if f.code == "count-differs"]
    why = [f.message for f in found if f.code == "count-not-compared"]
    assert len(why) == 1 and "将由48个压缩到29个" in why[0] and "计划数" in why[0]


def test_an_achieved_count_beside_a_planned_one_reads_differently(tmp_path):
    root = archive_with(tmp_path, """
- {id: c1, type: 机构数, date: 1984-03, body: cs-xian, scope: 县政府工作部门, count_before: 2, count: 1, planned: 拟,
   wording: 减为, sources: [d-1956-1]}
- {id: c2, type: 机构数, date: 1984-12, body: cs-xian, scope: 县政府工作部门, count: 1, sources: [d-1956-1]}
""")
    a, h = _load(root)
    printed = _printed(a, h)
    assert "1984年3月　测试县政府工作部门拟由2个减为1个。" in printed and "1984年12月　测试县政府工作部门为1个。" in printed
    assert [p.value for p in lineage(a, h, "cs-xian").body_counts] == ["县政府工作部门拟由2个减为1个", "县政府工作部门1个"]


# ---- 4. a count with an exclusion ----------------------------------------------------------------------------
def test_a_count_with_an_exclusion_prints_it_and_matches_the_archive():
    a, h = _load(REAL / "zhoushan")
    assert "1994年7月　舟山市委工作（派出）机构共9个（不含合署机构）。" in _printed(a, h)
    assert [p.value for p in lineage(a, h, "zhoushan-shi").body_counts] == ["市委工作（派出）机构9个（不含合署机构）"]
    found = run_checks(a, history=h)
    assert not [f for f in found if f.code in ("count-differs", "count-not-compared")]
    from zhi.views.bodycount import counts

    (c,) = counts(a, h)
    assert c.derived == 9 and "中共舟山市委政策研究室" not in c.names  # renamed 1992: counted by its name that day
    assert "中共舟山市委舟山市人民政府政策研究室" in c.names and "舟山市经济研究中心" in c.unknown


COLOCATED = """
- {id: h1, type: 合署办公, date: 1960, bodies: [cs-jiwei, cs-jingwei], sources: [d-1956-1]}
- {id: c1, type: 机构数, date: 1961, body: cs-xian, scope: 县政府工作部门, count: 1, wording: 共, EXCL sources: [d-1956-1]}
"""


@pytest.mark.parametrize("excludes,differs,why", [
    ("excludes: [合署机构],", False, None),              # two bodies sharing an office count once
    ("", True, None),                                     # without the exclusion the archive has two
    ("excludes: [议事协调机构],", True, None),            # a kind zhi knows: compared (and still two)
    ("excludes: [临时机构],", False, "zhi 不知道怎样除去“临时机构”"),  # not compared, and said why
])
def test_an_exclusion_is_honoured_or_the_count_is_not_compared_saying_why(tmp_path, excludes, differs, why):
    a, h = _load(archive_with(tmp_path, COLOCATED.replace("EXCL", excludes)))
    found = run_checks(a, history=h)
    assert bool([f for f in found if f.code == "count-differs"]) == differs
    said = [f.message for f in found if f.code == "count-not-compared"]
    assert (said and why in said[0]) if why else not said
    assert any(s.startswith("1961年　测试县政府工作部门共1个") for s in _printed(a, h))


# ---- 5. a cede to a jurisdiction outside the book ------------------------------------------------------------
def test_a_place_ceded_outside_the_book_is_told_in_the_default_dashiji(tmp_path):
    root = archive_with(tmp_path, """
- {id: cd1, type: 区域划转, date: 1962-03, from: cs-xian, to: lin-xian, places: [石门乡], sources: [d-1956-1]}
- {id: cd2, type: 区域划转, date: 1963-05, from: lin-xian, to: cs-xian, divisions: {村: 2}, sources: [d-1956-1]}
""", files={"sources/jurisdictions/out.yaml": """
- id: lin-xian
  level: 县
  scope: out
  names:
    - {name: 邻县, from: 1950前, sources: [d-1956-1]}
"""})
    a, h = _load(root)
    assert [f.as_text() for f in run_checks(a, history=h) if f.severity == "error"] == []
    selected = _selected(a, h)
    assert "1962年3月　测试县的石门乡划归邻县。" in selected
    assert "1963年5月　邻县的2个村划归测试县。" in selected


# ---- the built site ------------------------------------------------------------------------------------------
def _site(tmp_path, name):
    root = tmp_path / name
    shutil.copytree(REAL / name, root)
    result = build_edition(with_theme(root), pdf=False)
    assert all(f.severity != "error" for f in result.findings)
    return {p.relative_to(result.out).as_posix(): re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", p.read_text("utf-8")))
            for p in result.out.rglob("*.html")}


@pytest.mark.slow
def test_the_built_site_prints_counts_members_and_plans_as_the_sources_say(tmp_path):
    pages = _site(tmp_path / "a", "zhoushan")
    assert "成员数有社员56人（1989年9月前）；下辖7个支社，有社员123人（2005年）" in pages["jigou/zs-jiusan/index.html"]
    assert "机构数1994年7月市委工作（派出）机构9个（不含合署机构）" in pages["dashiji/zhoushan-shi/index.html"]
    assert COUNTED.split("　")[1].rstrip("。") in pages["dashiji/dinghai-qu/index.html"]
    pages = _site(tmp_path / "b", "huixian")
    assert "机构数1997年8月13日党政机构将由48个压缩到29个" in pages["dashiji/huixian/index.html"]


def test_members_alone_print_without_units(tmp_path):
    root = archive_with(tmp_path)
    write(root, "sources/events/y.yaml", "- {id: y1, type: 成员数, date: 1990, body: cs-jiwei, members: {会员: 9}, "
                                         "sources: [d-1956-1]}\n")
    a, h = _load(root)
    assert "1990年　测试县计划委员会有会员9人。" in _printed(a, h)


def test_a_counted_separation_prints_as_the_counted_colocation(tmp_path):
    a, h = _load(archive_with(tmp_path, """
- {id: s1, type: 合署办公, date: 1960, body: cs-xian, scope: 县直机关, count: 5, wording: 实行合署办公, sources: [d-1956-1]}
- {id: s2, type: 分开办公, date: 1962, body: cs-xian, scope: 县直机关, count: 5, sources: [d-1956-1]}
"""))
    assert [f.as_text() for f in run_checks(a, history=h) if f.severity in ("error", "warning")] == []
    printed = _printed(a, h)
    assert "1960年　测试县直机关5个实行合署办公。" in printed and "1962年　测试县直机关5个分开办公。" in printed
    assert not any(t.colocations for t in h.timelines.values())
