"""Documents of one title told apart: three parts of 《宜黄县志》 (their `section`) and two web pages titled 宜黄县 (two
sites) were three identical rows in the 文件目录, “《宜黄县志》1，2，10” three times in the 文件索引, and
“（《宜黄县志》；《宜黄县》）” in the 大事记. Each row and index entry now shows what tells it apart (the section, the 文号,
the date, the site's host), and a citation names the part of the book the document is.

Real facts: 《宜黄县志》 (国家数字图书馆地方志知识服务平台的析出资源) 文联 第一节 组织机构
(http://meta.librarydata.cn/metainfo?metaID=140220020210009318), 文联 第二节 主要工作 (…9319), 第五章 森林保护
(…8639); web pages 宜黄县 (wikiwand.com, a.460.net.cn). The event they support here is fictional (测试县)."""

from __future__ import annotations

from conftest import ROOT
from test_staffing_approx import loaded_with
from zhi.views.chronology import chronology
from zhi.views.indexes import told_apart
from zhi.writers.site import SiteWriter

DOCS = """
- {id: doc-zz, genre: 志书, title: 宜黄县志, section: 文联 第一节 组织机构,
   url: "http://meta.librarydata.cn/metainfo?metaID=140220020210009318"}
- {id: doc-gz, genre: 志书, title: 宜黄县志, section: 文联 第二节 主要工作,
   url: "http://meta.librarydata.cn/metainfo?metaID=140220020210009319"}
- {id: doc-sl, genre: 志书, title: 宜黄县志, section: 第五章 森林保护,
   url: "http://61.136.101.125:8012/metainfo?metaID=140220020210008639"}
- {id: doc-wiki, genre: 网页, title: 宜黄县, url: "https://wikiwand.com/zh-hk/articles/yihuang"}
- {id: doc-460, genre: 网页, title: 宜黄县, url: "https://a.460.net.cn/a/466018.html"}
"""

EVENT = """
- {id: ev-told, type: rename, date: 1994-05, body: cs-jijingwei, name: 测试县经济计划委员会,
   sources: [doc-zz, doc-sl, {doc: doc-gz, page: "443"}, doc-wiki]}
"""


def loaded(tmp_path):
    return loaded_with(tmp_path, {"sources/documents/same.yaml": DOCS, "sources/events/told.yaml": EVENT})


def test_rows_and_index_entries_say_what_tells_them_apart(tmp_path):
    a, h, found = loaded(tmp_path)
    assert [f.as_text() for f in found if f.severity == "error"] == []
    apart = told_apart(a.documents.values())
    assert apart == {"doc-zz": "（文联 第一节 组织机构）", "doc-gz": "（文联 第二节 主要工作）", "doc-sl": "（第五章 森林保护）",
                     "doc-wiki": "（wikiwand.com）", "doc-460": "（a.460.net.cn）"}
    w = SiteWriter(a, h, ROOT / "theme")
    w.collect_backlinks()
    w.document_pages()
    w.index_pages()
    for path in ("wenjian/index.md", "suoyin/wenjian.md"):
        page = next(p.text for p in w.tree.pages if p.path == path)
        rows = [x for x in page.splitlines() if "宜黄县" in x]
        assert len(rows) == 5 and len(set(rows)) == 5, rows
        assert any("宜黄县志" in x and "（第五章 森林保护）" in x for x in rows)
        assert any("宜黄县" in x and "（wikiwand.com）" in x for x in rows)


def test_a_citation_names_the_part_of_the_book(tmp_path):
    a, h, _ = loaded(tmp_path)
    (entry,) = [e for e in chronology(a, h) if e.event.id == "ev-told"]
    cited = [entry.cite_label(a.documents[c.doc]) for c in entry.event.sources]
    assert cited[:3] == ["《宜黄县志》文联 第一节 组织机构", "《宜黄县志》第五章 森林保护", "《宜黄县志》文联 第二节 主要工作，第443页"]


def test_the_books_list_and_index_say_what_tells_them_apart(tmp_path):
    import re

    from zhi.writers.book import BookWriter

    a, h, _ = loaded(tmp_path)
    w = BookWriter(a, h, ROOT / "theme")
    text = re.sub(r"<[^>]+>", "|", w.appendix_html() + w.index_html(None))
    assert "宜黄县志（第五章 森林保护）" in text and "宜黄县志（文联 第一节 组织机构）" in text and "宜黄县（a.460.net.cn）" in text
    assert "《宜黄县志》（文联 第二节 主要工作）" in text and "网页“宜黄县”（wikiwand.com）" in text   # a web page is cited as one (网页“…”), never as a book
