"""1952年冬 is of 1952: the tester of 《宁化县志》 typed 禾口文化站成立 1952年冬 and the 1952 年表 put it under
“时间不能确定在是年的事”, the body page headed it 1952至1953年间—. A winter may run into February of the next
year, but the source dates it in 1952, and the book prints it under 1952."""

from conftest import ROOT, archive_with
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.naming import span_years
from zhi.writers.site import SiteWriter


def test_a_season_is_of_the_year_the_source_names():
    winter = parse_date("1952年冬")
    assert winter.named_year() == 1952 and winter.years() == "1952"
    assert span_years(winter, None) == "1952—"
    assert span_years(parse_date("1952"), winter) == "1952—1952"
    assert parse_date("1952..1953").named_year() is None and parse_date("1952..1953").years() == "1952至1953年间"
    assert parse_date("1952前").named_year() is None and parse_date("1960年代").named_year() is None
    assert parse_date("1952-03").named_year() == 1952


def _year_page(root, year: int) -> tuple[SiteWriter, str]:
    """The site writer (its year pages written) and the 年表 page of ``year``."""
    a = load_archive(root)
    w = SiteWriter(a, derive_history(a), ROOT / "theme")
    w.collect_backlinks()
    w.year_pages()
    return w, next(p.text for p in w.tree.pages if p.path == f"nianbiao/{year}.md")


def test_the_year_page_tells_a_winter_among_the_years_events(tmp_path):
    events = ("- {id: hk, type: establish, date: 1957年冬, body: cs-hk, name: 测试县禾口文化站, parent: cs-zhengfu,"
              " sources: [d-1956-1]}\n")
    root = archive_with(tmp_path, events, bodies={"cs-hk": "事业单位"})
    w, page = _year_page(root, 1957)
    assert "冬" in page and "测试县禾口文化站" in page, page
    assert "时间不能确定在是年的事" not in page, page
    w.body_pages()
    body = next(p.text for p in w.tree.pages if p.path == "jigou/cs-hk.md")
    assert "1957至1958年间" not in body and "至迟1958" not in body, body


def test_the_years_summary_names_an_ended_body_by_the_name_it_ended_under(tmp_path):
    """The 宁化 tester's 1958 年表: 区党委 renamed in January 1958 and abolished in May were listed under 是年撤销
    by their old names (the names of 1 January), while the same page's 大事记 said the new ones."""
    events = ("- {id: q1, type: establish, date: 1956-08, body: cs-qu, name: 测试县一区区委, parent: cs-zhengfu,"
              " jurisdiction: cs-xian, sources: [d-1956-1]}\n"
              "- {id: q2, type: rename, date: 1957-01-10, body: cs-qu, name: 测试县城关区委, sources: [d-1956-1]}\n"
              "- {id: q3, type: abolish, date: 1957-05, body: cs-qu, sources: [d-1956-1]}\n")
    root = archive_with(tmp_path, events, bodies={"cs-qu": "党委工作部门"})
    _, page = _year_page(root, 1957)
    line = next(x for x in page.splitlines() if x.startswith("是年撤销"))
    assert "测试县城关区委" in line and "一区区委" not in line, line
