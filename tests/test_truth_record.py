"""Truth to the record (issue 11): a published source cited at its own part and pages, a source's web address, the
考异表's reading of a name, the source's verbs (取消, 增至), the 编委 by its short name, and a superior typed as a
short name. Each test reads what the reader or the editor sees: the printed text, or the finding's code and line."""

import re
from pathlib import Path

from conftest import ROOT, archive_with
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive

ZHI = """
- id: d-cs-zhi
  genre: 志书
  title: 测试县志
  publisher: 测试出版社
  date: 1995
"""


def _pages(root: Path) -> dict[str, str]:
    """The site's 大事记, 机构变动年表, document and 考异 pages (Markdown as written for the site); the archive must
    check without errors."""
    from zhi.writers.site import SiteWriter

    a = load_archive(root)
    errors = [f.as_text() for f in run_checks(a) if f.severity == "error"]
    assert not errors, errors
    w = SiteWriter(a, derive_history(a), ROOT / "theme")
    w.collect_backlinks()
    w.chronology_pages()
    w.document_pages()
    w.kaoyi_page()
    return {p.path: p.text for p in w.tree.pages}


def _book_text(root: Path, part: str) -> str:
    """A part of the book's HTML (``appendix`` or ``chronology``) as plain text, tags dropped."""
    from zhi.writers.book import BookWriter

    a = load_archive(root)
    w = BookWriter(a, derive_history(a), ROOT / "theme")
    html = w.appendix_html() if part == "appendix" else w.chronology_html()
    return re.sub(r"<[^>]+>", "", html)


def _links(text: str) -> str:
    """Markdown links as their text: [《测试县志》](../wenjian/x.md) → 《测试县志》."""
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)


TWO_BUREAUS = """
- {id: e1, type: establish, date: 1957, body: cs-a, name: 测试县甲局, parent: cs-zhengfu, sources: [d-1956-1]}
- {id: e2, type: establish, date: 1957, body: cs-b, name: 测试县乙局, parent: cs-zhengfu, sources: [d-1956-1]}
"""


# ---- 1. a published source: each citation keeps its own part and page ----------------------------------------
def test_two_pages_of_one_book_both_print_in_order_on_one_line(tmp_path):
    # before: the entry printed the book twice, each time with the last page written (第12页；第12页)
    root = archive_with(tmp_path, """
- {id: e1, type: establish, date: 1960-03, body: cs-a, name: 测试县甲局, parent: cs-zhengfu,
   sources: [{doc: d-cs-zhi, section: 第三编第二章, page: 45}, {doc: d-cs-zhi, section: 第三编第二章, page: 12}]}
""", {"cs-a": "政府工作部门"}, {"sources/documents/zhi.yaml": ZHI})
    year = _links(_pages(root)["dashiji/nianbiao.md"])
    assert "设立测试县甲局，隶属测试县人民委员会，为政府工作部门。（《测试县志》第三编第二章，第12、45页）" in year, year


def test_two_parts_of_one_book_are_cited_each_with_its_page(tmp_path):
    root = archive_with(tmp_path, """
- {id: e1, type: establish, date: 1961-03, body: cs-a, name: 测试县甲局, parent: cs-zhengfu,
   sources: [{doc: d-cs-zhi, section: 第三编, page: 12}, {doc: d-cs-zhi, section: 第五编, page: 80}]}
""", {"cs-a": "政府工作部门"}, {"sources/documents/zhi.yaml": ZHI})
    year = _links(_pages(root)["dashiji/nianbiao.md"])
    assert "（《测试县志》第三编，第12页；《测试县志》第五编，第80页）" in year, year


def test_one_document_two_changes_two_pages_none_lost_in_the_joint_entry(tmp_path):
    # two changes one archival document made on one day: one 大事记 entry; the book cited at a page for each
    root = archive_with(tmp_path, TWO_BUREAUS + """
- {id: e3, type: abolish, date: 1960-03-01, body: cs-a, dashiji: 收, sources: [d-1956-1, {doc: d-cs-zhi, page: 31}]}
- {id: e4, type: abolish, date: 1960-03-01, body: cs-b, dashiji: 收, sources: [d-1956-1, {doc: d-cs-zhi, page: 30}]}
""", {"cs-a": "政府工作部门", "cs-b": "政府工作部门"}, {"sources/documents/zhi.yaml": ZHI})
    big = _links(_pages(root)["dashiji/index.md"])
    assert "撤销测试县甲局、测试县乙局。（测〔1956〕1号；《测试县志》，第30、31页）" in big, big


def test_one_book_read_in_two_parts_says_which_part_dissents_and_at_which_page(tmp_path):
    # before: 另据《测试县志》，测试出版社，1995年，为1960年5月。 — the same book as the support, with no part or page
    root = archive_with(tmp_path, """
- {id: e1, type: establish, date: 1960-03, body: cs-a, name: 测试县甲局, parent: cs-zhengfu,
   sources: [{doc: d-cs-zhi, section: 第三编, page: 12}, {doc: d-cs-zhi, section: 大事记, page: 3, date: 1960-05}],
   conflict_note: 大事记所记为见报日期；从第三编。}
""", {"cs-a": "政府工作部门"}, {"sources/documents/zhi.yaml": ZHI})
    pages = _pages(root)
    year = _links(pages["dashiji/nianbiao.md"])
    assert "（《测试县志》第三编，第12页）" in year, year
    assert "另据《测试县志》大事记，测试出版社，1995年，第3页，为1960年5月。" in year, year
    assert "另据《测试县志》大事记，测试出版社，1995年，第3页，为1960年5月。" in _links(pages["kaoyi.md"])


def test_a_citations_part_is_read_and_named_in_the_schema(tmp_path):
    root = archive_with(tmp_path, """
- {id: e1, type: abolish, date: 1960-03-01, body: cs-jiwei, sources: [{doc: d-cs-zhi, section: [第三编], page: 30}]}
""", files={"sources/documents/zhi.yaml": ZHI})
    found = [f for f in run_checks(load_archive(root)) if f.code == "schema-type"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/events/x.yaml", 2)], found
    assert "卷章" in found[0].message


# ---- 2. url: a source that exists online ---------------------------------------------------------------------
WEB = """
- id: d-web
  genre: 网页
  title: 测试县机构沿革
  publisher: 测试县人民政府网
  date: 2021-03-01
  url: https://www.example.gov.cn/art/2021/3/1/art_1.html
"""


def test_a_sources_web_address_is_a_link_on_its_page_and_printed_in_the_list(tmp_path):
    root = archive_with(tmp_path, "- {id: e1, type: add-name, date: 1960-03-01, body: cs-jiwei, name: 测试县物价科,"
                        " sources: [d-web]}\n", files={"sources/documents/web.yaml": WEB})
    page = _pages(root)["wenjian/d-web.md"]
    url = "https://www.example.gov.cn/art/2021/3/1/art_1.html"
    assert f"| 网址 | [{url.replace('_', chr(92) + '_')}]({url}) |" in page, page   # the shown text escaped
    assert f"测试县机构沿革网址：{url}" in _book_text(root, "appendix")
    from zhi.writers.opendata import OpenData

    a = load_archive(root)
    docs = OpenData(a, derive_history(a), {}).documents()
    row = dict(zip([c.name for c in docs.columns], next(r for r in docs.rows if r[0] == "d-web")))
    assert row["网址"] == url   # the open data's documents.csv


def test_a_web_address_that_is_not_http_is_refused_at_its_line(tmp_path):
    bad = WEB.replace("https://www.example.gov.cn/art/2021/3/1/art_1.html", "javascript:alert(1)")
    root = archive_with(tmp_path, files={"sources/documents/web.yaml": bad})
    a = load_archive(root)
    found = [f for f in run_checks(a) if f.code == "schema-value"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/documents/web.yaml", 7)], found
    assert "不是网页地址：须以 http:// 或 https:// 开头" in found[0].message
    assert a.documents["d-web"].url == ""   # never printed


def test_a_web_address_without_a_host_or_with_a_space_is_refused(tmp_path):
    for bad in ("www.example.gov.cn/a.html", "https:///a.html", "https://www.example.gov.cn/a b.html"):
        root = archive_with(tmp_path / str(len(bad)), files={
            "sources/documents/web.yaml": WEB.replace("https://www.example.gov.cn/art/2021/3/1/art_1.html",
                                                      f'"{bad}"')})
        assert [f.loc.line for f in run_checks(load_archive(root)) if f.code == "schema-value"] == [7], bad


# ---- 3. a 考异 about a name --------------------------------------------------------------------------------
def _kaoyi_page(tmp_path: Path, note: str) -> str:
    """The site's 考异 page for a rename of 测试县计划委员会 whose 考异 is in words only."""
    root = archive_with(tmp_path, f"""
- id: e1
  type: rename
  date: 1960-03
  body: cs-jiwei
  name: 测试县计划局
  sources: [d-1956-1]
  conflict_note: {note}
""")
    return _links(_pages(root)["kaoyi.md"])


def test_a_kaoyi_about_a_name_in_words_only_states_the_name_and_its_source(tmp_path):
    # before: 本志取：1960年3月 — a date, for a 考异 about what the body was called
    page = _kaoyi_page(tmp_path, "《测试县志》作测试县计划科；从县人委文件，称测试县计划局。")
    assert "- 本志所据：测试县计划局（测〔1956〕1号）" in page, page
    assert "本志取：1960年3月" not in page


def test_a_kaoyi_about_a_date_in_words_only_still_takes_the_date(tmp_path):
    page = _kaoyi_page(tmp_path, "《测试县志》记为1960年5月，系见报日期；从县人委文件。")
    assert "- 本志取：1960年3月（测〔1956〕1号）" in page, page


# ---- 4. the source's verbs: 取消, 成员增至 --------------------------------------------------------------------
def _findings(root: Path, code: str) -> list:
    return [f for f in run_checks(load_archive(root)) if f.code == code]


def test_an_abolition_the_source_calls_cancelling_prints_its_verb_and_is_said_so_in_the_joint_entry(tmp_path):
    # before: wording was an unknown key of an abolition (schema-unknown-key) and 撤销 was printed
    root = archive_with(tmp_path, TWO_BUREAUS + """
- {id: e3, type: abolish, wording: 取消, date: 1960-03-01, body: cs-a, dashiji: 收, sources: [d-1984-7]}
- {id: e4, type: 取消, date: 1960-03-01, body: cs-b, dashiji: 收, sources: [d-1984-7]}
- {id: e5, type: abolish, date: 1960-03-01, body: cs-c, dashiji: 收, sources: [d-1984-7]}
- {id: e6, type: establish, date: 1957, body: cs-c, name: 测试县丙局, parent: cs-zhengfu, sources: [d-1956-1]}
""", {"cs-a": "政府工作部门", "cs-b": "政府工作部门", "cs-c": "政府工作部门"})
    pages = _pages(root)
    year = _links(pages["dashiji/nianbiao.md"])
    assert "取消测试县甲局。" in year and "取消测试县乙局。" in year and "撤销测试县丙局。" in year, year
    big = _links(pages["dashiji/index.md"])
    assert "取消测试县甲局、测试县乙局；撤销测试县丙局。" in big, big


def test_an_abolition_worded_as_a_suspension_is_refused_at_its_line(tmp_path):
    root = archive_with(tmp_path, TWO_BUREAUS + """
- {id: e3, type: abolish, wording: 停止活动, date: 1960-03-01, body: cs-a, sources: [d-1984-7]}
""", {"cs-a": "政府工作部门", "cs-b": "政府工作部门"})
    found = _findings(root, "schema-value")
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/events/x.yaml", 5)], found
    assert "“停止活动”不是撤销的说法" in found[0].message and "记停止活动（suspend）事件" in found[0].message


BIANWEI = """
- {id: e1, type: establish, date: 1979-06, body: cs-bw, name: 测试县编制委员会, short: 县编委, parent: cs-zhengfu,
   sources: [d-1956-1]}
"""


def test_a_membership_the_source_says_grew_prints_its_verb_between_the_members_and_the_figure(tmp_path):
    # before: 增至 was refused (schema-value) and nothing but 有成员9人 could be printed
    root = archive_with(tmp_path, BIANWEI + """
- {id: e2, type: members, date: 1983-06, body: cs-bw, members: {成员: 9}, wording: 增至, sources: [d-1956-1]}
- {id: e3, type: members, date: 1984-06, body: cs-bw, subordinates: {组: 3}, members: {成员: 11}, wording: 减为,
   sources: [d-1956-1]}
""", {"cs-bw": "议事协调机构"})
    year = _links(_pages(root)["dashiji/nianbiao.md"])
    assert "测试县编制委员会成员增至9人。" in year, year
    assert "测试县编制委员会组减为3个，有成员11人。" in year, year


def test_a_change_of_count_said_of_units_listed_by_name_is_refused(tmp_path):
    root = archive_with(tmp_path, BIANWEI + """
- {id: e2, type: members, date: 1983-06, body: cs-bw, units: [秘书组], wording: 增至, sources: [d-1956-1]}
""", {"cs-bw": "议事协调机构"})
    found = _findings(root, "schema-value")
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/events/x.yaml", 5)], found
    assert "名称之后接不上“增至”" in found[0].message


# ---- 5. the 大事记 knows the 编委 by its short name ----------------------------------------------------------
def test_the_guides_bianwei_named_by_its_short_form_is_in_the_dashiji_and_a_gazetteer_board_is_not(tmp_path):
    """guide/dashiji.md “例：来源只称县编委”: before, neither 县编委 nor 县编委办公室 was in the 大事记 (neither has
    a listed kind, both have a superior, and 编制委员会 is not in 县编委)."""
    from test_guide_examples import GUIDE, lay_out, section
    from zhi.views.dashiji import Rules, dashiji

    text = section((GUIDE / "dashiji.md").read_text(encoding="utf-8"), "### 例：来源只称“县编委”")
    a = load_archive(lay_out(tmp_path, text), with_book=False)
    h = derive_history(a)
    printed = [f"{it.date.chinese()}　{it.plain()}" for it in dashiji(a, h, Rules.from_options())]
    for line in re.findall(r"^- (\d{4}年[^\n]*。)$", text, re.MULTILINE):
        assert line in printed, (line, printed)
    assert "1979年6月　县编委成立，隶属云河县革命委员会，为议事协调机构。" in printed
    assert not any("县志编委会" in p for p in printed), printed


def test_a_bianwei_chairman_rule_holds_for_the_body_named_in_full(tmp_path):
    # before: the rule 编委主任 matched only a title ending in 编委主任; 测试县机构编制委员会主任 was left out
    root = archive_with(tmp_path, """
- {id: e1, type: establish, date: 1979-06, body: cs-bw, name: 测试县机构编制委员会, parent: cs-zhengfu, sources: [d-1956-1]}
- {id: e2, type: establish, date: 1980-06, body: cs-bb, name: 测试县机构编制委员会办公室, parent: cs-zhengfu,
   sources: [d-1956-1]}
""", {"cs-bw": "议事协调机构", "cs-bb": "其他"}, {"sources/posts/x.yaml": """
- {person: p-wang, body: cs-bw, post: 主任, from: 1991-03, sources: [d-1990-3]}
- {person: p-wang, body: cs-bb, post: 主任, from: 1992-03, sources: [d-1990-3]}
"""})
    big = _links(_pages(root)["dashiji/index.md"])
    assert "王明任测试县机构编制委员会主任。" in big and "王明任测试县机构编制委员会办公室主任。" in big, big


# ---- 6. a superior typed as a short name ---------------------------------------------------------------------
COMMITTEES = """
- {id: e1, type: establish, date: 1960-03, body: cs-xwcw, name: 中共测试县委员会常务委员会, short: 县委常委会,
   jurisdiction: cs-xian, sources: [d-1956-1]}
- {id: e2, type: establish, date: 1960-03, body: cs-rdcw, name: 测试县人民代表大会常务委员会, short: 县人大常委会,
   jurisdiction: cs-xian, sources: [d-1956-1]}
"""
COMMITTEE_KINDS = {"cs-xwcw": "党委工作部门", "cs-rdcw": "人大机关", "cs-bgs": "其他", "cs-zb": "其他"}


def _refs(tmp_path: Path, event: str, code: str) -> list:
    root = archive_with(tmp_path, COMMITTEES + event, COMMITTEE_KINDS)
    return _findings(root, code)


def test_a_superior_written_as_an_ambiguous_short_name_is_refused_naming_both_bodies_it_may_be(tmp_path):
    # before: “编号‘县常委会’不存在；请核对拼写，或先建立这条机构记录” — an invitation to a second, unlinked 县委常委会
    found = _refs(tmp_path, """
- {id: e3, type: establish, date: 1966-03, body: cs-bgs, name: 测试县办公室, parent: 县常委会, sources: [d-1956-1]}
- {id: e4, type: establish, date: 1966-04, body: cs-zb, name: 测试县生产指挥部, jurisdiction: cs-xian,
   sponsor: 县常委会, sponsor_wording: 在…领导下, sources: [d-1956-1]}
""", "ref-unknown")
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/events/x.yaml", 7), ("sources/events/x.yaml", 9)]
    for f in found:
        assert "“县常委会”是名称，不是编号" in f.message, f.message
        assert "中共测试县委员会常务委员会（cs-xwcw）" in f.message and "测试县人民代表大会常务委员会（cs-rdcw）" in f.message
        assert "zhi 不替您选" in f.message and "先建立这条" not in f.message


def test_a_superior_written_by_its_recorded_short_name_is_told_whose_name_it_is(tmp_path):
    found = _refs(tmp_path, """
- {id: e3, type: establish, date: 1966-03, body: cs-bgs, name: 测试县办公室, parent: 县委常委会, sources: [d-1956-1]}
""", "ref-unknown")
    assert [f.loc.line for f in found] == [7], found
    assert "它是中共测试县委员会常务委员会（cs-xwcw）的名称" in found[0].message


def test_a_superiors_name_as_the_source_gives_it_is_checked_not_dropped(tmp_path):
    # before: parent's as was read and silently ignored; 县常委会 is none of the committee's names
    found = _refs(tmp_path, """
- {id: e3, type: establish, date: 1966-03, body: cs-bgs, name: 测试县办公室, parent: {id: cs-xwcw, as: 县常委会},
   sources: [d-1956-1]}
""", "name-invalid")
    assert [f.loc.line for f in found] == [7], found
    assert "它任何时候都不叫“县常委会”" in found[0].message and "删去 as" in found[0].message

def test_the_guides_example_of_a_book_cited_at_two_pages_and_a_web_page_prints_what_it_says(tmp_path):
    """guide/documents.md “标题不详的文件、出版物、占位文字”: the 出处 and the 文件目录 line it promises."""
    from test_guide_examples import GUIDE, lay_out, section
    from zhi.views.chronology import chronology

    text = section((GUIDE / "documents.md").read_text(encoding="utf-8"), "## 标题不详的文件、出版物、占位文字")
    a = load_archive(lay_out(tmp_path, text), with_book=False)
    h = derive_history(a)
    en = next(en for en in chronology(a, h) if en.event.id == "ed-zf")
    cited = "（" + "；".join(en.cite_label(d) for d in en.sources) + "）"
    assert cited == "（《云河县志》卷五 政权，第203、205页；云河县人民政府网“云河县机构沿革”）"   # a web page: no 《》
    assert f"1968年3月一条之后的出处印作“{cited}”" in text
    assert a.documents["doc-yunhe-wang"].url == "https://www.example.gov.cn/art/2021/3/1/art_1.html"


# ---- real facts: 《泰顺县文化志》第三章第一节，第476页 (tests/fixtures/real/taishun-wenlian/README.md) -----------
REAL = ROOT / "tests" / "fixtures" / "real" / "taishun-wenlian"


def test_a_real_county_gazetteer_is_cited_at_its_chapter_and_page_and_linked_where_it_is_online(tmp_path):
    import shutil

    root = tmp_path / "taishun"
    shutil.copytree(REAL, root)
    pages = _pages(root)
    year = _links(pages["dashiji/nianbiao.md"])
    assert "泰顺县文学艺术界联合会（简称县文联）成立，为群团机关。（《泰顺县文化志》第三章第一节，第476页）" in year, year
    url = "https://dfz.zj.gov.cn/zlyz/ossfs/h5/DQ-Z-330329-2017-002-0101/files/basic-html/page539.html"
    assert f"({url})" in pages["wenjian/doc-tsx-wenhuazhi.md"]


def test_a_real_membership_the_source_does_not_call_a_rise_is_not_printed_as_one():
    """The source says 选出委员17人 (1991), 选出委员19人 (1997): never 增至, which it does not say."""
    from zhi.views.chronology import chronology

    a = load_archive(REAL)
    h = derive_history(a)
    printed = [f"{en.date.chinese()}　{en.plain()}" for en in chronology(a, h)]
    assert "1997年1月　泰顺县文学艺术界联合会有委员19人。" in printed, printed
    assert not any("增至" in p or "调整为" in p for p in printed)


def test_a_web_address_with_chinese_escaped_is_shown_as_a_reader_reads_it(tmp_path):
    """The 即墨 tester's 文件目录 printed …/%E5%8D%B3%E5%A2%A8%E5%B8%82 (and the line breaker then complained of a % at a
    line's start): the address is shown with Chinese decoded, the link's target as written."""
    url = "https://baike.example.org/item/%E5%8D%B3%E5%A2%A8%E5%B8%82"
    root = archive_with(tmp_path, "- {id: e1, type: add-name, date: 1960-03-01, body: cs-jiwei, name: 测试县物价科,"
                        " sources: [d-web]}\n",
                        files={"sources/documents/web.yaml": WEB.replace(
                            "https://www.example.gov.cn/art/2021/3/1/art_1.html", url)})
    page = _pages(root)["wenjian/d-web.md"]
    assert f"| 网址 | [https://baike.example.org/item/即墨市]({url}) |" in page, page
    assert "网址：https://baike.example.org/item/即墨市" in _book_text(root, "appendix")
