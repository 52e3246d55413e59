"""The level words (密级字样), one table: every place that reads a level out of editor input — a record's
``classification``, a comment, a chapter's head and ``:::`` markers, an imported text, the leak scan — builds its
patterns from here, so a spelling one path knows is known to all.

Patterns named ``*_FOLDED`` are for text folded by ``leaks.fold`` (NFKC, traditional characters simplified,
spaces and invisible characters out, ``STAMPS`` spelled out); ``spelled`` gives a word as an editor may type it
in text that is not folded (traditional forms, spaces between its characters)."""

from __future__ import annotations

import re

LEVELS = ("公开", "内部", "秘密", "机密", "绝密")
SECRET = LEVELS[2:]   # the levels of a state secret: those that may carry a 保密期限 (秘密★10年)
# other characters a reader reads as a level's: traditional and variant forms (``fold`` simplifies them; listed
# here too, so that a level is read if the converter's table should lack one)
VARIANT_CHARS = {"内": "內", "秘": "祕", "机": "機", "绝": "絕", "开": "開", "级": "級"}
# a stamp of one character that stands for a level word: ㊙ (NFKC gives 秘 alone), spelled out by ``fold``
STAMPS = {"㊙": "秘密"}
# the star of a 保密期限 and what is typed for it (☆, an asterisk, a full-width one)
STARS = "★☆*＊"
TERM_SPAN = r"(?:\d+|[一二三四五六七八九十]+)\s*年|长期"
TERM = rf"[★☆]\s*(?:{TERM_SPAN})"   # ★10年, ☆十年, ★长期
TERM_WORD = "保密期限"
# 内部 and what follows it on a text for internal use (内部资料, 内部发行 …)
INTERNAL_OF = ("资料", "文件", "刊物", "材料", "发行", "使用", "参考", "参阅", "传阅", "掌握")
# of those, the ones printed as a label on a paper (a mark's word wherever it stands: ``leaks.MARK_WORDS``)
INTERNAL_LABELS = ("资料", "文件")
# a level in English (an attribute, a property, a style's string): top secret is 绝密, any other 秘密
LATIN = r"\b(?:top\s*secret|secret|confidential|classified|restricted)\b"
# words that speak of a level without naming one (密级待核, 涉密): above 公开
LEVEL_TALK = ("密级", "涉密")


def alt(words) -> str:
    """An alternation of ``words`` (longest first), as a group that captures nothing."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def spelled(word: str) -> str:
    """``word`` as an editor may type it in text that is not folded: each character in its variant forms too,
    spaces allowed between them (秘 密, 祕密)."""
    return r"\s*".join(f"[{c}{VARIANT_CHARS[c]}]" if c in VARIANT_CHARS else re.escape(c) for c in word)


def spelled_any(words) -> str:
    """Any of ``words`` as ``spelled``, or a stamp standing for one (㊙)."""
    return "(?:" + "|".join([spelled(w) for w in words] + [re.escape(k) for k, v in STAMPS.items() if v in words]) + ")"


# a key that names a level: classification (and its usual misspellings), 密级, 密级标志, level, security
KEYS = rf"classif\w*|classfication|{spelled('密级')}(?:标志)?|level|security"


def internal(of=INTERNAL_OF) -> str:
    """内部 followed by one of ``of``: 内部资料, 内部发行 …"""
    return f"内部{alt(of)}"


# in folded text
LEVEL_FOLDED = alt(LEVELS)
NOT_OPEN_FOLDED = alt(LEVELS[1:])
SECRET_FOLDED = alt(SECRET)
INTERNAL_OF_FOLDED = alt(INTERNAL_OF)
INTERNAL_FOLDED = internal()
LEVEL_TALK_FOLDED = alt(LEVEL_TALK)
# a level's character standing alone, as a stamp or a note of one: 秘 (㊙ without ``fold``), 原标“密”字
LONE_CHAR = r"(?<![\u4e00-\u9fff])秘(?![\u4e00-\u9fff])|[“\"'「『（(【]密[”\"'」』）)】]"
