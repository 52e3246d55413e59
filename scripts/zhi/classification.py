"""Classification levels (密级) and how an extract inherits the highest of its sources."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .invisible import quote
from .levelwords import (
    INTERNAL_FOLDED,
    KEYS,
    LATIN,
    LEVEL_FOLDED,
    LEVEL_TALK_FOLDED,
    LEVELS,
    LONE_CHAR,
    SECRET_FOLDED,
    TERM,
    TERM_SPAN,
    TERM_WORD,
)

_RANK = {name: i for i, name in enumerate(LEVELS)}
# a level as ``classification`` takes it: the simplified word, a 保密期限 after ★; any other spelling is refused
_MARK = re.compile(rf"^\s*({LEVEL_FOLDED})\s*(?:★\s*(.+?))?\s*$")


class ClassificationError(ValueError):
    pass


@dataclass(frozen=True)
class Level:
    name: str = "公开"
    term: str = ""  # 保密期限 as written after ★, e.g. 10年

    @property
    def rank(self) -> int:
        return _RANK[self.name]

    def __lt__(self, other: Level) -> bool:
        return self.rank < other.rank

    def __le__(self, other: Level) -> bool:
        return self.rank <= other.rank

    @property
    def is_state_secret(self) -> bool:
        return self.rank >= _RANK["秘密"]

    def __str__(self) -> str:
        return f"{self.name}★{self.term}" if self.term else self.name


PUBLIC = Level("公开")


def parse_level(value: object) -> Level:
    if value is None or value == "":
        return PUBLIC
    m = _MARK.match(str(value))
    if not m:
        raise ClassificationError(
            f"密级{quote(str(value), True)}无法识别；可写：{'、'.join(LEVELS)}，国家秘密可带保密期限，如“秘密★10年”")
    if m.group(2) and _RANK[m.group(1)] < _RANK["秘密"]:
        raise ClassificationError(f"“{m.group(1)}”不是国家秘密密级，不能带保密期限“★{m.group(2)}”")
    return Level(m.group(1), m.group(2) or "")


def highest(levels) -> Level:
    best = PUBLIC
    for lv in levels:
        if lv.rank > best.rank:
            best = lv
    return best


# Words that say a text is not to be published, though no state-secret level is named: the 附注 of GB/T 9704
# (（此件不公开）, 不予公开) and the like (不得公开, 内部使用, 仅供内部参考). A document whose full text ends so is imported
# as 内部 (importer), and a record an editor marks so in a text field is held back from the public edition as 内部
# (loader). One list for both. (不得外传, 内部资料 are marks' words: leaks.MARK_WORDS.)
NOT_PUBLIC = re.compile(
    r"[(（〔\[【]?(?:此件|本件|此文件?|本文件?|本材料|此材料|本资料|此资料)?"
    r"(?:不予|免予|不得|不宜|不准|不能|不应|不可|不要|严禁|禁止|请勿|切勿|勿|不)"
    r"(?:对外|向外|对社会|向社会|对公众|向公众|上网|在网上)?(?:公开(?:发布|发表)?|公布|发布|外传|外泄|扩散)[)）〕\]】]?"
    r"|不对外|非公开|(?:仅|只)?供(?:内部|领导|机关内部)(?:使用|参考|参阅|阅读|传阅|掌握|阅)"
    r"|(?:仅|只)?限(?:于)?内部(?:使用|参考|参阅|阅读|传阅|掌握)?|内部(?:使用|传阅|参阅|参考|掌握|明电)"
    # 仅供本单位使用, 阅后收回, 阅后销毁: a copy that is to come back or be destroyed is no public one
    r"|(?:仅|只)供本?(?:单位|机关|部门|系统)(?:内部)?(?:使用|参考|参阅|阅读|传阅|掌握|阅)|阅后(?:收回|销毁|退回|归还|交回)"
    # 本文件限县级领导阅读, 限县团级以上领导阅: reading limited to a rank of readers
    r"|限[\u4e00-\u9fff]{0,8}?(?:领导|干部|同志|人员|党员)(?:同志)?(?:阅读|阅知|阅|参阅|传阅|掌握)"
    # 此件请勿上网, 此件不上网: a word of publication on the net, negated
    r"|(?:不得|不宜|不准|不要|严禁|禁止|请勿|切勿|勿|不)(?:在网上|上网)"
    # the distribution limit of a central document (此件发至县团级, 发至县级): at least 内部
    r"|发至[省地市县区乡镇军师团营处科][省地市县区乡镇军师团营处科]?级"
    # 机要 alone on a line: the way a copy sent through the confidential post is headed
    r"|^[ \t]*[(（〔\[【]?机要[)）〕\]】]?[ \t]*$", re.MULTILINE)

# what a comment speaks of (read as written and folded): each built from the table of level words (``levelwords``)
_LEVEL_WORD = re.compile(SECRET_FOLDED)
_TERM_WORD = re.compile(rf"{TERM}|{TERM_WORD}")
_INTERNAL_WORD = re.compile(rf"{INTERNAL_FOLDED}|注意保密|^\s*内部\s*$")
_LEVEL_KEY = re.compile(rf"(?:{KEYS})\s*[:：为是=＝]?\s*[“\"']?\s*({LEVEL_FOLDED})(?:\s*[★☆*＊]\s*\S+?)?"
                        r"(?=$|[\s，。；,;、（()）”\"'])", re.IGNORECASE)
_BARE_LEVEL = re.compile(rf"(?<![不非无未]){LEVEL_TALK_FOLDED}")   # 不涉密, 无密级: said to be open
_LATIN_LEVEL = re.compile(LATIN, re.IGNORECASE)


# a level's character standing alone, as a stamp or a note of one: ㊙ (NFKC 秘), 原标“密”字
_LONE_MARK = re.compile(LONE_CHAR)


def comment_level(text: str) -> Level | None:
    """The level a comment an editor (or the importer) left in a record file speaks of, or None when it speaks of
    none: ``# classification: 秘密``, ``# 原文密级标志：秘密★10年``, ``# 此件不公开`` (内部 at least), ``# ★10年`` (a state
    secret: 秘密 at least), ``# 密级：公开`` (公开), ``# 密级待核`` (not said: above 公开, so 内部 at least).
    The comment is read as written and as the leak scan folds it (no spaces or invisible characters, traditional
    characters simplified: ``# 密 级：秘 密``, ``# 絕密``, ``# 祕密``), and a level's character alone (``# ㊙``) is 秘密."""
    from .leaks import fold

    folded = fold(text)
    levels = [lv for lv in (_comment_level(text), _comment_level(folded)) if lv is not None]
    if _LONE_MARK.search(folded):
        levels.append(Level("秘密"))
    return highest(levels) if levels else None


def _comment_level(text: str) -> Level | None:
    said = [Level(m.group(1)) for m in _LEVEL_KEY.finditer(text)]
    said += [Level(w) for w in _LEVEL_WORD.findall(text)]
    if _TERM_WORD.search(text):
        said.append(Level("秘密"))
    if _INTERNAL_WORD.search(text) or NOT_PUBLIC.search(text):
        said.append(Level("内部"))
    if _LATIN_LEVEL.search(text):
        said.append(Level("绝密" if "top" in text.casefold() else "秘密"))
    if not said and _BARE_LEVEL.search(text):
        said.append(Level("内部"))
    return highest(said) if said else None


# A document's own statement of its secrecy, wherever it stands in the text (its head, its last line, a 附注):
# 此件秘密, （此件按秘密件管理）, 本文件属国家秘密, 本通知密级为机密, 密级：秘密, 机密★, 秘密★5年, （绝密) alone on its
# line. Read in folded text (``leaks.fold``: no spaces, full-width forms and traditional characters folded). A level
# the statement does not name (属国家秘密, 按密件管理) is a state secret of a level not said: ``None``.
STATEMENT_SUBJECT = (r"(?:此件|本件|该件|此文件?|本文件?|该文件|此稿|本稿|本材料|此材料|本资料|此资料|本表|此表"
                     r"|本(?:通知|决定|批复|报告|请示|纪要|意见|方案|函|通报|规定|办法))")
_UNNAMED = r"国家秘密|国家机密|密件|涉密件|涉密文件"
_STATEMENT = re.compile(
    # 此件秘密, 此件按秘密件管理, 本文件属国家秘密, 本件属于机密级, 此件密级为机密
    rf"{STATEMENT_SUBJECT}(?:内容)?(?:的?密级)?[:：]?(?:属于?|为|系|是|列为|定为|按照?|作为|以|作)?"
    rf"(?P<level>{_UNNAMED}|{SECRET_FOLDED})(?:级)?(?:[★☆](?P<term>{TERM_SPAN})?)?"
    # 密级：秘密, 密级为机密 (a form's field, anywhere)
    rf"|密级(?:[:：]|为|是|定为)(?P<level2>{SECRET_FOLDED})(?:级)?(?:[★☆](?P<term2>{TERM_SPAN})?)?"
    # 机密★, 秘密★5年: a level with its star is a marking wherever it stands
    rf"|(?P<level3>{SECRET_FOLDED})[★☆](?P<term3>{TERM_SPAN})?")
# a level alone on its line, in brackets or not: （绝密）, 【机密】, 秘密
_ALONE = re.compile(rf"^[(（〔\[【<《]?(?P<level>{SECRET_FOLDED})[)）〕\]】>》]?$")


def secrecy_statements(folded: str) -> list[tuple[Level | None, str]]:
    """The statements of a level in one line of text, folded (``leaks.fold``): (the level, or None for a state
    secret whose level is not named; the words as found)."""
    m = _ALONE.match(folded.strip("。.，,；;：:"))
    if m:
        return [(Level(m.group("level")), m.group(0))]
    out: list[tuple[Level | None, str]] = []
    for m in _STATEMENT.finditer(folded):
        name = m.group("level") or m.group("level2") or m.group("level3")
        term = m.group("term") or m.group("term2") or m.group("term3") or ""
        if name not in LEVELS:
            out.append((None, m.group(0)))
            continue
        out.append((Level(name, term), m.group(0)))
    return out


def stated_level(statements: list[tuple[Level | None, str]]) -> Level | None:
    """The level a list of statements gives the text: the highest named; 绝密 when one names none and none names
    a state secret's level (fail closed: a state secret of a level not said); None when there are none."""
    named = [lv for lv, _ in statements if lv is not None]
    if any(lv is None for lv, _ in statements) and not any(lv.is_state_secret for lv in named):
        return Level("绝密")
    return highest(named) if named else None
