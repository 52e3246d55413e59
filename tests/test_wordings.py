"""Issue 11: every event type that takes the source's ``wording`` prints a grammatical sentence with it, or refuses
the wording with a Chinese message. The table below is each type × the wordings the guide allows (and the ones that
were printed wrongly: 改称为, 划归为, a merge with ``partly`` that dropped its wording)."""

import pytest
from conftest import archive_with
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import sentence_of
from zhi.wordings import superior_relation

NEAR = {"sources/jurisdictions/near.yaml": "id: cs-near\nlevel: 县\n"}
MORE = """
- {id: ev-a, type: establish, date: 1956-06-01, body: cs-a, name: 测试县计划委员会, jurisdiction: cs-xian, sources: [d-1956-1]}
- {id: ev-b, type: establish, date: 1956-06-01, body: cs-b, name: 测试县经济委员会, jurisdiction: cs-xian, sources: [d-1956-1]}
- {id: ev-x, type: establish, date: 1956-06-01, body: cs-x, name: 测试县物资局, jurisdiction: cs-xian, sources: [d-1956-1]}
- {id: ev-near, type: establish, date: 1956-01, body: cs-near, name: 邻县, sources: [d-1956-1]}
"""
NEW = "{id: cs-new, name: 测试县计划物资委员会, jurisdiction: cs-xian}"
JI, JING, X, NEWN = "测试县计划委员会", "测试县经济委员会", "测试县物资局", "测试县计划物资委员会"

CASES = [
    # rename: 为 after 更名/改名/复名/易名, never after 改称/称 (改称乙)
    ("rename", "{type: rename, body: cs-a, name: 测试县计划局}", f"{JI}更名为测试县计划局"),
    ("rename 改称", "{type: rename, body: cs-a, name: 测试县计划局, wording: 改称}", f"{JI}改称测试县计划局"),
    ("rename 复名", "{type: rename, body: cs-a, name: 测试县计划局, wording: 复名}", f"{JI}复名为测试县计划局"),
    ("rename 改名", "{type: rename, body: cs-a, name: 测试县计划局, wording: 改名}", f"{JI}改名为测试县计划局"),
    ("rename 易名", "{type: rename, body: cs-a, name: 测试县计划局, wording: 易名}", f"{JI}易名为测试县计划局"),
    ("rename 更名为", "{type: rename, body: cs-a, name: 测试县计划局, wording: 更名为}", f"{JI}更名为测试县计划局"),
    ("rename 改为", "{type: rename, body: cs-a, name: 测试县计划局, wording: 改为}", f"{JI}改为测试县计划局"),
    # add-name: the source's 仍保留 (惠民县志: 仍保留县供销合作社名称，一个机构两个牌子); none → 加挂
    ("add-name", "{type: add-name, body: cs-a, name: 测试县物价局}", f"{JI}加挂测试县物价局牌子"),
    ("add-name 仍保留", "{type: add-name, body: cs-a, name: 测试县物价局, wording: 仍保留}", f"{JI}仍保留测试县物价局牌子"),
    # merge into a body that lives on
    ("merge into", "{type: merge, before: [cs-a, cs-b], after: cs-b}", f"{JI}并入{JING}"),
    ("merge into 划归", "{type: merge, before: [cs-a, cs-b], after: cs-b, wording: 划归}",
     f"{JI}划归{JING}"),
    ("merge into 划入", "{type: merge, before: [cs-a, cs-b], after: cs-b, wording: 划入}",
     f"{JI}划入{JING}"),
    ("merge into 撤并", "{type: merge, before: [cs-a, cs-b], after: cs-b, wording: 撤并}",
     f"{JI}撤并入{JING}"),
    ("merge into 合并", "{type: merge, before: [cs-a, cs-b], after: cs-b, wording: 合并}",
     f"{JI}与{JING}合并"),
    # 隆尧、临城、柏乡、内丘四县合并为内丘县 (《内丘县志》, the tester): the survivor among them and as the result
    ("merge into 合并为", "{type: merge, before: [cs-a, cs-x, cs-b], after: cs-b, wording: 合并为}",
     f"{JI}、{X}与{JING}合并为{JING}"),
    # 县商业局与县供销合作社合并 (《惠民县志》): the order typed is the source's, the survivor first here
    ("merge into 合并, survivor first", "{type: merge, before: [cs-b, cs-a], after: cs-b, wording: 合并}",
     f"{JING}与{JI}合并"),
    # merge making a new body
    ("merge new 合并为", f"{{type: merge, before: [cs-a, cs-b], after: {NEW}, wording: 合并为}}",
     f"{JI}、{JING}合并为{NEWN}"),
    ("merge new 合并", f"{{type: merge, before: [cs-a, cs-b], after: {NEW}, wording: 合并}}",
     f"{JI}、{JING}合并为{NEWN}"),
    ("merge new 合并组建", f"{{type: merge, before: [cs-a, cs-b], after: {NEW}, wording: 合并组建}}",
     f"{JI}、{JING}合并组建{NEWN}"),
    ("merge new 撤并", f"{{type: merge, before: [cs-a, cs-b], after: {NEW}, wording: 撤并}}",
     f"{JI}、{JING}撤并为{NEWN}"),
    ("merge new 划归", f"{{type: merge, before: [cs-a, cs-b], after: {NEW}, wording: 划归}}",
     f"{JI}、{JING}划归{NEWN}"),
    # merge with partly: the wording is honoured, not dropped
    ("merge partly into 划归", "{type: merge, before: [cs-a, cs-x], partly: [cs-b], after: cs-x, wording: 划归}",
     f"{JI}及{JING}的一部分划归{X}"),
    ("merge partly into", "{type: merge, before: [cs-a, cs-x], partly: [cs-b], after: cs-x}",
     f"{JI}及{JING}的一部分并入{X}"),
    ("merge partly new 合并为", f"{{type: merge, before: [cs-a], partly: [cs-b], after: {NEW}, wording: 合并为}}",
     f"{JI}与{JING}的一部分合并为{NEWN}"),
    ("merge parts new 合并组建",
     f"{{type: merge, before: [], partly: [cs-a, cs-b], after: {NEW}, wording: 合并组建}}",
     f"{JI}、{JING}的各一部分合并组建{NEWN}"),
    ("merge partly new", f"{{type: merge, before: [cs-a], partly: [cs-b], after: {NEW}}}",
     f"{JI}与{JING}的一部分合并设立{NEWN}"),   # no 撤销 the source does not say (wording: 撤销 says it)
    # the other types print the wording where their default verb stands
    ("co-locate 合署", "{type: co-locate, bodies: [cs-a, cs-b], wording: 合署}", f"{JI}与{JING}合署"),
    ("separate 分治", "{type: separate, bodies: [cs-a, cs-b], wording: 分治}", f"{JI}与{JING}分治"),
    ("separate 分出", "{type: separate, bodies: [cs-a, cs-b], wording: 分出}", f"{JI}从{JING}分出"),
    ("suspend 停止工作", "{type: suspend, body: cs-a, wording: 停止工作}", f"{JI}停止工作"),
    ("rerank 升格", "{type: 升格, body: cs-a, rank: 副县级}", f"{JI}升格为副县级"),
    ("rerank 降格", "{type: 降格, body: cs-a}", f"{JI}降格"),
    ("cede", "{type: cede, from: cs-near, to: cs-xian, places: [甲乡]}", "邻县的甲乡划归测试县"),
    ("cede 划属", "{type: cede, from: cs-near, to: cs-xian, places: [甲乡], wording: 划属}", "邻县的甲乡划属测试县"),
    ("cede 划入", "{type: cede, from: cs-near, to: cs-xian, places: [甲乡], wording: 划入}", "邻县的甲乡划入测试县"),
    ("move-seat 县治", "{type: move-seat, body: cs-xian, seat: 乙镇, wording: 县治}", "测试县县治迁至乙镇"),
    # a change of superior in the source's words; 撤县设区 told as 撤销…设立…; 升格 with a level
    ("reparent 代管", "{type: reparent, body: cs-xian, parent: cs-near, wording: 代管}", "测试县由邻县代管"),
    ("reparent 直接领导", "{type: reparent, body: cs-xian, parent: cs-near, wording: 直接领导}", "测试县改由邻县直接领导"),
    ("reparent 划入", "{type: reparent, body: cs-a, parent: cs-b, wording: 划入}", f"{JI}划入{JING}"),
    ("rename 撤县设区", "{type: rename, body: cs-xian, name: 测试区, wording: 撤县设区}", "撤销测试县，设立测试区"),
    # 南安县 (tester13): 1965年撤区置城关人民公社 printed 城关区撤区置为城关人民公社; every 撤甲设乙/置乙/建乙 form reads so
    ("rename 撤区置", "{type: rename, body: cs-xian, name: 测试人民公社, wording: 撤区置}", "撤销测试县，设置测试人民公社"),
    ("rename 撤县建市", "{type: rename, body: cs-xian, name: 测试市, wording: 撤县建市}", "撤销测试县，建立测试市"),
    ("rerank 升格 level", "{type: 升格, body: cs-xian, level: 县级市}", "测试县升格为县级市"),
    ("seat 县人民政府", "{type: seat, body: cs-xian, seat: 甲镇, wording: 县人民政府}", "测试县人民政府驻甲镇"),
    ("restore", "{type: restore, body: cs-a}", f"恢复{JI}"),
    ("restore 复设", "{type: restore, body: cs-a, wording: 复设}", f"复设{JI}"),
    ("restore 重建", "{type: restore, body: cs-a, wording: 重建}", f"重建{JI}"),
    ("resume 恢复工作", "{type: resume, body: cs-a, wording: 恢复工作}", f"{JI}恢复工作"),
    ("rerank level", "{type: rerank, body: cs-xian, level: 县级市}", "测试县改为县级市"),
    ("rerank level 恢复县建制", "{type: rerank, body: cs-xian, level: 县, wording: 恢复县建制}", "测试县恢复县建制"),
    # found by a tester on 《漳州芗城文史资料》 (漳州市升为地级市): a verb that leads to the level printed it alone
    ("rerank level 升为", "{type: rerank, body: cs-xian, level: 县级市, wording: 升为}", "测试县升为县级市"),
    ("rerank level 改设为 names it", "{type: rerank, body: cs-xian, level: 县级市, wording: 撤县设县级市}", "测试县撤县设县级市"),
    # 擅改名称: always 擅自将…, never a lawful 更名, whatever verb the source uses
    ("unofficial-name", "{type: 擅改名称, body: cs-a, name: 红旗委员会, by: 造反派}", f"造反派擅自将{JI}改名为红旗委员会"),
    ("unofficial-name 改称", "{type: 擅改名称, body: cs-a, name: 红旗委员会, wording: 改称}", f"擅自将{JI}改称红旗委员会"),
    ("unofficial-name 擅自更名", "{type: 擅改名称, body: cs-a, name: 红旗委员会, wording: 擅自更名}",
     f"擅自将{JI}更名为红旗委员会"),
    # 机构数: the jurisdiction's name, the scope without its level word repeated, the figures as the source gives
    ("body-count", "{type: 机构数, body: cs-xian, scope: 县政府工作部门, count: 2}", "测试县政府工作部门为2个"),
    ("body-count 增至", "{type: 机构数, body: cs-xian, scope: 政府工作部门, count: 2, wording: 增至}",
     "测试县政府工作部门增至2个"),
    ("body-count from", "{type: 机构数, body: cs-xian, scope: 党政机构, count_before: 48, count: 31}",
     "测试县党政机构由48个减为31个"),
    ("body-count from up", "{type: 机构数, body: cs-xian, scope: 党政机构, count_before: 1, count: 5}",
     "测试县党政机构由1个增至5个"),
]


def _one(tmp_path, event: str):
    before = {"separate": "- {id: ev-co, type: co-locate, date: 1958, bodies: [cs-a, cs-b], sources: [d-1956-1]}\n",
              "restore": "- {id: ev-ab, type: abolish, date: 1958, body: cs-a, sources: [d-1956-1]}\n",
              "resume": "- {id: ev-su, type: suspend, date: 1958, body: cs-a, sources: [d-1956-1]}\n",
              "恢复原名": "- {id: ev-un, type: 擅改名称, date: 1958, body: cs-a, name: 红旗委员会, sources: [d-1956-1]}\n"}
    text = MORE + "".join(v for k, v in before.items() if f"type: {k}" in event) + f"- {{id: ev-w, date: 1960-05, sources: [d-1956-1], {event[1:]}\n"
    bodies = {"cs-a": "政府工作部门", "cs-b": "政府工作部门", "cs-x": "政府工作部门"} | ({"cs-new": "政府工作部门"} if "cs-new" in event else {})
    a = load_archive(archive_with(tmp_path, text, bodies, NEAR))
    return a, derive_history(a)


@pytest.mark.parametrize("label,event,expected", CASES, ids=[c[0] for c in CASES])
def test_each_wording_prints_a_grammatical_sentence(tmp_path, label, event, expected):
    a, h = _one(tmp_path, event)
    errors = [f for f in run_checks(a) if f.severity == "error"]
    assert not errors, errors
    e = next(e for e in a.events if e.id == "ev-w")
    printed = sentence_of(a, h, e)
    assert printed.startswith(expected), printed
    assert "为为" not in printed and "称为" not in printed and "归为" not in printed


REFUSED = [
    ("merge into 组建", "{type: merge, before: [cs-a, cs-b], after: cs-b, wording: 合并组建}", "合并设立新机构"),
    ("merge 分出", "{type: merge, before: [cs-a, cs-b], after: cs-b, wording: 分出}", "不是合并的说法"),
    ("rename 撤区", "{type: rename, body: cs-xian, name: 测试人民公社, wording: 撤区}", "撤县设区、撤区置、撤县建市"),
    ("cede 划出", "{type: cede, from: cs-near, to: cs-xian, places: [甲乡], wording: 划出}", "划出的说法"),
    ("reparent 撤销并入", "{type: reparent, body: cs-a, parent: cs-b, wording: 撤销并入}", "另一种事件"),
    ("reparent 成立", "{type: reparent, body: cs-a, parent: cs-b, wording: 成立}", "另一种事件"),
    # one rule for every type (Fields.wording): a blank or a stray mark printed inside the sentence
    ("establish 成 立", "{type: establish, body: cs-new, name: 测试县甲组, jurisdiction: cs-xian, wording: 成 立}",
     "印在事件的句子里"),
    ("establish 成立。", "{type: establish, body: cs-new, name: 测试县甲组, jurisdiction: cs-xian, wording: 成立。}",
     "印在事件的句子里"),
    ("reparent 代 管", "{type: reparent, body: cs-a, parent: cs-b, wording: \"代\u00a0管\"}", "印在事件的句子里"),
    ("merge 改建为，", "{type: merge, before: [cs-a, cs-b], after: cs-b, wording: 并入，}", "印在事件的句子里"),
    ("rename ，改称", "{type: rename, body: cs-a, name: 测试县计划局, wording: ，改称}", "印在事件的句子里"),
    ("reorganise 改建为；", "{type: reorganise, before: [cs-a], after: [cs-x], wording: 改建为；}", "印在事件的句子里"),
]




# every type that takes a wording, with a wording its source may use (accepted) and the review tester's slips of it:
# an aspect particle 了, a blank (ASCII or full-width), a full stop — each printed inside the sentence when let through
EVERY_TYPE = [
    ("establish", "{type: establish, body: cs-new, name: 测试县甲组, jurisdiction: cs-xian, wording: %s}", "成立", "成立了"),
    ("establish 设置", "{type: establish, body: cs-new, name: 测试县甲组, jurisdiction: cs-xian, wording: %s}", "设置",
     "设置了"),
    ("rename", "{type: rename, body: cs-a, name: 测试县计划局, wording: %s}", "改称", "改称了"),
    ("merge", "{type: merge, before: [cs-a, cs-b], after: cs-b, wording: %s}", "并入", "并入了"),
    ("reparent", "{type: reparent, body: cs-xian, parent: cs-near, wording: %s}", "代管", "代管了"),
    ("rejurisdiction", "{type: rejurisdiction, body: cs-a, jurisdiction: cs-near, wording: %s}", "复归", "复归了"),
    ("rerank level", "{type: rerank, body: cs-xian, level: 县, wording: %s}", "恢复县建制", "恢复了县建制"),
    ("restore", "{type: restore, body: cs-a, wording: %s}", "复设", "复设了"),
    ("add-name", "{type: add-name, body: cs-a, name: 测试县物价局, wording: %s}", "仍保留", "仍保留了"),
    ("co-locate", "{type: co-locate, bodies: [cs-a, cs-b], wording: %s}", "合署", "合署了"),
    ("separate", "{type: separate, bodies: [cs-a, cs-b], wording: %s}", "分治", "分治了"),
    ("suspend", "{type: suspend, body: cs-a, wording: %s}", "停止工作", "停止了工作"),
    ("resume", "{type: resume, body: cs-a, wording: %s}", "恢复工作", "恢复了工作"),
    ("reorganise", "{type: reorganise, before: [cs-a], after: [cs-x], wording: %s}", "改建为", "改建为了"),
    ("move-seat", "{type: move-seat, body: cs-xian, seat: 乙镇, wording: %s}", "县治", "县治迁移了"),
    ("seat", "{type: seat, body: cs-xian, seat: 甲镇, wording: %s}", "县人民政府", "县人民政府驻了"),
    ("cede", "{type: cede, from: cs-near, to: cs-xian, places: [甲乡], wording: %s}", "划属", "划属了"),
    ("split", f"{{type: split, before: [cs-a], after: [cs-a, {NEW}], wording: %s}}", "分出部分职能", "分出了部分职能"),
    ("unofficial-name", "{type: 擅改名称, body: cs-a, name: 红旗委员会, wording: %s}", "改称", "改称了"),
    ("restore-name", "{type: 恢复原名, body: cs-a, wording: %s}", "恢复原名", "恢复了原名"),
    ("body-count", "{type: 机构数, body: cs-xian, scope: 政府工作部门, count_before: 32, count: 24, wording: %s}",
     "精简为", "精简为了"),
]
SLIPS = [(label + " " + name, template % slip(good, le), said)
         for label, template, good, le in EVERY_TYPE
         for name, slip, said in [
             ("了", lambda g, le: le, "去掉“了”"),
             ("blank", lambda g, le: f"{g[0]} {g[1:]}", "印在事件的句子里"),
             ("U+3000", lambda g, le: f"{g[0]}\u3000{g[1:]}", "〔全角空格 U+3000〕"),
             ("full stop", lambda g, le: g + "。", "印在事件的句子里")]]


@pytest.mark.parametrize("label,event,good,_slip", EVERY_TYPE, ids=[c[0] for c in EVERY_TYPE])
def test_every_type_takes_its_sources_wording(tmp_path, label, event, good, _slip):
    """The control for SLIPS: the same record with the word the source uses checks clean and prints it."""
    a, h = _one(tmp_path, event % good)
    assert not [f for f in run_checks(a) if f.severity == "error"]
    e = next(e for e in a.events if e.id == "ev-w")
    assert e.wording == good
    printed = sentence_of(a, h, e)
    assert good in printed or good[:2] in printed, printed


# a reparent's wording maps to a relation only through the table of forms the guide lists (wordings.SUPERIOR_FORMS)
SUPERIOR = [
    ("代管", "测试县由邻县代管", "代管"),
    ("由…代管", "测试县由邻县代管", "代管"),
    ("交由…代管", "测试县交由邻县代管", "代管"),
    ("直接领导", "测试县改由邻县直接领导", "直接领导"),
    ("归…直接领导", "测试县归邻县直接领导", "直接领导"),
    ("划归…领导", "测试县划归邻县领导", "隶属"),
    ("划归……领导", "测试县划归邻县领导", "隶属"),
    ("改由…管理", "测试县改由邻县管理", "隶属"),
    ("划入", "测试县划入邻县", "隶属"),
]


@pytest.mark.parametrize("wording,printed,relation", SUPERIOR, ids=[c[0] for c in SUPERIOR])
def test_a_superior_form_prints_and_gives_its_relation(tmp_path, wording, printed, relation):
    from zhi.views.lineage import lineage

    a, h = _one(tmp_path, f"{{type: reparent, body: cs-xian, parent: cs-near, wording: {wording}}}")
    assert not [f for f in run_checks(a) if f.severity == "error"]
    e = next(e for e in a.events if e.id == "ev-w")
    assert sentence_of(a, h, e).startswith(printed)
    assert superior_relation(e) == relation  # the open data's 关系 column
    # the 隶属 table names a relation that is not plain 隶属: 邻县（代管）
    assert [p.relation for p in lineage(a, h, "cs-xian").parents if p.value == "邻县"] == [
        "" if relation == "隶属" else relation]


NEAR_SUPERIOR = [("代为管理", "是否应为“代管”"), ("由代管", "是否应为“由…代管”"), ("归县委领导", "是否应为“归…领导”"),
                 ("领导", "是否应为“直接领导”"), ("托管", "不是编辑指南所列的说法"), ("受…领导", "不是编辑指南所列的说法"),
                 ("代…管", "不是编辑指南所列的说法")]


# a split whose source lives on says no more than the record: 从甲分出，设立乙 for a body, as county volumes write it
# (从商业局分出单设; 析甲设立乙 is a place's wording) — not 分出部分职能, which no record said; the source's words for
# what went out of 甲 in wording, “…” standing for 甲 (析…南部)
SPLITS = [
    (None, f"从{JI}分出，设立{NEWN}"),
    ("分出部分职能", f"从{JI}分出部分职能，设立{NEWN}"),
    ("析出部分辖区", f"从{JI}析出部分辖区，设立{NEWN}"),
    ("析…南部", f"析{JI}南部，设立{NEWN}"),
    ("析……南部", f"析{JI}南部，设立{NEWN}"),
]


@pytest.mark.parametrize("wording,expected", SPLITS, ids=[str(c[0]) for c in SPLITS])
def test_a_split_says_what_its_source_says_was_split_off(tmp_path, wording, expected):
    said = f", wording: {wording}" if wording else ""
    a, h = _one(tmp_path, f"{{type: split, before: [cs-a], after: [cs-a, {NEW}]{said}}}")
    assert not [f for f in run_checks(a) if f.severity == "error"]
    printed = sentence_of(a, h, next(e for e in a.events if e.id == "ev-w"))
    assert printed.startswith(expected), printed
    assert "部分职能" not in printed or wording == "分出部分职能"


def test_a_place_split_reads_xi_and_a_body_split_does_not(tmp_path):
    """析甲县设立乙县 is how 区划 histories tell a place carved out of another; a body split off another is 从甲分出."""
    files = NEAR | {"sources/jurisdictions/newx.yaml": "id: cs-newx\nlevel: 县\n"}
    text = MORE + ("- {id: ev-w, type: split, date: 1960-05, sources: [d-1956-1], before: [cs-near], "
                   "after: [cs-near, {id: cs-newx, name: 新县}]}\n")
    a = load_archive(archive_with(tmp_path, text, {"cs-a": "政府工作部门", "cs-b": "政府工作部门", "cs-x": "政府工作部门"},
                                  files))
    h = derive_history(a)
    assert not [f for f in run_checks(a) if f.severity == "error"]
    assert sentence_of(a, h, next(e for e in a.events if e.id == "ev-w")).startswith("析邻县设立新县")
    b, hb = _one(tmp_path / "b", f"{{type: split, before: [cs-a], after: [cs-a, {NEW}]}}")
    printed = sentence_of(b, hb, next(e for e in b.events if e.id == "ev-w"))
    assert "析" not in printed and printed.startswith(f"从{JI}分出，设立{NEWN}")


RENAMED_SAME_DAY = "- {id: ev-r, type: rename, date: 1960-05, body: cs-a, name: 测试县计划局, short: 县计划局, sources: [d-1956-1]}\n"


def test_a_split_the_source_tells_as_fen_she_wei_prints_its_sentence(tmp_path):
    """县计划经济委员会分设为县计划委员会、县经济委员会 (the sample's 临发〔1990〕12号): the survivor under the name the
    same day's rename gives it, the new body's superior said of it alone; a split that ends its source: no 撤销."""
    a, h = _one(tmp_path, f"{{type: split, before: [cs-a], after: [cs-a, {NEW}], wording: 分设为}}\n" + RENAMED_SAME_DAY)
    assert not [f for f in run_checks(a) if f.severity == "error"]
    printed = sentence_of(a, h, next(e for e in a.events if e.id == "ev-w"))
    assert printed.startswith(f"{JI}分设为测试县计划局（简称县计划局）、{NEWN}"), printed
    text = MORE + ("- {id: ev-w, type: split, date: 1960-05, sources: [d-1956-1], before: [cs-a], wording: 分设为, after: "
                   "[{id: cs-n1, name: 测试县甲局, jurisdiction: cs-xian}, {id: cs-n2, name: 测试县乙局, jurisdiction: cs-xian}]}\n")
    b = load_archive(archive_with(tmp_path / "b", text, {r: "政府工作部门" for r in ("cs-a", "cs-b", "cs-x", "cs-n1", "cs-n2")},
                                  NEAR))
    hb = derive_history(b)
    assert not [f for f in run_checks(b) if f.severity == "error"]
    printed = sentence_of(b, hb, next(e for e in b.events if e.id == "ev-w"))
    assert printed.startswith(f"{JI}分设为测试县甲局、测试县乙局") and "撤销" not in printed, printed


def test_fen_she_wei_with_a_survivor_never_renamed_is_refused(tmp_path):
    """Without a new name that day the survivor cannot be named in 甲分设为乙、丙: refused, naming the file and line."""
    a, _ = _one(tmp_path, f"{{type: split, before: [cs-a], after: [cs-a, {NEW}], wording: 分设为}}")
    bad = [f for f in run_checks(a) if f.severity == "error"]
    assert len(bad) == 1 and "分设为" in bad[0].message and "更名" in bad[0].message, bad
    assert bad[0].loc.file.endswith("x.yaml") and bad[0].loc.line > 0


SPLIT_REFUSED = [
    ("设立", "[cs-a, " + NEW + "]", "不是这样的说法"),
    ("分出部分职能设立", "[cs-a, " + NEW + "]", "不是这样的说法"),
    ("撤销", "[cs-a, " + NEW + "]", "原机构保留"),
    ("部分职能", "[cs-a, " + NEW + "]", "不是这样的说法"),
    ("析…南…部", "[cs-a, " + NEW + "]", "不是这样的说法"),
    ("分出部分职能", "[cs-x, " + NEW + "]", "原机构不保留"),
]


EVERY_REFUSAL = REFUSED + SLIPS + [
    (f"reparent {w}", f"{{type: reparent, body: cs-xian, parent: cs-near, wording: {w}}}", said) for w, said in NEAR_SUPERIOR
] + [
    (f"split {w} {after[1:5]}", f"{{type: split, before: [cs-a], after: {after}, wording: {w}}}", said)
    for w, after, said in SPLIT_REFUSED
] + [("rename 改…为 (the frame dots are a reparent's and a split's)",
      "{type: rename, body: cs-a, name: 测试县计划局, wording: 改…为}", "只有隶属变更、分设"),
    # a word of another event between the old name and the new (惠民县志: 10月复建工商行政管理局, typed as a rename,
    # printed “市场管理委员会复建工商行政管理局”, found by the tester)
    ("rename 复建", "{type: rename, body: cs-a, name: 测试县计划局, wording: 复建}", "记恢复（restore，wording: 复建）"),
    ("rename 设立", "{type: rename, body: cs-a, name: 测试县计划局, wording: 设立}", "不是更名的说法"),
    ("add-name 撤销", "{type: add-name, body: cs-a, name: 测试县物价局, wording: 撤销}", "drop-name"),
    ("add-name 挂牌", "{type: add-name, body: cs-a, name: 测试县物价局, wording: 挂牌}", "“牌子”二字不写"),
    # letters or digits in a wording printed inside the sentence (党政机构plan由48个…)
    ("rename latin", "{type: rename, body: cs-a, name: 测试县计划局, wording: gaicheng}", "中有“gaicheng”"),
    ("establish digit", "{type: establish, body: cs-n, name: 测试县新局, wording: 成立2}", "中有“2”")]


@pytest.mark.parametrize("label,event,said", EVERY_REFUSAL, ids=[c[0] for c in EVERY_REFUSAL])
def test_a_wording_that_would_print_a_false_sentence_is_refused(tmp_path, label, event, said):
    a, _h = _one(tmp_path, event)
    found = [f for f in run_checks(a) if f.code == "schema-value" and "wording" in f.message]
    assert found and said in found[0].message, found
    assert "{" not in found[0].message, found[0].message  # every placeholder filled in (甲{wording}乙 was printed)
    assert found[0].loc.file.endswith("x.yaml") and found[0].loc.line
    assert next(e for e in a.events if e.id == "ev-w").wording is None  # nothing prints it


# the keys of a staffing figure are printed as written (正科级　1人): a 领导职数 level gets the wording's rule, and a
# kind of 编制 with a blank is named (not just “unknown”) with the kind it should be
STAFFING_KEYS = [
    ("level U+3000 at the edge", "{领导职数: {\"正科级\u3000\": 1}}", "“正科级〔全角空格 U+3000〕”有“〔全角空格 U+3000〕”"),
    ("level U+3000 inside", "{领导职数: {\"正\u3000科级\": 1}}", "〔全角空格 U+3000〕"),
    ("level blank inside", "{领导职数: {正 科级: 1}}", "中间和两头都不能有空格"),
    ("level full stop", "{领导职数: {正科级。: 1}}", "“。”"),
    ("level comma at the edge", "{领导职数: {\"副科级，\": 2}}", "“，”"),
    ("kind U+3000", "{\"行政编制\u3000\": 8}", "是否应为“行政编制”"),
]


@pytest.mark.parametrize("label,staffing,said", STAFFING_KEYS, ids=[c[0] for c in STAFFING_KEYS])
def test_a_staffing_key_with_a_blank_is_refused_naming_it(tmp_path, label, staffing, said):
    a, _h = _one(tmp_path, f"{{type: establish, body: cs-new, name: 测试县甲组, jurisdiction: cs-xian, staffing: {staffing}}}")
    found = [f for f in run_checks(a) if f.severity == "error" and f.loc.file.endswith("x.yaml")]
    assert found and said in found[0].message and found[0].loc.line == 6, found
    e = next(e for e in a.events if e.id == "ev-w")
    assert not any(k != k.strip() or "\u3000" in k or " " in k for k in {**e.staffing.posts, **e.staffing.leaders}), \
        e.staffing  # nothing with the blank is kept to be printed


def test_a_clean_staffing_key_is_printed_as_written(tmp_path):
    a, h = _one(tmp_path, "{type: establish, body: cs-new, name: 测试县甲组, jurisdiction: cs-xian, "
                          "staffing: {行政编制: 8, 领导职数: {正科级: 1, 副科级: 2}}}")
    assert not [f for f in run_checks(a) if f.severity == "error"]
    printed = sentence_of(a, h, next(e for e in a.events if e.id == "ev-w"))
    assert "正科级1名" in printed and "副科级2名" in printed and "行政编制8名" in printed, printed


def test_real_renames_keep_the_volumes_verbs(tmp_path):
    """Facts typed in from 《全州县志》 (qz0773.com/qzz/9/213.html, 乡镇企业管理机构): 1976年成立全州县社队企业办公室，
    仍隶属计委领导；1979年改名“全州县人民公社企业局”；1984年又改称“全州县人民政府乡镇企业管理局”；到1990年底名称未变.
    Each verb prints as the volume has it (成立, 改名为, 改称), and a wording slipped with 了 or a blank is refused."""
    from conftest import make_archive, write

    def load(rename_1984: str):
        root = make_archive(tmp_path / rename_1984.encode().hex())
        write(root, "sources/jurisdictions/qz.yaml", "id: qz-xian\nlevel: 县\n")
        write(root, "sources/bodies/qz.yaml", "- {id: qz-jiwei, kind: 政府工作部门}\n"
                                               "- {id: qz-qiye, kind: 政府工作部门, seen: [1990], sources: [d-qz]}\n")
        write(root, "sources/documents/qz.yaml", "- {id: d-qz, genre: 志书, title: 全州县志}\n")
        write(root, "sources/events/qz.yaml", f"""
- {{id: qz-1949, type: establish, date: 1949前, body: qz-xian, name: 全州县, sources: [d-qz]}}
- {{id: qz-jw, type: establish, date: 1976前, body: qz-jiwei, name: 全州县计划委员会, jurisdiction: qz-xian, sources: [d-qz]}}
- {{id: qz-1976, type: establish, wording: 成立, date: 1976, body: qz-qiye, name: 全州县社队企业办公室, parent: qz-jiwei,
   jurisdiction: qz-xian, sources: [d-qz]}}
- {{id: qz-1979, type: rename, wording: 改名, date: 1979, body: qz-qiye, name: 全州县人民公社企业局, sources: [d-qz]}}
- {{id: qz-1984, type: rename, wording: {rename_1984}, date: 1984, body: qz-qiye, name: 全州县人民政府乡镇企业管理局,
   sources: [d-qz]}}
""")
        a = load_archive(root)
        return a, derive_history(a)

    a, h = load("改称")
    assert not [f for f in run_checks(a) if f.severity == "error"]
    said = {e.id: sentence_of(a, h, e) for e in a.events if e.id.startswith("qz-19")}
    assert said["qz-1976"].startswith("全州县社队企业办公室成立")
    assert said["qz-1979"].startswith("全州县社队企业办公室改名为全州县人民公社企业局")
    assert said["qz-1984"].startswith("全州县人民公社企业局改称全州县人民政府乡镇企业管理局")
    for slip, what in (("改称了", "去掉“了”"), ("改\u3000称", "〔全角空格 U+3000〕")):
        a, _h = load(slip)
        found = [f for f in run_checks(a) if f.code == "schema-value" and f.loc.file.endswith("qz.yaml")]
        assert found and what in found[0].message and next(e for e in a.events if e.id == "qz-1984").wording is None


def test_a_level_change_on_the_day_of_a_rename_to_a_name_saying_it_names_the_body_as_it_was(tmp_path):
    """A tester's 滁县专区 renamed 滁县地区 and its level made 地区 on the same day (《滁县地区志》): the level change
    printed “滁县地区改为地区”; it is told of the name before the rename."""
    rename = "- {id: ev-r, type: rename, date: 1960-05, body: cs-xian, name: 测试地区, sources: [d-1956-1]}\n"
    _one(tmp_path, "{type: rerank, body: cs-xian, level: 地区}")
    root = tmp_path / "project"
    events = root / "sources/events/x.yaml"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("- {id: ev-w,", rename + "- {id: ev-w,"), encoding="utf-8")
    a = load_archive(root)
    h = derive_history(a)
    e = next(e for e in a.events if e.id == "ev-w")
    assert sentence_of(a, h, e).startswith("测试县改为地区"), sentence_of(a, h, e)
