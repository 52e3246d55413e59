"""More spellings of a secret name a reader still reads as the name (the attack tester's fourth round): 鸥屿三号联络组
(秘密) written with another script's digit (鸥屿٣号, ۳, ३), a Chinese numeral variant (弎, 仨; 廿, 卅 for 二十, 三十), a
Japanese or variant character form (鴎屿, 连络/連絡 for 联络), or as a link's Punycode domain (xn--…) — each was
published: neither `zhi check` nor the build's scan refused it. Both read a name through one matcher
(``leaks.skeleton_readings`` and ``key_skeletons``)."""

import markdown
import pytest
from conftest import make_archive, write
from test_prose_leaks import _chapter
from test_secrecy_variants import _scanned, _shared, word_only

NAME = "鸥屿三号联络组"
BODY = "id: cs-oy\nkind: 其他\nclassification: 秘密\n"
EVENT = ("- {id: ev-oy, type: establish, date: 1988-06, body: cs-oy, name: %s, jurisdiction: cs-xian, "
         "sources: [d-1956-1], classification: 秘密}\n")


def _archive(tmp_path, name=NAME):
    r = make_archive(tmp_path)
    write(r, "sources/bodies/oy.yaml", BODY)
    write(r, "sources/events/oy.yaml", EVENT % name)
    return r


def _refused(root, tmp_path, text: str):
    _chapter(root, f"正文。\n\n{text}\n")
    assert _shared(root) == [("chronicle/p1/c1.md", 9)], text
    assert _scanned(root, tmp_path, markdown.markdown(text)), text


DIGITS = ["鸥屿٣号联络组", "鸥屿۳号联络组", "鸥屿३号联络组", "鸥屿৩号联络组", "鸥屿𝟛号联络组"]


@pytest.mark.parametrize("written", DIGITS)
def test_another_scripts_digit_is_read_as_the_digit(tmp_path, written):
    _refused(_archive(tmp_path), tmp_path, f"该县设有{written}，负责联络。")


# ---- Chinese numeral variants: 弎 and 仨 are 三, 廿 二十, 卅 三十; 〇, ○, 零 a zero --------------------------------------

@pytest.mark.parametrize("written", ["鸥屿弎号联络组", "鸥屿仨号联络组", "鸥屿第弎号联络组"])
def test_a_variant_of_three_is_read_as_three(tmp_path, written):
    _refused(_archive(tmp_path), tmp_path, f"该县设有{written}，负责联络。")


@pytest.mark.parametrize(("name", "written"), [("鸥屿二十三号联络组", "鸥屿廿三号联络组"), ("鸥屿廿三号联络组", "鸥屿23号联络组"),
                                               ("鸥屿三十号联络组", "鸥屿卅号联络组"), ("鸥屿三十号联络组", "鸥屿三○号联络组"),
                                               ("鸥屿一百零三号联络组", "鸥屿一〇三号联络组")])
def test_nian_and_sa_are_read_as_twenty_and_thirty(tmp_path, name, written):
    _refused(_archive(tmp_path, name), tmp_path, f"该县设有{written}，负责联络。")


@pytest.mark.parametrize("written", ["鸥屿两号联络组", "鸥屿廿号联络组", "鸥屿卅三号联络组", "鸥屿三〇号联络组", "鸥屿叁拾号联络组"])
def test_another_number_is_not_the_secret_name(tmp_path, written):
    """两 is no 三 (鸥屿两号 is not 鸥屿三号); 廿 is 20, 卅三 33, 三〇 30: none of them is 3 (the word 鸥屿 is refused
    alone since closedK, ``cores``)."""
    word_only(_archive(tmp_path), tmp_path, f"该县设有{written}，负责联络。", "鸥屿")


# ---- other forms of a character or a word: Japanese 鴎 (鸥), 連絡 and 连络 (联络) ---------------------------------------

FORMS = ["鴎屿三号联络组", "鸥屿三号连络组", "鴎屿三号連絡組", "鸥屿三号連絡組", "鴎屿3号连络组", "鴎·屿三号连络组"]


@pytest.mark.parametrize("written", FORMS)
def test_another_form_of_a_character_or_word_is_read_as_the_name(tmp_path, written):
    _refused(_archive(tmp_path), tmp_path, f"该县设有{written}，负责联络。")


@pytest.mark.parametrize("written", ["鸥屿三号联络组", "鴎屿三号联络组"])
def test_a_name_written_in_the_other_form_is_found_as_written_the_usual_way(tmp_path, written):
    """The secret record writes 连络 (or 鴎): the name as a chapter writes it the usual way is found all the same."""
    _refused(_archive(tmp_path, "鸥屿三号连络组" if written == "鸥屿三号联络组" else "鴎屿三号連絡組"), tmp_path,
             f"该县设有{written}，负责联络。")


def test_a_character_of_its_own_in_chinese_is_not_read_as_a_japanese_form():
    """芸 (Japanese for 藝), 欠 (for 缺), 弁 (for 辨) are characters of ordinary Chinese text: left as they are."""
    from zhi.leaks import fold

    assert fold("鴎駅沢県") == "鸥驿泽县"
    assert fold("芸欠弁") == "芸欠弁"


# ---- a Punycode domain: the address bar shows the name it encodes ------------------------------------------------------

PUNY = "鸥屿三号联络组".encode("idna").decode()   # xn--ehq77lf7hy40boday1hr42g


@pytest.mark.parametrize("line", [f"见[网站](http://{PUNY}.cn/)。", f"见<http://{PUNY}.cn/>。",
                                  f"见[网站](http://www.{PUNY.upper()}.cn/a.html)。",
                                  "见[网站](http://{}.cn/)。".format("鸥屿3号连络组".encode("idna").decode()),
                                  f"原网址 {PUNY}.cn 已停用。"])
def test_a_punycode_domain_in_a_link_is_read_as_the_name_it_encodes(tmp_path, line):
    assert PUNY == "xn--ehq77lf7hy40boday1hr42g"
    _refused(_archive(tmp_path), tmp_path, line)


def test_a_punycode_domain_of_another_name_is_not_refused(tmp_path):
    root = _archive(tmp_path)
    # (another place's name: 鸥屿四号 would be refused for the designation's word 鸥屿 since closedK, ``cores``)
    line = "见[网站](http://{}.cn/)，又见[此](http://xn--abc-.cn/)。".format("白鸥四号联络组".encode("idna").decode())
    _chapter(root, f"正文。\n\n{line}\n")
    assert _shared(root) == []
    assert not _scanned(root, tmp_path, markdown.markdown(line))


@pytest.mark.parametrize("written", ["鸥屿٣号联络组", "鸥屿仨号联络组", "鴎屿三号連絡組", "鸥屿三号连络组", f"http://{PUNY}.cn/"])
def test_a_variant_in_a_public_record_is_refused_at_its_line(tmp_path, written):
    root = _archive(tmp_path)
    write(root, "sources/bodies/zz.yaml", f"id: cs-zz\nkind: 其他\nnote: 与{written}合署办公。\n")
    assert _shared(root) == [("sources/bodies/zz.yaml", 3)]
