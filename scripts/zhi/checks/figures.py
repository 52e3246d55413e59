"""Prose and tables cannot disagree: staffing figures quoted in prose, by reference or typed by hand.

- ``[[编制数:id@日期]]`` must name a body or jurisdiction that has a figure standing on that date (staffing-ref).
- A number typed next to 编制 words (``行政编制312名``) is compared with the archive's figure for the body or
  jurisdiction named before it in the same sentence, on the date written before it in the paragraph; a
  different number is a staffing-prose finding. Where the archive has no figure there is nothing to compare.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ..chronicle import FIGREF_RE, REF_RE
from ..dates import Date, DateError, parse_date
from ..findings import Finding, Loc
from ..history import History
from ..model import BASIS_ZH, STAFFING_KINDS, Archive
from ..views.naming import name_on
from ..views.staffing import Figure, figure_at, figures, quoted_text, staffing_words, unknown_after

_KIND = "|".join(sorted(STAFFING_KINDS, key=len, reverse=True))
NUMBER_RE = re.compile(rf"({_KIND})(?:人员|数)?(?:为|共|计|核定为|核定)?(\d+)(?:名|人)")
# a date as prose writes it: 1984年3月12日, 1984年, 3月12日 or 3月 (of the year last written), 是年末 / 年底
DATE_RE = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月(?:(\d{1,2})日)?)?(年末|年底)?")
SENTENCE_END = re.compile(r"[。；！？\n]")


def _names(a: Archive, h: History) -> list[tuple[str, tuple[str, ...]]]:
    """(name, ids) for every name, short name and second name ever borne, longest first, each name once with
    every body or jurisdiction that bore it (a short name like 区法院 is borne by many), in a fixed order."""
    out: dict[str, set[str]] = {}
    for t in h.timelines.values():
        if t.is_jurisdiction and t.id in a.jurisdictions and not a.jurisdictions[t.id].in_scope:
            continue
        for s in t.names:
            full, short = s.value
            out.setdefault(full, set()).add(t.id)
            if short:
                out.setdefault(short, set()).add(t.id)
        for s in t.second_names:
            out.setdefault(s.value, set()).add(t.id)
    return sorted(((name, tuple(sorted(ids))) for name, ids in out.items()), key=lambda p: (-len(p[0]), p[0]))


def _last_date(text: str) -> Date | None:
    """The date the text before a number last speaks of; a month without a year takes the year last written."""
    year = month = day = None
    for m in DATE_RE.finditer(text):
        y, mo, dd, end = m.groups()
        if not (y or mo or end):
            continue
        if y:
            year, month, day = int(y), None, None
        if year is None:
            continue
        if mo:
            month, day = int(mo), int(dd) if dd else None
        if end:
            month, day = 12, 31
    if year is None:
        return None
    try:
        return parse_date(f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else ""))
    except DateError:
        return None


def _subject(before: str, names: list[tuple[str, tuple[str, ...]]], h: History, d: Date) -> str | None:
    """The body or jurisdiction named last before the number (a [[id]] reference or a name valid on d);
    of two names ending at the same place the longer wins (names come longest first). A name that several
    bodies bore on d (区法院 in a volume of many districts) names the one a reference before it names, else
    none: the number is compared with no body's figure rather than with a body picked at random."""
    refs: list[tuple[int, str]] = []
    for m in REF_RE.finditer(before):
        if h.get(m.group(1).strip()) is not None:
            refs.append((m.end(), m.group(1).strip()))
    best: tuple[int, tuple[str, ...]] | None = (refs[-1][0], (refs[-1][1],)) if refs else None
    for name, ids in names:
        pos = before.rfind(name)
        if pos < 0:
            continue
        alive = tuple(rid for rid in ids if (t := h.get(rid)) is not None and t.alive_on(d))
        if alive and (best is None or pos + len(name) > best[0]):
            best = (pos + len(name), alive)
    if best is None:
        return None
    if len(best[1]) == 1:
        return best[1][0]
    named = [rid for _end, rid in reversed(refs) if rid in best[1]]
    return named[0] if named else None


def check_figures(a: Archive, h: History) -> Iterator[Finding]:
    book = a.book
    if book is None:
        return
    figs: list[Figure] | None = None
    names = None
    for ch in book.checked():
        for r in ch.figrefs:
            if r.problem:
                yield Finding("staffing-ref", "error", f"正文中的编制数引用日期有误：{r.problem}", r.loc)
                continue
            if r.target not in a.bodies and r.target not in a.jurisdictions:
                yield Finding("ref-unknown", "error",
                              f"正文的编制数引用“{r.target}”找不到对应的机构或行政区划；请核对编号", r.loc)
                continue
            bad = [k for k in r.kinds if k not in STAFFING_KINDS]
            if bad:
                yield Finding("staffing-ref", "error",
                              f"正文的编制数引用中“{bad[0]}”不是编制类别；可写：{'、'.join(STAFFING_KINDS)}", r.loc)
                continue
            figs = figs if figs is not None else figures(a)
            f = figure_at(h, figs, r.target, r.basis, r.date, r.system)
            if f is None or quoted_text(f, r.kinds) is None:
                what = BASIS_ZH.get(r.basis, "核定") + (f"（{'、'.join(r.kinds)}）" if r.kinds else "")
                # a headcount (实有干部312人) of that day is no 编制: say so, never quote it as one
                people = [g for g in figs if g.scope == r.target and g.date.year == r.date.year
                          and g.staffing.headcount is not None and not g.staffing.posts]
                also = (f"（档案中{r.date.year}年只有人数“{people[0].staffing.besides_posts()[0]}”：人数不是编制，"
                        f"不能用编制数引用，请在正文中照来源写出）") if people else ""
                if (known := figure_at(h, figs, r.target, r.basis, r.date, r.system, known_only=False)) is not None \
                        and unknown_after(h, known, r.date):
                    yield Finding("staffing-ref", "error",
                                  f"正文引用{name_on(h, r.target, known.date)}在{r.date}的{what}编制数，但档案中这个数字记于"
                                  f"{known.date}，此机构止年不详，{r.date}是否存续，档案未载，不能说它那时仍是这个数；"
                                  f"请把引用的日期改为所记之日（@{known.date.iso()}），正文照来源写明时间，"
                                  f"如“{known.date.chinese()}核定{quoted_text(known, r.kinds) or staffing_words(known.staffing)}”",
                                  r.loc)
                    continue
                yield Finding("staffing-ref", "error",
                              f"正文引用{r.target}{'/' + r.system if r.system else ''}在{r.date}的{what}编制数，"
                              f"但档案中没有这一天有效的数字{also}；请核对编号和日期，或先在 sources/staffing/ 中记下这个数字",
                              r.loc)
        figs = figs if figs is not None else figures(a)
        if names is None:
            names = _names(a, h)
            by_first = defaultdict(list)   # a name's index under its first two characters: see _named_in
            for i, (name, _ids) in enumerate(names):
                by_first[name[:2] if len(name) > 1 else ""].append(i)
            by_scope: dict[str, list[Figure]] = {}  # each body's figures: a number is compared with its subject's only
            for f in figs:
                by_scope.setdefault(f.scope, []).append(f)
        yield from _typed_numbers(ch, by_scope, _named_in(body := FIGREF_RE.sub("", ch.body), names, by_first),
                                  body, a, h)


def _named_in(body: str, names: list, by_first: dict[str, list[int]]) -> list:
    """The names (``_names``, in their order) that ``body`` holds: the text before a number is the chapter's, no
    other name is in it. Only the names that begin with a pair of characters the body holds are looked for."""
    pairs = {body[i:i + 2] for i in range(len(body) - 1)} | {""}   # ("": the names shorter than two, all looked for)
    picked = sorted(i for p in pairs.intersection(by_first) for i in by_first[p])
    return [names[i] for i in picked if names[i][0] in body]


def _typed_numbers(ch, by_scope: dict[str, list[Figure]], names, body: str, a: Archive, h: History) \
        -> Iterator[Finding]:
    lines = body.split("\n")
    para_start = 0
    for i, line in enumerate(lines):
        if not line.strip():
            para_start = i + 1
            continue
        for m in NUMBER_RE.finditer(line):
            para = "\n".join(lines[para_start:i]) + "\n" + line[:m.start()]
            d = _last_date(para)
            if d is None:
                continue
            sentence = SENTENCE_END.split(line[:m.start()])[-1]
            rid = _subject(sentence, names, h, d) or _subject(para, names, h, d)
            if rid is None:
                continue
            kind, number = m.group(1), int(m.group(2))
            stated: dict[int, Figure] = {}   # each figure the archive gives, with the record it is in
            own = by_scope.get(rid, [])
            for basis in ("approved", "actual"):
                systems = {""} | {f.system for f in own if f.system}
                for sysname in systems:
                    f = figure_at(h, own, rid, basis, d, sysname)
                    if f is not None and f.staffing.given(kind) is not None:   # its own, or a part of its 其中
                        stated.setdefault(f.staffing.given(kind), f)
                for f in own:  # a figure dated within the date written (1984年 → any 1984 figure)
                    if f.basis == basis and f.staffing.given(kind) is not None \
                            and d.earliest() <= f.date.earliest() and f.date.latest() <= d.latest():
                        stated.setdefault(f.staffing.given(kind), f)
            if stated and number not in stated:
                # the reference that gives the recorded figure: its basis (编制数/实有数) and its 系统, else it
                # names no figure (staffing-ref)
                refs = "或".join(dict.fromkeys(
                    f"[[{'编制数' if f.basis == 'approved' else '实有数'}:{rid}{'/' + f.system if f.system else ''}"
                    f"@{d.iso()}|{kind}]]" for f in stated.values()))
                yield Finding("staffing-prose", "warning",
                              f"正文写{name_on(h, rid, d)}在{d}{kind}{number}名，档案记为"
                              f"{'或'.join(f'{v}名' for v in sorted(stated))}；请核对，改正正文或档案，"
                              f"也可写成引用 {refs}，由档案取数",
                              Loc(ch.path, ch.body_line + i))
