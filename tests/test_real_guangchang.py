"""A tester's 《广昌县志》 (县苏维埃政府, 1931—1934) archive (tests/fixtures/real/guangchang-suweiai, the source named in
its README): what the book prints of bodies whose county merged away, of a county whose start is not known, of a
restore whose former end is not known, of a top body of unknown kind, and the order of a month's entries.
"""

import re
from pathlib import Path

from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive

REAL = Path(__file__).resolve().parent / "fixtures" / "real" / "guangchang-suweiai"
GONE = "止年不详（1934年6月下旬广昌县、赤水县合并为广赤县后去向不详）"


def _load(root: Path = REAL):
    a = load_archive(root)
    return a, derive_history(a)


def _pages(a, h) -> dict[str, str]:
    from conftest import ROOT
    from zhi.writers.site import SiteWriter
    w = SiteWriter(a, h, ROOT / "theme")
    w.collect_backlinks()
    w.body_pages()
    return {p.path: p.text for p in w.tree.pages}


def test_the_archive_checks_clean():
    a, _ = _load()
    assert [f.as_text() for f in run_checks(a) if f.severity == "error"] == []


def test_a_department_whose_county_merged_away_has_no_end_date_the_source_never_gave():
    """1: the source says the county merged into 广赤县 in 1934年6月下旬 and nothing of the 财政部 after: its page and
    the list of bodies print its end unknown and why, never the county's date as the department's end."""
    a, h = _load()
    pages = _pages(a, h)
    page = pages["jigou/gc-caizheng.md"]
    assert f"| 存续 | 1931年3月—{GONE} |" in page
    assert "1934年6月下旬（去向不详）" not in "".join(pages.values())
    assert f"| 不详 | 1932年2月 | {GONE} |" in pages["jigou/index.md"]


def _start_unknown(tmp_path) -> Path:
    """The archive as the tester wanted to type it: the county's start is not in the source (no `date: 1931前`)."""
    import shutil
    root = tmp_path / "gc"
    shutil.copytree(REAL, root)
    j = root / "sources/jurisdictions/j.yaml"
    j.write_text(j.read_text(encoding="utf-8").replace("- id: guangchang-xian\n", "- id: guangchang-xian\n  start: 不详\n"),
                 encoding="utf-8")
    e0 = root / "sources/events/e0.yaml"
    e0.write_text("[]\n", encoding="utf-8")
    e = root / "sources/events/e1931.yaml"
    e.write_text(e.read_text(encoding="utf-8").replace(
        "  jurisdiction: guangchang-xian\n  note", "  jurisdiction: {id: guangchang-xian, as: 广昌县}\n  note", 1),
        encoding="utf-8")
    return root


def test_a_county_whose_start_the_source_never_gives_is_written_start_unknown(tmp_path):
    """2: `start: 不详` on a jurisdiction was refused (schema-unknown-key, and every body in it jurisdiction-not-alive);
    it is read as on a body: first met in the event that names it (as), its start printed 始年不详."""
    a, h = _load(_start_unknown(tmp_path))
    assert [f.as_text() for f in run_checks(a, history=h) if f.severity == "error"] == []
    from zhi.views.chronology import chronology
    assert not any(re.search("设立广昌县[。；，]", en.plain()) for en in chronology(a, h))
    from conftest import ROOT
    from zhi.views.lineage import lineage
    from zhi.writers.site import SiteWriter
    w = SiteWriter(a, h, ROOT / "theme")
    w.collect_backlinks()
    w.chronology_pages()
    place = next(p.text for p in w.tree.pages if p.path == "dashiji/guangchang-xian.md")
    assert "| 存续 | 始年不详（最早见于1931年1月）—1934年6月下旬（合并） |" in place
    assert lineage(a, h, "guangchang-xian").start_said == "始年不详（最早见于1931年1月）"
    # the body's place keeps the county's rename within its period, as with a start “1931前”
    w.body_pages()
    page = next(p.text for p in w.tree.pages if p.path == "jigou/gc-su.md")
    assert "1932年2月更名为南广县" in page


def test_a_county_start_is_only_ever_unknown(tmp_path):
    root = _start_unknown(tmp_path)
    j = root / "sources/jurisdictions/j.yaml"
    j.write_text(j.read_text(encoding="utf-8").replace("start: 不详", "start: 1931"), encoding="utf-8")
    a = load_archive(root)
    found = [f for f in a.findings if f.code == "schema-value" and f.loc.file == "sources/jurisdictions/j.yaml"]
    assert found and "只能写“不详”" in found[0].message


def test_a_restore_whose_former_end_is_not_known_prints_no_end_date(tmp_path):
    """3: 1933年4月 the source restores the 县苏 and never says when the first one ended (previous_end: 不详; 南广县苏维埃政府
    was set up in 1932年2月). Its first period printed 1931年1月—1933年4月前（终止时间不详）, a date no source gives; it is
    止年不详 after its last record, the 1932 一览 names it as of unknown existence, and the warnings give no date."""
    a, h = _load()
    pages = _pages(a, h)
    page = pages["jigou/gc-su.md"]
    assert f"| 存续 | 1931年1月—止年不详（最后见于1932年1月21日）；1933年4月—{GONE} |" in page
    assert "1933年4月前" not in page
    from zhi.views.indexes import body_index
    assert any(e.term == "广昌县苏维埃政府" and e.note == "（1931—？）" for e in body_index(a, h))
    from zhi.views.snapshot import fate_unknown_note
    assert "另有广昌县苏维埃政府（止年不详，最后见于1932年1月21日），此时是否存续，档案未载。" in \
        fate_unknown_note(h, "guangchang-xian", parse_date("1932-12-31"), a=a)
    told = [f.message for f in run_checks(a, history=h) if f.code == "parent-ended"]
    assert told and all("1933年4月前" not in m for m in told), told
    assert "前一期何时终止档案未载、于1933年4月恢复（其存续期：1931年1月—止年不详、1933年4月—" in told[0], told


def test_the_countys_leading_body_of_unknown_kind_is_in_the_dashiji():
    """4: 广昌县革命委员会 (kind: 不详, no superior; the 县苏's 部 are under it) was left out of the 大事记 while 广赤县苏维埃政府,
    set up on a day with the county's merger, was in: its founding is the 大事记's like any leading body's."""
    from zhi.views.dashiji import dashiji, rules_for
    a, h = _load()
    told = [f"{it.date.chinese()}　{it.plain()}" for it in dashiji(a, h, rules_for(REAL))]
    assert any(line.startswith("1931年1月　设立广昌县革命委员会") for line in told), told


def test_a_months_entries_without_a_day_follow_its_last_ten_days():
    """5: the guide's order (dates.md): 1934年6月下旬 is said more exactly than 1934年6月, which goes at the month's end."""
    from zhi.views.chronology import chronology
    a, h = _load()
    lines = [f"{en.date.chinese()}　{en.plain()}" for en in chronology(a, h)]
    merged = lines.index("1934年6月下旬　广昌县、赤水县合并为广赤县。")
    moved = lines.index("1934年6月　广昌县苏维埃政府驻地迁至赤水太阳坳、驿前的田南。")
    assert merged < moved
