"""Look-alikes of a numeral inside a secret name (attack tester, canary 翠岚十一号观测站, 机密): 一 written as katakana ー,
the stroke ㇐, a dash — or a box line ─; Ⅰ for 一 in 十Ⅰ; Roman XI (letters) for 十一; Suzhou 〸〡 — each passed
`zhi check` and the build's scan. Both read a name's numerals through ``leaks.numbered`` (``numeral_lookalikes``)."""

import markdown
import pytest
from conftest import make_archive, write
from test_prose_leaks import _chapter
from test_secrecy_variants import _scanned, _shared
from zhi.leaks import fold, numbered

NAME = "翠岚十一号观测站"
BODY = "id: cs-cl\nkind: 其他\nclassification: 机密\n"
EVENT = (f"- {{id: ev-cl, type: establish, date: 1988-06, body: cs-cl, name: {NAME}, jurisdiction: cs-xian, "
         "sources: [d-1956-1], classification: 机密}\n")
WRITTEN = ["翠岚十ー号观测站", "翠岚十㇐号观测站", "翠岚十—号观测站", "翠岚十─号观测站", "翠岚十━号观测站", "翠岚十ｰ号观测站",
           "翠岚十Ⅰ号观测站", "翠岚XI号观测站", "翠岚Ⅺ号观测站", "翠岚〸〡号观测站"]


@pytest.fixture
def root(tmp_path):
    r = make_archive(tmp_path)
    write(r, "sources/bodies/cl.yaml", BODY)
    write(r, "sources/events/cl.yaml", EVENT)
    return r


@pytest.mark.parametrize("written", WRITTEN)
def test_a_numeral_look_alike_inside_a_secret_name_is_refused_by_check_and_scan(root, tmp_path, written):
    text = f"该县设有{written}，负责观测。"
    _chapter(root, f"正文。\n\n{text}\n")
    assert _shared(root) == [("chronicle/p1/c1.md", 9)], written
    assert NAME in _scanned(root, tmp_path, markdown.markdown(text)), written


@pytest.mark.parametrize("text", ["1997—2000年", "第三—五章", "X光机", "设Ⅱ级站", "CCTV新闻", "一九九〇—二〇〇〇年"])
def test_ordinary_dashes_and_letters_keep_their_reading(text):
    # a dash between years or chapters is no 一 (nothing but the numbers around it changes), letters that are no
    # Roman numeral stay letters
    assert numbered(fold(text)) == {"1997—2000年": "1997—2000年", "第三—五章": "3—5章", "X光机": "X光机",
                                    "设Ⅱ级站": "设2级站", "CCTV新闻": "CCTV新闻",
                                    "一九九〇—二〇〇〇年": "1990—2000年"}[text]
