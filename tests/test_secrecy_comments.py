"""Fail closed on a level left in a comment of a record file (tester: a canary published, build exit 0): an editor
who deletes ``classification: 秘密`` (or comments it out, or lowers it) and leaves ``# classification: 秘密``, ``# 密级：
秘密`` or the importer's ``# 原文密级标志：秘密★10年`` meant the record to be secret. ``zhi check`` names the comment's
line (``classification-comment``) and every edition holds the record back as 绝密 until the editor writes the level
in ``classification`` or deletes the comment. A “#” inside quoted text or a block of text is text, not a comment."""

import pytest
from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.editions import filter_archive
from zhi.loader import load_archive

DOC = "id: {id}\nnumber: 测编〔1991〕{n}号\nissuer: 测试县机构编制委员会\ndate: 1991-01-0{n}\ntitle: 关于金丝雀{n}号的通知\n"


def _load(tmp_path, text: str, name: str = "t.yaml"):
    root = make_archive(tmp_path)
    write(root, f"sources/documents/{name}", text)
    a = load_archive(root)
    return a, [f for f in run_checks(a) if f.code == "classification-comment"]


@pytest.mark.parametrize("comment", ["# classification: 秘密", "# 密级：秘密", "#密级：机密",
                                     "# 原文密级标志：秘密★10年；密级不得低于原件标注", "# ★10年",
                                     "# 此件不公开", "# 内部资料", "# 密级待核"])
def test_a_level_in_a_comment_of_a_public_record_is_an_error_and_holds_it(tmp_path, comment):
    a, found = _load(tmp_path, DOC.format(id="d-c1", n=1) + comment + "\n")
    assert [(f.loc.file, f.loc.line, f.severity) for f in found] == [("sources/documents/t.yaml", 6, "error")]
    assert "classification" in found[0].message and "删去" in found[0].message
    assert a.documents["d-c1"].classification.name == "绝密"
    for edition in ("public", "internal"):
        assert "d-c1" not in filter_archive(a, edition).documents


def test_a_comment_above_the_level_written_is_an_error(tmp_path):
    a, found = _load(tmp_path, DOC.format(id="d-c1", n=1) + "classification: 内部\n# 原文密级标志：机密★20年\n")
    assert [f.loc.line for f in found] == [7]
    assert "机密" in found[0].message and "内部" in found[0].message
    assert a.documents["d-c1"].classification.name == "绝密"


@pytest.mark.parametrize("text", [
    # the importer's own comments beside the level it wrote
    "classification: 秘密★10年\n# 原文密级标志：秘密★10年；密级不得低于原件标注\n",
    "classification: 内部\n# 待核：原文有附注“（此件不公开）”，此件不公开，已按内部导入（不进公开版本）；请照原件核定密级后改正\n",
    "classification: 绝密\n# 待核：原文中有“机密”，像是密级标志，但未能识别；不认识的标记按最高密级处理，暂定为绝密。\n",
    "# 密级：公开（1995年解密）\n",
    "# 年报所记与核定文件不同，尚待核对（内部版“考异”页列为待办）\n",
    "# 不涉密，可公开\n",
    "# 县保密委员会的文件\n",
    "note: \"见 # 秘密 字样\"\n",   # a # inside quotes is text (mark-word's business, not this check's)
    "note: |\n  第一行\n  # 秘密\n",      # and inside a block of text
])
def test_a_comment_consistent_with_the_level_or_no_comment_is_quiet(tmp_path, text):
    a, found = _load(tmp_path, DOC.format(id="d-c1", n=1) + text)
    assert found == []
    assert a.documents["d-c1"].classification.name != "绝密" or "绝密" in text


def test_a_comment_belongs_to_the_record_it_stands_in_between_records_to_both(tmp_path):
    text = ("- " + DOC.format(id="d-c1", n=1).replace("\n", "\n  ").rstrip() + "\n"
            "  # classification: 秘密\n"                                       # line 6: in d-c1
            "- " + DOC.format(id="d-c2", n=2).replace("\n", "\n  ").rstrip() + "\n"
            "\n# 以下一件原文标“机密”\n\n"                                     # line 13: between d-c2 and d-c3
            "- " + DOC.format(id="d-c3", n=3).replace("\n", "\n  ").rstrip() + "\n"
            "- " + DOC.format(id="d-c4", n=4).replace("\n", "\n  ").rstrip() + "\n")
    a, found = _load(tmp_path, text)
    assert {f.loc.line for f in found} == {6, 13}
    held = {k for k, d in a.documents.items() if d.classification.name == "绝密"}
    assert held == {"d-c1", "d-c2", "d-c3"}
    assert {"d-c1", "d-c2", "d-c3"}.isdisjoint(filter_archive(a, "public").documents)
    assert "d-c4" in filter_archive(a, "public").documents


def test_a_comment_heading_the_file_is_every_records(tmp_path):
    text = ("# 本文件各件均为秘密\n- " + DOC.format(id="d-c1", n=1).replace("\n", "\n  ").rstrip() + "\n"
            "- " + DOC.format(id="d-c2", n=2).replace("\n", "\n  ").rstrip() + "\n")
    a, found = _load(tmp_path, text)
    assert {f.loc.line for f in found} == {1}
    assert all(a.documents[k].classification.name == "绝密" for k in ("d-c1", "d-c2"))


def test_any_record_kind_is_held(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/memos/m.yaml", "date: 1990\nsources: [d-1984-7]\ntext: 金丝雀记事。\n# 密级：机密\n")
    write(root, "sources/people/p.yaml", "id: p-canary\nname: 金丝雀\n# classification: 秘密\n")
    a = load_archive(root)
    found = [(f.loc.file, f.loc.line) for f in run_checks(a) if f.code == "classification-comment"]
    assert sorted(found) == [("sources/memos/m.yaml", 4), ("sources/people/p.yaml", 3)]
    pub = filter_archive(a, "public")
    assert "p-canary" not in pub.people and not [m for m in pub.memos if "金丝雀" in m.text]


def test_a_comment_inside_a_secret_unit_speaks_of_the_unit(tmp_path):
    """A comment beside a part's own level (a 内设机构 marked 秘密 in a public body) is consistent with that part; the
    same comment outside it speaks of the body."""
    root = make_archive(tmp_path)
    unit = "  - name: 金丝雀室\n    from: 1990\n    classification: 秘密  # 原件标秘密\n"
    write(root, "sources/bodies/t.yaml", "id: cs-t\nkind: 其他\nunits:\n  - name: 办公室\n" + unit)
    a = load_archive(root)
    assert [f for f in run_checks(a) if f.code == "classification-comment"] == []
    assert a.bodies["cs-t"].classification.name == "公开"
    write(root, "sources/bodies/t.yaml", "id: cs-t\nkind: 其他\n# 原件标秘密\nunits:\n  - name: 办公室\n" + unit)
    a = load_archive(root)
    assert [f.loc.line for f in run_checks(a) if f.code == "classification-comment"] == [3]
    assert a.bodies["cs-t"].classification.name == "绝密"


def test_a_comment_indented_under_a_record_is_that_records_only(tmp_path):
    """The importer writes “  # 待核：…已按绝密导入” under the record it speaks of (after its last key); the public
    record that follows is not held by it (it held the next 任职 of a 任免表 import, an error on zhi's own output)."""
    text = ("- " + DOC.format(id="d-c1", n=1).replace("\n", "\n  ").rstrip() + "\n  classification: 绝密\n"
            "  # 待核：密级“秘密★”无法识别，已按绝密导入；核对原件后改正 classification\n\n"
            "- " + DOC.format(id="d-c2", n=2).replace("\n", "\n  ").rstrip() + "\n")
    a, found = _load(tmp_path, text)
    assert found == []
    assert a.documents["d-c2"].classification.name == "公开"
    # the same comment at the start of a line, between the two, still speaks of both
    a, found = _load(tmp_path / "flush", text.replace("  # 待核", "# 待核"))
    assert [f.loc.line for f in found] == [7]


# ---- outside the records: a chapter's front matter, book.yaml, house-style.yaml, mkdocs.yml ----------------------

CHAPTER = "---\ntitle: 第一章 计划经济机构\n{head}---\n\n# 第一章 计划经济机构\n\n金丝雀正文。\n"


@pytest.mark.parametrize("head,line", [
    ("# 秘密★10年\n", 3),                                     # a comment line of its own
    ("status: 修改稿   # 原稿标机密\n", 3),                      # after a key
    ("classification: 内部\n# 原件密级：秘密\n", 4),            # above the level written
    ("# 此章不公开\n", 3),
])
def test_a_level_in_a_comment_of_a_chapters_front_matter_holds_the_chapter(tmp_path, head, line):
    """Attack tester: `# 秘密★10年` in a chapter's front matter was ignored and the chapter printed in the public
    edition. The comment is `classification-comment` at its line; the chapter is held at 绝密 in every edition."""
    root = make_archive(tmp_path)
    write(root, "chronicle/p1/c1.md", CHAPTER.format(head=head))
    a = load_archive(root)
    found = [f for f in run_checks(a) if f.code == "classification-comment"]
    assert [(f.loc.file, f.loc.line, f.severity) for f in found] == [("chronicle/p1/c1.md", line, "error")]
    assert "文件头的注释" in found[0].message and "classification" in found[0].message
    [ch] = [c for c in a.book.chapters() if c.path == "chronicle/p1/c1.md"]
    assert ch.classification.name == "绝密"


def test_a_comment_consistent_with_the_chapters_level_is_quiet(tmp_path):
    root = make_archive(tmp_path)
    write(root, "chronicle/p1/c1.md", CHAPTER.format(head="classification: 秘密   # 原件标秘密★10年\n# 注：本章资料取自县档案馆\n"))
    a = load_archive(root)
    assert [f for f in run_checks(a) if f.code == "classification-comment"] == []
    [ch] = [c for c in a.book.chapters() if c.path == "chronicle/p1/c1.md"]
    assert ch.classification.name == "秘密"


@pytest.mark.parametrize("rel,edit,line", [
    ("chronicle/book.yaml", lambda t: "# 第一篇含秘密材料\n" + t, 1),
    ("chronicle/book.yaml", lambda t: t.replace("chapters: [p1/c1.md]", "chapters: [p1/c1.md]   # 机密★20年"), 7),
    ("sources/house-style.yaml", lambda t: "# 密级：内部\nnot-marks: []\n", 1),
    ("mkdocs.yml", lambda t: "site_name: x\n# 此件不公开\n", 2),
])
def test_a_level_in_a_comment_of_a_settings_file_stops_every_edition(tmp_path, rel, edit, line):
    """book.yaml, house-style.yaml and mkdocs.yml have no level, and what they hold is printed in every edition: a
    comment there that speaks of a level is an error (the build makes no edition) naming the file and line."""
    from zhi.build import BuildError, _refuse_errors

    root = make_archive(tmp_path)
    path = root / rel
    write(root, rel, edit(path.read_text(encoding="utf-8") if path.exists() else ""))
    found = [f for f in run_checks(load_archive(root)) if f.code == "classification-comment"]
    assert [(f.loc.file, f.loc.line, f.severity) for f in found] == [(rel, line, "error")]
    assert "不分密级" in found[0].message and "文件头" in found[0].message
    with pytest.raises(BuildError):
        _refuse_errors(found)


def test_the_samples_settings_and_chapters_comments_are_quiet():
    from conftest import ROOT

    found = [f for f in run_checks(load_archive(ROOT)) if f.code == "classification-comment"]
    assert found == []


@pytest.mark.parametrize("comment, level", [("# 密 级：秘 密", "秘密"), ("# 原件标注：机 密", "机密"), ("# 絕密", "绝密"),
                                            ("# 祕密", "秘密"), ("# 機密件", "机密"), ("# 秘\u200c密", "秘密"),
                                            ("# ㊙", "秘密"), ("# 原标“密”字", "秘密")])
def test_a_level_written_spaced_traditional_or_as_a_stamp_in_a_comment_is_read(comment, level):
    """An attack tester published records whose comment said their level in these forms (comment_level missed them)."""
    from zhi.classification import comment_level

    assert str(comment_level(comment)) == level


@pytest.mark.parametrize("comment", ["# 本表据县志整理", "# 密切配合", "# 秘书长任免", "# 此件为秘书科所存"])
def test_ordinary_comments_speak_of_no_level(comment):
    from zhi.classification import comment_level

    assert comment_level(comment) is None
