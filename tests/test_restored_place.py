"""A place abolished and restored (《滁县地区志》: 滁县专区 merged away in 1956, 重新设立 in 1961, renamed 滁县地区 in
1971; 《张掖地区志》: 临泽县 split away in 1958, restored in 1961 “属张掖专区”, that 专区 renamed 张掖地区 in 1969):
the restored place keeps its level and superior, and a reparent naming the superior it already has is no 改属. Each
test reads the page or the sentence as printed (a small typed archive, not the tester's files)."""

import re

from conftest import ROOT, make_archive, write
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.writers.site import SiteWriter

PLACES = """
- {id: cs-zq, level: 专区}
- {id: cs-xian2, level: 县}
- {id: cs-xian3, level: 县}
- id: cs-sheng
  level: 省
  scope: out
  names:
    - {name: 测试省, from: 1949前, sources: [d-1956-1]}
- id: cs-wq
  level: 专区
  scope: out
  names:
    - {name: 外专区, from: 1949前, to: 1969, sources: [d-1956-1]}
    - {name: 外地区, from: 1969, sources: [d-1956-1]}
"""

EVENTS = """
- {id: zq-1950, type: establish, date: 1950, body: cs-zq, name: 测试专区, sources: [d-1956-1]}
- {id: zq-1950-p, type: reparent, date: 1950, body: cs-zq, parent: cs-sheng, sources: [d-1956-1]}
- {id: xian-1956-p, type: reparent, date: 1956-01, body: cs-xian, parent: cs-zq, sources: [d-1956-1]}
- {id: zq-1958, type: abolish, date: 1958-01, body: cs-zq, sources: [d-1956-1]}
- {id: xian-1958-p, type: reparent, date: 1958-01, body: cs-xian, parent: cs-wq, sources: [d-1956-1]}
- {id: zq-1961, type: restore, date: 1961-04-07, body: cs-zq, wording: 重新设立, sources: [d-1956-1]}
- {id: xian-1961-p, type: reparent, date: 1961-04-07, body: cs-xian, parent: cs-zq, wording: 复归, sources: [d-1956-1]}
- {id: zq-1971, type: rename, date: 1971-03-29, body: cs-zq, name: 测试地区, wording: 改称, sources: [d-1956-1]}
- {id: zq-1971-l, type: rerank, date: 1971-03-29, body: cs-zq, level: 地区, sources: [d-1956-1]}
- {id: x2-pre, type: establish, date: 1949前, body: cs-xian2, name: 测试二县, sources: [d-1956-1]}
- {id: x2-1955, type: reparent, date: 1955, body: cs-xian2, parent: cs-wq, sources: [d-1956-1]}
- {id: x2-1958, type: abolish, date: 1958-01, body: cs-xian2, sources: [d-1956-1]}
- {id: x2-1961, type: restore, date: 1961-10, body: cs-xian2, sources: [d-1956-1]}
- {id: x2-1961-p, type: reparent, date: 1961-10, body: cs-xian2, parent: cs-wq, sources: [d-1956-1]}
- {id: x3-pre, type: establish, date: 1949前, body: cs-xian3, name: 测试三县, sources: [d-1956-1]}
- {id: x3-1956, type: reparent, date: 1956-01, body: cs-xian3, parent: cs-zq, sources: [d-1956-1]}
- {id: x3-1957, type: abolish, date: 1957, body: cs-xian3, sources: [d-1956-1]}
- {id: x3-1960, type: restore, date: 1960, body: cs-xian3, sources: [d-1956-1]}
"""


def _archive(tmp_path, events: str = EVENTS):
    root = make_archive(tmp_path)
    write(root, "sources/jurisdictions/x.yaml", PLACES)
    write(root, "sources/events/x.yaml", events)
    a = load_archive(root)
    return a, derive_history(a)


def _place_row(a, h, rid: str, row: str) -> str:
    """The row of the place's 大事记 page (the small table at its head), as written for the site."""
    w = SiteWriter(a, h, ROOT / "theme")
    w.chronology_pages()
    page = next(p.text for p in w.tree.pages if p.path == f"dashiji/{rid}.md")
    found = re.search(rf"^\| {row} \| (.*) \|$", page, flags=re.MULTILINE)
    return re.sub(r"\[([^]]*)\]\([^)]*\)", r"\1", found.group(1)) if found else ""


def test_a_restored_place_keeps_its_level_and_its_superior(tmp_path):
    a, h = _archive(tmp_path)
    assert not [f.as_text() for f in run_checks(a) if f.severity == "error"]
    assert _place_row(a, h, "cs-zq", "层级") == \
        "专区（1950年—1958年1月）；专区（1961年4月7日—1971年3月29日）；地区（1971年3月29日起）"
    assert _place_row(a, h, "cs-zq", "隶属") == "测试省（1950年—1958年1月）；测试省（1961年4月7日起）"


def test_a_restored_place_gets_no_superior_that_is_not_there_then(tmp_path):
    """测试三县 restored in 1960, when 测试专区 it was under had been abolished (1958) and not yet restored: the record
    gives it no superior then, and none is made up."""
    a, h = _archive(tmp_path)
    assert _place_row(a, h, "cs-xian3", "隶属") == "测试专区（1956年1月—1957年；属测试省（1950年—1958年1月））"


def test_a_reparent_to_the_superior_it_already_has_is_not_a_change(tmp_path):
    a, h = _archive(tmp_path)
    printed = {en.event.id: en.plain() for en in chronology(a, h)}
    assert printed["x2-1961-p"] == "测试二县隶属外专区。"   # never 改属: restored under it, the source's 属 that day
    assert printed["x2-1955"] == "测试二县隶属外专区。"      # its first superior
    assert printed["xian-1961-p"] == "测试县复归测试专区。"
    same = [f for f in run_checks(a) if f.code == "reparent-same"]
    assert [f.loc.line for f in same] == [15] and "恢复时已沿用原上级外专区" in same[0].message, same
    # the period it was restored in goes on: one piece, not one cut on the day of the reparent
    assert _place_row(a, h, "cs-xian2", "隶属") == "外专区（1955年—1958年1月）；外专区（1961年10月起；1969年起称外地区）"


def test_the_source_words_for_the_same_superior_are_printed_without_a_warning(tmp_path):
    a, h = _archive(tmp_path, EVENTS.replace("parent: cs-wq, sources: [d-1956-1]}\n- {id: x3-pre",
                                             "parent: cs-wq, wording: 仍属, sources: [d-1956-1]}\n- {id: x3-pre"))
    assert next(en.plain() for en in chronology(a, h) if en.event.id == "x2-1961-p") == "测试二县仍属外专区。"
    assert not [f for f in run_checks(a) if f.code == "reparent-same"]


def test_a_body_named_again_under_its_own_superior_is_not_said_to_change(tmp_path):
    a, h = _archive(tmp_path, EVENTS + """
- {id: jw-1960, type: reparent, date: 1960, body: cs-jiwei, parent: cs-zhengfu, sources: [d-1956-1]}
""")
    assert next(en.plain() for en in chronology(a, h) if en.event.id == "jw-1960") == "测试县计划委员会隶属测试县人民委员会。"
    assert [f.code for f in run_checks(a) if f.code == "reparent-same"] == ["reparent-same", "reparent-same"]


def test_a_superior_renamed_after_the_restore_is_told_in_the_row(tmp_path):
    """The county's row under the restored 专区 tells its 1971 rename (the tester's 滁县's row printed 滁县专区 to 1992)."""
    a, h = _archive(tmp_path)
    assert _place_row(a, h, "cs-xian", "隶属") == (
        "测试专区（1956年1月—1958年1月；属测试省（1950年—1958年1月））；外专区（1958年1月—1961年4月7日）；"
        "测试专区（1961年4月7日起；1971年3月29日改称测试地区；属测试省（1961年4月7日起））")


def test_the_guide_example_prints_the_rows_it_promises(tmp_path):
    """guide/jurisdictions.md 完整示例八: the 层级 and 隶属 rows it quotes are what the pages print."""
    from test_guide_examples import GUIDE, lay_out, section

    text = section((GUIDE / "jurisdictions.md").read_text(encoding="utf-8"), "## 完整示例八")
    a = load_archive(lay_out(tmp_path, text), with_book=False)
    h = derive_history(a)
    assert not [f.as_text() for f in run_checks(a, history=h) if f.severity in ("error", "warning")]
    for rid, row in (("lanzhou-zq", "层级"), ("lanzhou-zq", "隶属"), ("yunhe-xian8", "隶属"), ("beiling-xian8", "隶属")):
        printed = _place_row(a, h, rid, row)
        assert printed and f"“{printed}”" in text.replace("\n", ""), (rid, row, printed)
