"""Progress of the compilation, for the chief editor (`zhi status`, and a page of the internal site)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..chronicle import placeholders
from ..findings import Finding
from ..history import History
from ..model import Archive

_HAN = re.compile(r"[\u4e00-\u9fff]")


def chinese_chars(markdown: str) -> int:
    """Characters of text an editor wrote: Chinese characters, without reference ids or markup."""
    text = re.sub(r"\[\[([^\]|]*\|)?([^\]]*)\]\]", lambda m: (m.group(1) or "").rstrip("|"), markdown)
    text = re.sub(r"<[^>]+>", "", text)
    return len(_HAN.findall(text))


@dataclass
class ChapterStatus:
    path: str
    title: str
    part: str
    status: str
    chars: int
    target: int | None
    errors: int
    warnings: int


@dataclass
class Status:
    chapters: list[ChapterStatus] = field(default_factory=list)
    events_without_source: int = 0
    documents_uncited: list[str] = field(default_factory=list)
    records_by_decade: dict[str, Counter] = field(default_factory=dict)   # jurisdiction → decade → events
    empty_years: dict[str, list[int]] = field(default_factory=dict)       # jurisdiction → years without events
    totals: dict[str, int] = field(default_factory=dict)
    stage: str = ""                                                       # book.yaml's draft stage
    placeholders: list[tuple[str, int, str]] = field(default_factory=list)  # file, line, words (本章待续 …)


def compile_status(a: Archive, h: History, findings: list[Finding]) -> Status:
    st = Status()
    per_file = Counter((f.loc.file, f.severity) for f in findings)
    if a.book is not None:
        for ch in a.book.chapters():
            st.chapters.append(ChapterStatus(ch.path, ch.title, ch.part, ch.status or "未标", chinese_chars(ch.body),
                                             ch.target, per_file[(ch.path, "error")], per_file[(ch.path, "warning")]))
        st.stage = a.book.stage
        st.placeholders = [(ch.path, line, text) for ch, line, text in placeholders(a.book)]
    st.events_without_source = sum(1 for e in a.events if not e.sources)
    cited = {c.doc for rec in [*a.events, *a.posts, *a.staffing, *a.memos] for c in rec.sources}
    st.documents_uncited = sorted(d.id for d in a.documents.values() if d.id not in cited)
    upper = a.book.upper.year if a.book and a.book.upper else None
    lower = a.book.lower.year if a.book and a.book.lower else None
    from ..views.chronology import chronology

    entries = chronology(a, h)
    for j in a.jurisdictions.values():
        if not j.in_scope:
            continue
        years = Counter(e.date.year for e in entries if j.id in e.jurisdictions)
        st.records_by_decade[j.id] = Counter({f"{y // 10 * 10}年代": 0 for y in years})
        for y, n in years.items():
            st.records_by_decade[j.id][f"{y // 10 * 10}年代"] += n
        t = h.get(j.id)
        first = max(upper or 0, t.start.year if t and t.start else (min(years) if years else 0))
        if t and t.end:
            last = min(lower or 9999, t.end.year)
        else:
            last = lower or (max(years) if years else 0)
        st.empty_years[j.id] = [y for y in range(first, last + 1) if not years.get(y)]
    st.totals = {"机构": len(a.bodies), "事件": len(a.events), "文件": len(a.documents), "人物": len(a.people),
                 "任职": len(a.posts), "编制": len(a.staffing), "记事": len(a.memos),
                 "正文字数": sum(c.chars for c in st.chapters)}
    return st


def years_as_ranges(years: list[int]) -> str:
    if not years:
        return "无"
    out, start, prev = [], years[0], years[0]
    for y in years[1:] + [None]:
        if y is not None and y == prev + 1:
            prev = y
            continue
        out.append(f"{start}" if start == prev else f"{start}—{prev}")
        if y is not None:
            start = prev = y
    return "、".join(out)
