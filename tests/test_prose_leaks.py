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
    assert "<rt>、<rp> 不能用" in message and "<ruby>" in message and "括号" in message
    # and were it let through, the page shows the tags as text: the annotation is never laid over the title
    assert "<rt>" not in sanitize(line).lower() and "<rp>" not in sanitize(line).lower()


def test_ruby_itself_is_refused_with_the_bracket_advice(root):
    """<ruby> was allowed while its <rt> was refused, so a ruby could never be used: the three are refused alike, and
    the page escapes them (the tag is printed as text, never laid out as an annotation)."""
    _chapter(root, "设立<ruby>茌平</ruby>县。\n")
    found = [f for f in _errors(root) if f.code == "raw-html-prose"]
    assert [f.loc.line for f in found] == [7], [f.as_text() for f in found]
    assert "<ruby>、<rt>、<rp> 不能用" in found[0].message and "茌（chí）平" in found[0].message
    assert "<ruby>" not in sanitize("设立<ruby>茌平</ruby>县")


def test_an_annotation_in_brackets_is_allowed(root):
    _chapter(root, "设立茌（chí）平县。\n")
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


# ---- footnotes and reference links with marked passages

NOTES = """正文一[^fp]。

::: 秘密
秘密段落[^fs]，又见[^both]。
:::

正文二[^fq]，又见[^both]。

[^fp]: 公开注一。
[^fs]: 金丝雀注，只由秘密段落引用
接着写的一行金丝雀。

    金丝雀注的第二段。

[^fq]: 公开注二。
[^both]: 两处都引用的注。
"""


def _edition_body(root, edition: str) -> str:
    from zhi.editions import filter_archive

    return filter_archive(load_archive(root), edition).book.parts[0].chapters[0].body


def test_a_note_called_only_from_a_dropped_passage_goes_with_it(root):
    _chapter(root, NOTES)
    assert [f.as_text() for f in _errors(root)] == []
    for edition in ("public", "internal"):
        body = _edition_body(root, edition)
        assert "金丝雀" not in body and "[^fs]" not in body, body
        assert "[^fp]: 公开注一。" in body and "[^fq]: 公开注二。" in body and "[^both]: 两处都引用的注。" in body
    # a note called from an internal passage is the internal edition's: the public one drops it, the internal keeps it
    _chapter(root, NOTES.replace("::: 秘密", "::: 内部"))
    assert "金丝雀" not in _edition_body(root, "public")
    assert "[^fs]: 金丝雀注" in _edition_body(root, "internal")


@pytest.mark.parametrize("body, line, label, editions", [
    ("正文[^fs]。\n\n::: 秘密\n[^fs]: 金丝雀注。\n:::\n", 7, "[^fs]", "：公开版和内部版印"),
    ("见[原件][rs]。\n\n::: 秘密\n[rs]: https://example.org/canary\n:::\n", 7, "[rs]", "：公开版和内部版印"),
    ("见[RS]。\n\n::: 内部\n[rs]: https://example.org/canary\n:::\n", 7, "[rs]", "：公开版印"),
    ("前文。\n\n::: 内部\n内部的话[^n]。\n\n::: 秘密\n[^n]: 金丝雀注。\n:::\n:::\n", 10, "[^n]", "：内部版印"),
])
def test_a_call_in_open_text_whose_definition_is_in_a_passage_is_refused(root, body, line, label, editions):
    _chapter(root, body)
    found = [f for f in _errors(root) if f.code == "note-in-passage"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("chronicle/p1/c1.md", line)], [f.as_text() for f in found]
    assert label in found[0].message and "段落" in found[0].message
    assert editions in found[0].message


def test_a_definition_in_open_text_called_from_anywhere_is_fine(root):
    _chapter(root, "正文[^n]，见[原件][r]。\n\n::: 秘密\n又见[^n]与[原件][r]。\n:::\n\n[^n]: 注。\n\n[r]: https://example.org/\n")
    assert [f.as_text() for f in _errors(root)] == []
    assert "[^n]: 注。" in _edition_body(root, "public")


def test_the_site_prints_no_note_of_a_dropped_passage_and_numbers_without_a_gap(root):
    import re
    import shutil

    from conftest import ROOT
    from zhi.build import build_edition
    from zhi.leaks import file_text

    shutil.copytree(ROOT / "theme", root / "theme")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    # a source's note first, then the editor's; one of them labelled 1, as zhi labels a source's note
    _chapter(root, "设立县计经委[[d-1984-7]]，另见编者注[^1]。\n\n" + NOTES + "[^1]: 编者自己的注。\n")
    out = build_edition(root, "public", pdf=False).out
    assert not [p for p in out.rglob("*") if p.is_file() and "金丝雀" in (file_text(p) or "")]
    page = next(p for p in out.rglob("*.html") if "公开注一" in p.read_text(encoding="utf-8"))
    html = page.read_text(encoding="utf-8")
    calls = [int(n) for n in re.findall(r'class="footnote-ref"[^>]*>(\d+)</a>', html)]
    notes = re.findall(r'<li id="fn:[^"]+"', html)
    assert calls == list(range(1, len(notes) + 1)) == [1, 2, 3, 4, 5], (calls, notes)   # in reading order, no gap
    assert "编者自己的注" in html and "测编〔1984〕7号" in html


def test_the_guides_example_of_notes_and_passages_says_what_zhi_does(root):
    import re

    from conftest import ROOT

    guide = (ROOT / "guide/chronicle.md").read_text(encoding="utf-8")
    part = guide[guide.index("#### 脚注、引用式链接与密级段落"):]
    example, message = re.findall(r"```text\n(.*?)```", part, re.DOTALL)[:2]
    write(root, "chronicle/p1/c1.md", example)
    assert [f.as_text() for f in _errors(root)] == []
    body = _edition_body(root, "public")
    assert re.findall(r"^\[\^(\w+)\]:", body, re.MULTILINE) == ["hb", "gu"]
    moved = example.replace("[^hb]: 合并的经过另见编后记。\n", "").replace("::: 秘密\n", "::: 秘密\n[^hb]: 合并的经过另见编后记。\n")
    write(root, "chronicle/p1/c1.md", moved)
    assert [f.as_text() for f in _errors(root)] == [message.strip()]


def test_the_book_prints_an_editors_notes_at_the_foot_and_none_of_a_dropped_passage(root):
    # the book's HTML (what WeasyPrint lays out): before, a call printed as "^fp" and every note was lost
    import re

    from conftest import ROOT
    from zhi.editions import filter_archive
    from zhi.history import derive_history
    from zhi.writers.book import BookWriter

    _chapter(root, NOTES)
    a = load_archive(root)
    h = derive_history(a)
    pub = filter_archive(a, "public", h)
    w = BookWriter(pub, derive_history(pub), ROOT / "theme")
    html = w.chapter(pub.book.parts[0].chapters[0], 2)
    notes = re.findall(r'<span class="fn"><span id="[^"]+">([^<]*)</span></span>', html)
    assert notes == ["公开注一。", "公开注二。", "两处都引用的注。"], html
    assert "金丝雀" not in html and "^" not in re.sub(r"<[^>]+>", "", html)


def test_the_guides_example_of_an_editors_note_numbers_after_the_source(root):
    import re

    from conftest import ROOT
    from zhi.editions import filter_archive
    from zhi.history import derive_history
    from zhi.writers.book import BookWriter

    guide = (ROOT / "guide/chronicle.md").read_text(encoding="utf-8")
    example = re.search(r"```text\n {2}(1984年3月，县计划委员会与县经济委员会合并\[\[.*?) {2}```", guide, re.DOTALL).group(1)
    _chapter(root, re.sub(r"(?m)^  ", "", example))
    assert [f.as_text() for f in _errors(root)] == []
    pub = filter_archive(load_archive(root), "public")
    html = BookWriter(pub, derive_history(pub), ROOT / "theme").chapter(pub.book.parts[0].chapters[0], 2)
    notes = re.findall(r'<span class="fn"><span id="[^"]+">([^<]*)</span></span>', html)
    assert notes == ["《关于设立县计划经济委员会的通知》（测编〔1984〕7号）", "1990年以后的名称变化见第二节。"], html


@pytest.mark.parametrize("ref", ["&#x202E;", "&#8238;", "&rlm;"])
def test_a_bidi_control_written_as_a_character_reference_is_refused(root, ref):
    # Markdown passes "&#x202E;" to the page, where the browser reverses the line as for the character itself
    _chapter(root, f"正文。\n\n设立{ref}件密号未雀丝金中队。\n")
    found = [f for f in _errors(root) if f.code == "bidi-control"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("chronicle/p1/c1.md", 9)], [f.as_text() for f in found]
    assert ref in found[0].message and "U+20" in found[0].message


def test_the_sites_own_labels_leave_code_as_written():
    from zhi.writers.site import own_notes

    assert own_notes("甲[^1]乙`[^2]`丙\n```\n[^4]\n```\n[^1]: 注") == "甲[^e-1]乙`[^2]`丙\n```\n[^4]\n```\n[^e-1]: 注"


def test_a_bidi_control_in_the_sites_settings_is_refused(root):
    write(root, "mkdocs.yml", f"site_name: 测试{REVERSED}\n")
    assert [(f.code, f.loc.file, f.loc.line) for f in _errors(root)] == [("bidi-control", "mkdocs.yml", 1)]
