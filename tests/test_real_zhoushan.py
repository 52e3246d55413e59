"""What typing in 《舟山市志（1989—2005）》, 《舟山市定海区志》 and the 1987 list of 行政区划变更 (人民日报) met: a source's
改建为, a merge of "等5个单位" of which two are named, a county under a 地区 “1987前” and under the new 市 from 1987,
a four-plaque office renamed the same month, and messages that named a body by a name it took years later.

Each test reads the derived lineage, the printed sentence or the finding, not only that loading succeeds.
"""

import shutil
from pathlib import Path

from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.views.lineage import lineage

REAL = Path(__file__).resolve().parent / "fixtures" / "real" / "zhoushan"


def _load(root: Path = REAL):
    a = load_archive(root)
    return a, derive_history(a)


def _printed(a, h) -> list[str]:
    return [f"{en.date.chinese()}　{en.plain()}" for en in chronology(a, h)]


def _with_events(tmp_path: Path, old: str, new: str):
    """The fixture with one passage of its events file replaced."""
    root = tmp_path / "zs"
    shutil.copytree(REAL, root)
    p = root / "sources" / "events" / "e.yaml"
    text = p.read_text(encoding="utf-8")
    assert old in text
    p.write_text(text.replace(old, new), encoding="utf-8")
    return _load(root)


def test_a_reorganisation_the_source_calls_gaijian_prints_gaijian():
    a, h = _load()
    assert "1990年7月　中共舟山市委政法领导小组改建为中共舟山市委政法委员会（简称市委政法委员会），隶属中共舟山市委员会，" \
           "为党委工作部门。" in _printed(a, h)
    lin = lineage(a, h, "zs-sw-zfxz")
    assert lin.end_how == "改建"  # its life ends as the source says, not “改组”
    assert not any("改组" in line for line in _printed(a, h))


def test_a_reorganisation_wording_of_another_event_is_refused(tmp_path):
    a, h = _with_events(tmp_path, "  wording: 改建为\n  sources: [{doc: doc-zs-shizhi, page: 544}]\n\n# 1992",
                        "  wording: 合并为\n  sources: [{doc: doc-zs-shizhi, page: 544}]\n\n# 1992")
    found = [f for f in run_checks(a, history=h) if f.code == "schema-value"]
    assert len(found) == 1 and "“合并为”不是改组的说法" in found[0].message and found[0].loc.line > 0


def test_a_merge_of_more_units_than_the_source_names_says_how_many():
    a, h = _load()
    assert "1988年11月　电大定海工作站、高教自考办公室等5个单位合并，成立定海区成人教育中心（简称区成人教育中心）。" \
        in _printed(a, h)
    lin = lineage(a, h, "dh-chengjiao")
    assert sorted(p for p, _, _ in lin.predecessors) == ["dh-dianda", "dh-zikaoban"]


def test_a_merge_count_no_greater_than_the_named_is_refused(tmp_path):
    a, h = _with_events(tmp_path, "before_count: 5", "before_count: 2")
    found = [f for f in run_checks(a, history=h) if f.code == "schema-value"]
    assert len(found) == 1 and "before_count" in found[0].message and "大于 before 所列机构数（2）" in found[0].message


def test_a_merge_count_lets_the_source_name_only_one(tmp_path):
    a, h = _with_events(tmp_path, "before: [dh-dianda, dh-zikaoban]", "before: [dh-dianda]")
    assert [f.as_text() for f in run_checks(a, history=h) if f.severity == "error"] == []
    assert "1988年11月　电大定海工作站等5个单位合并，成立定海区成人教育中心（简称区成人教育中心）。" in _printed(a, h)


def test_a_superior_dated_before_a_year_comes_before_that_year():
    """岱山县 under 舟山地区 “1987前”, under 舟山市 from 1987: replayed in the order it happened, not the printed order
    (the 地区 was the superior first, and the county is not left under an abolished 地区 for ever)."""
    a, h = _load()
    lin = lineage(a, h, "daishan-xian")
    assert [(p.ref, str(p.start), str(p.end) if p.end else None) for p in lin.parents] == [
        ("zhoushan-diqu", "1987年前", "1987年"), ("zhoushan-shi", "1987年", None)]
    printed = _printed(a, h)
    assert "1987年　岱山县改属舟山市。" in printed
    # no source says when it came under the 地区: by 1987 it was (隶属), never 改属
    assert "1987年前　岱山县隶属舟山地区。" in printed
    assert not any(line.startswith("1987年前") and "改属" in line for line in printed)


def test_events_known_only_as_before_a_date_are_not_printed():
    a, h = _load()
    printed = _printed(a, h)
    # dated as the source dates them, saying only that they were there by then (the 年表 loses nothing)
    assert "1994年7月前　舟山市人民政府城市管理委员会与舟山市城乡建设委员会合署办公。" in printed
    assert not any("前　" in line and "设立" in line for line in printed)
    assert "1994年7月　舟山市人民政府城市管理委员会加挂中共舟山市委城市工作委员会牌子。" in printed
    lin = lineage(a, h, "zs-cgw")  # the co-location is still on the body's page, from “1994年7月前”
    assert [(p.value, str(p.start)) for p in lin.colocations] == [("舟山市城乡建设委员会", "1994年7月前")]


def test_a_name_is_printed_as_recorded_never_prefixed_with_its_superior():
    """文教卫生支社 is printed as the source names it, in 1987 and under 社市委 in 1989 alike (zhi once composed
    “社市委文教卫生支社”, a name no source gives)."""
    a, h = _load()
    printed = _printed(a, h)
    assert "1987年10月　设立文教卫生支社，为民主党派。" in printed
    assert any(line.startswith("1989年12月　文教卫生支社分设为文教支社、医卫支社") for line in printed)
    assert not any("社市委文教" in line or "社市委医卫" in line for line in printed)


def test_four_plaques_are_named_as_they_were_before_the_same_months_rename():
    a, h = _load()
    printed = _printed(a, h)
    assert "1992年9月　中共舟山市委政策研究室、舟山市经济研究中心、舟山市体制改革办公室与舟山市渔农经委" \
           "实行“四块牌子、一套班子”。" in printed
    assert "1992年9月　中共舟山市委政策研究室称中共舟山市委舟山市人民政府政策研究室（简称市委市政府政策研究室）。" in printed


def test_a_message_names_the_body_as_it_was_called_then(tmp_path):
    """Without the 属地变更 the 1984 支社 is said to belong to 舟山市 from 1984: the message names it 九三学社浙江水产学院支社
    (its name then), not 浙江海洋学院支社 (its name from 1999), and tells how to write a predecessor jurisdiction."""
    a, h = _with_events(tmp_path, "name: 九三学社浙江水产学院支社, jurisdiction: zhoushan-diqu",
                        "name: 九三学社浙江水产学院支社, jurisdiction: zhoushan-shi")
    found = [f for f in run_checks(a, history=h) if f.code == "jurisdiction-not-alive"]
    assert len(found) == 1
    assert found[0].message.startswith("九三学社浙江水产学院支社（js-shuichan）自1984年9月属于舟山市（zhoushan-shi）")
    assert "浙江海洋学院支社" not in found[0].message and "属地变更（rejurisdiction）" in found[0].message


def test_the_leaders_list_keeps_terms_and_the_acting_chair():
    a, h = _load()
    lin = lineage(a, h, "zs-jiusan")
    rows = [(p.post, a.people[p.person.id].name, p.tenure(), p.term) for p in lin.posts]
    assert ("代主任委员", "宋海棠", "1995年1月—1996年12月24日至25日", "第二届委员会") in rows
    assert ("主任委员", "宋镇圻", "？—1991年12月12日至13日", "第一届委员会") in rows
    assert ("副主任委员", "黄传平", "2001年9月28日至29日—？", "第四届委员会") in rows


def test_a_body_that_outlives_its_place_has_an_unknown_place_not_a_made_up_one():
    """九三学社浙江水产学院支社 (1984, in 舟山地区) is renamed in 1999; the 地区 ended in 1987 and no source says where
    the 支社 belonged then: its place is printed 不详 from 1987, it is not ended (去向不详) nor put in 舟山市."""
    from zhi.dates import parse_date
    from zhi.views.snapshot import snapshot

    a, h = _load()
    # body-silent is true of the excerpt (bodies with no record for over ten years before the 下限; counted in
    # test_real_material), not what this test is about
    found = [f for f in run_checks(a, history=h) if f.severity in ("error", "warning")
             and f.code not in ("kind-unknown", "body-silent")]
    assert [f.code for f in found] == ["jurisdiction-unknown"]
    assert "九三学社浙江水产学院支社（js-shuichan）（1999年1月更名）" in found[0].message
    lin = lineage(a, h, "js-shuichan")
    assert [(p.value, str(p.start), str(p.end) if p.end else None) for p in lin.jurisdictions] == [
        ("舟山地区", "1984年9月", "1987年"), ("不详", "1987年", None)]
    assert lin.end is None and not lin.end_how
    names = {r.name for r in snapshot(a, h, "zhoushan-shi", parse_date("1995"), [])}
    assert "科技支社" in names and not any("水产学院" in n or "海洋学院" in n for n in names)


def test_a_span_of_years_in_a_title_is_never_broken_before_its_dash():
    """The printed note (《舟山市志（1989—2005）》，第544页) broke a line before “—2005”: the span is kept whole."""
    from zhi.writers.nobreak import keep_together

    html = keep_together("<p>（《舟山市志（1989—2005）》，第544页）</p>")
    assert '<span class="nw">1989—2005</span>' in html
    assert keep_together("<p>1949年—1958年</p>").count('class="nw"') == 1  # 1949年—1958年 as one
