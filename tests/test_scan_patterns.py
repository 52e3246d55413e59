"""The leak scan's patterns, written for speed (re skips quickly to a digit, a bitmap for the combining marks of
the BMP), find exactly what their plain forms found: at the start of a file, after a letter or a digit, beyond
the BMP."""

import re
import unicodedata

from zhi.invisible import combining
from zhi.leaks import ID_CARD, MOBILE, _id_card_ok, fold, id_pattern, scan

ID = "11010519491231002X"   # (the checksum is right: a fictional number in the published example's form)


def test_the_quick_patterns_find_what_the_plain_ones_found():
    plain_id = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]"
                          r"(?![0-9A-Za-z])")
    plain_mobile = re.compile(r"(?<![0-9])1[3-9]\d{9}(?![0-9])")
    texts = [ID, "号" + ID, "a" + ID, "1" + ID, ID + "1", "13912345678", "电话13912345678。", "113912345678",
             "x13912345678", "1391234567813912345678", "23912345678", "号码：" + ID + "，13912345678"]
    for t in texts:
        assert [m.span() for m in ID_CARD.finditer(t)] == [m.span() for m in plain_id.finditer(t)], t
        assert [m.span() for m in MOBILE.finditer(t)] == [m.span() for m in plain_mobile.finditer(t)], t
    assert _id_card_ok(ID) and [m.group(0) for m in ID_CARD.finditer("号" + ID)] == [ID]
    assert [m.group(0) for m in MOBILE.finditer("13912345678")] == ["13912345678"]
    ids = id_pattern(["d-7", "x9"])
    assert [m.group(0) for m in ids.finditer("d-7 d-7-2 ad-7 .d-7 见x9，x9.html x9-2 x9")] == ["d-7", "x9", "x9"]


def test_the_scan_finds_an_id_card_and_a_mobile_number_at_the_start_of_a_file(tmp_path):
    (tmp_path / "a.txt").write_text(ID + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("13912345678", encoding="utf-8")
    (tmp_path / "c.txt").write_text("a" + ID + " 913912345678", encoding="utf-8")
    assert {(x.file, x.what) for x in scan(tmp_path, {})} == {("a.txt", ID), ("b.txt", "13912345678")}


def test_every_combining_mark_is_one_and_nothing_else_is():
    skipped = [(0x3400, 0xA000), (0xAC00, 0xD7A4), (0xE000, 0xF900), (0x20000, 0xE0000), (0xE1000, 0x110000)]
    chars = "".join(chr(c) for c in range(0x110000)
                    if not 0xD800 <= c < 0xE000 and not any(a <= c < b for a, b in skipped))
    assert combining().findall(chars) == [c for c in chars if unicodedata.category(c) in ("Mn", "Me")]
    # beyond the BMP (U+1D167 a musical tremolo, U+11001 a Brahmi sign): out, as U+0301 is
    assert fold("金\U0001d167丝雀\U00011001未号") == fold("金\u0301丝雀未号") == "金丝雀未号"
