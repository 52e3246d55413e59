"""A comment “# 秘密” inside a body's list of 内设机构 (attack tester): it held the whole body at 绝密, and every
event, post, staffing figure and chapter naming the body failed with it (86 errors on the sample, 9 errors and 10
warnings there now). zhi cannot tell which unit the comment speaks of: the units beside it are held at 绝密 (fail
closed), the body keeps its level, and ONE error at the comment's line says what zhi read and where to write the
level instead."""

import pytest
from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.editions import filter_archive
from zhi.loader import load_archive

BODY = """id: cs-jijingwei
kind: 政府工作部门
units:
  - name: 综合股
    from: 1984
{between}  - name: 保卫股
    from: 1985
{inside}  - name: 计划股
    from: 1986
"""


def _errors(root):
    a = load_archive(root)
    return a, [f for f in run_checks(a) if f.severity in ("error", "warning")]


def test_a_level_comment_between_units_is_one_error_at_its_line_and_holds_the_units_beside_it(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/jijingwei.yaml", BODY.format(between="  # 秘密\n", inside=""))
    a, found = _errors(root)
    assert [(f.code, f.loc.file, f.loc.line) for f in found] == [
        ("classification-comment", "sources/bodies/jijingwei.yaml", 6)], [f.as_text() for f in found]
    msg = found[0].message
    assert "写在机构的内设机构列表（units）中，zhi 读出它说的是“秘密”" in msg
    assert "紧挨着这行注释的内设机构“综合股”“保卫股”按绝密处理" in msg and "机构本身的密级不变" in msg
    assert "  - name: 保卫股\n    classification: 秘密\n" in msg
    body = a.bodies["cs-jijingwei"]
    assert body.classification.name == "公开"
    assert {u.name: u.classification.name for u in body.units} == {"综合股": "绝密", "保卫股": "绝密", "计划股": "公开"}
    public = filter_archive(a, "public").bodies["cs-jijingwei"]
    assert [u.name for u in public.units] == ["计划股"]


def test_a_comment_among_a_units_keys_holds_that_unit_only(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/jijingwei.yaml",
          BODY.format(between="", inside="").replace("    from: 1985\n", "    # 原件标机密\n    from: 1985\n"))
    a, found = _errors(root)
    assert [(f.code, f.loc.line) for f in found] == [("classification-comment", 7)]
    assert "内设机构“保卫股”按绝密处理" in found[0].message
    assert {u.name: u.classification.name for u in a.bodies["cs-jijingwei"].units} == \
        {"综合股": "公开", "保卫股": "绝密", "计划股": "公开"}


def test_units_written_as_plain_names_are_held_too(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/jijingwei.yaml",
          "id: cs-jijingwei\nkind: 政府工作部门\nunits:\n  - 综合股\n  # 秘密\n  - 保卫股\n  - 计划股\n")
    a, found = _errors(root)
    assert [(f.code, f.loc.line) for f in found] == [("classification-comment", 5)]
    assert {u.name: u.classification.name for u in a.bodies["cs-jijingwei"].units} == \
        {"综合股": "绝密", "保卫股": "绝密", "计划股": "公开"}


@pytest.mark.parametrize("comment", ["# 秘密", "# classification: 秘密"])
def test_the_same_comment_at_the_records_top_still_holds_the_whole_body(tmp_path, comment):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/jijingwei.yaml", comment + "\n" + BODY.format(between="", inside=""))
    a = load_archive(root)
    assert a.bodies["cs-jijingwei"].classification.name == "绝密"


def test_a_unit_that_writes_its_level_needs_no_comment_and_a_comment_of_a_secret_body_is_its_own(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/jijingwei.yaml", BODY.format(between="", inside="").replace(
        "  - name: 保卫股\n", "  - name: 保卫股\n    classification: 秘密  # 原件标秘密\n"))
    a, found = _errors(root)
    assert not [f for f in found if f.code == "classification-comment"]
    assert {u.name: u.classification.name for u in a.bodies["cs-jijingwei"].units}["保卫股"] == "秘密"
    write(root, "sources/bodies/jijingwei.yaml",
          "classification: 机密\n" + BODY.format(between="  # 秘密\n", inside=""))
    a, found = _errors(root)
    assert not [f for f in found if f.code == "classification-comment"]


def test_a_comment_under_the_last_unit_holds_that_unit_and_one_at_the_records_margin_the_body(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/jijingwei.yaml", BODY.format(between="", inside="") + "    # 秘密\n")
    a, found = _errors(root)
    assert [(f.code, f.loc.line) for f in found] == [("classification-comment", 10)]
    assert "内设机构“计划股”按绝密处理" in found[0].message
    assert a.bodies["cs-jijingwei"].classification.name == "公开"
    # at the record's margin, after the list, the comment may speak of the body: held whole, as before
    write(root, "sources/bodies/jijingwei.yaml", BODY.format(between="", inside="") + "# 秘密\n")
    assert load_archive(root).bodies["cs-jijingwei"].classification.name == "绝密"


def test_the_guide_shows_the_message_zhi_prints(tmp_path):
    from pathlib import Path

    root = make_archive(tmp_path)
    write(root, "sources/bodies/jijingwei.yaml", "id: cs-jijingwei\nkind: 政府工作部门\nunits:\n  - name: 综合股\n"
                                                 "    from: 1984\n  # 秘密\n  - name: 保卫股\n    from: 1985\n")
    [found] = [f for f in run_checks(load_archive(root)) if f.code == "classification-comment"]
    guide = (Path(__file__).resolve().parent.parent / "guide/bodies.md").read_text(encoding="utf-8")
    assert found.as_text() in guide, found.as_text()
