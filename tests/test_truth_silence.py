"""Truth to the record for a body the record stops showing (testers on 即墨): a place's rename is printed on the body's
page only for the period the record shows the body under it; a body with no record for more than ten years before the
下限 is not printed as existing then (1957年起，1984年后情况不详; the 一览 marks it 存续不详), and is reported."""

import re

import pytest
from conftest import archive_with, with_theme
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history, unknown_after
from zhi.loader import load_archive
from zhi.views.lineage import lineage
from zhi.views.snapshot import snapshot

GS = """
- {id: ev-gs, type: establish, date: 1957, body: cs-gs, name: 测试县工商科, jurisdiction: cs-xian, sources: [d-1956-1]}
- {id: ev-gs-87, type: rename, date: 1987, body: cs-gs, name: 测试县工商局, sources: [d-1956-1]}
"""


def _archive(tmp_path, events: str, body: str = "end: 不详\n"):
    files = {"sources/bodies/gs.yaml": f"id: cs-gs\nkind: 政府工作部门\n{body}"}
    a = load_archive(archive_with(tmp_path, GS + events, None, files))
    return a, derive_history(a)


RENAMES = [
    # 1998年或以前: perhaps after 1987, the body's last record: the record does not show it under 测试市
    ("1998或以前", "1957年—止年不详"),
    ("1980", "1957年—止年不详；1980年更名为测试市"),        # certainly while it was seen there: told
    ("1987或以前", "1957年—止年不详；1987年或以前更名为测试市"),  # by its last record at the latest: told
]


@pytest.mark.parametrize("when,said", RENAMES, ids=[c[0] for c in RENAMES])
def test_a_places_rename_is_told_only_while_the_body_is_known_there(tmp_path, when, said):
    a, h = _archive(tmp_path, f"- {{id: ev-shi, type: rename, date: {when}, body: cs-xian, name: 测试市, sources: [d-1956-1]}}\n")
    assert lineage(a, h, "cs-gs").jurisdiction_terms() == [("cs-xian", "测试县", said)]


# ---- a body silent for more than ten years (SILENCE_YEARS) before the 下限 (2000) ---------------------------------
def _archive_events(tmp_path, events: str):
    a = load_archive(archive_with(tmp_path, events, None, {"sources/bodies/gs.yaml": "id: cs-gs\nkind: 政府工作部门\n"}))
    return a, derive_history(a)


def test_a_body_silent_for_sixteen_years_is_not_printed_as_existing_at_the_lower_limit(tmp_path):
    """即墨: last record 1987, no end recorded, 下限 2003 — here 1984 and 2000: sixteen years with no record."""
    a, h = _archive_events(tmp_path, GS.replace("date: 1987, body: cs-gs", "date: 1984, body: cs-gs"))
    found = [f for f in run_checks(a, history=h) if f.code == "body-silent"]
    assert len(found) == 1 and "测试县工商局（cs-gs）最后见于1984年，此后16年间" in found[0].message
    assert "机构页印“1984年后情况不详”" in found[0].message and found[0].loc.file == "sources/bodies/gs.yaml"
    assert lineage(a, h, "cs-gs").silent_since.chinese() == "1984年"
    notes = {y: {r.body: r.note for r in snapshot(a, h, "cs-xian", parse_date(y), [])}["cs-gs"] for y in ("1994", "1995")}
    assert notes == {"1994": "", "1995": "（存续不详，最后见于1984年）"}   # listed, and marked after ten years


def test_a_body_seen_within_ten_years_of_the_lower_limit_is_not_silent(tmp_path):
    a, h = _archive_events(tmp_path, GS.replace("date: 1987, body: cs-gs", "date: 1990, body: cs-gs"))
    assert not [f for f in run_checks(a, history=h) if f.code == "body-silent"]
    assert lineage(a, h, "cs-gs").silent_since is None
    assert {r.body: r.note for r in snapshot(a, h, "cs-xian", parse_date("2000"), [])}["cs-gs"] == ""


def test_the_body_page_prints_its_span_as_the_record_leaves_it(tmp_path):
    root = with_theme(archive_with(tmp_path, GS.replace("date: 1987, body: cs-gs", "date: 1984, body: cs-gs"), None,
                                   {"sources/bodies/gs.yaml": "id: cs-gs\nkind: 政府工作部门\n"}))
    page = (build_edition(root, pdf=False).out / "jigou" / "cs-gs" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>|\s", "", page)
    assert "存续1957年起，1984年后情况不详" in text and "仍存续" not in text


def test_a_last_record_dated_within_a_range_is_said_with_jian():
    """南安县 (tester13): a rename dated 1949..1958, the body's last record, printed “1949年至1958年后情况不详”;
    a range is some time within it (guide/dates.md), so 间: 1949年至1958年间以后情况不详."""
    assert unknown_after(parse_date("1949..1958")) == "1949年至1958年间以后情况不详"
    assert unknown_after(parse_date("1954-10..1954-12")) == "1954年10月至12月间以后情况不详"
    assert unknown_after(parse_date("1987")) == "1987年后情况不详"
    assert unknown_after(parse_date("1976后")) == "1976年后，此后情况不详"
