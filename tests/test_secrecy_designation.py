"""A secret body's designation (代号: 苍梧十四号 of 临水县苍梧十四号通讯站) names it whatever word of its kind follows
(站, 所, 组, nothing) and whatever stands between its characters (· • ・ - space, full-width too): refused in every
record field and in prose, by `zhi check` at the line and by the build's scan (closedH, the attack tester's
“县苍梧·十四号站站长” in a public post's ex_officio was published)."""

import pytest
from conftest import make_archive, write
from test_prose_leaks import _chapter, _errors
from test_secrecy_variants import _scanned, _shared
from zhi.leaks import designation, stems

CW_BODY = "id: cs-cw\nkind: 其他\nclassification: 机密\n"
CW_EVENT = ("- {id: ev-cw, type: establish, date: 1988-06, body: cs-cw, name: 测试县苍梧十四号通讯站, "
            "jurisdiction: cs-xian, sources: [d-1956-1], classification: 机密}\n")
WRITTEN = ["苍梧·十四号站", "苍梧•十四号所", "苍梧・十四号组", "苍梧-十四号", "苍梧 十四号站", "苍梧－十四号站",
           "苍梧　十四号", "苍梧十四号", "苍梧14号站", "苍梧·14号"]


def _secret(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/cw.yaml", CW_BODY)
    write(root, "sources/events/cw.yaml", CW_EVENT)
    return root


def test_a_names_designation_is_its_part_up_to_the_number_with_hao():
    assert designation("苍梧十四号通讯") == "苍梧十四号"
    assert designation("鹭汀7号联络") == "鹭汀7号"
    assert designation("计划统计") == ""
    assert "苍梧十四号" in stems("测试县苍梧十四号通讯站", ["测试县"])
    assert stems("鸥屿三号联络组") == ["鸥屿三号联络", "鸥屿三号"]   # (unchanged: the core was the designation)


@pytest.mark.parametrize("written", WRITTEN)
def test_the_designation_in_a_public_posts_ex_officio_is_refused(tmp_path, written):
    root = _secret(tmp_path)
    write(root, "sources/posts/cw.yaml", "- body: cs-jijingwei\n  post: 副主任\n"
                                         f"  ex_officio: 县{written}站长\n  from: 1985\n  to: 1986\n"
                                         "  sources: [d-1984-7]\n")
    assert _shared(root) == [("sources/posts/cw.yaml", 3)]


@pytest.mark.parametrize(("field", "line"), [("system", 2), ("人员", 5)])
def test_the_designation_in_a_public_staffing_system_or_figure_is_refused(tmp_path, field, line):
    root = _secret(tmp_path)
    system, staff = ("苍梧·十四号站", "干部职工") if field == "system" else ("测试县系统", "苍梧·十四号站干部职工")
    write(root, "sources/staffing/cw.yaml", f"- jurisdiction: cs-xian\n  system: {system}\n  date: 1990\n"
                                            f"  basis: 实有\n  figures: {{人数: 18, 人员: {staff}}}\n"
                                            "  sources: [d-1990-3]\n")
    assert _shared(root) == [("sources/staffing/cw.yaml", line)]


@pytest.mark.parametrize("written", WRITTEN)
def test_the_designation_in_prose_is_refused_by_the_check_and_the_scan(tmp_path, written):
    root = _secret(tmp_path)
    _chapter(root, f"正文。\n\n县里设有{written}。\n")
    found = [f for f in _errors(root) if f.code == "secret-shared"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("chronicle/p1/c1.md", 9)], [f.as_text() for f in found]
    assert "即名称“测试县苍梧十四号通讯站”去掉地名“测试县”和通名“通讯站”" in found[0].message, found[0].message
    assert "苍梧十四号" in _scanned(root, tmp_path, f"<p>县里设有{written}。</p>")


@pytest.mark.parametrize("written", ["十四号站", "十四号"])
def test_another_number_or_the_place_alone_is_not_the_designation(tmp_path, written):
    root = _secret(tmp_path)
    _chapter(root, f"正文。\n\n县里设有{written}。\n")
    assert _shared(root) == []


@pytest.mark.parametrize("written", ["苍梧十五号站", "苍梧", "苍梧山"])
def test_the_designations_word_alone_is_refused(tmp_path, written):
    """Since closedK the designation's word (苍梧, no common word) names the body with any number or none (苍梧Ⅻ+2号
    cannot be told from another number); refused for the word alone (``cores``), fail closed even where it may be a
    mountain's name: the editor rewrites it, or the archive records the place (a jurisdiction named so opens it)."""
    from test_secrecy_variants import word_only

    word_only(_secret(tmp_path), tmp_path, f"县里设有{written}。", "苍梧")


# ---- a record's field that is an address: its %-escapes read in UTF-8 and in GBK (GB18030) -----------------------

def _escaped(text: str, encoding: str) -> str:
    from urllib.parse import quote

    return quote(text, encoding=encoding)


@pytest.mark.parametrize("encoding", ["utf-8", "gbk", "gb18030"])
def test_a_secret_name_percent_encoded_in_a_public_web_pages_url_is_refused_at_the_url_line(tmp_path, encoding):
    """The attack tester's public 网页 whose url held 苍梧十四号通讯站 %-escaped in GBK (and 苍梧十四号 in UTF-8): the
    document page printed it decoded, documents.csv kept it escaped; `zhi check` said nothing."""
    root = _secret(tmp_path)
    write(root, "sources/documents/web.yaml",
          "id: d-web\ngenre: 网页\ntitle: 县情概况\npublisher: 县政府网\ndate: 2010-05-01\n"
          f"url: https://www.example.gov.cn/a/{_escaped('测试县苍梧十四号通讯站', encoding)}.html\n"
          "accessed: 2024-05-06\n")
    assert _shared(root) == [("sources/documents/web.yaml", 6)]


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_the_build_scan_reads_a_percent_encoded_secret_name_in_an_open_data_file(tmp_path, encoding):
    """documents.csv (and the xlsx) keep a url as written: the scan reads its %-escapes in both encodings."""
    from zhi.leaks import forbidden_strings, scan
    from zhi.loader import load_archive

    root = _secret(tmp_path)
    out = tmp_path / "site"
    out.mkdir()
    (out / "documents.csv").write_text(
        f"编号,网址\nd-web,https://www.example.gov.cn/{_escaped('测试县苍梧十四号通讯站', encoding)}.html\n", encoding="utf-8")
    assert {x.what for x in scan(out, forbidden_strings(load_archive(root), "public"))} >= {"测试县苍梧十四号通讯站"}


def test_an_address_of_another_name_in_gbk_is_not_refused(tmp_path):
    root = _secret(tmp_path)
    write(root, "sources/documents/web.yaml",
          "id: d-web\ngenre: 网页\ntitle: 县情概况\npublisher: 县政府网\ndate: 2010-05-01\n"
          f"url: https://www.example.gov.cn/a/{_escaped('测试县档案馆', 'gbk')}.html\naccessed: 2024-05-06\n")
    assert _shared(root) == []
