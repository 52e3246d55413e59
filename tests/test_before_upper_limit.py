"""Events dated wholly before the book's 上限 (chronicle/book.yaml `upper`): a first-round 志 traces things to their
start (上限追溯事物发端), so they stay in the 大事记, but as background — under their own heading before the book's
years (本志上限（1949年）以前), each with its full date — never printed silently among the book's own years."""

import re

from conftest import ROOT, make_archive, with_theme, write
from zhi.build import build_edition
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.writers.book import BookWriter

EARLY = """
- {id: ev-lx, type: establish, date: 1945-09, body: lx-xian, name: 临溪县, sources: [d-1956-1]}
- {id: ev-lx-zf, type: establish, date: 1946-05, body: lx-zhengfu, name: 临溪县民主政府, jurisdiction: lx-xian,
   sources: [d-1956-1]}
- {id: ev-lx-zf-rn, type: rename, date: 1949-10, body: lx-zhengfu, name: 临溪县人民政府, sources: [d-1956-1]}
"""


def _archive(tmp_path, form=""):
    root = with_theme(make_archive(tmp_path))
    write(root, "sources/jurisdictions/lx.yaml", "id: lx-xian\nlevel: 县\n")
    write(root, "sources/bodies/lx.yaml", "id: lx-zhengfu\nkind: 其他\n")
    write(root, "sources/events/lx.yaml", EARLY)
    if form:
        book = root / "chronicle/book.yaml"
        book.write_text(book.read_text(encoding="utf-8") + f"dashiji_form: {form}\n", encoding="utf-8")
    return root


def _text(path):
    return re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))


def _paragraphs(path):
    """The page's paragraphs as text: each 大事记 entry is one of its own."""
    return [re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<p>(.*?)</p>", path.read_text(encoding="utf-8"),
                                                              re.DOTALL)]


def test_the_site_dashiji_prints_them_as_background_before_the_books_years(tmp_path):
    out = build_edition(_archive(tmp_path), pdf=False).out
    for page in ("dashiji/index.html", "dashiji/lx-xian/index.html", "dashiji/nianbiao/index.html"):
        text = _text(out / page).split("本志上限（1949年）以前")[-1]   # the section, not the page's table of contents
        early, later = text.split("1949年", 1)
        assert "1945年9月　设立临溪县。" in early and "1946年5月　设立临溪县民主政府。" in early, page
        assert "10月　临溪县民主政府更名为临溪县人民政府。" in later, page
    assert "1946年" not in _text(out / "dashiji/index.html").split("本志上限（1949年）以前")[0].split("大事记")[-1]
    paragraphs = _paragraphs(out / "dashiji/index.html")
    for entry in ("1945年9月　设立临溪县。", "1946年5月　设立临溪县民主政府。", "10月　临溪县民主政府更名为临溪县人民政府。",
                  "1月　设立测试县。"):
        assert sum(p.startswith(entry) for p in paragraphs) == 1, (entry, paragraphs)   # an entry a paragraph


def test_the_full_date_form_gives_the_background_its_heading_too(tmp_path):
    out = build_edition(_archive(tmp_path, "日期"), pdf=False).out
    text = _text(out / "dashiji/index.html")
    early = text.split("本志上限（1949年）以前")[-1].split("本志上限（1949年）以来")[0]
    assert "1946年5月　设立临溪县民主政府。" in early and "1949年10月" not in early
    assert "1949年10月　临溪县民主政府更名为临溪县人民政府。" in text.split("本志上限（1949年）以来")[-1]
    paragraphs = _paragraphs(out / "dashiji/index.html")
    for entry in ("1946年5月　设立临溪县民主政府。", "1956年1月　设立测试县。"):
        assert sum(p.startswith(entry) for p in paragraphs) == 1, (entry, paragraphs)


def test_the_books_dashiji_prints_them_as_background(tmp_path):
    a = load_archive(_archive(tmp_path))
    html = BookWriter(a, derive_history(a), ROOT / "theme").chronology_html()
    text = re.sub(r"<[^>]+>", "", html)
    early = text.split("本志上限（1949年）以前")[1].split("1949年")[0]
    assert "1945年9月　设立临溪县。" in early and "1946年5月　设立临溪县民主政府。" in early
    assert "1946年\n" not in text and "1945年\n" not in text    # no year heading of its own among the book's years
