"""What the second tester of this stop slipped past the gate in a public chapter (all fixed here):

* an attribute list ``{: onmouseover="…"}`` after a link, image or heading put event-handler attributes into
  the site's HTML (stored script);
* the theme's admonition ``!!! 内部`` and a definition term ``内部`` followed by ``:   …`` were taken by the
  editor for markings and published;
* ``[[secret-id|文字]]`` printed the editor's words for a secret record, with no message.

Canary strings are fictional."""

import re
import shutil

import pytest
from conftest import ROOT, make_archive, write
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.leaks import file_text
from zhi.loader import load_archive

SECRET_BODY = """
id: cs-mi
kind: 政府工作部门
classification: 秘密
"""
SECRET_EVENT = """
- id: ev-cs-mi
  type: establish
  date: 1985
  body: cs-mi
  name: 测试县鹤汀局
  parent: cs-zhengfu
  classification: 秘密
  sources: [d-1984-7]
"""


def _chapter(root, body: str) -> None:
    write(root, "chronicle/p1/c1.md", "---\ntitle: 第一章 计划经济机构\n---\n\n# 第一章 计划经济机构\n\n" + body)


def _codes(root) -> list[tuple[str, str, int]]:
    return [(f.code, f.severity, f.loc.line if f.loc else 0) for f in run_checks(load_archive(root))
            if f.severity == "error" or f.code == "prose-attr"]


@pytest.fixture
def root(tmp_path):
    r = make_archive(tmp_path)
    write(r, "sources/bodies/mi.yaml", SECRET_BODY)
    write(r, "sources/events/mi.yaml", SECRET_EVENT)
    return r


def test_a_secret_record_named_in_public_prose_is_refused(root):
    _chapter(root, "设立了[[cs-mi|鹤汀秘密局CANARYREF]]。\n\n::: 秘密\n[[cs-mi|可以写在秘密段落里]]。\n:::\n")
    found = [(c, ln) for c, sev, ln in _codes(root) if sev == "error"]
    assert found == [("ref-secret", 7)], found
    # a public record named the same way is fine
    _chapter(root, "设立了[[cs-jiwei|县计委]]。\n")
    assert [c for c, sev, _ in _codes(root) if sev == "error"] == []


def test_admonitions_and_lone_level_words_are_no_markings_and_hold_the_chapter(root):
    for text in ("!!! 内部\n    提示框内容CANARYAD。\n", '??? note "秘密"\n    内容。\n',
                 "内部\n:   定义列表内容CANARYDL。\n", "**机密**\n\n内容。\n",
                 '!!! note "內部"\n    繁体的内字。\n', "絕密\n\n内容。\n"):
        _chapter(root, text)
        a = load_archive(root)
        errors = [f for f in run_checks(a) if f.code == "passage-invalid"]
        assert len(errors) == 1 and errors[0].loc.line == 7, (text, [f.as_text() for f in errors])
        assert "::: 内部" in errors[0].message
        assert a.book.parts[0].chapters[0].classification.name == "绝密"
    # an ordinary admonition and a sentence that merely contains the word stay as they are
    _chapter(root, '!!! note "说明"\n    内部机构的设置见下表。\n\n内部管理由办公室负责。\n')
    assert [c for c, sev, _ in _codes(root) if sev == "error"] == []


@pytest.fixture
def built(tmp_path):
    r = make_archive(tmp_path)
    shutil.copytree(ROOT / "theme", r / "theme")
    shutil.copy(ROOT / "mkdocs.yml", r / "mkdocs.yml")
    _chapter(r, "见[链接](https://example.org){: onmouseover=\"alert('CANARYXSS')\" }。\n\n"
                "## 小标题 {: onclick=\"alert('CANARYXSS5')\" }\n\n正文。\n")
    return r


def test_attribute_lists_set_no_html_attributes(built):
    found = [(c, ln) for c, _, ln in _codes(built)]
    assert ("prose-attr", 7) in found and ("prose-attr", 9) in found, found
    res = build_edition(built, "public", pdf=False)
    pages = [p for p in res.out.rglob("*.html")]
    assert pages
    for p in pages:
        html = p.read_text(encoding="utf-8")
        assert not re.search(r"<[^>]*\son(?:mouseover|click)\s*=", html), p
    chapter = next(p for p in pages if "CANARYXSS" in (file_text(p) or ""))
    assert "example.org" in chapter.read_text(encoding="utf-8")   # the link itself is kept


def test_links_that_will_not_be_links_and_remote_images_are_told(root):
    _chapter(root, "[点此](javascript:alert('x'))查看。\n\n![图](https://example.org/x.png)\n\n"
                   "[国务院](https://www.gov.cn/)与[上一章](../c0/)。\n")
    found = [(f.code, f.loc.line) for f in run_checks(load_archive(root)) if f.code == "prose-link"]
    assert found == [("prose-link", 7), ("prose-link", 9)], found
