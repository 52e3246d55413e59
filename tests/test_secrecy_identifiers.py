"""What identifies a classified document — its 档号 (archive_ref), 文号 (number), title — repeated by a lower record
(tester: a secret document's archive_ref repeated by a public one was published): ``secret-shared`` at the line of
the text that repeats it, and the lower record held at the document's level in every edition, whatever the 档号's
length (one of 7 characters was not looked for) or the 文号's writing (测编(91)4号 for 测编〔1991〕4号). A publisher
or a section of a book that a public and a secret book share identifies neither: no finding, nothing held."""

import pytest
from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.editions import filter_archive
from zhi.loader import load_archive

SECRET = ("- id: d-s4\n  number: 测编〔1991〕4号\n  issuer: 测试县机构编制委员会\n  date: 1991-01-04\n"
          "  title: 关于某某事项的请示\n  classification: 秘密\n  archive_ref: A1-9-77\n"
          "  publisher: 人民出版社\n  section: 第三篇第二章\n")


def _load(tmp_path, text: str, level: str = "秘密"):
    root = make_archive(tmp_path)
    write(root, "sources/documents/s.yaml", SECRET.replace("秘密", level))
    write(root, "sources/documents/t.yaml", text)
    a = load_archive(root)
    return a, [f for f in run_checks(a) if f.code == "secret-shared" and f.loc.file == "sources/documents/t.yaml"]


PUBLIC = "id: d-c5\nissuer: 测试县机构编制委员会\ndate: 1991-01-05\ntitle: 关于另一事项的通知\n"


@pytest.mark.parametrize("line,what", [
    ("archive_ref: A1-9-77", "档号"),
    ("archive_ref: A1－9－77", "档号"),            # full-width dashes
    ("number: 测编〔1991〕4号", "文号"),
    ("number: 测编(91)4号", "文号"),               # another writing of the same 文号
    ("note: 原件存档号A1-9-77卷内", "档号"),         # in any text
    ("note: 据测编〔1991〕四号", "文号"),
])
def test_a_secret_documents_identifier_in_a_public_one_is_an_error_and_held(tmp_path, line, what):
    a, found = _load(tmp_path, PUBLIC + line + "\n")
    assert [(f.loc.line, f.severity) for f in found] == [(5, "error")], [f.as_text() for f in found]
    assert what in found[0].message and "d-s4" in found[0].message and "classification" in found[0].message
    assert a.documents["d-c5"].classification.name == "秘密"
    for edition in ("public", "internal"):
        assert "d-c5" not in filter_archive(a, edition).documents


def test_an_internal_documents_identifier_holds_the_public_one_from_the_public_edition_only(tmp_path):
    a, found = _load(tmp_path, PUBLIC + "archive_ref: A1-9-77\n", level="内部")
    assert [f.loc.line for f in found] == [5]
    assert "d-c5" not in filter_archive(a, "public").documents
    assert "d-c5" in filter_archive(a, "internal").documents


def test_a_public_event_citing_the_secret_archive_ref_is_held(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/documents/s.yaml", SECRET)
    write(root, "sources/events/e.yaml", "- id: ev-canary\n  type: add-name\n  date: 1990\n  sources: [d-1984-7]\n"
                                         "  body: cs-jiwei\n  name: 测试县金丝雀站\n  note: 见档号A1-9-77\n")
    a = load_archive(root)
    found = [f for f in run_checks(a) if f.code == "secret-shared" and f.loc.file == "sources/events/e.yaml"]
    assert [f.loc.line for f in found] == [7]
    assert not [e for e in filter_archive(a, "public").events if e.id == "ev-canary"]


def test_a_same_title_is_held(tmp_path):
    a, found = _load(tmp_path, PUBLIC.replace("关于另一事项的通知", "关于某某事项的请示"))
    assert [f.loc.line for f in found] == [4]
    assert "d-c5" not in filter_archive(a, "public").documents


@pytest.mark.parametrize("text", [
    # a publisher, a section shared by a public and a secret book identify neither
    "id: d-c6\ndate: 1991-01-06\ntitle: 测试县志\ngenre: 志书\npublisher: 人民出版社\nsection: 第三篇第二章\n",
    # another 档号 that begins or ends alike, another 文号 of the same series
    PUBLIC + "archive_ref: A1-9-771\n",
    PUBLIC + "archive_ref: 1-9-77\n",
    PUBLIC + "number: 测编〔1991〕44号\n",
])
def test_what_identifies_nothing_is_neither_named_nor_held(tmp_path, text):
    a, found = _load(tmp_path, text)
    assert found == [], [f.as_text() for f in found]
    rid = text.split("\n")[0].removeprefix("id: ")
    assert rid in filter_archive(a, "public").documents


def test_a_kaoyi_naming_the_document_by_its_number_is_dropped_not_held_but_by_its_archive_ref_is_held(tmp_path):
    """A 考异 naming a withheld document by its 文号 or title is dropped by every edition that withholds it
    (``editions.filter_archive``, check ``kaoyi-withheld``); by its 档号 alone it would print: that one is held."""
    root = make_archive(tmp_path)
    write(root, "sources/documents/s.yaml", SECRET)
    write(root, "sources/events/e.yaml", "- id: ev-a\n  type: add-name\n  date: 1990\n  sources: [d-1984-7]\n"
                                         "  body: cs-jiwei\n  name: 测试县金丝雀站\n  conflict_note: 另据测编〔1991〕4号，为1991年。\n"
                                         "- id: ev-b\n  type: add-name\n  date: 1990\n  sources: [d-1984-7]\n"
                                         "  body: cs-jingwei\n  name: 测试县金丝雀所\n  conflict_note: 另据档号A1-9-77，为1991年。\n")
    a = load_archive(root)
    found = [f.loc.line for f in run_checks(a) if f.code == "secret-shared" and f.loc.file == "sources/events/e.yaml"]
    assert found == [14]
    ids = {e.id for e in filter_archive(a, "public").events}
    assert "ev-a" in ids and "ev-b" not in ids
