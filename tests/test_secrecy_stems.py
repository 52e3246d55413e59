"""A secret name's distinctive part read the same way everywhere (closedE): the level an event's sources give it is
decided by one function for the editions and the leak scan (``editions.sourced_level``)."""

import pytest
from conftest import make_archive, write
from test_prose_leaks import _chapter, _errors
from zhi.editions import edition_test, sourced_level
from zhi.leaks import forbidden_strings, scan, stems
from zhi.loader import load_archive

OPEN_BODY = "id: cs-lt\nkind: 其他\n"


def _event(sources: str, level: str = "") -> str:
    return ("- {id: ev-lt, type: establish, date: 1988-06, body: cs-lt, name: 鹭汀七号联络站, jurisdiction: cs-xian, "
            f"sources: {sources}{', classification: ' + level if level else ''}}}\n")


def test_an_event_resting_only_on_a_document_the_archive_lacks_is_withheld_and_its_name_forbidden(tmp_path):
    """The editions withheld such an event (no edition holds its source) while the scan read its name as open: now
    both count the missing source as 绝密 (fail closed)."""
    root = make_archive(tmp_path)
    write(root, "sources/bodies/lt.yaml", OPEN_BODY)
    write(root, "sources/events/lt.yaml", _event("[d-nowhere]"))
    a = load_archive(root)
    ev = next(e for e in a.events if e.id == "ev-lt")
    assert sourced_level(a, ev).name == "绝密"
    assert not edition_test(a, "public")(ev) and not edition_test(a, "internal")(ev)
    assert "鹭汀七号联络站" in forbidden_strings(a, "public")
    assert "鹭汀七号联络站" in forbidden_strings(a, "internal")


def test_the_editions_and_the_scan_agree_on_every_event(tmp_path):
    """Whatever an event's sources: the edition holds it exactly when its name is no secret of that edition."""
    root = make_archive(tmp_path)
    write(root, "sources/bodies/lt.yaml", OPEN_BODY)
    write(root, "sources/documents/d-s.yaml", "id: d-s\ndate: 1988-05-01\ntitle: 关于设立联络机构的通知\n"
                                              "classification: 秘密\n")
    write(root, "sources/documents/d-n.yaml", "id: d-n\ndate: 1988-05-01\ntitle: 关于设立联络机构的批复\n"
                                              "classification: 内部\n")
    for sources in ("[d-1956-1]", "[d-s]", "[d-n]", "[d-s, d-n]", "[d-nowhere]", "[d-nowhere, d-1956-1]"):
        write(root, "sources/events/lt.yaml", _event(sources))
        a = load_archive(root)
        ev = next(e for e in a.events if e.id == "ev-lt")
        for edition in ("public", "internal"):
            held = edition_test(a, edition)(ev)
            assert held == ("鹭汀七号联络站" not in forbidden_strings(a, edition)), (sources, edition)


# ---- a secret name's core (without the words of its kind and a public place's name) is looked for in Chinese ------

OY_BODY = "id: cs-oy\nkind: 其他\nclassification: 秘密\n"
OY_EVENT = ("- {id: ev-oy, type: establish, date: 1988-06, body: cs-oy, name: %s, jurisdiction: cs-xian, "
            "sources: [d-1956-1], classification: 秘密}\n")


def _secret(tmp_path, name="鸥屿三号联络组"):
    r = make_archive(tmp_path)
    write(r, "sources/bodies/oy.yaml", OY_BODY)
    write(r, "sources/events/oy.yaml", OY_EVENT % name)
    return r


def _page(root, tmp_path, text: str) -> set[str]:
    out = tmp_path / "site"
    out.mkdir(exist_ok=True)
    (out / "page.html").write_text(f"<p>{text}</p>", encoding="utf-8")
    return {x.what for x in scan(out, forbidden_strings(load_archive(root), "public"))}


@pytest.mark.parametrize("written", ["鸥屿三号", "鸥屿3号", "鸥屿叁号", "鴎屿三号", "鸥屿·三号", "鸥屿第三号"])
@pytest.mark.parametrize("name", ["鸥屿三号联络组", "测试县鸥屿三号联络组", "中共测试县鸥屿三号工作站"])
def test_a_secret_names_core_in_a_public_chapter_is_refused_by_the_check_and_the_scan(tmp_path, name, written):
    """鸥屿三号 names 鸥屿三号联络组 as surely as its pinyin Ouyu Sanhao (refused before): refused in Chinese too, in
    every reading of the matcher, by `zhi check` at its line and by the build's scan."""
    root = _secret(tmp_path, name)
    _chapter(root, f"正文。\n\n该县设有{written}，负责联络。\n")
    found = [f for f in _errors(root) if f.code == "secret-shared"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("chronicle/p1/c1.md", 9)], [f.as_text() for f in found]
    assert f"即名称“{name}”去掉" in found[0].message
    assert "鸥屿三号" in _page(root, tmp_path, f"该县设有{written}，负责联络。")


def test_the_message_names_the_place_and_the_ending_taken_off(tmp_path):
    root = _secret(tmp_path, "测试县鸥屿三号联络组")
    _chapter(root, "正文。\n\n该县设有鸥屿三号。\n")
    msg = next(f.message for f in _errors(root) if f.code == "secret-shared")
    assert "“鸥屿三号”（即名称“测试县鸥屿三号联络组”去掉地名“测试县”和通名“联络组”" in msg, msg


@pytest.mark.parametrize("written", ["测试县保险公司", "测试县保密委员会", "鸥屿四号", "三号联络组", "鸥屿"])
def test_a_place_and_a_character_or_another_number_is_not_the_secret(tmp_path, written):
    """A secret 测试县保联络组: its core 测试县保 is the public place and one character (测试县保险公司 holds it), no part
    of it is looked for but 测试县保联络 (without the ending)."""
    root = _secret(tmp_path, "测试县保联络组")
    _chapter(root, f"正文。\n\n县里有{written}。\n")
    assert [f.as_text() for f in _errors(root) if f.code == "secret-shared"] == []
    assert not _page(root, tmp_path, f"县里有{written}。")


def test_the_parts_of_a_name():
    assert stems("鸥屿三号联络组") == ["鸥屿三号联络", "鸥屿三号"]
    # (and, the core being a designation, the name and its stem without the place: closedG)
    assert stems("测试县鸥屿三号联络组", ["测试县"]) == ["测试县鸥屿三号联络", "测试县鸥屿三号", "鸥屿三号", "鸥屿三号联络",
                                                   "鸥屿三号联络组"]
    assert stems("测试县保联络组", ["测试县"]) == ["测试县保联络"]
    assert stems("测试县保密局", ["测试县"]) == ["测试县保密"]
    assert stems("白鹭联络站") == ["白鹭联络"]   # (白鹭 alone: too short to name a body by)


def test_the_guide_shows_the_conflict_zhi_reports_without_the_statement(tmp_path):
    """guide/bodies.md: the same example without different_from is refused at the line the guide names, with the
    message it quotes."""
    from pathlib import Path

    from test_guide_examples import lay_out, section
    from zhi.checks import run_checks

    guide = (Path(__file__).resolve().parent.parent / "guide/bodies.md").read_text(encoding="utf-8")
    text = section(guide, "## 完整示例：公开机构的名称含有涉密机构的代号（非同一机构）")
    root = lay_out(tmp_path, text.replace("  different_from: [haiyu-yuchang]   # 非同一机构：海屿县鸥屿三号渔场是另一个单位\n", ""))
    found = [f for f in run_checks(load_archive(root, with_book=False)) if f.severity == "error"]
    # the full name (line 4) and its short name (line 5, short: 鸥屿三号渔场), each at its line
    assert [(f.code, f.loc.line) for f in found] == [("secret-stem-public", 4), ("secret-stem-public", 5)], \
        [f.as_text() for f in found]
    quoted = next(line for line in text.splitlines() if line.startswith("sources/events/haiyu.yaml:4:"))
    assert found[0].as_text().startswith(quoted.removesuffix("……")), found[0].as_text()
    assert "different_from: [haiyu-yuchang]" in found[1].message


def test_a_place_and_a_word_shared_with_an_open_name_is_only_a_warning(tmp_path):
    """测试县计划 of a secret 测试县计划局 is held by the open 测试县计划委员会 of another body: a place and a word of the
    trade, no distinctive part (``leaks.distinctive``); warned of, and open as the open name prints it."""
    from zhi.checks import run_checks

    root = _secret(tmp_path, "测试县计划局")
    found = [f for f in run_checks(load_archive(root)) if f.code.startswith("secret")]
    assert {(f.code, f.severity) for f in found} == {("secret-stem-public", "warning")}, [f.as_text() for f in found]
    assert "测试县计划" not in forbidden_strings(load_archive(root), "public")


def test_every_word_form_names_where_it_was_read_and_the_unsourced_ones_are_gone():
    """closedE: the 异形词 pairs are those a source confirms (the table's text, or a text naming it), each under its
    address; the pairs of the earlier list no source confirmed are no longer read as the recommended form."""
    from zhi.leaks import WORD_FORM_SOURCES, WORD_FORMS, word_forms

    assert WORD_FORMS == {a: b for pairs in WORD_FORM_SOURCES.values() for a, b in pairs.items()}
    assert all(url.startswith("http") and pairs for url, pairs in WORD_FORM_SOURCES.items())
    for gone in ("联贯", "联缀", "照像", "谋画", "摹拟", "摹仿", "钮扣", "精采"):
        assert gone not in WORD_FORMS and word_forms(f"鸥屿{gone}站") == f"鸥屿{gone}站"
    assert word_forms("鸥屿三号连络组") == "鸥屿三号联络组" and word_forms("定货站") == "订货站"
