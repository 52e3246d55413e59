"""The project: its root directory (found as git finds its own) and the house style."""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .findings import Finding, Loc, normalise_severity
from .invisible import quote
from .yamlsource import LMap, YamlFile

HOUSE_STYLE = "sources/house-style.yaml"


def skipped_part(rel: str) -> str | None:
    """The first name on the path ``rel`` (relative to sources/ or chronicle/) that begins with “_” or “.”, or None.

    Such a file, or every file in such a folder, is a draft or a hidden file: it is never read, so it can
    reach no output; zhi check names it (file-skipped) so that an editor knows it is not in the volume, and a
    篇目 that lists one is refused (draft-listed)."""
    for part in rel.split("/"):
        if part.startswith(("_", ".")) and part not in (".", ".."):
            return part
    return None


def skipped_message(rel: str, part: str, what: str) -> str:
    """The Chinese warning for a skipped file ``rel`` whose name or folder ``part`` begins with _ or ."""
    where = f"文件名“{part}”" if rel.endswith(part) else f"所在文件夹“{part}/”"
    return (f"{where}以“{part[0]}”开头，按{'草稿' if part[0] == '_' else '隐藏文件'}处理，未读入：{what}；"
            f"要收入，请把开头的“{part[0]}”去掉")


@functools.cache   # asked for every layout path of a build; the installation does not move while zhi runs
def tool_root() -> Path | None:
    """The folder of the zhi installation that holds its own theme/ and mkdocs.yml (the repository zhi runs from)."""
    for d in Path(__file__).resolve().parents:
        if (d / "theme" / "pages").is_dir() and (d / "mkdocs.yml").is_file():
            return d
    return None


def theme_dir(root: Path) -> Path:
    """The page layouts a project is built with: its own theme/ when it has one (the sample, an older project that
    copied it), else the theme of the zhi that runs (a project made by zhi init), so that a new zhi's layouts reach
    it without copying."""
    own = root / "theme"
    if (own / "pages").is_dir():
        return own
    tool = tool_root()
    return tool / "theme" if tool is not None else own


class NoProject(Exception):
    pass


def find_root(start: Path | None = None) -> Path:
    """The nearest directory at or above ``start`` that holds both sources/ and chronicle/."""
    env = os.environ.get("ZHI_ROOT")
    if env:
        return Path(env).resolve()
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        if (d / "sources").is_dir() and (d / "chronicle").is_dir():
            return d
    raise NoProject(f"在“{here}”及其上级目录中找不到编纂项目（同时含有 sources/ 与 chronicle/ 的目录）；"
                    f"请进入项目目录后再运行，或用 --root 指定项目目录；新编一部志书，先用 zhi init 建项目"
                    f"（如 zhi init 某县志 --title 某县机构编制志 --upper 1949 --lower 2020）")


def root_from_args(args) -> Path:
    """The project root for a command: ``--root`` when given (it must hold sources/), else found upwards."""
    given = getattr(args, "root", None)
    if given:
        root = Path(given).resolve()
        if not (root / "sources").is_dir():
            raise NoProject(f"“{root}”中没有 sources/ 目录，不是编纂项目；新编一部志书，先用 zhi init 建项目")
        return root
    return find_root()


@dataclass
class HouseStyle:
    severities: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    terms: dict[str, str | None] = field(default_factory=dict)  # 非规范 → 规范 (None: drop a default entry)
    evaluative: list[str] | None = None                          # replaces the default list when given
    style: dict[str, list[str]] = field(default_factory=dict)    # per-rule word lists (see STYLE_OPTIONS)
    staffing: dict[str, object] = field(default_factory=dict)    # staffing tables' options (STAFFING_OPTIONS)
    dashiji: dict[str, object] = field(default_factory=dict)     # the 大事记's selection rules (views/dashiji.py)
    not_marks: list[str] = field(default_factory=list)  # texts holding 机密, 内部文件 … as ordinary wording (leaks.py)
    print: dict[str, str] = field(default_factory=dict)  # how the volume prints (PRINT_OPTIONS), English values


KNOWN_KEYS = ("severity", "terms", "evaluative", "style", "staffing", "dashiji", "not-marks", "print")
# options of the staffing tables under `staffing:` (see guide/staffing.md)
STAFFING_OPTIONS = {"stale-after": "年数（整数）", "split-at-rename": "是否（true/false）"}
# options under `print:` (guide/checks.md 印刷体例): each Chinese or English value → the value the writers read
PRINT_OPTIONS = {
    "docno-form": {"原样": "as-written", "as-written": "as-written", "规范": "standard", "standard": "standard"},
    "note-runs": {"分隔": "separate", "separate": "separate", "范围": "range", "range": "range"},
}
# per-rule options under `style:`; each a list of words replacing the rule's default list
STYLE_OPTIONS = ("relative-time", "first-person", "tongzhi-exempt", "common-short")


def _words(value: object) -> list[str] | None:
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
        return [str(v).strip() for v in value if str(v).strip()]
    return None


def load_house_style(root: Path) -> HouseStyle:
    from .checks.codes import CODES

    hs = HouseStyle()
    path = root / HOUSE_STYLE
    if not path.is_file():
        return hs
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        hs.findings.append(Finding("file-encoding", "error", "体例文件无法读取为 UTF-8 文字", Loc(HOUSE_STYLE)))
        return hs
    yf = YamlFile(HOUSE_STYLE, text)
    hs.findings.extend(yf.findings)
    data = yf.data
    if data is None:
        return hs
    if not isinstance(data, LMap):
        hs.findings.append(Finding("house-style", "warning", "体例文件应为键值表", Loc(HOUSE_STYLE, 1)))
        return hs
    for key in data:
        if key not in KNOWN_KEYS:
            hs.findings.append(Finding("house-style", "warning",
                                       f"体例文件中有未知的键{quote(key, True)}（可用：{'、'.join(KNOWN_KEYS)}）",
                                       Loc(HOUSE_STYLE, data.line_of(key))))
    sev = data.get("severity")
    if isinstance(sev, LMap):
        for code, value in sev.items():
            loc = Loc(HOUSE_STYLE, sev.line_of(code))
            level = normalise_severity(value)
            if code not in CODES:
                hs.findings.append(Finding("house-style", "warning", f"没有名为{quote(code, True)}的检查项；可用的检查项见 guide/checks.md", loc))
            elif level is None:
                hs.findings.append(Finding("house-style", "warning",
                                           f"“{code}”的级别{quote(str(value), True)}无法识别；可写 error/错误、warning/警告、info/提示、off/关闭", loc))
            else:
                hs.severities[code] = level
    elif sev is not None:
        hs.findings.append(Finding("house-style", "warning", "“severity”应为“检查项: 级别”的键值表",
                                   Loc(HOUSE_STYLE, data.line_of("severity"))))
    _load_style_lists(hs, data)
    _load_staffing_options(hs, data)
    _load_dashiji_rules(hs, data)
    _load_not_marks(hs, data)
    _load_print_options(hs, data)
    return hs


def _load_print_options(hs: HouseStyle, data: LMap) -> None:
    """`print:` — the 文号's printed form and the note calls' runs; a wrong value is reported and the default kept."""
    for key, value, loc in _option_items(hs, data, "print", PRINT_OPTIONS, "{docno-form: 规范, note-runs: 范围}"):
        choices = PRINT_OPTIONS[key]
        if isinstance(value, str) and value.strip() in choices:
            hs.print[str(key)] = choices[value.strip()]
        else:
            names = "、".join(v for v in choices if not v.isascii())
            hs.findings.append(Finding("house-style", "warning",
                                       f"“print”中“{key}”应为{names}之一，不是“{value}”；仍按默认（{next(iter(choices))}）",
                                       loc))


def _load_not_marks(hs: HouseStyle, data: LMap) -> None:
    """`not-marks:` — texts (a title, a unit's name) in which a mark's word (机密, 绝密, 内部资料, 内部文件, 不得外传)
    or a not-public word (不予公开 …, ``classification.NOT_PUBLIC``; loader ``not-public-word``) is ordinary wording. The leak scan lets exactly these texts through; an entry that would open more than its
    own text (a bare word, a marking's form) is refused and the scan stays closed."""
    from .classification import NOT_PUBLIC
    from .leaks import ALONE, MARK_WORDS, MARKING, fold

    if "not-marks" not in data:
        return
    words = _words(data.get("not-marks"))
    v = data.get("not-marks")
    loc = Loc(HOUSE_STYLE, data.line_of("not-marks"))
    if words is None:
        hs.findings.append(Finding("house-style", "warning", "“not-marks”应为文字列表，每项写一段含有“机密”等字样的"
                                   "标题或名称原文，如 [关于加强机密载体管理的通知, 机密档案室]", loc))
        return
    for i, w in enumerate(words):
        at = Loc(HOUSE_STYLE, v.line_of(i)) if isinstance(v, list) and hasattr(v, "line_of") else loc
        f = fold(w)
        rest = NOT_PUBLIC.sub("", MARK_WORDS.sub("", f))
        if MARKING.search(f) or ALONE.fullmatch(f):
            why = "是密级标志的写法（带★、“密级：”“保密期限”、括号里的密级），不能放行"
        elif not MARK_WORDS.search(f) and not NOT_PUBLIC.search(f):
            why = "里没有“机密”“绝密”“内部资料”“内部文件”“不得外传”“不予公开”等字样，无须写在这里"
        elif len(re.sub(r"[\W_]", "", rest)) < 2:
            why = "太短：除“机密”等字样外至少还要有两个字，请写出标题或名称的原文（如“机密档案室”），只放行这段文字"
        else:
            hs.not_marks.append(w)
            continue
        hs.findings.append(Finding("house-style", "warning", f"“not-marks”中的“{w}”{why}；这一项不起作用", at))


def _option_items(hs: HouseStyle, data: LMap, name: str, known, example: str):
    """(key, value, place) of each known key of the option map ``name``; a map that is not one, or an unknown key,
    is reported and skipped."""
    opts = data.get(name)
    if opts is None:
        return
    if not isinstance(opts, LMap):
        hs.findings.append(Finding("house-style", "warning", f"“{name}”应为键值表，如 {example}",
                                   Loc(HOUSE_STYLE, data.line_of(name))))
        return
    for key, value in opts.items():
        loc = Loc(HOUSE_STYLE, opts.line_of(key))
        if key not in known:
            hs.findings.append(Finding("house-style", "warning",
                                       f"“{name}”中有未知的键{quote(key, True)}（可用：{'、'.join(known)}）", loc))
        else:
            yield key, value, loc


def _load_dashiji_rules(hs: HouseStyle, data: LMap) -> None:
    """`dashiji:` — what the 大事记 selects (guide/dashiji.md); a wrong value is reported and its default kept."""
    from .model import BODY_KINDS, EVENT_ALIASES
    from .views.dashiji import (  # lazy: the views import the checks' codes through project
        DEFAULTS,
        OPTIONS,
        TYPES,
    )
    for key, value, loc in _option_items(hs, data, "dashiji", OPTIONS, "{reform: 5, leaders: [书记, 县长]}"):
        default = DEFAULTS[key]
        if isinstance(default, bool):
            ok = isinstance(value, bool)
        elif isinstance(default, int):
            ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        else:
            value = _words(value) if value is not None else []
            ok = value is not None
            if ok and key == "types":
                value = [EVENT_ALIASES.get(v, v) for v in value]
                bad = [v for v in value if v not in TYPES and v != "staffing"]
                if bad:
                    hs.findings.append(Finding("house-style", "warning", f"“dashiji”的“types”中“{'、'.join(bad)}”"
                                               f"不是事件类型（可用：设立、合并、分设、撤销、更名等，见 guide/events.md）", loc))
                    value = [v for v in value if v not in bad]
            if ok and key == "kinds":
                bad = [v for v in value if v not in BODY_KINDS]
                if bad:
                    hs.findings.append(Finding("house-style", "warning", f"“dashiji”的“kinds”中“{'、'.join(bad)}”"
                                               f"不是机构类别（可用：{'、'.join(BODY_KINDS)}）", loc))
                    value = [v for v in value if v not in bad]
        if not ok:
            hs.findings.append(Finding("house-style", "warning",
                                       f"“dashiji”中“{key}”应为{OPTIONS[key]}，不是“{value}”；仍按默认值", loc))
        else:
            hs.dashiji[str(key)] = value


def _load_staffing_options(hs: HouseStyle, data: LMap) -> None:
    for key, value, loc in _option_items(hs, data, "staffing", STAFFING_OPTIONS, "{stale-after: 10}"):
        if key == "stale-after" and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            hs.findings.append(Finding("house-style", "warning",
                                       f"“stale-after”应为不小于 0 的整数年数：沿用的核定数超过这些年未重新核定，"
                                       f"在“据某年”后加注（0 表示不加注；“据某年”总是印），不是“{value}”", loc))
        elif key == "split-at-rename" and not isinstance(value, bool):
            hs.findings.append(Finding("house-style", "warning",
                                       f"“split-at-rename”应为 true 或 false，不是“{value}”", loc))
        else:
            hs.staffing[str(key)] = value


def _load_style_lists(hs: HouseStyle, data: LMap) -> None:
    """The optional `terms:`, `evaluative:` and `style:` keys of the house style."""
    terms = data.get("terms")
    if isinstance(terms, LMap):
        for bad, good in terms.items():
            if good is None or (isinstance(good, str) and good.strip() in ("", "~")):
                hs.terms[str(bad)] = None
            elif isinstance(good, (str, int)) and str(bad).strip():
                hs.terms[str(bad).strip()] = str(good).strip()
            else:
                hs.findings.append(Finding("house-style", "warning", f"“terms”中“{bad}”的规范写法应为一段文字",
                                           Loc(HOUSE_STYLE, terms.line_of(bad))))
    elif terms is not None:
        hs.findings.append(Finding("house-style", "warning", "“terms”应为“非规范写法: 规范写法”的键值表",
                                   Loc(HOUSE_STYLE, data.line_of("terms"))))
    if "evaluative" in data:
        words = _words(data.get("evaluative"))
        if words is None:
            hs.findings.append(Finding("house-style", "warning", "“evaluative”应为词语列表",
                                       Loc(HOUSE_STYLE, data.line_of("evaluative"))))
        else:
            hs.evaluative = words
    style = data.get("style")
    if isinstance(style, LMap):
        for key, value in style.items():
            loc = Loc(HOUSE_STYLE, style.line_of(key))
            words = _words(value)
            if key not in STYLE_OPTIONS:
                hs.findings.append(Finding("house-style", "warning",
                                           f"“style”中有未知的键{quote(key, True)}（可用：{'、'.join(STYLE_OPTIONS)}）", loc))
            elif words is None:
                hs.findings.append(Finding("house-style", "warning", f"“style”中“{key}”应为词语列表", loc))
            else:
                hs.style[str(key)] = words
    elif style is not None:
        hs.findings.append(Finding("house-style", "warning", "“style”应为键值表",
                                   Loc(HOUSE_STYLE, data.line_of("style"))))
