"""Review comments back (issue 18, item 6): the DOCX zhi writes for reviewers, marked up with Word comments and
tracked changes (made here through pandoc, which writes real w:comment, w:ins and w:del elements), is read back
and each mark is placed at the chapter file and line it belongs to."""

import argparse
import json
from pathlib import Path

import pypandoc
from conftest import ROOT, make_archive
from zhi import review
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.writers.book import BookWriter
from zhi.writers.docx import write_docx


def zhi_docx(root: Path, out: Path) -> Path:
    a = load_archive(root)
    write_docx(BookWriter(a, derive_history(a), ROOT / "theme"), out)
    return out


def span(classes, attrs, text=""):
    return {"t": "Span", "c": [["", classes, attrs], [{"t": "Str", "c": text}] if text else []]}


def mark_up(docx: Path, out: Path) -> Path:
    """A reviewer's pass over the chapter's first paragraph: a comment on 测试县计划委员会，隶属县人民委员会, and
    the comma after 合并 deleted, （经县编委批准）， inserted."""
    doc = json.loads(pypandoc.convert_file(str(docx), "json", format="docx"))
    who = [["author", "张审读"], ["date", "2026-11-20T10:00:00Z"]]
    para = next(b for b in doc["blocks"] if b["t"] == "Para" and b["c"][0].get("c") == "1956年6月设立")
    inl = para["c"]
    assert [x.get("c") for x in inl[1:4]] == ["测试县计划委员会，隶属", "县人民委员会。1984年3月与", "测试县经济委员会合并，"]
    inl[3:4] = [{"t": "Str", "c": "测试县经济委员会合并"}, span(["deletion"], [["id", "1"], *who], "，"),
                span(["insertion"], [["id", "2"], *who], "（经县编委批准），")]
    inl[1:3] = [span(["comment-start"], [["id", "0"], *who], "请核对隶属关系的起始时间"), *inl[1:3],
                span(["comment-end"], [["id", "0"]])]
    pypandoc.convert_text(json.dumps(doc), "docx", format="json", outputfile=str(out))
    return out


def test_comments_and_changes_are_placed_at_chapter_lines(tmp_path, capsys):
    root = make_archive(tmp_path)
    reviewed = mark_up(zhi_docx(root, tmp_path / "zhi.docx"), tmp_path / "审读稿.docx")
    marks = review.read_marks(reviewed)
    kinds = [(m.kind, m.author) for m in marks]
    assert ("批注", "张审读") in kinds and ("插入", "张审读") in kinds and ("删除", "张审读") in kinds
    placed = review.place_marks(marks, load_archive(root))
    chapter = (root / "chronicle/p1/c1.md").read_text(encoding="utf-8").splitlines()
    comment = next(m for m in placed if m.kind == "批注")
    assert comment.text == "请核对隶属关系的起始时间" and comment.anchor == "测试县计划委员会，隶属县人民委员会。1984年3月与"
    assert comment.file == "chronicle/p1/c1.md"
    assert "隶属[[cs-zhengfu|县人民委员会]]" in chapter[comment.line - 1]
    insertion = next(m for m in placed if m.kind == "插入")
    deletion = next(m for m in placed if m.kind == "删除")
    assert insertion.text == "（经县编委批准），" and deletion.text == "，"
    assert insertion.file == deletion.file == "chronicle/p1/c1.md"
    assert "合并，" in chapter[insertion.line - 1] and deletion.line == insertion.line
    # through the command
    p = argparse.ArgumentParser()
    review.register(p.add_subparsers())
    args = p.parse_args(["review", str(reviewed), "--root", str(root)])
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert "批注 1 条，修订 2 处（插入 1、删除 1）" in out
    assert f"chronicle/p1/c1.md:{comment.line}　批注（张审读，2026-11-20）：请核对隶属关系的起始时间" in out
    assert "修订·插入（张审读，2026-11-20）：“（经县编委批准），”" in out


def test_a_docx_without_marks_and_a_wrong_file(tmp_path, capsys):
    root = make_archive(tmp_path)
    clean = zhi_docx(root, tmp_path / "zhi.docx")
    assert review.read_marks(clean) == []
    p = argparse.ArgumentParser()
    review.register(p.add_subparsers())
    args = p.parse_args(["review", str(clean), "--root", str(root)])
    assert args.func(args) == 0 and "没有批注，也没有修订" in capsys.readouterr().out
    args = p.parse_args(["review", str(root / "chronicle/p1/c1.md"), "--root", str(root)])
    assert args.func(args) == 2 and "不是 .docx 文件" in capsys.readouterr().err


SECRET_CHAPTER = """---
title: 第二章 保密机构
classification: 秘密
---

# 第二章 保密机构

绝密测试机构丙设于县委机要室内。
"""


def commented_docx(out: Path, anchor: str) -> Path:
    """A DOCX (not one zhi wrote) with one reviewer's comment on ``anchor``."""
    who = [["author", "审读甲"], ["date", "2026-11-30T10:00:00Z"]]
    doc = {"pandoc-api-version": [1, 23, 1], "meta": {}, "blocks": [
        {"t": "Para", "c": [span(["comment-start"], [["id", "0"], *who], "此处请核对"),
                            {"t": "Str", "c": anchor}, span(["comment-end"], [["id", "0"]])]}]}
    pypandoc.convert_text(json.dumps(doc), "docx", format="json", outputfile=str(out))
    return out


def run_review(root, capsys, *argv):
    p = argparse.ArgumentParser()
    review.register(p.add_subparsers())
    args = p.parse_args(["review", *map(str, argv), "--root", str(root)])
    code = args.func(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_comment_is_never_placed_in_a_chapter_the_edition_does_not_print(tmp_path, capsys):
    """R1 of the tester: a comment whose text is only in a 秘密 chapter (in no edition, no DOCX) was placed on that
    chapter's line; it is listed as 未能对应, in the public and the internal edition alike."""
    root = make_archive(tmp_path)
    (root / "chronicle/p1/c2.md").write_text(SECRET_CHAPTER, encoding="utf-8")
    docx = commented_docx(tmp_path / "审读稿.docx", "绝密测试机构丙设于县委机要室内。")
    for edition in ("public", "internal"):
        [m] = review.place_marks(review.read_marks(docx), load_archive(root), edition)
        assert m.kind == "批注" and m.file == "" and m.line == 0
    code, out, err = run_review(root, capsys, docx)
    assert code == 0, err
    assert "c2.md" not in out and "（未能对应到正文的行；在“开头”下）　批注（审读甲，2026-11-30）：此处请核对" in out
    # the same text in a public chapter is placed there
    chapter = root / "chronicle/p1/c1.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n绝密测试机构丙设于县委机要室内。\n", encoding="utf-8")
    [m] = review.place_marks(review.read_marks(docx), load_archive(root))
    assert m.file == "chronicle/p1/c1.md"


def test_a_docx_whose_comments_declare_entities_is_refused_not_said_to_be_clean(tmp_path, capsys):
    """R2 of the tester: a comments part with a DOCTYPE and an external entity is not read, and the reader is told so
    (it was reported as “没有批注，也没有修订”)."""
    import zipfile

    root = make_archive(tmp_path)
    good = commented_docx(tmp_path / "审读稿.docx", "设立县计划委员会。")
    bad = tmp_path / "xxe.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/comments.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE w:comments [<!ENTITY x SYSTEM "file:///etc/hostname">]>', 1)
                assert b"<!DOCTYPE" in data
            dst.writestr(info, data)
    code, out, err = run_review(root, capsys, bad)
    assert code == 1 and "没有批注" not in out
    assert "word/comments.xml" in err and "含有 DTD 或实体声明" in err and "并不是没有批注" in err
    code, out, err = run_review(root, capsys, good)
    assert code == 0 and "批注 1 条" in out


INTERNAL_CHAPTER = SECRET_CHAPTER.replace("classification: 秘密", "classification: 内部").replace(
    "绝密测试机构丙设于县委机要室内。", "测试县内部刊物编辑室设于县委办公室内。")


def with_property_of(docx: Path, zhi_made: Path, out: Path) -> Path:
    """``docx`` as Word saves a reviewed copy of ``zhi_made``: the custom properties part (docProps/custom.xml) kept."""
    import zipfile

    with zipfile.ZipFile(zhi_made) as z:
        custom = z.read("docProps/custom.xml")
    with zipfile.ZipFile(docx) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename != "docProps/custom.xml":
                dst.writestr(info, src.read(info))
        dst.writestr("docProps/custom.xml", custom)
    return out


def test_the_docx_records_its_edition_and_review_reads_it(tmp_path, capsys):
    """zhi build --docx writes the edition into the DOCX (custom property zhi-edition); zhi review places marks in
    that edition's chapters without --edition, and refuses a --edition that contradicts it, in Chinese."""
    root = make_archive(tmp_path)
    (root / "chronicle/p1/c2.md").write_text(INTERNAL_CHAPTER, encoding="utf-8")
    book = root / "chronicle/book.yaml"
    book.write_text(book.read_text(encoding="utf-8").replace("[p1/c1.md]", "[p1/c1.md, p1/c2.md]"), encoding="utf-8")
    from zhi.editions import filter_archive

    made = {}
    for edition in ("public", "internal"):
        a = filter_archive(load_archive(root), edition)
        made[edition] = tmp_path / f"zhi-{edition}.docx"
        write_docx(BookWriter(a, derive_history(a), ROOT / "theme", edition), made[edition])
        assert review.recorded_edition(made[edition]) == edition
    # a reviewer's comment on a sentence only the internal edition prints, in a copy Word saved
    plain = commented_docx(tmp_path / "批注.docx", "测试县内部刊物编辑室设于县委办公室内。")
    assert review.recorded_edition(plain) is None
    reviewed = with_property_of(plain, made["internal"], tmp_path / "审读稿-内部.docx")
    assert review.recorded_edition(reviewed) == "internal"
    code, out, err = run_review(root, capsys, reviewed)
    assert code == 0, err
    assert "chronicle/p1/c2.md:8　批注（审读甲，2026-11-30）：此处请核对" in out
    assert "按内部版的正文对应（审读稿中记录的版本）" in out
    code, out, err = run_review(root, capsys, reviewed, "--edition", "public")
    assert code == 2 and out == ""
    assert "是内部版（internal）生成的审读稿（文件中记有版本），与 --edition public（公开版）不符，未读取" in err
    code, out, err = run_review(root, capsys, reviewed, "--edition", "internal")
    assert code == 0 and "chronicle/p1/c2.md:8" in out
    # a DOCX that records no edition: the flag decides, the public edition by default
    code, out, err = run_review(root, capsys, plain)
    assert code == 0 and "c2.md" not in out and "审读稿没有记录版本，默认公开版" in out
    code, out, err = run_review(root, capsys, plain, "--edition", "internal")
    assert code == 0 and "chronicle/p1/c2.md:8" in out


def test_zhi_build_docx_records_the_edition_it_was_built_for(tmp_path):
    from conftest import with_theme
    from zhi.build import build_edition

    root = with_theme(make_archive(tmp_path))
    res = build_edition(root, "internal", pdf=False, docx=True, out=tmp_path / "internal")
    assert review.recorded_edition(res.out / "zhi.docx") == "internal"
