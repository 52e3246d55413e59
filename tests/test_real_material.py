"""Real published institutional histories typed in as archives (tests/fixtures/real/*/README.md names each source):
they check clean and build a site with no workaround, and the site says what the sources say."""

import re
import shutil
from pathlib import Path

import pytest
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology, there_by_upper

REAL = Path(__file__).resolve().parent / "fixtures" / "real"
ROOT = REAL.parent.parent.parent

# what each source says, as the 大事记 must print it (date, sentence)
EXPECTED = {
    "lishui-xianwei": [  # 《莲都区志》第707页: a 县委 renamed 中心县委 and back; names as the source gives them
        ("1949年7月", "设立中共丽水县委民运部（简称县委民运部），隶属中共丽水县委员会，为党委工作部门。"),
        ("1952年11月", "中共丽水县委员会改为中共丽水中心县委员会（简称中心县委）。"),
        # the source says 财政委员会: printed as recorded, never composed from the superior's short name
        ("1953年1月", "设立财政委员会，隶属中共丽水中心县委员会，为党委工作部门。"),
        ("1953年6月", "中共丽水中心县委员会恢复为中共丽水县委员会（简称县委）。"),
        ("1953年下半年", "县学改为县委干校。"),
        ("1955年4月", "撤销财政委员会。"),
        ("1958年3月", "中共丽水县委文教部并入中共丽水县委宣传部。"),
        ("1961年2月", "设立中共丽水县委、丽水县人民政府人民来信来访接待室。"),
        ("1962年4月", "恢复城镇工作部，隶属中共丽水县委员会，为党委工作部门。"),
    ],
    "ninggang": [
        ("1956年", "撤区并乡，撤销城厢区。"),  # the campaign the source names heads the sentence (wording: 撤区并乡)
        ("1958年12月24日", "撤销宁冈县建制，并入永新县。"),  # the source: 撤销宁冈县建制，全县并入永新县
        ("1959年7月1日", "永新县、遂川县的各一部分合并设立井冈山管理局，直属江西省。"),  # the source: 直属省
        ("1959年11月", "恢复宁冈县建制。"),  # never 恢复建制宁冈县
        ("1959年11月", "宁冈县与井冈山管理局合署办公。"),
        ("1961年12月6日", "宁冈县与井冈山管理局分治。"),
    ],
    "huade": [
        ("1956年3月26日", "设立化德县交通科（简称县交通科），隶属化德县人民政府，为政府工作部门。"),
        ("1956年8月", "化德县手工业生产合作社联合社并入化德县工业科。"),
        ("1956年8月", "中共化德县纪律检查委员会更名为中共化德县委员会监察委员会（简称县委监察委员会）。"),
        ("1956年11月28日至12月3日", "化德县人民政府更名为化德县人民委员会。"),
        ("1958年7月", "化德县工业科更名为化德县工业局（简称县工业局）。"),
        ("1959年3月", "撤销中共化德县委工业部。"),
    ],
    # a seat stated and moved twice, a merge and a restore, superiors outside the volume (砂河镇网站转载)
    "fanshi": [
        ("1949年", "繁峙县县级机关驻砂河镇。"),
        ("1958年11月", "代县并入繁峙县。"),
        ("1958年11月", "繁峙县改属晋北专署。"),
        ("1958年11月", "繁峙县县治由砂河镇迁至今县城。"),
        ("1961年", "从繁峙县分出，恢复代县。"),
        ("1961年", "繁峙县县治由今县城迁至砂河镇。"),
        ("1961年", "代县隶属忻县专署。"),  # no superior recorded before: 隶属, not 改属
    ],
    # parts of a territory moving out, named and counted, and a count of units with no names (海丰县档案局)
    "haifeng": [
        ("1731年", "海丰县的石帆都、坊廓都、吉康都划出置陆丰县。"),
        ("1988年1月", "海丰县的7个镇划出设为汕尾市城区。"),
        ("1988年", "海丰县辖19个乡镇、3个农林场。"),
    ],
    # two renames the source dates only as "after 1968-09, before 1975-04", successively (之后先后改称), merges into a
    # survivor and the restores that leave it (《商河县志》商业“第一辑 机构”)
    "shanghe-shangye": [
        ("1949年4月", "花纱布公司改为隶属县工商科。"),
        ("1958年12月", "商河县供销合作社、服务局并入商河县商业局。"),
        ("1961年9月", "从商河县商业局分出，恢复商河县供销合作社（简称县供销社）。"),
        ("1968年9月至1975年4月", "商业组革命委员会改称商业局革命委员会。"),
        ("1968年9月至1975年4月", "商业局革命委员会改称商业局革命领导小组。"),
        ("1975年4月", "商业局革命领导小组恢复为商河县商业局。"),
    ],
    # 地改市 and 撤县设区 (人民日报 1988-03-15), a 市委's bodies 改建 and four plaques on one office, a merge of "等5个单位"
    # of which the source names two, and a 民主党派's branches (《舟山市志（1989—2005）》, 《舟山市定海区志》)
    "zhoushan": [
        ("1987年", "设立舟山市。"),
        ("1987年", "撤销定海县。"),
        ("1987年", "岱山县改属舟山市。"),  # under the 地区 “1987前”: a change of superior, replayed in that order
        ("1987年10月", "设立文教卫生支社，为民主党派。"),  # no superior prefixed that it may not yet have had
        ("1988年11月", "电大定海工作站、高教自考办公室等5个单位合并，成立定海区成人教育中心（简称区成人教育中心）。"),
        ("1990年7月", ("中共舟山市委政法领导小组改建为中共舟山市委政法委员会（简称市委政法委员会），"
                      "隶属中共舟山市委员会，为党委工作部门。")),
        ("1992年9月", ("中共舟山市委政策研究室、舟山市经济研究中心、舟山市体制改革办公室与舟山市渔农经委"
                      "实行“四块牌子、一套班子”。")),
        ("1999年1月", "九三学社浙江水产学院支社更名为浙江海洋学院支社。"),
    ],
    # a city set up, merged away, restored, given a county and then split again; 代管, 归省直接领导, 副地级市, 升格,
    # a county placed under it, 撤县设区 (湘桥区历史沿革; 潮州大事记; 澎湃新闻)
    "chaozhou": [
        # one sentence of the source, one event, one line; the superior the record gives that day said with it
        ("1953年1月", "以潮安县城关镇设为潮安市，隶属广东省。"),
        ("1953年6月", "潮州市为省辖市。"),
        ("1958年11月", "撤销潮州市，并入潮安县。"),  # the source: 撤销潮州市建制，其地域并入潮安县
        ("1979年8月", "以潮安县潮州镇、下津村、卧石村、社光村、黄金塘村、六亩村恢复潮州市。"),
        ("1983年12月", "撤销潮安县，并入潮州市。"),  # the source: 撤销潮安县，其行政区域并入潮州市
        ("1983年12月", "潮州市由汕头市代管。"),
        ("1988年12月", "潮州市改由广东省直接领导。"),
        ("1988年12月", "潮州市享受市地一级管理权限。"),  # a grant of powers, not a level: the level stays 县级市
        ("1989年12月", "潮州市改为副地级市。"),
        ("1991年12月", "潮州市升格为地级市。"),
        ("1991年12月", "饶平县划入潮州市。"),
        ("1991年12月", "恢复潮安县，属潮州市。"),  # the restore names its superior (parent)
        ("1995年12月13日", "以潮安县枫溪镇设立枫溪区，隶属潮州市，为功能区（非建制区）。"),  # no 建制: a level of its own
        ("1995年12月13日", "枫溪区行使县级区职能。"),
        ("2013年6月28日", "撤销潮安县，设立潮安区。"),
        ("2013年6月28日", "潮安区的磷溪镇、官塘镇、铁铺镇划归湘桥区。"),
        ("1983年4月23日", "潮州市委工作部门拟设7个。"),  # a planned count, not compared with the archive's
        ("1983年4月23日", "潮州市委、市政府工作部门加上民主党派等部门共55个。"),
    ],
    # a 县委 merged away and restored twice, into a body outside the volume; 处于瘫痪状态 and its 恢复, never 撤销; 设县长、
    # 副县长各1人 as 设置 (《平阴县志》第四篇第一节“县委”，第三节“县人民政府”)
    "pingyin": [
        ("1939年2月1日", "建立中国共产党平阴县委员会（简称平阴县委），隶属中共泰西特委。"),
        ("1942年12月", "中国共产党平阴县委员会、阿东工委合并，成立平阿县委。"),
        ("1945年10月", "恢复中国共产党平阴县委员会（简称平阴县委）。"),
        ("1950年1月", "平阴县民主政府改称平阴县人民政府；设县长、副县长各1人。"),
        ("1950年1月", "平阴县人民政府隶属泰西专署。"),
        ("1959年1月", "中国共产党平阴县委员会并入东平县委。"),
        ("1966年", "中国共产党平阴县委员会处于瘫痪状态。"),
        ("1971年4月", "恢复中国共产党平阴县委员会（简称平阴县委）。"),
    ],
    # a published county gazetteer cited at its chapter and page (section, page) and online (url); 选出委员19人 is
    # printed as a count, never as 增至 the source does not say (《泰顺县文化志》第三章第一节，第476页)
    "taishun-wenlian": [
        ("1990年10月", "设立县文联筹备工作组。"),
        ("1991年3月17日", "泰顺县文学艺术界联合会（简称县文联）成立，为群团机关。"),
        ("1991年3月17日", "泰顺县文学艺术界联合会有委员17人。"),
        ("1997年1月", "泰顺县文学艺术界联合会有委员19人。"),
    ],
    "shiyong": [
        ("1950年2月", "撤销石永区人民政府。"),
        ("1953年", "第九区增辖古路乡、红星等3个乡。"),  # two places named and the total the source gives
        ("1956年1月", "第九区公所更名为石永区公所。"),
        ("1967年3月", "设立石永区生产办公室。"),  # its end no source gives: 止年不详, never "still existing"
        ("1967年", "石永区公所处于半瘫痪状态。"),
        ("1969年12月29日", "设立石永区革命领导小组（简称石永区革组）。"),
        ("1978年5月", "石永区公所建立。"),
    ],
}


# 舟山: the 1984 支社 lives on past the 舟山地区 (renamed 1999); no source says where it belonged from 1987
# kind-unknown: the to-do list of bodies no source gives a kind for (kind: 不详), true of these excerpts;
# dashiji-empty: 商河's 商业局 and its like are of no kind the sources give and under no leading body the 大事记 tells
# (a body of unknown kind is no leading body): its 大事记 is empty, and the editor is told why
WARNINGS = {"zhoushan": ["kind-unknown", "jurisdiction-unknown"], "lishui-xianwei": ["kind-unknown"],
            "pingyin": ["kind-unknown"], "shanghe-shangye": ["dashiji-empty", "snapshots-suggested", "kind-unknown"]}


# snapshots-suggested (商河): the excerpts stop in 1975, the 下限 is 1990 — the one 机构设置一览 of 1990 would list little
# body-silent: bodies these excerpts show no more than ten years before the volume's 下限 (SILENCE_YEARS) and whose end
# they do not give — true of the excerpts; the book says of each “某年后情况不详”, never that it was there at the 下限
SILENT = {"zhoushan": 23, "lishui-xianwei": 1, "shanghe-shangye": 2}


def test_every_real_fixture_names_its_source():
    names = sorted(p.name for p in REAL.iterdir() if p.is_dir())
    assert set(EXPECTED) <= set(names)
    for name in EXPECTED:
        readme = (REAL / name / "README.md").read_text(encoding="utf-8")
        assert "http" in readme and "来源" in readme and "未能录入" in readme


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_history_checks_clean_and_prints_what_the_source_says(name):
    a = load_archive(REAL / name)
    h = derive_history(a)
    found = run_checks(a, history=h)
    # only the warnings that are right: where the sources leave something unknown that the book must say so
    assert [f.code for f in found if f.severity in ("error", "warning") and f.code != "body-silent"] \
        == WARNINGS.get(name, []), [f.as_text() for f in found if f.severity in ("error", "warning")]
    assert len([f for f in found if f.code == "body-silent"]) == SILENT.get(name, 0)
    printed = [(en.date.chinese(), en.plain()) for en in chronology(a, h)]
    for entry in EXPECTED[name]:
        assert entry in printed
    # nothing the sources do not say: no abolition for a suspension, no set-up for what only existed “before”
    assert not any("前" in d and ("设立" in s or "撤销" in s) for d, s in printed)   # dated as given: 已有甲
    assert not any("撤销石永区公所" in s for _, s in printed)   # 停止活动 in the source: no 撤销
    # every event prints but an origin dated "before" the upper limit and one among records outside the volume
    # (专署属山西省) (a record outside placed under one of the volume — 饶平县划入潮州市 — is the volume's matter and prints)
    outside = {e.id for e in a.events
               if all(h.get(r.id).outside for r in e.participants() + ([e.parent] if e.parent else []))}
    assert len(printed) == len({e.id for e in a.events if not there_by_upper(e, a.book.upper) and e.id not in outside})
    assert not any("山西省" in s for _, s in printed)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_history_builds_a_site(tmp_path, name):
    root = tmp_path / name
    shutil.copytree(REAL / name, root)
    shutil.copytree(ROOT / "theme", root / "theme")  # the project's look, as in any chronicle repository
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    result = build_edition(root, pdf=False)
    pages = {p: p.read_text(encoding="utf-8") for p in result.out.rglob("*.html")}
    text = re.sub(r"<[^>]+>", "", "\n".join(pages.values()))  # the words as a reader sees them
    for date, sentence in EXPECTED[name]:
        assert sentence.rstrip("。") in text, f"{sentence} not on the built site"
    assert not result.findings or all(f.severity != "error" for f in result.findings)
    if name == "fanshi":  # the place's page lists its seats as the source gives them, and the restored county's lives
        assert "砂河镇（1949年起）；今县城（1958年11月起）；砂河镇（1961年起）" in text
        assert "1949年前—1958年11月（合并）；1961年—" in text
        # the 专署 outside the volume and the 省 above it, by name and date on the county's page, never in the 大事记
        county = re.sub(r"<[^>]+>|\s", "", pages[result.out / "dashiji" / "fanshi-xian" / "index.html"])
        assert "隶属忻县专署（1949年—1958年11月；属山西省（1949年起））；晋北专署（1958年11月—1961年）；" \
               "忻县专署（1961年起；属山西省（1949年起））驻地" in county, county[:600]
        assert "山西省" not in re.sub(r"<[^>]+>", "", pages[result.out / "dashiji" / "index.html"])
    if name == "chaozhou":
        plain = re.sub(r"\s", "", text)
        # 委托汕头市代管 is not 隶属: never printed as a change of superior, marked on the city's page
        assert "改属汕头市" not in plain and "汕头市（代管，1983年12月—1988年12月）" in plain
        # the whole city's figure is the city's, uncategorised, never a body's; it is listed as the source gives it
        # and not carried past the city's merger and 升格 into the 地级市's years
        stats = re.sub(r"<[^>]+>|\s", "", pages[result.out / "tongji" / "index.html"])
        assert "1983年4月23日核定全市编制3248名（包括公社、办事处干部）" in stats and "1992全市核定编制" not in stats
        # the city's page gives its levels; the selected 大事记 tells territory moving and the county placed under it
        city = re.sub(r"<[^>]+>|\s", "", pages[result.out / "dashiji" / "chaozhou-shi" / "index.html"])
        assert "县级市（1983年12月—1989年12月）；副地级市（1989年12月—1991年12月）；地级市（1991年12月起）" in city
        assert "管理权限1988年12月享受市地一级管理权限" in city  # on the city's page, dated, beside its levels
        # the 功能区: its level printed as what it is (and is not), its powers beside it; listed after the 建制 places
        fengxi = re.sub(r"<[^>]+>|\s", "", pages[result.out / "dashiji" / "fengxi-qu" / "index.html"])
        # its powers end with it (撤销枫溪区 2023): a place that is gone holds none
        assert "层级功能区（非建制区，1995年12月13日" in fengxi and "1995年12月13日—2023年10月31日行使县级区职能" in fengxi
        nav = re.sub(r"<[^>]+>|\s", "", pages[result.out / "dashiji" / "index.html"])
        assert nav.index("湘桥区") < nav.index("枫溪区")
        assert "饶平县划入潮州市" in city and "以潮安县城关镇设为潮安市" in city
        # the county that gave the area has the same one line on its page, never a second “设立潮安市”
        county = re.sub(r"<[^>]+>|\s", "", pages[result.out / "dashiji" / "chaoan-xian" / "index.html"])
        assert "以潮安县城关镇设为潮安市" in county and "设立潮安市" not in plain
        assert "潮安县更名为潮安区" not in plain
        assert "县市合并工作领导小组发出《关于合并后机构设置的通知》" in plain  # a 记事, in the 大事记
    if name == "pingyin":  # units whose end no source gives: 止年不详, in the chapter (directive) and on the page
        plain = re.sub(r"\s", "", text)
        assert "一科（民政，1939年10月2日—止年不详）" in plain and "工商局（1941年8月—止年不详）" in plain
    if name == "haifeng":
        assert "1988年辖19个乡镇、3个农林场" in text
    if name == "shiyong":  # a published source is cited with the page the record gives
        assert "石永区公所处于半瘫痪状态。（《中国共产党四川省邻水县组织史资料（1926—1987）》，第351页）" in text
        office = re.sub(r"<[^>]+>|\s", "", next(t for p, t in pages.items() if p.parent.name == "sy-shengchan"))
        assert "1967年3月—止年不详" in office, office[:800]
        assert "今" not in office.split("石永区生产办公室", 2)[-1][:200]


def test_lishui_committee_renamed_and_back_keeps_its_departments_and_the_papers_news_are_memos():
    """《莲都区志》: 县委 → 中心县委 (1952) → 县委 (1953) is one body; a department set up under the 中心县委 and restored
    in 1962 has two periods; the newspaper's rename and closure are not a body's changes and are told as 记事."""
    from zhi.views.dashiji import dashiji
    from zhi.views.lineage import lineage

    a = load_archive(REAL / "lishui-xianwei")
    h = derive_history(a)
    names = [(p.value, p.start.chinese()) for p in lineage(a, h, "ls-xianwei").names]
    assert names == [("中共丽水县委员会", "1949年7月前"), ("中共丽水中心县委员会", "1952年11月"),
                     ("中共丽水县委员会", "1953年6月")]
    lives = [(p.start.chinese(), p.end.chinese() if p.end else None) for p in lineage(a, h, "ls-chengzhenbu").lives]
    assert lives == [("1952年11月", "1954年6月"), ("1962年4月", None)]
    assert h.get("ls-tongzhanbu").parent_on(h.get("ls-tongzhanbu").lives[0].start) == "ls-xianwei"
    told = [f"{it.date.chinese()}　{it.plain()}" for it in dashiji(a, h)]
    assert "1958年9月1日　《丽水报》改为《丽水日报》。" in told and "1961年2月15日　《丽水日报》停刊。" in told
    assert not any("撤销县机关《丽水报》社" in t for t in told)
