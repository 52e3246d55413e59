"""What an attack tester slipped past the chapter's passage markers (all fixed here):

* a level marker in a table cell (``| ::: 秘密 | … |``), in a header row, mid-line or after a heading's hashes
  was printed as text with what it was meant to hold, and ``zhi check`` was silent (build exit 0);
* a ``secret-shared`` line in a chapter that also had a ``passage-invalid`` marker was not reported (the held
  chapter counted as 绝密, so nothing in it could be "lower" than a secret);
* ``::: 秘密`` with a trailing full-width space (U+3000) was refused, the message quoting a plain “::: 秘密”;
* a chapter file named with a secret record's name crashed the build (IsADirectoryError) and ``zhi check`` said
  nothing.

Canary strings are fictional."""

import pytest
import test_prose_secrecy
from conftest import with_theme, write
from zhi.build import LeakError, build_edition
from zhi.checks import run_checks
from zhi.chronicle import strip_passages
from zhi.classification import Level
from zhi.loader import load_archive

HEAD = "---\ntitle: 第一章 计划经济机构\n---\n\n# 第一章 计划经济机构\n\n"   # the body starts at line 7
root = test_prose_secrecy.root   # a fixture: the base archive with a 秘密 body named 测试县鹤汀局


def _chapter(root, body: str, rel: str = "p1/c1.md") -> None:
    write(root, f"chronicle/{rel}", HEAD + body)


def _errors(root):
    a = load_archive(root)
    return a, [f for f in run_checks(a) if f.severity == "error"]


@pytest.mark.parametrize("body, line", [
    ("| 项目 | 说明 |\n| --- | --- |\n| ::: 秘密 | 金丝雀80表格 |\n", 9),          # a table cell
    ("| ::: 秘密 | 说明 |\n| --- | --- |\n| 项目 | 金丝雀80表格 |\n", 7),          # the header row
    ("| 项目 | 说明 |\n| --- | --- |\n| 甲 | ：：：秘密 金丝雀80 |\n", 9),          # full-width colons
    ("正文 ::: 秘密 金丝雀80中间\n", 7),                                              # mid-line
    ("## 概况 ::: 机密\n\n金丝雀80标题\n", 7),                                         # in a heading
    ("> 引文 ::: 绝密 金丝雀80引文\n", 7),                                             # in a quotation
    ("- 一项 ::: 内部\n- 金丝雀80列表\n", 7),                                         # in a list item
])
def test_a_marker_not_alone_on_its_line_is_invalid_and_holds_the_chapter(root, body, line):
    _chapter(root, body)
    a, errors = _errors(root)
    found = [(f.code, f.loc.file, f.loc.line) for f in errors]
    assert found == [("passage-invalid", "chronicle/p1/c1.md", line)], [f.as_text() for f in errors]
    assert "单独一行" in errors[0].message and "::: 秘密" in errors[0].message
    assert a.book.parts[0].chapters[0].classification.name == "绝密"


def test_a_marker_in_a_full_texts_table_cell_is_invalid(root):
    write(root, "sources/documents/d-open.yaml", "id: d-open\ndate: 1999-05\ntitle: 关于测试的通知\n"
                                                 "issuer: 测试县人民政府\ntranscription: d-open.md\n")
    write(root, "sources/documents/d-open.md", "# 关于测试的通知\n\n| 项目 | 说明 |\n| --- | --- |\n"
                                               "| ::: 秘密 | 金丝雀81全文 |\n")
    _, errors = _errors(root)
    assert [(f.code, f.loc.file, f.loc.line) for f in errors] == [
        ("passage-invalid", "sources/documents/d-open.md", 5)], [f.as_text() for f in errors]


def test_words_and_colons_that_are_no_marker_stay_quiet(root):
    _chapter(root, "时间为10:30，比分2:1。\n\n| 项目 | 说明 |\n| --- | --- |\n| 内部机构 | 秘密文件管理 |\n")
    assert _errors(root)[1] == []


def test_a_secret_in_a_chapter_with_an_invalid_marker_is_reported_as_well(root):
    _chapter(root, "::: 秘蜜\n金丝雀82。\n:::\n\n1985年设立测试县鹤汀局。\n")
    _, errors = _errors(root)
    found = [(f.code, f.loc.line) for f in errors]
    assert found == [("passage-invalid", 7), ("secret-shared", 11)], [f.as_text() for f in errors]
    assert errors[1].message.startswith("chronicle/p1/c1.md（公开）写出了")   # the chapter's open text
    # inside the passage the unreadable marker opens, nothing is guessed: it is held at 绝密
    _chapter(root, "::: 秘蜜\n1985年设立测试县鹤汀局。\n:::\n")
    assert [f.code for f in _errors(root)[1]] == ["passage-invalid"]


def test_trailing_whitespace_of_any_kind_after_a_marker_is_taken_off(root):
    _chapter(root, "公开的话。\n\n::: 秘密\u3000\n金丝雀83全角空格。\n:::\u3000\n\n又一句公开的话。\n")
    a, errors = _errors(root)
    assert errors == [], [f.as_text() for f in errors]
    ch = a.book.parts[0].chapters[0]
    assert ch.classification.name == "公开"
    assert [(lv.name, first, last) for lv, first, last in ch.passages] == [("秘密", 5, 7)]
    public = strip_passages(ch, Level("公开"))
    assert "金丝雀83" not in public and "又一句公开的话" in public


def test_an_odd_space_inside_a_marker_is_shown_in_the_message(root):
    _chapter(root, ":::\u3000秘密\n金丝雀84。\n:::\n")
    _, errors = _errors(root)
    assert [(f.code, f.loc.line) for f in errors] == [("passage-invalid", 7)], [f.as_text() for f in errors]
    assert "U+3000" in errors[0].message, errors[0].message


def _secret_file_name(root):
    with_theme(root)
    (root / "chronicle/p1/c1.md").rename(root / "chronicle/p1/测试县鹤汀局.md")
    book = root / "chronicle/book.yaml"
    book.write_text(book.read_text(encoding="utf-8").replace("p1/c1.md", "p1/测试县鹤汀局.md"), encoding="utf-8")


def test_a_chapter_file_named_with_a_secret_is_reported_at_the_outline(root):
    _secret_file_name(root)
    _, errors = _errors(root)
    found = [(f.code, f.loc.file, f.loc.line) for f in errors]
    assert found == [("secret-shared", "chronicle/book.yaml", 7)], [f.as_text() for f in errors]
    assert "测试县鹤汀局" in errors[0].message and "文件名" in errors[0].message


def test_the_build_refuses_a_folder_named_with_a_secret_with_a_clear_message(root, monkeypatch):
    """The check names it first; the build's own scan, behind it, stops the build with a clear message."""
    import zhi.checks.secrecy

    _secret_file_name(root)
    monkeypatch.setattr(zhi.checks.secrecy, "_chapter_file_names", lambda a, ents: iter(()))
    with pytest.raises(LeakError) as e:   # was IsADirectoryError: removing the refused folder as if it were a file
        build_edition(root, "public", pdf=False)
    assert "保密检查未通过" in str(e.value) and "zhi/p1/测试县鹤汀局" in str(e.value), str(e.value)
    assert "在文件或目录名中" in str(e.value)


def test_the_guides_table_in_a_passage_is_read_as_the_guide_says(root):
    from conftest import ROOT

    guide = (ROOT / "guide/chronicle.md").read_text(encoding="utf-8")
    block = next(b for b in guide.split("```text\n")[1:] if "| 实有人数 | 9名 |" in b).split("```")[0]
    _chapter(root, block)
    a, errors = _errors(root)
    assert errors == [], [f.as_text() for f in errors]
    public = strip_passages(a.book.parts[0].chapters[0], Level("公开"))
    assert "行政编制 | 12名" in public and "实有人数" not in public


def test_a_marker_in_a_chapters_or_a_parts_title_is_invalid(root):
    write(root, "chronicle/p1/c1.md", '---\ntitle: "第一章 ::: 秘密 金丝雀85"\n---\n\n正文。\n')
    a, errors = _errors(root)
    assert [(f.code, f.loc.file, f.loc.line) for f in errors] == [("passage-invalid", "chronicle/p1/c1.md", 2)], \
        [f.as_text() for f in errors]
    assert "标题" in errors[0].message
    assert a.book.parts[0].chapters[0].classification.name == "绝密"
    _chapter(root, "正文。\n")
    book = root / "chronicle/book.yaml"
    book.write_text(book.read_text(encoding="utf-8").replace("第一篇 综合经济管理机构", '"第一篇 ::: 秘密 金丝雀86"'),
                    encoding="utf-8")
    _, errors = _errors(root)
    assert [(f.code, f.loc.file, f.loc.line) for f in errors] == [("passage-invalid", "chronicle/book.yaml", 6)], \
        [f.as_text() for f in errors]
