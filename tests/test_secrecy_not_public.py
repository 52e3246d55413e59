"""Fail closed on a public record that says it is not public (tester: ``note: 此件不公开`` on a record with no
classification was published, check silent): words of the 附注 kind (此件不公开, 不得公开, 不予公开, 内部使用 …) in
any text an editor types into a record of level 公开 are an error (``not-public-word``, at the text's line), and the
record is held back from the public edition as 内部. The words are one list with the importer's
(``classification.NOT_PUBLIC``); a title in which they are ordinary wording is let through by the house style's
``not-marks``, as for ``mark-word``."""

import pytest
from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.editions import filter_archive
from zhi.importer import extract
from zhi.loader import load_archive

DOC = "id: d-c3\nnumber: 测编〔1991〕3号\nissuer: 测试县机构编制委员会\ndate: 1991-01-03\ntitle: 关于金丝雀三号的通知\n"


def _found(a):
    return [f for f in run_checks(a) if f.code == "not-public-word"]


@pytest.mark.parametrize("note", ["此件不公开", "（此件不公开）", "本件不得公开", "不予公开", "此文不宜公开",
                                  "仅供内部参考", "内部使用", "此件不公開"])
def test_a_not_public_note_on_a_public_document_is_an_error_and_held_from_the_public_edition(tmp_path, note):
    root = make_archive(tmp_path)
    write(root, "sources/documents/t.yaml", DOC + f"note: {note}\n")
    a = load_archive(root)
    found = _found(a)
    assert [(f.loc.file, f.loc.line, f.severity) for f in found] == [("sources/documents/t.yaml", 6, "error")]
    assert "classification" in found[0].message and "公开版不收" in found[0].message
    assert "d-c3" not in filter_archive(a, "public").documents
    assert "d-c3" in filter_archive(a, "internal").documents


def test_any_text_of_any_record_kind_is_read(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/memos/m.yaml", "date: 1990\nsources: [d-1984-7]\ntext: 县里召开金丝雀会议，会议纪要不予公开。\n")
    write(root, "sources/people/p.yaml", "id: p-canary\nname: 金丝雀\nnote: 内部使用\n")
    write(root, "sources/events/e.yaml", "- id: ev-canary\n  type: add-name\n  date: 1990\n  sources: [d-1984-7]\n"
                                         "  body: cs-jiwei\n  name: 测试县金丝雀站\n  note: 此件不公开\n")
    a = load_archive(root)
    found = sorted((f.loc.file, f.loc.line) for f in _found(a))
    assert found == [("sources/events/e.yaml", 7), ("sources/memos/m.yaml", 3), ("sources/people/p.yaml", 3)]
    pub = filter_archive(a, "public")
    assert "p-canary" not in pub.people
    assert not [e for e in pub.events if e.id == "ev-canary"]
    assert not [m for m in pub.memos if "金丝雀" in m.text]


def test_an_internal_record_may_say_so(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/documents/t.yaml", DOC + "classification: 内部\nnote: 此件不公开\n")
    a = load_archive(root)
    assert _found(a) == [] and a.documents["d-c3"].classification.name == "内部"


def test_a_title_confirmed_in_not_marks_is_ordinary_wording(tmp_path):
    root = make_archive(tmp_path)
    title = "关于政府信息不予公开的答复"
    write(root, "sources/documents/t.yaml", DOC.replace("关于金丝雀三号的通知", title))
    assert [f.loc.line for f in _found(load_archive(root))] == [5]
    write(root, "sources/house-style.yaml", f"not-marks:\n  - {title}\n")
    a = load_archive(root)
    assert _found(a) == [] and "d-c3" in filter_archive(a, "public").documents
    assert not [f for f in run_checks(a) if f.code == "house-style"]


def test_the_importer_reads_the_same_words(tmp_path):
    """One list: a notice whose 附注 says 此件不得公开 (the importer knew only 此件不公开, 不予公开) comes in 内部."""
    ex = extract("临水县人民政府文件\n临政〔2002〕43号\n关于设立县档案局的通知\n各乡镇：决定设立县档案局。\n"
                 "临水县人民政府\n2002年3月13日\n\n（此件不得公开）\n")
    assert ex.classification == "内部" and "此件不得公开" in ex.not_public


def test_a_full_text_ending_in_the_annotation_is_held_a_sentence_of_it_is_not(tmp_path):
    """A public document's full text (its .md) whose last line is the 附注 （此件不公开）: as the importer would have read
    it, the document is not public. A sentence of the text that says 不得公开 of something else is its wording."""
    root = make_archive(tmp_path)
    write(root, "sources/documents/t.yaml", DOC)
    write(root, "sources/documents/d-c3.md", "各乡镇：\n\n涉及国家秘密的事项，一律不得公开，由县保密委员会统一管理。\n\n"
                                            "测试县机构编制委员会\n\n（此件不公开）\n")
    a = load_archive(root)
    assert [(f.loc.file, f.loc.line) for f in _found(a)] == [("sources/documents/d-c3.md", 7)]
    assert "d-c3" not in filter_archive(a, "public").documents
    write(root, "sources/documents/d-c3.md", "各乡镇：\n\n涉及国家秘密的事项，一律不得公开，由县保密委员会统一管理。\n")
    a = load_archive(root)
    assert _found(a) == [] and "d-c3" in filter_archive(a, "public").documents
