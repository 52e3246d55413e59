"""The outline in chronicle/book.yaml: front and back matter are files, not 篇; a chapter file the outline does not
list is still read and checked (its 密级, passages and references), what is found in it a warning until it is
listed, and it never reaches an edition."""

import json
import subprocess
import sys

from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.chronicle import UNLISTED_NOTE
from zhi.editions import filter_archive
from zhi.loader import load_archive

OUTLINE = """title: 测试县机构编制志
upper: 1949
lower: 2000
front: [fanli.md]
parts:
  - title: 第一篇 综合经济管理机构
    chapters: [p1/c1.md]
"""


def check(root) -> tuple[int, list[dict]]:
    proc = subprocess.run([sys.executable, "-m", "zhi.cli", "--root", str(root), "check", "--format", "json"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def test_a_part_under_back_is_refused_with_where_it_belongs(tmp_path):
    root = make_archive(tmp_path)
    write(root, "chronicle/book.yaml", OUTLINE + "back:\n  - title: 附篇\n    chapters: [p1/c1.md]\n")
    code, found = check(root)
    assert code == 1
    refused = [f for f in found if f["code"] == "schema-type"]
    assert len(refused) == 1 and refused[0]["file"] == "chronicle/book.yaml" and refused[0]["line"] == 9
    assert "“back（卷末）”只列文件名，不能分篇" in refused[0]["message"]
    assert "“附篇”" in refused[0]["message"] and "“parts”" in refused[0]["message"]


def test_a_part_under_front_is_refused_the_same_way(tmp_path):
    root = make_archive(tmp_path)
    text = OUTLINE.replace("front: [fanli.md]\n", "front:\n  - title: 卷首\n    chapters: [fanli.md]\n")
    write(root, "chronicle/book.yaml", text)
    a = load_archive(root)
    refused = [f for f in run_checks(a) if f.code == "schema-type"]
    assert len(refused) == 1 and refused[0].loc.line == 5 and "“front（卷首）”只列文件名" in refused[0].message
    assert a.book.front == []


def test_an_unlisted_chapter_is_checked_and_its_slips_are_warnings(tmp_path):
    root = make_archive(tmp_path)
    write(root, "chronicle/p1/c2.md", "---\ntitle: 第二章\nclassification: 秘\u00a0密\n---\n\n# 第二章\n\n"
          "见[[cs-nowhere]]。\n\n：：： 秘密\n涉密段落。\n:::\n\n#### 跳级的标题\n")
    code, found = check(root)
    assert code == 0, "a file outside the outline cannot reach the book: it does not stop the build"
    mine = {f["code"]: f for f in found if f["file"] == "chronicle/p1/c2.md"}
    assert set(mine) >= {"chapter-unlisted", "classification-invalid", "ref-unknown", "passage-invalid",
                         "heading-gap"}
    assert all(f["severity"] == "warning" for f in mine.values())
    assert mine["classification-invalid"]["line"] == 3 and "〔不换行空格 U+00A0〕" in mine["classification-invalid"]["message"]
    assert mine["ref-unknown"]["line"] == 8 and "cs-nowhere" in mine["ref-unknown"]["message"]
    assert mine["passage-invalid"]["line"] == 10
    for c in ("classification-invalid", "ref-unknown", "passage-invalid", "heading-gap"):
        assert mine[c]["message"].endswith(UNLISTED_NOTE)
        assert mine[c]["message"].count(UNLISTED_NOTE) == 1


def test_once_listed_the_same_slips_are_errors(tmp_path):
    root = make_archive(tmp_path)
    write(root, "chronicle/p1/c2.md", "# 第二章\n\n见[[cs-nowhere]]。\n")
    code, found = check(root)
    assert code == 0 and [f["severity"] for f in found if f["code"] == "ref-unknown"] == ["warning"]
    write(root, "chronicle/book.yaml", OUTLINE.replace("[p1/c1.md]", "[p1/c1.md, p1/c2.md]"))
    code, found = check(root)
    assert code == 1
    ref = [f for f in found if f["code"] == "ref-unknown"]
    assert len(ref) == 1 and ref[0]["severity"] == "error" and UNLISTED_NOTE not in ref[0]["message"]


def test_a_draft_named_with_an_underscore_is_left_alone(tmp_path):
    root = make_archive(tmp_path)
    write(root, "chronicle/p1/_c3.md", "# 草稿\n\n见[[cs-nowhere]]。\n")
    code, found = check(root)
    # the draft is not read (its broken reference is no error); zhi check only names it, so the editor knows
    # it is not in the book
    assert code == 0 and [(f["file"], f["code"], f["severity"]) for f in found] == [
        ("chronicle/p1/_c3.md", "file-skipped", "warning")]


def test_an_unlisted_chapter_reaches_no_edition(tmp_path):
    root = make_archive(tmp_path)
    write(root, "chronicle/p1/c2.md", "# 第二章\n\n计划委员会沿革。\n")
    a = load_archive(root)
    assert [c.path for c in a.book.unlisted] == ["chronicle/p1/c2.md"]
    assert "chronicle/p1/c2.md" not in {c.path for c in a.book.chapters()}
    for edition in ("public", "internal"):
        book = filter_archive(a, edition).book
        assert book.unlisted == [] and "chronicle/p1/c2.md" not in {c.path for c in book.chapters()}
