"""The book's index points at pages: a term that occurs on no printed page (a former name no page uses, a document
no page cites) is not listed, never printed with an empty place where its page numbers go."""

import re

from conftest import ROOT, make_archive
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.writers.book import BookWriter


def _index(tmp_path, pages):
    a = load_archive(make_archive(tmp_path))
    return re.sub(r"<[^>]+>", "\n", BookWriter(a, derive_history(a), ROOT / "theme").index_html(pages))


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_a_term_on_no_page_is_not_listed(tmp_path):
    lines = _lines(_index(tmp_path, {"cs-jiwei|测试县计划委员会": ["3"], "d-1984-7": ["5", "7"]}))
    assert "测试县计划委员会　3" in lines
    assert not any(line.startswith(("测试县经济委员会", "县经委", "测试县计划经济委员会")) for line in lines)
    assert "测编〔1984〕7号　5，7" in lines
    assert not any(line.startswith(("测编〔1990〕3号", "测〔1956〕1号")) for line in lines)


def test_the_word_copy_without_page_numbers_lists_every_term(tmp_path):
    lines = _lines(_index(tmp_path, {}))
    assert "测试县经济委员会" in lines and "测编〔1990〕3号" in lines
