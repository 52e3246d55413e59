"""`zhi import`: bring archival transcriptions (Word, ODT, HTML, Markdown, text) into sources/ as document records.

Each file is converted to Markdown by pandoc (the binary bundled with pypandoc), written as ``<id>.md`` beside a
``<id>.yaml`` record that is pre-filled from the text: 发文字号, 标题, 成文日期, 发文机关 and 密级. What could not be
read is left out of the record with a ``# 待核：`` comment, so that the editor confirms it against the original.

An import never overwrites a file and never silently duplicates a document: a file whose content was imported
before (its SHA-256 is kept in the record's note) or whose 文号 is already catalogued is skipped unless forced.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .classification import (
    LEVELS,
    NOT_PUBLIC,
    STATEMENT_SUBJECT,
    ClassificationError,
    Level,
    parse_level,
    secrecy_statements,
    stated_level,
)
from .dates import DateError, parse_date
from .docno import cn_int, normalise_docno, parse_docno
from .invisible import bare, quote
from .levelwords import (
    INTERNAL_FOLDED,
    INTERNAL_OF_FOLDED,
    LATIN,
    LEVEL_TALK,
    LEVEL_TALK_FOLDED,
    NOT_OPEN_FOLDED,
    SECRET_FOLDED,
    STARS,
    TERM,
    TERM_SPAN,
    TERM_WORD,
)
from .progress import QUIET, Progress
from .readers import (
    SUPPORTED,
    ImportError_,
    all_text,
    code_text,
    drawn,
    hidden_text,
    package_text,
    to_markdown,
)
from .readers.convert import DOC_HELP, as_read, doc_converter
from .readers.markup import _CODE_STRING
from .readers.text import _yaml_char

DEFAULT_TO = "sources/documents/imported"
HASH_NOTE = re.compile(r"sha256 前 12 位 ([0-9a-f]{12})")


def _code_marks(code: str) -> list[str]:
    """Words like a marking, or saying the page is not public, anywhere in a page's styles and scripts (Latin
    ones only inside their strings, where a style's own names do not stand)."""
    from .leaks import fold

    flat = fold(code)
    strings = " ".join("".join(g) for g in _CODE_STRING.findall(flat))
    found = [m.group(0) for m in _MARKISH.finditer(flat) if not m.group(0).isascii()]
    found += [m.group(0) for m in _MARKISH.finditer(strings) if m.group(0).isascii()]
    found += [m.group(0) for m in _LEVEL_ANYWHERE.finditer(flat)]
    found += [m.group(0) for m in NOT_PUBLIC.finditer(flat)]
    return list(dict.fromkeys(w for w in found if w.strip()))



# ---------------------------------------------------------------------------------------------------------------
# Finding the record's fields in the text
# ---------------------------------------------------------------------------------------------------------------

_OPEN, _CLOSE = "〔(（[【［", "〕)）]】］"
_DOCNO = re.compile(rf"[\u4e00-\u9fffA-Za-z]{{1,15}}\s*[{re.escape(_OPEN)}]\s*(?:\d{{4}}|\d{{2}})\s*"
                    rf"[{re.escape(_CLOSE)}]\s*(?:第\s*)?\d{{1,5}}\s*号")
_LETTER_ZERO = str.maketrans({"Ｏ": "〇", "O": "〇"})
_CN_Y = "〇零○ＯO0一二三四五六七八九"
_CN_MD = "〇零一二三四五六七八九十元"
_DATE = re.compile(rf"(?P<y>\d{{4}}|[{_CN_Y}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN_MD}]{{1,3}})\s*月\s*"
                   rf"(?P<d>\d{{1,2}}|[{_CN_MD}]{{1,3}})\s*日")
_TITLE_END = ("通知", "决定", "批复", "意见", "报告", "函", "复函", "请示", "通报", "决议", "命令", "公告", "通告",
              "纪要", "会议纪要", "规定", "办法", "答复", "通令", "指示", "方案", "细则", "条例", "规划", "议案")
_TITLE = re.compile(rf"^.{{0,40}}关于.+?的?(?:{'|'.join(sorted(_TITLE_END, key=len, reverse=True))})$")
_ORG_END = re.compile(r"(委员会|人民政府|政府|办公室|办公厅|委|局|厅|部|院|会|组|处|室|所|站|中心|公司|党组|支部|"
                      r"总支|党委|小组|司|署|馆|社|团|校|学校|医院|法院|检察院|人大|政协|联合会|协会|队|科|股)$")
# the level words, from the one table (``levelwords``); lines are read folded (``_squeeze``) as well as written
_MARK = re.compile(rf"^({SECRET_FOLDED})\s*(?:[{STARS}]\s*((?:{TERM_SPAN})))?$")
_INTERNAL = re.compile(rf"^[【\[（(〔]?内部{INTERNAL_OF_FOLDED}?[】\]）)〕]?[，,]?\s*(?:注意保存|注意保密)?$")
# "密级：秘密　保密期限：10年" (a form's fields), with or without the colons and spaces
_FIELD_MARK = re.compile(rf"{LEVEL_TALK[0]}[:：]?({NOT_OPEN_FOLDED})(?:[,，;；]?{TERM_WORD}[:：]?((?:{TERM_SPAN})))?")
_BRACKETED = re.compile(rf"[(（【\[〔<《]\s*{NOT_OPEN_FOLDED}[^)）】\]〕>》]{{0,8}}[)）】\]〕>》]")  # “……通知（秘密）”
# a restriction written some other way (“此件不得以任何形式公开”): a negation, then within a few characters a word
# of publication. Looked for in lines that stand apart (short lines, bracketed 附注, margins, comments); the
# record is at least 内部 and the note says it was not understood exactly
_NOT_PUBLIC_LIKE = re.compile(r"(?:不|勿|禁|免|非|限)[^。；;，,]{0,8}?(?:公开|公布|发布|外传|外泄|外借|扩散|传阅)")
_MARK_FIELD_WORDS = re.compile(rf"{LEVEL_TALK_FOLDED}|{TERM_WORD}|{TERM}")
# anything that looks like a marking: if none of it was understood, the record comes in at the highest level
_MARKISH = re.compile(rf"{SECRET_FOLDED}|{LEVEL_TALK_FOLDED}|密件|{TERM_WORD}|{TERM}|{INTERNAL_FOLDED}"
                      rf"|(?:不得|请勿|严禁|禁止|切勿)外传|注意保密|(?i:{LATIN})")
# a statement of the level that says whose it is (此件秘密, 本文件属国家秘密, 密级：机密)
_SAID_OF_ITSELF = re.compile(rf"{STATEMENT_SUBJECT}|密级")
# a level's word anywhere in a line (内部 alone too): a line of a file the transcription does not show is read as a
# hidden marking when it holds one
_LEVEL_ANYWHERE = re.compile(NOT_OPEN_FOLDED)


def _year(s: str) -> int | None:
    """A year in digits or Chinese numerals read digit by digit; a zero typed as the letter O is read as 〇."""
    return cn_int(s.translate(_LETTER_ZERO))


def _plain_lines(text: str) -> list[str]:
    """The text's lines with Markdown punctuation removed, stripped, without empty ones."""
    out = []
    for raw in text.splitlines():
        ln = raw.strip()
        if re.fullmatch(r"\|?[\s:|\-+=]*\|?", ln) and ln:  # a table rule
            continue
        ln = re.sub(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)", "", ln)
        ln = re.sub(r"\[\^[^\]]*\]:?", "", ln)  # footnote marks
        ln = re.sub(r"\\(.)", r"\1", ln)
        ln = re.sub(r"(\*\*|__|\*|~~)", "", ln)
        ln = ln.replace("|", " ").replace("\u3000", " ").replace("\xa0", " ")
        ln = re.sub(r"\s+", " ", ln).strip()
        if ln:
            out.append(ln)
    return out


def _headings(text: str) -> list[str]:
    return [re.sub(r"\\(.)", r"\1", m.group(1)).strip()
            for m in re.finditer(r"^#{1,6}\s+(.+?)\s*#*\s*$", text, re.MULTILINE) if m.group(1).strip()]


@dataclass
class Extracted:
    number: str = ""
    title: str = ""
    title_guessed: bool = False  # from the first heading or line, not a 关于…的通知 line
    date: str = ""  # ISO
    date_written: str = ""
    issuer: str = ""
    classification: str = ""
    marks: list[str] = field(default_factory=list)  # every classification mark seen near the top
    doubtful: list[str] = field(default_factory=list)  # words like a marking that were not understood
    not_public: str = ""  # the 附注 “（此件不公开）” or “不予公开” as written: the document is at least 内部
    not_public_vague: bool = False  # ``not_public`` says so in words zhi does not know exactly
    drawn: list[str] = field(default_factory=list)  # what on the page draws words zhi cannot see (scripts, data: …)
    # the lines that state the document's level outside its head (此件秘密 at its foot, 本文件属国家秘密): each
    # (the line as written, the level it states or "" when it names none, its line in the written full text or 0)
    stated: list[list] = field(default_factory=list)


def _squeeze(ln: str) -> str:
    """A line with full-width forms folded, traditional characters simplified, spaces and invisible ones gone."""
    from .leaks import fold

    return fold(ln)


def _find_marks(lines: list[str], limit: int = 15) -> tuple[list[Level], set[int]]:
    """Marks understood in the first ``limit`` lines, and the lines they stand on."""
    found: list[Level] = []
    where: set[int] = set()
    for i, ln in enumerate(lines[:limit]):
        before = len(found)
        sq = _squeeze(ln)
        tokens = [ln, sq] + ln.split(" ")
        # "秘密 ★ 10年" is one mark even when spaced out
        tokens.append(re.sub(r"\s*([★☆*＊])\s*", r"\1", ln).split(" ")[0])
        for tok in tokens:
            tok = tok.strip()
            m = _MARK.match(tok)
            if m:
                found.append(_level(m.group(1), m.group(2)))
            elif _INTERNAL.match(tok):
                found.append(Level("内部"))
        for m in _FIELD_MARK.finditer(sq):
            found.append(_level(m.group(1), m.group(2)))
        for tok in re.split(r"[\s　]+", ln):   # a mark among other words on the line: "秘密★10年　测编〔1985〕3号"
            m = _MARK.match(_squeeze(tok))
            if m:
                found.append(_level(m.group(1), m.group(2)))
        if len(found) > before:
            where.add(i)
    return found, where


def _level(name: str, term: str | None) -> Level:
    term = re.sub(r"\s+", "", term or "").translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if name == "内部":
        return Level("内部")
    try:
        return parse_level(f"{name}★{term}" if term else name)
    except ClassificationError:
        return Level(name)


def _find_number(lines: list[str]) -> tuple[str, int]:
    """(文号 as written, line index) from the first lines; a token that is a whole 文号 wins over one inside a line."""
    best: tuple[int, str, int] | None = None
    for i, ln in enumerate(lines[:20]):
        for tok in [ln] + ln.split(" "):
            m = _DOCNO.fullmatch(tok.strip())
            if m and parse_docno(m.group(0)):
                rank = 0 if tok is ln else 1
                if best is None or (rank, i) < (best[0], best[2]):
                    best = (rank, m.group(0), i)
        if best is None and len(ln) <= 40 and "关于" not in ln and not re.search(r"[，。；：《》“”、,;]", ln):
            m = _DOCNO.search(ln)
            if m and parse_docno(m.group(0)):
                best = (2, m.group(0), i)
    if best is None:
        return "", -1
    written = re.sub(r"\s+", "", best[1])
    return written, best[2]


def _date_in(ln: str) -> tuple[str, str, re.Match] | None:
    for m in _DATE.finditer(ln):
        y, mo, d = _year(m.group("y")), cn_int(m.group("m"), date_part=True), cn_int(m.group("d"), date_part=True)
        if y is None or mo is None or d is None:
            continue
        try:
            dt = parse_date(f"{y}年{mo}月{d}日")
        except DateError:
            continue
        return dt.iso(), m.group(0), m
    return None


def _find_date(lines: list[str]) -> tuple[str, str, int]:
    """The 成文日期: the last line that is a date alone (or a signature and a date), skipping 印发 lines."""
    for i in range(len(lines) - 1, -1, -1):
        ln = lines[i]
        if any(w in ln for w in ("印发", "印制", "打印", "抄送", "发布日期")):
            continue
        found = _date_in(ln)
        if not found:
            continue
        iso, written, m = found
        rest = (ln[:m.start()] + ln[m.end():]).strip(" （）()")
        if not rest or (len(rest) <= 40 and _ORG_END.search(rest) and not re.search(r"[，。；：,;:]", rest)):
            return iso, written, i
    return "", "", -1


_SEAL = re.compile(r"\s*[（(](?:盖章|印章|章|印|公章|签章)[）)]\s*$")


def _orgish(s: str) -> bool:
    s = _SEAL.sub("", s).strip()
    return (2 <= len(s) <= 40 and bool(_ORG_END.search(s))
            and bool(re.fullmatch(r"[\u4e00-\u9fff（）()、·\s]+", s)) and not s.startswith("关于")
            and "：" not in s)


def _find_issuer(lines: list[str], date_line: int, number_line: int) -> str:
    if date_line >= 0:
        ln = lines[date_line]
        m = _DATE.search(ln)
        before = ln[:m.start()].strip() if m else ""
        if before and _orgish(before):
            return _SEAL.sub("", before).strip()
        for j in (date_line - 1, date_line - 2):
            if j >= 0 and _orgish(lines[j]):
                # two signatures side by side (联合发文) are kept together as written
                return _SEAL.sub("", lines[j]).strip()
            if j >= 0 and not re.fullmatch(r"[（(]?[\u4e00-\u9fff]{0,6}[）)]?", lines[j]):
                break
    if number_line > 0:
        for j in range(number_line - 1, max(-1, number_line - 4), -1):
            head = re.sub(r"\s*(文件|文 件|\s)+$", "", lines[j]).strip()
            head = re.sub(r"文\s*件$", "", head).strip()
            if head != lines[j] and _orgish(head):
                return head
    return ""


def _find_title(lines: list[str], headings: list[str], skip: set[int]) -> tuple[str, bool]:
    top = lines[:25]
    for i, ln in enumerate(top):
        if i in skip:
            continue
        if "关于" in ln and len(ln) <= 120:
            cand = ln
            for k in range(3):
                if _TITLE.match(cand):
                    return cand, False
                if i + k + 1 >= len(top) or len(top[i + k + 1]) > 40:
                    break
                cand += top[i + k + 1]
    for h in headings:
        h = re.sub(r"\s+", " ", re.sub(r"[*_\\]", "", h)).strip()
        if h and not _find_marks([h]) and not _DOCNO.fullmatch(h):
            return h[:120], True
    for i, ln in enumerate(top):
        if i not in skip and not _find_marks([ln]) and not _DATE.fullmatch(ln):
            return ln[:120], True
    return "", True


def _not_public(lines: list[str], apart: list[str]) -> tuple[str, bool]:
    """The words (as written) by which the document says it is not to be published, and whether they were not
    understood exactly: the known phrases anywhere, other negated publication words in ``apart`` lines."""
    for ln in lines + apart:
        m = NOT_PUBLIC.search(_squeeze(ln))
        if m:
            said = m.group(0)
            if said[0] in _OPEN and said[-1] not in _CLOSE:   # “（此件不得公开，注意保存）”: no bracket left open
                said = said[1:]
            return said, False
    for ln in apart:
        m = _NOT_PUBLIC_LIKE.search(_squeeze(ln))
        if m:
            return m.group(0), True
    return "", False


def _stands_apart(ln: str) -> bool:
    """A line that is no sentence of the body: short, or wholly in brackets (a 附注)."""
    sq = _squeeze(ln)
    return len(sq) <= 24 or bool(re.fullmatch(r"[(（〔\[【].*[)）〕\]】]", sq))


def extract(text: str, margins: str = "", name: str = "", hidden: str = "", code: str = "",
            drawn: list[str] | None = None) -> Extracted:
    """Read 文号, title, 成文日期, issuer and classification marks out of a transcription (Markdown or plain text).

    ``margins`` is text the transcription leaves out (page headers and footers, text boxes), searched for marks
    as a whole. ``hidden`` is text the file holds but does not show (comments: ``<!-- 秘密★10年 -->`` in HTML or
    Markdown, Word's and ODT's comments): every line of it is read as a marking would be. Fail closed: when
    something looks like a marking but none was understood, or a marking of a higher level than the one understood
    is there, the record comes in at 绝密 with a 待核 note; a document that says it is not to be published
    (此件不公开, 不得外传 …) comes in at least 内部. ``code`` is what a page's styles and scripts hold: a word like a
    marking there (a mark drawn by CSS) is never understood, and holds the record at 绝密 with a 待核 note.
    ``drawn`` names what on the page draws words when shown (a script, CSS ``content:``, a data: address, an
    object): zhi cannot know what it draws, so the record is 绝密 with a 待核 note whatever else was read."""
    lines = _plain_lines(text or "")
    hidden_lines = _plain_lines(hidden or "")
    margin_lines = _plain_lines(margins or "") + hidden_lines
    ex = Extracted()
    marks, where = _find_marks(lines)
    more, margin_where = _find_marks(margin_lines, len(margin_lines))
    marks += more
    # a statement of the level anywhere (此件秘密 at the foot, 本文件属国家秘密, 机密★ in a 附注): the record is at least
    # the highest it states; one that names no level (属国家秘密) holds it at 绝密 unless a state secret's level is named
    said_lines: dict[tuple[int, int], str] = {}
    for side, group, seen in ((0, lines, where), (1, margin_lines, margin_where)):
        for i, ln in enumerate(group):
            # a mark alone (秘密★10年) is the document's where it stands apart (a 附注, a line of its own); in a
            # sentence or a table's row it may be another document's, and is left to the doubt below (绝密, 待核)
            found = [(lv, w) for lv, w in secrecy_statements(_squeeze(ln))
                     if _SAID_OF_ITSELF.match(w) or side or _stands_apart(ln)]
            if not found:
                continue
            rest_of = _squeeze(ln)
            for _, words in found:
                rest_of = rest_of.replace(words, "")
            said_lines[(side, i)] = rest_of
            if i not in seen:
                named = [lv for lv, _ in found if lv is not None]
                ex.stated.append([ln, str(stated_level(found)) if named else "", 0, side])
                marks += named
    termed = {m.name for m in marks if m.term}
    ex.marks = list(dict.fromkeys(str(m) for m in marks if m.term or m.name not in termed))
    if any(not s[1] for s in ex.stated) and not any(m.is_state_secret for m in marks):
        marks.append(Level("绝密"))   # a state secret of a level not said: the highest
    if marks:
        best = max(marks, key=lambda lv: (lv.rank, bool(lv.term)))
        ex.classification = str(best)
    rank = max((m.rank for m in marks), default=0)
    # GB/T 9704's 附注 for a document not to be published (usually the last line), a 公开属性 不予公开, 不得外传 …:
    # never public, at least 内部; words of that kind (内部使用, 不得外传) are then no marking left unexplained
    said, vague = _not_public(lines, [ln for ln in lines if _stands_apart(ln)] + margin_lines)
    rest = [said_lines.get((0, i), _squeeze(ln)) for i, ln in enumerate(lines) if i not in where] + \
        [said_lines.get((1, i), _squeeze(ln)) for i, ln in enumerate(margin_lines) if i not in margin_where]
    if name and _MARKISH.search(_squeeze(name)):   # a file named “（秘密）关于……”: the name is a label, like a mark
        rest.append(_squeeze(name)[:12])
    hidden_rest = {_squeeze(ln) for i, ln in enumerate(margin_lines) if i not in margin_where
                   and i >= len(margin_lines) - len(hidden_lines)}
    doubtful = []
    for ln in rest:
        # a marking stands alone or leads its line (or names itself: 密级, 保密期限, ★10年); the word inside a
        # sentence or a title (“关于加强秘密文件管理的通知”) is not one. A comment is no sentence of the text: a
        # word like a marking in it is read as one
        label = len(ln) <= 12 and not re.search(r"[。，；,;]", ln)   # a short line that is not a sentence
        if ln not in hidden_rest and (
                not (_MARK_FIELD_WORDS.search(ln) or _MARKISH.match(ln) or label or _BRACKETED.search(ln))
                or (_TITLE.match(ln) and not _BRACKETED.search(ln))):
            continue
        for m in _MARKISH.finditer(ln):
            word = m.group(0)
            implied = {"秘密": 2, "机密": 3, "绝密": 4}.get(word, 4 if word not in ("注意保密",) else 1)
            if word.startswith("内部") or word.endswith("外传"):
                implied = 1
            if implied > max(rank, 1 if said else 0):
                doubtful.append(word)
    doubtful += _code_marks(code or "")
    if doubtful:
        ex.classification = "绝密"
        ex.doubtful = list(dict.fromkeys(doubtful))
    ex.drawn = list(drawn or [])
    if ex.drawn:
        ex.classification = "绝密"
    if said and not doubtful and not ex.drawn and rank < 1:
        ex.classification, ex.not_public, ex.not_public_vague = "内部", said, vague
    ex.number, nline = _find_number(lines)
    ex.date, ex.date_written, dline = _find_date(lines)
    ex.issuer = _find_issuer(lines, dline, nline)
    skip = {i for i in (nline, dline) if i >= 0}
    ex.title, ex.title_guessed = _find_title(lines, _headings(text or ""), skip)
    return ex


def _words_key(text: str) -> str:
    """Text compared by its words alone: folded, without spaces, punctuation, tags or Markdown's marks, footnote marks
    and link targets (pandoc renumbers the one and writes the other inline)."""
    import html

    text = re.sub(r"\[\^[^\]\s]*\]|\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|\]\[[^\]]*\]|<[^<>]*>", "]", text)
    text = html.unescape(text)
    return re.sub(r"[\W_]+", "", _squeeze(text))


def unseen(lines: str, shown: str) -> list[str]:
    """The lines of ``lines`` (every line of words a file holds) that speak of a level or of not publishing and that
    ``shown`` (the transcription and its margins) does not hold: words a reader never sees (an attribute, an
    element pandoc drops, a part of a Word file it does not read), each read as a hidden marking."""
    shown_key = None
    out = []
    for ln in lines.splitlines():
        sq = _squeeze(ln)
        if not (_MARKISH.search(sq) or NOT_PUBLIC.search(sq) or _NOT_PUBLIC_LIKE.search(sq)
                or _LEVEL_ANYWHERE.search(sq)):
            continue
        shown_key = _words_key(shown) if shown_key is None else shown_key
        key = _words_key(ln)
        if key and key not in shown_key:
            out.append(ln)
    return list(dict.fromkeys(out))


def without_head_like(md: str) -> str:
    """A full text whose first line is a lone "{", "+++", ";;;" or "===" with no closing line after it is ordinary
    text that ``zhi check`` would take for a head in another notation and refuse: that one character is written as
    a character reference (printed the same). A real head, with its closing line, is left for the check to
    refuse (it may hold a level)."""
    from .chronicle import FRONT_MATTER_LIKE

    lines = md.splitlines(keepends=True)
    first = next((i for i, raw in enumerate(lines) if bare(raw)), None)
    if first is None or not FRONT_MATTER_LIKE.match(bare(lines[first])):
        return md
    opening = bare(lines[first])
    closing = "}" if opening.startswith("{") else opening
    if any(bare(raw) == closing for raw in lines[first + 1:]):
        return md
    raw = lines[first]
    body = raw.lstrip()
    lines[first] = raw[:len(raw) - len(body)] + f"&#{ord(body[0])};" + body[1:]
    return "".join(lines)


def without_marks(md: str, limit: int = 15) -> str:
    """The full text to write: the marking lines at its head (秘密★10年, 密级：秘密　保密期限：10年, 内部资料),
    which the importer read as the record's ``classification``, are left out — a full text carries no marks of
    its own (zhi check refuses one), its level is the record's. A mark sharing its line with other words
    (秘密★10年　测编〔1985〕3号) is taken out of the line and the rest kept."""
    from .chronicle import STRAY_LEVEL

    out, seen = [], 0
    for raw in md.splitlines(keepends=True):
        plain = _plain_lines(raw)
        if not plain or seen >= limit:
            out.append(raw)
            continue
        seen += 1
        sq = _squeeze(plain[0])
        if STRAY_LEVEL.match(sq) or not _find_marks(plain)[0]:
            if STRAY_LEVEL.match(sq):
                continue
            out.append(raw)
            continue
        if _MARK.match(sq) or _INTERNAL.match(sq) or _FIELD_MARK.fullmatch(sq) \
                or _FIELD_MARK.sub("", sq).strip(" :：,，;；") in ("", "保密期限"):
            continue
        kept = [t for t in re.split(r"[ \t\u3000\xa0]+", raw.strip())
                if t and not (_MARK.match(_squeeze(t)) or _INTERNAL.match(_squeeze(t))
                              or _FIELD_MARK.search(_squeeze(t)) or _squeeze(t).startswith("保密期限"))]
        if kept and re.search(r"[\w\u3400-\u9fff]", "".join(kept)):
            out.append(" ".join(kept) + ("\n" if raw.endswith("\n") else ""))
    return "".join(out)


# ---------------------------------------------------------------------------------------------------------------
# Ids, the record and the import itself
# ---------------------------------------------------------------------------------------------------------------

def _slug(text: str, sep: str = "") -> str:
    from pypinyin import lazy_pinyin

    parts = []
    for p in lazy_pinyin(text or ""):
        p = re.sub(r"[^a-z0-9]+", "-", p.lower()).strip("-")
        if p:
            parts.append(p)
    s = sep.join(parts)
    s = re.sub(r"-{2,}", "-", s).strip("-")
    return s


def base_id(number: str, date_iso: str, stem: str, prefix: str = "doc") -> str:
    d = parse_docno(number, int(date_iso[:4]) if date_iso else None) if number else None
    if d:
        code = _slug(d.code)
        if code:
            return f"{prefix}-{code}-{d.year}-{d.number}"
    s = _slug(stem, "-")[:48].strip("-")
    return f"{prefix}-{s}" if s else f"{prefix}-imported"



def _printable(v: str) -> str:
    return " ".join("".join(c if _yaml_char(c) else " " for c in v or "").split())


def _yaml_str(v: str) -> str:
    v = _printable(v)
    if not v or not re.match(r"[\u3000-\u9fff\uff00-\uffef]", v) or re.search(r"[:#\[\]{},&*!|>'\"%@`\\]", v):
        return json.dumps(v, ensure_ascii=False)
    return v


LABELS = {"number": "发文字号", "title": "标题", "date": "成文日期", "issuer": "发文机关"}


def record_yaml(rid: str, ex: Extracted, note: str, number_comment: str = "") -> str:
    lines = [f"id: {rid}"]
    pending = []
    if ex.number and not number_comment:
        lines.append(f"number: {_yaml_str(ex.number)}")
    elif ex.number:
        lines.append(f"# number: {ex.number}  # {number_comment}")
    else:
        pending.append("发文字号")
    if ex.issuer:
        lines.append(f"issuer: {_yaml_str(ex.issuer)}")
    else:
        pending.append("发文机关")
    if ex.date:
        lines.append(f"date: {ex.date}")
    else:
        pending.append("成文日期")
    lines.append(f"title: {_yaml_str(ex.title)}")
    if ex.title_guessed:
        lines.append("# 待核：未能识别“关于……的通知”式标题，上面的标题取自文件开头或文件名，请照原件改正")
    if ex.classification and ex.classification != "公开":
        lines.append(f"classification: {_yaml_str(ex.classification)}")
        if ex.marks:
            lines.append(f"# 原文密级标志：{'、'.join(dict.fromkeys(ex.marks))}；密级不得低于原件标注")
        lines += [f"# {stated_where(s)}，{stated_said(s)}" for s in ex.stated]
        if ex.not_public and ex.not_public_vague:
            lines.append(f"# 待核：原文有{quote(ex.not_public, True)}，像是说此件不公开，但 zhi 未能确切识别；"
                         "已按内部导入（不进公开版本），请照原件核定密级后改正")
        elif ex.not_public:
            lines.append(f"# 待核：原文有附注{quote(ex.not_public, True)}，此件不公开，已按内部导入（不进公开版本）；"
                         "请照原件核定密级后改正")
        if ex.doubtful:
            lines.append(f"# 待核：原文中有{''.join(quote(d, True) for d in ex.doubtful)}，像是密级标志，但未能识别；不认识的标记按最高密级处理，"
                         f"暂定为绝密。请照原件核定密级后改正")
        if ex.drawn:
            lines.append(f"# 待核：原文中有{'、'.join(ex.drawn)}，显示时可能画出文字（含密级标志），zhi 无从得知；"
                         "暂定为绝密。请查看原件显示出的密级标志，照原件核定密级后改正")
    lines.append(f"note: {_yaml_str(note)}")
    for what in pending:
        lines.append(f"# 待核：未能从原文识别 {what}")
    return "\n".join(lines) + "\n"


def stated_where(s: list) -> str:
    """Where a statement of the level stands, for the editor: the line of the written full text, or the margins."""
    at = f"全文第 {s[2]} 行" if s[2] else ("原文页眉、页脚、批注或注释中" if s[3] else "原文")
    return f"{at}{quote(s[0], True)}"


def stated_said(s: list) -> str:
    """What a statement of the level made of the record, for the editor."""
    if s[1]:
        return f"说此件为{s[1]}；记录的密级取原件所说的最高一级，不得低于{s[1]}"
    return "说此件是国家秘密，但未写明密级；按最高密级暂定为绝密，请照原件核定密级后改正"


@dataclass
class Outcome:
    path: Path
    status: str  # 导入 / 跳过 / 失败
    reason: str = ""
    record: Path | None = None
    extracted: Extracted | None = None


@dataclass
class _Known:
    ids: set[str] = field(default_factory=set)
    numbers: dict[str, str] = field(default_factory=dict)  # normalised 文号 → id
    hashes: dict[str, str] = field(default_factory=dict)  # sha256[:12] → id or file
    prefix: str = "doc"  # the archive's own prefix of document ids


def _known(root: Path, to: Path) -> _Known:
    from .loader import load_archive

    k = _Known()
    a = load_archive(root, with_book=False)
    for table in (a.bodies, a.jurisdictions, a.documents, a.people):
        k.ids.update(table)
    for rec in list(a.events) + list(a.posts) + list(a.staffing) + list(a.memos):
        if rec.id:
            k.ids.add(rec.id)
    from .fields import archive_prefix

    k.prefix = archive_prefix(a.documents, "doc")
    for d in a.documents.values():
        if d.number:
            k.numbers[d.normalised_number] = d.id
        for h in HASH_NOTE.findall(d.note or ""):
            k.hashes[h] = d.id
    # records that did not load (a broken one, or one being edited) still count
    docs = root / "sources" / "documents"
    for p in list(docs.rglob("*.yaml")) + list(docs.rglob("*.yml")) if docs.is_dir() else []:
        try:
            t = p.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for h in HASH_NOTE.findall(t):
            k.hashes.setdefault(h, p.stem)
    if to.is_dir():
        k.ids.update(p.stem for p in to.iterdir() if p.suffix in (".md", ".yaml", ".yml"))
    return k


def _fresh_id(base: str, k: _Known, to: Path) -> str:
    rid, n = base, 1
    while rid in k.ids or (to / f"{rid}.md").exists() or (to / f"{rid}.yaml").exists():
        n += 1
        rid = f"{base}-{n}"
    return rid


def collect(paths: list[Path], to: Path | None = None) -> tuple[list[Path], list[Outcome]]:
    """The files to import from the arguments (folders recursively); arguments that are not files are failures."""
    files: list[Path] = []
    bad: list[Outcome] = []
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if not f.is_file() or f.suffix.lower() not in SUPPORTED:
                    continue
                rel = f.relative_to(p)
                if any(part.startswith(".") for part in rel.parts) or f.name.startswith("~$"):
                    continue
                if to is not None and f.resolve().is_relative_to(to.resolve()):
                    continue
                files.append(f)
        elif p.is_file():
            files.append(p)
        else:
            bad.append(Outcome(p, "失败", "找不到此文件或文件夹"))
    return files, bad


def import_files(root: Path, paths: list[Path], to: Path | None = None, force: bool = False,
                 report=None, progress: Progress = QUIET) -> list[Outcome]:
    """Import every file; ``report(outcome)`` is called as each one is done, ``progress`` counts them."""
    root = root.resolve()
    to = (to if to is not None else root / DEFAULT_TO)
    to = (to if to.is_absolute() else root / to).resolve()
    docs = (root / "sources" / "documents").resolve()
    if not to.is_relative_to(docs):
        raise ImportError_(f"导入的记录须放在 sources/documents/ 之内（否则 zhi 不会读入），而“{to}”不在其中")
    files, outcomes = collect(paths, to)
    for o in outcomes:
        if report:
            report(o)
    k = _known(root, to)
    st = progress.begin("导入文件", total=len(files), unit="个")
    for f in files:
        o = _import_one(root, f, to, force, k)
        outcomes.append(o)
        if report:
            report(o)
        st.update()
    st.close()
    return outcomes


def _rel(root: Path, p: Path) -> str:
    try:
        return p.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(p)


def _import_one(root: Path, f: Path, to: Path, force: bool, k: _Known) -> Outcome:
    try:
        data = f.read_bytes()
    except OSError as e:
        return Outcome(f, "失败", f"无法读取文件（{e.strerror or e}）")
    h = hashlib.sha256(data).hexdigest()[:12]
    if h in k.hashes and not force:
        return Outcome(f, "跳过", f"内容与已导入的“{k.hashes[h]}”相同（sha256 前 12 位 {h}）；确要再导入，加 --force")
    try:
        with as_read(f) as g:   # an old .doc is read as the .docx LibreOffice makes of it
            md = to_markdown(g)
            if not md.strip():
                return Outcome(f, "失败", "文件中没有文字（可能是扫描图片）；扫描件请放在 scans 中，全文另行录入")
            margins = package_text(g)
            # an image's alt text is written into the transcription, but no reader sees it beside the image
            shown = re.sub(r"!\[(?:[^\]\\]|\\.)*\]", "", md) + "\n" + margins
            hidden = "\n".join([hidden_text(g)] + unseen(all_text(g), shown))
            ex = extract(md, margins, f.stem, hidden, code_text(g), drawn(g))
    except ImportError_ as e:
        return Outcome(f, "失败", str(e))
    except Exception as e:  # noqa: BLE001 - one bad file must not stop the others
        return Outcome(f, "失败", f"转换出错（{type(e).__name__}：{str(e)[:160]}）")
    if not _printable(ex.title):
        ex.title, ex.title_guessed = (_printable(f.stem) or "（无标题）"), True
    number_comment = ""
    if ex.number:
        norm = normalise_docno(ex.number, int(ex.date[:4]) if ex.date else None)
        if norm in k.numbers:
            if not force:
                return Outcome(f, "跳过", f"发文字号“{ex.number}”已登记为文件“{k.numbers[norm]}”；"
                                           f"确是另一份文件时，加 --force 导入并核对文号", extracted=ex)
            number_comment = f"待核：与文件“{k.numbers[norm]}”的文号相同，核对后再启用"
    rid = _fresh_id(base_id(ex.number, ex.date, f.stem, k.prefix), k, to)
    note = f"导入自 {f.name}（sha256 前 12 位 {h}）"
    to.mkdir(parents=True, exist_ok=True)
    md_path, yaml_path = to / f"{rid}.md", to / f"{rid}.yaml"
    written = without_head_like(without_marks(md))
    for st in ex.stated:   # the line of the full text a statement of the level stands on, for the editor
        key = _squeeze(st[0])
        st[2] = next((n for n, raw in enumerate(written.splitlines(), 1)
                      if (plain := _plain_lines(raw)) and _squeeze(plain[0]) == key), 0) if not st[3] else 0
    try:
        with open(md_path, "x", encoding="utf-8") as out:
            out.write(written)
        try:
            with open(yaml_path, "x", encoding="utf-8") as out:
                out.write(record_yaml(rid, ex, note, number_comment))
        except OSError:
            md_path.unlink(missing_ok=True)
            raise
    except OSError as e:
        return Outcome(f, "失败", f"无法写入 {_rel(root, to)}（{e.strerror or e}）")
    k.ids.add(rid)
    k.hashes[h] = rid
    if ex.number and not number_comment:
        k.numbers[normalise_docno(ex.number, int(ex.date[:4]) if ex.date else None)] = rid
    pending = [LABELS[key] for key in ("number", "date", "issuer") if not getattr(ex, key)]
    if ex.title_guessed:
        pending.append("标题")
    found = [f"文号 {ex.number}" if ex.number else "", f"成文日期 {ex.date}" if ex.date else "",
             f"密级 {ex.classification}{'（待核）' if ex.doubtful or ex.not_public or ex.drawn else ''}"
             if ex.classification else ""]
    found += [f"{stated_where(st)}说此件" + (f"为{st[1]}" if st[1] else "是国家秘密（未写明密级）") for st in ex.stated]
    reason = "；".join(x for x in found if x)
    if pending:
        reason += ("；" if reason else "") + "待核：" + "、".join(pending)
    return Outcome(f, "导入", reason, record=yaml_path, extracted=ex)


__all__ = [
    "DEFAULT_TO",
    "DOC_HELP",
    "LEVELS",
    "SUPPORTED",
    "Extracted",
    "ImportError_",
    "Outcome",
    "base_id",
    "doc_converter",
    "extract",
    "import_files",
    "to_markdown",
]
