"""Staffing series: every approved (核定) and actual (实有) figure per body, later figures superseding earlier."""

from __future__ import annotations

from dataclasses import dataclass

from ..classification import Level
from ..dates import Date
from ..model import STAFFING_KINDS, Archive, Citation, Staffing


@dataclass
class Figure:
    body: str
    date: Date
    basis: str  # approved | actual
    staffing: Staffing
    sources: list[Citation]
    classification: Level
    origin: str  # id of the event or staffing record, or its file:line


def figures(a: Archive) -> list[Figure]:
    """All figures in date order: staffing records and the staffing set by events."""
    out: list[Figure] = []
    for s in a.staffing:
        if s.body and s.date and s.figures:
            out.append(Figure(s.body.id, s.date, s.basis, s.figures, s.sources, s.classification, s.id or str(s.loc)))
    for e in a.events:
        if e.staffing is None or e.date is None:
            continue
        target = e.body.id if e.body else (e.after[0].id if len(e.after) == 1 else None)
        if target:
            out.append(Figure(target, e.date, "approved", e.staffing, e.sources, e.classification, e.id or str(e.loc)))
    # the same approval recorded twice (an event and a staffing record) is one figure
    seen, unique = set(), []
    for f in sorted(out, key=lambda f: (f.date.sort_key(), f.body, f.basis)):
        key = (f.body, f.date.sort_key(), f.basis, tuple(sorted(f.staffing.posts.items())),
               tuple(sorted(f.staffing.leaders.items())))
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def by_body(figs: list[Figure]) -> dict[str, list[Figure]]:
    out: dict[str, list[Figure]] = {}
    for f in figs:
        out.setdefault(f.body, []).append(f)
    return out


def latest(figs: list[Figure], body: str, basis: str, d: Date) -> Figure | None:
    """The figure in force on d: the latest one of its basis dated on or before d."""
    best = None
    for f in figs:
        if f.body == body and f.basis == basis and f.date.sort_key() <= d.sort_key():
            best = f
    return best


def yearly_totals(figs: list[Figure], bodies: set[str] | None, years: range,
                  counts=None) -> dict[int, dict[str, dict[str, int]]]:
    """For each year end: {basis: {kind: total over bodies}} using the figure in force at the end of that year.
    ``counts(body, date)``, when given, says whether a body counts on that date (it exists, in that place)."""
    from ..dates import Point

    per = by_body(figs)
    out: dict[int, dict[str, dict[str, int]]] = {}
    for y in years:
        end = Date(Point(y, 12, 31))
        row = {"approved": dict.fromkeys(STAFFING_KINDS, 0), "actual": dict.fromkeys(STAFFING_KINDS, 0)}
        for body, fs in per.items():
            if (bodies is not None and body not in bodies) or (counts is not None and not counts(body, end)):
                continue
            for basis in row:
                f = latest(fs, body, basis, end)
                if f:
                    for k, v in f.staffing.posts.items():
                        row[basis][k] = row[basis].get(k, 0) + v
        out[y] = row
    return out


def jurisdiction_tables(figs: list[Figure], h, jurisdictions: list[str],
                        years: range | None = None) -> list[tuple[str, list[tuple[int, dict[str, dict[str, int]]]]]]:
    """The 编制统计表 of each jurisdiction: year-end totals over the bodies that exist in it at each year end
    (an abolished body's last figure no longer counts; a body that moved counts where it is), for the years
    with an approved figure. ``years`` defaults to the span of all figures."""
    from .snapshot import members

    member = members(h)
    if years is None:
        ys = [f.date.year for f in figs]
        years = range(min(ys), max(ys) + 1) if ys else range(0)
    out = []
    for jid in jurisdictions:
        def counts(body, end, jid=jid):
            t = h.get(body)
            return t is not None and t.alive_on(end) and t.jurisdiction_on(end) == jid

        totals = yearly_totals(figs, member.get(jid, set()), years, counts)
        table = [(y, totals[y]) for y in years if sum(totals[y]["approved"].values())]
        if table:
            out.append((jid, table))
    return out
