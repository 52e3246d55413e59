"""Leaks an independent tester found after issue 13's fixes (each input is the tester's, canary renamed)."""

from pathlib import Path

import pytest
from conftest import make_archive
from test_secrecy import assert_safe, with_chapter
from zhi.checks import run_checks
from zhi.importer import import_files
from zhi.loader import load_archive

CANARY = "青鸾探针CANARY7F3A"


def _errors(root: Path, file_part: str) -> list:
    return [f for f in run_checks(load_archive(root)) if f.severity == "error" and file_part in f.loc.file]


@pytest.mark.parametrize("head", [
    '+++\nclassification = "秘密"\n+++\n',                    # TOML front matter
    ';;;\nclassification: 秘密\n;;;\n',
])
def test_front_matter_in_another_notation_is_refused(tmp_path, head):
    root = with_chapter(make_archive(tmp_path), f"{head}\n# 测试章\n\n本章含{CANARY}。\n")
    assert assert_safe(root, canary=CANARY), "check must refuse a head it does not read"


def test_a_level_written_toml_style_in_the_body_is_refused(tmp_path):
    root = with_chapter(make_archive(tmp_path), f'# 测试章\n\nclassification = "秘密"\n\n本章含{CANARY}。\n')
    assert assert_safe(root, canary=CANARY)


@pytest.mark.parametrize("marker", ["::: 秘密", "::: 内部", "---\nclassification: 秘密\n---", "密级：秘密"])
def test_a_passage_marker_inside_a_full_text_refuses_the_build(tmp_path, marker):
    root = make_archive(tmp_path)
    d = root / "sources/documents/zz3"
    d.mkdir(parents=True)
    (d / "d.yaml").write_text("- id: doc-tp-1\n  title: 关于全文段落测试的通知\n  issuer: 测试\n  date: 1999-01-05\n",
                              encoding="utf-8")
    (d / "doc-tp-1.md").write_text(f"{marker}\n\n公开部分。\n\n{CANARY}\n\n:::\n\n公开结尾。\n", encoding="utf-8")
    errs = _errors(root, "doc-tp-1.md")
    assert errs and all(f.code == "passage-invalid" for f in errs[:1]), errs
    assert "按最高密级处理" in errs[0].message


def _imported_level(tmp_path: Path, name: str, content: str) -> str:
    root = make_archive(tmp_path)
    src = tmp_path / "imp"
    src.mkdir()
    (src / name).write_text(content, encoding="utf-8")
    [o] = import_files(root, [src / name])
    assert o.status == "导入", o.reason
    return load_archive(root).documents[o.record.stem].classification.name


BODY = "测试县人民政府文件\n\n测政〔1999〕216号\n\n关于青鸾测试的通知\n\n各单位：正文。\n\n测试县人民政府\n\n1999年3月17日\n"


def test_import_reads_a_level_in_markdown_front_matter(tmp_path):
    assert _imported_level(tmp_path, "a17.md", f"---\nclassification: 秘密\n---\n\n{BODY}") == "秘密"


def test_import_holds_an_unreadable_front_matter_level_highest(tmp_path):
    assert _imported_level(tmp_path, "a18.md", f"---\nclassification: Secret\n---\n\n{BODY}") == "绝密"


def test_import_reads_an_html_title_mark(tmp_path):
    html = "<html><head><title>机密</title></head><body>" + "".join(
        f"<p>{p}</p>" for p in BODY.split("\n\n")) + "</body></html>"
    assert _imported_level(tmp_path, "a09.html", html) == "机密"


@pytest.mark.parametrize("word", ["SECRET", "Top Secret", "CONFIDENTIAL"])
def test_import_holds_an_english_marking_highest(tmp_path, word):
    assert _imported_level(tmp_path, "a13.txt", f"{word}\n\n{BODY}") == "绝密"
