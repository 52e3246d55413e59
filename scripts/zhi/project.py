"""The project: its root directory (found as git finds its own) and the house style."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .checks.codes import CODES
from .findings import Finding, Loc, normalise_severity
from .yamlsource import LMap, YamlFile

HOUSE_STYLE = "sources/house-style.yaml"


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
                    f"请进入项目目录后再运行，或用 --root 指定项目目录")


@dataclass
class HouseStyle:
    severities: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def load_house_style(root: Path) -> HouseStyle:
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
        if key not in ("severity",):
            hs.findings.append(Finding("house-style", "warning", f"体例文件中有未知的键“{key}”（可用：severity）",
                                       Loc(HOUSE_STYLE, data.line_of(key))))
    sev = data.get("severity")
    if isinstance(sev, LMap):
        for code, value in sev.items():
            loc = Loc(HOUSE_STYLE, sev.line_of(code))
            level = normalise_severity(value)
            if code not in CODES:
                hs.findings.append(Finding("house-style", "warning", f"没有名为“{code}”的检查项；可用的检查项见 guide/checks.md", loc))
            elif level is None:
                hs.findings.append(Finding("house-style", "warning",
                                           f"“{code}”的级别“{value}”无法识别；可写 error/错误、warning/警告、info/提示、off/关闭", loc))
            else:
                hs.severities[code] = level
    elif sev is not None:
        hs.findings.append(Finding("house-style", "warning", "“severity”应为“检查项: 级别”的键值表",
                                   Loc(HOUSE_STYLE, data.line_of("severity"))))
    return hs
