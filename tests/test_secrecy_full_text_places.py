"""A place named only in a secret document's full text (attack testers: 蓼汊坪, 枫石坳, 鹞子岙, where the secret body
stands) typed into a public 记事, event or chapter reached public output with no finding: the check compared the full
text by its sentences only. It is a secret term now (``leaks.full_text_places``): refused at the public line, and
forbidden to the build's scan, unless an open source names the place too. Canary strings are fictional."""

import pytest
from conftest import make_archive, write
from test_prose_leaks import _chapter, _errors
from test_secrecy_variants import _scanned
from zhi.leaks import forbidden_strings, full_text_places
from zhi.loader import load_archive

SECRET = ("id: d-wujia\nnumber: 测密〔1991〕37号\nissuer: 测试县机构编制委员会\ndate: 1991-05-08\n"
          "title: 关于设立雾岬八号联络站的决定\nclassification: 机密\n")
FULL = "# 关于设立雾岬八号联络站的决定\n\n设立测试县雾岬八号联络站，站址设在蓼汊坪，驻枫石坳。\n"
MEMO = ("- id: memo-zz\n  date: 1991-06\n  text: 县里在{place}新建一处院落。\n  jurisdiction: cs-xian\n"
        "  sources: [d-1956-1]\n")


@pytest.fixture
def root(tmp_path):
    r = make_archive(tmp_path)
    write(r, "sources/documents/d-wujia.yaml", SECRET)
    write(r, "sources/documents/d-wujia.md", FULL)
    return r


def _shared(root) -> list:
    return [f for f in _errors(root) if f.code == "secret-shared"]


@pytest.mark.parametrize("place", ["蓼汊坪", "枫石坳"])
def test_a_place_of_a_secret_full_text_in_a_public_memo_is_refused_at_its_line(root, place):
    write(root, "sources/memos/m.yaml", MEMO.format(place=place))
    found = _shared(root)
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/memos/m.yaml", 3)], found
    assert f"文件 d-wujia 全文（机密）的“{place}”" in found[0].message
    assert "全文里的地名" in found[0].message and "sources/documents/" in found[0].message


def test_a_place_of_a_secret_full_text_in_a_public_chapter_is_refused_at_its_line(root):
    _chapter(root, "正文。\n\n1991年，县里在蓼汊坪新建一处院落。\n")
    assert [(f.loc.file, f.loc.line) for f in _shared(root)] == [("chronicle/p1/c1.md", 9)]


def test_the_build_scan_refuses_the_place_on_a_public_page(root, tmp_path):
    assert "蓼汊坪" in forbidden_strings(load_archive(root), "public")
    assert "蓼汊坪" in _scanned(root, tmp_path, "<p>县里在蓼汊坪新建一处院落。</p>")


def test_a_place_an_open_document_names_too_is_open(root):
    write(root, "sources/documents/d-open.yaml", "id: d-open\nissuer: 测试县人民政府\ndate: 1990-01-01\n"
          "title: 关于蓼汊坪供销社的通知\n")
    write(root, "sources/memos/m.yaml", MEMO.format(place="蓼汊坪"))
    assert _shared(root) == []
    assert "蓼汊坪" not in forbidden_strings(load_archive(root), "public")


def test_a_secret_place_is_forbidden_to_the_internal_edition_too(root):
    assert "枫石坳" in forbidden_strings(load_archive(root), "internal")


def test_the_places_of_an_internal_document_are_not_secret_terms(root):
    write(root, "sources/documents/d-wujia.yaml", SECRET.replace("机密", "内部"))
    write(root, "sources/memos/m.yaml", MEMO.format(place="蓼汊坪"))
    assert _shared(root) == []


@pytest.mark.parametrize("text", ["全县各乡镇", "住房城乡建设", "划归北山区管辖", "广大农村", "上山下乡", "自然村和行政村",
                                  "1950年6月"])
def test_words_that_name_no_place_are_not_read_as_places(text):
    assert full_text_places(text) == [], full_text_places(text)


def test_a_place_is_read_with_its_two_characters_before_the_ending():
    assert full_text_places("经研究，决定在鹞子岙设立通讯站，站址设在蓼汊坪，驻枫石坳。") == ["鹞子岙", "蓼汊坪", "枫石坳"]


def test_a_place_a_secret_record_names_is_secret_too(tmp_path):
    r = make_archive(tmp_path)
    write(r, "sources/bodies/wj.yaml", "id: cs-wj\nkind: 其他\nclassification: 机密\n")
    write(r, "sources/events/wj.yaml",
          "- {id: ev-wj, type: establish, date: 1991-05, body: cs-wj, name: 测试县雾岬八号联络站, jurisdiction: cs-xian,"
          " sources: [d-1956-1], classification: 机密}\n"
          "- {id: ev-wj-seat, type: seat, date: 1992-03, body: cs-wj, wording: 驻, seat: 枫石坳,"
          " sources: [d-1956-1], classification: 机密}\n")
    write(r, "sources/memos/m.yaml", MEMO.format(place="枫石坳"))
    found = _shared(r)
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/memos/m.yaml", 3)], found
    assert "事件 ev-wj-seat" in found[0].message and "那条涉密记录里的地名" in found[0].message
