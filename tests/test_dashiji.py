"""大事记 (issue 15): selection by the house style's rules and the records' own choice, grouping by document and by
hand, full names with context, leaders by rule, the editor's 记事, the two forms, and secrecy of grouped entries."""

import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT, archive_with, make_archive
from zhi.checks import run_checks
from zhi.chronicle import load_book
from zhi.editions import filter_archive
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.project import load_house_style
from zhi.views.chronology import chronology
from zhi.views.dashiji import Rules, dashiji


@pytest.fixture(scope="module")
def sample():
    a = filter_archive(load_archive(ROOT), "public")
    h = derive_history(a)
    return a, h, chronology(a, h), dashiji(a, h)


def texts(items):
    return [(it.date.chinese(), it.plain()) for it in items]


def test_default_rules_give_a_book_sized_chronology(sample):
    a, _h, full, items = sample
    years = a.book.lower.year - a.book.upper.year + 1
    assert len(full) > 400                       # the 机构变动年表 keeps every change
    assert years // 2 <= len(items) <= 3 * years  # about 1–3 entries a year, as county volumes have (not 400+)
    per_year = Counter(it.date.year for it in items)
    assert max(per_year.values()) <= 12
    # no entry is a bare 编制核定 or 职能划转 of an ordinary department: those stay in the 年表
    assert not any(it.plain().startswith("核定") for it in items)
    # every event of the 大事记 is an event of the 年表
    in_full = {id(en.event) for en in full}
    assert all(id(e) in in_full for it in items for e in it.members)


def test_principal_bodies_are_selected_and_ordinary_departments_are_not(sample):
    _a, _h, _full, items = sample
    got = {s: d for d, s in texts(items)}
    assert got["设立县人民法院（简称县法院），为审判机关，正科级。"] == "1950年3月1日"          # a kind the rules list
    assert got["设立县编制委员会（简称县编委），隶属县革命委员会，为议事协调机构。"] == "1979年6月18日"  # 编委 by name
    assert got["县人民委员会更名为县革命委员会（简称县革委会）。"] == "1968年3月20日"     # a leading body
    assert not any("设立县卫生院" in s for s in got)      # a hospital under a department: the 年表 only
    assert not any("设立县水利科" in s for s in got)


def test_overrides_win_over_the_rules(sample):
    _a, _h, full, items = sample
    plain = [it.plain() for it in items]
    assert "撤销县委农村工作部，其职能并入县农业科。" in plain                 # dashiji: 收
    renamed = "青澜市公安局河东分局更名为青澜市公安局望川分局（简称望川公安分局）。"
    assert renamed not in plain and renamed in [en.plain() for en in full]   # dashiji: 不收, still in the 年表


def test_one_document_one_day_is_one_entry_in_its_order(sample):
    _a, _h, _full, items = sample
    got = texts(items)
    assert ("1980年4月10日", ("县财政科、县民政科、县教育科、县文化科、县农业科、县林业科、县卫生科、县统计科、县水利科"
            "分别改称县财政局、县民政局、县教育局、县文化局、县农业局、县林业局、县卫生局、县统计局、县水利局。")) in got
    first = next(s for d, s in got if d == "1949年9月20日")
    # the county's units and seat, stated by the same document that day, are part of the one entry (rule 1)
    assert first == "设立临水县、中共临水县委员会（简称县委）、县委组织部、县委宣传部；临水县辖12个乡；临水县县治驻城关镇。"
    # the 2020 merger: one entry for the jurisdictions, in the document's order
    merger = [s for d, s in got if d == "2020年9月1日"]
    assert merger[0].startswith("撤销临水县，其行政区域分别划归河东区、北山区")
    assert "分别并入" in merger[1] and merger[1].index("县委办公室") < merger[1].index("县档案馆")


def test_grouping_by_hand(sample):
    _a, _h, _full, items = sample
    assert ("2018年2月6日", "设立区监察委员会（简称区监委），副县级；撤销区监察局，其职能并入区监察委员会。") \
        in texts(items)


def test_issuer_and_action_lead_the_entry_without_redating_the_approval(sample):
    _a, _h, _full, items = sample
    # the 国务院's approval is of 1983-07-16; the district was set up on 1983-10-01: “经…批准”, not “国务院批准”
    assert ("1983年10月1日", "经国务院批准，以东关街道、滨江街道、新华街道、东郊公社设立河东区。") in texts(items)


def test_no_out_of_scope_body_gets_an_entry(sample):
    _a, h, _full, items = sample
    outside = {t.id for t in h.timelines.values() if t.outside}
    assert outside
    for it in items:
        for e in it.members:
            assert not all(r.id in outside for r in e.participants())
    assert not any("北山区。" == it.plain()[-4:] and it.plain().startswith("设立北山区") for it in items)
    assert not any(it.date.qualifier == "before" for it in items)


def test_leaders_by_rule(sample):
    _a, _h, _full, items = sample
    leaders = [(d, s) for d, s in texts(items) if "任" in s and s.endswith(("书记。", "县长。", "区长。", "主任。"))]
    assert ("1949年9月", "王振东任县委书记。") in leaders
    assert ("1949年10月", "赵连山任临水县县长。") in leaders
    assert ("1984年2月", "方玉琴任区编办主任。") in leaders
    assert not any(s.endswith("局长。") or "妇联主任" in s for _, s in leaders)  # not a principal post


def test_memos_are_sorted_in_and_the_internal_one_stays_internal():
    raw = load_archive(ROOT)
    for edition, want in (("public", False), ("internal", True)):
        a = filter_archive(raw, edition)
        items = dashiji(a, derive_history(a))
        plain = [it.plain() for it in items]
        assert "中共临水县委员会、临水县人民政府印发《临水县党政机构改革方案》，县级党政机构改革开始。" in plain
        assert any(p.startswith("县编制委员会召开会议") for p in plain) is want
        i = plain.index("中共临水县委员会、临水县人民政府印发《临水县党政机构改革方案》，县级党政机构改革开始。")
        assert items[i].date.chinese() == "1984年2月20日" and items[i].sources[0].number == "临发〔1984〕5号"
        assert items[i - 1].date.sort_key() <= items[i].date.sort_key() <= items[i + 1].date.sort_key()


# the document the small archives below cite for their changes of 1966
D9 = {"sources/documents/d9.yaml": "id: d-9\nnumber: 测〔1966〕9号\nissuer: 测试县人民委员会\n"
                                   "date: 1966-05-10\ntitle: 关于机构调整的通知\n"}


def test_a_bare_name_is_printed_as_recorded_never_composed(tmp_path):
    """The record says 办公室: the 大事记 prints 办公室, not “县人委办公室”, a name no source gives (the editor records
    the full name the source gives; real test material: 《莲都区志》's 财政委员会 printed “中心县委财政委员会”)."""
    root = archive_with(tmp_path, """
- id: ev-bgs
  type: establish
  date: 1960-01-01
  body: cs-bgs
  name: 办公室
  parent: cs-zhengfu
  sources: [d-1956-1]
- id: ev-bgs-end
  type: abolish
  date: 1966-05-10
  body: cs-bgs
  sources: [d-9]
""", bodies={"cs-bgs": "政府工作部门"}, files=D9)
    a = load_archive(root)
    h = derive_history(a)
    plain = [en.plain() for en in chronology(a, h)]
    assert "撤销办公室。" in plain and not any("人委办公室" in p for p in plain)
    assert any(p.startswith("设立办公室，隶属测试县人民委员会") for p in plain)


def test_a_grouped_entry_in_the_public_edition_holds_nothing_secret(tmp_path):
    """Canary: a secret change made by the same document on the same day as a public one."""
    root = archive_with(tmp_path, """
- id: ev-a
  type: abolish
  date: 1966-05-10
  body: cs-jingwei
  sources: [d-9]
- id: ev-secret
  type: establish
  date: 1966-05-10
  body: cs-canary
  name: 测试县金丝雀办公室
  parent: cs-zhengfu
  classification: 秘密
  sources: [d-9]
- id: ev-c
  type: abolish
  date: 1966-05-10
  body: cs-jiwei
  sources: [d-9]
""", files=D9 | {"sources/bodies/canary.yaml": "id: cs-canary\nkind: 政府工作部门\nclassification: 秘密\n"})
    raw = load_archive(root)
    rules = Rules.from_options({"reform": 2})
    for edition in ("public", "internal"):
        a = filter_archive(raw, edition)
        items = dashiji(a, derive_history(a), rules)
        text = "".join(it.plain() for it in items)
        assert "撤销县经委、县计委。" in text or "撤销测试县经济委员会、测试县计划委员会。" in text
        assert "金丝雀" not in text and all(e.id != "ev-secret" for it in items for e in it.members)


def test_overrides_and_rules_are_read_and_wrong_values_are_reported(tmp_path):
    root = archive_with(tmp_path, """
- id: ev-x
  type: abolish
  date: 1966-05-10
  body: cs-jingwei
  dashiji: 收
  sources: [d-9]
- id: ev-y
  type: abolish
  date: 1966-06-01
  body: cs-jiwei
  大事记: 也许
  sources: [d-9]
""", files=D9 | {"sources/house-style.yaml": "dashiji:\n  reform: 多\n  kinds: [人大机关, 人大]\n  colour: red\n"})
    a = load_archive(root)
    bad = [f for f in a.findings if f.code == "schema-value"]
    assert bad and "只能写“收”" in bad[0].message and bad[0].loc.line > 0
    hs = load_house_style(root)
    msgs = " ".join(f.message for f in hs.findings)
    assert "reform" in msgs and "“人大”不是机构类别" in msgs and "colour" in msgs
    assert hs.dashiji == {"kinds": ["人大机关"]}
    items = dashiji(a, derive_history(a))
    assert [it.plain() for it in items if it.date.year == 1966] == ["撤销测试县经济委员会。"]


def test_memo_needs_a_source_and_is_checked_like_prose(tmp_path):
    from zhi.checks import run_checks
    root = archive_with(tmp_path, "[]\n", files=D9 | {"sources/memos/m.yaml": """
- date: 1966-05-16
  text: 县委召开扩大会议，成立县文化革命领导小组
  sources: []
- date: 1967-01
  text: 县委召开会议，总结机构改革取得的显著成效，目前正在推广。
  sources: [d-9]
"""})
    a = load_archive(root)
    found = run_checks(a)
    codes = {(f.code, f.loc.line) for f in found}
    assert ("memo-no-source", 2) in codes and ("memo-text", 3) in codes
    assert any(f.code == "style-evaluative" and f.loc.line == 5 for f in found)
    assert any(f.code == "style-relative-time" and f.loc.line == 5 for f in found)


def test_full_date_form_is_chosen_in_book_yaml(tmp_path):
    root = make_archive(tmp_path)
    p = root / "chronicle" / "book.yaml"
    p.write_text(p.read_text(encoding="utf-8") + "dashiji_form: 日期\n", encoding="utf-8")
    assert load_book(root).dashiji_form == "日期"
    p.write_text(p.read_text(encoding="utf-8").replace("dashiji_form: 日期", "dashiji_form: 倒序"), encoding="utf-8")
    book = load_book(root)
    assert book.dashiji_form == "年" and any(f.code == "schema-value" for f in book.findings)


REAL = Path(__file__).resolve().parent / "fixtures" / "real"


def test_real_books_entries_covered_by_the_default_rules():
    """Three real published 大事记 (tests/fixtures/real/*/README.md): every institutional entry the book carries is
    in the 年表; the default rules select the leading bodies' and the committees' departments' changes, and leave
    out only the government's 科/局, a state-run unit and a 领导小组 (left to the 机构 chapters and the 年表)."""
    covered = {}
    for name in ("huade", "zhengning-1966", "luoding-1949"):
        a = load_archive(REAL / name)
        h = derive_history(a)
        full = chronology(a, h)
        picked = {id(e) for it in dashiji(a, h) for e in it.members}
        assert len(full) == len([e for e in a.events if e.date.qualifier != "before"])   # the book's all in the 年表
        left = [en for en in full if id(en.event) not in picked]
        for en in left:
            t = h.get(en.event.participants()[0].id)
            kind = a.bodies[t.id].body_kind if t.id in a.bodies else ""
            assert kind in ("政府工作部门", "事业单位", "企业", "议事协调机构"), en.plain()
        covered[name] = (len(full) - len(left), len(full))
    assert covered["huade"][0] >= 10 and covered["luoding-1949"] == (7, 7)
    print("covered by the default rules:", covered)


def test_real_book_disagreeing_with_itself_is_printed_with_both_readings():
    """《绥棱县志》: the 人民政府 section dates the change to 县人民委员会 1954-03-27, its 大事记 1955-03-25."""
    a = load_archive(REAL / "suiling-zhengfu")
    h = derive_history(a)
    items = dashiji(a, h)
    it = next(i for i in items if "更名为绥棱县人民委员会" in i.plain())
    assert it.date.chinese() == "1954年3月27日"
    assert it.note_texts()[0] == "另据《绥棱县志》大事记（1952—1957、1963—1967），为1955年3月25日。"
    memos = [(i.date.chinese(), i.plain()) for i in items if i.kind == "memo"]
    assert ("1954年3月27日至29日", "召开绥棱县首届人民代表大会第一次会议，选举产生县人民政府组成人员。") in memos
    assert ("1963年7月", "召开中国人民政治协商会议第二届绥棱县委员会会议。") in memos
    assert ("1945年11月22日", "杜效伯任绥棱县县长。") in [(i.date.chinese(), i.plain()) for i in items]


def test_built_site_keeps_a_grouped_secret_out_and_the_full_list_in(tmp_path):
    """The edition filter runs before the 大事记 is made: the public site's 大事记 and 年表 hold the public changes of
    the document, never the secret one's name, and the build's own leak scan passes."""
    from conftest import with_theme
    from zhi.build import build_edition

    root = with_theme(archive_with(tmp_path, """
- {id: ev-ka, type: establish, date: 1960, body: cs-ka, name: 测试县档案科, parent: cs-zhengfu, sources: [d-1956-1]}
- {id: ev-kb, type: establish, date: 1960, body: cs-kb, name: 测试县统计科, parent: cs-zhengfu, sources: [d-1956-1]}
- id: ev-a
  type: abolish
  date: 1966-05-10
  body: cs-ka
  sources: [d-9]
- id: ev-secret
  type: establish
  date: 1966-05-10
  body: cs-canary
  name: 测试县金丝雀办公室
  parent: cs-zhengfu
  classification: 秘密
  sources: [d-9]
- id: ev-c
  type: abolish
  date: 1966-05-10
  body: cs-kb
  dashiji: 收
  sources: [d-9]
""", bodies={"cs-ka": "政府工作部门", "cs-kb": "政府工作部门"},
      files=D9 | {"sources/bodies/canary.yaml": "id: cs-canary\nkind: 政府工作部门\nclassification: 秘密\n",
      "sources/memos/m.yaml": "- date: 1966-05\n  text: 测试县人民委员会召开会议，研究机构调整。\n  sources: [d-9]\n"}))
    out = build_edition(root, pdf=False).out
    raw = (out / "dashiji" / "index.html").read_text(encoding="utf-8")
    dsj = re.sub(r"<[^>]+>", "", raw)
    full = re.sub(r"<[^>]+>", "", (out / "dashiji" / "nianbiao" / "index.html").read_text(encoding="utf-8"))
    assert "金丝雀" not in dsj + full and "ev-secret" not in raw + full
    assert "撤销测试县档案科、测试县统计科" in dsj and "测试县人民委员会召开会议，研究机构调整。" in dsj
    assert "撤销测试县档案科" in full and "研究机构调整" not in full   # a 记事 is not a change of any body
    assert 'id="ev-a"' in raw and 'id="ev-c"' in raw                      # both events of the entry keep anchors


def test_changes_of_one_date_print_in_the_order_the_editor_wrote_them(tmp_path):
    """Tester run 5 (《平阴县志》: “1945年10月，平阿县抗日民主政府撤销，建立平阴县民主政府”): the creation was printed first."""
    from zhi.views.chronology import chronology
    root = archive_with(tmp_path, """
- {id: e-a, type: establish, date: 1940-03, body: cs-a, name: 测试县甲政府, jurisdiction: cs-xian, sources: [d-1956-1]}
- {id: e-a-end, type: abolish, date: 1945-10, body: cs-a, sources: [d-1956-1]}
- {id: e-b, type: establish, wording: 建立, date: 1945-10, body: cs-b, name: 测试县乙政府, jurisdiction: cs-xian, sources: [d-1956-1]}
""", {"cs-a": "政府", "cs-b": "政府"})
    a = load_archive(root)
    printed = [en.plain() for en in chronology(a, derive_history(a)) if en.date.year == 1945]
    assert printed == ["撤销测试县甲政府。", "建立测试县乙政府。"]


def test_changes_of_one_date_keep_the_editors_order_in_the_dashiji_too(tmp_path):
    """Entries of one date from different documents print in the order the editor wrote them (the source's: “平阿县抗日
    民主政府撤销，建立平阴县民主政府”), as the 年表 does: the 大事记 put the establishment first, by its event type."""
    root = archive_with(tmp_path, """
- {id: e-a, type: establish, date: 1950-03, body: cs-a, name: 测试县甲政府, jurisdiction: cs-xian, sources: [d-1956-1]}
- {id: e-z-end, type: abolish, date: 1955-10, body: cs-a, sources: [d-1956-1]}
- {id: e-b, type: establish, wording: 建立, date: 1955-10, body: cs-b, name: 测试县乙政府, jurisdiction: cs-xian, sources: [d-1984-7]}
- {id: e-c, type: rename, date: 1955-10, body: cs-b, name: 测试县丙政府, sources: [d-1990-3]}
""", {"cs-a": "政府", "cs-b": "政府"})
    a = load_archive(root)
    h = derive_history(a)
    printed = [it.plain() for it in dashiji(a, h) if it.date.year == 1955]
    assert printed == ["撤销测试县甲政府。", "建立测试县乙政府。", "测试县乙政府更名为测试县丙政府。"]
    assert [en.plain() for en in chronology(a, h) if en.date.year == 1955] == printed
    from zhi.views.lineage import lineage
    assert [en.plain() for en in lineage(a, h, "cs-b").events] == printed[1:]     # the body page's 沿革 too


def test_a_dashiji_its_rules_leave_empty_is_a_warning_and_says_so_in_print(tmp_path):
    """A book of 群团 bodies only (a tester typing 《安远县志》's 妇联): the default rules take none of its changes,
    and the 大事记 printed as an empty chapter with no word of why. Now zhi check warns, and the page says it."""
    from conftest import with_theme
    from zhi.build import build_edition
    from zhi.checks import run_checks

    rules = "dashiji:\n  types: [rename]\n  top: false\n  jurisdictions: false\n  reform: 0\n  leaders: []\n  kinds: []\n" \
            "  names: []\n  ranks: []\n"
    root = make_archive(tmp_path)
    (root / "sources/house-style.yaml").write_text(rules, encoding="utf-8")
    a = load_archive(root)
    h = derive_history(a)
    assert dashiji(a, h) == [] and chronology(a, h)
    found = [f for f in run_checks(a) if f.code == "dashiji-empty"]
    assert found and found[0].severity == "warning" and "都不合大事记的收录规则" in found[0].message
    assert found[0].loc.file == "sources/house-style.yaml"
    res = build_edition(with_theme(root), pdf=False)
    page = (res.out / "dashiji" / "index.html").read_text(encoding="utf-8")
    assert "本页没有大事记条目" in page and "nianbiao/" in page
    # with the rules that take them, no warning
    (root / "sources/house-style.yaml").unlink()
    assert not [f for f in run_checks(load_archive(root)) if f.code == "dashiji-empty"]


def test_a_batch_of_townships_reaches_the_dashiji_by_one_dashiji_key_on_its_group(tmp_path):
    """南安县 (tester13): eleven 乡 set up on one day in one sentence (manual group) stayed in the 年表 only; the guide
    (dashiji.md “同一天建立的十一个乡”) says one `dashiji: 收` on any of them takes the whole group in."""
    events = """
- {id: e1, type: establish, wording: 建立, date: 1984-10-01, body: cs-a, name: 甲乡, jurisdiction: cs-xian, group: g-1984, %s sources: [d-1956-1]}
- {id: e2, type: establish, wording: 建立, date: 1984-10-01, body: cs-b, name: 乙乡, jurisdiction: cs-xian, group: g-1984, sources: [d-1956-1]}
- {id: e3, type: establish, wording: 建立, date: 1984-10-01, body: cs-c, name: 丙乡, jurisdiction: cs-xian, group: g-1984, sources: [d-1956-1]}
"""
    for said, expected in (("", False), ("dashiji: 收,", True)):
        root = archive_with(tmp_path / str(expected), events % said, dict.fromkeys(("cs-a", "cs-b", "cs-c"), "乡镇"))
        a = load_archive(root)
        h = derive_history(a)
        assert not [f for f in run_checks(a, history=h) if f.severity == "error"]
        printed = [it.plain() for it in dashiji(a, h, Rules.from_options({}))]
        assert ("建立甲乡、乙乡、丙乡。" in printed) is expected, printed   # no “，均为乡镇”: the names say it
