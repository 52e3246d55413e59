"""A person whose record writes no classification and whose every post is secret (attack tester, canary
县磐屿十二号工作站, its leader 骆青禾): the name was public, and "由骆青禾兼任" in a public ex_officio was published.
Now the person is held at the level of the least secret post (fail closed)."""

import pytest
from conftest import make_archive, write
from test_prose_leaks import _chapter, _errors
from test_secrecy_variants import _scanned, _shared
from zhi.loader import load_archive


def _archive(tmp_path, second: str = "", level: str = ""):
    r = make_archive(tmp_path)
    write(r, "sources/people/lqh.yaml", "- id: p-lqh\n  name: 骆青禾\n" + (f"  classification: {level}\n" if level else ""))
    write(r, "sources/posts/lqh.yaml", "- {person: p-lqh, body: cs-jijingwei, post: 站长, from: 1995-05, to: 1996-01, "
                                       "sources: [d-1990-3], classification: 机密}\n" + second)
    write(r, "sources/posts/ex.yaml", "- {body: cs-jijingwei, post: 副主任, ex_officio: 由骆青禾兼任, "
                                      "from: 1990-06, to: 不详, sources: [d-1990-3]}\n")
    return r


def test_a_person_whose_every_post_is_secret_is_as_secret_as_the_least_secret_post(tmp_path):
    root = _archive(tmp_path, "- {person: p-lqh, body: cs-jijingwei, post: 副站长, from: 1994-05, to: 1995-05, "
                              "sources: [d-1990-3], classification: 秘密}\n")
    assert load_archive(root).people["p-lqh"].classification.name == "秘密"
    assert ("sources/posts/ex.yaml", 1) in _shared(root), [f.as_text() for f in _errors(root)]
    _chapter(root, "正文。\n\n副主任由骆青禾兼任。\n")
    assert ("chronicle/p1/c1.md", 9) in _shared(root)
    assert "骆青禾" in _scanned(root, tmp_path, "<p>副主任由骆青禾兼任。</p>")


@pytest.mark.parametrize("case", ["public post", "written 公开"])
def test_a_person_with_a_public_post_or_a_written_level_stays_as_is(tmp_path, case):
    root = _archive(tmp_path, "- {person: p-lqh, body: cs-jijingwei, post: 干事, from: 1990-05, to: 1994-05, "
                              "sources: [d-1990-3]}\n" if case == "public post" else "",
                    "公开" if case == "written 公开" else "")
    assert load_archive(root).people["p-lqh"].classification.name == "公开"
    assert ("sources/posts/ex.yaml", 1) not in _shared(root)
