"""Editions are filters on the archive, applied before any view is derived.

The public edition holds only 公开 records and prose; the internal edition adds 内部. Material above 内部
never enters any edition. A record that refers to something the edition does not hold is dropped with it
(an event about a withheld body), and citations of withheld documents are removed.
"""

from __future__ import annotations

import copy
from dataclasses import replace

from .classification import Level
from .chronicle import strip_passages
from .model import Archive

EDITIONS = {"public": Level("公开"), "internal": Level("内部")}
EDITION_ZH = {"public": "公开版", "internal": "内部版"}


def filter_archive(a: Archive, edition: str) -> Archive:
    limit = EDITIONS[edition]

    def ok(rec) -> bool:
        return rec.classification.rank <= limit.rank

    out = Archive(root=a.root, files=list(a.files))
    out.jurisdictions = {k: v for k, v in a.jurisdictions.items() if ok(v)}
    out.bodies = {k: v for k, v in a.bodies.items() if ok(v)}
    out.documents = {k: v for k, v in a.documents.items() if ok(v)}
    out.people = {k: v for k, v in a.people.items() if ok(v)}
    actors = set(out.bodies) | set(out.jurisdictions)

    def cites(rec):
        return [c for c in rec.sources if c.doc in out.documents]

    for e in a.events:
        if not ok(e):
            continue
        refs = [r.id for r in e.participants()] + [nb.parent.id for nb in e.new.values() if nb.parent] + \
               [nb.jurisdiction.id for nb in e.new.values() if nb.jurisdiction]
        if e.parent:
            refs.append(e.parent.id)
        if e.jurisdiction:
            refs.append(e.jurisdiction.id)
        if any(r not in actors for r in refs):
            continue
        e2 = copy.copy(e)
        e2.sources = cites(e)
        out.events.append(e2)
    for p in a.posts:
        if ok(p) and p.person and p.person.id in out.people and p.body and p.body.id in out.bodies:
            out.posts.append(replace(p, sources=cites(p)))
    for s in a.staffing:
        if ok(s) and ((s.body and s.body.id in out.bodies)
                      or (s.jurisdiction and s.jurisdiction.id in out.jurisdictions)):
            out.staffing.append(replace(s, sources=cites(s)))
    if a.book is not None:
        def chapters(lst):
            kept = []
            for c in lst:
                if ok(c):
                    c2 = copy.copy(c)
                    c2.body = strip_passages(c, limit)
                    c2.refs = [r for r in c.refs if not _in_dropped(c, r.loc.line, limit)]
                    kept.append(c2)
            return kept

        book = copy.copy(a.book)
        book.front = chapters(a.book.front)
        book.back = chapters(a.book.back)
        book.parts = []
        for p in a.book.parts:
            p2 = copy.copy(p)
            p2.chapters = chapters(p.chapters)
            book.parts.append(p2)
        out.book = book
    return out


def _in_dropped(ch, line: int, limit: Level) -> bool:
    i = line - ch.body_line
    return any(level.rank > limit.rank and first <= i and (last < 0 or i <= last) for level, first, last in ch.passages)
