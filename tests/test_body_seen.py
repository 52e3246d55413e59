"""“Existed at least until X”: a body whose end no source gives (end: 不详) and a source that shows it still there
in 1966 (`seen: [1966]` on the body, with that source): the 一览 of the founding year and of 1966 list it, the
later ones leave it out and name it “最后见于1966年”; without `seen` the founding year's 一览 does not claim it.

Facts after 《平阴县志》（县人民政府、县委各节）, http://meta.librarydata.cn/metainfo?metaID=150120020220004071 : a body
set up 1956-05 with no recorded end; the 1966 sighting is the kind of fact the tester asked to say (source shape only)."""

from __future__ import annotations

from pathlib import Path

from conftest import write_dedented as write
from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.snapshot import fate_unknown_note, snapshot
from zhi.views.staffing import figures


def archive(root: Path, body: str) -> Path:
    write(root, "sources/jurisdictions/py.yaml", "id: py\nlevel: 县\n")
    write(root, "sources/bodies/all.yaml", body)
    write(root, "sources/documents/d.yaml", """
    - {id: d1, genre: 志书, title: 平阴县志, date: 1991}
    - {id: d2, genre: 志书, title: 平阴县组织史资料, date: 1990}
    """)
    write(root, "sources/events/all.yaml", """
    - {id: ev-py, type: establish, date: 1949-10-01, body: py, name: 平阴县, sources: [d1]}
    - {id: ev-sy, type: establish, date: 1956-05, body: sy, name: 平阴县手工业管理科, jurisdiction: py, sources: [d1]}
    """)
    write(root, "chronicle/book.yaml", "title: 平阴县机构编制志\nupper: 1949\nlower: 1985\n")
    return root


def names(a, h, d: str) -> list[str]:
    return [r.name for r in snapshot(a, h, "py", parse_date(d), figures(a))]


def test_seen_counts_the_body_as_existing_until_then(tmp_path):
    a = load_archive(archive(tmp_path, """
    - id: sy
      kind: 政府工作部门
      end: 不详
      seen: [1966]
      sources: [d2]
    """))
    h = derive_history(a)
    assert [f for f in run_checks(a, history=h) if f.severity == "error"] == []
    assert h.timelines["sy"].last_known.chinese() == "1966年"
    assert names(a, h, "1956-12-31") == ["平阴县手工业管理科"]
    assert names(a, h, "1966-12-31") == ["平阴县手工业管理科"]
    assert names(a, h, "1967-12-31") == []
    assert "最后见于1966年" in fate_unknown_note(h, "py", parse_date("1967-12-31"))
    assert fate_unknown_note(h, "py", parse_date("1960-12-31")) == ""


def test_without_seen_the_founding_year_does_not_claim_it(tmp_path):
    a = load_archive(archive(tmp_path, "- {id: sy, kind: 政府工作部门, end: 不详}\n"))
    h = derive_history(a)
    assert names(a, h, "1956-12-31") == []
    assert "此时是否存续，档案未载" in fate_unknown_note(h, "py", parse_date("1956-12-31"))


def test_seen_needs_its_source_and_a_living_body(tmp_path):
    a = load_archive(archive(tmp_path, "- {id: sy, kind: 政府工作部门, end: 不详, seen: [1966]}\n"))
    bad = [f for f in a.findings if f.code == "schema-missing" and "seen" in f.message]
    assert bad and bad[0].loc.file == "sources/bodies/all.yaml"
    a = load_archive(archive(tmp_path / "2", "- {id: sy, kind: 政府工作部门, end: 不详, seen: [1950], sources: [d2]}\n"))
    found = [f for f in run_checks(a, history=derive_history(a)) if f.code == "body-not-yet"]
    assert found and "见于" in found[0].message
