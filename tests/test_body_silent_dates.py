"""body-silent and 止年不详 with a last record whose date is uncertain (前/后/约/年底/上半年/年代/时段).

A record dated only “after X” (1976后) shows the body there in the year after X and no later: its latest reading is
open (9999), which made a body last seen “1976后” never silent, and a body whose end is unknown listed as existing
to the volume's 下限. Each test reads the check's findings and the 一览 (snapshot) rows.
"""

from pathlib import Path

import pytest
from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.snapshot import fate_unknown_note, snapshot

BODY = "id: cs-gongye\nkind: 政府工作部门\n"
EVENT = """
- id: ev-gongye
  type: establish
  date: 1958
  body: cs-gongye
  name: 测试县工业局
  parent: cs-zhengfu
  sources: [d-1956-1]
"""


def _staffed(*dates: str) -> str:
    return "".join(f"- body: cs-gongye\n  date: '{d}'\n  basis: 核定\n  figures: {{行政编制: {5 + i}}}\n"
                   f"  sources: [d-1956-1]\n" for i, d in enumerate(dates))


def _archive(tmp_path: Path, body: str, *dates: str):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/gongye.yaml", body)
    write(root, "sources/events/gongye.yaml", EVENT)
    write(root, "sources/staffing/gongye.yaml", _staffed(*dates))
    a = load_archive(root)
    return a, derive_history(a)


def _silent(a):
    return [f for f in run_checks(a) if f.code == "body-silent"]


# (the date of the last record, the year the silence is counted from)
UNCERTAIN = [("1976后", 1977), ("1976年以后", 1977), ("1976-06后", 1976), ("约1976", 1976), ("1976前", 1975),
             ("1976年以前", 1975), ("1976年底", 1976), ("1976年上半年", 1976), ("1976年初", 1976),
             ("1970年代", 1979), ("1975—1978", 1978)]


@pytest.mark.parametrize(("when", "from_year"), UNCERTAIN)
def test_a_body_last_seen_on_an_uncertain_date_is_silent_and_noted(tmp_path, when, from_year):
    a, h = _archive(tmp_path, BODY, when)
    found = _silent(a)
    assert len(found) == 1, when
    last = parse_date(when)
    assert f"最后见于{last}" in found[0].message
    assert f"此后{2000 - from_year}年间" in found[0].message
    if last.qualifier == "after":   # the editor is told how the years are counted
        assert f"自{from_year}年算起" in found[0].message
    rows = {r.name: r.note for r in snapshot(a, h, "cs-xian", parse_date("2000"), [])}
    assert rows["测试县工业局"] == f"（存续不详，最后见于{last}）"


def test_an_after_date_does_not_outreach_a_later_exact_record(tmp_path):
    """1976后 and 1990: the last record is 1990 (1976后 is not “any year up to 9999”); not silent at 2000."""
    a, h = _archive(tmp_path, BODY, "1976后", "1990")
    assert _silent(a) == []
    assert h.get("cs-gongye").last_record == parse_date("1990")
    a, h = _archive(tmp_path / "late", BODY, "1990", "1995后")
    assert h.get("cs-gongye").last_record == parse_date("1995后")


def test_end_unknown_body_last_seen_after_a_year_is_not_listed_to_the_volume_end(tmp_path):
    """止年不详 with a last record 1976后: listed in 1977's 一览, not in 1990's, which names it under the table."""
    a, h = _archive(tmp_path, BODY + "end: 不详\n", "1976后")
    assert _silent(a) == []
    t = h.get("cs-gongye")
    assert t.last_known == parse_date("1976后")
    assert "测试县工业局" in {r.name for r in snapshot(a, h, "cs-xian", parse_date("1977"), [])}
    assert "测试县工业局" not in {r.name for r in snapshot(a, h, "cs-xian", parse_date("1990"), [])}
    assert "测试县工业局（止年不详，最后见于1976年后）" in fate_unknown_note(h, "cs-xian", parse_date("1990"))


def test_a_body_silent_until_its_county_ends_with_its_fate_unknown_is_silent_too(tmp_path):
    """A body last recorded in 1958 whose county is abolished in 1995 with no word of what became of it: the book
    shows it living to 1995 (去向不详) on no record — as silent as one listed to the 下限, and told so."""
    a, _ = _archive(tmp_path, BODY)
    root = tmp_path / "project"
    write(root, "sources/events/county-end.yaml",
          "- id: ev-county-end\n  type: abolish\n  date: 1995-01\n  body: cs-xian\n  sources: [d-1956-1]\n")
    a = load_archive(root)
    found = [f for f in _silent(a) if "测试县工业局" in f.message]
    assert len(found) == 1
    assert "此后37年间" in found[0].message and "一直存在到1995年1月其属地终止时（去向不详）" in found[0].message
    # a body with a record near the county's end is not silent
    write(root, "sources/staffing/gongye.yaml", _staffed("1990"))
    assert [f for f in _silent(load_archive(root)) if "测试县工业局" in f.message] == []
