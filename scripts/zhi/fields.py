"""Typed reading of one YAML mapping, reporting schema findings at the right line.

Each record kind's reader asks for its keys through ``Fields``; whatever is
missing, of the wrong type or unknown becomes a finding (never an exception),
so that one bad value does not hide the rest of the file.
"""

from __future__ import annotations

import re

from .classification import PUBLIC, ClassificationError, Level, comment_level, highest, parse_level
from .dates import UNKNOWN_WORDS, Date, DateError, parse_date
from .fieldwords import PLACEHOLDER_RE, did_you_mean, key_label, key_tip, words_flaw
from .findings import Finding, Loc
from .invisible import quote
from .model import (
    Citation,
    Ref,
    Staffing,
    Typed,
)
from .rawhtml import has_markup
from .staffingfields import StaffingReader
from .yamlsource import LList, LMap

# ``declassified``: the date the level was lifted, then the decision it was lifted by (2015-06 依据测保〔2015〕3号)
DECLASSIFIED = re.compile(r"^\s*(\d{4}(?:[-./]\d{1,2}){0,2}|\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?)\s*[，,；;：:、]?\s*(.*)$",
                          re.DOTALL)
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
# ids become page names (jigou/<id>/): these would replace a section's own page, the 404 page or a site file
RESERVED_IDS = {"index", "readme", "404", "search", "sitemap", "assets", "tags"}
RESERVED_SUFFIXES = (".html", ".htm", ".md", ".xml", ".json", ".js", ".css", ".gz", ".txt", ".pdf", ".docx")


def id_problem(v: str) -> str:
    """Why ``v`` cannot be an id (Chinese, for the editor), or "" when it can."""
    if not ID_RE.match(v):
        return f"编号“{v}”只能由英文字母、数字和 - _ . 组成，且以字母或数字开头（如 xian-caizhengju）"
    low = v.lower()
    if low in RESERVED_IDS or low.split(".", 1)[0] in RESERVED_IDS or low.endswith(RESERVED_SUFFIXES):
        return (f"编号“{v}”与网站的页面名或文件名相同（index、404、search、sitemap、assets、README，"
                f"或以 .html、.md 等结尾），会顶替网站自己的页面；请换一个，如 {low.split('.', 1)[0]}-1")
    return ""
# the lists of a record's parts, each part reading its own level: the key and what a part is called
PART_LISTS = {"units": "内设机构", "names": "名称"}


def _beside(items: LList, line: int) -> list[int]:
    """The items of a list a comment at ``line`` may speak of: the one whose lines hold it, else the one above it
    and the one below."""
    spans = [(items.line_of(i), max(getattr(it, "last", 0), items.line_of(i))) for i, it in enumerate(items)]
    inside = [i for i, (a, b) in enumerate(spans) if a <= line <= b]
    if inside:
        return inside[:1]
    above = [i for i, (_, b) in enumerate(spans) if b < line]
    below = [i for i, (a, _) in enumerate(spans) if a > line]
    return above[-1:] + below[:1]


def _item_name(item: object) -> str:
    return str(item.get("name", "") if isinstance(item, LMap) else item).strip() or "（无名称）"


def _part_level(data: LMap, line: int) -> Level:
    """The level of the innermost part of a record (a 内设机构, a name) whose lines hold ``line`` and which writes its
    own ``classification``: a comment inside a secret unit (``classification: 秘密  # 原件标秘密``) speaks of it."""
    best = PUBLIC
    items = list(data.values()) if isinstance(data, LMap) else list(data) if isinstance(data, LList) else []
    for v in items:
        if isinstance(v, (LMap, LList)) and v.line <= line <= max(v.last, v.line):
            if isinstance(v, LMap) and "classification" in v:
                try:
                    best = parse_level(v["classification"])
                except ClassificationError:
                    best = Level("绝密")
            inner = _part_level(v, line)
            return inner if inner.rank else best
    return best


# `date: 见于来源`: a fact the source states with no date of its own (“下辖五个专业小组”), known only as of the source's
# date; the record takes its first source's date, never one the editor makes up
SOURCE_DATED = ("见于来源", "据来源")


class Fields:
    """The keys of one mapping, read typed. Every text read (unless the getter is told it does not print: an id,
    a path, a value from a fixed list) is kept in ``typed``, shared with the ``nested`` parts of the same record
    (its 内设机构, names, sources, new bodies): the loader hands the list to the record, and the secrecy checks
    read it, so a key added to a record kind is checked without being listed a second time."""

    def __init__(self, data: LMap, rel: str, findings: list[Finding], what: str, allowed: set[str],
                 hint: str = "", typed: list[Typed] | None = None, part: str = ""):
        self.data, self.rel, self.findings, self.what = data, rel, findings, what
        self.nested_in = typed is not None
        self.typed: list[Typed] = typed if typed is not None else []
        self.part, self.doc = part, ""
        self.source_dated = False   # `date: 见于来源`: the record's date is its source's (the loader gives it)
        self._own: Level | None = None    # the part's own level, once read (``level``)
        self.declassified_from: Level | None = None   # the original's level, lifted (``_declassified``)
        self._mine: list[Typed] = []
        for key in data:
            if key not in allowed:
                self.error("schema-unknown-key", f"{what}中有未知的键{quote(key, True)}。{key_tip(key, allowed)}{hint}", key)
        self._in_parts: set[int] = set() if typed is not None else self._hold_parts_commented()

    def _hold_parts_commented(self) -> set[int]:
        """A comment speaking of a level (``# 秘密``) inside a list of a record's parts (its 内设机构, its names),
        above the record's own and the part's: zhi cannot tell which part it speaks of. Fail closed on the parts beside
        it (the one it stands in, else the one above and the one below): each is held at 绝密 (``held``, read by the
        part's ``level``), the record itself keeps its level, and one error at the comment's line says what zhi read and
        where to write the level instead. The lines so handled are left out of ``_comments_level``."""
        comments = getattr(self.data, "comments", ())
        if not comments:
            return set()
        try:
            own = parse_level(self.data.get("classification"))
        except ClassificationError:
            own = Level("绝密")
        handled: set[int] = set()
        for line, text in comments:
            meant = comment_level(text)
            if meant is None or meant.rank <= own.rank:
                continue
            for key, part in PART_LISTS.items():
                items = self.data.get(key)
                if not isinstance(items, LList) or not items or not (
                        items.line <= line <= max(items.last, items.line) or self._trails(items, line)):
                    continue
                if _part_level(self.data, line).rank >= meant.rank:
                    handled.add(line)
                    break
                beside = _beside(items, line)
                for i in beside:
                    item = items[i]
                    if isinstance(item, LMap):
                        item.held = Level("绝密")
                    items.held = {**getattr(items, "held", {}), i: Level("绝密")}
                names = "".join(quote(_item_name(items[i]), True) for i in beside)
                first = _item_name(items[beside[-1]]) if beside else "某某"
                self.findings.append(Finding(
                    "classification-comment", "error",
                    f"注释“# {text[:40]}”写在{self.what}的{part}列表（{key}）中，zhi 读出它说的是“{meant}”；注释不算密级，"
                    f"zhi 也分不清它说的是哪一个{part}。在改正之前，紧挨着这行注释的{part}{names}按绝密处理，任何版本都不列"
                    f"（{self.what}本身的密级不变）。若是某个{part}应为{meant.name}，请在那一项里写 classification，如：\n"
                    f"  - name: {first}\n    classification: {meant}\n"
                    f"若说的是整个{self.what}，把 classification: {meant} 写在记录的顶层（与 id 对齐）；若注释已过时，请删去这行注释",
                    Loc(self.rel, line)))
                handled.add(line)
                break
        return handled

    def nested(self, data: LMap, what: str, allowed: set[str], part: str = "") -> Fields:
        """The fields of a part of this record (a 内设机构, a name, a source, a new body): its texts are the
        record's, kept with the part's own level when it has one."""
        return Fields(data, self.rel, self.findings, what, allowed, typed=self.typed, part=part)

    def say(self, key: str, text: object, line: int | None = None, label: str = "") -> None:
        """Keep ``text``, read under ``key`` (at ``line``, else the key's), as a text an edition may print."""
        if text is None or not str(text).strip():
            return
        where = label or key_label(key)
        t = Typed(f"{self.what}的{where}" if self.nested_in else where, str(text).strip(),
                  Loc(self.rel, line if line is not None else self.data.line_of(key)), self._own, self.part, self.doc, key)
        self._mine.append(t)
        self.typed.append(t)

    # ---- positions and reporting -------------------------------------------
    def loc(self, key: str | None = None) -> Loc:
        return Loc(self.rel, self.data.line_of(key) if key else self.data.line)

    def error(self, code: str, message: str, key: str | None = None, severity: str = "error") -> None:
        self.findings.append(Finding(code, severity, message, self.loc(key)))

    def has(self, key: str) -> bool:
        return key in self.data

    def _placeholder(self, key: str, text: str, required: bool, can: str = "") -> None:
        # a required key cannot be deleted: the advice for it is to fill it in
        advice = (f"这是必填的键，请查到后填上{can}" if required
                  else f"查到后填入{can}，查不到就删去这一行（不详的事不写）")
        self.error("placeholder", f"“{key_label(key)}”写的是占位文字“{text[:30]}”，不是档案中的值；{advice}", key,
                   severity="warning")

    def _missing(self, key: str) -> None:
        self.error("schema-missing", f"{self.what}缺少必填的键“{key_label(key)}”")

    # ---- typed getters -------------------------------------------------------
    def text(self, key: str, required: bool = False, choices: tuple[str, ...] = (), printed: bool = True) -> str | None:
        """A text; kept in ``typed`` unless not ``printed`` (an id, a path, a word of a fixed list)."""
        if key not in self.data or self.data[key] is None or self.data[key] == "":
            if required:
                self._missing(key)
            return None
        v = self.data[key]
        if isinstance(v, (LMap, LList)):
            self.error("schema-type", f"“{key_label(key)}”应为一段文字，而不是{'列表' if isinstance(v, list) else '键值表'}", key)
            return None
        text = str(v).strip()
        if PLACEHOLDER_RE.search(text):
            can = f"（可写：{'、'.join(choices)}）" if choices else ""
            self._placeholder(key, text, required, can)
            return None
        if has_markup(text):
            self.error("raw-html", f"“{key_label(key)}”中含有 HTML 标记（{text[:30]}）；记录中不能写 HTML，"
                       f"请删去尖括号标记（输出时会按原文字显示，不会执行）", key)
        if printed:
            self.say(key, text)
        return text

    def wording(self, key: str = "wording", frame: bool = False) -> str | None:
        """The source's verb (``wording``), printed inside the event's sentence: a space, a full stop or a mark at
        either end would print inside it (“成 立甲”, “成立。甲”, “改建为，甲”), and an aspect particle 了 reads as
        speech, not record (成立了甲, 由32个精简为了24个), so such a wording is refused. ``frame``: “…” may stand for
        the other party's name (a reparent's 划归…领导, a split's 析…南部)."""
        v = self.text(key)
        if not v:
            return None
        if bad := words_flaw(v):
            self.error("schema-value", f"“{key_label(key)}”{quote(v, True)}中有{quote(bad, True)}：用词印在事件的句子里，"
                       "中间不能有空格和句号、分号、问号、叹号，两头不能有逗号、顿号、冒号；请只写来源所用的词，如 成立、代管、改建为", key)
            return None
        if latin := re.search(r"[A-Za-z0-9０-９Ａ-Ｚａ-ｚ]+", v):   # 拟 mistyped as plan, a number in a verb
            self.error("schema-value", f"“{key_label(key)}”“{v}”中有“{latin.group(0)}”：用词是来源原文的汉字，印在"
                       "事件的句子里；数字另有键（count、before_count），请只写来源所用的词", key)
            return None
        if "了" in v:
            rest = v.replace("了", "")
            self.error("schema-value", f"“{key_label(key)}”“{v}”中有“了”：志书记事不用表示完成的“了”（不印“成立了甲”"
                       f"“由32个精简为了24个”），请去掉“了”" + (f"，写成“{rest}”" if rest else "，或删去 wording"), key)
            return None
        if frame:  # the other party's name written “……”, “...” or “⋯” is the one “…” of the forms
            v = re.sub(r"…+|\.{2,}|⋯+", "…", v)
        elif "…" in v:
            self.error("schema-value", f"“{key_label(key)}”“{v}”中有“…”：只有隶属变更、分设的用词可用“…”代表另一方的名称"
                       "（如 划归…领导、析…南部）；这里请只写来源所用的词", key)
            return None
        return v

    def choice(self, key: str, allowed: tuple[str, ...], aliases: dict[str, str] | None = None, what: str = "",
               required: bool = False) -> str | None:
        """A value from a fixed list; anything else is refused with the closest allowed value suggested."""
        v = self.text(key, required, allowed, printed=False)
        if v is None:
            return None
        v = (aliases or {}).get(v, v)
        if v in allowed:
            return v
        tip = did_you_mean(v, allowed)
        self.error("schema-value", f"“{key_label(key)}”的值{quote(v, True)}不在{what or '可用的值'}之列。{tip}"
                   f"可用：{'、'.join(allowed)}（见编辑指南）", key)
        return None

    def ident(self, key: str = "id", required: bool = True) -> str | None:
        v = self.text(key, required, printed=False)
        if v is not None and id_problem(v):
            self.error("id-invalid", id_problem(v), key)
            return None
        return v

    def date(self, key: str, required: bool = False) -> Date | None:
        if key not in self.data or self.data[key] is None or self.data[key] == "":
            if required:
                self._missing(key)
            return None
        if key == "date" and isinstance(self.data[key], str) and self.data[key].strip() in SOURCE_DATED:
            self.source_dated = True   # 下辖五个专业小组, said with no date: known as of the source's date
            return None
        if isinstance(self.data[key], str) and PLACEHOLDER_RE.search(self.data[key]):
            self._placeholder(key, self.data[key].strip(), required, "（如 1984、1984-03 或 1984-03-12）")
            return None
        try:
            return parse_date(self.data[key])
        except DateError as e:
            self.error("date-invalid", f"“{key_label(key)}”：{e}", key)
            return None

    def dates(self, key: str) -> list[Date]:
        """One date or a list of dates (a person seen in office on several days)."""
        v = self.data.get(key)
        items = list(v) if isinstance(v, list) else [] if v is None or v == "" else [v]
        out = []
        for item in items:
            try:
                out.append(parse_date(item))
            except DateError as e:
                self.error("date-invalid", f"“{key_label(key)}”：{e}", key)
        return out

    def date_or_unknown(self, key: str, required: bool = False) -> tuple[Date | None, bool]:
        """A date that the sources may not give: (None, True) for 不详 (or ？), else (date or None, False)."""
        v = self.data.get(key)
        if isinstance(v, str) and v.strip() in UNKNOWN_WORDS:
            return None, True
        return self.date(key, required), False

    def level(self) -> Level:
        if "classification" in self.data and self.data["classification"] in (None, ""):
            # the key is there but says nothing: an editor who started to mark a record must not publish it
            self.error("classification-invalid", "“classification（密级）”写了键却没有写密级；请写上 公开、内部、秘密、机密、绝密"
                       "之一，或删去这一行（不写就是公开）。在改正之前按绝密处理", "classification")
            return self._owned(Level("绝密"))
        try:
            level = parse_level(self.data.get("classification"))
        except ClassificationError as e:
            self.error("classification-invalid", str(e), "classification")
            # an unreadable mark must never make a record public: treat it as the highest level
            level = Level("绝密")
        if not self.nested_in:
            level = self._declassified(level)
            level = self._comments_level(level)
        elif isinstance(getattr(self.data, "held", None), Level):   # beside a comment zhi cannot place
            level = highest([level, self.data.held])
        return self._owned(level)

    def _declassified(self, level: Level) -> Level:
        """A record whose original was marked at a level it no longer holds (解密): ``original_classification``
        (原密级, as the original was marked) and ``declassified`` (解密: when, and by what decision). Both, and a
        level below the original's: the original's marks in the record's comments and full text are then what the
        record says was lifted (``declassified_from``). Anything less is refused (``declassified-invalid``) and the
        record is held at the original's level, or at 绝密 when that cannot be read (fail closed)."""
        self.declassified_from = None
        keys = [k for k in ("original_classification", "declassified") if k in self.data]
        if not keys:
            return level
        raw = self.data.get("original_classification")
        try:
            original = parse_level(raw) if raw not in (None, "") else None
        except ClassificationError:
            original = None
        said = str(self.data.get("declassified") or "").strip()
        m = DECLASSIFIED.match(said)
        when = None
        if m:
            try:
                when = parse_date(m.group(1))
            except DateError:
                when = None
        problem = ""
        if original is None:
            problem = (f"“original_classification（原密级）”{'没有写' if raw in (None, '') else quote(str(raw), True) + '无法识别'}；"
                       f"请照原件写上原来所标的密级，如 original_classification: 秘密★10年")
        elif original.rank <= level.rank:
            problem = (f"“original_classification（原密级）”是“{original}”，不高于记录现在的密级“{level}”，谈不上解密；"
                       f"记录仍是{original.name}的，删去 original_classification 和 declassified 两行")
        elif when is None or not m.group(2).strip(" ，,；;：:、"):
            problem = (f"“declassified（解密）”{quote(said, True) if said else '没有写'}：须先写解密的日期、再写依据，如"
                       f" declassified: 2015-06 依据县保密委员会测保〔2015〕3号；日期和依据都要照解密的文件写")
        if problem:
            self.error("declassified-invalid", f"{problem}。在改正之前这条{self.what}记录按"
                       f"{'原密级' + original.name if original else '绝密'}处理",
                       "declassified" if original is not None and "declassified" in self.data
                       else "original_classification")
            return highest([level, original or Level("绝密")])
        self.declassified_from = original
        return level

    def _trails(self, items: LList, line: int) -> bool:
        """A comment after a list's last item, indented as deep as its items' “- ” at least, before the record's next
        key: it stands in the list (``# 秘密`` under the last 内设机构)."""
        lines = getattr(self.data, "source_lines", [])
        nxt = min((n for n in getattr(self.data, "key_lines", {}).values() if n > items.line), default=None)
        if line <= max(items.last, items.line) or (nxt is not None and line >= nxt) or not 0 < line <= len(lines):
            return False

        def indent(n: int) -> int:
            t = lines[n - 1] if 0 < n <= len(lines) else ""
            return len(t) - len(t.lstrip(" \t"))
        return not any(lines[n - 1].strip() for n in range(max(items.last, items.line) + 1, line)
                       if not lines[n - 1].lstrip().startswith("#")) and indent(line) >= indent(items.line_of(0))

    def _comments_level(self, level: Level) -> Level:
        """A comment of the record's file that speaks of a level above the record's own (``# classification: 秘密``
        left after the key was deleted, the importer's ``# 原文密级标志：秘密★10年`` over a lowered level, ``# 此件不公开``
        on a public record): the editor meant the record to be held, so it is, at the highest level, until the
        editor writes the level in ``classification`` or deletes the comment."""
        said = f"的 classification 是“{level}”" if "classification" in self.data else "没有写 classification（即公开）"
        held = level
        for line, text in getattr(self.data, "comments", ()):
            meant = comment_level(text)
            if meant is None or line in self._in_parts \
                    or meant.rank <= max(level.rank, _part_level(self.data, line).rank):
                continue
            if self.declassified_from is not None and meant.rank <= self.declassified_from.rank:
                continue   # the original's mark, on a record that says it was lifted
            self.findings.append(Finding(
                "classification-comment", "error",
                f"注释“# {text[:40]}”说的是“{meant}”，而这条{self.what}记录{said}；注释不算密级，"
                f"在改正之前这条记录按绝密处理，任何版本都不收。若这条记录确应是{meant}，请把密级写在 classification 中"
                f"（如 classification: {meant}）；若注释已过时（已解密、已核定为{level}），请删去这行注释"
                + (f"。原件已经解密、注释说的是原件所标的密级的，请在记录里写上 original_classification: {meant} 和 "
                   f"declassified: 解密日期 依据（如 declassified: 2015-06 依据测保〔2015〕3号），注释可以留着，见编辑指南"
                   f"“文件”一页“已解密的文件”" if "解密" in text else ""),
                Loc(self.rel, line)))
            held = Level("绝密")
        return held

    def _owned(self, level: Level) -> Level:
        """The part's own level, given to the texts it holds (read before it, and after)."""
        self._own = level
        for t in self._mine:
            t.level = level
        return level

    def text_list(self, key: str, list_only: bool = False, printed: bool = True) -> list[str]:
        """A list of texts; one text alone is taken as a list of one, unless ``list_only`` (a field whose items
        each print as their own line, where a text written as one line is a slip: refused with the list form).
        Each is kept in ``typed`` with its line unless not ``printed`` (paths)."""
        v = self.data.get(key)
        if v is None or v == "":
            return []
        if list_only and not isinstance(v, (LList, LMap)):
            items = [x.strip() for x in re.split(r"[；;。\n]+", str(v)) if x.strip()] or [str(v).strip()]
            shown = "\n".join(f"  - {x}" for x in items[:3]) + ("\n  - ……" if len(items) > 3 else "")
            self.error("schema-type", f"“{key_label(key)}”应为列表，每一项一行、以“- ”开头，而不是一段文字"
                       f"“{str(v).strip()[:30]}”。是否应写作：\n{key}:\n{shown}", key)
            return []
        if isinstance(v, LList):
            out = []
            for i, item in enumerate(v):
                if isinstance(item, (LMap, LList)) or item is None:
                    self.findings.append(Finding("schema-type", "error", f"“{key_label(key)}”的每一项应为一段文字",
                                                 Loc(self.rel, v.line_of(i))))
                elif PLACEHOLDER_RE.search(str(item)):   # （待填） is no value: never printed
                    self.findings.append(Finding(
                        "placeholder", "warning", f"“{key_label(key)}”的一项写的是占位文字“{str(item).strip()[:30]}”，"
                        "不是档案中的值；查到后填入，查不到就删去这一项（不详的事不写）", Loc(self.rel, v.line_of(i))))
                else:
                    out.append(str(item).strip())
                    if printed:
                        self.say(key, item, v.line_of(i))
            return out
        if isinstance(v, LMap):
            self.error("schema-type", f"“{key_label(key)}”应为文字列表", key)
            return []
        if PLACEHOLDER_RE.search(str(v)):
            self._placeholder(key, str(v).strip(), False)
            return []
        if printed:
            self.say(key, v)
        return [str(v).strip()]

    def ref(self, key: str, required: bool = False) -> Ref | None:
        if key not in self.data or self.data[key] is None or self.data[key] == "":
            if required:
                self._missing(key)
            return None
        return self.ref_value(self.data[key], self.data.line_of(key), key)

    def ref_value(self, v: object, line: int, key: str) -> Ref | None:
        loc = Loc(self.rel, line)
        if isinstance(v, LMap):
            extra = set(v) - {"id", "as"}
            if extra or "id" not in v:
                self.findings.append(Finding("schema-type", "error",
                                             f"“{key_label(key)}”的引用应写作编号，或写作 {{id: 编号, as: 原文称谓}}",
                                             Loc(self.rel, v.line)))
                return None
            rid = str(v["id"]).strip()
            as_name = str(v["as"]).strip() if v.get("as") not in (None, "") else None
            self.say(key, as_name, v.line_of("as") if as_name else None, f"{key_label(key)}的{key_label('as')}")
            return Ref(rid, Loc(self.rel, v.line), as_name)
        if isinstance(v, LList):
            self.findings.append(Finding("schema-type", "error", f"“{key_label(key)}”只能引用一个编号，而不是列表", loc))
            return None
        return Ref(str(v).strip(), loc)

    def refs(self, key: str) -> list[Ref]:
        v = self.data.get(key)
        if v is None or v == "":
            return []
        if isinstance(v, LList):
            out = []
            for i, item in enumerate(v):
                r = self.ref_value(item, v.line_of(i), key)
                if r:
                    out.append(r)
            return out
        r = self.ref_value(v, self.data.line_of(key), key)
        return [r] if r else []

    def mapping(self, key: str) -> LMap | None:
        v = self.data.get(key)
        if v is None:
            return None
        if not isinstance(v, LMap):
            self.error("schema-type", f"“{key_label(key)}”应为键值表（每行“键: 值”）", key)
            return None
        return v

    # ---- parts several record kinds share -----------------------------------------
    def citations(self, required: bool = False, staffing: bool = False) -> list[Citation]:
        """``sources``: document ids, or {doc:, page:, section:, date:, note:, figures:, name:, decided:} each."""
        f = self
        v = f.data.get("sources")
        if v is None or v == "":
            return []
        items = list(enumerate(v)) if isinstance(v, LList) else [(None, v)]
        out: list[Citation] = []
        for i, item in items:
            line = v.line_of(i) if i is not None else f.data.line_of("sources")
            if isinstance(item, LMap):
                cf = f.nested(item, "来源", {"doc", "date", "page", "section", "note", "figures", "name",
                                                      "decided"})
                doc = cf.text("doc", True, printed=False)
                if doc:   # what a source says is as secret as the source
                    cf.part, cf.doc = f"引{doc}", doc
                    page = cf.text("page")
                    out.append(Citation(doc, Loc(f.rel, item.line), cf.date("date"), page, cf.text("note") or "",
                                        cf.staffing("figures"), (cf.text("name") or "").strip() or None,
                                        cf.date("decided"), cf.text("section") or None))
            elif isinstance(item, LList) or item is None:
                self.findings.append(Finding("schema-type", "error", "“sources（来源）”的每一项应为文件编号，或 {doc: 编号, …}",
                                             Loc(f.rel, line)))
            else:
                out.append(Citation(str(item).strip(), Loc(f.rel, line)))
        return out

    def staffing(self, key: str, required: bool = False) -> Staffing | None:
        """A staffing mapping ({行政编制: 8, 领导职数: {正科级: 1}}) under ``key``: read by ``StaffingReader``."""
        if key not in self.data:
            if required:
                self._missing(key)
            return None
        m = self.mapping(key)
        return None if m is None else StaffingReader(self, key, m).read()


def as_record_map(item: object, rel: str, line: int, findings: list[Finding], what: str) -> LMap | None:
    if isinstance(item, LMap):
        return item
    findings.append(Finding("schema-type", "error",
                            f"这里应是一条{what}记录（若干行“键: 值”），而不是{'列表' if isinstance(item, list) else '单独的文字'}",
                            Loc(rel, line)))
    return None


__all__ = ["ID_RE", "PUBLIC", "Fields", "as_record_map"]


def archive_prefix(ids, default: str) -> str:
    """The prefix most of the archive's ids of one kind start with (doc- in doc-lb-1988-9), when most share
    one; else ``default``. New ids (zhi new, zhi import) follow it."""
    from collections import Counter

    heads = Counter(i.split("-", 1)[0] for i in ids if "-" in i)
    if heads:
        head, n = heads.most_common(1)[0]
        if n * 2 >= sum(heads.values()):
            return head
    return default
