"""Small truths from 《滁县地区志》 and 《张掖地区志》 typed by a tester: a check message names a place by the name and
level it had then; the 机构 index tells an unknown end from a body still there; no empty staffing chart drawn as if
the figures were zero. Each test reads what the editor or the reader sees (a small typed archive)."""

from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.loader import load_archive

PLACES = """
- id: cs-zq
  level: 专区
"""

# 测试专区 (a 专区) merged away in 1958 and restored in 1961, renamed 测试地区 (a 地区) in 1971; its office is recorded
# as going on through the gap (no record of where it was meanwhile)
GAP = """
- {id: zq-1950, type: establish, date: 1950, body: cs-zq, name: 测试专区, sources: [d-1956-1]}
- {id: zq-1958, type: abolish, date: 1958-01, body: cs-zq, sources: [d-1956-1]}
- {id: zq-1961, type: restore, date: 1961-04-07, body: cs-zq, wording: 重新设立, sources: [d-1956-1]}
- {id: zq-1971, type: rename, date: 1971-03-29, body: cs-zq, name: 测试地区, wording: 改称, sources: [d-1956-1]}
- {id: zq-1971-l, type: rerank, date: 1971-03-29, body: cs-zq, level: 地区, sources: [d-1956-1]}
- {id: bgs-1952, type: establish, date: 1952, body: cs-bgs, name: 专署办公室, jurisdiction: cs-zq, sources: [d-1956-1]}
"""


def _findings(tmp_path, events: str, code: str) -> list[str]:
    root = make_archive(tmp_path)
    write(root, "sources/jurisdictions/x.yaml", PLACES)
    write(root, "sources/bodies/x.yaml", "- id: cs-bgs\n  kind: 其他\n")
    write(root, "sources/events/x.yaml", events)
    return [f.message for f in run_checks(load_archive(root)) if f.code == code]


def test_fate_unknown_names_the_place_as_it_was_called_then_and_its_level_then(tmp_path):
    found = _findings(tmp_path, GAP, "fate-unknown")
    assert len(found) == 1, found
    msg = found[0]
    assert msg.startswith("测试专区（cs-zq）于1958年1月终止、1961年4月7日恢复，档案未记专署办公室（cs-bgs）其间的去向"), msg
    assert "专区恢复后它又在的" in msg, msg
    assert "测试地区" not in msg and "县恢复后" not in msg, msg


def test_fate_unknown_of_a_body_restored_names_the_place_as_it_was_called_then(tmp_path):
    events = GAP + "- {id: bgs-1972, type: restore, date: 1972, body: cs-bgs, sources: [d-1956-1]}\n"
    found = _findings(tmp_path, events, "fate-unknown")
    assert len(found) == 1, found
    assert found[0].startswith("测试专区（cs-zq）于1958年1月终止，档案未记专署办公室（cs-bgs）的去向"), found[0]


def _index_rows(tmp_path) -> dict[str, str]:
    """The 机构 index page (jigou/index.md) as written for the site: body name → its 终止 cell."""
    import re

    from conftest import ROOT
    from zhi.history import derive_history
    from zhi.writers.site import SiteWriter

    root = make_archive(tmp_path)
    write(root, "sources/bodies/x.yaml", "- id: cs-bgs\n  kind: 其他\n  end: 不详\n")
    write(root, "sources/events/x.yaml", "- {id: bgs-1960, type: establish, date: 1960, body: cs-bgs, name: 县委办公室,"
          " jurisdiction: cs-xian, sources: [d-1956-1]}\n")
    a = load_archive(root)
    assert not [f.as_text() for f in run_checks(a) if f.severity == "error"]
    w = SiteWriter(a, derive_history(a), ROOT / "theme")
    w.collect_backlinks()
    w.body_pages()
    page = next(p.text for p in w.tree.pages if p.path == "jigou/index.md")
    rows = re.findall(r"^\| \[([^]]*)\]\([^)]*\) \| [^|]* \| [^|]* \| ([^|]*) \|$", page, flags=re.MULTILINE)
    return {name: cell.strip() for name, cell in rows}


def test_the_bodies_index_tells_an_unknown_end_from_a_body_still_there(tmp_path):
    rows = _index_rows(tmp_path)
    assert rows["县委办公室"] == "止年不详"            # end: 不详 (the body page: 止年不详（最后见于1960年）)
    assert rows["测试县计划经济委员会"] == ""           # still there at the book's 下限: blank, never 今
    assert rows["测试县计划委员会"] == "1984年3月12日（合并）"
