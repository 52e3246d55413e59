"""A tester's typing of 庆元县 1949—1975 from public pages (tests/fixtures/real/qingyuan/SOURCE.md): a county under a
专区 whose later name (丽水地区) is known only to date from “1975年8月前”, merged away in 1958 and restored in 1975; a
林场 whose end no source gives (`end: 不详`); a 区 whose first record is its 复建 (previous_end: 不详).

Each test reads the printed sentence, row or finding."""

from pathlib import Path

from conftest import make_archive, write
from test_restored_place import _place_row
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.views.lineage import lineage

REAL = Path(__file__).resolve().parent / "fixtures" / "real" / "qingyuan"


def _load():
    a = load_archive(REAL)
    return a, derive_history(a)


def test_the_county_was_under_the_zhuanqu_in_1949_not_under_its_later_name():
    a, h = _load()
    printed = [f"{en.date.chinese()}　{en.plain()}" for en in chronology(a, h)]
    assert "1949年　庆元县隶属丽水专区。" in printed
    assert _place_row(a, h, "qingyuan-xian", "隶属") == \
        "丽水专区（1949年—1952年）；温州专区（1952年—1958年11月）；丽水地区（1975年8月起）"


def test_a_body_whose_end_is_unknown_is_not_said_to_have_lived_through_the_countys_gap():
    """国营庆元林场 (end: 不详, last seen 1955年3月): the archive does not say it went on after 1958年11月, so no
    message says it does; a hint asks what became of it."""
    a, h = _load()
    found = [f for f in run_checks(a, history=h) if f.code == "fate-unknown"]
    about = [f for f in found if "国营庆元林场" in f.message]
    assert len(about) == 1 and about[0].severity == "info"
    assert "却记它一直存续" not in about[0].message
    assert "止年不详，档案最后见于1955年3月" in about[0].message
    # the one warning: the 林场's kind, which no source gives (kind: 不详), is on the to-do list
    assert [f.code for f in run_checks(a, history=h) if f.severity in ("error", "warning")] == ["kind-unknown"]


def test_a_district_first_recorded_by_its_restore_has_its_level_once():
    a, h = _load()
    assert [p.value for p in lineage(a, h, "zhukou-qu").levels] == ["区公所"]
    assert _place_row(a, h, "zhukou-qu", "层级") in ("", "区公所（1970年8月起）")
    assert "区公所（1970年8月起）；区公所" not in _place_row(a, h, "zhukou-qu", "层级")


def test_a_superiors_name_known_only_before_a_date_is_not_used_earlier_and_reads_as_a_zhi(tmp_path):
    """外地区 “1960前”, 外专区 “1949前” to “1960前”: the county placed under it in 1955 is under 外专区; its 隶属 row
    names the later name with the source's open date (1960年前改称外地区), which may fall inside the period."""
    root = make_archive(tmp_path)
    write(root, "sources/jurisdictions/x.yaml", """
- {id: cs-xian9, level: 县}
- id: cs-wq
  level: 专区
  scope: out
  names:
    - {name: 外专区, from: 1949前, to: 1960前, sources: [d-1956-1]}
    - {name: 外地区, from: 1960前, sources: [d-1956-1]}
- id: cs-sheng9
  level: 省
  scope: out
  names:
    - {name: 测试省, from: 1949前, sources: [d-1956-1]}
""")
    write(root, "sources/events/x.yaml", """
- {id: x9, type: establish, date: 1949前, body: cs-xian9, name: 测试九县, sources: [d-1956-1]}
- {id: x9-1955, type: reparent, date: 1955, body: cs-xian9, parent: cs-wq, sources: [d-1956-1]}
- {id: x9-1962, type: reparent, date: 1962, body: cs-xian9, parent: cs-sheng9, sources: [d-1956-1]}
""")
    a = load_archive(root)
    h = derive_history(a)
    printed = [f"{en.date.chinese()}　{en.plain()}" for en in chronology(a, h)]
    assert "1955年　测试九县隶属外专区。" in printed
    first = lineage(a, h, "cs-xian9").parents[0]
    assert (first.value, first.renamed) == ("外专区", "1960年前改称外地区")
