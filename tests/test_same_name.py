"""Two records of one name (issue 11): the county-level 滁州市 and the prefecture-level 滁州市 of 《滁县地区志》.

Facts typed from 安徽省人民政府《关于撤销滁县地区设立滁州市（地级）的通知》（政秘〔93〕3号，1993年1月5日；
https://cdn.zuxun100.com/index/article/difangzhi/info/996/fz_id/17664), which carries out
《国务院关于安徽省撤销滁县地区设立滁州市（地级）的批复》（国函〔1992〕201号）: “撤销滁县地区和滁州市（县级），
设立滁州市（地级）和滁州市琅琊区、南谯区”, and 天长、来安、全椒、定远、凤阳、嘉山六县划归滁州市. The notice itself
writes the 区别语 in its running text; the published volume writes 滁州市（县级） and 滁州市（地级）. The county-level
city's own setting up (from 滁县) is not in the notice: it is typed as “1992前” (known to exist by then), no more.

Each test reads what is printed (page titles, nav, lists, 大事记 sentences and page titles, index, open data, the
PDF's contents), not just that the archive loads."""

import csv
import io
import re

import pytest
from conftest import ROOT, make_archive, write
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views import indexes
from zhi.writers.site import SiteWriter

PLACES = """
- id: cz-diqu
  level: 地区
- id: cz-xianji
  level: 县级市
  distinguish: 县级
- id: cz-diji
  level: 地级市
  distinguish: 地级
- id: cz-tianchang
  level: 县
"""

DOCS = """
- id: doc-guohan-1992-201
  number: 国函〔1992〕201号
  issuer: 国务院
  date: 1992
  title: 国务院关于安徽省撤销滁县地区设立滁州市（地级）的批复
- id: doc-zhengmi-1993-3
  number: 政秘〔93〕3号
  issuer: 安徽省人民政府
  date: 1993-01-05
  title: 关于撤销滁县地区设立滁州市（地级）的通知
"""

EVENTS = """
- {id: cz-diqu-0, type: establish, date: 1992前, body: cz-diqu, name: 滁县地区, sources: [doc-zhengmi-1993-3]}
- {id: cz-xianji-0, type: establish, date: 1992前, body: cz-xianji, name: 滁州市, parent: cz-diqu,
   sources: [doc-zhengmi-1993-3]}
- {id: cz-tc-0, type: establish, date: 1992前, body: cz-tianchang, name: 天长县, parent: cz-diqu,
   sources: [doc-zhengmi-1993-3]}
- id: cz-1992
  type: merge
  date: 1992
  wording: 撤销
  before: [cz-diqu, cz-xianji]
  after:
    - {id: cz-diji, name: 滁州市, level: 地级市}
  sources: [doc-guohan-1992-201, doc-zhengmi-1993-3]
- {id: cz-1992-tc, type: reparent, date: 1992, body: cz-tianchang, parent: cz-diji, wording: 划归,
   sources: [doc-zhengmi-1993-3]}
"""


def _project(tmp_path, places: str = PLACES):
    root = make_archive(tmp_path)
    write(root, "sources/jurisdictions/cz.yaml", places)
    write(root, "sources/documents/cz.yaml", DOCS)
    write(root, "sources/events/cz.yaml", EVENTS)
    return root


def _site(tmp_path, places: str = PLACES):
    from zhi.editions import filter_archive

    a = filter_archive(load_archive(_project(tmp_path, places)), "public")   # as the public site is written
    h = derive_history(a)
    w = SiteWriter(a, h, ROOT / "theme")
    return a, h, w, w.write()


def _plain(md: str) -> str:
    return re.sub(r"\[([^]]*)\]\([^)]*\)", r"\1", md).replace("\\", "")


def test_the_two_cities_have_distinct_page_titles_and_nav(tmp_path):
    _, _, _, tree = _site(tmp_path)
    titles = {p.path: p.title for p in tree.pages}
    assert titles["dashiji/cz-xianji.md"] == "滁州市（县级）大事记"
    assert titles["dashiji/cz-diji.md"] == "滁州市（地级）大事记"
    assert titles["dashiji/cz-diqu.md"] == "滁县地区大事记"     # a name no other record bears prints alone
    nav = next(x["大事记"] for x in tree.nav if "大事记" in x)
    assert {"滁州市（县级）大事记": "dashiji/cz-xianji.md"} in nav and {"滁州市（地级）大事记": "dashiji/cz-diji.md"} in nav


def test_the_dashiji_sentence_tells_them_apart_as_the_notice_does(tmp_path):
    _, _, _, tree = _site(tmp_path)
    page = _plain(next(p.text for p in tree.pages if p.path == "dashiji/nianbiao.md"))
    assert "撤销滁县地区、滁州市（县级），合并设立滁州市（地级），为地级市。" in page, page
    # the county under the new city: the superior named with its 区别语 on the day both cities bear the name
    assert "天长县划归滁州市（地级）" in page, page


def test_lists_that_name_both_carry_the_distinguishing_words(tmp_path):
    _, _, _, tree = _site(tmp_path)
    home = _plain(next(p.text for p in tree.pages if p.path == "index.md"))
    assert "滁州市（县级）" in home and "滁州市（地级）" in home
    county = _plain(next(p.text for p in tree.pages if p.path == "dashiji/cz-tianchang.md"))
    row = re.search(r"^\| 隶属 \| (.*) \|$", county, flags=re.MULTILINE).group(1)
    # the 区别语 and the period in one bracket group (滁州市（地级；1992年起）), never 滁州市（地级）（1992年起）
    assert "滁县地区" in row and "滁州市（地级；" in row and "）（" not in row and "滁州市（县级）" not in row, row


def test_open_data_keeps_the_name_and_gives_the_words_apart(tmp_path):
    from zhi.writers import opendata

    root = _project(tmp_path)
    a = load_archive(root)
    h = derive_history(a)
    ex = opendata.export(a, h, opendata.metadata(root, a, "public", "公开版"))
    path = next(p for p in ex.files if p.endswith("jurisdictions.csv"))
    rows = list(csv.DictReader(io.StringIO(ex.files[path].decode("utf-8-sig"))))
    by_id = {r["编号"]: r for r in rows}
    assert by_id["cz-xianji"]["名称"] == "滁州市" and by_id["cz-xianji"]["区别语"] == "县级"
    assert by_id["cz-diji"]["名称"] == "滁州市" and by_id["cz-diji"]["区别语"] == "地级"
    assert by_id["cz-diqu"]["区别语"] == ""
    nodes = {n.get("dcterms:identifier"): n for n in opendata.OpenData(a, h, opendata.metadata(
        root, a, "public", "公开版")).jsonld()["@graph"]}
    assert nodes["cz-xianji"]["skos:prefLabel"] == "滁州市" and nodes["cz-xianji"]["zhi:distinguish"] == "县级"
    assert "zhi:distinguish" not in nodes["cz-diqu"]


def test_without_the_words_the_check_warns_naming_both_files(tmp_path):
    places = PLACES.replace("  distinguish: 县级\n", "").replace("  distinguish: 地级\n", "")
    found = [f for f in run_checks(load_archive(_project(tmp_path, places))) if f.code == "name-shared"]
    assert len(found) == 1, [f.as_text() for f in found]
    f = found[0]
    assert f.severity == "warning" and "滁州市" in f.message and "distinguish:" in f.message
    assert "sources/jurisdictions/cz.yaml:4" in f.message and "sources/jurisdictions/cz.yaml:6" in f.message
    # and the pages are as before: the same name twice, which is what the warning is about
    _, _, _, tree = _site(tmp_path / "b", places)
    titles = [p.title for p in tree.pages if p.path in ("dashiji/cz-xianji.md", "dashiji/cz-diji.md")]
    assert titles == ["滁州市大事记", "滁州市大事记"]


def test_one_record_without_words_is_still_warned(tmp_path):
    places = PLACES.replace("  distinguish: 地级\n", "")
    found = [f for f in run_checks(load_archive(_project(tmp_path, places))) if f.code == "name-shared"]
    assert len(found) == 1 and found[0].loc.file == "sources/jurisdictions/cz.yaml" and found[0].loc.line == 7


def test_with_distinct_words_the_check_is_silent(tmp_path):
    found = run_checks(load_archive(_project(tmp_path)))
    assert not [f for f in found if f.code in ("name-shared", "distinguish-same")]
    assert not [f.as_text() for f in found if f.severity == "error"]


def test_the_same_words_twice_is_an_error(tmp_path):
    places = PLACES.replace("distinguish: 地级", "distinguish: 县级")
    found = [f for f in run_checks(load_archive(_project(tmp_path, places))) if f.code == "distinguish-same"]
    assert len(found) == 1 and found[0].severity == "error"
    assert (found[0].loc.file, found[0].loc.line) == ("sources/jurisdictions/cz.yaml", 9)
    assert [(r.file, r.line) for r in found[0].related] == [("sources/jurisdictions/cz.yaml", 6)]


@pytest.mark.parametrize("bad", ["（县级）", "县 级", "县级。"])
def test_words_with_brackets_or_blanks_are_refused(tmp_path, bad):
    places = PLACES.replace("distinguish: 县级", f"distinguish: \"{bad}\"")
    found = [f for f in load_archive(_project(tmp_path, places)).findings if f.code == "schema-value"]
    assert found and found[0].loc.line == 6 and "区别语" in found[0].message


def test_the_chinese_key_is_read_too(tmp_path):
    places = PLACES.replace("distinguish: 县级", "区别语: 县级")
    _, _, _, tree = _site(tmp_path, places)
    assert "滁州市（县级）大事记" in [p.title for p in tree.pages]


# two 计划委员会 of one book: a county's abolished in 1984 and one set up anew in 1990 (another record)
BODIES_EVENTS = """
- {id: jw-a, type: establish, date: 1979-09, body: cs-jw-a, name: 测试县物价委员会, jurisdiction: cs-xian,
   sources: [d-1984-7]}
- {id: jw-a-end, type: abolish, date: 1984-03, body: cs-jw-a, sources: [d-1984-7]}
- {id: jw-b, type: establish, date: 1990-05, body: cs-jw-b, name: 测试县物价委员会, jurisdiction: cs-xian,
   sources: [d-1984-7]}
"""


def _bodies(tmp_path, a_words: str = "1979年设立", b_words: str = "1990年设立"):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/jw.yaml", f"- {{id: cs-jw-a, kind: 政府工作部门, distinguish: {a_words}}}\n"
                                          f"- {{id: cs-jw-b, kind: 政府工作部门, distinguish: {b_words}}}\n")
    write(root, "sources/events/jw.yaml", BODIES_EVENTS)
    a = load_archive(root)
    return a, derive_history(a)


def test_two_bodies_of_one_name_in_titles_index_and_sentences(tmp_path):
    a, h = _bodies(tmp_path)
    assert not [f.as_text() for f in run_checks(a, history=h) if f.code in ("name-shared", "distinguish-same")]
    w = SiteWriter(a, h, ROOT / "theme")
    tree = w.write()
    titles = {p.path: p.title for p in tree.pages}
    assert titles["jigou/cs-jw-a.md"] == "测试县物价委员会（1979年设立）"
    assert titles["jigou/cs-jw-b.md"] == "测试县物价委员会（1990年设立）"
    terms = [e.term for e in indexes.body_index(a, h)]
    assert "测试县物价委员会（1979年设立）" in terms and "测试县物价委员会（1990年设立）" in terms
    # a sentence about 1990 names the body alone: no other bears the name that day (the first was gone in 1984)
    page = _plain(next(p.text for p in tree.pages if p.path == "dashiji/nianbiao.md"))
    assert "设立测试县物价委员会" in page and "测试县物价委员会（1990年设立）" not in page, page
    # so does the 一览 of a year: one 物价委员会 stood then; the list of all bodies has both, told apart
    year = _plain(next(p.text for p in tree.pages if p.path == "nianbiao/1980.md"))
    assert "| 测试县物价委员会 |" in year and "（1979年设立）" not in year, year
    listed = _plain(next(p.text for p in tree.pages if p.path == "jigou/index.md"))
    assert "测试县物价委员会（1979年设立）" in listed and "测试县物价委员会（1990年设立）" in listed


def test_a_rename_to_a_name_an_ended_body_bore_names_it_alone_that_day(tmp_path):
    """A body renamed in 1992 to the name of one abolished in 1984: the sentence of 1992 names it alone, as the
    source does (the rename, 筹建 and 撤…设 sentences once named the new name with the whole book's 区别语)."""
    from zhi.views.chronology import chronology

    root = make_archive(tmp_path)
    write(root, "sources/bodies/jw.yaml", "- {id: cs-jw-a, kind: 政府工作部门, distinguish: 1979年设立}\n"
                                          "- {id: cs-jw-c, kind: 政府工作部门, distinguish: 1990年设立}\n")
    write(root, "sources/events/jw.yaml", BODIES_EVENTS.split("- {id: jw-b")[0] + """
- {id: jw-c, type: establish, date: 1990-05, body: cs-jw-c, name: 测试县物价局, jurisdiction: cs-xian,
   sources: [d-1984-7]}
- {id: jw-c-rn, type: rename, date: 1992-03, body: cs-jw-c, name: 测试县物价委员会, sources: [d-1984-7]}
""")
    a = load_archive(root)
    h = derive_history(a)
    assert not [f.as_text() for f in run_checks(a, history=h) if f.severity == "error"]
    said = ["".join(s if isinstance(s, str) else s.text for s in e.segments) for e in chronology(a, h)]
    assert "测试县物价局更名为测试县物价委员会。" in said, said
    assert not [t for t in said if "1990年设立" in t], said


def test_body_without_words_warns_with_a_body_example(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/jw.yaml", "- {id: cs-jw-a, kind: 政府工作部门}\n- {id: cs-jw-b, kind: 政府工作部门}\n")
    write(root, "sources/events/jw.yaml", BODIES_EVENTS)
    found = [f for f in run_checks(load_archive(root)) if f.code == "name-shared"]
    # the example is the year the file's own body began (1979), not a year from elsewhere
    assert len(found) == 1 and "distinguish: 1979年设立" in found[0].message and "sources/bodies/jw.yaml:2" in found[0].message


def test_a_secret_body_of_the_same_name_is_not_counted_and_its_words_are_secret(tmp_path):
    """A 秘密 body bearing an open one's name: never printed, so no warning, and the open body prints alone in
    every edition (no 区别语 betrays that another of the name exists); its own 区别语 is its secret text."""
    from zhi.editions import filter_archive
    from zhi.leaks import forbidden_strings

    root = make_archive(tmp_path)
    write(root, "sources/bodies/jw.yaml", "- {id: cs-jw-a, kind: 政府工作部门, distinguish: 1979年设立}\n"
                                          "- {id: cs-jw-b, kind: 政府工作部门, distinguish: 国防工业专办,"
                                          " classification: 秘密}\n")
    write(root, "sources/events/jw.yaml", BODIES_EVENTS)
    a = load_archive(root)
    assert not [f for f in run_checks(a) if f.code in ("name-shared", "distinguish-same")]
    for edition in ("public", "internal"):
        out = filter_archive(a, edition)
        h = derive_history(out)
        tree = SiteWriter(out, h, ROOT / "theme").write()
        assert {p.path: p.title for p in tree.pages}["jigou/cs-jw-a.md"] == "测试县物价委员会"
        assert all("国防工业专办" not in p.text for p in tree.pages)
        forbidden = forbidden_strings(a, edition)
        assert "国防工业专办" in forbidden and "测试县物价委员会（国防工业专办）" in forbidden


def _guide_site(tmp_path, guide: str, heading: str):
    from test_guide_examples import GUIDE, lay_out, section

    root = lay_out(tmp_path, section((GUIDE / guide).read_text(encoding="utf-8"), heading))
    a = load_archive(root, with_book=False)
    tree = SiteWriter(a, derive_history(a), ROOT / "theme").write()
    return {p.path: p.title for p in tree.pages}, {p.path: _plain(p.text) for p in tree.pages}


def test_the_jurisdictions_guide_example_prints_what_it_says(tmp_path):
    titles, pages = _guide_site(tmp_path, "jurisdictions.md", "## 完整示例九")
    assert (titles["dashiji/lanzhou-xianji.md"], titles["dashiji/lanzhou-diji.md"]) == \
        ("澜州市（县级）大事记", "澜州市（地级）大事记")
    assert "| 隶属 | 澜州地区（1992年前—1992年）；澜州市（地级；1992年起） |" in pages["dashiji/beiling-xian9.md"]


def test_the_bodies_guide_example_prints_what_it_says(tmp_path):
    titles, pages = _guide_site(tmp_path, "bodies.md", "## 完整示例：前后两个同名的机构")
    assert (titles["jigou/heshan-jingwei-79.md"], titles["jigou/heshan-jingwei-90.md"]) == \
        ("禾山县经济委员会（1979年设立）", "禾山县经济委员会（1990年设立）")
    y1990 = pages["nianbiao/1990.md"]
    assert "禾山县经济委员会" not in pages["nianbiao/1985.md"]
    assert "| 禾山县经济委员会 |" in y1990 and "（1990年设立）" not in y1990, y1990


@pytest.mark.slow
def test_the_printed_volume_tells_them_apart(tmp_path):
    """The PDF as typeset: the 大事记 sentence names both cities with their words, the index lists the two bodies of
    one name as two entries, each with its words; the contents hold only the book's own headings (篇、章 titles the
    editor types and the fixed 大事记、附录 headings), where no generated name appears."""
    import subprocess

    from zhi.writers.book import BookWriter
    from zhi.writers.typeset import typeset

    root = _project(tmp_path)
    write(root, "sources/bodies/jw.yaml", "- {id: cs-jw-a, kind: 政府工作部门, distinguish: 1979年设立}\n"
                                          "- {id: cs-jw-b, kind: 政府工作部门, distinguish: 1990年设立}\n")
    write(root, "sources/events/jw.yaml", BODIES_EVENTS)
    a = load_archive(root)
    h = derive_history(a)
    result = typeset(BookWriter(a, h, ROOT / "theme"), tmp_path / "zhi.pdf", root, {"Title": "t"},
                     chunks=1, workers=1)
    text = subprocess.run(["pdftotext", "-raw", str(tmp_path / "zhi.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = "".join(text.split())
    assert "撤销滁县地区、滁州市（县级），合并设立滁州市（地级），为地级市。" in flat
    assert "天长县划归滁州市（地级）。" in flat
    index = flat[flat.rindex("机构名称索引"):]
    assert "测试县物价委员会（1979年设立）" in index and "测试县物价委员会（1990年设立）" in index
    assert all("滁州市" not in title for _, title, _ in result.toc)


def test_two_bodies_of_one_name_at_once_told_apart_are_not_a_clash(tmp_path):
    """Two bodies bearing one name at the same time in one county (the warning name-clash: most often one body
    entered twice): with a 区别语 each, the editor has said they are two, and neither warning is given."""
    root = make_archive(tmp_path)
    events = BODIES_EVENTS.replace("date: 1990-05, body: cs-jw-b", "date: 1982-05, body: cs-jw-b")
    write(root, "sources/events/jw.yaml", events)
    for words, clash in (("", True), (", distinguish: 县人民政府所属", False)):
        write(root, "sources/bodies/jw.yaml", "- {id: cs-jw-a, kind: 政府工作部门, distinguish: 县委所属}\n"
                                              f"- {{id: cs-jw-b, kind: 政府工作部门{words}}}\n")
        codes = {f.code for f in run_checks(load_archive(root))}
        assert ("name-clash" in codes) is clash and ("name-shared" in codes) is clash, codes


def test_a_secret_bodys_words_typed_into_a_chapter_are_named_by_the_check(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/jw.yaml", "- {id: cs-jw-a, kind: 政府工作部门, distinguish: 1979年设立}\n"
                                          "- {id: cs-jw-b, kind: 政府工作部门, distinguish: 国防工业专办,"
                                          " classification: 秘密}\n")
    write(root, "sources/events/jw.yaml", BODIES_EVENTS)
    chapter = root / "chronicle/p1/c1.md"
    text = chapter.read_text(encoding="utf-8") + "\n另设国防工业专办一处。\n"
    chapter.write_text(text, encoding="utf-8")
    found = [f for f in run_checks(load_archive(root)) if f.code == "secret-shared" and f.loc.file.startswith("chronicle")]
    assert [(f.loc.file, f.loc.line) for f in found] == [("chronicle/p1/c1.md", len(text.splitlines()))]
    assert "区别语" in found[0].message


def test_the_lineage_names_the_predecessor_with_its_words(tmp_path):
    from zhi.views.lineage import lineage

    a, h, _, _ = _site(tmp_path)
    lin = lineage(a, h, "cz-diji")
    assert lin.name == "滁州市（地级）"
    assert sorted(name for _, name, _ in lin.predecessors) == ["滁县地区", "滁州市（县级）"]


def test_the_body_page_gives_a_related_body_with_its_words_and_the_event_in_one_reading():
    """The sample's 县计划经济委员会 came of 县计划委员会（1958年设立） and 县经济委员会（1979年设立）: 前身 reads
    “县计划委员会（1958年设立），1984年3月12日合并”, the event after a comma, never a second bracket group in a row;
    a name without words keeps its bracket (前身：县物价局（2010年4月1日合并））."""
    a = load_archive(ROOT)
    h = derive_history(a)
    w = SiteWriter(a, h, ROOT / "theme")
    tree = w.write()
    page = _plain(next(p.text for p in tree.pages if p.path == "jigou/lx-jijingwei.md"))
    related = [x for x in page.splitlines() if x.startswith(("- 前身：", "- 后继："))]
    assert "- 前身：县计划委员会（1958年设立），1984年3月12日合并" in related, related
    assert "- 前身：县物价局（2010年4月1日合并）" in related, related
    assert not [x for x in related if "）（" in x], related
