"""Characters an editor cannot see are named in every message that quotes editor text, with what to do about them.

A marker "::: 秘密" whose space is a no-break space pasted from Word, a level "秘密" with a zero-width space inside,
a key typed with the input method in full-width mode: each looks right in the editor and is refused; the message
must show why (“:::〔不换行空格 U+00A0〕秘密”) and say to delete it.
"""

import json

from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.cli import main
from zhi.findings import Finding, Loc
from zhi.invisible import ADVICE_FULLWIDTH, ADVICE_HIDDEN, quote, shown, with_advice
from zhi.loader import load_archive


def findings(root, code):
    return [f for f in run_checks(load_archive(root)) if f.code == code]


def chapter(root, body: str, head: str = "title: 第一章 计划经济机构\n") -> None:
    write(root, "chronicle/p1/c1.md", f"---\n{head}---\n\n# 第一章 计划经济机构\n\n{body}")


def test_a_passage_marker_with_a_no_break_space_is_refused_and_the_space_is_named(tmp_path):
    root = make_archive(tmp_path)
    chapter(root, "正文。\n\n:::\u00a0秘密\n涉密段落。\n:::\n")
    fs = findings(root, "passage-invalid")
    assert len(fs) == 1
    assert "“:::〔不换行空格 U+00A0〕秘密”" in fs[0].message
    assert ADVICE_HIDDEN in fs[0].message and "请删去" in fs[0].message


def test_a_level_with_a_zero_width_space_inside_is_named(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/jiwei.yaml", "id: cs-jiwei\nkind: 政府工作部门\nclassification: 秘\u200b密\n")
    fs = findings(root, "classification-invalid")
    assert len(fs) == 1 and fs[0].loc.line == 3
    assert "“秘〔零宽空格 U+200B〕密”" in fs[0].message and ADVICE_HIDDEN in fs[0].message


def test_an_ideographic_space_in_a_level_is_named_but_not_in_prose(tmp_path):
    root = make_archive(tmp_path)
    chapter(root, "正文。\n", head="title: 第一章 计划经济机构\nclassification: 秘\u3000密\n")
    fs = findings(root, "classification-invalid")
    assert len(fs) == 1 and "“秘〔全角空格 U+3000〕密”" in fs[0].message
    # a 大事记 line keeps its ideographic space: it is how the date is set off, not a slip
    assert with_advice("“1984年3月12日\u3000撤销县计划委员会”") == "“1984年3月12日\u3000撤销县计划委员会”"


def test_a_full_width_key_is_named_and_the_right_key_given(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/jiwei.yaml", "id: cs-jiwei\nkind: 政府工作部门\nｃｌａｓｓｉｆｉｃａｔｉｏｎ: 秘密\n")
    fs = findings(root, "schema-unknown-key")
    assert len(fs) == 1 and fs[0].loc.line == 3
    assert "“〔全角 ｃｌａｓｓｉｆｉｃａｔｉｏｎ〕”" in fs[0].message
    assert "应写成“classification”" in fs[0].message and ADVICE_FULLWIDTH in fs[0].message


def test_a_key_with_a_byte_order_mark_inside_is_named(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/jiwei.yaml", "id: cs-jiwei\nkind: 政府工作部门\nclassi\ufefffication: 秘密\n")
    fs = findings(root, "schema-unknown-key")
    assert len(fs) == 1
    assert "“classi〔字节顺序标记 BOM U+FEFF〕fication”" in fs[0].message
    assert "应写成“classification”" in fs[0].message and ADVICE_HIDDEN in fs[0].message


def test_zero_width_joiners_in_a_kind_are_named_with_their_count(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/jiwei.yaml", "id: cs-jiwei\nkind: 政府\u200d\u200d工作\u200c部门\n")
    fs = findings(root, "schema-value")
    assert len(fs) == 1
    assert "“政府〔零宽连字 U+200D ×2〕工作〔零宽不连字 U+200C〕部门”" in fs[0].message


def test_the_check_command_prints_the_names_in_text_and_json(tmp_path, capsys, monkeypatch):
    root = make_archive(tmp_path)
    chapter(root, "正文。\n\n：：： 秘密\n涉密段落。\n:::\n")
    monkeypatch.chdir(root)
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "〔全角 ：：：〕" in out and ADVICE_FULLWIDTH in out
    assert main(["check", "--format", "json"]) == 1
    rows = json.loads(capsys.readouterr().out)
    assert any("〔全角 ：：：〕" in r["message"] for r in rows if r["code"] == "passage-invalid")


def test_a_message_is_marked_once_whoever_built_it():
    raw = Finding("x", "error", "密级“秘\u00a0密”无法识别", Loc("a.yaml", 1))
    again = Finding("x", "error", raw.message, Loc("a.yaml", 1))
    assert raw.message == again.message
    assert raw.message.count(ADVICE_HIDDEN) == 1 and "\u00a0" not in raw.message
    assert quote("：：：", True) == "“〔全角 ：：：〕”" and shown("：：：") == "：：："
    assert with_advice("没有看不见的字符") == "没有看不见的字符"


def test_full_width_brackets_in_a_level_are_ordinary_chinese_not_a_slip():
    assert quote("秘密（10年）", True) == "“秘密（10年）”"
    assert quote("ｃｌａｓｓ：１", True) == "“〔全角 ｃｌａｓｓ：１〕”"


def test_the_guide_shows_what_zhi_prints(tmp_path):
    """guide/checks.md quotes two messages; each is what zhi prints for the slip it describes, up to its “……”."""
    from pathlib import Path
    guide = (Path(__file__).resolve().parent.parent / "guide/checks.md").read_text(encoding="utf-8")
    root = make_archive(tmp_path)
    chapter(root, "正文。\n\n:::\u00a0秘密\n涉密段落。\n:::\n")
    write(root, "sources/bodies/jiwei.yaml", "id: cs-jiwei\nkind: 政府工作部门\nｃｌａｓｓｉｆｉｃａｔｉｏｎ: 秘密\n")
    printed = [f.as_text() for f in run_checks(load_archive(root))]
    shown_in_guide = [line for line in guide.splitlines() if "〔" in line and line.startswith(("chronicle/", "sources/"))]
    assert len(shown_in_guide) == 2
    for line in shown_in_guide:
        head, _, tail = line.partition("……")
        assert any(p.startswith(head) and p.endswith(tail) for p in printed), (line, printed)


def test_the_import_preview_names_a_hidden_character_in_a_cell(tmp_path, capsys):
    """A 依据 cell copied from Word with a zero-width space after 号: the row is not read, and the line says why."""
    import argparse

    from zhi.commands import importing

    root = make_archive(tmp_path)
    table = tmp_path / "任免.csv"
    table.write_text("姓名,性别,机构,职务,任职时间,依据\n王明,男,cs-jijingwei,主任,1984-03,测编〔1984〕7号\u200b\n",
                     encoding="utf-8")
    p = argparse.ArgumentParser()
    importing.register(p.add_subparsers())
    args = p.parse_args(["import", str(table), "--root", str(root)])
    assert args.func(args) == 1
    err = capsys.readouterr().err
    assert "未读入  第 2 行：依据“测编〔1984〕7号〔零宽空格 U+200B〕”在档案中找不到" in err and ADVICE_HIDDEN in err


def test_a_search_option_with_a_hidden_character_is_refused_naming_it():
    import pytest
    from zhi.commands.search import UsageError, parse_levels

    with pytest.raises(UsageError) as e:
        parse_levels(["秘\u200b密"])
    assert "“秘〔零宽空格 U+200B〕密”" in str(e.value) and ADVICE_HIDDEN in str(e.value)


def test_a_real_document_marked_with_a_hidden_character_is_named_and_held_back(tmp_path):
    """Facts of a real document, from the 机构编制管理 section of a published Anhui provincial gazetteer
    (http://cdn.zuxun100.com/wap/article/difangzhi/info/3306, “第一节 国家机关机构编制管理”): 国家编委,
    1963年7月26日, 《关于划分国家行政、事业、企业编制的意见(草稿)》. Its 密级 “内部” typed with a zero-width space
    inside is not understood: zhi check names the character, and no edition holds the record (held at 绝密)."""
    from zhi.editions import filter_archive

    root = make_archive(tmp_path)
    write(root, "sources/documents/guojia.yaml", "id: d-1963-bianwei\nissuer: 国家编委\ndate: 1963-07-26\n"
          "title: 关于划分国家行政、事业、企业编制的意见(草稿)\nclassification: 内\u200b部\n")
    a = load_archive(root)
    fs = [f for f in run_checks(a) if f.code == "classification-invalid"]
    assert len(fs) == 1 and fs[0].loc == Loc("sources/documents/guojia.yaml", 5)
    assert "“内〔零宽空格 U+200B〕部”" in fs[0].message and ADVICE_HIDDEN in fs[0].message
    assert a.documents["d-1963-bianwei"].classification.name == "绝密"
    for edition in ("public", "internal"):
        assert "d-1963-bianwei" not in filter_archive(a, edition).documents
