"""What identifies a classified document — its 档号 (archive_ref), 文号 (number) and title — held with it.

A lower record that repeats one of them (a public document registered with a secret one's 档号 or 文号, an event's
note citing the 档号) tells a reader where the secret document is, or that it exists: it is named
(``secret-shared``, at the text's line) and held at the document's level in every edition until the editor mends
it. What many documents share and no one of them is known by — a publisher (人民出版社), a section of a book
(第三章), an issuer — identifies nothing and is not looked for here (a title or a name that holds it is for the
check ``secret-shared`` of ``checks/secrecy.py``).

Run by the loader once every record is read, so that every edition, check and tool sees the held level."""

from __future__ import annotations

import re

from .findings import Finding
from .model import Archive

_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―－⁃﹣"})
MIN_REF = 3   # a 档号 shorter than this (“12”) is no identifier


def _ref(text: str) -> str:
    from .leaks import fold

    return fold(text).translate(_DASHES)


def hold_identifiers(a: Archive) -> list[Finding]:
    from .citations import docs_named
    from .docno import normalise_docno
    from .leaks import docno_patterns, docnos_in, fold, id_pattern

    secret = [d for d in a.documents.values() if d.classification.rank > 0]
    if not secret:
        return []
    refs = {}
    for d in secret:
        r = _ref(d.archive_ref)
        if len(r) >= MIN_REF and re.search(r"\d", r):
            refs.setdefault(r, []).append(d)
    ref_rx = id_pattern(refs) if refs else None
    numbers = docno_patterns({d.number: d.id for d in secret if d.number})
    plain_numbers = {fold(d.number): d for d in secret if len(fold(d.number)) >= 4} | \
        {fold(normalise_docno(d.number)): d for d in secret if d.number and len(normalise_docno(d.number)) >= 4}
    titles = {fold(d.title): d for d in secret if len(fold(d.title)) >= 4}
    findings: list[Finding] = []
    records = [*a.jurisdictions.values(), *a.bodies.values(), *a.documents.values(), *a.people.values(), *a.events,
               *a.posts, *a.staffing, *a.memos]
    for r in records:
        rank = r.classification.rank
        for t in r.typed:
            flat = fold(t.text)
            hits = []   # (the classified document, what of it)
            if ref_rx is not None:
                hits += [(d, "档号", m.group(0)) for m in ref_rx.finditer(flat.translate(_DASHES))
                         for d in refs[m.group(0)]]
            hits += [(a.documents[origin], "文号", number) for _, number, origin in docnos_in(flat, numbers)]
            hits += [(d, "文号", n) for n, d in plain_numbers.items() if n in flat]
            if t.key == "title" and flat in titles:
                hits.append((titles[flat], "标题", t.text))
            # a citation's reading of that very document goes (or stays) with the citation; a part held above it is
            # held already
            own = max(rank, t.level.rank if t.level else 0)
            hits = [h for h in hits if h[0] is not r and h[0].id != t.doc and h[0].classification.rank > own]
            if hits and t.key == "conflict_note":   # a 考异 naming the document: every edition that withholds the
                named = set(docs_named(t.text, [h[0] for h in hits]))   # document drops it (editions.filter_archive)
                hits = [h for h in hits if h[0].id not in named]
            if not hits:
                continue
            doc, what, written = max(hits, key=lambda h: h[0].classification.rank)
            level = doc.classification
            eds = "公开版不收" if level.rank == 1 else "任何一版都不收"
            who = f"{r.kind_zh}“{r.id}”" if r.id else f"这条{r.kind_zh}记录"
            findings.append(Finding(
                "secret-shared", "error",
                f"{who}（{r.classification}）的{t.where}“{t.text[:40]}”写着文件 {doc.id}（{level}）的{what}"
                f"“{written}”；{what}能指认那份文件，不因写在密级低的记录里而公开。在改正之前这条记录按“{level}”处理，"
                f"{eds}。若是录入时抄错了{what}，请照原件改正；若这条记录确与那份文件同属一件（副本、抄件），"
                f"请把它的 classification 改为不低于“{level}”", t.loc))
            r.classification = level
            rank = level.rank
    return findings
