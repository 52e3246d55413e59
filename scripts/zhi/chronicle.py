"""The volume's prose: `chronicle/book.yaml` (settings and outline) and the Markdown chapters it lists.

Outline (gazetteer order): ``front`` (凡例, 概述 …), then ``parts`` (篇, each with its 章 files), then
``back`` (编后记). The 大事记, 附录 and 索引 are generated and placed by the writers.

Each Markdown file may start with YAML front matter (``title``, ``status``, ``classification``,
``target``). References to records are written ``[[id]]``, ``[[id|显示文字]]`` or ``[[id@1984-03]]`` (the name
valid on that date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .classification import PUBLIC, ClassificationError, Level, parse_level
from .dates import Date, DateError, parse_date
from .fields import Fields
from .fieldwords import did_you_mean
from .findings import Finding, Loc
from .invisible import bare, quote
from .levelwords import KEYS, LATIN, LEVEL_TALK, LEVELS, spelled_any
from .project import skipped_message, skipped_part
from .renderers import NAMES as RENDERERS
from .yamlsource import LList, LMap, YamlFile

BOOK = "chronicle/book.yaml"
STATUSES = ("初稿", "修改稿", "送审稿", "定稿")
DASHIJI_FORMS = {"年": "年", "年月日": "年", "year": "年", "日期": "日期", "全日期": "日期", "date": "日期"}
DIRECTIVES = {"一览": "snapshot", "编制": "staffing", "大事记": "chronology", "内设机构": "units", "附注": "remarks"}
DIRECTIVE_RE = re.compile(r"^\s*\[\[(一览|编制|大事记|内设机构|附注)(?::([^\[\]@\n]*))?(?:@([^\[\]\n]*))?\]\]\s*$")
# a figure from the archive, inline: [[编制数:机构或区划编号@日期]], [[编制数:区划编号/政法@日期|行政编制]],
# [[实有数:机构编号@日期]]
FIGREF_RE = re.compile(r"\[\[(编制数|实有数):([^\[\]@|\n]+)@([^\[\]|\n]+?)(?:\|([^\[\]\n]*))?\]\]")
REF_RE = re.compile(r"\[\[([^\[\]|@\n]+?)(?:@([^\[\]|\n]+?))?(?:\|([^\[\]\n]*))?\]\]")
# A passage marked with a level: a line ``::: 秘密`` (or ``::: 秘密★10年``) opens it, a line ``:::`` closes it.
# Any other line that starts with two or more colon-like characters (full-width, nested in a quotation or a
# list, four colons, an unknown word) is a marker zhi does not understand: an error, and the passage it may
# open is treated as the highest level until a closing line.
PASSAGE_OPEN = re.compile(r"^:::[ \t]*(\S.*?)[ \t]*$")
PASSAGE_CLOSE = re.compile(r"^:::[ \t]*$")
PASSAGE_LIKE = re.compile(r"^(?:>\s*)*(?:[-*+]\s+|\d+[.)、]\s*)?[:：∶︰﹕꞉˸׃]{2,}\s*(.*)$")
# a level word as an editor may type it: traditional forms, a stray space between its characters, ㊙ (from the one
# table, ``levelwords``). One spelling for the passage marker, the admonition and the lone-line checks below, each
# tried on the line as written and as ``leaks.fold`` reads it (``as_read``).
LEVEL_SPELLED = spelled_any(LEVELS[1:])
# a level marker anywhere else in a line (a table cell "| ::: 秘密 |", mid-line, after a heading's hashes): zhi reads
# a marker only alone on its own line; such a line would print the marker and what it was meant to hold
MARKER_INSIDE = re.compile(rf"[:：∶︰﹕꞉˸׃]{{2,}}\s*(?:{LEVEL_SPELLED})")
FRONT_FENCE = re.compile(r"^[-－—–‐‑‒―─━ー﹣]{3,}$")
# a line that tries to set the level outside the front matter (``classification: 秘密``, ``密级：秘密``)
STRAY_LEVEL = re.compile(rf"^[\"'“”]?(?:{KEYS})[\"'“”]?\s*[:：=＝]", re.IGNORECASE)
# a head in another notation (TOML +++, JSON {, ;;;): zhi reads only ---; such a head is never taken for body text
FRONT_MATTER_LIKE = re.compile(r"^(?:\+{3,}|;{3,}|\{\s*$|={3,})\s*$")
HIGHEST = Level("绝密")
# Other notations an editor may take for a marked passage: the theme's admonitions (!!! 内部, ??? note "秘密") and a
# level word standing alone as a line (a definition-list term "内部" followed by ":   …"). zhi reads neither as
# a marking; fail closed: the chapter is refused until it is written as ::: 内部.
ADMONITION = re.compile(r"^(?:>\s*)*(?:!!!|\?\?\?\+?)\s*(.*)$")
LEVEL_WORD = re.compile(rf"{LEVEL_SPELLED}|{spelled_any(LEVEL_TALK[:1])}|保\s*密")
# a level word alone on a line: a level (秘密), a word that speaks of one (涉密, 密级), 密, or a Latin one (SECRET) —
# a marker gone wrong (“:::\r涉密” is a closing fence and then this line), never prose
LONE_LEVEL = re.compile(rf"^[\s>#*_+\-:：\[\]【】（）()「」“”\"']*(?:{LEVEL_SPELLED}|{spelled_any(LEVEL_TALK)}|密|"
                        rf"(?i:{LATIN}))[\s*_:：\]】）)」“”\"'★\d年]*$")


def as_read(line: str) -> tuple[str, ...]:
    """A line as a reader sees it (``bare``) and as the leak scan folds it (``leaks.fold``: traditional characters,
    spaces, invisible characters, a backslash, ㊙ spelled out): a level check tries both."""
    from .leaks import fold

    b, f = bare(line), fold(line)
    return (b,) if f == "".join(b.split()) else (b, f)


def marker_inside(line: str) -> bool:
    return any(MARKER_INSIDE.search(x) for x in as_read(line))


def stray_level(line: str) -> bool:
    """A line that sets a level as a key (``classification: 秘密``, ``密级：秘密``) where zhi reads none."""
    return any(STRAY_LEVEL.match(x.lstrip(">#*-+ ")) for x in as_read(line))


def _level_like(line: str) -> bool:
    """An admonition titled with a level word (!!! note "秘密") or a level word alone on a line: no marker zhi reads."""
    return any(((adm := ADMONITION.match(x.strip())) and LEVEL_WORD.search(adm.group(1))) or LONE_LEVEL.match(x)
               for x in as_read(line))


HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
FENCE_RE = re.compile(r"^\s*(```|~~~)")


@dataclass
class ProseRef:
    id: str
    date: Date | None
    text: str | None
    loc: Loc


@dataclass
class FigureRef:
    """A staffing figure inserted in prose from the archive (see FIGREF_RE)."""

    basis: str           # approved | actual
    target: str          # body or jurisdiction id
    system: str          # 系统 of a jurisdiction, or ""
    date: Date | None
    kinds: list[str]     # the categories to print; empty: every category the figure gives
    loc: Loc
    problem: str = ""


def parse_figure_ref(m: re.Match, loc: Loc) -> FigureRef:
    target, _, system = m.group(2).strip().partition("/")
    system = system.strip().removesuffix("系统")
    kinds = [k.strip() for k in re.split(r"[、,，\s]+", m.group(4) or "") if k.strip()]
    date, problem = None, ""
    try:
        date = parse_date(m.group(3).strip())
    except DateError as e:
        problem = str(e)
    return FigureRef("approved" if m.group(1) == "编制数" else "actual", target.strip(), system, date, kinds, loc,
                     problem)


@dataclass
class Directive:
    """A generated table embedded in prose: [[一览:区划@日期]], [[编制:机构]], [[大事记:区划@起..止]]."""

    kind: str            # snapshot | staffing | chronology
    target: str | None   # jurisdiction or body id
    date: Date | None    # a date, or a range for a chronology slice
    loc: Loc
    problem: str = ""    # why it cannot be used, for zhi check


@dataclass
class Heading:
    level: int
    title: str
    loc: Loc


@dataclass
class Chapter:
    path: str                  # relative to the project root
    role: str                  # front | chapter | back | unlisted (checked, never printed)
    title: str = ""
    part: str = ""             # 篇 title, for chapters
    status: str = ""
    target: int | None = None
    classification: Level = PUBLIC
    # the level the chapter's head gives, when the chapter is held at 绝密 for a head or marker zhi cannot read:
    # the check still looks for secrets in its open lines at this level, so that every problem is listed at once
    written: Level | None = None
    held_at: Loc | None = None     # the first line whose error holds the chapter at 绝密 (with ``written``)
    held_line: str = ""            # that line's text
    listed_at: Loc | None = None   # the line of book.yaml that lists the file
    body: str = ""
    body_line: int = 1         # line of the body's first line in the file
    headings: list[Heading] = field(default_factory=list)
    refs: list[ProseRef] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    figrefs: list[FigureRef] = field(default_factory=list)
    passages: list[tuple[Level, int, int]] = field(default_factory=list)  # level, first and last line (in body)
    title_given: bool = False  # the title came from the front matter, not from a heading
    title_line: int = 1        # the line of the file whose ``title:`` gives it (the first line when none does)


@dataclass
class Part:
    title: str
    loc: Loc
    chapters: list[Chapter] = field(default_factory=list)


@dataclass
class Book:
    title: str = ""
    subtitle: str = ""
    upper: Date | None = None
    lower: Date | None = None
    snapshots: list[Date] = field(default_factory=list)  # dates of the 机构设置一览 in the appendix
    cover: Path | None = None                             # an image that replaces the generated cover
    kaoyi: bool = False                                   # the appendix lists the disagreements (考异表)
    footer: str = ""                                      # the line at the foot of every site page (版权、说明)
    site_url: str = ""                                    # where the site is published (for sitemap.xml, 404)
    renderer: str = ""                                    # the site's renderer (renderers/); "" is the default
    licence: str = ""                                     # the open data's licence (数据下载); "" is the default
    dashiji_form: str = "年"   # 大事记: "年" (year headings, entries begin 3月12日) or "日期" (each with its full date)
    stage: str = ""                                       # draft stage (征求意见稿 …), printed; "" when published
    imprint: list[tuple[str, str]] = field(default_factory=list)    # 版权页: (label, value) in IMPRINT order
    committee: list[tuple[str, str]] = field(default_factory=list)  # 编纂委员会名单: (职务, 姓名)
    plates: list[tuple[Path, str]] = field(default_factory=list)    # 题词、图片 pages: (image, caption)
    front: list[Chapter] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    back: list[Chapter] = field(default_factory=list)
    # the Markdown files under chronicle/ that the outline does not list: read and checked (a slip in them is
    # shown as a warning), never printed; no edition carries them
    unlisted: list[Chapter] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def chapters(self) -> list[Chapter]:
        return self.front + [c for p in self.parts for c in p.chapters] + self.back

    def checked(self) -> list[Chapter]:
        """Every chapter file the checks read: the outline's, then the unlisted ones."""
        return self.chapters() + self.unlisted


def _split_front_matter(text: str) -> tuple[str | None, str, int, str]:
    """(front matter text or None, body, line number where the body starts, problem).

    Front matter opens with the first non-blank line when that line is a row of three or more dashes
    (trailing spaces, full-width dashes, blank lines before it are all read as the editor meant them), and
    closes at the next such line or ``...``. An opening line without a closing one is a problem: the whole
    file is then treated as front matter that zhi does not understand."""
    lines = text.splitlines(keepends=True)
    start = 0
    while start < len(lines) and not bare(lines[start]):
        start += 1
    if start < len(lines) and FRONT_MATTER_LIKE.match(bare(lines[start])):
        return None, text, 1, (f"第{start + 1}行的{quote(lines[start].strip(), True)}像是另一种写法的文件头；zhi 只认识用单独一行“---”"
                               f"开始、再用一行“---”结束的文件头（键值写成“classification: 内部”）。在改正之前，这一章按绝密处理")
    if start == len(lines) or not FRONT_FENCE.match(bare(lines[start])):
        return None, text, 1, ""
    for i in range(start + 1, len(lines)):
        b = bare(lines[i])
        if FRONT_FENCE.match(b) or b == "...":
            return "\n" * start + "".join(lines[start + 1:i]), "".join(lines[i + 1:]), i + 2, ""
    return None, text, 1, (f"第{start + 1}行的{quote(lines[start].strip(), True)}开始了文件头，但后面没有单独一行“---”把它结束；"
                           f"请在文件头的最后一项之后加一行“---”")


def _read_chapter(root: Path, rel: str, role: str, part: str, findings: list[Finding], loc: Loc) -> Chapter | None:
    path = (root / "chronicle" / rel).resolve()
    chap_rel = f"chronicle/{rel}"
    if not path.is_relative_to(root / "chronicle"):
        findings.append(Finding("path-outside", "error", f"篇目中的“{rel}”指向 chronicle/ 之外", loc))
        return None
    if not path.is_file():
        findings.append(Finding("chapter-missing", "error",
                                f"篇目列出的文件“{rel}”不存在（应在 chronicle/ 下）；请新建该文件或改正篇目", loc))
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        findings.append(Finding("file-encoding", "error", "文件不是 UTF-8 编码；请另存为 UTF-8", Loc(chap_rel)))
        return None
    ch = Chapter(chap_rel, role, part=part)
    text = text.removeprefix("\ufeff")
    fm, body, body_line, problem = _split_front_matter(text)
    before = len(findings)
    if problem:
        findings.append(Finding("front-matter-invalid", "error", problem, Loc(chap_rel, 1)))
    if fm is not None:
        yf = YamlFile(chap_rel, fm)
        for f in yf.findings:  # front matter lines are offset by the opening ---
            f.loc = Loc(chap_rel, f.loc.line + 1 if f.loc.line else 0)
            findings.append(f)
        if yf.data is not None and not isinstance(yf.data, LMap):
            findings.append(Finding("front-matter-invalid", "error",
                                    "文件头（两行“---”之间）应为“键: 值”的形式，如“classification: 内部”；"
                                    "注意冒号用英文半角“:”，冒号后空一格", Loc(chap_rel, 2)))
        key_line = yf.data.key_lines.get("classification", 0) if isinstance(yf.data, LMap) else 0
        for n, line in enumerate(fm.splitlines(), 1):
            b = bare(line).lower()
            if n != key_line and ("classif" in b or any("密级" in x for x in as_read(line)) or stray_level(line)):
                # a level the YAML did not read as the `classification` key (folded into another value,
                # indented, misspelt): never guessed at, never ignored
                findings.append(Finding("front-matter-invalid", "error",
                                        f"文件头第{n}行{quote(line.strip()[:30], True)}像是密级，但没有读成“classification”一项"
                                        f"（键要顶格写、冒号用半角“:”并后跟空格，如“classification: 内部”）；"
                                        f"在改正之前，这一章按绝密处理", Loc(chap_rel, n + 1)))
        if isinstance(yf.data, LMap):
            shifted = yf.data
            shifted.line += 1
            shifted.key_lines = {k: v + 1 for k, v in shifted.key_lines.items()}
            fields = Fields(shifted, chap_rel, findings, "篇章元数据", {"title", "status", "classification", "target",
                                                                  "note"})
            ch.title = fields.text("title") or ""
            ch.title_line = shifted.key_lines.get("title", 1)
            if marker_inside(ch.title):
                findings.append(_marker_in_title(ch.title, Loc(chap_rel, shifted.key_lines.get("title", 2))))
            ch.status = fields.text("status") or ""
            if ch.status and ch.status not in STATUSES:
                fields.error("schema-value", f"“status（稿次）”只能是{'、'.join(STATUSES)}之一，不是“{ch.status}”。"
                             f"{did_you_mean(ch.status, STATUSES)}", "status")
            try:
                if "classification" in shifted and shifted["classification"] in (None, ""):
                    raise ClassificationError("“classification（密级）”写了键却没有写密级；请写上 公开、内部、秘密、机密、绝密之一，"
                                              "或删去这一行（不写就是公开）。在改正之前这一章按绝密处理")
                ch.classification = parse_level(shifted.get("classification"))
            except ClassificationError as e:
                fields.error("classification-invalid", str(e), "classification")
                ch.classification = HIGHEST
            t = shifted.get("target")
            if t is not None:
                if isinstance(t, int) and not isinstance(t, bool) and t > 0:
                    ch.target = t
                else:
                    fields.error("schema-type", "“target（目标字数）”应为正整数", "target")
        written = isinstance(yf.data, LMap) and "classification" in yf.data
        findings.extend(_comment_levels(yf, ch.classification, written, chap_rel))
    ch.body, ch.body_line = body, body_line
    for i, line in enumerate(body.splitlines()):
        if stray_level(line):
            findings.append(Finding("front-matter-invalid", "error",
                                    f"{quote(line.strip()[:30], True)}像是密级，但不在文件开头两行“---”之间，zhi 不认识；"
                                    f"请把它移进文件头（文件第一行写“---”，密级之后再写一行“---”）",
                                    Loc(chap_rel, body_line + i)))
    _scan(ch, findings)
    if any(f.severity == "error" for f in findings[before:]):
        # fail closed: a chapter whose head or markers zhi cannot read is held at the highest level
        ch.written, ch.classification = ch.classification, HIGHEST
        ch.held_at = next(f.loc for f in findings[before:] if f.severity == "error")
        held = text.splitlines()[ch.held_at.line - 1: ch.held_at.line]
        ch.held_line = held[0].strip()[:30] if held else ""
    ch.title_given = bool(ch.title)
    if not ch.title:
        ch.title = first_title(ch)
    return ch


def _comment_levels(yf: YamlFile, level: Level, written: bool, rel: str) -> list[Finding]:
    """``classification-comment`` for a comment of a chapter's front matter that speaks of a level above the
    chapter's (``# 秘密★10年``, ``# 此章不公开`` over a chapter with no ``classification``): the editor meant the
    chapter to be held, so it is (an error holds it at the highest level) until the level is written in
    ``classification`` or the comment deleted."""
    from .classification import comment_level

    said = f"的 classification 是“{level}”" if written else "的文件头没有写 classification（即公开）"
    out = []
    for line, text in yf.comments():
        meant = comment_level(text)
        if meant is not None and meant.rank > level.rank:
            out.append(Finding(
                "classification-comment", "error",
                f"文件头的注释“# {text[:40]}”说的是“{meant}”，而这一章{said}；注释不算密级，在改正之前这一章按绝密处理，"
                f"任何版本都不收。若这一章确应是{meant}，请把密级写在文件头的 classification 中（如 classification: {meant}）；"
                f"若注释已过时（已解密、已核定为{level}），请删去这行注释", Loc(rel, line + 1)))
    return out


def _marker_in_title(title: str, loc: Loc) -> Finding:
    """A level marker typed into a chapter's or a part's title: the title is printed whole (contents, running
    heads), marker and all; a title has no passages."""
    return Finding("passage-invalid", "error",
                   f"标题{quote(title[:40], True)}中有密级段落标记；标题整个照印（目录、书眉），不能分段定密，zhi 不认识，"
                   f"按最高密级（绝密）处理，不生成。请从标题中删去标记；标题本身涉密，就把整章的密级写在文件头"
                   f"（classification: 秘密）", loc)


def first_title(ch: Chapter) -> str:
    """The first heading outside any marked passage (a heading inside one is never the chapter's title)."""
    for hd in ch.headings:
        i = hd.loc.line - ch.body_line
        if not any(first <= i and (last < 0 or i <= last) for _, first, last in ch.passages):
            return hd.title
    return ""


def _scan(ch: Chapter, findings: list[Finding] | None = None) -> None:
    """Headings, references, directives and marked passages of the body. Passages nest: an inner passage
    is held at the higher of its own and its enclosing level, and the outer passage goes on after it."""
    in_fence = False
    stack: list[tuple[Level, int]] = []

    def problem(i: int, message: str) -> None:
        if findings is not None:
            findings.append(Finding("passage-invalid", "error", message, Loc(ch.path, ch.body_line + i)))

    for i, line in enumerate(ch.body.splitlines()):
        lineno = ch.body_line + i
        b = bare(line)
        like = PASSAGE_LIKE.match(b)
        if like:   # passage markers count everywhere, in code blocks too: a marker is never printed
            po, pc = PASSAGE_OPEN.match(line.strip()), PASSAGE_CLOSE.match(line.strip())
            # no full-width forms, odd spaces or invisible characters; whitespace of any kind after the marker
            # (a full-width space U+3000 typed after the level) is taken off, as a reader cannot see it either
            exact = line.rstrip().lstrip(" \t") == b
            if pc and exact:
                if stack:
                    level, first = stack.pop()
                    ch.passages.append((level, first, i))
                else:
                    problem(i, "这一行“:::”前面没有“::: 内部”“::: 秘密”等开始标记；多余的结束标记请删去")
                continue
            level = None
            if po and exact and not po.group(1).startswith((":", "：")):
                try:
                    level = parse_level(po.group(1))
                except ClassificationError:
                    level = None
            if level is None:
                problem(i, f"{quote(line.rstrip()[:30], True)}不是 zhi 认识的密级段落标记，按最高密级（绝密）处理，任何版本都不收；"
                           f"段落标记须单独一行、顶格写“::: 内部”或“::: 秘密”（三个半角冒号、一个空格、密级），"
                           f"段落结束写单独一行“:::”")
                level = HIGHEST
            if stack and stack[-1][0].rank > level.rank:
                level = stack[-1][0]
            stack.append((level, i))
            continue
        if marker_inside(line):
            problem(i, f"{quote(line.strip()[:40], True)}中有密级段落标记，但它不是单独一行（写在表格单元格里、一行文字中间或"
                       f"标题里），zhi 不认识，整章按最高密级（绝密）处理，任何版本都不收；段落标记须单独一行、顶格写"
                       f"“::: 内部”或“::: 秘密”，段落结束写单独一行“:::”。要让表格或一段文字只进密级版本，"
                       f"请把整个表格（整段）放在这样的两行之间")
            continue
        if _level_like(line):
            problem(i, f"{quote(line.strip()[:30], True)}不是 zhi 认识的密级段落标记（提示框“!!!”和单独一行的密级字样都不算），"
                       f"整章按最高密级（绝密）处理，任何版本都不收；要标出一段文字的密级，请单独一行顶格写“::: 内部”或"
                       f"“::: 秘密”，段落结束写单独一行“:::”")
            continue
        if FENCE_RE.match(line.strip()):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        m = HEADING_RE.match(line)
        if m:
            ch.headings.append(Heading(len(m.group(1)), m.group(2), Loc(ch.path, lineno)))
        d = DIRECTIVE_RE.match(line)
        if d:
            ch.directives.append(parse_directive(d, Loc(ch.path, lineno)))
            continue
        for fm in FIGREF_RE.finditer(line):
            ch.figrefs.append(parse_figure_ref(fm, Loc(ch.path, lineno)))
        line = FIGREF_RE.sub("", line)
        for r in REF_RE.finditer(line):
            date = None
            if r.group(2):
                try:
                    date = parse_date(r.group(2).strip())
                except DateError:
                    date = None
            ch.refs.append(ProseRef(r.group(1).strip(), date, r.group(3), Loc(ch.path, lineno)))
    while stack:   # unclosed: runs to the end, reported by check
        level, first = stack.pop()
        ch.passages.append((level, first, -1))


# an editor's own footnote ([^label]: text) and a reference link's definition ([label]: address); a footnote call
# [^label], a reference link [text][label], [label][] or [label]
NOTE_DEF = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:")
NOTE_CALL = re.compile(r"\[\^([^\]\s]+)\](?!:)")
LINK_DEF = re.compile(r"^ {0,3}\[(?!\^)([^\[\]]+)\]:\s*\S")
LINK_REF = re.compile(r"\[([^\[\]]+)\]\[([^\[\]]*)\]|\[(?!\^)([^\[\]]+)\](?![\[(:])")


@dataclass
class NoteDef:
    """A footnote's (``note``) or a reference link's (``link``) definition: its label and the lines (in the body)
    it spans; a footnote runs on to the blank line, and over the indented blocks after it."""

    kind: str
    label: str
    lines: list[int]


@dataclass
class NoteUse:
    kind: str
    label: str
    line: int


def _label(kind: str, text: str) -> str:
    return text if kind == "note" else " ".join(text.split()).casefold()   # link labels ignore case and spacing


def notes_and_links(ch: Chapter) -> tuple[list[NoteDef], list[NoteUse]]:
    """The definitions of footnotes and reference links in a chapter's body, and the places that use them
    (outside code blocks; passage markers end a definition, as they end a paragraph)."""
    return notes_in(ch.body, {i for _, first, last in ch.passages for i in (first, last) if i >= 0})


def notes_in(text: str, fences: set[int] = frozenset()) -> tuple[list[NoteDef], list[NoteUse]]:
    """``notes_and_links`` of a text whose lines ``fences`` are passage markers."""
    lines = text.splitlines()
    code, in_code = set(), False
    for i, line in enumerate(lines):
        if i not in fences and FENCE_RE.match(line.strip()):
            in_code = not in_code
            code.add(i)
        elif in_code:
            code.add(i)
    blank = {i for i, line in enumerate(lines) if not line.strip() or i in fences}
    defs: list[NoteDef] = []
    uses: list[NoteUse] = []
    heads = {}
    for i, line in enumerate(lines):
        if i in code or i in fences:
            continue
        if m := NOTE_DEF.match(line):
            heads[i] = m.end()
            span, j = [i], i + 1
            while j < len(lines) and j not in blank and j not in code and not NOTE_DEF.match(lines[j]) \
                    and not LINK_DEF.match(lines[j]):
                span.append(j)
                j += 1
            while True:   # an indented block after blank lines belongs to the note
                k = j
                while k < len(lines) and k in blank and k not in fences:
                    k += 1
                if k == j or k >= len(lines) or k in code or not lines[k].startswith(("    ", "\t")):
                    break
                while k < len(lines) and k not in blank and k not in code:
                    span.append(k)
                    k += 1
                j = k
            defs.append(NoteDef("note", m.group(1), span))
        elif m := LINK_DEF.match(line):
            heads[i] = m.end()
            defs.append(NoteDef("link", _label("link", m.group(1)), [i]))
    for i, line in enumerate(lines):
        if i in code or i in fences:
            continue
        rest = line[heads.get(i, 0):]
        uses += [NoteUse("note", m.group(1), i) for m in NOTE_CALL.finditer(rest)]
        rest = FIGREF_RE.sub("", REF_RE.sub("", NOTE_CALL.sub("", rest)))
        for m in LINK_REF.finditer(rest):
            label = (m.group(2) or m.group(1)) if m.group(1) is not None else m.group(3)
            uses.append(NoteUse("link", _label("link", label), i))
    return defs, uses


def line_levels(ch: Chapter) -> list[Level]:
    """The level each line of the body is printed at: the chapter's, or its innermost passage's when higher."""
    n = len(ch.body.splitlines())
    out = [ch.classification] * n
    for level, first, last in ch.passages:
        for i in range(first, (n - 1 if last < 0 else min(last, n - 1)) + 1):
            if level.rank > out[i].rank:
                out[i] = level
    return out


def dropped_lines(ch: Chapter, limit: Level) -> set[int]:
    """The lines of the body (0-based) an edition up to ``limit`` does not print: the passages above it and every
    passage's fence lines; and a footnote whose every call stands in a dropped passage, wherever it is defined: it
    belongs to the passage, and printed alone it would be a note without a call (and leave a gap in the numbering).
    """
    lines = ch.body.splitlines()
    drop: set[int] = set()
    for level, first, last in ch.passages:
        last = len(lines) - 1 if last < 0 else last
        drop.update({first, last})
        if level.rank > limit.rank:
            drop.update(range(first, last + 1))
    if "[^" in ch.body:
        defs, uses = notes_and_links(ch)
        for d in defs:
            calls = [u.line for u in uses if u.kind == d.kind == "note" and u.label == d.label]
            if calls and all(i in drop for i in calls):
                drop.update(d.lines)
    return drop


def strip_passages(ch: Chapter, limit: Level) -> str:
    """The chapter's body without the lines an edition up to ``limit`` does not print (``dropped_lines``)."""
    drop = dropped_lines(ch, limit)
    return "\n".join("" if i in drop else line for i, line in enumerate(ch.body.splitlines()))


def parse_directive(m: re.Match, loc: Loc) -> Directive:
    kind = DIRECTIVES[m.group(1)]
    target = (m.group(2) or "").strip() or None
    date, problem = None, ""
    if m.group(3):
        try:
            date = parse_date(m.group(3).strip())
        except DateError as e:
            problem = str(e)
    if kind == "snapshot" and (target is None or date is None) and not problem:
        problem = "机构设置一览须写明行政区划和日期，如 [[一览:linshui-xian@1984-12-31]]"
    if kind == "staffing" and target is None:
        problem = "编制表须写明机构，如 [[编制:lx-caizheng]]"
    if kind == "units" and (target is None or date is not None):
        problem = "内设机构表须写明机构、不写日期，如 [[内设机构:lx-caizheng]]"
    if kind == "remarks" and (target is None or date is not None):
        problem = "附注须写明机构、不写日期，如 [[附注:lx-caizheng]]"
    return Directive(kind, target, date, loc, problem)


# the 版权页's lines, in the order a Chinese imprint page prints them: key in book.yaml → label
IMPRINT = {"title": "书名", "editor": "编者", "publisher": "出版者", "printer": "印刷者", "format": "开本",
           "sheets": "印张", "words": "字数", "edition": "版次", "printing": "印次", "isbn": "书号", "price": "定价"}


def _read_front_matter_pages(root: Path, data: LMap, book: Book, f: Fields) -> None:
    """版权页 (imprint), 编纂委员会名单 (committee) and 题词、图片 pages (plates) from book.yaml."""
    imprint = data.get("imprint")
    if isinstance(imprint, LMap):
        fi = Fields(imprint, BOOK, book.findings, "版权页", set(IMPRINT))
        given = {k: fi.text(k) for k in IMPRINT}
        book.imprint = [(IMPRINT[k], v) for k, v in given.items() if v]
        if not given["title"] and book.imprint:
            book.imprint.insert(0, ("书名", book.title))
    elif imprint is not None:
        f.error("schema-type", "“imprint（版权页）”应为键值表，如 publisher: 某某出版社", "imprint")
    committee = data.get("committee")
    if isinstance(committee, LList):
        for i, item in enumerate(committee):
            if isinstance(item, LMap) and len(item) == 1:
                (role, names), = item.items()
                if isinstance(names, LList):
                    names = "　".join(str(n) for n in names)
                if isinstance(role, str) and isinstance(names, str | int) and str(names).strip():
                    book.committee.append((role.strip(), str(names).strip()))
                    continue
            book.findings.append(Finding("schema-type", "error", "“committee（编纂委员会名单）”的每一项应写成"
                                         "“职务: 姓名”，如 “主任: 张三” 或 “委员: [张三, 李四]”",
                                         Loc(BOOK, committee.line_of(i))))
    elif committee is not None:
        f.error("schema-type", "“committee（编纂委员会名单）”应为列表，每项“职务: 姓名”", "committee")
    plates = data.get("plates")
    if isinstance(plates, LList):
        for i, item in enumerate(plates):
            loc = Loc(BOOK, plates.line_of(i))
            image, caption = (item, "") if isinstance(item, str) else \
                (item.get("image"), item.get("caption", "")) if isinstance(item, LMap) else (None, "")
            if not isinstance(image, str) or not isinstance(caption, str):
                book.findings.append(Finding("schema-type", "error", "“plates（题词、图片）”的每一项应为图片文件名，"
                                             "或 {image: 文件名, caption: 图题}", loc))
                continue
            p = (root / "chronicle" / image).resolve()
            if not p.is_relative_to(root.resolve()):
                book.findings.append(Finding("path-outside", "error", f"图片“{image}”指向项目之外", loc))
            elif not p.is_file():
                book.findings.append(Finding("file-missing", "error", f"图片“{image}”不存在（相对于 chronicle/）", loc))
            else:
                book.plates.append((p, caption.strip()))
    elif plates is not None:
        f.error("schema-type", "“plates（题词、图片）”应为图片文件名的列表", "plates")


STAGES = ("征求意见稿", "送审稿", "评审稿", "终审稿")  # the draft stages a 志书 passes through, in order
FINAL_STAGE = "终审稿"
# "（本章待续）", "（此节待补）", "（数字待核）" …: a bracketed note that something is still to be written or checked
PLACEHOLDER_RE = re.compile(r"[（(][^（()）\n]{0,12}待(?:续|补|写|查|核|定|考|填)[^（()）\n]{0,80}[）)]")


def placeholders(book: Book) -> list[tuple[Chapter, int, str]]:
    """Every placeholder in the volume's chapters: (chapter, line in its file, the words)."""
    out = []
    for ch in book.front + [c for p in book.parts for c in p.chapters] + book.back:
        for i, line in enumerate(ch.body.split("\n")):
            out += [(ch, ch.body_line + i, m.group(0)) for m in PLACEHOLDER_RE.finditer(line)]
    return out


# the range the 凡例 says the volume covers: 本志记述……1948年至1960年…… (上限、下限 in four-digit years)
# (a sentence that only mentions years, 本志据公开资料录入1978—1979年的区划变动, is no statement of the range)
STATED_RANGE_RE = re.compile(
    r"本志(?:[^。\n]{0,20}?)(?:记述|记载|断限|上起|起自|上限)[^。\n]{0,40}?(\d{4})\s*年?\s*(?:至|到|—|–|-|～|~)\s*(\d{4})\s*年")


def stated_range_findings(book: Book) -> list[Finding]:
    """The 凡例's stated range against book.yaml's: a volume whose 下限 was moved on (1960 → 1989) after ``zhi init``
    wrote the 凡例 would print the old years in the book; the first range a 凡例 states (本志记述……1948年至1960年) is
    checked, file and line."""
    if book.upper is None or book.lower is None:
        return []
    for ch in book.front + book.back:
        if first_title(ch) != "凡例" and not ch.path.endswith("fanli.md"):
            continue
        for i, line in enumerate(ch.body.split("\n")):
            if (m := STATED_RANGE_RE.search(line)) is None:
                continue
            said = (int(m.group(1)), int(m.group(2)))
            if said != (book.upper.year, book.lower.year):
                return [Finding("fanli-range", "warning",
                                f"凡例写本志记述{said[0]}年至{said[1]}年，book.yaml 的上下限却是{book.upper.year}年至"
                                f"{book.lower.year}年：请把凡例（或 book.yaml 的 upper、lower）改得一致，志书照凡例印出",
                                Loc(ch.path, ch.body_line + i))]
            return []
    return []


def load_book(root: Path) -> Book:
    book = Book()
    path = root / BOOK
    if not path.is_file():
        book.findings.append(Finding("book-missing", "error",
                                     "缺少志书设置文件 chronicle/book.yaml（书名、上下限、篇目）", Loc(BOOK)))
        return book
    if not path.resolve().is_relative_to(root.resolve()):
        book.findings.append(Finding("path-outside", "error",
                                     f"chronicle/book.yaml 是指向项目之外（{path.resolve()}）的链接，未读入；请把文件本身复制进项目",
                                     Loc(BOOK)))
        return book
    yf = YamlFile(BOOK, path.read_text(encoding="utf-8"))
    book.findings.extend(yf.findings)
    if not isinstance(yf.data, LMap):
        if not yf.findings:
            book.findings.append(Finding("schema-type", "error", "book.yaml 应为键值表", Loc(BOOK, 1)))
        return book
    f = Fields(yf.data, BOOK, book.findings, "志书设置", {"title", "subtitle", "upper", "lower", "front", "parts",
                                                      "back", "note", "snapshots", "cover", "kaoyi",
                                                      "footer", "site_url", "renderer", "licence", "license",
                                                      "dashiji_form", "stage", "imprint", "committee", "plates"})
    book.title = f.text("title", True) or ""
    book.subtitle = f.text("subtitle") or ""
    book.footer = f.text("footer") or ""
    site_url = f.text("site_url") or ""
    if site_url and not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", site_url):
        f.error("schema-type", f"“site_url（网站网址）”应为完整的网址，如 https://example.gov.cn/zhi/，不是“{site_url}”",
                "site_url")
    else:
        book.site_url = site_url
    renderer = yf.data.get("renderer")
    if renderer in RENDERERS:
        book.renderer = renderer
    elif renderer is not None:
        f.error("schema-value", f"“renderer（网站渲染器）”只能写 {'、'.join(RENDERERS)} 之一（不写即用默认的 mkdocs），"
                                f"不是“{renderer}”。{did_you_mean(str(renderer), RENDERERS)}", "renderer")
    book.upper, book.lower = f.date("upper"), f.date("lower")
    snaps = yf.data.get("snapshots")
    if isinstance(snaps, LList):
        for i, v in enumerate(snaps):
            try:
                book.snapshots.append(parse_date(v))
            except DateError as e:
                book.findings.append(Finding("date-invalid", "error", f"“snapshots（一览日期）”：{e}",
                                             Loc(BOOK, snaps.line_of(i))))
    elif snaps is not None:
        f.error("schema-type", "“snapshots（一览日期）”应为日期列表，如 [1984-12-31, 2002-12-31]", "snapshots")
    form = yf.data.get("dashiji_form")
    if form in DASHIJI_FORMS:
        book.dashiji_form = DASHIJI_FORMS[form]
    elif form is not None:
        f.error("schema-value", f"“dashiji_form（大事记体式）”只能写“年”（按年分段，条目以月日起头）或“日期”"
                f"（每条以完整日期起头），不是“{form}”。{did_you_mean(str(form), tuple(DASHIJI_FORMS))}", "dashiji_form")
    kaoyi = yf.data.get("kaoyi")
    if isinstance(kaoyi, bool):
        book.kaoyi = kaoyi
    elif kaoyi is not None:
        f.error("schema-type", f"“kaoyi（附考异表）”只能写 true 或 false，不是“{kaoyi}”", "kaoyi")
    book.licence = (f.text("licence") or f.text("license") or "").strip()
    stage = f.text("stage")
    if stage:
        if stage in STAGES:
            book.stage = stage
        else:
            f.error("schema-value", f"“stage（稿次）”应为{'、'.join(STAGES)}之一，不是“{stage}”；"
                                    f"{did_you_mean(stage, STAGES)}志书正式出版时删去此行", "stage")
    _read_front_matter_pages(root, yf.data, book, f)
    cover = f.text("cover")
    if cover:
        p = (root / "chronicle" / cover).resolve()
        if not p.is_relative_to(root.resolve()):
            f.error("path-outside", f"封面“{cover}”指向项目之外", "cover")
        elif not p.is_file():
            f.error("file-missing", f"封面图片“{cover}”不存在（相对于 chronicle/）", "cover")
        else:
            book.cover = p
    listed: set[str] = set()

    def chapter_list(key: str, role: str, part: str, data: LMap | None = None) -> list[Chapter]:
        data = data if data is not None else yf.data
        v = data.get(key)
        if v is None:
            return []
        if not isinstance(v, LList):
            book.findings.append(Finding("schema-type", "error", f"“{key}”应为文件名列表", Loc(BOOK, data.line_of(key))))
            return []
        out = []
        for i, item in enumerate(v):
            loc = Loc(BOOK, v.line_of(i))
            if isinstance(item, LMap) and role != "chapter" and ("chapters" in item or "title" in item):
                # a 篇 ({title:, chapters:}) belongs in parts; front and back matter are single files
                book.findings.append(Finding("schema-type", "error", (
                    f"“{key}（{'卷首' if role == 'front' else '卷末'}）”只列文件名，不能分篇；"
                    f"“{item.get('title') or '……'}”这样带 title、chapters 的篇请写在“parts”中，"
                    f"或把其中的文件名直接列在“{key}”里，如 {key}: [{'fanli.md' if role == 'front' else 'houji.md'}]"), loc))
                continue
            if not isinstance(item, str):
                book.findings.append(Finding("schema-type", "error", "篇目中的每一项应为 chronicle/ 下的文件名", loc))
                continue
            listed.add(item)
            if skipped_part(item):
                book.findings.append(Finding("draft-listed", "error", (
                    f"篇目列出的“{item}”{skipped_message(item, skipped_part(item), '不进入志书和网站')}"
                    "，再列入篇目；或从篇目中删去这一行"), loc))
                continue
            ch = _read_chapter(root, item, role, part, book.findings, loc)
            if ch:
                ch.listed_at = loc
                out.append(ch)
        return out

    book.front = chapter_list("front", "front", "")
    parts = yf.data.get("parts")
    if isinstance(parts, LList):
        for i, p in enumerate(parts):
            if not isinstance(p, LMap):
                book.findings.append(Finding("schema-type", "error", "“parts”的每一项应为 {title: 篇名, chapters: [...]}",
                                             Loc(BOOK, parts.line_of(i))))
                continue
            pf = Fields(p, BOOK, book.findings, "篇", {"title", "chapters", "note"})
            title = pf.text("title", True) or ""
            if marker_inside(title):
                book.findings.append(_marker_in_title(title, Loc(BOOK, p.key_lines.get("title", p.line))))
            part = Part(title, Loc(BOOK, p.line))
            part.chapters = chapter_list("chapters", "chapter", title, p)
            book.parts.append(part)
    elif parts is not None:
        book.findings.append(Finding("schema-type", "error", "“parts”应为篇的列表", Loc(BOOK, yf.data.line_of("parts"))))
    book.back = chapter_list("back", "back", "")
    for ch, line, text in placeholders(book):
        if book.stage == FINAL_STAGE:
            book.findings.append(Finding("placeholder-final", "error",
                                         f"{FINAL_STAGE}中还有占位文字“{text}”：补写这一处，或删去它；"
                                         "终审稿不留待续、待补之处", Loc(ch.path, line)))
        else:
            book.findings.append(Finding("chapter-placeholder", "warning",
                                         f"正文中有占位文字“{text}”，尚待补写（终审稿不允许留有此类文字）",
                                         Loc(ch.path, line)))
    book.findings += stated_range_findings(book)
    for md in sorted((root / "chronicle").rglob("*.md")):
        rel = md.relative_to(root / "chronicle").as_posix()
        if rel in listed:
            continue
        if skipped_part(rel):
            book.findings.append(Finding("file-skipped", "warning", skipped_message(
                rel, skipped_part(rel), "不进入志书和网站，也未作检查"), Loc(f"chronicle/{rel}")))
            continue
        book.findings.append(Finding("chapter-unlisted", "warning",
                                     f"“{rel}”不在 book.yaml 的篇目中，不会进入志书；若是草稿，可把文件名改为以 _ 开头",
                                     Loc(f"chronicle/{rel}")))
        # read and checked all the same (its 密级, passages, references), so that a slip in it is seen
        # before it is listed; what is found in it is a warning until then (see unlisted_as_warnings)
        ch = _read_chapter(root, rel, "unlisted", "", book.findings, Loc(f"chronicle/{rel}"))
        if ch:
            book.unlisted.append(ch)
    return book


UNLISTED_NOTE = "（此文件不在 book.yaml 的篇目中，不进入志书，暂列为警告；列入篇目之前须改正）"


def unlisted_as_warnings(book: Book | None, findings: list[Finding]) -> None:
    """An error found in a file the outline does not list cannot reach the book or the site: shown as a warning,
    saying so, so that it neither stops a build nor goes unseen."""
    files = {ch.path for ch in book.unlisted} if book is not None else set()
    for f in findings:
        if f.loc.file in files and f.severity == "error" and not f.message.endswith(UNLISTED_NOTE):
            f.severity = "warning"
            f.message += UNLISTED_NOTE
