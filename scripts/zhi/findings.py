"""Findings: what a check reports, with the file and line it concerns."""

from __future__ import annotations

from dataclasses import dataclass, field

from .invisible import with_advice

SEVERITIES = ("error", "warning", "info")
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
_ZH_TO_EN = {v: k for k, v in SEVERITY_ZH.items()} | {"关闭": "off"}


@dataclass(frozen=True)
class Loc:
    """Where a record or a value came from: a path relative to the project root and a 1-based line."""

    file: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass
class Finding:
    code: str
    severity: str
    message: str
    loc: Loc
    related: list[Loc] = field(default_factory=list)

    def __post_init__(self) -> None:
        # every message that quotes editor text shows what the editor cannot see
        self.message = with_advice(self.message)

    def as_dict(self) -> dict:
        d = {"file": self.loc.file, "line": self.loc.line, "code": self.code,
             "severity": self.severity, "message": self.message}
        if self.related:
            d["related"] = [{"file": r.file, "line": r.line} for r in self.related]
        return d

    def as_text(self) -> str:
        s = f"{self.loc}: {SEVERITY_ZH.get(self.severity, self.severity)} [{self.code}] {self.message}"
        for r in self.related:
            s += f"\n    参见 {r}"
        return s

    def sort_key(self) -> tuple:
        return (self.loc.file, self.loc.line, self.code, self.message)


def normalise_severity(value: str) -> str | None:
    """'error'/'错误' → 'error'; 'off'/'关闭' → 'off'; anything else → None."""
    v = str(value).strip().lower()
    if v in SEVERITIES or v == "off":
        return v
    return _ZH_TO_EN.get(str(value).strip())
