"""House-style lint of the volume's prose (体例检查): years in full, full-width punctuation, no relative time
words, no 同志 after names, 述而不论, standard terms, full name before the 规范简称, …

Every rule has a stable code (``style-…``); the house style sets its severity, word lists and terms.
An editor silences one rule for one line with a note on that line or the line before:
``<!-- zhi: 忽略 style-relative-time -->`` (or ``<!-- zhi-ignore style-relative-time -->``).
Fenced code is skipped; rules marked "quotations exempt" skip lines starting with ``>`` and text inside
“…” or 「…」.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..chronicle import FENCE_RE
from ..docno import parse_docno
from ..findings import Finding, Loc
from ..history import History
from ..invisible import quote
from ..model import Archive
from ..rawhtml import ZHI_COMMENT

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{CJK}]")

DEFAULT_TERMS: dict[str, str] = {
    "中共十一届三中全会": "党的十一届三中全会",
    "文革": "“文化大革命”",
    "文化大革命": "“文化大革命”",   # checked outside quotations: unquoted it needs its quotation marks
    "四人帮": "“四人帮”",
    "建国以来": "中华人民共和国成立以来",
    "建国后": "中华人民共和国成立后",
    "建国初期": "中华人民共和国成立初期",
}
DEFAULT_EVALUATIVE = ["显著", "卓有成效", "圆满", "可喜", "辉煌", "重大成就", "巨大成就", "成绩斐然", "硕果累累",
                      "丰硕成果", "长足进步", "突飞猛进", "空前", "伟大", "光辉", "英明", "丰功伟绩"]
DEFAULT_RELATIVE_TIME = ["今年", "去年", "明年", "前年", "目前", "近年", "最近", "近期", "当前", "现在", "至今年"]
DEFAULT_FIRST_PERSON = ["我县", "我区", "我市", "我局", "本局", "本县", "本区", "本市", "我们", "咱们", "我委", "我办"]
# 规范简称 understood everywhere without a full name first (a 凡例 usually declares them once)
DEFAULT_COMMON_SHORT = ["县委", "县政府", "区委", "区政府", "市委", "市政府", "县人大常委会", "区人大常委会",
                        "县政协", "区政协", "县纪委", "区纪委"]
# words that end in 同志 without being a name + 同志 (老同志, 女同志, 全体同志 …)
DEFAULT_TONGZHI_EXEMPT = ["老", "女", "男", "小", "的", "位", "名", "个", "些", "等", "和", "与", "及", "全体", "广大",
                          "各位", "青年", "有关", "领导", "干部", "党员", "好", "们", "为", "是", "称",
                          # fixed terms: 离退休同志, 在职同志, 转业同志 …
                          "退休", "离休", "在职", "退职", "病休", "转业", "复员", "先进", "年轻", "中年", "老年",
                          "基层", "一线", "机关", "部队", "其他", "其余", "多位", "诸位", "该", "此", "这", "那"]

# a word is not a relative time word when it is part of a longer one (体现在, 过去年代, 本区域 …)
_NOT_BEFORE = {"现在": "体表实发出呈展", "去年": "过", "当前": "", "近年": "", "最近": "", "明年": "",
               "今年": "", "目前": "", "近期": "", "前年": ""}
_NOT_AFTER_FIRST_PERSON = "域内外"

REF_RE = re.compile(r"\[\[[^\[\]]*\]\]")
LINK_TARGET_RE = re.compile(r"\]\([^()\s]*\)")
# quotations and the titles of documents and books (《关于做好今年机构编制工作的通知》 is quoted as it was issued)
QUOTE_RE = re.compile(r"“[^”]*(?:”|$)|「[^」]*(?:」|$)|《[^》]*(?:》|$)")
DOCNO_RE = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,10}[〔(（\[【［]\s*\d{2,4}\s*[〕)）\]】］]\s*第?\s*\d+\s*号?")
# a two-digit year is followed by a month, a boundary word or punctuation (95年3月, 95年底); a length of time
# is mostly not (10年未变, 20年来)
YEAR_SHORT_RE = re.compile(r"(?<![\d０-９.,．])(\d{2})年|[’'‘](\d{2})(?!\d)")
_YEAR_END = re.compile(r"\d|[，。、；：）)起至到底末初春夏秋冬上下—～~\-\s|]|$")  # 95年， 95年至 …
# after these a two-digit number + 年 is a year whatever precedes it (95年3月, 95年底, 95年上半年)
_YEAR_AFTER = re.compile(r"\d|[底末初春夏秋冬]|上半|下半")
# before a year: a boundary, or words that take a date (于95年，自95年起); any other Chinese character before
# it makes a length of time (工作30年，建局40年，任职10年。)
_YEAR_BEFORE = "于在自从至到迄止及与和、是为"
_DATE_WORD = "于在自从迄"  # take a date whatever follows: 于84年撤销
# an era's own years (民国3年, 光绪二十年) are written as the era counts them; a year of the common era from
# 1949 on ends the era
_ERA_RE = re.compile(r"民国|中华民国|光绪|宣统|同治|咸丰|道光|嘉庆|乾隆|康熙|雍正|伪满|康德|大同")
_CE_YEAR_RE = re.compile(r"(?<!\d)(1949|19[5-9]\d|20\d\d)年")
# words before a two-digit number + 年 that make it a length of time (历时12年, 任期10年 …)
_DURATION_BEFORE = re.compile(r"(历时|共|达|满|近|约|了|期|用|逾|超过|经过|余|每|第|连续|长达|前后|★|不到|将近|相隔|"
                              r"时隔|相距|先后|之后|以后|后|前|内)\s*$")
APPROX_RE = re.compile(r"约\s*[\d０-９一二三四五六七八九十百千万亿两.．]+\s*(?:[多余]|[^\s，。；、：,;]{0,4}?左右)")
HALF_PUNCT_RE = re.compile(r"[,;:?!()]")
DUNHAO_RE = re.compile(r"》\s*、\s*《")


def _mask(text: str, pattern: re.Pattern, fill: str = "〓") -> str:
    """``text`` with every match of ``pattern`` overwritten by ``fill`` (same length, so columns stay)."""
    return pattern.sub(lambda m: fill * len(m.group(0)), text)


def _in_era(text: str, era: bool) -> bool:
    """Whether, after ``text``, the prose counts years in an era of its own (民国, a reign title): the last of
    an era's name and a year of the common era from 1949 on decides."""
    last_era = max((m.start() for m in _ERA_RE.finditer(text)), default=-1)
    last_ce = max((m.start() for m in _CE_YEAR_RE.finditer(text)), default=-1)
    if last_era < 0 and last_ce < 0:
        return era
    return last_era > last_ce


def _suppressed(lines: list[str]) -> list[set[str]]:
    """For each line, the codes its own note or the previous line's note silences."""
    notes = []
    for line in lines:
        codes: set[str] = set()
        for m in ZHI_COMMENT.finditer(line):
            codes |= set(re.split(r"[\s,，、;；]+", m.group("codes").strip()))
        notes.append(codes)
    return [notes[i] | (notes[i - 1] if i else set()) for i in range(len(lines))]


def _style_options(archive: Archive):
    from ..project import load_house_style  # lazy: project imports the codes table

    hs = load_house_style(archive.root)
    terms = dict(DEFAULT_TERMS)
    for bad, good in hs.terms.items():
        if good is None:
            terms.pop(bad, None)
        else:
            terms[bad] = good
    return (terms, hs.evaluative if hs.evaluative is not None else DEFAULT_EVALUATIVE,
            hs.style.get("relative-time", DEFAULT_RELATIVE_TIME), hs.style.get("first-person", DEFAULT_FIRST_PERSON),
            hs.style.get("tongzhi-exempt", DEFAULT_TONGZHI_EXEMPT), hs.style.get("common-short", DEFAULT_COMMON_SHORT))


def _names(history: History, common: set[str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """full name → body ids, short name → body ids, over every name any body or place ever had.

    Left out of the short names: those understood everywhere (``common``) and those that are part of
    their full name (城关镇 of 城关镇人民政府), which read as names of their own."""
    full: dict[str, set[str]] = {}
    short: dict[str, set[str]] = {}
    for t in history.timelines.values():
        for span in t.names:
            f, s = span.value
            if f:
                full.setdefault(f, set()).add(t.id)
            if s and s != f and len(s) >= 2 and s not in (f or "") and s not in common:
                short.setdefault(s, set()).add(t.id)
    return full, short


def check_style(archive: Archive, history: History) -> Iterator[Finding]:
    book = archive.book
    if book is None:
        return
    terms, evaluative, relative, first_person, tz_exempt, common_short = _style_options(archive)
    full, short = _names(history, set(common_short))
    names = sorted(set(full) | set(short), key=len, reverse=True)
    names_re = re.compile("|".join(re.escape(n) for n in names)) if names else None
    term_items = sorted(terms.items(), key=lambda kv: len(kv[0]), reverse=True)
    eval_re = re.compile("|".join(re.escape(w) for w in sorted(evaluative, key=len, reverse=True))) if evaluative else None
    tz_exempt_sorted = sorted(tz_exempt, key=len, reverse=True)

    for ch in book.chapters():
        lines = ch.body.splitlines()
        silenced = _suppressed(lines)
        in_fence = False
        era = False                   # within an era's own years (民国…) until a year from 1949 on
        mentioned: set[str] = set()   # bodies already named in full in this chapter
        warned_short: set[str] = set()
        for i, raw in enumerate(lines):
            if FENCE_RE.match(raw):
                in_fence = not in_fence
                continue
            if in_fence:
                continue
            loc = Loc(ch.path, ch.body_line + i)
            off = silenced[i]
            found: list[Finding] = []

            def add(code: str, sev: str, msg: str, off: set[str] = off, found: list[Finding] = found,
                    loc: Loc = loc) -> None:
                if code not in off:
                    found.append(Finding(code, sev, msg, loc))

            # the text as the reader sees it, refs and link targets and notes blanked
            line = ZHI_COMMENT.sub(lambda m: " " * len(m.group(0)), raw)
            refs = [(m.start(), m.group(0)) for m in REF_RE.finditer(line)]
            line = _mask(line, REF_RE)
            line = _mask(line, LINK_TARGET_RE, " ")
            quoted_line = line.lstrip().startswith(">")
            outside = "□" * len(line) if quoted_line else _mask(line, QUOTE_RE, "□")  # quotations blanked

            bare = _docno_warnings(line, outside, add)

            # -- two-digit years (quotations exempt: originals are kept as written)
            for m in YEAR_SHORT_RE.finditer(outside):
                era = _in_era(outside[:m.start()], era)
                if m.group(1):
                    if era:
                        continue  # 民国11年 … 11年，复设2科: the era's own count
                    before = outside[:m.start()].rstrip(" 　")
                    if not _YEAR_AFTER.match(outside, m.end()):
                        if not _YEAR_END.match(outside, m.end()) and not before.endswith(tuple(_DATE_WORD)):
                            continue  # 10年未变, 20年来, 30年间: lengths of time
                        if _DURATION_BEFORE.search(before) or \
                                (before and _CJK_RE.match(before[-1]) and before[-1] not in _YEAR_BEFORE):
                            continue  # a length of time: 工作30年，建局40年。
                yy = m.group(1) or m.group(2)
                add("style-year-short", "warning",
                    f"“{m.group(0)}”是两位数年份；年份须写全4位（GB/T 15835），如“19{yy}年”或“20{yy}年”")
            era = _in_era(outside, era)

            _approx_warnings(outside, add)
            _punctuation_warnings(line, bare, add)
            _relative_time_warnings(outside, relative, add)
            _tongzhi_warnings(outside, bool(refs), tz_exempt_sorted, add)
            _first_person_warnings(outside, first_person, add)
            _evaluative_warnings(outside, eval_re, add)
            _term_warnings(line, outside, term_items, add)

            # -- full name before the 规范简称 (quotations exempt)
            if names_re:
                events = []  # (position, kind, ids)
                for pos, ref in refs:
                    inner = ref[2:-2]
                    rid = re.split(r"[@|]", inner, maxsplit=1)[0].strip()
                    label = inner.split("|", 1)[1].strip() if "|" in inner else None
                    if label is None or label in full:
                        events.append((pos, "full", {rid} | full.get(label or "", set())))
                heading = raw.lstrip().startswith(("#", "|"))  # headings and table rows may use short names
                for m in names_re.finditer(outside):
                    n = m.group(0)
                    if heading and n not in full:
                        continue  # a heading or a table cell may use the short name
                    if n in full:
                        events.append((m.start(), "full", full[n]))
                    else:
                        events.append((m.start(), "short", short[n]))
                        events[-1] = (m.start(), "short", short[n], n)
                for ev in sorted(events, key=lambda e: e[0]):
                    if ev[1] == "full":
                        mentioned |= ev[2]
                    elif not (ev[2] & mentioned) and ev[3] not in warned_short:
                        warned_short.add(ev[3])
                        fulls = sorted({f for t in ev[2] if (tl := history.get(t))
                                        for f, s in (sp.value for sp in tl.names) if s == ev[3]})
                        add("style-full-name-first", "warning",
                            f"简称“{ev[3]}”在本章首次出现前未写全称；首次出现时应写全称"
                            f"（如“{fulls[0] if fulls else '全称'}（简称{ev[3]}）”），其后再用简称")
            yield from found


# ---- the line checks of check_style: each reports through add(code, severity, message) ---------------------
def _docno_warnings(line: str, outside: str, add) -> str:
    """文号-shaped strings in prose (quotations exempt); returns the line with every 文号 blanked with 〓."""
    docno_spans = []
    for m in DOCNO_RE.finditer(line):
        docno_spans.append((m.start(), m.end()))
        if outside[m.start()] == "□":
            continue
        d = parse_docno(m.group(0))
        if d and d.problems:
            bracket = re.search(r"[〔(（\[【［].*", m.group(0)).group(0)
            add("style-docno", "warning",
                f"正文中的发文字号“{bracket}”不合规范：{'；'.join(d.problems)}；"
                f"正文应写作“…〔{d.year}〕{d.number}号”（原件写法可在文件记录中保留）")
    bare = line
    for a, b in docno_spans:
        bare = bare[:a] + "〓" * (b - a) + bare[b:]
    return bare


def _approx_warnings(outside: str, add) -> None:
    """Stacked approximations (约…多/余/左右)."""
    for m in APPROX_RE.finditer(outside):
        add("style-approx", "warning",
            f"“{m.group(0)}”中“约”与“多/余/左右”叠用；二者只用其一，如“约100人”或“100余人”")


def _marker_without_space(line: str) -> str:
    """What to say of a passage marker written without its space (``:::秘密``): how zhi reads it, and what to write."""
    from ..classification import ClassificationError, parse_level

    written = line.strip()
    said = written.lstrip(":")
    try:
        level = parse_level(said) if written.startswith(":::") and not written.startswith("::::") else None
    except ClassificationError:
        level = None
    if level is None:
        return (f"{quote(written[:20], True)}像是密级段落的标记，但 zhi 读不懂（见这一行的 passage-invalid 错误）；"
                f"标记要写成三个半角冒号、一个半角空格、再写密级，如“::: 秘密”“::: 内部”；不要改成全角冒号“：：：”")
    return (f"{quote(written[:20], True)}是密级段落的开始标记，zhi 照“::: {said}”读（到单独一行“:::”为止，这一段按{level}"
            f"处理），但冒号后少了一个空格；请写作“::: {said}”（三个半角冒号、一个半角空格、密级），不要改成全角冒号“：：：”")


def _punctuation_warnings(line: str, bare: str, add) -> None:
    """Half-width punctuation next to Chinese (all text, every one: an editor mends them all in one pass), and
    no 顿号 between book titles."""
    if re.match(r"\s*:{3,}(?=[^\s:])", line):
        # a passage marker ("::: 秘密"), written without its space: it is no punctuation, and "：：：" would
        # break it; the marker's own check (passage-invalid) tells the editor how to write one it cannot read
        add("style-halfwidth-punct", "warning", _marker_without_space(line))
        return
    for m in HALF_PUNCT_RE.finditer(bare):
        p = m.start()
        before = bare[p - 1] if p else ""
        after = bare[p + 1] if p + 1 < len(bare) else ""
        if m.group(0) == "!" and after == "[":
            continue   # a picture (见![图题](images/x.png)): Markdown's own mark, not punctuation
        if _CJK_RE.match(before) or _CJK_RE.match(after):
            zh = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}[m.group(0)]
            context = line[max(0, p - 4):p + 5].strip()
            add("style-halfwidth-punct", "warning",
                f"第 {p + 1} 个字处“{context}”：汉字旁用了半角标点“{m.group(0)}”；应改为全角“{zh}”")
    if DUNHAO_RE.search(line):
        add("style-booktitle-dunhao", "warning", "书名号之间不加顿号：“》、《”应改为“》《”")


def _relative_time_warnings(outside: str, relative, add) -> None:
    """Relative time words (quotations exempt)."""
    for w in relative:
        for m in re.finditer(re.escape(w), outside) if w in outside else ():   # (most lines hold none: no regex)
            if m.start() and outside[m.start() - 1] in _NOT_BEFORE.get(w, ""):
                continue
            add("style-relative-time", "warning",
                f"“{w}”是相对时间词，志书须写明具体年份或时间，如“2019年”“截至2020年底”")
            break


def _tongzhi_warnings(outside: str, has_refs: bool, tz_exempt_sorted: list[str], add) -> None:
    """同志 after a name (quotations exempt); the first on the line."""
    for m in re.finditer("同志", outside):
        head = outside[:m.start()]
        if head.endswith("〓") and has_refs:  # [[person]]同志
            add("style-tongzhi", "warning", "人名后不加“同志”等称谓，直书其名；请删去“同志”")
            break
        name = re.search(f"[{CJK}]{{2,3}}$", head)
        if not name or any(head.endswith(x) for x in tz_exempt_sorted):
            continue
        add("style-tongzhi", "warning",
            f"“{name.group(0)}同志”：人名后不加“同志”等称谓，直书其名；请删去“同志”")
        break


def _first_person_warnings(outside: str, first_person, add) -> None:
    """First person (quotations exempt)."""
    for w in first_person:
        for m in re.finditer(re.escape(w), outside) if w in outside else ():
            if outside[m.end():m.end() + 1] and outside[m.end()] in _NOT_AFTER_FIRST_PERSON:
                continue
            add("style-first-person", "warning",
                f"“{w}”是第一人称；志书以第三人称记述，应写出名称，如“临水县”“县编办”")
            break


def _evaluative_warnings(outside: str, eval_re, add) -> None:
    """Evaluative words (述而不论; quotations exempt); the first on the line."""
    if eval_re:
        for m in eval_re.finditer(outside):
            add("style-evaluative", "warning",
                f"“{m.group(0)}”是评价性词语；志书述而不论，宜删去或改为记述事实（数字、结果）")
            break


def _term_warnings(line: str, outside: str, term_items, add) -> None:
    """Non-standard terms (quotations exempt); a longer listed word takes its characters first."""
    taken = [False] * len(outside)
    for bad, good in term_items:
        for m in re.finditer(re.escape(bad), outside) if bad in outside else ():
            if any(taken[m.start():m.end()]):
                continue
            # the standard form itself may contain the listed word: leave it
            j = good.find(bad)
            if j >= 0 and line[m.start() - j:m.start() - j + len(good)] == good:
                continue
            for k in range(m.start(), m.end()):
                taken[k] = True
            add("style-term", "warning", f"“{bad}”不是规范用语，应写作“{good}”" if not good.startswith("“")
                else f"“{bad}”不是规范用语，应写作{good}")


# ---- enumeration marks -------------------------------------------------------------------------------------
# 层次序号: 一、 → （一） → 1. → （1）. Markdown's own list syntax ("1. ") is fine.
_ENUM_BAD = [
    (re.compile(r"^\s*([一二三四五六七八九十]+)\s*[.．，,：:]"), "“{0}”后应用顿号：“{0}、”"),
    (re.compile(r"^\s*(\d+)\s*[、，,]"), "阿拉伯数字序号后用下脚点：“{0}.”，或用“（{0}）”"),
    (re.compile(r"^\s*[（(]\s*([一二三四五六七八九十\d]+)\s*[）)]\s*[、，,.．]"), "“（{0}）”后不再加标点"),
    (re.compile(r"^\s*([一二三四五六七八九十]+|\d+)\s*[)）]"), "序号“{0}”应加全括号：“（{0}）”"),
]


def check_enumeration(archive: Archive, history: History) -> Iterator[Finding]:
    if archive.book is None:
        return
    for ch in archive.book.chapters():
        lines = ch.body.splitlines()
        silenced = _suppressed(lines)
        in_fence = False
        for i, line in enumerate(lines):
            if FENCE_RE.match(line):
                in_fence = not in_fence
                continue
            if in_fence or "style-enumeration" in silenced[i] or line.lstrip().startswith(">"):
                continue
            body = re.sub(r"^\s*(#+|[-*+]|\d+\.)\s+", "", line) if not re.match(r"^\s*\d+\.\s", line) else ""
            for rx, msg in _ENUM_BAD:
                m = rx.match(body)
                if m:
                    yield Finding("style-enumeration", "warning", "层次序号不规范：" + msg.format(m.group(1)) +
                                  "（层次依次为“一、”“（一）”“1.”“（1）”）", Loc(ch.path, ch.body_line + i))
                    break


# ---- generated text ----------------------------------------------------------------------------------------
def check_generated_text(archive: Archive, history: History) -> Iterator[Finding]:
    """The 大事记 sentences are made from record names: the same house style applies to them, reported at the
    event (or the record) that supplied the text."""
    from ..views.chronology import chronology

    terms, evaluative, relative, first_person, _tz, _common = _style_options(archive)
    texts = [(entry.plain(), entry.event.loc) for entry in chronology(archive, history)]
    memos = [(m.text, m.loc) for m in archive.memos]   # the editor's 记事: the house style applies as to prose
    for m_text, m_loc in memos:
        for w in evaluative:
            if w in m_text:
                yield Finding("style-evaluative", "warning", f"记事“{m_text[:30]}…”中有评价性词语“{w}”；"
                              f"志书述而不论，请改为记事实", m_loc)
                break
    for text, loc in texts + memos:
        for m in HALF_PUNCT_RE.finditer(text):
            p = m.start()
            if _CJK_RE.match(text[p - 1] if p else "") or _CJK_RE.match(text[p + 1] if p + 1 < len(text) else ""):
                yield Finding("style-halfwidth-punct", "warning",
                              f"大事记条目“{text[:30]}…”中汉字旁有半角标点“{m.group(0)}”（来自记录中的名称），"
                              f"应在记录中改为全角", loc)
                break
        if DUNHAO_RE.search(text):
            yield Finding("style-booktitle-dunhao", "warning", f"大事记条目“{text[:30]}…”中有“》、《”", loc)
        for w in list(relative) + list(first_person):
            if w in text:
                yield Finding("style-relative-time" if w in relative else "style-first-person",
                              "warning",
                              f"大事记条目“{text[:30]}…”中有“{w}”（来自记录中的名称或职能），请在记录中改写", loc)
                break
        for bad, good in terms.items():
            if bad in text and good not in text:
                yield Finding("style-term", "warning", f"大事记条目“{text[:30]}…”中的“{bad}”不是规范用语，应写作“{good}”",
                              loc)
                break
