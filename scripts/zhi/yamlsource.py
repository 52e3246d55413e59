"""Read YAML files keeping the line of every mapping, key and list item.

PyYAML's composer gives each node its position; we turn the node tree into
plain values (dict subclasses and list subclasses that carry lines). Dates
stay text (the archive's own date parser reads them), duplicate keys are
reported instead of silently overwritten, and syntax errors become Chinese
findings at the line PyYAML points to.
"""

from __future__ import annotations

import re
from typing import Self

import yaml

from .findings import Finding, Loc
from .invisible import quote


class LMap(dict):
    """A mapping with the line it starts on and the line of each key."""

    line: int = 0
    last: int = 0   # the last line holding any of its text
    key_lines: dict
    comments: tuple = ()   # (line, text) of the comments of the file that belong to this record (loader)

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LList(list):
    line: int = 0
    last: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class TypedFloat(float):
    """A number YAML read as a float, with the text as typed (1958.10 stays "1958.10" for messages)."""

    source: str

    def __new__(cls, value: float, source: str) -> Self:
        f = super().__new__(cls, value)
        f.source = source
        return f


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text and only reads true/false as booleans."""


# Drop the timestamp and YAML 1.1 yes/no/on/off booleans: an editor's 1984-03-12 stays text,
# and a Chinese text never turns into a boolean.
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))

if getattr(yaml, "__with_libyaml__", False):
    class _FastLoader(yaml.CSafeLoader):
        """The same loader on libyaml's parser, about six times faster. Used for files that parse cleanly;
        a file with an error is parsed again by the pure-Python loader, whose messages and lines we report."""

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
else:  # pragma: no cover - PyYAML without libyaml
    _FastLoader = None

_HINTS = [
    ("found character '\\t'", "这里是制表符（Tab），YAML 只认空格；请把 Tab 换成空格（缩进每层两个空格）"),
    ("did not find expected key", "缩进不一致：同一条记录的键须左对齐（与上面的键对齐），列表的“- ”也须左对齐"),
    ("did not find expected '-' indicator", "列表项的缩进不一致：同一列表的“- ”须左对齐"),
    ("found undefined alias", "“*”开头的文字被当作了别名（*名称），而文件里没有这个别名；这段文字请用引号括起，如 \"*某某\""),
    ("expected <block end>, but found", ("这一行的缩进与同一层的其他行不一致，或这一行多出了内容；同一层的键须左对齐，"
                                        "列表的“- ”也须左对齐")),
    ("found unknown escape character", "双引号文字中有无效的反斜杠“\\”转义；请改用单引号括起，或把“\\”写成“\\\\”"),
    ("found unexpected end of stream", "文件在引号或括号闭合之前就结束了；请补上缺的引号或括号"),
]


def _control_char(e: yaml.YAMLError) -> str:
    """The character the reader refused, as its code (U+0007), or “控制字符” when the error does not say."""
    ch = getattr(e, "character", None)
    return f"U+{ord(ch):04X}" if isinstance(ch, str) and len(ch) == 1 else "控制字符"


def _hint(problem: str) -> str:
    for needle, hint in _HINTS:
        if needle in problem:
            return hint
    return "YAML 读不懂这里；请检查这一行及上一行的缩进（只用空格，同一层左对齐）、冒号（“键: 值”，冒号后一个空格）和引号、括号是否成对"


_KEY_LINE = re.compile(r"^(\s*(?:-\s+)?)[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff-]*:(?:\s|$)")


def _explain(e: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, int, str]:
    """The 1-based line and column an editor should look at and what to write there, in Chinese: the common slips
    (Tab, an unclosed quote or bracket, a line indented differently, a colon without its space) told where they
    are — an unclosed quote where it opens, not at the end of the file where the parser noticed."""
    problem, context = e.problem or "", e.context or ""
    mark = e.problem_mark or e.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    opened = e.context_mark
    if context.startswith("while scanning a quoted scalar") and opened is not None:
        q = lines[opened.line][opened.column] if opened.line < len(lines) and opened.column < len(lines[opened.line]) \
            else "\""
        which = "双引号" if q == "\"" else "单引号"
        return (opened.line + 1, opened.column + 1,
                (f"这里开头的{which} {q} 一直没有闭合；请在这段文字末尾补上 {q}（文字里本身要有 {q} 的，改用另一种引号括起），"
                f"或删去开头的 {q}"))
    if context.startswith(("while parsing a flow sequence", "while parsing a flow mapping")) and opened is not None:
        o, c = ("[", "]") if "sequence" in context else ("{", "}")
        return (opened.line + 1, opened.column + 1,
                f"这里开头的“{o}”没有闭合，或其中两项之间少了逗号；请写成 {o}甲, 乙{c}（各项用英文逗号加空格隔开，末尾补上“{c}”）")
    if "mapping values are not allowed here" in problem and 0 < line <= len(lines):
        here = _KEY_LINE.match(lines[line - 1])
        above = next((lines[n] for n in range(line - 2, -1, -1) if lines[n].strip() and not lines[n].lstrip().startswith("#")),
                     "")
        prev = _KEY_LINE.match(above)
        if here and prev and len(here.group(1)) > len(prev.group(1)) and not above.rstrip().endswith(":"):
            return (line, len(here.group(1)) + 1,
                    (f"这一行比上一行多缩进了 {len(here.group(1)) - len(prev.group(1))} 格；同一条记录的键须左对齐，"
                    "请删去多出的空格，与上一行的键对齐"))
        return (line, col, ("文字里有英文冒号加空格“: ”，YAML 把它当作了又一个键；请把整段文字用引号括起，"
                           "如 note: \"见: 某文\"，或把冒号改为中文冒号“：”"))
    if "could not find expected ':'" in problem and 0 < line <= len(lines):
        for n in range(line - 1, max(line - 4, 0) - 1, -1):
            text = lines[n]
            if text.strip() and not text.lstrip().startswith(("#", "- ")) and ":" not in text:
                return (n + 1, len(text) - len(text.lstrip()) + 1,
                        f"这一行“{text.strip()[:20]}”不是“键: 值”的写法，缺少冒号；请写成“键: 值”（英文冒号后一个空格）")
        return line, col, "这一行缺少“键: 值”中的冒号，或上面的引号没有闭合；请写成“键: 值”（英文冒号后一个空格）"
    return line, col, _hint(problem + " " + context)


# a key written with a full-width colon ("名称：县委") is read as plain text, so the parser stumbles only on the
# next line; the editor's slip is on the line with the "："
_WIDE_COLON_KEY = re.compile(r"^\s*(?:-\s+)?[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff-]*\s*：")
WIDE_COLON = "键后用了中文冒号“：”；请改为英文冒号加空格“: ”"


def _wide_colon_line(text: str, line: int) -> int:
    """The 1-based line, at or up to three lines before ``line``, whose key ends in a full-width colon; 0 if none."""
    lines = text.split("\n")
    for n in range(min(line, len(lines)), max(line - 4, 0), -1):
        if _WIDE_COLON_KEY.match(lines[n - 1]):
            return n
    return 0


# a key whose colon is followed by a blank YAML does not count as one (a full-width space, a no-break space) or by
# no blank at all ("wording:　建立", "wording:建立"): the line is read as plain text and the parser stumbles on the next
_COLON_SLIP = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff-]*):"
                         r"([\u3000\u00a0\u1680\u2000-\u200b\u202f\u205f\ufeff]+|(?=[^\s]))(.*)$")


def _colon_slip(text: str, line: int) -> tuple[int, str]:
    """The 1-based line (at or up to three before ``line``) whose key's colon is not followed by a plain space, and
    what to do about it; (0, "") if none."""
    lines = text.split("\n")
    for n in range(min(line, len(lines)), max(line - 4, 0), -1):
        m = _COLON_SLIP.match(lines[n - 1])
        if m:
            key, blank, value = m.group(2), m.group(3), m.group(4).strip()
            after = f"是{quote(blank, True)}，不是普通的半角空格" if blank else "没有空格"
            return n, f"“{key}:”后面{after}，YAML 读不出这个键；请改成英文冒号加一个半角空格：“{key}: {value[:20]}”"
    return 0, ""


# a value an editor types that begins with a character YAML reads as syntax: > | block text, * alias, & anchor,
# ! tag, % @ ` reserved, ? complex key, "- " list item, # comment
_SPECIAL_VALUE = re.compile(r"^\s*(?:-\s+)?[^\s:#][^:#]*?:\s+([>|*&!%@`]|\?\s|-\s|#\S)")


def special_value(line_text: str) -> str:
    """The YAML-special first character of the value on this line (“>”, “*”, “- ” …), or ""."""
    m = _SPECIAL_VALUE.match(line_text)
    return m.group(1).strip()[:1] if m else ""


# a level is never written through YAML's anchors and aliases: quoting "&lvl 秘密" (the fix for other values) would
# make it an unreadable level, and an alias reads a level from somewhere else in the file
LEVEL_ALIAS = ("密级不能用 YAML 的锚点或别名（“&名称”“*名称”）来写，zhi 不按锚点、别名定密级，也不要给它加引号"
               "（加了引号就是一个无法识别的密级）；请照原件直接写出密级，如 classification: 秘密"
               "（可写：公开、内部、秘密、机密、绝密，国家秘密可带保密期限，如“秘密★10年”）")


def special_message(char: str, line_text: str) -> str:
    value = line_text.split(":", 1)[1].strip() if ":" in line_text else ""
    key = line_text.split(":", 1)[0].strip().removeprefix("- ").strip()
    if key == "classification" and char in ("&", "*"):
        return f"值“{value[:20]}”以“{char}”开头，YAML 把它读作{'锚点' if char == '&' else '别名'}；{LEVEL_ALIAS}"
    return (f"值“{value[:20]}”以“{char}”开头，YAML 把“{char}”当作特殊符号（不当作文字），这一项读不对；"
            f"请给整个值加双引号，如 {key}: \"{value[:20]}\"")


def _special_near(text: str, line: int) -> tuple[int, str]:
    """The line (at or up to two before ``line``) whose value begins with a YAML-special character."""
    lines = text.split("\n")
    for n in range(min(line, len(lines)), max(line - 3, 0), -1):
        char = special_value(lines[n - 1])
        if char:
            return n, special_message(char, lines[n - 1])
    return 0, ""


class _TooLarge(Exception):
    """Aliases (``*名称``) or merge keys (``<<``) would expand the file far beyond its own size."""


class _MergeKey(Exception):
    """A merge key (``<<: *名称``): not allowed in a record file; ``line`` is where it stands."""

    def __init__(self, line: int):
        super().__init__(line)
        self.line = line


MERGE_KEY = ("这一行用了合并键（<<），记录文件里不允许使用合并键，文件未能读入；"
             "请删去“<<: *名称”这一行，把要合并的内容（如 classification、sources）逐项直接写在这条记录里")

TOO_LARGE = ("文件中的别名（&名称 / *名称）或合并键（<<）展开后远远大于文件本身，文件未能读入；"
             "记录文件里不需要别名：请把别名处直接写成要写的内容")


class YamlFile:
    """The parsed content of one YAML file, or the findings that stopped it."""

    def __init__(self, rel: str, text: str):
        self.rel = rel
        self.data: object = None
        self.findings: list[Finding] = []
        # a file of n characters holds fewer than n values; only aliases make more (a 700-byte "alias bomb"
        # would make billions): past this budget the file is refused
        self._budget = 10 * len(text) + 1000
        self._nodes = 0
        self._text = text.removeprefix("\ufeff")
        self._lines = self._text.split("\n")
        self._spans: list[tuple[int, int, int, int]] = []   # every scalar: 0-based start line, column, end line, column
        self._last = 0
        self._read(text)

    def _read(self, text: str) -> None:
        text = text.removeprefix("\ufeff")
        if _FastLoader is not None and not yaml.reader.Reader.NON_PRINTABLE.search(text):
            loader = _FastLoader(text)
            try:
                node = loader.get_single_node()
                self.data = self._convert(node, loader) if node is not None else None
                return
            except _TooLarge:
                self.data = None
                self.findings = [Finding("yaml-syntax", "error", TOO_LARGE, Loc(self.rel, 1))]
                return
            except _MergeKey as e:
                self.data = None
                self.findings = [Finding("yaml-syntax", "error", MERGE_KEY, Loc(self.rel, e.line))]
                return
            except (yaml.YAMLError, RecursionError):
                self.findings = []   # read again below, for the pure-Python parser's messages and lines
            finally:
                loader.dispose()
        try:
            loader = _Loader(text)
        except yaml.YAMLError as e:  # the reader refuses control characters before parsing starts
            pos = getattr(e, "position", None)
            line = text[:pos].count("\n") + 1 if isinstance(pos, int) else 0
            self.findings.append(Finding("yaml-syntax", "error",
                                         f"这一行有不可见的控制字符（{_control_char(e)}），文件无法读取；请删去该字符"
                                         "（从别处复制来的文字常带这类字符，可在编辑器里删去后重新输入这几个字）",
                                         Loc(self.rel, line)))
            return
        try:
            node = loader.get_single_node()
            self.data = self._convert(node, loader) if node is not None else None
        except yaml.MarkedYAMLError as e:
            mark = e.problem_mark or e.context_mark
            at = mark.line + 1 if mark else 0
            line, col, hint = _explain(e, text.split("\n"))
            wide = _wide_colon_line(text, at)
            slip, slip_hint = _colon_slip(text, at)
            special, special_hint = _special_near(text, at)
            if wide:
                line, col, hint = wide, 0, WIDE_COLON
            elif slip:
                line, col, hint = slip, 0, slip_hint
            elif special:
                line, col, hint = special, 0, special_hint
            where = f"第 {line} 行第 {col} 列" if col else f"第 {line} 行"
            self.findings.append(Finding(
                "yaml-syntax", "error", f"YAML 语法错误，文件未能读入（{where}）：{hint}", Loc(self.rel, line)))
        except yaml.YAMLError:  # reader errors: bad characters
            self.findings.append(Finding("yaml-syntax", "error",
                                         "文件里有 YAML 不能读的字符，无法读入；请检查文件是否为 UTF-8 编码的文字文件，"
                                         "删去其中的不可见字符", Loc(self.rel, 0)))
        except RecursionError:
            self.findings.append(Finding("yaml-syntax", "error", "文件嵌套层次过深，无法读取", Loc(self.rel, 0)))
        except _TooLarge:
            self.data = None
            self.findings = [Finding("yaml-syntax", "error", TOO_LARGE, Loc(self.rel, 1))]
        except _MergeKey as e:
            self.data = None
            self.findings = [Finding("yaml-syntax", "error", MERGE_KEY, Loc(self.rel, e.line))]
        finally:
            loader.dispose()

    def comments(self) -> list[tuple[int, str]]:
        """The comments of the file, as (1-based line, text after the “#”): a “#” at the start of a line or after a
        blank, outside every scalar (a “#” inside quoted text or a block of text | > is text, not a comment)."""
        inside: dict[int, list[tuple[int, int]]] = {}   # line → column ranges covered by a scalar
        for sl, sc, el, ec in self._spans:
            for n in range(sl, el + 1):
                inside.setdefault(n, []).append((sc if n == sl else 0, ec if n == el else 1 << 30))
        out = []
        for n, text in enumerate(self._lines):
            if "#" not in text:
                continue
            for p, ch in enumerate(text):
                if ch == "#" and (p == 0 or text[p - 1] in " \t") \
                        and not any(a <= p < b for a, b in inside.get(n, ())):
                    out.append((n + 1, text[p + 1:].strip()))
                    break
        return out

    def _silent_special(self, k_node: yaml.Node, v_node: yaml.Node) -> None:
        """A value that parses but not as written: “&名称 …” (an anchor, dropped), “!… ” (a tag), “#1960” (a
        comment: the key is left empty). Refused, so that no record silently loses what the editor typed."""
        if not isinstance(v_node, yaml.ScalarNode) or v_node.style:
            return
        n = k_node.start_mark.line
        text = self._lines[n] if n < len(self._lines) else ""
        char = special_value(text)
        if char in ("&", "!") or (char == "#" and v_node.value == ""):
            self.findings.append(Finding("yaml-syntax", "error", special_message(char, text), Loc(self.rel, n + 1)))

    def _level_by_alias(self, k_node: yaml.Node, v_node: yaml.Node) -> str:
        """“*” when a value is an alias (its node stands before its key), “&” when it carries an anchor, else ""."""
        if v_node.start_mark.index < k_node.end_mark.index:
            return "*"
        head = self._text[v_node.start_mark.index:v_node.start_mark.index + 200]
        return "&" if re.match(r"(?:![^\s]*\s+)?&", head) else ""

    def _convert(self, node: yaml.Node, loader: _Loader, depth: int = 0) -> object:
        if depth > 60:
            raise RecursionError
        self._nodes += 1
        if self._nodes > self._budget:
            raise _TooLarge
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            m = LMap()
            m.line, m.key_lines = line, {}
            for k, _ in node.value:
                if k.tag == "tag:yaml.org,2002:merge":
                    raise _MergeKey(k.start_mark.line + 1)
            loader.flatten_mapping(node)
            for k_node, v_node in node.value:
                key = self._convert(k_node, loader, depth + 1)
                if not isinstance(key, (str, int, float, bool)) or key is None:
                    self.findings.append(Finding("yaml-syntax", "error", "键必须是简单文字", Loc(self.rel, k_node.start_mark.line + 1)))
                    continue
                key = str(key)
                kline = k_node.start_mark.line + 1
                if key in m:
                    self.findings.append(Finding(
                        "yaml-duplicate-key", "error",
                        f"键“{key}”在同一处重复出现（第 {m.key_lines[key]} 行已有），后一个会覆盖前一个；请删去或合并其中一个",
                        Loc(self.rel, kline)))
                m[key] = self._convert(v_node, loader, depth + 1)
                m.key_lines[key] = kline
                char = self._level_by_alias(k_node, v_node) if key == "classification" else ""
                if char:
                    # whatever the anchor or alias reads as, the record is held at the highest level until mended
                    m[key] = "绝密"
                    self.findings.append(Finding(
                        "classification-invalid", "error",
                        f"这里的密级{'带着锚点（&名称）' if char == '&' else '是别名（*名称）'}。{LEVEL_ALIAS}。"
                        "在改正之前，这条记录按绝密处理", Loc(self.rel, kline)))
                    continue
                self._silent_special(k_node, v_node)
            m.last = self._last
            return m
        if isinstance(node, yaml.SequenceNode):
            lst = LList()
            lst.line, lst.item_lines = line, []
            for item in node.value:
                lst.append(self._convert(item, loader, depth + 1))
                lst.item_lines.append(item.start_mark.line + 1)
            lst.last = self._last
            return lst
        start, end = node.start_mark, node.end_mark
        self._spans.append((start.line, start.column, end.line, end.column))
        # a block of text (| >) ends at the start of the line after it
        self._last = max(self._last, end.line + 1 if end.column else end.line)
        if node.tag == "tag:yaml.org,2002:float":
            try:
                return TypedFloat(loader.construct_object(node, deep=True), node.value)
            except (ValueError, yaml.YAMLError):
                return node.value
        if node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"):
            try:
                return loader.construct_object(node, deep=True)
            except (ValueError, KeyError, yaml.YAMLError):   # `!!bool 秘密`: no boolean; the value as written
                return node.value
        if node.tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:binary") or node.tag.startswith("!"):
            return node.value
        return node.value
