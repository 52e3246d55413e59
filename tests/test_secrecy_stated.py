"""A document's own statement of its secrecy, wherever it stands (attack tester, "fail closed"):

* ``zhi import`` of a text whose last line is “（此件秘密，不得外传）” came in 内部; “此件按机密件管理。” at the foot came in
  public. A statement anywhere (此件秘密, 此件按秘密件管理, 本文件属国家秘密, 机密★, 绝密, with or without brackets)
  classifies the record at least at the highest level stated, and the import names the line.
* A public document's full text that says 此件按秘密件管理 / 本文件属国家秘密 passed ``zhi check``: now
  ``transcription-level`` at the full text's line, the record held at the level stated.
* A declassified document (classification 公开 with the original's mark in a comment) was refused: recorded with
  ``original_classification`` and ``declassified`` it is accepted; a bare 秘密 comment on a public record is still
  refused."""

import pytest
from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.editions import filter_archive
from zhi.importer import extract, import_files
from zhi.loader import load_archive

NOTICE = ("临水县人民政府文件\n\n临政〔2002〕44号\n\n关于设立县档案馆的通知\n\n各乡镇：决定设立县档案馆。\n\n"
          + "".join(f"第{i}条　事项{i}办理完毕。\n\n" for i in range(1, 16))
          + "临水县人民政府\n\n2002年3月14日\n\n{foot}\n")


@pytest.mark.parametrize("foot,level", [
    ("（此件秘密，不得外传）", "秘密"),
    ("此件按机密件管理。", "机密"),
    ("本件属绝密，阅后收回", "绝密"),
    ("（此件按秘密件管理）", "秘密"),
    ("机密★5年", "机密★5年"),
    ("（机密★）", "机密"),
    ("本文件密级为机密", "机密"),
])
def test_a_statement_at_the_foot_classifies_the_import_and_names_its_line(tmp_path, foot, level):
    root = make_archive(tmp_path)
    f = tmp_path / "通知.txt"
    f.write_text(NOTICE.format(foot=foot), encoding="utf-8")
    [o] = import_files(root, [f])
    assert o.status == "导入", o.reason
    md = (o.record.with_suffix(".md")).read_text(encoding="utf-8").splitlines()
    n = next(i for i, ln in enumerate(md, 1) if ln.strip() == foot)
    assert f"密级 {level}；全文第 {n} 行“{foot}”说此件为{level}" in o.reason, o.reason
    record = o.record.read_text(encoding="utf-8")
    assert f"classification: {level}\n" in record
    assert f"# 全文第 {n} 行“{foot}”，说此件为{level}；记录的密级取原件所说的最高一级" in record, record
    a = load_archive(root, with_book=False)
    assert str(a.documents[o.record.stem].classification) == level
    assert not [x for x in run_checks(a) if x.severity == "error"]


def test_a_statement_that_names_no_level_is_the_highest_with_a_note():
    ex = extract(NOTICE.format(foot="本文件属国家秘密。"))
    assert ex.classification == "绝密" and ex.stated[0][:2] == ["本文件属国家秘密。", ""]
    ex = extract("秘密★10年\n" + NOTICE.format(foot="本文件属国家秘密。"))
    assert ex.classification == "秘密★10年"   # the level is named at the head
    ex = extract(NOTICE.format(foot="此件秘密\n\n（绝密）"))
    assert ex.classification == "绝密" and not ex.doubtful   # the highest stated


def test_a_mark_inside_a_long_sentence_is_still_a_doubt_held_at_the_highest_level():
    """A 秘密★10年 inside a sentence of the body (another document's mark, perhaps) is no statement of this one's:
    it stays a marking not understood, the record at 绝密 with a 待核 note, as before."""
    ex = extract(NOTICE.format(foot="各单位对标有秘密★10年的文件要妥善保管，不得复印，不得带出机关，不得在网络上传播。"))
    assert ex.classification == "绝密" and ex.doubtful and not ex.stated


@pytest.mark.parametrize("said", ["各单位要做好绝密文件管理工作。", "关于加强国家秘密管理的规定已印发。",
                                  "本文件涉及国家秘密的部分，按规定管理。"])
def test_a_sentence_about_secrets_is_no_statement(said):
    assert extract(NOTICE.format(foot=said)).classification == ""


DOC = "id: d-c3\nnumber: 测编〔1991〕3号\nissuer: 测试县机构编制委员会\ndate: 1991-01-03\ntitle: 关于金丝雀三号的通知\n"
TEXT = "关于金丝雀三号的通知\n\n各单位：决定设立金丝雀三号。\n\n{foot}\n"


@pytest.mark.parametrize("foot,level", [("（此件按秘密件管理）", "秘密"), ("本文件属国家秘密。", "绝密"),
                                        ("此件按机密件管理", "机密")])
def test_a_public_documents_full_text_stating_a_level_is_an_error_at_its_line(tmp_path, foot, level):
    root = make_archive(tmp_path)
    write(root, "sources/documents/t.yaml", DOC)
    write(root, "sources/documents/d-c3.md", TEXT.format(foot=foot))
    a = load_archive(root)
    found = [f for f in run_checks(a) if f.code == "transcription-level"]
    assert [(f.loc.file, f.loc.line, f.severity) for f in found] == [("sources/documents/d-c3.md", 5, "error")]
    assert f"全文这一行“{foot}”" in found[0].message and "密级是“公开”" in found[0].message
    assert "original_classification" in found[0].message and "declassified" in found[0].message
    assert a.documents["d-c3"].classification.name == level
    assert "d-c3" not in filter_archive(a, "public").documents
    assert "d-c3" not in filter_archive(a, "internal").documents


DECLASSIFIED = DOC + ("# 密级：公开（原件标秘密★10年，已解密）\nclassification: 公开\n"
                      "original_classification: 秘密★10年\ndeclassified: 2015-06 依据测试县保密委员会测保〔2015〕3号\n")


def test_a_declassified_document_is_accepted_with_its_original_mark(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/documents/t.yaml", DECLASSIFIED)
    write(root, "sources/documents/d-c3.md", TEXT.format(foot="（此件按秘密件管理）"))
    a = load_archive(root)
    assert not [f for f in run_checks(a) if f.severity == "error"], [f.message for f in run_checks(a)]
    assert a.documents["d-c3"].classification.name == "公开"
    assert str(a.documents["d-c3"].declassified_from) == "秘密★10年"
    assert "d-c3" in filter_archive(a, "public").documents


def test_a_full_text_stating_more_than_the_original_is_still_refused(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/documents/t.yaml", DECLASSIFIED)
    write(root, "sources/documents/d-c3.md", TEXT.format(foot="此件按机密件管理"))
    found = [f for f in run_checks(load_archive(root)) if f.code == "transcription-level"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/documents/d-c3.md", 5)]
    assert "原密级“秘密★10年”低于全文所说的" in found[0].message


def test_a_bare_secret_comment_without_the_statement_is_still_refused(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/documents/t.yaml", DOC + "# 密级：公开（原件标秘密★10年，已解密）\nclassification: 公开\n")
    found = [f for f in run_checks(load_archive(root)) if f.code == "classification-comment"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/documents/t.yaml", 6)]
    assert "original_classification: 秘密 和" in found[0].message and "declassified:" in found[0].message
    write(root, "sources/documents/t.yaml", DOC + "# 秘密\n")
    found = [f for f in run_checks(load_archive(root)) if f.code == "classification-comment"]
    assert len(found) == 1 and "original_classification" not in found[0].message


@pytest.mark.parametrize("extra,line,said", [
    ("original_classification: 秘密★10年\n", 6, "“declassified（解密）”没有写"),
    ("original_classification: 秘密★10年\ndeclassified: 依据测保〔2015〕3号\n", 7, "须先写解密的日期、再写依据"),
    ("original_classification: 秘密★10年\ndeclassified: 2015-06\n", 7, "须先写解密的日期、再写依据"),
    ("original_classification: 很秘密\ndeclassified: 2015-06 依据测保〔2015〕3号\n", 6, "无法识别"),
    ("classification: 秘密\noriginal_classification: 秘密\ndeclassified: 2015-06 依据测保〔2015〕3号\n", 8, "谈不上解密"),
])
def test_an_incomplete_declassification_is_refused_and_held_at_the_original_level(tmp_path, extra, line, said):
    root = make_archive(tmp_path)
    write(root, "sources/documents/t.yaml", DOC + extra)
    a = load_archive(root)
    found = [f for f in run_checks(a) if f.code == "declassified-invalid"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/documents/t.yaml", line)], found
    assert said in found[0].message
    assert a.documents["d-c3"].classification.rank >= 2
    assert "d-c3" not in filter_archive(a, "internal").documents


def test_the_guides_declassified_example_with_its_full_text_checks_clean_and_is_public(tmp_path):
    """guide/documents.md “已解密的文件”: its records and its full text (with the original's 此件按秘密件管理) check
    clean, and the document is in the public edition; the same without the two keys is refused."""
    import re
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "guide" / "documents.md").read_text(encoding="utf-8")
    text = text[text.index("## 已解密的文件"):text.index("\n## 完整示例\n")]
    root = tmp_path / "project"
    for rel, body in re.findall(r"文件 `(sources/[^`]+)`[^\n]*\n+```(?:yaml|markdown)\n(.*?)```", text, re.DOTALL):
        write(root, rel, body)
    assert (root / "sources/documents/doc-lanzheng-1985-7.md").is_file()
    a = load_archive(root, with_book=False)
    assert [f.as_text() for f in run_checks(a) if f.severity == "error"] == []
    assert "doc-lanzheng-1985-7" in filter_archive(a, "public").documents
    rec = root / "sources/documents/doc-lanzheng-1985-7.yaml"
    rec.write_text(re.sub(r"(?m)^(original_classification|declassified):.*\n", "", rec.read_text(encoding="utf-8")),
                   encoding="utf-8")
    codes = {f.code for f in run_checks(load_archive(root, with_book=False)) if f.severity == "error"}
    assert "classification-comment" in codes


def test_the_guide_shows_the_message_zhi_prints_for_the_broken_fixture(tmp_path):
    from pathlib import Path

    from conftest import TESTS

    root = make_archive(tmp_path, TESTS / "fixtures/broken/transcription-level")
    [found] = [f for f in run_checks(load_archive(root)) if f.code == "transcription-level"]
    guide = (Path(__file__).resolve().parent.parent / "guide/documents.md").read_text(encoding="utf-8")
    shown = next(ln for ln in guide.splitlines() if "[transcription-level]" in ln)
    assert found.as_text().startswith(shown.removesuffix("……")), (found.as_text(), shown)
