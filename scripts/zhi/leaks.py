"""保密观: after every build, read the finished outputs and refuse them if anything leaked.

The scanner knows the whole archive (all levels) and the edition's limit. It collects the strings that only
records above the limit hold (ids, titles, 文号, names, distinctive sentences of transcriptions and prose)
and looks for them, for classification marks, and for ID-card and mobile numbers in every output file:
HTML, the search index, the sitemap, the PDF's text and metadata, the DOCX.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import re
import subprocess
import unicodedata
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .buildcache import content_digest, scanner_digest
from .chapterimages import IMAGE_SUFFIXES, image_text
from .classification import Level, highest
from .docno import NUMERAL, cn_int, normalise_docno, parse_docno
from .editions import EDITIONS, sourced_level
from .findings import Loc
from .invisible import BIDI, BIDI_NAMES, combining, visible
from .levelwords import (
    INTERNAL_LABELS,
    LEVEL_TALK,
    NOT_OPEN_FOLDED,
    SECRET,
    SECRET_FOLDED,
    STAMPS,
    STARS,
    TERM_WORD,
    VARIANT_CHARS,
    alt,
    internal,
)
from .model import Archive

# marks are looked for in folded text (see ``fold``): no spaces, full-width forms and traditional characters
# folded, so "秘　密★10年", "祕密☆十年", "密级：秘密" and "秘\u200b密" are all found.
# A marking in the forms a marking takes — with ★ (秘密★10年), after 密级：, with 保密期限, in brackets (【机密】,
# （内部资料）) — is always a mark, whatever the house style says; so is a level alone on a line (ALONE)
# (every level word from the one table, ``levelwords``)
_CLOSE = rf"[」』\x22”’）)\]】]*[{STARS}]"
_OPEN, _SHUT = r"[（(\[【〔［「『《]", r"[）)\]】〕］」』》]"
_LABELS = internal(INTERNAL_LABELS)


def _marking(levels: str) -> re.Pattern:
    """A marking of one of ``levels`` (an alternation) in a marking's form."""
    internal_ = rf"|{_LABELS}|内部" if "内部" in levels else ""
    return re.compile(rf"{SECRET_FOLDED}{_CLOSE}|{LEVEL_TALK[0]}[:：]?{levels}|{TERM_WORD}"
                      rf"|{_OPEN}(?:{SECRET_FOLDED}{internal_})(?:件|文件)?{_SHUT}")


MARKING = _marking(NOT_OPEN_FOLDED)
SECRET_MARKING = _marking(SECRET_FOLDED)  # the internal edition may carry 内部
ALONE = re.compile(rf"{SECRET_FOLDED}(?:[{STARS}].*)?")
# a mark's word anywhere else is a mark too, unless it stands inside a text the editor confirmed as ordinary
# wording (house style ``not-marks``: a title such as 关于加强机密载体管理的通知, a unit such as 机密档案室)
SECRET_MARK_WORDS = re.compile(alt(SECRET[1:]))   # (秘密 alone is too common a word: 秘密 in a marking's form)
MARK_WORDS = re.compile(rf"{SECRET_MARK_WORDS.pattern}|{_LABELS}|不得外传")
# (the first digit matched before the look behind: re then skips quickly to a digit, the same matches)
ID_CARD = re.compile(r"[1-9](?<![0-9A-Za-z][1-9])\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])")
MOBILE = re.compile(r"1(?<![0-9]1)[3-9]\d{9}(?![0-9])")
_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


@functools.cache
def _t2s() -> dict[int, str]:
    """Traditional → simplified, character by character, from OpenCC's dictionary (one call at first use;
    ``str.translate`` after that, fast enough for every output file)."""
    chars = [chr(c) for c in list(range(0x3400, 0x4DC0)) + list(range(0x4E00, 0xA000)) + list(range(0xF900, 0xFB00))]
    try:
        import opencc

        out = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    except (ImportError, RuntimeError):  # pragma: no cover - opencc is a locked dependency
        return dict(VARIANTS)
    table = {ord(a): b for a, b in zip(chars, out, strict=False) if a != b and len(b) == 1}
    return _japanese(chars, table) | table | VARIANTS


def _japanese(chars: list[str], table: dict[int, str]) -> dict[int, str]:
    """Japanese forms (shinjitai) a Chinese reader reads as the character: 鴎 is 鸥 (鷗), 駅 驿, 沢 泽, 県 县 — OpenCC's
    jp2t, then t2s. Only a form outside GB 2312 (no character of ordinary simplified text) made one inside it: 芸, 欠,
    弁 are characters of their own in Chinese and stay as they are."""
    import opencc

    jp = opencc.OpenCC("jp2t").convert("\n".join(chars)).split("\n")
    out = {}
    for a, t in zip(chars, jp, strict=False):
        b = table.get(ord(t), t)
        if a != b and len(b) == 1 and ord(a) not in table and _gb2312(b) and not _gb2312(a):
            out[ord(a)] = b
    return out


def _gb2312(c: str) -> bool:
    try:
        c.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


# what OpenCC's character table leaves, because the character is a simplified one too, though in a traditional
# writing it stands for another (OpenCC's t2s changes it only inside the phrases it knows: 批覆→批复, 答覆→答复,
# 乾部→干部, 瞭解→了解); folded on both sides of every comparison, so 覆 in 批覆 meets 复 in 批复. And a backslash:
# Markdown prints 秘\密 as it stands, and a reader reads 秘密.
VARIANTS = {ord("覆"): "复", ord("乾"): "干", ord("瞭"): "了", ord("著"): "着", ord("衹"): "只", ord("祇"): "只",
            ord("\\"): ""} | {ord(v): c for c, v in VARIANT_CHARS.items()}   # and a level word's (祕密, 內部)

# variant forms (异体字) a reader reads as the character that neither OpenCC's t2s nor its jp2t changes (no OpenCC
# conversion folds them: its Taiwan, Hong Kong and Japanese variant tables hold other characters): 鴈 and 鳫 are 雁.
# Only a form outside GB 2312 is made one inside it (``_gb2312``), as with the Japanese forms
FORMS = {"鴈": "雁", "鳫": "雁"}
VARIANTS |= {ord(a): b for a, b in FORMS.items() if not _gb2312(a) and _gb2312(b)}


@functools.cache
def _traditional() -> re.Pattern:
    """A character that ``_t2s`` changes: most generated text has none, and a search for one is far quicker
    than ``str.translate`` over every character of a long page."""
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_t2s())) + "]") if _t2s() else re.compile(r"(?!)")


def fold(text: str) -> str:
    """Text as the leak scan compares it: NFKC (full-width letters, digits and brackets folded), traditional
    characters made simplified, a level's stamp spelled out (㊙: 秘密, ``levelwords.STAMPS``), invisible characters,
    combining marks and every kind of space removed."""
    return _folded(normal(text))


def normal(text: str) -> str:
    """The first steps of ``fold``: invisible characters removed, a level's stamp spelled out, NFKC. The scan reads
    ids, ID-card and mobile numbers in this text, and folds it from here (``_folded``), each step once."""
    text = visible(text)
    if _LETTER_NUMERALS.search(text):   # Ⅶ, ⅶ, 〧: 7 (NFKC makes Ⅶ the letters VII, and leaves 〧); ⅩⅦ: 17
        text = _ROMAN_RUN.sub(_roman, text).translate(_letter_numerals())
    if not text.isascii() and _OTHER_DIGIT.search(text):   # ٣, ۳, ३, ৩: 3 (NFKC leaves another script's digit)
        text = _OTHER_DIGIT.sub(lambda m: str(unicodedata.decimal(m.group(0))), text)
    for stamp in STAMPS:   # ㊙ is 秘密 (NFKC leaves the one character 秘)
        if stamp in text:
            text = text.replace(stamp, STAMPS[stamp])
    if not unicodedata.is_normalized("NFKC", text):  # the same text as normalize() gives, without the copy
        text = unicodedata.normalize("NFKC", text)
    return text


# the numerals written as letters (Roman Ⅰ–ↈ, small ⅰ–ⅿ; Suzhou 〡–〩): a reader reads 鹭汀Ⅶ号 and 鹭汀〧号 as 鹭汀7号.
# Folded to their value in digits before NFKC (which makes Ⅶ the three letters VII)
_LETTER_NUMERAL_RANGES = ((0x2160, 0x2188), (0x3021, 0x3029))
_LETTER_NUMERALS = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _LETTER_NUMERAL_RANGES) + "]")


_ROMAN_RUN = re.compile("[\u2160-\u2188]{2,}")
# a decimal digit of any script (Unicode category Nd: Arabic-Indic ٣, Extended Arabic-Indic ۳, Devanagari ३, Bengali ৩,
# full-width ３): a reader reads 鸥屿٣号 as 鸥屿3号. Read as the ASCII digit of its value (``unicodedata.decimal``)
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def _roman(m: re.Match) -> str:
    """A run of Roman numerals as its value in digits (ⅩⅦ: 17, ⅩⅣ: 14): a numeral before a larger one is taken off."""
    values = [int(unicodedata.numeric(c)) for c in m.group(0)]
    return str(sum(-v if i + 1 < len(values) and values[i + 1] > v else v for i, v in enumerate(values)))


@functools.cache
def _letter_numerals() -> dict[int, str]:
    out = {}
    for a, b in _LETTER_NUMERAL_RANGES:
        for cp in range(a, b + 1):
            value = unicodedata.numeric(chr(cp), None)
            if value is not None and value == int(value):
                out[cp] = str(int(value))
    return out


def _folded(text: str) -> str:
    """The rest of ``fold``, for text already ``normal``."""
    if not text.isascii():
        # a combining mark NFKC leaves (金\u0301丝雀: no precomposed form) shows over the character, which a reader
        # still reads: out, on both sides of every comparison
        text = combining().sub("", text)
    table = _t2s()
    if "\\" in text and ord("\\") in table:   # (a JSON file's escapes: thousands, gone in one replace)
        text = text.replace("\\", table[ord("\\")])
    text = _traditional().sub(lambda m: table[ord(m.group(0))], text)
    return "".join(text.split())  # every kind of space (str.split and re's \s agree on what is one)


class _Punctuation(dict):
    """For str.translate: every punctuation mark and symbol of Unicode (categories P and S) to None (dropped), any
    other character to itself. Filled as characters are met (``__missing__``), not by walking every code point of
    Unicode first (a quarter of a second per process)."""

    def __missing__(self, cp: int) -> int | None:
        self[cp] = None if unicodedata.category(chr(cp))[0] in "PS" else cp
        return self[cp]


@functools.lru_cache(maxsize=1)
def _punctuation() -> _Punctuation:
    return _Punctuation()


def unpunctuated(text: str) -> str:
    """Folded text with every punctuation mark and symbol taken out: a name split by marks (“金丝雀”七号、金丝雀·七号、
    金/丝/雀、金丝雀（七号）办公室) is read as the name a reader still reads in it."""
    return text if text.isalnum() else text.translate(_punctuation())


# a name's characters with anything else between them (白鹭①九号、白鹭a九号、白鹭\ue000九号、白鹭™九号): Han characters
# alone; and its numerals in any writing (白鹭9号、白鹭９号、白鹭玖号): numerals as digits, digits kept
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_NOT_HAN = re.compile(f"[^〇{_HAN}]+")   # (〇 is a numeral, no mark: 鸥屿三〇号 is not 鸥屿三号)
_NOT_HAN_OR_DIGIT = re.compile(f"[^0-9{_HAN}]+")
_NUMERALS = str.maketrans("〇○零一二三四五六七八九壹贰叁肆伍陆柒捌玖", "00012345678912345678" + "9")
SKELETON_MIN = 4   # a skeleton shorter than this is too common to name a record by


# a number written with No. (鹭汀No.7联络站, NO.7, №7: NFKC makes № the letters No), and 第 before a number (鹭汀第七号):
# read as the number with 号 (鹭汀7号联络站), in the numeral reading of a text and of a name alike
_NUMBER_NO = re.compile(r"(?<![A-Za-z])[Nn][Oo]\.?(\d+)号?")
_ORDINAL = re.compile(r"第(?=\d)")


# the numerals' other forms: 弌 弍 弎 (old forms of 一 二 三), 仨 (three of: 鸥屿仨号 is read 鸥屿三号), 廿 卄 (二十), 卅 (三十),
# 卌 (四十); 两 is left alone (鸥屿两号 is read as no 鸥屿二号 and no 三号)
_NUMERAL_FORMS = {"弌": "一", "弍": "二", "弎": "三", "仨": "三", "廿": "二十", "卄": "二十", "卅": "三十", "卌": "四十"}
_NUMERAL_FORM = re.compile(f"[{''.join(_NUMERAL_FORMS)}]")
_CAPITAL_UNITS = str.maketrans("拾佰仟", "十百千")
_CAPITAL_DIGITS = str.maketrans("壹贰叁肆伍陆柒捌玖", "一二三四五六七八九")
_UNIT_NUMBER_HINT = re.compile("[十百千拾佰仟]")
_UNIT_NUMBER = re.compile("[〇零○一二两三四五六七八九十百千]*[十百千][〇零○一二两三四五六七八九十百千]*")


# look-alikes of the numerals inside a name (翠岚十ー号, 翠岚十Ⅰ号, 翠岚XI号, 翠岚〸〡号 for 翠岚十一号): a horizontal stroke
# (katakana ー, the stroke ㇐, dashes — ― –, box lines ─ ━, Hangul ㅡ, a hyphen or minus) read as 一 where it stands
# after 十, 百 or 千 or before 号, and not between two digits; a run of capital Roman letters between two Han characters (XI: 11); a digit
# after 十, 百 or 千 (十1, from 十Ⅰ or Suzhou 〸〡: ``normal`` makes Ⅰ and 〡 the digit 1, NFKC 〸 十) read as the
# Chinese numeral, so that 十1 is 11 and not 101. Only in the numeral reading (``numbered``)
_STROKES = "ー\uff70㇐—―–─━ㅡ\u2212\u2010\u2011-"
_DIGITS_ANY = "〇零一二三四五六七八九0-9"
# (a stroke between two digits is a range's dash: 第三—五章, 1990—2000年)
_STROKE = re.compile(f"(?<=[十百千])[{_STROKES}](?![{_DIGITS_ANY}])|(?<![{_DIGITS_ANY}])[{_STROKES}](?=号)")
_LATIN_ROMAN = re.compile(f"(?<=[{_HAN}])[IVXLC]+(?=[{_HAN}])")
_ROMAN_VALID = re.compile(r"(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})|C{1,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_DIGIT_AFTER_UNIT = re.compile("(?<=[十百千])([1-9])(?![0-9])")


def _latin_roman(m: re.Match) -> str:
    """A run of capital Roman letters as its value in digits when it is a Roman numeral (XI: 11), else as written."""
    s = m.group(0)
    if not _ROMAN_VALID.fullmatch(s):
        return s
    values = [_ROMAN_VALUES[c] for c in s]
    return str(sum(-v if i + 1 < len(values) and values[i + 1] > v else v for i, v in enumerate(values)))


def numeral_lookalikes(text: str) -> str:
    """Folded text with the look-alikes of numerals inside a name read as the numerals (``_STROKE``,
    ``_LATIN_ROMAN``, ``_DIGIT_AFTER_UNIT``): 翠岚十ー号, 翠岚十Ⅰ号, 翠岚XI号 and 翠岚〸〡号 are all 翠岚十一号 (11号)."""
    if text.isascii():
        return text
    text = _STROKE.sub("一", text)
    if _LATIN_ROMAN.search(text):
        text = _LATIN_ROMAN.sub(_latin_roman, text)
    return _DIGIT_AFTER_UNIT.sub(lambda m: "一二三四五六七八九"[int(m.group(1)) - 1], text)


def numbered(text: str) -> str:
    """Folded text with its numerals in one writing: digits (七, 柒, 7, ７, ⑦, Ⅶ, 〧 are 7: ``fold`` makes the
    full-width, circled and letter forms digits, ``_NUMERALS`` the Chinese ones), No.7 as 7号, 第 before a number out
    (鹭汀第七号联络站 is 鹭汀7号联络站); a number written with 十, 百, 千 (or 拾, 佰, 仟) as its value (十七, 拾柒: 17);
    弎 and 仨 as 三, 廿 as 二十, 卅 as 三十 (``_NUMERAL_FORMS``: 廿三 is 23); look-alikes of numerals as the numerals
    (``numeral_lookalikes``: 十ー, 十Ⅰ, XI, 〸〡 are 11)."""
    text = numeral_lookalikes(text)
    if _NUMERAL_FORM.search(text):
        text = _NUMERAL_FORM.sub(lambda m: _NUMERAL_FORMS[m.group(0)], text)
    if _UNIT_NUMBER_HINT.search(text):
        text = _UNIT_NUMBER.sub(lambda m: str(v) if (v := cn_int(m.group(0))) is not None else m.group(0),
                                text.translate(_CAPITAL_UNITS).translate(_CAPITAL_DIGITS))
    text = text.translate(_NUMERALS)
    if "o" in text or "O" in text:
        text = _NUMBER_NO.sub(r"\1号", text)
    return _ORDINAL.sub("", text) if "第" in text else text


# a name's syllables in Latin letters (pinyin), as typed in text: any case, tone marks or tone numbers or none, ü as
# u or v, spaces, hyphens, apostrophes, dots and underscores between them or not, a numeral as a digit (LUTING 7 HAO)
_DIGIT_PINYIN = dict(zip("0123456789", ("ling", "yi", "er", "san", "si", "wu", "liu", "qi", "ba", "jiu"), strict=True))
_DIGIT = re.compile(r"\d")
_LONE_DIGIT = re.compile(r"(?<!\d)\d(?!\d)")   # (a number of more digits, a year or a figure, is read as no syllable)
_LATIN_JOINERS = re.compile(r"[\-'’‘`´·.\u02bc_]+")
# a run of Latin letters (with tone marks: ā, ǎ, ü, ḿ), digits and what joins syllables; anything else is a break
_LATIN_RUN = re.compile(r"[A-Za-z0-9\u00c0-\u024f\u1e00-\u1eff\-'’‘`´·.\u02bc_]+")
_NOT_LATIN = re.compile(r"[^a-z]+")
_TONE_NUMBER = re.compile(r"(?<=[a-z])[1-5](?![0-9])")


def latin_readings(text: str) -> tuple[str, str]:
    """Folded text as pinyin is read in it: tone marks out, lower case, v as u (lv, lü), what joins syllables out
    (``_LATIN_JOINERS``), a lone digit as its numeral's syllable (7: qi), anything else but a letter a break (|).
    Two readings: with a digit after a syllable read as a numeral (luting 7 hao), and read as a tone number (lu4ting2)."""
    runs = _LATIN_RUN.findall(text)
    if not runs:
        return "", ""
    text = "|".join(runs)
    if not text.isascii():
        text = combining().sub("", unicodedata.normalize("NFD", text))
    text = _LATIN_JOINERS.sub("", text.lower().replace("v", "u"))

    def spoken(t: str) -> str:
        t = _NOT_LATIN.sub("|", _LONE_DIGIT.sub(lambda m: _DIGIT_PINYIN[m.group(0)], t) if _DIGIT.search(t) else t)
        return t if t.strip("|") else ""
    return spoken(text), spoken(_TONE_NUMBER.sub("", text))


# a word's other written form (异形词) a reader takes for the same word in a name, with the form to read it as: the
# pairs of 《第一批异形词整理表》 (教育部、国家语委, 2001年12月19日发布, 2002年3月31日试行) that a body's name may hold,
# each with where its text was read; and 连络, which a reader reads as 联络. Only in the readings of a name
# (``skeleton_readings``, ``key_skeletons``), as a further reading next to the name as written: a text's other words
# are not changed, and no reading that found a name is lost. Pairs that no source here confirms are left out (联贯,
# 联缀, 照像, 谋画, 摹拟, 摹仿, 钮扣, 精采 were in an earlier list from memory)
WORD_FORM_SOURCES: dict[str, dict[str, str]] = {
    # the table's text, A–D (traditional characters): 參與—參預, 車廂—車箱, 成分—成份, 籌劃—籌畫, 瓷器—磁器, 訂單—定單,
    # 訂戶—定戶, 訂貨—定貨, 訂閱—定閱, 筆畫—筆劃, 秉承—稟承
    "http://m.etszs.com/index.php?m=content&c=index&a=show&catid=155&id=692": {
        "参预": "参与", "车箱": "车厢", "成份": "成分", "筹画": "筹划", "磁器": "瓷器", "定单": "订单", "定户": "订户",
        "定货": "订货", "定阅": "订阅", "笔划": "笔画", "禀承": "秉承"},
    # the table's page 10 (Y–Z), Wikisource's transcription of the published PDF
    "https://zh.wikisource.org/wiki/Page:第一批异形词整理表.pdf/10": {
        "赢余": "盈余", "影象": "影像", "鱼具": "渔具", "鱼网": "渔网", "元煤": "原煤", "帐本": "账本"},
    # 人民日报海外版 2020年2月8日第5版, 杜永道《“连接”与“联结”的不同》: both the table's recommended forms
    "http://paper.people.com.cn/rmrbhwb/html/2020-02/08/content_1969995.htm": {"联接": "连接", "连结": "联结"},
    # a journal's list of the table's pairs it meets (推荐词形 first): 錄像—錄象、錄相, 圖像—圖象 (a secondary source)
    "http://www.handmsg.com/page/2025/0829/29510886.shtml": {"录象": "录像", "录相": "录像", "图象": "图像"},
    # not of the table: 联络 and 连络 are read as one word (聯絡與連絡相通); kept, a reader takes 鸥屿三号连络组 for the
    # secret 鸥屿三号联络组 (fail closed)
    "https://classic-blog.udn.com/chhsia1113/109105307": {"连络": "联络"},
}
WORD_FORMS = {a: b for pairs in WORD_FORM_SOURCES.values() for a, b in pairs.items()}
_WORD_FORM = re.compile("|".join(WORD_FORMS))


def word_forms(text: str) -> str:
    """Text with each word of ``WORD_FORMS`` in its recommended form (鸥屿三号连络组: 鸥屿三号联络组)."""
    return _WORD_FORM.sub(lambda m: WORD_FORMS[m.group(0)], text)


def skeleton_readings(text: str) -> tuple[str, str, str, str, str, str, str]:
    """Folded text as a reader still reads a name in it whatever stands between its characters: punctuation and
    symbols out (``unpunctuated``); everything but Han characters out; numerals as digits (九, 玖, 9, Ⅶ, 第九, No.9:
    ``numbered``) with everything but Han characters and digits out; and the text's Latin letters as pinyin is read
    (``latin_readings``). Compared with the same readings of a record's name (``key_skeletons``): the one matcher
    of the check (``checks.secrecy``) and of the build's scan (``scan``). The Han and the numeral reading once more
    with their words in the recommended form (``word_forms``: 连络 as 联络)."""
    han, numeral = _NOT_HAN.sub("", text), _NOT_HAN_OR_DIGIT.sub("", numbered(text))
    return unpunctuated(text), han, numeral, *latin_readings(text), word_forms(han), word_forms(numeral)


# what a reader reads through between the characters of a person's name (蔺-缃-琦, 蔺·缃·琦, 蔺_缃_琦, 蔺/缃/琦; spaces
# are gone in folded text): the marks that join or space a name's characters, not those ending a clause or quoting
# (主张。建华 is no 张建华). ``key_skeletons`` reads a name of four characters or more through any mark; one of three
# characters (a person's: 蔺缃琦) is read through these alone (``name_joined``)
NAME_JOINERS = "\\-‐‑‒–—―−－··・‧•∙⋅･._/／~～*'’`"
_NAME_JOINED = re.compile(f"(?<=[{_HAN}])[{NAME_JOINERS}]+(?=[{_HAN}])")


# marks of a list that split a name into pieces (骆、青、禾, 骆，青，禾, 骆、青禾, 骆青、禾), and brackets around one
# character of it (骆（青）禾): read joined too (``name_joined``). Measured on the sample, the real gazetteers and a 10×
# synthetic archive: of some 14,500 places where prose holds such a mark between two characters, reading them joined
# makes no person's name the text did not hold already. (Brackets around more characters were read through at first:
# 河东区（望川区）人民政府 then read 区人民政府, a body's name; they are not)
_NAME_SPLIT = re.compile(f"(?<=[{_HAN}])(?:[、，,]+|[（(](?=[{_HAN}][）)])|(?<=[（(][{_HAN}])[）)])(?=[{_HAN}])")


def _joined(text: str) -> str:
    """``text`` with the joining marks (``NAME_JOINERS``) and the splitting marks (``_NAME_SPLIT``) taken out."""
    return _NAME_JOINED.sub("", _NAME_SPLIT.sub("", text))


JOINED_REACH = 100   # what is read on each side of a joining mark (``name_joined``): longer than any string looked for


def name_joined(text: str) -> str | None:
    """Folded text with the marks between two Han characters that join or space a name's characters taken out
    (``NAME_JOINERS``: 蔺-缃-琦, 蔺·缃·琦 read 蔺缃琦), and the marks of a list or an aside that split it
    (``_NAME_SPLIT``: 蔺、缃、琦, 蔺（缃）琦, 蔺、缃琦); None when it has none. Only the text around each such mark
    (``JOINED_REACH`` characters each side, the pieces apart: a string found there and not in the text as it stands
    spans a mark), so that a long page is not read twice over. Read like the text itself (a person's name of three
    characters is looked for in it as it stands)."""
    if text.isascii() or not (_NAME_JOINED.search(text) or _NAME_SPLIT.search(text)):
        return None
    spans: list[list[int]] = []
    for m in sorted([*_NAME_JOINED.finditer(text), *_NAME_SPLIT.finditer(text)], key=lambda m: m.start()):
        start, end = max(0, m.start() - JOINED_REACH), m.end() + JOINED_REACH
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return "\0".join(_joined(text[a:b]) for a, b in spans)


def skeletons(text: str) -> list[str]:
    """``skeleton_readings``, each reading once."""
    return [x for x in dict.fromkeys(skeleton_readings(text)) if x]


def key_skeletons(key: str) -> list[str]:
    """What to look for in a text's ``skeletons`` for a folded name (four characters or more): the name with its
    punctuation out (found in a text's Han-only reading when the name is Han characters alone: 白鹭①九号联络站), and
    with its numerals as digits when the name holds no letter (白鹭9号联络站, ``numbered``). A name's own digits and
    letters are never dropped (临水县1996年…年报 is not 临水县1984年…年报). A name in pinyin (``romanized``) is looked
    for as letters alone (lutingqihao), in a text's ``latin_readings``."""
    bare = unpunctuated(key)
    n = numbered(key)
    numeral = _NOT_HAN_OR_DIGIT.sub("", n)
    out = [bare] + ([numeral] if numeral == unpunctuated(n) else [])
    out += [word_forms(k) for k in out]   # (鸥屿三号连络组 as 鸥屿三号联络组: ``word_forms``)
    return [k for k in dict.fromkeys(out) if len(k) >= SKELETON_MIN]


def marks_in(shown: str, edition: str = "public", plain=(), words: bool = True,
             shown_normal: str | None = None) -> list[tuple[str, bool]]:
    """The classification marks in ``shown`` (text as a reader sees it), each with whether it is in a marking's
    form (nothing can confirm it) or a mark's word (机密, 内部资料 …) that no text of ``plain`` (the house
    style's ``not-marks``, folded) holds where it stands. A confirmed text opens exactly that text: the same word
    elsewhere on the page is still a mark. Without ``words``, only a marking's forms are looked for.
    ``shown_normal``: ``normal(shown)``, when the caller has it (the scan), so that it is not made twice."""
    public = edition == "public"
    out = []
    alone = False
    keys = ("密", *STAMPS)   # a level alone on a line (the character survives every folding; a stamp is spelled out)
    if any(k in shown for k in keys):
        lines = shown.splitlines()
        for i, line in enumerate(lines):
            if any(k in line for k in keys) and ALONE.fullmatch(f := fold(line)):
                out.append((f, True))
                lines[i] = "\0"
                alone = True
        shown = "\n".join(lines) if alone else shown
    flat = _folded(shown_normal) if shown_normal is not None and not alone else fold(shown)

    def marking(m: re.Match) -> str:
        out.append((m.group(0), True))
        return "\0"

    flat = (MARKING if public else SECRET_MARKING).sub(marking, flat)   # found and blanked in one pass
    if not words:
        return out
    for p in plain:
        flat = flat.replace(p, "\0")
    out += [(m.group(0), False) for m in (MARK_WORDS if public else SECRET_MARK_WORDS).finditer(flat)]
    return out


def _id_card_ok(s: str) -> bool:
    total = sum(int(c) * w for c, w in zip(s[:17], _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == s[17].upper()


@dataclass
class Leak:
    file: str
    what: str      # the string or pattern found
    why: str       # where it comes from (record, level) or what kind of pattern

    def as_text(self) -> str:
        return f"{self.file}：发现“{self.what}”（{self.why}）"


def _sentences(text: str, min_len: int = 12) -> list[str]:
    """The distinctive sentences of a text (their first 40 characters). A chapter's reference ([[id]], [[id@date]])
    ends one: the page prints a name there, never the id, so a sentence quoted to the editor never ends in a
    half-written id (…人员编制doc-)."""
    parts = re.split(r"[。！？；\n]", re.sub(r"[#>*`|\[\]]", " ", re.sub(r"\[\[[^\[\]\n]*\]\]", "\n", text)))
    out = []
    for p in parts:
        p = re.sub(r"\s+", "", p)
        if len(p) >= min_len:
            out.append(p[:40])
    return out


@dataclass(frozen=True)
class Entry:
    """One distinctive string a record or a chapter holds."""

    text: str
    level: Level
    record: str          # the record (or chapter) holding it: "机构 x", "文件 d", "chronicle/p1/c1.md" …
    kind: str            # id | name | title | docno | sentence | label (an issuer, a source's name for a body) |
    #                      pinyin (a name's, ``romanized``) | place (named only in a secret full text:
    #                      ``full_text_places``)
    loc: Loc | None = None
    part: str = ""       # where in the record: "" (its own fields), 全文, 职能, 内设机构, 备注, 引<doc>, 密级段落
    apart: bool = False  # held apart from the record's own text: a reading of a cited source (its name for a
    #                      body), a 内设机构 or name more secret than the record
    chapter: bool = False
    whole: str = ""      # a name's distinctive part (``name_stems``): the whole name it is cut from
    # a chapter's text held at 绝密 for a line zhi cannot read (``Chapter.held_at``): that line (第 n 行“…”), and
    # the level the text has once the line is mended
    held: str = ""
    unheld: Level | None = None
    # a designation a secret record states another body's name holds too (``different_from``, ``name_stems``): the
    # texts (folded, each beginning with the designation) where it is that body's name and so not this one's: 磐屿十二号渔场
    within: tuple[str, ...] = ()

    @property
    def origin(self) -> str:
        """Where it comes from, as messages name it: "文件 d 全文"."""
        return f"{self.record} {self.part}" if self.part else self.record

    @property
    def holder(self) -> str:
        """The text it belongs to for comparing records: the record's own (with its full text, functions, units
        and notes), or, for a source's reading, that reading alone."""
        return self.origin if self.apart else self.record


def own_names(a: Archive, shorts: bool = False) -> dict[str, list[tuple[object, Level]]]:
    """Every body's and jurisdiction's own names (its own and those its events give it), folded: the places that
    bear each, with the name's level (as ``entries`` holds it). With ``shorts``, the short names its events give it
    too (``short: 雾岬八号渔场``): whose name a lower name is, when a secret record states another body apart
    (``different_from``, ``stated_apart``), a short name is its body's as much as the full one."""
    out: dict[str, list[tuple[object, Level]]] = defaultdict(list)
    places = {**a.jurisdictions, **a.bodies}
    for r in places.values():
        for n in r.names:
            out[fold(n.name)].append((r, highest([r.classification, n.classification])))
    for e in a.events:
        given = [*((rid, nb.name) for rid, nb in e.new.items()), *([(e.body.id, e.name)] if e.body else [])]
        if shorts:
            given += [*((rid, nb.short) for rid, nb in e.new.items()), *([(e.body.id, e.short)] if e.body else [])]
        for rid, name in given:
            if name and (r := places.get(rid)) is not None:
                out[fold(name)].append((r, highest([e.classification, r.classification])))
    return out


def other_bearer(names: dict, name: str, rec, level: Level):
    """Another place (not ``rec``) whose own name, at a level below ``level``, is ``name``: two bodies of one name, the
    one open, the other secret. None when there is none."""
    return next((r for r, lv in names.get(fold(name or ""), ()) if r is not rec and lv.rank < level.rank), None)


def entries(a: Archive) -> list[Entry]:
    out: list[Entry] = []
    names = own_names(a)

    def bare_name(name, rec, level):
        """A secret place's name as such, or "" when an open place bears the same name and the secret one is told
        apart by its 区别语: the bare name is the open one's then (the secret one is printed with its 区别语, and
        that stays secret), not a repetition of the secret one's."""
        told = rec is not None and getattr(rec, "distinguish", "")
        return "" if told and other_bearer(names, name, rec, level) is not None else name

    def add(s, level, record, kind, loc=None, part="", apart=False, chapter=False, held=None):
        if s and str(s).strip():
            cause = f"第 {held[0].line} 行" + (f"“{held[2]}”" if held[2] else "") if held else ""
            out.append(Entry(str(s).strip(), level, record, kind, loc, part, apart, chapter, held=cause,
                             unheld=held[1] if held else None))

    def add_notes(rec, record):
        """What an editor wrote beside the facts (备注, 考异, a citation's note) is the record's as much as its
        name: a secret record's note is never published by a chapter repeating it."""
        for text, part in ((getattr(rec, "note", ""), "备注"), (getattr(rec, "conflict_note", ""), "考异")):
            for s in _sentences(str(text or ""), 8):
                add(s, rec.classification, record, "sentence", rec.loc, part)
        for c in getattr(rec, "sources", None) or []:   # a reading of a source is as secret as the source
            doc = a.documents.get(c.doc)
            level = max(rec.classification, doc.classification, key=lambda lv: lv.rank) if doc else rec.classification
            for s in _sentences(str(c.note or ""), 8):
                add(s, level, record, "sentence", rec.loc, "备注")
            add(c.name, level, record, "label", rec.loc, f"引{c.doc}", apart=True)

    def add_place(r, record: str) -> None:
        """A body's or jurisdiction's id, notes and (outside the volume) the names its sources give."""
        add(r.id, r.classification, record, "id", r.loc)
        add_notes(r, record)
        # the 区别语 is the editor's text: a secret record's is secret (open when open records say the words too)
        add(r.distinguish, r.classification, record, "label", r.loc, "区别语")
        for n in r.names:
            above = n.classification.rank > r.classification.rank
            level = highest([r.classification, n.classification])
            for name in (bare_name(n.name, r, level), told_apart(n.name, r)):
                add(name, level, record, "name", n.loc, "名称" if above else "", apart=above)

    places = {**a.jurisdictions, **a.bodies}
    for j in a.jurisdictions.values():
        add_place(j, f"行政区划 {j.id}")
    for b in a.bodies.values():
        record = f"机构 {b.id}"
        add_place(b, record)
        for f in b.functions:
            add(f, b.classification, record, "sentence", b.loc, "职能")
        for u in b.units:   # a unit (or name) more secret than its record is apart: the record's own text is
            level = highest([b.classification, u.classification])   # no excuse for repeating it
            above = u.classification.rank > b.classification.rank
            add(u.name, level, record, "name", u.loc, "内设机构", apart=above)
            for s in _sentences(u.note, 8):
                add(s, level, record, "sentence", u.loc, "内设机构" if above else "备注", apart=above)
    evidence: dict[int, str] = {}
    for d in a.documents.values():
        record = f"文件 {d.id}"
        add(d.id, d.classification, record, "id", d.loc)
        add(d.title, d.classification, record, "title", d.loc)
        add(d.description, d.classification, record, "title", d.loc)   # printed in place of an unknown title
        add(d.issuer, d.classification, record, "label", d.loc)
        add_notes(d, record)
        if d.number:
            add(d.number, d.classification, record, "docno", d.loc)
            add(normalise_docno(d.number), d.classification, record, "docno", d.loc)
        add(d.archive_ref if len(d.archive_ref) >= 8 else "", d.classification, record, "id", d.loc)
        if d.transcription and d.transcription.is_file():
            full = d.transcription.read_text(encoding="utf-8", errors="replace")
            for s in _sentences(full):
                add(s, d.classification, record, "sentence", d.loc, "全文")
            if d.classification.is_state_secret:   # the places it alone names (``full_text_places``)
                if d.classification.rank not in evidence:
                    evidence[d.classification.rank] = place_evidence(a, d.classification.rank)
                for place in full_text_places(full):
                    if place not in evidence[d.classification.rank]:
                        add(place, d.classification, record, "place", d.loc, "全文")
    for p in a.people.values():
        record = f"人物 {p.id}"
        add(p.id, p.classification, record, "id", p.loc)
        add(p.name, p.classification, record, "name", p.loc)
        add_notes(p, record)
    def body_level(e, rid: str | None):
        """A name an event gives a body is as secret as the body: a 秘密 body's name stays 秘密 when the editor
        leaves its establishing event unmarked (the event is withheld with the body; its name must not come out
        through a public document's issuer or a chapter)."""
        r = (a.bodies.get(rid) or a.jurisdictions.get(rid)) if rid else None
        own = sourced_level(a, e)
        level = highest([own, r.classification]) if r is not None else own
        return level, level.rank > own.rank

    for e in a.events:
        record = f"事件 {e.id}"
        add(e.id, e.classification, record, "id", e.loc)
        add_notes(e, record)
        for rid, nb in e.new.items():
            level, above = body_level(e, rid)
            for name in (bare_name(nb.name, places.get(rid), level), nb.short, *nb.second_names,
                         told_apart(nb.name, places.get(rid))):
                add(name, level, record, "name", e.loc, "名称" if above else "", apart=above)
        level, above = body_level(e, e.body.id if e.body else None)
        add(bare_name(e.name, places.get(e.body.id) if e.body else None, level), level, record, "name", e.loc,
            "名称" if above else "", apart=above)
        add(told_apart(e.name, places.get(e.body.id) if e.body else None), level, record, "name", e.loc,
            "名称" if above else "", apart=above)
        add(e.short, level, record, "name", e.loc, "名称" if above else "", apart=above)
        for f in e.functions:
            add(f, e.classification, record, "sentence", e.loc)
    for p in a.posts:
        add(p.id, p.classification, f"任职 {p.id or p.loc}", "id", p.loc)
        add_notes(p, f"任职 {p.id or p.loc}")
    for s in a.staffing:
        add(s.id, s.classification, f"编制 {s.id or s.loc}", "id", s.loc)
        add_notes(s, f"编制 {s.id or s.loc}")
    for m in a.memos:
        record = f"记事 {m.id or m.loc}"   # named as the editor named it (its id), else by where it stands
        add(m.id, m.classification, record, "id", m.loc)
        for s in _sentences(m.text, 8) or [m.text]:
            add(s, m.classification, record, "sentence", m.loc)
        add_notes(m, record)
    if a.book is not None:
        for ch in a.book.chapters():
            add(ch.title, ch.classification, ch.path, "title", Loc(ch.path, 1), chapter=True, held=_held(ch, ch.written))
            lines = ch.body.splitlines()
            for s in _sentences(ch.body):
                add(s, ch.classification, ch.path, "sentence", Loc(ch.path, 1), chapter=True,
                    held=_held(ch, ch.written))
            for level, first, last in ch.passages:
                block = "\n".join(lines[first + 1: (last if last >= 0 else len(lines))])
                lv = level if level.rank > ch.classification.rank else ch.classification
                for s in _sentences(block, 8):
                    add(s, lv, ch.path, "sentence", Loc(ch.path, ch.body_line + first), "密级段落", chapter=True,
                        held=_held(ch, highest([level, ch.written or level])))
    # the places a state-secret record's own texts name (a secret seat event's 驻枫石坳, a secret 记事), as its full
    # text's: the record's level with its sources counted (``sourced_level``)
    for r in [*a.bodies.values(), *a.events, *a.posts, *a.staffing, *a.memos]:
        level = sourced_level(a, r)
        if not level.is_state_secret:
            continue
        if level.rank not in evidence:
            evidence[level.rank] = place_evidence(a, level.rank)
        record = f"{r.kind_zh} {(r.id or r.loc) if r.kind_zh in ('任职', '编制', '记事') else r.id}"
        for t in r.typed:
            for place in full_text_places(t.text):
                if place not in evidence[level.rank]:
                    add(place, level, record, "place", t.loc or r.loc, t.where)
    figures = _figure_sources(a)
    secret = [x for x in figures if x[2].is_state_secret]
    texts = [d for d in a.documents.values()
             if d.classification.is_state_secret and d.transcription and d.transcription.is_file()]
    said = open_figures(a, figures) if secret or texts else set()
    for rec, record, level, values in secret:
        for v in values:
            for text in ([] if _figure_open(v, said) else figure_strings(v)):
                add(text, level, record, "figure", rec.loc, "编制数")
    for d in texts:   # a count of people a secret full text gives (核定编制一百七十三名)
        for c in counted_people(d.transcription.read_text(encoding="utf-8", errors="replace")):
            m = _PEOPLE.match(c)
            v = int(m.group(1))
            if not _figure_open(v, said) and not (m.group(2) and m.group(1) + m.group(2) in said):
                for text in figure_strings(v) if not m.group(2) else ([c] if v >= FIGURE_MIN else []):
                    add(text, d.classification, f"文件 {d.id}", "figure", d.loc, "全文")
    from .cores import apart_with_kind, latin_cores, name_cores, wade_giles

    cores = name_cores(out, names, a)
    parts = name_stems(out, names, a) + cores + apart_with_kind(cores, out, names, a)
    return out + parts + romanized(out + parts, names) + latin_cores(cores, out) + wade_giles(out, names)


# A place a classified document's full text names (站址设在蓼汊坪, 驻枫石坳, 在鹞子岙设立) that no open source names:
# a reader who meets it in open prose learns where the secret body stands. Read as the place-name ending
# (``PLACE_ENDINGS``: a village, a hill, a bay, a pass …) with the two Han characters before it, neither of them
# a word that begins no place (``_NOT_PLACE``: 在, 驻, 各, 县 …): 蓼汊坪, 枫石坳, 鹞子岙 (a longer name holds its last
# three: 大石头村 is read 石头村). Kept as secret as the document unless an open document (its title or full text) or
# an open body's or jurisdiction's name says it too (``place_evidence``); an open 记事 or chapter is no such source
# (it is where the place would leak).
PLACE_ENDINGS = "坪坳岙村乡镇山湾岭坝沟峪洼屯寨堡庄冲垭埠岗墩塘洲岛嘴坑畈圩坂坞岱"
_NOT_PLACE = set("的在于和与及到至从驻设为是各全本该等每其此这那个县区市省州乡镇村街山之以由对向将把被已并或上下中内外后前"
                 "里新建任同志长名人年月日号第一二三四五六七八九十百千万两几多余共经据按凡")
# words that end so and name no place (住房城乡建设, 广大农村, 上山下乡)
PLACE_WORDS = {"城乡", "农村", "乡村", "城镇", "乡镇", "村镇", "集镇", "下乡", "返乡", "回乡", "家乡", "故乡", "老乡", "同乡",
               "外乡", "上山", "下山", "深山", "大山", "高山", "名山", "江山", "河山", "边疆", "海岛", "水库", "自然村", "行政村"}
_GOES_ON = set(PLACE_ENDINGS) | set("区县市省州盟旗")
_PLACE_WORD = re.compile(f"(?=([{_HAN}]{{2}}[{PLACE_ENDINGS}]))")
PLACE_MIN = 3


def full_text_places(text: str) -> list[str]:
    """The place names a text names, folded (``PLACE_ENDINGS``), each once, in order."""
    out = []
    text = fold(text)
    for m in _PLACE_WORD.finditer(text):
        word, after = m.group(1), text[m.start() + 3: m.start() + 4]
        # (梅岭乡, 北山区: the name goes on, and is read where it ends)
        if not (_NOT_PLACE & set(word[:2])) and not {word, word[:2], word[1:]} & PLACE_WORDS \
                and not (after and after in _GOES_ON):
            out.append(word)
    return list(dict.fromkeys(out))


def place_evidence(a: Archive, rank: int = 1, skip: str = "") -> str:
    """What the sources below ``rank`` say of places, folded: each document's title, description and full text,
    and every body's, unit's and jurisdiction's name (``own_names``). ``skip``: a document left out."""
    said = [n for n, bearers in own_names(a).items() if any(lv.rank < rank for _, lv in bearers)]
    said += [fold(u.name) for b in a.bodies.values() for u in b.units
             if highest([b.classification, u.classification]).rank < rank]
    for d in a.documents.values():
        if d.id == skip or d.classification.rank >= rank:
            continue
        said += [fold(d.title or ""), fold(d.description or "")]
        if d.transcription and d.transcription.is_file():
            said.append(fold(d.transcription.read_text(encoding="utf-8", errors="replace")))
    return "\0".join(said)


# A count of people a state-secret record gives (a 编制 of 173, a secret full text's 核定编制一百七十三名): typed into
# open prose it tells a reader how large the secret body is. Looked for as the number with 名 or 人 after it, in
# digits: the numeral reading of a text (``numbered``) makes 一百七十三名 173名, and a number goes on from no other
# numeral (``finds``, ``_bounded``: 1173名 is no 173名). A figure of a hundred or more is looked for rounded down
# with 余 or 多 too (一百七十余人 for 173). A number below ``FIGURE_MIN`` is too common to look for; one an open record
# gives (an open staffing figure, a count in an open document's full text) is open (``open_figures``).
FIGURE_MIN = 20
_PEOPLE = re.compile(r"(?<![0-9])([0-9]+)(余|多)?(?:名|人)")


def staffing_numbers(st) -> list[int]:
    """Every count of people a staffing statement (``model.Staffing``) gives: 编制, 领导职数, 其中, 人数."""
    values = [*st.posts.values(), *st.leaders.values(), *st.parts.values(), *st.headcount_parts.values(),
              *st.headcount_groups.values(), st.headcount]
    return [v for v in values if isinstance(v, int)]


def counted_people(text: str) -> list[str]:
    """The counts of people a text gives, as digits with what follows them (173名, 170余人), its numerals read as
    digits (``numbered``)."""
    return [m.group(0) for m in _PEOPLE.finditer(numbered(fold(text)))]


def figure_strings(v: int) -> list[str]:
    """How a text says a count of ``v`` people (``FIGURE_MIN`` or more): 173名, 173人, 170余名, 170多人 …; of an
    approximation (``ApproxCount`` 1800余): 1800余人, 1800多名, 1800人 (约1800人 holds it)."""
    if v < FIGURE_MIN:
        return []
    said = str(v)   # (an approximation as the source said it: 170余)
    out = [f"{said}名", f"{said}人"]
    if said.isdigit() and v >= 100 and v % 10:
        out += [f"{v // 10 * 10}{w}{u}" for w in "余多" for u in "名人"]
    if not said.isdigit():   # 1800余 is said 1800多人, 约一千八百人 (read 约1800人), 1800人 as well: its number with
        n = int(v)           # 名/人 after it, with or without 余/多 (a tester's 1800多人 beside a secret 1800余)
        out += [f"{n}{w}{u}" for w in ("", "余", "多") for u in "名人"]
    return list(dict.fromkeys(out))


def _figure_level(a: Archive, rec, refs) -> Level:
    """A staffing record's or event's level with the bodies it is about and, when every source is above it, its
    least secret source (as an edition withholds it)."""
    own = sourced_level(a, rec)
    cited = [a.documents[c.doc].classification for c in getattr(rec, "sources", None) or [] if c.doc in a.documents]
    if cited and len(cited) == len(rec.sources):
        own = highest([own, min(cited, key=lambda lv: lv.rank)])
    places = [r.classification for x in refs if x and (r := a.bodies.get(x) or a.jurisdictions.get(x)) is not None]
    return highest([own, *places])


def _figure_sources(a: Archive) -> list[tuple[object, str, Level, list[int]]]:
    """(record, its name as ``entries`` gives it, its level, the counts of people it gives) for every staffing record,
    staffing event and source's own figures (``Citation.figures``, at the source's level)."""
    out = []
    for s in a.staffing:
        rid = s.body.id if s.body else (s.jurisdiction.id if s.jurisdiction else None)
        level = _figure_level(a, s, [rid])
        out.append((s, f"编制 {s.id or s.loc}", level, staffing_numbers(s.figures) if s.figures else []))
    for e in a.events:
        if e.staffing is not None:
            out.append((e, f"事件 {e.id}", _figure_level(a, e, [e.body.id if e.body else None]),
                        staffing_numbers(e.staffing)))
    for r, name, level, _ in list(out):
        for c in getattr(r, "sources", None) or []:
            if c.figures is not None and (d := a.documents.get(c.doc)) is not None:
                out.append((r, name, highest([level, d.classification]), staffing_numbers(c.figures)))
    return out


def open_figures(a: Archive, figures=None) -> set[str]:
    """The counts of people open records give, as numbers (173, 170余): an open staffing figure (``staffing_numbers``,
    of ``figures``: ``_figure_sources``), an open event's figures, a count in an open document's title or full text
    (``counted_people``)."""
    out = {str(v) for _, _, level, values in (figures or _figure_sources(a)) if not level.rank for v in values}
    for e in a.events:
        if not sourced_level(a, e).rank:
            out |= {str(v) for *_, v in e.figures} | ({str(e.count)} if e.count is not None else set())
    for d in a.documents.values():
        if d.classification.rank:
            continue
        texts = [d.title or ""] + ([d.transcription.read_text(encoding="utf-8", errors="replace")]
                                   if d.transcription and d.transcription.is_file() else [])
        out |= {_PEOPLE.match(c).group(1) + (_PEOPLE.match(c).group(2) or "") for t in texts for c in counted_people(t)}
    return out


def _figure_open(v: int, said: set[str]) -> bool:
    """Whether an open record gives the count ``v`` (or, for a figure said rounded, a count it rounds from)."""
    return str(v) in said or (str(v).isdigit() and any(
        x.isdigit() and v >= 100 and int(x) // 10 == v // 10 for x in said))


# the generic endings of a body's name (通名): a name without one is still the body's name to a reader (白鹭九号联络
# for 白鹭九号联络站); longest first, one taken off
GENERIC_ENDINGS = sorted(("办公室", "委员会", "领导小组", "小组", "中心", "支队", "大队", "中队", "分局", "公司", "站", "处",
                          "局", "科", "所", "组", "室", "股", "队", "部", "办", "委", "厅", "院", "会", "社", "厂", "场",
                          "馆"), key=len, reverse=True)
STEM_MIN = 4   # a distinctive part shorter than this is too common to name a body by


def stem(name: str) -> str:
    """A name's distinctive part (专名): the folded name without its generic ending (``GENERIC_ENDINGS``), or ""
    when it has none or what is left is shorter than ``STEM_MIN``."""
    folded = fold(name)
    end = next((x for x in GENERIC_ENDINGS if folded.endswith(x)), "")
    rest = folded[: len(folded) - len(end)]
    return rest if end and len(rest) >= STEM_MIN else ""


# the words of a body's kind that stand before its generic ending (联络组, 工作站, 管理处, 办事处): a reader names the
# body without them (鸥屿三号 for 鸥屿三号联络组); taken off the end, one after another, after the ending
GENERIC_HEADS = sorted(("联络", "工作", "管理", "办事", "服务", "指挥", "领导", "协调", "保障", "业务", "事务", "综合", "办公",
                        "执勤", "值班", "接待", "联系"), key=len, reverse=True)
# a place's prefix a name may begin with besides the names of the archive's jurisdictions (中共临水县委…, 县鸥屿…)
PLACE_HEADS = ("中共", "省", "市", "地区", "县", "区")
PLACE_REST_MIN = 2   # what follows a place's name in a part: fewer characters, and the part is the place (临水县保)


# what marks a name's core as a designation (代号) and no word of the trade: a number with 号 (鸥屿三号, 白鹭9号), a
# number of two digits or more (6101工程), Latin letters; read in the numeral reading (``numbered``)
_DESIGNATION = re.compile(r"\d+号|\d{2,}|[A-Za-z]")


def stems(name: str, place_names=()) -> list[str]:
    """A name's distinctive parts, folded (``name_parts``)."""
    return [part for part, _ in name_parts(name, place_names)]


def name_parts(name: str, place_names=()) -> list[tuple[str, bool]]:
    """A name's distinctive parts, folded, each with whether it is a designation alone (which a record's
    ``different_from`` may open, ``stated_apart``): ``stem`` (the name without its generic ending); and its core —
    without the words of its kind before the ending too (``GENERIC_HEADS``: 鸥屿三号联络组, 鸥屿三号), and without a
    place's name it begins with (``place_names``, folded, and ``PLACE_HEADS``: 临水县鸥屿三号联络组, 鸥屿三号) — when the
    core is a designation (``_DESIGNATION``: a code name a reader knows the body by, which neither ordinary prose nor
    the names of ordinary bodies hold: 计划统计 of 临水县计划统计科, 人民委员会 of 县人民委员会办公室 are words of the
    trade, measured on the real gazetteers' names). With a designation, the name and its stem without the place's
    name too (县赭鸮六号联络站: 赭鸮六号联络站, 赭鸮六号联络): the body named without its place, which is more than its
    designation. Each part ``STEM_MIN`` characters or more. A part that is a place's name and a character (临水县保 of a
    name 临水县保联络组: 临水县保险公司 holds it) is no part: what follows the place must be ``PLACE_REST_MIN``
    characters or more."""
    first = stem(name)
    if not first:
        return []
    folded = fold(name)
    core = first
    while (head := next((x for x in GENERIC_HEADS if core.endswith(x) and len(core) > len(x)), "")):
        core = core[: -len(head)]
    out = {first: False}
    places = sorted({*place_names, *PLACE_HEADS}, key=len, reverse=True)
    rest, cut = core, 0
    while True:
        if _DESIGNATION.search(numbered(rest)):
            out[rest] = True
            for whole in (first[cut:], folded[cut:]) if cut else ():
                out.setdefault(whole, False)
            if (alone := designation(rest)):
                out.setdefault(alone, True)
        place = next((p for p in places if p and rest.startswith(p) and len(rest) > len(p)), "")
        if not place:
            break
        rest, cut = rest[len(place):], cut + len(place)
    return [(x, core_) for x, core_ in out.items() if len(x) >= STEM_MIN and _not_a_place(x, places)]


_NUMBER_HAO_END = re.compile(r"\d号$")


def designation(part: str) -> str:
    """A part's designation alone (代号): the part up to its first number with 号 (苍梧十四号 of 苍梧十四号通讯, 鹭汀7号
    of 鹭汀7号联络): a reader knows the body by it whatever word of its kind follows (苍梧十四号站, 苍梧·十四号所, the
    designation alone), which ``GENERIC_HEADS`` cannot list. "" when the part holds no number with 号."""
    return next((part[: i + 1] for i, c in enumerate(part) if c == "号" and _NUMBER_HAO_END.search(numbered(part[: i + 1]))),
                "")


def distinctive(part: str, place_names=()) -> bool:
    """Whether a part of a name (``stems``) is a designation, what a reader knows one body by, besides the places'
    names it begins with (``place_names``, ``PLACE_HEADS``): 雁汐五号工作, 鸥屿三号 (``_DESIGNATION``) are; 临水县档案 of
    临水县档案局, 测试县计划 of 测试县计划局, 县人民政府 of 县人民政府办公室, 土地管理 of 土地管理局 — words of the trade,
    held by the names of other bodies in every gazetteer measured — are not. A lower name holding a distinctive part
    is a conflict the editor resolves (checks.secrecy: secret-stem-public)."""
    places = sorted({*place_names, *PLACE_HEADS}, key=len, reverse=True)
    rest = part
    while (place := next((p for p in places if p and rest.startswith(p) and len(rest) > len(p)), "")):
        rest = rest[len(place):]
    return bool(_DESIGNATION.search(numbered(rest)))


def towns_below(places: dict, a: Archive | None, rank: int) -> list[str]:
    """The folded names of the archive's jurisdictions below ``rank`` (``places``: ``own_names``)."""
    return [n for n, held in places.items() if a is not None
            and any(getattr(r, "id", None) in a.jurisdictions and lv.rank < rank for r, lv in held)]


def _not_a_place(part: str, places) -> bool:
    """Whether a part is more than a place's name and a character (``PLACE_REST_MIN``)."""
    return not any(part.startswith(p) and len(part) - len(p) < PLACE_REST_MIN for p in places if p)


def secret_names(ents: list[Entry], places: dict, a: Archive | None = None, whole: bool = True
                 ) -> Iterator[tuple[Entry, list[tuple[Entry, str]], list[str]]]:
    """Each name entry of a body or jurisdiction (``places``: ``own_names``) above 公开, with the names below its
    level (each with its folded text) and the archive's places below its level (``towns_below``): what
    ``name_stems`` and ``cores.name_cores`` read a secret name's parts against. ``whole``: entries that are
    themselves a part of a name (``Entry.whole``) too."""
    below: dict[int, list[tuple[Entry, str]]] = {}
    towns: dict[int, list[str]] = {}
    for e in ents:
        if e.kind != "name" or not e.level.rank or (e.whole and not whole) or fold(e.text) not in places:
            continue
        rank = e.level.rank
        if rank not in below:
            below[rank] = [(x, fold(x.text)) for x in ents if x.kind == "name" and x.level.rank < rank]
            towns[rank] = towns_below(places, a, rank)
        yield e, below[rank], towns[rank]


def name_stems(ents: list[Entry], places: dict, a: Archive | None = None) -> list[Entry]:
    """For each name of a body or jurisdiction (``places``: ``own_names``) above 公开, its distinctive parts
    (``stems``: without its generic ending; without the words of its kind and a place's name before it too) as
    entries of their own, as secret as the name: a name typed without its ending (白鹭九号联络 for the secret
    白鹭九号联络站) or by its designation alone (白鹭九号) still names the body. The places whose names are taken
    off are the archive's jurisdictions (of ``a``) below the name's level. Not a 内设机构's or a person's name: a unit
    is named by its work (优抚安置科, 监督检查股), which ordinary prose says in the same words.
    A part a name below the name's level holds too is open when it is a place's name and a word of the trade
    (``distinctive``: 临水县档案 of an open 临水县档案馆 beside a secret 临水县档案局, as before), or when that name is
    another of the same place's, or the place the secret record states is another body (``different_from``,
    ``stated_apart``); else the two records are a conflict an editor resolves (`zhi check`: secret-stem-public), and
    the part stays secret meanwhile (fail closed: 雁汐五号 of a secret 雁汐五号工作站 beside an open 雁汐五号管理处). Read, like every name, through what
    stands between its characters (``key_skeletons``)."""
    out, seen = [], set()
    bearing = own_names(a, shorts=True) if a is not None else places   # (whose a lower name is: its short too)
    for e, below, towns in secret_names(ents, places, a):
        for part, designation in name_parts(e.text, towns):
            if (part, e.holder) in seen:
                continue
            holders = [(x, folded) for x, folded in below if part in folded]
            within: tuple[str, ...] = ()
            if holders and not distinctive(part, towns):
                continue
            if holders and all(stated_apart(x, e.text, bearing, designation, e.record) for x, _ in holders):
                # another name of the same place opens it; another body's (different_from) opens it in that name only
                within = tuple(sorted({f[f.index(part):] for x, f in holders
                                       if not _same_place(x, e.text, bearing, e.record)}))
                if not within:
                    continue
            seen.add((part, e.holder))
            out.append(dataclasses.replace(e, text=part, whole=e.text, within=within))
    return out


def _bearers(x: Entry, places: dict) -> set:
    """The ids of the places a lower name ``x`` is a name of (or of a record of one: its 内设机构)."""
    bearers = {getattr(r, "id", None) for r, _ in places.get(fold(x.text), ())}
    if " " in x.record and x.record.split(" ", 1)[0] in ("机构", "行政区划"):
        bearers.add(x.record.split(" ", 1)[1])
    return bearers


def _secret_bearers(name: str, places: dict, record: str = "") -> list:
    """The places bearing the place name ``name``; only the one of ``record`` ("机构 x") when it is one of them: a
    record's ``different_from`` speaks for that record, not for another of the same name that did not declare it."""
    secret = [r for r, _ in places.get(fold(name), ())]
    rid = record.split(" ", 1)[1] if " " in record else ""
    return [r for r in secret if getattr(r, "id", None) == rid] or secret


def _same_place(x: Entry, name: str, places: dict, record: str = "") -> bool:
    """Whether a lower name ``x`` is another name of the place bearing ``name``."""
    bearers = _bearers(x, places)
    return any(getattr(r, "id", None) in bearers for r in _secret_bearers(name, places, record))


def stated_apart(x: Entry, name: str, places: dict, designation: bool = True, record: str = "") -> bool:
    """Whether a lower name ``x`` holding part of the place name ``name`` opens that part: it is another name of the
    same place, or — for a part that is a designation alone (``designation``, ``name_parts``: 赭鸮六号 of 县赭鸮六号联络站,
    never 赭鸮六号联络站) — a name of a place (or of a record of one: its 内设机构) that the place bearing ``name``
    (``record``'s, when given) states is another body (``different_from``: 非同一机构); then only within that name
    (``Entry.within``)."""
    bearers = _bearers(x, places)
    return any(getattr(r, "id", None) in bearers or (designation and bearers & set(getattr(r, "different_from", ())))
               for r in _secret_bearers(name, places, record))


class Opened(str):
    """An origin (a value of ``forbidden_strings``) of a designation opened within other bodies' names only
    (``Entry.within``)."""

    within: tuple[str, ...] = ()


def opened(origin: str, within) -> str:
    """``origin``, carrying ``within`` (``Opened``) when there is any."""
    if not within:
        return origin
    out = Opened(origin)
    out.within = tuple(sorted(within))
    return out


def within_of(origin) -> tuple[str, ...]:
    return getattr(origin, "within", ())


def skeleton_within(key: str, within) -> dict[str, tuple[str, ...]]:
    """For each of a key's ``key_skeletons``, the skeletons of the texts it is opened within (``Entry.within``)."""
    return {b: tuple(sorted({w for x in within for w in key_skeletons(fold(x)) if w.startswith(b)})) for b in key_skeletons(key)}


def finds(key: str, text: str, within=()) -> Iterator[int]:
    """Where ``text`` holds ``key`` outside the texts it is opened within (``within``, each beginning with it). A key
    that begins with a digit is not found after another (as the build's scan, ``_bounded``: 1173名 holds no 173名)."""
    posts = [w[len(key):] for w in within if w.startswith(key) and len(w) > len(key)]
    digit = key[:1].isdigit()
    pos = 0
    while (pos := text.find(key, pos)) >= 0:
        if not any(text.startswith(p, pos + len(key)) for p in posts) and not (digit and pos and text[pos - 1].isdigit()):
            yield pos
        pos += 1


def holds(key: str, text: str, within=()) -> bool:
    """Whether ``text`` holds ``key`` outside the texts it is opened within (``finds``)."""
    return next(finds(key, text, within), None) is not None


PINYIN_MIN = 4   # a name's pinyin shorter than this many syllables (luting qihao: four) is too common to look for


@functools.lru_cache(maxsize=4096)
def syllables(name: str) -> tuple[str, ...]:
    """A name's syllables in toneless pinyin, as ``latin_readings`` reads pinyin typed in text: lower case, ü as u,
    a lone digit as its numeral's syllable (鹭汀7号: lu ting qi hao), a run of Latin letters as one; punctuation out;
    up to a number of more digits."""
    from pypinyin import Style, lazy_pinyin

    out: list[str] = []
    for item in lazy_pinyin(fold(name), style=Style.NORMAL):
        for run in re.findall(r"[A-Za-z]+|\d+", item):
            if len(run) > 1 and run.isdigit():   # a number of more digits is no syllable (``latin_readings``):
                return tuple(out)                 # the syllables before it
            out.append(_DIGIT_PINYIN[run] if run.isdigit() else run.lower().replace("v", "u"))
    return tuple(out)


def romanized(ents: list[Entry], places: dict) -> list[Entry]:
    """For each name of a body or jurisdiction (``places``: ``own_names``) above 公开, its pinyin (``syllables``) as an
    entry of its own (kind ``pinyin``), as secret as the name: a name typed in Latin letters (Luting Qihao
    Lianluozhan, LUTING 7 HAO) still names the body. What is looked for is the name's first syllables: the shortest
    run from its start, of ``PINYIN_MIN`` syllables or more, that the pinyin of no name below the name's level holds
    (鹭汀七号联络站: lu ting qi hao; a secret 临水县档案局 beside an open 临水县档案馆: lin shui xian dang an ju), nor
    the id of a record below it, read as pinyin (an open record's id wangchuanqu-rename holds wangchuanquren). A name
    below it typed in Latin letters (a unit named LUTING 7 HAO) is the leak looked for, and opens nothing. A name
    whose every run an open name holds, or shorter than ``PINYIN_MIN``, is not looked for in pinyin.
    So are a name's distinctive parts (``name_stems``: 赭鸮六号联络 of 县赭鸮六号联络站, zhe xiao liu hao, the body
    named without its place), and a person's name of three characters or more (``PERSON_PINYIN_MIN``), whole: 蔺缃琦,
    lin xiang qi (Lin Xiangqi, lin-xiangqi, LinXiangqi) and given name first, xiang qi lin (Xiangqi Lin), unless a
    name or id below its level says that pinyin."""
    said: dict[int, str] = {}
    out, seen = [], set()
    for e in ents:
        person = e.record.startswith("人物 ") and e.kind == "name" and not e.whole
        if e.kind != "name" or not e.level.rank or (not e.whole and not person and fold(e.text) not in places):
            continue   # (a unit's name: whole only)
        sy = syllables(e.text)
        if len(sy) < (PERSON_PINYIN_MIN if person else PINYIN_MIN) or (person and _NOT_HAN.sub("", e.text) != e.text):
            continue
        if e.level.rank not in said:
            below = [x for x in ents if x.level.rank < e.level.rank]
            # the names below the level written in Han characters, in pinyin; the ids below it (cs-wangchuanqu-rename)
            said[e.level.rank] = "\0".join(["".join(syllables(x.text)) for x in below
                                            if x.kind == "name" and _NOT_HAN.sub("", x.text)]
                                           + [r for x in below if x.kind == "id" for r in latin_readings(x.text)])
        # a person's name whole, or not at all (a surname and a syllable are anyone's); also given name first, as
        # English writes it (Xiangqi Lin)
        # (a designation opened within other bodies' names, ``Entry.within``: whole, opened within their pinyin)
        keys = [" ".join(x) for x in (sy, sy[1:] + sy[:1]) if "".join(x) not in said[e.level.rank]] if person \
            else [" ".join(sy)] if e.within else [pinyin_key(sy, said[e.level.rank])]
        for key in keys:
            if not key or (key, e.holder) in seen:
                continue
            seen.add((key, e.holder))
            out.append(dataclasses.replace(e, text=key, kind="pinyin", whole=e.whole or e.text,
                                           within=tuple(fold(" ".join(syllables(w))) for w in e.within)))
    return out


PERSON_PINYIN_MIN = 3   # a person's name of fewer syllables (wang fang) is too common to look for in pinyin


def pinyin_key(sy: tuple[str, ...], said: str) -> str:
    """The first syllables of a name (``syllables``), ``PINYIN_MIN`` or more, that ``said`` (what is said below the
    name's level, in pinyin) does not hold, spaced (lu ting qi hao); "" when there are none."""
    n = next((n for n in range(PINYIN_MIN, len(sy) + 1) if "".join(sy[:n]) not in said), 0)
    return " ".join(sy[:n]) if n else ""


def pinyin_opens(e: Entry) -> bool:
    """Whether a name's pinyin (``romanized``) is its first syllables (else a part's: 赭鸮六号 of 县赭鸮六号联络站)."""
    return " ".join(syllables(e.whole)).startswith(e.text)


def whole_said(e: Entry) -> str:
    """For an entry cut from a name (``name_stems``, ``romanized``): what it is, as messages say it."""
    if e.kind == "pinyin":
        if e.record.startswith("人物 "):
            return f"是姓名“{e.whole}”的拼音"
        return f"是名称“{e.whole}”（{'开头几个字' if pinyin_opens(e) else '其中几个字'}）的拼音"
    return f"是名称“{e.whole}”去掉通名的部分" if e.whole else ""


def _held(ch, level: Level | None) -> tuple | None:
    """For a chapter held at 绝密 for a line zhi cannot read: that line, the level a text of it has once the line is
    mended, and the line's text (``Entry.held``); None for any other chapter."""
    return (ch.held_at, level, ch.held_line) if ch.held_at is not None and ch.written is not None else None


def told_apart(name: str | None, rec) -> str:
    """A name as titles print it with its record's 区别语 (滁州市（县级）), or "" when the record has none."""
    return f"{name}（{rec.distinguish}）" if name and rec is not None and getattr(rec, "distinguish", "") else ""


def record_strings(a: Archive) -> list[tuple[str, Level, str]]:
    """(string, level, origin) for every distinctive string a record or a chapter holds."""
    return [(e.text, e.level, e.origin) for e in entries(a)]


ID_LIKE = re.compile(r"[A-Za-z0-9_.-]+")


# the dashes a reader takes for an id's hyphen (档号 77—3—419—6 for 77-3-419-6): any of them matches one
DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\u2501\u30fc\u31d0\ufe63\uff0d"
_DASH = re.compile(f"[{DASHES}]")


def dashed(found: str) -> str:
    """An id as found (``id_pattern``) with each of its dashes the hyphen the record writes."""
    return _DASH.sub("-", found)


def id_pattern(ids) -> re.Pattern | None:
    """Ids as whole words: "d-7" is not found inside "d-7-2" (another record's id, or a page's address); a hyphen of an
    id found as any dash (``DASHES``: 77—3—419—6 is 档号 77-3-419-6)."""
    ids = sorted(set(ids), key=len, reverse=True)
    if not ids:
        return None
    first = "".join(sorted({re.escape(i[0]) for i in ids}))   # (tested first: most characters start no id)
    return re.compile(f"(?=[{first}])" + r"(?<![A-Za-z0-9_.-])(?:"
                      + "|".join(re.escape(i).replace("\\-", f"[{DASHES}]") for i in ids)
                      + r")(?![A-Za-z0-9_-]|\.[A-Za-z0-9])")


def _checked(e: Entry) -> bool:
    """Long enough to look for without matching ordinary words: ids of three characters or more, names of
    two Chinese characters or more (most people's names are two or three), other strings of four or more."""
    if re.fullmatch(r"[A-Za-z0-9_.-]+", e.text):
        return len(e.text) >= 3
    if e.kind == "name":
        return len(fold(e.text)) >= 2
    if e.kind == "place":
        return len(fold(e.text)) >= PLACE_MIN
    if e.kind == "figure":   # (``figure_strings``: FIGURE_MIN and more)
        return True
    return len(fold(e.text)) >= 4


# a sentence that this many open records hold word for word is a formula ("经研究，同意……"), not a secret
FORMULA_RECORDS = 3


def sentence_holders(ents: list[Entry]) -> dict[str, dict[str, Entry]]:
    """For each folded sentence of a record (chapters excepted), the records holding it, each with its entry of
    the lowest level."""
    out: dict[str, dict[str, Entry]] = defaultdict(dict)
    for e in ents:
        if e.kind != "sentence" or e.chapter:
            continue
        held, rec = out[fold(e.text)], e.holder
        if rec not in held or e.level.rank < held[rec].level.rank:
            held[rec] = e
    return out


def is_formula(holders: dict[str, Entry], rank: int) -> bool:
    """Held word for word by enough records below ``rank`` to be a formula of the trade."""
    return sum(1 for x in holders.values() if x.level.rank < rank) >= FORMULA_RECORDS


def open_text(ents: list[Entry], rank: int) -> str:
    """Everything the records below ``rank`` say, folded (chapters left out: they are where a leak would go)."""
    return "\0".join(fold(e.text) for e in ents if e.level.rank < rank and not e.chapter)


def label_is_open(e: Entry, text: str) -> bool:
    """A classified document's issuer or a secret source's name for a body is open when open records say it
    anyway: an office issues secret and open documents alike, so an issuer an open document also names is open.
    A label no open record says stays forbidden, so a chapter repeating it is stopped."""
    return e.kind == "label" and fold(e.text) in text


def forbidden_strings(a: Archive, edition: str, open_also=()) -> dict[str, str]:
    """Strings that material above the edition's level holds, with their origin. ``open_also``: strings the
    edition makes of its own records (the site's search keys: 临水县编委 for the 县编委 of 临水县), said by it
    anyway, so a label equal to one is open as if an open record said it.

    A title, name, id or 文号 of a classified record stays forbidden even when an open record repeats it (an
    open copy of a secret document must not open the secret: ``zhi check`` names both records). So does a
    sentence of a classified text, unless it is a formula that at least ``FORMULA_RECORDS`` open records hold
    word for word ("经研究，同意……"): one open copy of a secret sentence does not open it."""
    limit = EDITIONS[edition]
    ents = entries(a)
    holders = sentence_holders(ents)
    said = open_text(ents, limit.rank + 1) + "\0" + "\0".join(fold(k) for k in open_also)
    out: dict[str, str] = {}
    for e in ents:
        if e.level.rank <= limit.rank or not _checked(e) or label_is_open(e, said):
            continue
        if e.kind == "sentence" and is_formula(holders.get(fold(e.text), {}), limit.rank + 1):
            continue
        if e.text in out:   # opened only where every record holding it opens it (``Entry.within``)
            out[e.text] = opened(str(out[e.text]), set(within_of(out[e.text])) & set(e.within))
            continue
        out[e.text] = opened(f"{e.origin}，{e.level}" + (f"；{whole_said(e)}" if e.whole else "")
                             + (f"；这一章因{e.held}的报错未改正，整章按绝密处理" if e.held else ""), e.within)
    return out


def _pdftotext(path: Path) -> subprocess.Popen | None:
    """pdftotext started on ``path`` (it runs beside the scan of the other files, on another core); None when
    it cannot be started."""
    try:
        return subprocess.Popen(["pdftotext", "-raw", str(path), "-"], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL)
    except OSError:
        return None


def _pdf_text(path: Path, started: subprocess.Popen | None = None) -> str | None:
    from pypdf import PdfReader

    proc = started or _pdftotext(path)
    out = proc.communicate()[0] if proc is not None else b""
    if proc is not None and proc.returncode == 0:
        text = out.decode("utf-8", errors="replace")
    else:
        text = "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    reader = PdfReader(str(path))
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())

    def outline(items):
        for o in items:
            if isinstance(o, list):
                yield from outline(o)
            else:
                yield o.title

    try:
        links = list(_pdf_links(reader))
    except Exception:   # noqa: BLE001 - links pypdf cannot walk: what cannot be read cannot be shown to be clean
        return None
    return "\n".join([text, meta, " ".join(outline(reader.outline)), *links])


def _pdf_links(reader) -> Iterator[str]:
    """What a PDF holds besides its text, outline and metadata: the addresses its links go to and the names of its
    destinations (an anchor carries a record's id; a link's address is not in the page's text)."""
    yield from (str(name) for name in reader.named_destinations)
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            for key in ("/URI", "/D", "/F"):
                if key in action:
                    yield str(action[key])


# a character reference or named entity (&#38593;, &#x96C1;, &amp;): a reader of a page decodes it, and of a CSV or a
# plain text in which it stands as typed too
ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*;)")


def entities_decoded(text: str) -> str:
    """``text`` with its character references and entities decoded, also escaped twice or three times
    (&amp;#38593; is &#38593; once decoded, and 雁 once more)."""
    for _ in range(3):
        if "&" not in text:
            break
        text = html.unescape(text)
    return text


def with_entities_decoded(text: str) -> str:
    """``text``, and after it the same decoded (``entities_decoded``) when it holds an entity: both are read."""
    return text + "\n" + entities_decoded(text) if ENTITY.search(text) else text


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        # every XML part, the relationships too (a link's address is kept there, not in the document's text)
        parts = [z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith((".xml", ".rels"))]
    return _part_text("\n".join(parts).encode("utf-8"))


def _part_text(data: bytes) -> str:
    """The text of an XML part of a zipped file, the markup too: attributes hold link targets and bookmark names
    (anchors: ids)."""
    raw = data.decode("utf-8", "replace")
    return entities_decoded(raw) + "\n" + entities_decoded(re.sub(r"<[^>]+>", " ", raw))


ZIPPED = (".docx", ".xlsx")


def _units(path: Path, rel: str) -> list[tuple[str, bytes | None]]:
    """What the scan reads of a file, each with the key its verdict is kept under (``scan``'s ``clean``): a zipped
    file (a workbook, a Word file) part by part — every XML part and relationship is scanned whole, and a workbook
    of which one sheet changed is read again in that sheet only — any other file whole (None). A zipped file that
    cannot be opened is one unit, which ``file_text`` cannot read: refused (fail closed)."""
    if path.suffix.lower() not in ZIPPED:
        return [(rel, None)]
    try:
        with zipfile.ZipFile(path) as z:
            return [(f"{rel}!{n}", z.read(n)) for n in z.namelist() if n.endswith((".xml", ".rels"))]
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        return [(rel, None)]


def _json_strings(data) -> Iterator[str]:
    """Every key, string and number in a JSON value."""
    stack = [data]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            yield v
        elif isinstance(v, dict):
            for k, x in v.items():
                yield k
                stack.append(x)
        elif isinstance(v, list):
            stack.extend(v)
        elif isinstance(v, (int, float)) and not isinstance(v, bool):
            yield str(v)


def file_text(path: Path, pdf: subprocess.Popen | None = None) -> str | None:
    """The text of a generated file to scan, or None when the scanner cannot read that kind of file. ``pdf``:
    pdftotext already started on it (``_pdftotext``)."""
    suffix = path.suffix.lower()
    if suffix == ".gz":  # a compressed text (a renderer's sitemap.xml.gz): the text inside
        import gzip

        try:
            return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        except (OSError, EOFError):
            return None
    if suffix in (".html", ".htm", ".xml", ".json", ".jsonld", ".txt", ".md", ".svg", ".js", ".css", ".csv", ""):
        raw = path.read_text(encoding="utf-8", errors="replace")
        if suffix in (".html", ".htm", ".xml", ".svg"):
            return raw + "\n" + entities_decoded(re.sub(r"<[^>]+>", " ", raw))
        if suffix in (".json", ".jsonld"):
            import json

            try:
                data = json.loads(raw)
            except ValueError:
                return raw  # not JSON after all: every byte is read as it is
            if suffix == ".jsonld":
                # linked data repeats its keys, types and dates thousands of times: every distinct string (and
                # number) once, escapes decoded, is the same text to search and a tenth of the bytes
                return with_entities_decoded("\n".join(dict.fromkeys(_json_strings(data))))
            return with_entities_decoded(raw + "\n" + json.dumps(data, ensure_ascii=False))
        return with_entities_decoded(raw)   # (a CSV, a text: &#38593; stands as typed, and a reader decodes it)
    if suffix == ".pdf":
        text = _pdf_text(path, pdf)
        return with_entities_decoded(text) if text is not None else None
    if suffix in (".docx", ".xlsx"):  # both are zipped XML: every part is read (sheets, shared strings, properties)
        try:
            return _docx_text(path)
        except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
            return None   # not a zipped file after all: what cannot be read is not published
    if suffix in IMAGE_SUFFIXES:   # a chapter's image: the words it carries besides its pixels
        return image_text(path)
    return None


SKIP_DIRS = ("assets/javascripts/", "assets/stylesheets/", "assets/images/")
# the site search's grams and the segments its pages are cut into: made from the pages' text (scanned whole,
# where a confirmed title reads whole); a cut or a gram of a confirmed title is no mark of its own
CUT_DIRS = ("search/g2/", "search/g3/", "search/s/")


# a numeral continues past a forbidden string that ends (or begins) with one: “测试章三” is not in “测试章三十”
_NUMERAL_CHARS = "0-9〇零一二三四五六七八九十百千"


def _bounded(key: str, within=()) -> re.Pattern | None:
    """For a string that ends or begins with a numeral, a pattern that finds it only where the numeral is not
    continued (so “第三章” is found in “第三章　机构”, not in “第三十章”); and for a designation opened within other
    bodies' names (``within``, each beginning with it: ``Entry.within``), only where it does not go on into one of
    them; None for any other string, which is found wherever it stands."""
    num = re.compile(f"[{_NUMERAL_CHARS}]")
    posts = sorted({w[len(key):] for w in within if w.startswith(key) and len(w) > len(key)})
    if not (num.match(key[-1]) or num.match(key[0]) or posts):
        return None
    before = f"(?<![{_NUMERAL_CHARS}])" if num.match(key[0]) else ""
    after = f"(?![{_NUMERAL_CHARS}])" if num.match(key[-1]) else ""
    after += f"(?!{'|'.join(map(re.escape, posts))})" if posts else ""
    return re.compile(before + re.escape(key) + after)


def _found(key: str, text: str, bounded: dict[str, re.Pattern | None]) -> bool:
    if key not in text:
        return False
    rx = bounded.get(key)
    return rx is None or rx.search(text) is not None


def report(leaks: list[Leak], shown: int = 30) -> str:
    """The scan's findings as an editor reads them: the chapter pages (zhi/…) first, where a leak is mended,
    then the other pages, the search data last; at most ``shown`` lines and a count of the rest."""
    def rank(x: Leak) -> int:
        if x.file.startswith("zhi/"):
            return 0
        if x.file.startswith("search/"):
            return 3
        return 1 if x.file.endswith((".html", ".htm")) else 2

    ordered = sorted(leaks, key=rank)
    lines = [x.as_text() for x in ordered[:shown]]
    if len(ordered) > shown:
        lines.append(f"另有 {len(ordered) - shown} 处未列出（同样的文字出现在更多文件中；改正上面列出的，再运行一次即可看到其余）")
    return "\n".join(lines)


# what ``fold`` and the scan read, as far as a clean verdict kept from before depends on it: changed when they change
FOLD_VERSION = b"\0fold-8"


def fingerprint(forbidden: dict[str, str], edition: str, plain=()) -> str:
    """What a clean verdict depends on besides the file itself: the edition, the scanner's code, the forbidden
    strings and the texts confirmed as ordinary wording."""
    import hashlib

    h = hashlib.sha256(edition.encode() + FOLD_VERSION + scanner_digest().encode())
    for k in sorted(forbidden):
        h.update(b"\0" + k.encode() + "\2".join(within_of(forbidden[k])).encode())
    for k in sorted(plain):
        h.update(b"\1" + k.encode())
    return h.hexdigest()


def docno_patterns(forbidden: dict[str, str]) -> list[tuple[re.Pattern, int, int, str, str]]:
    """For each forbidden 文号: a pattern that finds it however it is written (〔〕 () [] 【】, two-digit year,
    leading zeros, 第), with the year and number to compare."""
    out = []
    seen = set()
    for s, origin in forbidden.items():
        d = parse_docno(s)
        if d is None or (d.code, d.year, d.number) in seen:
            continue
        seen.add((d.code, d.year, d.number))
        code = re.escape(fold(d.code))
        # the year in brackets (〔1999〕, 〔1999年〕) or bare with 年 (X委发1999年777号), as ``docno`` reads them
        # also 字 after the code (临密字〔1997〕第23号), the year and number joined by a dash (临密97-23), and the year
        # with 年 before the code (1997年临密23号)
        out.append((re.compile(code + rf"字?(?:[〔(\[【［]([{NUMERAL}]{{2,4}})年?[〕)\]】］]|([{NUMERAL}]{{4}})年"
                               rf"|([{NUMERAL}]{{2,4}})(?=[{DASHES}]))[{DASHES}]?第?([{NUMERAL}]+)"),
                    d.year, d.number, s, origin))
        out.append((re.compile(rf"([{NUMERAL}]{{2,4}})年()()" + code + rf"字?第?([{NUMERAL}]+)"),
                    d.year, d.number, s, origin))
    return out


def docnos_in(flat: str, docnos) -> Iterator[tuple[str, str, str]]:
    """(as written, the 文号, its origin) of each 文号 of ``docnos`` (``docno_patterns``) in folded text, year and
    serial in arabic or Chinese numerals (〔五六〕七号)."""
    for rx, year, number, s, origin in docnos:
        for m in rx.finditer(flat):
            y = cn_int(m.group(1) or m.group(2) or m.group(3))
            if y is not None and cn_int(m.group(4)) == number and (y == year or (y < 100 and y == year % 100)):
                yield m.group(0), s, origin


def _docno_leaks(flat: str, docnos, rel: str) -> Iterator[Leak]:
    """The forbidden 文号 in folded text (``docnos_in``)."""
    for written, s, origin in docnos_in(flat, docnos):
        yield Leak(rel, written, f"{origin}（文号 {s} 的另一种写法）")


def docno_written(flat: str, numbers) -> bool:
    """Whether folded text (``fold``) holds one of the 文号 ``numbers``, written any way the scan reads one:
    as it stands, or in other brackets, a two-digit year, 年 after the year, 第, Chinese numerals."""
    numbers = [n for n in numbers if n]
    return any(fold(n) in flat for n in numbers) or \
        any(_docno_leaks(flat, docno_patterns(dict.fromkeys(numbers, "")), ""))


# inline markup whose content a reader may read as part of the words around it or skip as aside: a superscript
# (a note call, 金丝<sup>雀</sup>未号), a subscript, small print, a struck-out or deleted character
# (金丝雀<s>乙</s>甲七, 金丝雀~~乙~~甲七: Markdown here prints the tildes as they stand). Every text is read both
# ways, with the content in and with it out: ``readings``, used by the check (``checks.secrecy``) and the scan.
ASIDE = re.compile(r"<(sup|sub|small|strike|del|s)\b[^>]*>.*?<\s*/\s*\1\s*>|~~.+?~~", re.DOTALL | re.IGNORECASE)


# the asides a reader reads as small text (a superscript, a subscript, small print) and those read as struck out:
# a text may mix the two (金丝<sup>雀</sup>甲七<s>乙</s>), and a reader may keep one kind and drop the other
_SMALL = re.compile(r"<(sup|sub|small)\b[^>]*>.*?<\s*/\s*\1\s*>", re.DOTALL | re.IGNORECASE)
_STRUCK = re.compile(r"<(strike|del|s)\b[^>]*>.*?<\s*/\s*\1\s*>|~~.+?~~", re.DOTALL | re.IGNORECASE)


def four_readings(text: str) -> tuple[str, str, str, str]:
    """``text`` with every aside's content (``ASIDE``) in; with the small asides in and the struck ones out; the
    other way round; with every aside out. (The same four, in this order, for any text: a paragraph is read line
    by line in each of the four ways.)"""
    return text, _STRUCK.sub("", text), _SMALL.sub("", text), ASIDE.sub("", text)


def readings(text: str) -> list[str]:
    """The ways a reader may read ``text`` (markup as typed or as printed), ``four_readings`` without repeats: the
    text as typed first, every aside out last; one reading when it has none."""
    return list(dict.fromkeys(four_readings(text)))


# a note call or other superscript inside a sentence (鹤汀<sup>1</sup>联络机构): the page is read without them
# as well, so a secret title split by a footnote call is still found. In HTML: every aside (``ASIDE``), footnote
# links and a ruby's annotation (<rt>, <rp>: zhi check refuses ruby in prose, a page never holds one made from an
# editor's text); in the book's text (where a call is a bare digit between two characters): digits, ①, ¹ or [1]
# between two Han characters
_SUP_HTML = re.compile(ASIDE.pattern + r"|<a\b[^>]*\bfootnote-ref\b[^>]*>.*?</a>|<r[tp]\b[^>]*>.*?</r[tp]>",
                       re.DOTALL | re.IGNORECASE)
_CALL_IN_TEXT = re.compile(r"(?<=[\u4e00-\u9fff])(?:\d{1,3}|\[\d{1,3}\]|[\u2460-\u2473\u00b9\u00b2\u00b3\u2070-\u2079]+)"
                           r"(?=[\u4e00-\u9fff])")


def without_calls(text: str, suffix: str) -> str | None:
    """``text`` with note calls and superscripts taken out (see ``_SUP_HTML``); None when it has none."""
    rx = _SUP_HTML if suffix in (".html", ".htm", ".xml", ".svg") else _CALL_IN_TEXT if suffix == ".pdf" else None
    if rx is None or not rx.search(text):
        return None
    bare = rx.sub("", text)
    return html.unescape(re.sub(r"<[^>]+>", " ", bare)) if rx is _SUP_HTML else bare


def _bare_keys(squeezed: dict) -> tuple[dict, dict]:
    """Each key's ``key_skeletons``, and for each such skeleton its pattern (``_bounded``, with what the key is opened
    within: ``Entry.within``); a skeleton two keys share with different openings is opened in neither (fail closed)."""
    bare_of = {key: key_skeletons(key) for key in squeezed}
    bare_keys: dict = {}
    for key, (_, origin) in squeezed.items():
        for b, within in skeleton_within(key, within_of(origin)).items():
            rx = _bounded(b, within)
            bare_keys[b] = rx if b not in bare_keys or bare_keys[b] == rx else _bounded(b)
    return bare_of, bare_keys


NAME_KEY = "\0name\0"   # a file's or folder's name, in ``scan``'s ``clean`` (the name alone decides its verdict)


def _names(out: Path, ids: dict[str, str], squeezed: dict, bounded: dict, clean: dict | None = None,
           seen: set | None = None) -> Iterator[Leak]:
    """Forbidden ids and strings in the names of files and folders (a page's address is its record's id; an empty
    folder left behind names a record as well as a page would). ``clean``: names found clean before under the same
    fingerprint (skipped), and where the names found clean now go; ``seen``: where the names read are noted."""
    from urllib.parse import unquote

    bare_of, bare_keys = _bare_keys(squeezed)
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out).as_posix()
        if rel.startswith(SKIP_DIRS):
            continue
        unit = NAME_KEY + rel + ("/" if path.is_dir() else "")
        if seen is not None:
            seen.add(unit)
        if clean is not None and unit in clean:
            continue
        found = False
        name = unquote(path.name)
        stem = name.split(".")[0] if path.is_file() else name
        for found_id in [stem] if stem in ids else []:
            found = True
            yield Leak(rel, found_id, f"{ids[found_id]}；在文件或目录名中")
        folded = fold(name)
        folded += "\0" + (name_joined(folded) or "")
        read = "\0".join(skeletons(folded))   # (鹭汀7号联络站.html, luting-qihao/: ``skeletons``)
        for key, (s, origin) in squeezed.items():
            if _found(key, folded, bounded) or any(_found(k, read, bare_keys) for k in bare_of[key]):
                found = True
                yield Leak(rel, s, f"{origin}；在文件或目录名中")
        if clean is not None and not found:
            clean[unit] = ""


def scan(out: Path, forbidden: dict[str, str], edition: str = "public",
         clean: dict[str, str] | None = None, plain=()) -> list[Leak]:
    """Scan every file under ``out``. ``clean`` (relative path → content digest, buildcache.py) names files found
    clean before under the same fingerprint: a file whose bytes still have that digest is skipped, any other is
    scanned; the dict is updated in place.
    ``plain``: the texts the house style confirms as ordinary wording (``not-marks``; see ``marks_in``).

    Text is folded first (``fold``): spaces of any kind, zero-width characters, full-width forms and
    traditional characters cannot hide a forbidden string or a mark."""
    leaks: list[Leak] = []
    ids = {k: v for k, v in forbidden.items() if ID_LIKE.fullmatch(k)}
    id_rx = id_pattern(ids)
    squeezed = {fold(k): (k, v) for k, v in forbidden.items() if k not in ids}
    squeezed.pop("", None)
    bounded = {k: _bounded(k, within_of(v)) for k, (_, v) in squeezed.items()}
    docnos = docno_patterns(forbidden)
    plain = sorted({fold(p) for p in plain if fold(p)}, key=len, reverse=True)
    seen = set()
    leaks.extend(_names(out, ids, squeezed, bounded, clean, seen))
    files = []
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        rel = path.relative_to(out).as_posix()
        if rel.startswith(SKIP_DIRS):
            continue  # the theme's own code and fonts, not made from records
        for key, part in _units(path, rel):
            seen.add(key)
            stamp = content_digest(path.read_bytes() if part is None else part) if clean is not None else ""
            if clean is not None:
                if clean.get(key) == stamp:
                    continue
                clean.pop(key, None)
            files.append((path, rel, key, stamp, part))
    # the PDFs' text is extracted by pdftotext while the other files are read
    pdfs = {path: _pdftotext(path) for path, *_ in files if path.suffix.lower() == ".pdf"}
    try:
        _scan_files(files, pdfs, leaks, ids, id_rx, squeezed, bounded, docnos, edition, plain, clean)
    finally:
        for proc in pdfs.values():
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait()
    if clean is not None:
        for rel in set(clean) - seen:
            del clean[rel]
    return leaks


_TAG = re.compile(r"<[^>]+>")
# an attribute's value in a tag (href, src, alt, title, id …; not class or style, the theme's, never shown)
_ATTRIBUTE = re.compile(r"""\b(?!class\b|style\b)[\w:-]+\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _attributes(text: str) -> str:
    """The values of the attributes of a page's tags, a line each: what the page holds besides its text (a link's
    address, an image's alt text, a heading's anchor)."""
    return "\n".join(a or b for tag in _TAG.findall(text) for a, b in _ATTRIBUTE.findall(tag))
_ESCAPED = re.compile(r"%[89A-Fa-f][0-9A-Fa-f]")   # a %-escaped byte of a character beyond ASCII (鹭: %E9%B9%AD)


def _unquoted(text: str) -> list[str]:
    """Text with its %-escapes decoded (``percent_readings``), folded; none when it has no escape of a character
    beyond ASCII."""
    return [fold(x) for x in percent_readings(text)]


# the encodings a %-escaped address may be in: UTF-8 (https://x.cn/%E9%B9%AD…) and the national one, GB18030 (its
# GBK and GB 2312 subsets: %F0%D8 is 鹭), which Chinese sites' addresses and forms still use; a browser's address bar
# and a reader's decoder show either
PERCENT_ENCODINGS = ("utf-8", "gb18030")


def percent_readings(text: str) -> list[str]:
    """Text with its %-escapes decoded in each of ``PERCENT_ENCODINGS`` (what does not decode is replaced, as a
    browser shows it); none when it has no escape of a character beyond ASCII."""
    from urllib.parse import unquote

    if "%" not in text or not _ESCAPED.search(text):
        return []
    return list(dict.fromkeys(unquote(text, encoding=x, errors="replace") for x in PERCENT_ENCODINGS))


_PUNYCODE = re.compile(r"(?<![0-9A-Za-z-])xn--[0-9a-z-]+", re.IGNORECASE)


def punycode_decoded(text: str) -> str:
    """Text with each Punycode label of a domain (http://xn--ehq77lf7hy40boday1hr42g.cn/, the IDNA encoding of
    鸥屿三号联络组) decoded to the name it spells: a browser shows the name in its address bar. A label that is no
    Punycode is left as it stands."""
    def label(m: re.Match) -> str:
        try:
            return m.group(0).lower().encode("ascii").decode("idna")
        except UnicodeError:
            try:
                return m.group(0)[4:].lower().encode("ascii").decode("punycode")
            except UnicodeError:
                return m.group(0)
    return _PUNYCODE.sub(label, text) if "-" in text else text


def punycoded(text: str) -> list[str]:
    """A page's text with its Punycode labels decoded (``punycode_decoded``), folded; none when it has none."""
    return [fold(punycode_decoded(text))] if "-" in text and _PUNYCODE.search(text) else []


def _mixed_readings(text: str, path: Path) -> list[str]:
    """A page holding both kinds of aside (small and struck, ``four_readings``), with each kind dropped in turn."""
    if path.suffix.lower() in (".html", ".htm", ".xml", ".svg") and _SMALL.search(text) and _STRUCK.search(text):
        return list(four_readings(text)[1:3])
    return []


def _scan_files(files, pdfs, leaks, ids, id_rx, squeezed, bounded, docnos, edition, plain, clean) -> None:
    """The scan of each file (``scan``), its leaks added to ``leaks``; a file found clean into ``clean``."""
    # names read through what stands between their characters (``skeletons``), with the numeral rule of
    # ``_bounded`` (测试章三 is not in 测试章三十)
    bare_of, bare_keys = _bare_keys(squeezed)
    for path, rel, unit, stamp, part in files:
        found = len(leaks)
        text = file_text(path, pdfs.get(path)) if part is None else _part_text(part)
        if text is None:  # fail closed: what cannot be read cannot be shown to be clean
            leaks.append(Leak(rel, "无法读取的文件", f"保密检查读不了这种文件（{path.suffix or path.name}），不能确认其中"
                                                   f"没有不应出现的内容，因此不予发布；请报告给维护者"))
            continue
        normal_text = normal(text)
        flat = _folded(normal_text)
        shown = re.sub(r"<[^>]+>", " ", text)
        bare = without_calls(text, path.suffix.lower())
        bare = fold(bare) if bare is not None else flat
        # read as it stands too: a person's name through the marks between its characters (蔺-缃-琦: ``name_joined``),
        # and addresses with their %-escapes decoded (UTF-8 and GB18030: ``percent_readings``)
        markup = _attributes(text) if path.suffix.lower() in (".html", ".htm", ".xml", ".svg") else ""
        unquoted = _unquoted(markup or text)
        more = [x for x in (name_joined(bare), *unquoted, *(name_joined(x) for x in unquoted)) if x]
        extra = "\0".join(more)
        shown_normal = normal(shown)
        # the text as read through punctuation (金丝雀·七号, “金丝雀”七号), numerals and pinyin (``skeletons``), and an
        # HTML page with one kind of aside kept and the other dropped (金丝<sup>雀</sup>七号<s>丙</s>): names of four or
        # more characters looked for there; so is a page's markup (a link's address, an image's alt text:
        # https://x.cn/鹭汀7号联络站, alt="Luting Qihao"), %-escapes decoded too
        read = "\0".join(x for t in dict.fromkeys([_folded(shown_normal), *([fold(markup)] if markup else []),
                                                   *unquoted, *punycoded(text),
                                                   *(fold(_TAG.sub(" ", y)) for y in _mixed_readings(text, path))])
                         for x in skeletons(t))
        cut = rel.startswith(CUT_DIRS)
        for key, (s, origin) in squeezed.items():
            # a key opened within public names only (a different_from body's 鹮滨二十七号渔场: ``Entry.within``) is not
            # looked for in the search's grams and segments: a gram (鹮滨) has no context to read the opening in, and
            # the page it was cut from was scanned whole, the opening read there (a tester's different_from archive
            # was refused on search/g2 alone)
            if cut and within_of(origin):
                continue
            # (not again a shorter part of a name a part found names: 白鹭九号 beside 白鹭九号联络)
            if (_found(key, flat, bounded) or (bare is not flat and _found(key, bare, bounded))
                    or (extra and _found(key, extra, bounded))
                    or any(_found(k, read, bare_keys) for k in bare_of[key])) \
                    and not any(x.why == origin and key in fold(x.what) for x in leaks[found:]):
                leaks.append(Leak(rel, s, origin))
        if id_rx is not None:
            for found_id in dict.fromkeys(m.group(0) for m in id_rx.finditer(normal_text)):
                leaks.append(Leak(rel, found_id, ids[dashed(found_id)]))
        for x in [*_docno_leaks(flat, docnos, rel), *(_docno_leaks(bare, docnos, rel) if bare is not flat else ()),
                  *(_docno_leaks(extra, docnos, rel) if extra else ())]:
            if x not in leaks[found:]:   # a page's markup and its text hold the same 文号: listed once
                leaks.append(x)
        for mark, form in marks_in(shown, edition, plain, words=not rel.startswith(CUT_DIRS), shown_normal=shown_normal):
            leaks.append(Leak(rel, mark, "密级标志" if form else "密级字样；若是标题、名称中的普通用语，见体例设置 not-marks"))
        if path.suffix.lower() != ".pdf":   # (a PDF's text is laid out by the typesetter, not typed)
            for c in dict.fromkeys(BIDI.findall(text)):
                leaks.append(Leak(rel, f"U+{ord(c):04X}（{BIDI_NAMES[c]}）",
                                  "双向文字控制符：它让显示的文字顺序与文件里存的不同，保密检查读不出读者看到的文字"))
        for m in ID_CARD.finditer(shown_normal):
            if _id_card_ok(m.group(0)):
                leaks.append(Leak(rel, m.group(0), "身份证号码"))
        for m in MOBILE.finditer(shown_normal):
            leaks.append(Leak(rel, m.group(0), "手机号码"))
        if clean is not None and len(leaks) == found:
            clean[unit] = stamp
