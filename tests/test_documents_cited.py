"""Documents as the record knows them (issue 11, item 7): no made-up titles, published sources, placeholders."""

from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.snapshot import snapshot
from zhi.views.staffing import figures
from zhi.writers.prose import citation_text


def test_documents_without_title_print_as_number_or_description(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/documents/x.yaml", """
- id: d-no-title
  number: 测革发〔1970〕12号
  date: 1970-04
- id: d-described
  description: 县革委会关于机构设置的批复（原件标题不详）
  date: 1970
- id: d-zhi
  genre: 志书
  title: 测试县志
  section: 卷五 政权
  publisher: 测试出版社
  date: 1995
""")
    write(root, "sources/events/x.yaml", """
- id: ev-1
  type: establish
  date: 1970-05
  body: cs-x1
  name: 测试县革委会生产组
  parent: cs-zhengfu
  sources: [d-no-title, d-described, {doc: d-zhi, page: 203}]
""")
    write(root, "sources/bodies/x.yaml", "id: cs-x1\nkind: 政府工作部门\n")
    a = load_archive(root)
    h = derive_history(a)
    assert [f.as_text() for f in run_checks(a, history=h) if f.severity == "error"] == []
    docs = a.documents
    assert citation_text(docs["d-no-title"]) == "测革发〔1970〕12号"
    assert citation_text(docs["d-described"]) == "县革委会关于机构设置的批复（原件标题不详）"
    assert citation_text(docs["d-zhi"], "203") == "《测试县志》卷五 政权，测试出版社，1995年，第203页"
    assert "《" not in docs["d-no-title"].label and docs["d-no-title"].heading == "测革发〔1970〕12号"
    row = next(r for r in snapshot(a, h, "cs-xian", parse_date("1971"), figures(a)) if r.body == "cs-x1")
    assert row.authority == ["测革发〔1970〕12号", "县革委会关于机构设置的批复（原件标题不详）", "《测试县志》"]


def test_a_document_with_nothing_to_name_it_is_refused(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/documents/x.yaml", "id: d-x\nissuer: 测试县人民委员会\ndate: 1970\n")
    found = [f for f in run_checks(load_archive(root)) if f.loc.file == "sources/documents/x.yaml"]
    assert any(f.code == "schema-missing" and "不要自拟标题" in f.message for f in found)


def test_placeholder_is_a_finding_not_a_value(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/documents/x.yaml", """
id: d-x
number: （待填）
title: 关于设立县物价局的通知
date: 1990
archive_ref: 【待查】
""")
    a = load_archive(root)
    found = [(f.loc.line, f.code) for f in run_checks(a) if f.loc.file == "sources/documents/x.yaml"]
    assert (3, "placeholder") in found and (6, "placeholder") in found
    d = a.documents["d-x"]
    assert d.number == "" and d.archive_ref == "" and citation_text(d) == "《关于设立县物价局的通知》"


def test_a_published_source_with_an_open_date_is_cited_as_the_record_says(tmp_path):
    """Tester (《平阴县志》 run): a web page dated ``2023前`` was cited “…，2023年”, a date no record states."""
    root = make_archive(tmp_path)
    write(root, "sources/documents/x.yaml", """
- {id: d-web, genre: 网页, title: 某县的历史沿革, publisher: 某网站, date: 2023前}
- {id: d-circa, genre: 志书, title: 某县志, publisher: 某出版社, date: 约1995}
- {id: d-month, genre: 年鉴, title: 某县年鉴, publisher: 某出版社, date: 2005-06}
""")
    docs = load_archive(root).documents
    assert citation_text(docs["d-web"]) == "某网站. 某县的历史沿革[EB/OL]. (2023年前)."   # a web page: GB/T 7714
    assert citation_text(docs["d-circa"]) == "《某县志》，某出版社，约1995年"
    assert citation_text(docs["d-month"]) == "《某县年鉴》，某出版社，2005年"
