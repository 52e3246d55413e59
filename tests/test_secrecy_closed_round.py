"""Spellings of a secret name the attack tester found published (雁汐五号工作站, 秘密): an HTML entity in a record's
text (&#38593;汐五号工作站: a reader of the page, of the CSV, decodes it), a variant form of 雁 (鴈, 鳫)."""

import pytest
from conftest import make_archive, write
from test_prose_leaks import _chapter
from test_secrecy_variants import _scanned, _shared
from zhi.checks import run_checks
from zhi.leaks import forbidden_strings, scan, within_of
from zhi.loader import load_archive

NAME = "雁汐五号工作站"
BODY = "id: cs-yx\nkind: 其他\nclassification: 秘密\n"
EVENT = ("- {id: ev-yx, type: establish, date: 1988-06, body: cs-yx, name: %s, jurisdiction: cs-xian, "
         "sources: [d-1956-1], classification: 秘密}\n")
MEMO = """- date: 1989-05-01
  text: 县里新建%s营房。
  sources: [d-1956-1]
"""


def _archive(tmp_path, name=NAME):
    r = make_archive(tmp_path)
    write(r, "sources/bodies/yx.yaml", BODY)
    write(r, "sources/events/yx.yaml", EVENT % name)
    return r


ENTITIES = ["&#38593;汐五号工作站", "&#x96C1;汐五号工作站", "&amp;#38593;汐五号工作站", "雁汐五号工作&#31449;"]


@pytest.mark.parametrize("written", ENTITIES)
def test_an_entity_in_a_memos_text_is_refused_at_its_line(tmp_path, written):
    root = _archive(tmp_path)
    write(root, "sources/memos/1989.yaml", MEMO % written)
    assert _shared(root) == [("sources/memos/1989.yaml", 2)], written


def test_an_entity_in_a_bodys_note_is_refused_at_its_line(tmp_path):
    root = _archive(tmp_path)
    write(root, "sources/bodies/zz.yaml", "id: cs-zz\nkind: 其他\nnote: 与&#38593;汐五号工作站合署办公。\n")
    assert _shared(root) == [("sources/bodies/zz.yaml", 3)]


def test_an_ordinary_ampersand_is_not_a_name(tmp_path):
    root = _archive(tmp_path)
    write(root, "sources/memos/1989.yaml", MEMO % "R&D;汐五号工作站")
    assert _shared(root) == []


@pytest.mark.parametrize("suffix", [".csv", ".txt", ".json", ".html"])
def test_the_scan_decodes_an_entity_in_a_text_file(tmp_path, suffix):
    root = _archive(tmp_path)
    out = tmp_path / "site"
    out.mkdir()
    text = "&amp;#38593;汐五号工作站" if suffix == ".html" else "&#38593;汐五号工作站"
    body = f'{{"text": "{text}"}}' if suffix == ".json" else f"1989,{text}\n"
    (out / f"people{suffix}").write_text(body, encoding="utf-8")
    assert NAME in {x.what for x in scan(out, forbidden_strings(load_archive(root), "public"))}


def test_the_scan_is_not_fooled_the_other_way(tmp_path):
    root = _archive(tmp_path)
    assert not _scanned(root, tmp_path, "<p>R&amp;D 汐五号工作站</p>")


@pytest.mark.parametrize("written", ["鴈汐五号工作站", "鳫汐五号工作站", "鴈汐5号工作站"])
def test_a_variant_form_of_yan_in_a_public_chapter_is_refused_at_its_line(tmp_path, written):
    root = _archive(tmp_path)
    _chapter(root, f"正文。\n\n该县设有{written}，负责联络。\n")
    assert _shared(root) == [("chronicle/p1/c1.md", 9)], written
    assert _scanned(root, tmp_path, f"<p>该县设有{written}，负责联络。</p>"), written


def test_a_secret_name_written_with_the_variant_is_found_written_the_usual_way(tmp_path):
    root = _archive(tmp_path, "鴈汐五号工作站")
    _chapter(root, "正文。\n\n该县设有雁汐五号工作站，负责联络。\n")
    assert _shared(root) == [("chronicle/p1/c1.md", 9)]


# ---- a lower name holding a secret name's distinctive part: the part is open then (secret-stem-public) -------------

PUBLIC = ("- {id: ev-yc, type: establish, date: 1989-06, body: cs-yc, name: %s, jurisdiction: cs-xian, "
          "sources: [d-1956-1]}\n")


def _stems(root) -> list:
    return [f for f in run_checks(load_archive(root)) if f.code == "secret-stem-public"]


def _with_public(tmp_path, public: str):
    root = _archive(tmp_path)
    write(root, "sources/bodies/yc.yaml", "id: cs-yc\nkind: 其他\n")
    write(root, "sources/events/yc.yaml", PUBLIC % public)
    return root


def test_a_public_name_holding_a_secret_names_stem_is_an_error_at_its_line(tmp_path):
    """A conflict an editor resolves (closedE): the part stays secret until the secret record states the public one
    is another body (different_from), so the public name is refused too — once, as the conflict."""
    root = _with_public(tmp_path, "雁汐五号工作处")
    found = _stems(root)
    assert [(f.loc.file, f.loc.line, f.severity) for f in found] == [("sources/events/yc.yaml", 1, "error")]
    msg = found[0].message
    assert "“雁汐五号工作处”含有一个密级更高的名称的专名部分“雁汐五号工作”" in msg and "different_from: [cs-yc]" in msg, msg
    assert NAME not in msg and "cs-yx" not in msg and "ev-yx" not in msg   # the secret name is not told
    shared = [f for f in run_checks(load_archive(root)) if f.code == "secret-shared"]
    assert shared == [], [f.as_text() for f in shared]
    assert "雁汐五号工作" in forbidden_strings(load_archive(root), "public")


@pytest.mark.parametrize("public", ["雁汐五号管理处", "雁汐五号联络处"])
def test_a_public_name_holding_a_secret_names_designation_is_an_error(tmp_path, public):
    found = _stems(_with_public(tmp_path, public))
    assert [(f.loc.line, f.severity) for f in found] == [(1, "error")]
    assert "专名部分“雁汐五号”" in found[0].message


def test_the_secret_record_states_the_public_one_is_another_body(tmp_path):
    """different_from (非同一机构) in the secret record: no conflict, the designation is open where the public name
    prints it (within that name only)."""
    root = _with_public(tmp_path, "雁汐五号渔场")
    write(root, "sources/bodies/yx.yaml", BODY + "different_from: [cs-yc]\n")
    assert _stems(root) == []
    assert [f.as_text() for f in run_checks(load_archive(root)) if f.severity == "error"] == []
    forbidden = forbidden_strings(load_archive(root), "public")
    assert NAME in forbidden and "雁汐五号工作" in forbidden
    # the designation is open within the public name only (closedI)
    assert within_of(forbidden["雁汐五号"]) == ("雁汐五号渔场",)


def test_the_statement_opens_the_designation_alone(tmp_path):
    """A public 雁汐五号工作处 holds 雁汐五号工作, the designation and a word of the secret body's kind: the statement
    does not open that (closedG: never more than the designation); the public name is an error at its line."""
    root = _with_public(tmp_path, "雁汐五号工作处")
    write(root, "sources/bodies/yx.yaml", BODY + "different_from: [cs-yc]\n")
    found = _stems(root)
    assert [(f.loc.line, f.severity) for f in found] == [(1, "error")]
    assert "“雁汐五号工作”" in found[0].message and "非同一机构只放开两者共有的代号" in found[0].message
    assert "雁汐五号工作" in forbidden_strings(load_archive(root), "public")


def test_the_statement_is_read_under_its_chinese_key_too(tmp_path):
    root = _with_public(tmp_path, "雁汐五号渔场")
    write(root, "sources/bodies/yx.yaml", BODY + "非同一机构: [cs-yc]\n")
    assert _stems(root) == []


def test_a_statement_about_another_record_resolves_nothing(tmp_path):
    root = _with_public(tmp_path, "雁汐五号工作处")
    write(root, "sources/bodies/yx.yaml", BODY + "different_from: [cs-xian]\n")
    assert [f.severity for f in _stems(root)] == ["error"]


@pytest.mark.parametrize("public", ["雁汐四号工作处", "鸥汐五号工作处"])
def test_a_public_name_without_the_stem_is_not_warned_of(tmp_path, public):
    assert _stems(_with_public(tmp_path, public)) == []


def test_another_name_of_the_same_place_is_not_warned_of(tmp_path):
    """The place itself renamed openly (雁汐五号工作站 → 雁汐五号工作处): no other place's stem is opened."""
    root = _archive(tmp_path)
    write(root, "sources/events/yc.yaml", "- {id: ev-yr, type: rename, date: 1995-06, body: cs-yx, "
                                          "name: 雁汐五号工作处, sources: [d-1956-1]}\n")
    assert _stems(root) == []


def test_a_statement_naming_no_record_is_refused_at_the_record(tmp_path):
    root = _with_public(tmp_path, "雁汐五号工作处")
    write(root, "sources/bodies/yx.yaml", BODY + "different_from: [cs-ycc]\n")
    found = [f for f in run_checks(load_archive(root)) if f.code == "ref-unknown"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/bodies/yx.yaml", 1)]
    assert "“cs-ycc”不是任何机构或行政区划的编号" in found[0].message
