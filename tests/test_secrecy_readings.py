"""What an attack tester published past ``zhi check`` and the build's scan (canaries, fictional), all refused here:

* a visible combining mark inside a secret name (金\u0301丝雀…, 雀\u20dd丁十, also U+0489, U+3099, ``&#x301;``): NFKC
  keeps it, so the folded text never equalled the name; a reader reads the name with an accent over one character;
* a character inserted inside a secret name as an aside (金丝雀<s>乙</s>未号…, <sub>, ~~乙~~): read in only;
* a secret 文号 written with 年 (青密1999年77号, 青密〔1999年〕77号);
* a body whose classification is unreadable made its own establishing event "contain" its name, and the message
  told the editor to raise the event to 绝密 instead of mending the body's line.
"""

import pytest
from conftest import make_archive, write
from test_prose_leaks import SECRET_DOC, TITLE, _chapter, _errors
from zhi.docno import parse_docno
from zhi.leaks import fold, readings, scan


@pytest.fixture
def root(tmp_path):   # an archive with the secret document 金丝雀未号密件 (青密〔1999〕77号)
    r = make_archive(tmp_path)
    write(r, "sources/documents/d-canary.yaml", SECRET_DOC)
    return r


@pytest.mark.parametrize("mark", ["\u0301", "\u0489", "\u20dd", "\u3099", "&#x301;", "&#769;"])
def test_a_combining_mark_inside_a_secret_title_is_refused_naming_line_and_code_point(root, mark):
    _chapter(root, f"正文。\n\n设立金{mark}丝雀未号密件中队。\n")
    errors = _errors(root)
    found = [(f.code, f.loc.file, f.loc.line) for f in errors]
    assert ("combining-mark", "chronicle/p1/c1.md", 9) in found, found
    assert ("secret-shared", "chronicle/p1/c1.md", 9) in found, found
    message = next(f.message for f in errors if f.code == "combining-mark")
    code = "U+0301" if mark.startswith("&") else f"U+{ord(mark):04X}"
    assert code in message and "请删去" in message


def test_a_combining_mark_in_a_records_note_and_a_chapter_title_is_refused(root):
    write(root, "sources/bodies/zz.yaml", "id: cs-zz\nkind: 其他\nnote: 即金丝\u0301雀未号密件所称机构。\n")
    write(root, "chronicle/p1/c1.md", "---\ntitle: 第一章 机构（金\u20dd丝雀未号密件）\n---\n\n正文。\n")
    found = {(f.code, f.loc.file, f.loc.line) for f in _errors(root)}
    assert ("combining-mark", "sources/bodies/zz.yaml", 3) in found, found
    assert ("combining-mark", "chronicle/p1/c1.md", 2) in found, found
    assert any(c == "secret-shared" and file == "sources/bodies/zz.yaml" for c, file, _ in found), found


def test_pinyin_with_a_tone_mark_on_a_latin_letter_is_not_refused(root):
    _chapter(root, "茌（chi\u0301）平县。\n")
    assert "combining-mark" not in [f.code for f in _errors(root)]


def test_the_scan_reads_a_page_without_combining_marks(tmp_path):
    assert fold("金\u0301丝雀\u20dd未\u3099号\u0489密件") == TITLE
    (tmp_path / "page.html").write_text("<p>设立金\u0301丝雀未号密件中队</p>", encoding="utf-8")
    (tmp_path / "entity.html").write_text("<p>设立金丝雀&#x301;未号密件中队</p>", encoding="utf-8")
    assert {x.file for x in scan(tmp_path, {TITLE: "文件 d-canary，秘密"}) if x.what == TITLE} == \
        {"page.html", "entity.html"}


@pytest.mark.parametrize("line", ["设立金丝雀<s>乙</s>未号密件中队。", "设立金丝雀<sub>乙</sub>未号密件中队。",
                                  "设立金丝雀~~乙~~未号密件中队。", "设立金丝雀<del>乙</del>未号密件中队。",
                                  "设立金丝雀<small>乙</small>未号密件中队。"])
def test_a_character_inserted_as_an_aside_inside_a_secret_title_is_refused(root, line):
    _chapter(root, "正文。\n\n" + line + "\n")
    found = [(f.code, f.loc.line) for f in _errors(root)]
    assert ("secret-shared", 9) in found, found


@pytest.mark.parametrize("line", ["设立金丝<sup>雀</sup>未号<s>丙</s>密件中队。", "设立金丝<s>丙</s>雀未<sub>号</sub>密件中队。",
                                  "设立金<small>丝</small>雀未号~~丙~~密件中队。"])
def test_a_secret_title_read_with_one_kind_of_aside_in_and_the_other_out_is_refused(root, line):
    """金丝<sup>雀</sup>未号<s>丙</s>密件: a reader keeps the small 雀 and skips the struck 丙, and reads the title; with
    every aside in (…雀未号丙…) or every one out (金丝未号…) the line holds no secret."""
    _chapter(root, "正文。\n\n" + line + "\n")
    found = [(f.code, f.loc.line) for f in _errors(root)]
    assert ("secret-shared", 9) in found, found


def test_an_aside_inside_a_secret_title_in_a_records_note_is_refused(root):
    write(root, "sources/bodies/zz.yaml", "id: cs-zz\nkind: 其他\nnote: 即金丝雀~~乙~~未号密件所称机构。\n")
    found = {(f.code, f.loc.file) for f in _errors(root)}
    assert ("secret-shared", "sources/bodies/zz.yaml") in found, found


def test_readings_are_the_text_with_asides_in_and_out():
    assert readings("金丝雀<s>乙</s>未号") == ["金丝雀<s>乙</s>未号", "金丝雀未号"]
    # both kinds in one text: each kind kept while the other is dropped, too; every aside out is still the last
    assert readings("金丝<sup>雀</sup>未号<s>丙</s>") == ["金丝<sup>雀</sup>未号<s>丙</s>", "金丝<sup>雀</sup>未号",
                                                     "金丝未号<s>丙</s>", "金丝未号"]
    assert readings("金丝雀~~乙~~未号")[-1] == "金丝雀未号"
    assert readings("<span>金丝雀</span>") == ["<span>金丝雀</span>"]   # nothing aside: one reading


@pytest.mark.parametrize("page", ["<p>设立金丝雀<s>乙</s>未号密件中队</p>", "<p>设立金丝雀<del>乙</del>未号密件中队</p>",
                                  "<p>设立金丝雀<sub>乙</sub>未号密件中队</p>", "<p>设立金丝雀~~乙~~未号密件中队</p>"])
def test_the_scan_reads_a_page_without_its_asides(tmp_path, page):
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    assert any(x.what == TITLE for x in scan(tmp_path, {TITLE: "文件 d-canary，秘密"}))


@pytest.mark.parametrize("written", ["青密1999年77号", "青密〔1999年〕77号", "青密一九九九年七十七号"])
def test_a_secret_docno_written_with_nian_is_refused_by_check_and_scan(root, tmp_path, written):
    _chapter(root, f"正文。\n\n据{written}文办理。\n")
    found = [(f.code, f.loc.line) for f in _errors(root)]
    assert ("secret-shared", 9) in found, found
    out = tmp_path / "site"
    out.mkdir()
    (out / "page.html").write_text(f"<p>据{written}文办理。</p>", encoding="utf-8")
    assert scan(out, {"青密〔1999〕77号": "文件 d-canary，秘密"})


def test_the_docno_parser_reads_a_year_with_nian_and_names_the_departure():
    for written in ("青密1999年77号", "青密〔1999年〕77号"):
        d = parse_docno(written)
        assert d is not None and (d.code, d.year, d.number, d.normalised) == ("青密", 1999, 77, "青密〔1999〕77号")
        assert any("年" in p for p in d.problems)
    assert parse_docno("青密〔1999〕77号").problems == ()


def test_an_unreadable_body_level_is_named_as_the_cause_not_its_own_event(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/zz.yaml", "id: cs-zz\nkind: 其他\nclassification: 秘\u3000密\n")
    write(root, "sources/events/zz.yaml", "- id: ev-zz\n  type: establish\n  date: 1990-05\n  body: cs-zz\n"
                                          "  name: 测试县金丝雀七十办公室\n  jurisdiction: cs-xian\n"
                                          "  sources: [d-1956-1]\n  classification: 秘密\n")
    errors = _errors(root)
    assert ("classification-invalid", "sources/bodies/zz.yaml", 3) in [(f.code, f.loc.file, f.loc.line)
                                                                       for f in errors]
    shared = [f for f in errors if f.code == "secret-shared"]
    assert shared and all("sources/bodies/zz.yaml 第 3 行" in f.message for f in shared), [f.message for f in shared]
    assert not any("密级改为不低于“绝密”" in f.message for f in shared)


BOOK = ("title: 测试县机构编制志\nupper: 1949\nlower: 2000\nfront: [fanli.md]\nparts:\n  - title: {part}\n"
        "    chapters: [p1/c1.md]\nback: []\nfooter: {footer}\n")


@pytest.mark.parametrize(("part", "footer", "mkdocs", "where"), [
    ("第一篇 综合经济管理机构", "本志不含金丝雀未号密件", "", ("chronicle/book.yaml", 9)),
    ("第一篇 综合机构（含金丝雀未号密件）", "测试县", "", ("chronicle/book.yaml", 6)),
    ("第一篇 综合经济管理机构", "测试县", "site_name: 测试县\nsite_description: 据青密1999年77号编\n", ("mkdocs.yml", 2)),
])
def test_a_secret_typed_into_the_settings_is_named_at_the_settings_line(root, part, footer, mkdocs, where):
    write(root, "chronicle/book.yaml", BOOK.format(part=part, footer=footer))
    if mkdocs:
        write(root, "mkdocs.yml", mkdocs)
    found = [(f.loc.file, f.loc.line) for f in _errors(root) if f.code == "secret-shared"]
    assert found == [where], [f.as_text() for f in _errors(root)]


def test_settings_without_a_secret_pass(root):
    write(root, "chronicle/book.yaml", BOOK.format(part="第一篇 综合经济管理机构", footer="测试县地方志办公室"))
    assert not [f for f in _errors(root) if f.code == "secret-shared"]


@pytest.mark.parametrize("line", ["设立“金丝雀”未号密件中队。", "设立金丝雀·未号密件中队。", "设立金丝雀-未号密件中队。",
                                  "设立金/丝/雀/未/号/密/件中队。", "设立金丝雀（未号）密件中队。", "*[金丝雀]: 未号密件",
                                  "设立金丝雀、未号、密件中队。"])
def test_a_secret_title_split_by_punctuation_is_refused(root, line):
    """A tester published 金丝雀·七号办公室, “金丝雀”七号…, 金/丝/雀/…, 金丝雀（七号）办公室 past the check: a reader reads
    the name through the marks. The check reads each line with its punctuation out too (``leaks.unpunctuated``)."""
    _chapter(root, "正文。\n\n" + line + "\n")
    found = [(f.code, f.loc.line) for f in _errors(root)]
    assert ("secret-shared", 9) in found, found


def test_punctuation_between_two_open_words_is_not_read_as_a_secret(root):
    _chapter(root, "正文。\n\n设立金丝雀办公室、未号密件整理组。\n")   # the secret title is not in it, with or without marks
    assert "secret-shared" not in [f.code for f in _errors(root)]


@pytest.mark.parametrize("title", ["金丝雀未号密件 第一章", "第一章（金丝雀·未号密件）"])
def test_a_secret_title_in_a_chapters_front_matter_title_is_refused_by_the_check(root, title):
    """The tester's slip: the check passed it and only the build's scan stopped it, naming 159 output pages."""
    write(root, "chronicle/p1/c1.md", f"---\ntitle: {title}\n---\n\n正文。\n")
    found = [(f.code, f.loc.file, f.loc.line) for f in _errors(root)]
    assert ("secret-shared", "chronicle/p1/c1.md", 2) in found, found


def test_a_secret_title_in_an_open_documents_full_text_is_refused_at_its_line(root):
    write(root, "sources/documents/d-pub.yaml", "id: d-pub\nnumber: 测发〔1990〕1号\ndate: 1990-05-01\n"
                                                "title: 关于机构的通知\nissuer: 测试县人民政府\n")
    write(root, "sources/documents/d-pub.md", "测试县人民政府\n\n据金丝雀未号密件办理。\n")
    found = [(f.code, f.loc.file, f.loc.line) for f in _errors(root)]
    assert ("secret-shared", "sources/documents/d-pub.md", 3) in found, found


def test_a_secret_title_split_by_punctuation_in_a_records_note_is_refused(root):
    write(root, "sources/bodies/zz.yaml", "id: cs-zz\nkind: 其他\nnote: 即“金丝雀”未号密件所称机构。\n")
    found = {(f.code, f.loc.file, f.loc.line) for f in _errors(root)}
    assert ("secret-shared", "sources/bodies/zz.yaml", 3) in found, found


@pytest.mark.parametrize("page", ["<p>设立“金丝雀”未号密件中队</p>", "<p>设立金丝雀·未号密件中队</p>",
                                  "<td>金丝雀</td><td>未号密件</td>", "<p>设立金丝<sup>雀</sup>未号<s>丙</s>密件中队</p>"])
def test_the_scan_reads_a_page_through_punctuation_and_mixed_asides(tmp_path, page):
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    assert any(x.what == TITLE for x in scan(tmp_path, {TITLE: "文件 d-canary，秘密"}))


def test_the_scan_does_not_join_an_open_page_into_a_secret_name(tmp_path):
    (tmp_path / "page.html").write_text("<p>金丝雀办公室、未号密件整理组</p>", encoding="utf-8")
    assert not [x for x in scan(tmp_path, {TITLE: "文件 d-canary，秘密"}) if x.what == TITLE]


@pytest.mark.parametrize("line", ["设立金丝雀①未号①密件中队。", "设立金丝雀a未号密件中队。", "设立金丝雀\ue000未号密件中队。",
                                  "设立金丝雀™未号密件中队。", "设立金丝雀未号密件中队。".replace("未", "未¹"),
                                  "## 金丝雀Ⅰ未号密件"])
def test_a_secret_title_split_by_a_number_letter_or_symbol_is_refused(root, line):
    """The second tester's leaks: 白鹭①九号①联络①站, 白鹭a九号…, a private-use character, ™, ¹, Ⅰ between the
    characters passed the check and the scan. The check reads each line with all but Han characters out too."""
    _chapter(root, "正文。\n\n" + line + "\n")
    found = [(f.code, f.loc.line) for f in _errors(root)]
    assert any(c == "secret-shared" for c, _ in found), found


@pytest.mark.parametrize("written", ["白鹭9号联络站", "白鹭９号联络站", "白鹭玖号联络站", "白鹭①九号联络站"])
def test_a_secret_name_with_its_numeral_written_otherwise_is_refused_in_records_settings_and_file_names(root, written):
    write(root, "sources/bodies/bl.yaml", "id: cs-bl\nkind: 其他\nclassification: 秘密\n")
    write(root, "sources/events/bl.yaml", "- {id: ev-bl, type: establish, date: 1988-06, body: cs-bl, name: 白鹭九号联络站, "
                                          "jurisdiction: cs-xian, sources: [d-1956-1], classification: 秘密}\n")
    write(root, "sources/bodies/zz.yaml", f"id: cs-zz\nkind: 其他\nnote: 即{written}所称机构。\n")
    write(root, "chronicle/book.yaml", BOOK.format(part=f"第一篇 {written}", footer="测试县"))
    found = {(f.code, f.loc.file) for f in _errors(root)}
    assert ("secret-shared", "sources/bodies/zz.yaml") in found, found
    assert ("secret-shared", "chronicle/book.yaml") in found, found


def test_the_scan_reads_a_name_through_numbers_letters_and_numeral_forms(tmp_path):
    for i, page in enumerate(["<p>白鹭①九号①联络①站</p>", "<p>白鹭a九号联络站</p>", "<p>白鹭９号联络站</p>",
                              "<p>白鹭玖号联络站</p>", "<li>白鹭九号</li>\n<li>联络站</li>"]):
        (tmp_path / f"p{i}.html").write_text(page, encoding="utf-8")
    (tmp_path / "ok.html").write_text("<p>白鹭八号联络站、白鹭九号仓库</p>", encoding="utf-8")
    hit = {x.file for x in scan(tmp_path, {"白鹭九号联络站": "机构 cs-bl，秘密"})}
    assert hit == {f"p{i}.html" for i in range(5)}, hit


def test_a_name_holding_digits_keeps_them_when_read_through_separators(tmp_path):
    """The sample's 《临水县1996年机构编制统计年报》 is 内部, the 1984 and 1990 年报 are open: read without its digits
    the one title would be the others'. A name's own digits and letters are never dropped."""
    root = make_archive(tmp_path)
    write(root, "sources/documents/nb.yaml", "- {id: d-96, title: 测试县1996年机构编制统计年报, date: 1997, classification: 内部}\n"
                                             "- {id: d-84, title: 测试县1984年机构编制统计年报, date: 1985}\n")
    assert not [f.as_text() for f in _errors(root) if f.code == "secret-shared"]
    out = tmp_path / "site"
    out.mkdir()
    (out / "page.html").write_text("<p>《测试县1984年机构编制统计年报》</p>", encoding="utf-8")
    assert not scan(out, {"测试县1996年机构编制统计年报": "文件 d-96，内部"}, edition="public")
