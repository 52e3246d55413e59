"""Fail-closed defects of the secrecy checks (the second round): a truncated secret name, an abbreviation's
definition, a level word alone in a table cell, a stray level line's cause, ruby; and the house's two costs
(a chapter's title line read again from its file, the punctuation table built by walking all of Unicode)."""

import unicodedata

import pytest
from conftest import make_archive, write
from test_prose_leaks import SECRET_DOC, _errors
from zhi.leaks import _punctuation, unpunctuated


@pytest.fixture
def root(tmp_path):   # an archive with the secret document 金丝雀未号密件 (青密〔1999〕77号)
    r = make_archive(tmp_path)
    write(r, "sources/documents/d-canary.yaml", SECRET_DOC)
    return r


# ---- house -----------------------------------------------------------------------------------------------------

def test_the_punctuation_table_drops_exactly_categories_p_and_s():
    """Filled lazily as characters are met: the same characters dropped as the table of every code point gave."""
    sample = [*range(0x3000), *range(0x3000, 0x3100), *range(0xFE00, 0x10000), *range(0x10000, 0x110000, 97)]
    text = "".join(chr(cp) for cp in sample)
    kept = "".join(chr(cp) for cp in sample if unicodedata.category(chr(cp))[0] not in "PS")
    assert text.translate(_punctuation()) == kept
    assert unpunctuated("“金丝雀”·七号（办公室）") == "金丝雀七号办公室"


def test_a_chapter_title_is_named_at_its_head_line(root):
    """The chapter keeps its title's line when its head is read (not found again by reading the file)."""
    write(root, "chronicle/p1/c1.md", "\n\n---\nstatus: 初稿\n\ntitle: 第一章 金丝雀未号密件\n---\n\n正文。\n")
    found = [(f.loc.file, f.loc.line) for f in _errors(root) if f.code == "secret-shared"]
    assert ("chronicle/p1/c1.md", 6) in found, found
