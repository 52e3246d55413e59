"""A tester's 《广昌县志》 (县苏维埃政府, 1931—1934) archive (tests/fixtures/real/guangchang-suweiai, the source named in
its README): what the book prints of bodies whose county merged away, of a county whose start is not known, of a
restore whose former end is not known, of a top body of unknown kind, and the order of a month's entries.
"""

from pathlib import Path

from zhi.checks import run_checks
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
