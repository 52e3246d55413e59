"""What a tester planting a canary (金丝雀) in secret material found published from public chapters, with
``zhi check`` silent (all refused here):

* a ruby's annotation (<rt>, <rp>) made the line read one way on the page and another to the check;
* a superscript inside a secret title (金丝<sup>雀</sup>未号密件) was read out by the check, in by a reader.

Canary strings are fictional."""

import pytest
from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.loader import load_archive
from zhi.rawhtml import sanitize

TITLE = "金丝雀未号密件"
SECRET_DOC = ("id: d-canary\nnumber: 青密〔1999〕77号\ndate: 1999-05-01\ntitle: 金丝雀未号密件\n"
              "issuer: 测试县机构编制委员会\nclassification: 秘密\n")
HEAD = "---\ntitle: 第一章 计划经济机构\n---\n\n# 第一章 计划经济机构\n\n"   # the body starts on line 7


@pytest.fixture
def root(tmp_path):
    r = make_archive(tmp_path)
    write(r, "sources/documents/d-canary.yaml", SECRET_DOC)
    return r


def _chapter(root, body: str) -> None:
    write(root, "chronicle/p1/c1.md", HEAD + body)


def _errors(root) -> list:
    return [f for f in run_checks(load_archive(root)) if f.severity == "error"]


@pytest.mark.parametrize("line", ["设立<ruby>金丝雀<rt>jin</rt></ruby>未号密件中队。",
                                  "设立金丝<ruby>雀<rt>que</rt></ruby>未号密件中队。",
                                  "设立金丝雀<rp>(</rp>未号密件中队。",
                                  "设立<RT>注音</RT>中队。"])
def test_a_ruby_annotation_is_refused_naming_the_line(root, line):
    _chapter(root, "正文。\n\n" + line + "\n")
    found = [(f.code, f.loc.file, f.loc.line) for f in _errors(root)]
    assert ("raw-html-prose", "chronicle/p1/c1.md", 9) in found, found
    message = next(f.message for f in _errors(root) if f.code == "raw-html-prose")
    assert "<rt>、<rp> 不能用" in message and "括号" in message
    # and were it let through, the page shows the tags as text: the annotation is never laid over the title
    assert "<rt>" not in sanitize(line).lower() and "<rp>" not in sanitize(line).lower()


def test_ruby_alone_shows_its_text_and_is_allowed(root):
    _chapter(root, "设立<ruby>茌平</ruby>县。\n")
    assert [f.code for f in _errors(root)] == []


def test_a_superscript_inside_a_secret_title_is_read_as_a_reader_reads_it(root):
    _chapter(root, "正文。\n\n设立金丝<sup>雀</sup>未号密件中队。\n")
    found = [(f.code, f.loc.line) for f in _errors(root)]
    assert ("secret-shared", 9) in found, found
    # a note call inside the title is still read out
    _chapter(root, "设立金丝雀<sup>1</sup>未号密件中队。\n")
    assert ("secret-shared", 7) in [(f.code, f.loc.line) for f in _errors(root)]


def test_the_scan_reads_a_page_without_a_ruby_annotation(tmp_path):
    from zhi.leaks import scan

    (tmp_path / "page.html").write_text("<p><ruby>金丝雀<rt>jin</rt></ruby>未号密件</p>", encoding="utf-8")
    assert any(x.what == TITLE for x in scan(tmp_path, {TITLE: "文件 d-canary，秘密"}))


# ---- bidirectional controls: "\u202e件密号未雀丝金\u202c" is stored reversed and shows 金丝雀未号密件

REVERSED = "\u202e件密号未雀丝金\u202c"


@pytest.mark.parametrize("line", [f"设立{REVERSED}中队。", "设立\u2067件密号未雀丝金\u2069中队。",
                                  "设立\u200f金丝雀\u200e中队。", "\u202a设立\u202b中队\u202d。\u2066\u2068\u061c"])
def test_a_bidi_control_in_a_chapter_is_refused_naming_line_and_code_point(root, line):
    _chapter(root, "正文。\n\n" + line + "\n")
    found = [f for f in _errors(root) if f.code == "bidi-control"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("chronicle/p1/c1.md", 9)], [f.as_text() for f in found]
    for c in dict.fromkeys(c for c in line if 0x200E <= ord(c) <= 0x2069 or c == "\u061c"):
        assert f"U+{ord(c):04X}" in found[0].message
    assert "请删去" in found[0].message


def test_a_bidi_control_in_a_record_or_a_full_text_is_refused(root):
    write(root, "sources/people/x.yaml", f"- id: p-x\n  name: 林{REVERSED}\n")
    write(root, "sources/documents/d-open.yaml", "id: d-open\ndate: 1999-05\ntitle: 关于测试的通知\n"
                                                 "issuer: 测试县人民政府\ntranscription: d-open.md\n")
    write(root, "sources/documents/d-open.md", f"# 关于测试的通知\n\n经研究，{REVERSED}。\n")
    found = {(f.loc.file, f.loc.line) for f in _errors(root) if f.code == "bidi-control"}
    assert found == {("sources/people/x.yaml", 2), ("sources/documents/d-open.md", 3)}, found


def test_the_scan_refuses_a_page_holding_a_bidi_control(tmp_path):
    from zhi.leaks import scan

    (tmp_path / "page.html").write_text(f"<p>设立{REVERSED}中队</p>", encoding="utf-8")
    assert [x.what for x in scan(tmp_path, {})] == ["U+202E（从右到左覆盖）", "U+202C（结束嵌入或覆盖）"]
