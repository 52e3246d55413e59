"""Fail-closed defects of the secrecy checks (the second round): a truncated secret name, an abbreviation's
definition, a level word alone in a table cell, a stray level line's cause, ruby; and the house's two costs
(a chapter's title line read again from its file, the punctuation table built by walking all of Unicode)."""

import unicodedata
from pathlib import Path

import pytest
from conftest import make_archive, write
from test_prose_leaks import SECRET_DOC, _chapter, _errors
from zhi.leaks import _punctuation, unpunctuated
from zhi.loader import load_archive


@pytest.fixture
def root(tmp_path):   # an archive with the secret document 金丝雀未号密件 (青密〔1999〕77号)
    r = make_archive(tmp_path)
    write(r, "sources/documents/d-canary.yaml", SECRET_DOC)
    return r


# ---- house -----------------------------------------------------------------------------------------------------

def test_the_punctuation_table_drops_exactly_categories_p_and_s():
    """Filled lazily as characters are met: the same characters dropped as the table of every code point gave."""
    sample = [*range(0x3000), *range(0x3000, 0x3100), *range(0xFE00, 0x10000), *range(0x10000, 0x110000, 97)]
    text = "".join(chr(cp) for cp in sample)
    kept = "".join(chr(cp) for cp in sample if unicodedata.category(chr(cp))[0] not in "PS")
    assert text.translate(_punctuation()) == kept
    assert unpunctuated("“金丝雀”·七号（办公室）") == "金丝雀七号办公室"


def test_a_chapter_title_is_named_at_its_head_line(root):
    """The chapter keeps its title's line when its head is read (not found again by reading the file)."""
    write(root, "chronicle/p1/c1.md", "\n\n---\nstatus: 初稿\n\ntitle: 第一章 金丝雀未号密件\n---\n\n正文。\n")
    found = [(f.loc.file, f.loc.line) for f in _errors(root) if f.code == "secret-shared"]
    assert ("chronicle/p1/c1.md", 6) in found, found


# ---- 1. a secret name typed without its generic ending ----------------------------------------------------------

BL_BODY = "id: cs-bl\nkind: 其他\nclassification: 秘密\n"
BL_EVENT = ("- {id: ev-bl, type: establish, date: 1988-06, body: cs-bl, name: 白鹭九号联络站, jurisdiction: cs-xian, "
            "sources: [d-1956-1], classification: 秘密}\n")


@pytest.fixture
def bl(tmp_path):   # an archive with the secret body 白鹭九号联络站
    r = make_archive(tmp_path)
    write(r, "sources/bodies/bl.yaml", BL_BODY)
    write(r, "sources/events/bl.yaml", BL_EVENT)
    return r


@pytest.mark.parametrize("written", ["白鹭九号联络", "白鹭9号联络", "白鹭九号·联络"])
def test_a_secret_name_without_its_generic_ending_is_refused_in_a_chapter(bl, written):
    _chapter(bl, f"正文。\n\n该县设有{written}，负责联络。\n")
    found = [f for f in _errors(bl) if f.code == "secret-shared"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("chronicle/p1/c1.md", 9)], [f.as_text() for f in found]
    assert "白鹭九号联络站" in found[0].message and "通名“站”" in found[0].message


def test_the_whole_name_is_named_once_not_again_as_its_distinctive_part(bl):
    _chapter(bl, "该县设有白鹭九号联络站。\n")
    found = [f for f in _errors(bl) if f.code == "secret-shared"]
    assert len(found) == 1 and "“白鹭九号联络站”" in found[0].message, [f.as_text() for f in found]


def test_a_secret_names_distinctive_part_in_an_open_record_is_refused(bl):
    write(bl, "sources/bodies/zz.yaml", "id: cs-zz\nkind: 其他\nnote: 与白鹭九号联络合署办公。\n")
    found = [f for f in _errors(bl) if f.code == "secret-shared"]
    assert [f.loc.file for f in found] == ["sources/bodies/zz.yaml"], [f.as_text() for f in found]


def test_a_distinctive_part_open_records_say_anyway_is_not_refused(bl):
    """An open body 白鹭九号渔场 says the designation 白鹭九号 too, and the secret record states it is another body
    (different_from): the designation names no secret, only the whole name does. (Unstated: secret-stem-public,
    closedE.) The statement opens the designation alone (closedG): an open 白鹭九号联络处 says 白鹭九号联络, more than
    the designation, and stays refused."""
    write(bl, "sources/bodies/bl.yaml", BL_BODY + "different_from: [cs-open]\n")
    write(bl, "sources/bodies/open.yaml", "id: cs-open\nkind: 其他\n")
    for name, refused in (("白鹭九号渔场", False), ("白鹭九号联络处", True)):
        write(bl, "sources/events/open.yaml", "- {id: ev-open, type: establish, date: 1988-06, body: cs-open, "
                                              f"name: {name}, jurisdiction: cs-xian, sources: [d-1956-1]}}\n")
        _chapter(bl, f"该县设有{name}。\n")
        assert bool([f for f in _errors(bl) if f.code in ("secret-shared", "secret-stem-public")]) == refused, name


def test_a_short_distinctive_part_is_not_looked_for(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/jy.yaml", "id: cs-jy\nkind: 其他\nclassification: 秘密\n")
    write(root, "sources/events/jy.yaml", "- {id: ev-jy, type: establish, date: 1988-06, body: cs-jy, name: 鹭洲机要科, "
                                          "jurisdiction: cs-xian, sources: [d-1956-1], classification: 秘密}\n")
    _chapter(root, "鹭洲机要工作由县委办公室承担。\n")   # 鹭洲机要 is four characters: looked for
    assert [f.loc.line for f in _errors(root) if f.code == "secret-shared"] == [7]
    write(root, "sources/events/jy.yaml", "- {id: ev-jy, type: establish, date: 1988-06, body: cs-jy, name: 机要科, "
                                          "jurisdiction: cs-xian, sources: [d-1956-1], classification: 秘密}\n")
    _chapter(root, "机要工作由县委办公室承担。\n")   # 机要 alone is too common a word
    assert [f.as_text() for f in _errors(root) if f.code == "secret-shared"] == []


def test_a_secret_units_name_is_looked_for_whole_only(tmp_path):
    """A 内设机构 is named by its work: 优抚安置 in prose is the work, not the secret unit 优抚安置科."""
    root = make_archive(tmp_path)
    body = (root / "sources/bodies/jiwei.yaml").read_text(encoding="utf-8")
    write(root, "sources/bodies/jiwei.yaml", body + "units:\n  - {name: 优抚安置科, classification: 秘密}\n")
    _chapter(root, "负责优抚安置工作。\n")
    assert [f.as_text() for f in _errors(root) if f.code == "secret-shared"] == []
    _chapter(root, "设优抚安置科。\n")
    assert [f.loc.line for f in _errors(root) if f.code == "secret-shared"] == [7]


def test_the_builds_scan_refuses_a_secret_names_distinctive_part(bl, tmp_path):
    from zhi.leaks import forbidden_strings, scan
    from zhi.loader import load_archive

    forbidden = forbidden_strings(load_archive(bl), "public")
    assert "白鹭九号联络" in forbidden and "白鹭九号联络站" in forbidden["白鹭九号联络"]
    out = tmp_path / "site"
    out.mkdir()
    (out / "page.html").write_text("<p>该县设有白鹭９号联络，负责联络。</p>", encoding="utf-8")
    (out / "ok.html").write_text("<p>该县设有白鹭八号联络处。</p>", encoding="utf-8")
    # (白鹭 of 白鹭八号联络处, the designation's word with another number, is refused since closedK: 白鹭Ⅷ+1号 cannot
    # be told from another number; ``cores``)
    assert {(x.file, x.what) for x in scan(out, forbidden)} == {("page.html", "白鹭九号联络"), ("ok.html", "白鹭")}


def test_the_guide_shows_the_message_zhi_prints_for_a_distinctive_part(bl):
    _chapter(bl, "正文。\n\n该县设有白鹭九号联络，负责联络。\n")
    found = next(f for f in _errors(bl) if f.code == "secret-shared")
    guide = (Path(__file__).resolve().parent.parent / "guide/README.md").read_text(encoding="utf-8")
    assert found.as_text() in guide, found.as_text()


# ---- 2. an abbreviation's definition -------------------------------------------------------------------------

def test_an_abbreviation_definition_is_refused_and_a_secret_name_in_it_named_at_its_line(bl):
    _chapter(bl, "正文。\n\n*[BL]: 白鹭九号联络站\n")
    found = {(f.code, f.loc.file, f.loc.line) for f in _errors(bl)}
    assert ("prose-abbr", "chronicle/p1/c1.md", 9) in found, found
    assert ("secret-shared", "chronicle/p1/c1.md", 9) in found, found


def test_an_abbreviation_definition_is_printed_as_it_stands_which_is_why_it_is_refused():
    """No edition enables Markdown's abbr: the definition is a paragraph of its own, printed word for word."""
    import markdown

    assert "白鹭九号联络站" in markdown.markdown("见BL。\n\n*[BL]: 白鹭九号联络站", extensions=["tables", "sane_lists"])


def test_the_guide_shows_the_abbreviation_message_zhi_prints(root):
    _chapter(root, "正文。\n\n*[县编委]: 县机构编制委员会\n")
    found = next(f for f in _errors(root) if f.code == "prose-abbr")
    guide = (Path(__file__).resolve().parent.parent / "guide/chronicle.md").read_text(encoding="utf-8")
    assert found.as_text() in guide, found.as_text()


# ---- 3. a level word alone in a table's cell -------------------------------------------------------------------

TABLE = "| 密级 | 件数 |\n| --- | --- |\n| {a} | 3 |\n| **{b}** | 2 |\n"


def _page_marks(md: str) -> list:
    """The marks the build's scan finds in the page a chapter's Markdown makes (as the site renders a table)."""
    import re

    import markdown
    from zhi.leaks import marks_in

    page = markdown.markdown(md, extensions=["tables"])
    return marks_in(re.sub(r"<[^>]+>", " ", page), "public")


def test_a_level_word_alone_in_a_table_cell_is_refused_at_its_line_as_the_scan_refuses_the_page(root):
    table = TABLE.format(a="秘密", b="机密")
    _chapter(root, "按密级统计：\n\n" + table)
    found = [f for f in _errors(root) if f.code == "mark-word"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("chronicle/p1/c1.md", 11), ("chronicle/p1/c1.md", 12)], \
        [f.as_text() for f in found]
    assert "“秘密级”" in found[0].message and "::: 秘密" in found[0].message and "not-marks" in found[0].message
    assert ("秘密", True) in _page_marks(table) and ("机密", True) in _page_marks(table)


def test_a_level_named_as_such_in_a_cell_passes_the_check_and_the_scan(root):
    table = TABLE.format(a="秘密级", b="秘密文件")
    _chapter(root, "按密级统计：\n\n" + table)
    assert [f.as_text() for f in _errors(root) if f.code == "mark-word"] == []
    assert _page_marks(table) == []


def test_bars_outside_a_table_are_one_line_on_the_page(root):
    _chapter(root, "甲 | 秘密 | 乙\n")
    assert [f.as_text() for f in _errors(root) if f.code == "mark-word"] == []
    assert _page_marks("甲 | 秘密 | 乙\n") == []


def test_a_level_word_alone_inside_markup_is_refused(root):
    _chapter(root, "<mark>秘密</mark>\n")
    assert [f.loc.line for f in _errors(root) if f.code == "mark-word"] == [7]
    assert ("秘密", True) in _page_marks("<mark>秘密</mark>\n")


def test_the_guide_shows_the_table_cell_message_zhi_prints(root):
    _chapter(root, "按密级统计：\n\n" + TABLE.format(a="秘密", b="秘密级"))
    found = next(f for f in _errors(root) if f.code == "mark-word")
    guide = (Path(__file__).resolve().parent.parent / "guide/checks.md").read_text(encoding="utf-8")
    assert found.as_text() in guide, found.as_text()


# ---- 4. a stray level line holds its chapter at 绝密: named as the cause where a shared sentence is refused ------

SENTENCE = "本县机构编制工作在县委领导下逐步走向规范化和制度化"


def _two_chapters(root, second: str) -> None:
    write(root, "chronicle/p1/c1.md", "---\ntitle: 第一章 计划经济机构\n---\n\n# 第一章 计划经济机构\n\n" + SENTENCE + "。\n")
    write(root, "chronicle/p1/c2.md", "---\ntitle: 第二章 其他\n---\n\n# 第二章 其他\n\n" + second)
    book = root / "chronicle/book.yaml"
    book.write_text(book.read_text(encoding="utf-8").replace("chapters: [p1/c1.md]", "chapters: [p1/c1.md, p1/c2.md]"),
                    encoding="utf-8")


def test_a_sentence_shared_with_a_chapter_held_for_a_stray_line_names_that_line(root):
    _two_chapters(root, "秘密\n\n" + SENTENCE + "。\n")
    errors = _errors(root)
    assert ("passage-invalid", "chronicle/p1/c2.md", 7) in [(f.code, f.loc.file, f.loc.line) for f in errors]
    shared = [f for f in errors if f.code == "secret-shared"]
    assert [(f.loc.file, f.loc.line) for f in shared] == [("chronicle/p1/c1.md", 7)], [f.as_text() for f in shared]
    message = shared[0].message
    assert "chronicle/p1/c2.md 第 7 行“秘密”" in message and "请先改正" in message   # the cause, file and line
    assert "::: 绝密" not in message   # not the advice to hold an ordinary sentence at 绝密
    guide = (Path(__file__).resolve().parent.parent / "guide/chronicle.md").read_text(encoding="utf-8")
    assert shared[0].as_text() in guide
    # and the build's scan still refuses it (fail closed), saying why
    from zhi.leaks import forbidden_strings

    origin = forbidden_strings(load_archive(root), "public")[SENTENCE]
    assert "第 7 行“秘密”" in origin, origin


def test_a_secret_passage_of_a_held_chapter_keeps_the_ordinary_message_and_names_the_cause(root):
    """A sentence of a 秘密 passage is secret whether or not its chapter is held: refused as such, the cause of the
    chapter's 绝密 said besides."""
    _two_chapters(root, "秘密\n\n::: 秘密\n" + SENTENCE + "。\n:::\n")
    shared = [f for f in _errors(root) if f.code == "secret-shared"]
    assert [(f.loc.file, f.loc.line) for f in shared] == [("chronicle/p1/c1.md", 7)], [f.as_text() for f in shared]
    message = shared[0].message
    assert "不低于“绝密”" in message and "第 7 行“秘密”" in message and "在那里是“秘密”" in message, message
