"""Testers: a web page was cited like a book (（《宁化县》）). A document of genre 网页 is no publication: it is named by
its site and its title in quotation marks (行政区划网“宁化县”), and cited in full as GB/T 7714 cites an electronic
resource ([EB/OL], the date published, the date read, the address)."""

from conftest import make_archive, write
from test_guide_examples import GUIDE, lay_out, section
from zhi.checks import run_checks
from zhi.citations import cited_docs
from zhi.loader import load_archive
from zhi.writers.prose import citation_text

DOCS = """
- {id: d-web, genre: 网页, title: 宁化县, publisher: 行政区划网, date: 2021-03-01, accessed: 2024-05-06,
   url: "https://www.xzqh.org/html/show/fj/1234.html"}
- {id: d-bare, genre: 网页, title: 宁化县}
- {id: d-zhi, genre: 志书, title: 宁化县志, publisher: 福建人民出版社, date: 1992, url: "https://example.org/nhxz"}
"""


def _docs(tmp_path, text=DOCS):
    root = make_archive(tmp_path)
    write(root, "sources/documents/web.yaml", text)
    return load_archive(root)


def test_a_web_page_is_named_by_its_site_and_title_without_shuminghao(tmp_path):
    docs = _docs(tmp_path).documents
    assert docs["d-web"].label == "行政区划网“宁化县”"
    assert docs["d-bare"].label == "网页“宁化县”"           # no site given: none made up
    assert docs["d-zhi"].label == "《宁化县志》"              # a book put online is still a book


def test_a_web_page_is_cited_in_full_as_gb_t_7714_cites_an_electronic_resource(tmp_path):
    docs = _docs(tmp_path).documents
    assert citation_text(docs["d-web"]) == \
        "行政区划网. 宁化县[EB/OL]. (2021-03-01)[2024-05-06]. https://www.xzqh.org/html/show/fj/1234.html."
    assert citation_text(docs["d-bare"]) == "宁化县[EB/OL]."
    assert citation_text(docs["d-zhi"]) == "《宁化县志》，福建人民出版社，1992年"


def test_a_date_read_without_an_address_is_refused_at_its_line(tmp_path):
    a = _docs(tmp_path, "- {id: d-web, genre: 网页, title: 宁化县, accessed: 2024-05-06}\n")
    found = [f for f in run_checks(a) if f.code == "schema-missing"]
    assert found and "访问日期" in found[0].message and found[0].loc.file == "sources/documents/web.yaml"


def test_the_guides_example_cites_its_web_page_by_site_and_title(tmp_path):
    root = lay_out(tmp_path, section((GUIDE / "documents.md").read_text(encoding="utf-8"), "## 标题不详的文件、出版物、占位文字"))
    a = load_archive(root, with_book=False)
    e = next(e for e in a.events if e.id == "ed-zf")
    assert [label for _, label in cited_docs(a, e.sources)][-1] == "云河县人民政府网“云河县机构沿革”"
    assert citation_text(a.documents["doc-yunhe-wang"]) == ("云河县人民政府网. 云河县机构沿革[EB/OL]. (2021-03-01)[2024-05-06]. "
                                                            "https://www.example.gov.cn/art/2021/3/1/art_1.html.")
