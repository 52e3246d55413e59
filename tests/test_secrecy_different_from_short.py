"""A ``different_from`` public body's own short name without its place prefix (``short: 雾岬八号渔场`` beside a secret
雾岬八号联络站 that states the 渔场 another body) was refused with secret-stem-public, though the guide says it prints
as the full name does; and the message asked for a different_from the record already had, naming no body (attack
tester 16). The short name is its body's now (``leaks.own_names(shorts=True)``). Canary strings are fictional."""

import pytest
from conftest import make_archive, write
from test_prose_leaks import _chapter, _errors
from test_secrecy_variants import _scanned

SECRET = "- id: cs-wj\n  kind: 其他\n  classification: 机密\n  different_from: [cs-yc]\n- id: cs-yc\n  kind: 企业\n"
EVENTS = ("- {id: ev-wj, type: establish, date: 1991-05, body: cs-wj, name: 测试县雾岬八号联络站, jurisdiction: cs-xian,"
          " sources: [d-1956-1], classification: 机密}\n"
          "- {id: ev-yc, type: establish, date: 1993-06, body: cs-yc, name: 测试县雾岬八号渔场, short: 雾岬八号渔场,"
          " jurisdiction: cs-xian, sources: [d-1956-1]}\n")


@pytest.fixture
def root(tmp_path):
    r = make_archive(tmp_path)
    write(r, "sources/bodies/wj.yaml", SECRET)
    write(r, "sources/events/wj.yaml", EVENTS)
    return r


def test_the_short_name_of_a_body_stated_apart_prints(root, tmp_path):
    _chapter(root, "正文。\n\n1993年，设立雾岬八号渔场。\n")
    assert [f for f in _errors(root) if f.code in ("secret-stem-public", "secret-shared")] == []
    assert _scanned(root, tmp_path, "<p>设立测试县雾岬八号渔场（简称雾岬八号渔场）。</p>") == set()


def test_the_designation_alone_stays_secret(root, tmp_path):
    _chapter(root, "正文。\n\n1993年，雾岬八号设在县城。\n")
    assert [(f.code, f.loc.line) for f in _errors(root) if f.code == "secret-shared"] == [("secret-shared", 9)]
    assert _scanned(root, tmp_path, "<p>雾岬八号设在县城。</p>")


def test_without_different_from_the_short_is_refused_naming_the_body_to_state_apart(root):
    write(root, "sources/bodies/wj.yaml", SECRET.replace("  different_from: [cs-yc]\n", ""))
    found = [f for f in _errors(root) if f.code == "secret-stem-public"]
    short = [f for f in found if "“雾岬八号渔场”" in f.message]
    assert [(f.loc.file, f.loc.line) for f in short] == [("sources/events/wj.yaml", 2)], found
    assert "different_from: [cs-yc]" in short[0].message


def _scanned_at(root, tmp_path, rel: str, text: str) -> set[str]:
    """What the build's scan finds of the archive's secrets in a public file ``rel`` holding ``text``."""
    from zhi.leaks import forbidden_strings, scan
    from zhi.loader import load_archive

    out = tmp_path / "site-at"
    (out / rel).parent.mkdir(parents=True, exist_ok=True)
    (out / rel).write_text(text, encoding="utf-8")
    return {x.what for x in scan(out, forbidden_strings(load_archive(root), "public"))}


def test_the_search_grams_of_a_body_stated_apart_are_no_leak(root, tmp_path):
    """The search cuts 测试县雾岬八号渔场 into grams (雾岬, 岬八): the word of the designation (雾岬, secret since the word
    alone is) stood in search/g2 with nothing after it to read its opening in, and every build of an archive with a
    different_from body was refused (tester20). The page the gram comes from is scanned whole; the gram is not."""
    assert _scanned_at(root, tmp_path, "search/g2/58.json", '{"雾岬": [1, 2], "岬八": [1]}') == set()
    assert _scanned_at(root, tmp_path, "search/s/1.txt", "测试县雾岬八号渔场") == set()
    # a gram of what is not opened (the secret's own kind word after the designation) is still found
    assert _scanned_at(root, tmp_path, "search/s/2.txt", "雾岬八号联络站")
    # and the page itself is still read in context
    assert _scanned(root, tmp_path, "<p>雾岬设在县城。</p>")
