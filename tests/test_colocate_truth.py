"""What a tester typing 《张掖地区志》 and 《滁县地区志》 found printed against the record:

- a 合署办公 (co-locate) with a body whose end is unknown (`end: 不详`) printed open on one page (“1970年10月—”, which
  reads as 至今) and with the other party's end on the other page; the year tables claimed the joint office in years
  the partner was not known to exist (the note under the same table says so);
- a 机构数 (body-count) with wording 下设 printed “滁县专区地区革命委员会大组下设4个”, and was compared with the
  政府工作部门 though it counts 大组; a body's unnamed sub-units belong in 成员数 (members);
- an establish with wording 下设 and no parent printed “下设编制委员会办公室。”, a sentence with no subject.

Each test reads what the editor or the reader sees: the check's message, the built HTML pages.
"""

import re
from pathlib import Path

import pytest
from conftest import make_archive, with_theme, write
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.loader import load_archive

BODIES = """
- id: cs-xianwei
  kind: 其他
  end: 不详
  note: 来源只记1960年3月与县计委一套工作机构，此后未载。
- id: cs-tongji
  kind: 政府工作部门
- id: cs-bgs
  kind: 政府工作部门
"""

EVENTS = """
- id: ev-xw
  type: establish
  date: 1956-05
  body: cs-xianwei
  name: 中共测试县委员会
  jurisdiction: cs-xian
  sources: [d-1956-1]
- id: ev-hs
  type: co-locate
  wording: 一套工作机构
  date: 1960-03
  bodies: [cs-xianwei, cs-jiwei]
  sources: [d-1956-1]
- id: ev-tj
  type: establish
  date: 1958
  body: cs-tongji
  name: 测试县统计局
  parent: cs-zhengfu
  sources: [d-1956-1]
- id: ev-hs2
  type: co-locate
  date: 1970
  bodies: [cs-tongji, cs-jingwei]
  sources: [d-1956-1]
- id: ev-bgs
  type: establish
  wording: 下设
  date: 1962
  body: cs-bgs
  name: 测试县人民委员会办公室
  parent: cs-zhengfu
  sources: [d-1956-1]
- id: ev-dazu
  type: body-count
  date: 1968
  body: cs-xian
  scope: 县革命委员会大组
  count: 4
  wording: 下设
  sources: [d-1956-1]
"""


def typed(tmp_path, extra: str = "") -> Path:
    root = with_theme(make_archive(tmp_path))
    write(root, "sources/bodies/typed.yaml", BODIES)
    write(root, "sources/events/typed.yaml", EVENTS + extra)
    return root


def findings(root):
    return run_checks(load_archive(root))


def text(page) -> str:
    return re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = typed(tmp_path_factory.mktemp("colocate"))
    build_edition(root, pdf=False)
    return root / "site"


def test_joint_period_with_an_unknown_end_is_the_same_unknown_span_on_both_pages(site):
    xw = text(site / "jigou/cs-xianwei/index.html")
    jw = text(site / "jigou/cs-jiwei/index.html")
    # 县计委 ends 1984-03-12; 县委's end is 不详 (last seen 1960-03): when the joint office ended is not known
    assert "与测试县计划委员会（1960年3月—止年不详）" in xw
    assert "与中共测试县委员会（1960年3月—止年不详）" in jw
    assert "（1960年3月—）" not in xw and "1960年3月—1984年3月12日" not in jw


def test_open_data_gives_the_joint_period_the_same_unknown_end_on_both_sides(site):
    rows = [line.split(",") for line in (site / "shuju/data/periods.csv").read_text(encoding="utf-8-sig").splitlines()
            if ",合署办公," in line]
    ends = {(r[0], r[4]): (r[10], r[14]) for r in rows}
    assert ends[("cs-xianwei", "cs-jiwei")] == ends[("cs-jiwei", "cs-xianwei")] == ("不详", "止年不详")
    assert ends[("cs-tongji", "cs-jingwei")][0] == ends[("cs-jingwei", "cs-tongji")][0] == "1984年3月12日"


def test_joint_period_ends_when_either_party_ends(site):
    tj = text(site / "jigou/cs-tongji/index.html")
    jw = text(site / "jigou/cs-jingwei/index.html")
    assert "与测试县经济委员会（1970年—1984年3月12日）" in tj      # 县经委 merged away: the joint office ended then
    assert "与测试县统计局（1970年—1984年3月12日）" in jw


def test_co_location_is_a_record_of_the_body(site):
    # the co-location of 1960-03 is the latest record of 县委: 最后见于 it, not its 1956 establishment
    assert "止年不详（最后见于1960年3月）" in text(site / "jigou/cs-xianwei/index.html")


def test_year_table_does_not_claim_the_joint_office_when_the_partner_is_not_known_to_exist(site):
    year = text(site / "nianbiao/1970/index.html")
    assert "中共测试县委员会（止年不详，最后见于1960年3月）" in year and "此时是否存续，档案未载" in year
    assert "（与中共测试县委员会合署办公）" not in year
    assert "1960年3月起与中共测试县委员会合署办公，此时是否仍合署，档案未载" in year
    # a partner that is known to exist then is told plainly
    assert "测试县统计局（与测试县经济委员会合署办公）" in year


def test_body_count_with_an_object_verb_reads_as_chinese(site):
    got = text(site / "dashiji/index.html")
    assert "测试县下设革命委员会大组4个。" in got
    assert "大组下设4个" not in got


def test_body_count_of_sub_units_is_not_compared_with_departments(tmp_path):
    fs = findings(typed(tmp_path))
    assert not [f for f in fs if f.code == "count-differs" and "大组" in f.message]
    why = [f for f in fs if f.code == "count-not-compared" and "大组" in f.message]
    assert why and "不是工作部门" in why[0].message


def test_body_count_on_a_body_points_to_members(tmp_path):
    root = typed(tmp_path, """
- id: ev-dazu2
  type: body-count
  date: 1968
  body: cs-zhengfu
  scope: 大组
  count: 4
  wording: 下设
  sources: [d-1956-1]
""")
    got = [f for f in findings(root) if f.code == "ref-wrong-kind" and "body-count" in f.message]
    assert got and got[0].severity == "error"
    assert "members" in got[0].message and "subordinates: {大组: 4}" in got[0].message
