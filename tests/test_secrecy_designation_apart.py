"""``different_from`` (非同一机构) opens a secret name's designation alone (attack tester, canary 县赭鸮六号联络站, 机密):
with a public 赭鸮六号路站 stated another body, 赭鸮六号 is open, but the secret name without its place (赭鸮六号联络站,
赭鸮6号联络站, 赭鴞六號聯絡站) printed in a public 任职's ex_officio and in a chapter while `zhi check` passed; and a
public body named 赭鸮六号联络站 passed the check while the build refused it."""

import markdown
import pytest
from conftest import make_archive, write
from test_prose_leaks import _chapter, _errors
from test_secrecy_variants import _scanned, _shared
from zhi.leaks import name_parts

NAME = "县赭鸮六号联络站"


def _archive(tmp_path, public_name: str = "赭鸮六号路站", apart: bool = True):
    r = make_archive(tmp_path)
    write(r, "sources/bodies/zx.yaml", "id: cs-zx\nkind: 其他\nclassification: 机密\n"
                                       + ("different_from: [cs-zp]\n" if apart else ""))
    write(r, "sources/bodies/zp.yaml", "id: cs-zp\nkind: 其他\n")
    write(r, "sources/events/zx.yaml",
          f"- {{id: ev-zx, type: establish, date: 1988-06, body: cs-zx, name: {NAME}, jurisdiction: cs-xian, "
          "sources: [d-1956-1], classification: 机密}\n")
    write(r, "sources/events/zp.yaml",
          f"- {{id: ev-zp, type: establish, date: 1988-06, body: cs-zp, name: {public_name}, jurisdiction: cs-xian, "
          "sources: [d-1956-1]}\n")
    return r


def test_the_parts_different_from_may_open_are_the_designation_alone():
    assert name_parts(NAME) == [("县赭鸮六号联络", False), ("县赭鸮六号", True), ("赭鸮六号", True),
                                ("赭鸮六号联络", False), ("赭鸮六号联络站", False)]
    # a name whose core is no designation keeps its one part, and gains no part without its place
    assert name_parts("测试县计划统计科") == [("测试县计划统计", False)]


WRITTEN = ["赭鸮六号联络站", "赭鸮6号联络站", "赭鴞六號聯絡站", "赭鸮六号联络处"]


@pytest.mark.parametrize("written", WRITTEN)
def test_the_secret_name_without_its_place_is_refused_in_a_chapter_despite_different_from(tmp_path, written):
    root = _archive(tmp_path)
    text = f"该县设有{written}，负责联络。"
    _chapter(root, f"正文。\n\n{text}\n")
    assert _shared(root) == [("chronicle/p1/c1.md", 9)], written
    assert "赭鸮六号联络" in _scanned(root, tmp_path, markdown.markdown(text)), written


@pytest.mark.parametrize("written", WRITTEN)
def test_the_secret_name_without_its_place_is_refused_in_a_public_ex_officio(tmp_path, written):
    root = _archive(tmp_path)
    write(root, "sources/posts/ex-officio.yaml", f"- {{body: cs-jijingwei, post: 主任, ex_officio: {written}站长, "
                                                 "from: 1990-06, to: 不详, sources: [d-1990-3]}\n")
    found = [(f.code, f.loc.file, f.loc.line) for f in _errors(root)]
    assert ("secret-shared", "sources/posts/ex-officio.yaml", 1) in found, found


def test_the_designation_alone_stays_open_once_stated_another_body(tmp_path):
    root = _archive(tmp_path)
    _chapter(root, "正文。\n\n赭鸮六号路站设于城关。\n")
    assert [f.as_text() for f in _errors(root)] == []
    assert _scanned(root, tmp_path, "<p>赭鸮六号路站设于城关。</p>") == set()


def test_a_public_body_named_the_secret_name_without_its_place_is_an_error_at_its_line(tmp_path):
    """The build refused it (its name is a secret part); the check passed: now it names the line, and says that
    different_from opens the designation alone."""
    root = _archive(tmp_path, public_name="赭鸮六号联络站")
    found = [f for f in _errors(root) if f.code == "secret-stem-public"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/events/zp.yaml", 1)], [f.as_text() for f in found]
    assert "非同一机构只放开两者共有的代号" in found[0].message and "“赭鸮六号联络”" in found[0].message
    # and it is no second finding of the same name (secret-shared)
    assert [f for f in _errors(root) if f.code == "secret-shared"] == []
