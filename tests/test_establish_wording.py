"""An establishment in the source's own verb (tester, 《平阴县志》 run): “三结合建立平阴县革命委员会” was printed
“设立…” and ``wording`` on an establishment was refused as an unknown key."""

from conftest import archive_with
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.views.dashiji import Rules, dashiji


def _printed(tmp_path, events: str, ids=("cs-a", "cs-b", "cs-c")) -> tuple[list[str], list]:
    root = archive_with(tmp_path, events, dict.fromkeys(ids, "政府工作部门"))
    a = load_archive(root)
    h = derive_history(a)
    errors = [f for f in run_checks(a, history=h) if f.severity == "error"]
    return [en.plain() for en in chronology(a, h)] + [it.plain() for it in dashiji(a, h, Rules.from_options({"kinds": ["政府工作部门"]}))], errors


def test_the_source_verb_stands_before_or_after_the_name(tmp_path):
    printed, errors = _printed(tmp_path, """
- {id: e-a, type: establish, wording: 建立, date: 1968-04-11, body: cs-a, name: 测试县甲组, parent: cs-zhengfu, sources: [d-1956-1]}
- {id: e-b, type: 成立, date: 1968-05-01, body: cs-b, name: 测试县乙组, parent: cs-zhengfu, sources: [d-1956-1]}
- {id: e-c, type: 组建, date: 1968-06-01, body: cs-c, name: 测试县丙组, jurisdiction: cs-xian, sources: [d-1956-1]}
""")
    assert errors == []
    assert "建立测试县甲组，隶属测试县人民委员会，为政府工作部门。" in printed
    assert "测试县乙组成立，隶属测试县人民委员会，为政府工作部门。" in printed
    assert any(p.startswith("组建测试县丙组") for p in printed)
    assert not any("设立测试县" in p and "组" in p for p in printed)


def test_several_bodies_set_up_together_keep_the_shared_verb(tmp_path):
    printed, errors = _printed(tmp_path, """
- {id: e-a, type: establish, wording: 成立, date: 1968-04-11, body: cs-a, name: 测试县甲组, parent: cs-zhengfu, sources: [d-1956-1]}
- {id: e-b, type: establish, wording: 成立, date: 1968-04-11, body: cs-b, name: 测试县乙组, parent: cs-zhengfu, sources: [d-1956-1]}
""", ("cs-a", "cs-b"))
    assert errors == []
    assert "测试县甲组、测试县乙组成立，均隶属测试县人民委员会，为政府工作部门。" in printed


def test_a_wording_that_says_another_event_is_refused_in_chinese(tmp_path):
    root = archive_with(tmp_path, """
- {id: e-a, type: establish, wording: 撤销, date: 1968-04-11, body: cs-a, name: 测试县甲组, sources: [d-1956-1]}
""", {"cs-a": "政府工作部门"})
    found = [f for f in run_checks(load_archive(root)) if f.code == "schema-value"]
    assert found and "“撤销”不是设立的说法" in found[0].message and found[0].loc.line


def test_a_unit_the_source_says_a_place_was_made_into_prints_its_verb(tmp_path):
    """南安县 (tester13): 1949年编为第三区 was refused as no word of setting up, so the book said 设立, more than the
    source; 改为 with no predecessor prints what the source says (改为测试乡（此前名称不详）), no longer refused."""
    printed, errors = _printed(tmp_path, """
- {id: e-a, type: establish, wording: 编为, date: 1958, body: cs-a, name: 测试县第三区, jurisdiction: cs-xian, sources: [d-1956-1]}
""", ("cs-a",))
    assert errors == []
    assert any(p.startswith("编为测试县第三区") for p in printed), printed
    assert not any("设立测试县第三区" in p for p in printed)
    printed, errors = _printed(tmp_path / "b", """
- {id: e-a, type: establish, wording: 改为, date: 1965, body: cs-a, name: 测试乡, jurisdiction: cs-xian, sources: [d-1956-1]}
""", ("cs-a",))
    assert errors == []
    assert any(p.startswith("改为测试乡（此前名称不详）") for p in printed), printed
