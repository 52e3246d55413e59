"""保密观 before any build: an open record must not carry what a classified one holds.

* ``secret-shared``: a title, name, id or 文号 of a classified record appears in a record (or its full text)
  of a lower level; or a sentence of a classified text is held word for word by fewer open records than make
  it a formula of the trade (``leaks.FORMULA_RECORDS``). The leak scan keeps it forbidden in every edition below its level, so the build would be
  refused anyway; this names both records at check time.
* ``secret-copy``: a document of a lower level whose full text is, for the most part, the full text of a
  classified one (a copy registered without 文号 or mark), or whose title is the classified one's title.
* ``kaoyi-withheld``: a record's 考异 (conflict_note) is about sources an edition that prints the record does not
  hold; that edition drops the 考异 (``editions.filter_archive``), and the editor is told.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator

from ..citations import kaoyi_withheld
from ..editions import EDITION_ZH, EDITIONS
from ..findings import Finding
from ..history import History
from ..leaks import (
    ID_LIKE,
    Entry,
    _checked,
    entries,
    fold,
    id_pattern,
    is_formula,
    label_is_open,
    open_text,
    record_of,
    sentence_holders,
)
from ..model import Archive

COPY_SHARE = 0.5   # share of a classified text's sentences found in a lower-level text that makes it a copy


def check_secrecy(a: Archive, h: History) -> Iterator[Finding]:
    ents = entries(a)
    by_origin: dict[str, list[Entry]] = defaultdict(list)
    for e in ents:
        by_origin[record_of(e.origin)].append(e)
    # one text per record (with its full text), at the lowest level of its entries; for each level, the texts
    # of the records below it joined into one string (a string is looked for once, not once per record)
    texts = {o: (min(x.level.rank for x in es), "\n".join(x.text for x in es), es[0])
             for o, es in by_origin.items() if not o.startswith("chronicle/")}
    below: dict[int, tuple[str, str, list[int], list[int], list[str]]] = {}

    def joined(rank: int):
        if rank not in below:
            items = [(o, raw) for o, (r, raw, _) in texts.items() if r < rank]
            folded = [fold(raw) + "\0" for _, raw in items]
            raws = [raw + "\0" for _, raw in items]
            below[rank] = ("".join(folded), "".join(raws), _starts(folded), _starts(raws), [o for o, _ in items])
        return below[rank]

    reported = set()
    said: dict[int, str] = {}
    for e in ents:
        if e.kind == "sentence" or not e.level.rank or e.origin.startswith("chronicle/") or not _checked(e):
            continue
        if e.kind == "label":
            if e.level.rank not in said:
                said[e.level.rank] = open_text(ents, e.level.rank)
            if label_is_open(e, said[e.level.rank]):
                continue
        folded, raw, f_starts, r_starts, origins = joined(e.level.rank)
        if ID_LIKE.fullmatch(e.text):
            hits = [bisect.bisect_right(r_starts, m.start()) - 1 for m in id_pattern([e.text]).finditer(raw)]
        else:
            key, hits, pos = fold(e.text), [], 0
            while (pos := folded.find(key, pos)) >= 0:
                hits.append(bisect.bisect_right(f_starts, pos) - 1)
                pos += 1
        mine = e.origin.removesuffix(" 内设机构")
        for origin in dict.fromkeys(origins[i] for i in hits):
            if origin == mine or (origin, e.text) in reported:
                continue
            reported.add((origin, e.text))
            first = texts[origin][2]
            yield Finding("secret-shared", "error",
                          f"{origin}（{first.level}）含有{e.origin}（{e.level}）的“{e.text}”；"
                          f"密级高的内容不因低密级记录重复而公开，生成时会被保密检查拦下。"
                          f"请删去这处重复，或把{origin}的密级改为不低于“{e.level}”", first.loc)
    yield from _shared_sentences(ents)
    yield from _copies(a)


def _shared_sentences(ents: list[Entry]) -> Iterator[Finding]:
    holders = sentence_holders(ents)
    reported = set()
    for e in ents:
        if e.kind != "sentence" or not e.level.rank or e.origin.startswith("chronicle/") or not _checked(e):
            continue
        held = holders.get(fold(e.text), {})
        if is_formula(held, e.level.rank):
            continue
        mine = record_of(e.origin)
        for rec, x in held.items():
            if rec == mine or x.level.rank >= e.level.rank or (rec, e.text) in reported:
                continue
            reported.add((rec, e.text))
            yield Finding("secret-shared", "error",
                          f"{rec}（{x.level}）有一句与{e.origin}（{e.level}）相同：“{e.text}”；"
                          f"密级高的内容不因低密级记录重复而公开，生成时会被保密检查拦下。"
                          f"请删去这句，或把{rec}的密级改为不低于“{e.level}”", x.loc)


def _starts(parts: list[str]) -> list[int]:
    out, n = [], 0
    for p in parts:
        out.append(n)
        n += len(p)
    return out


def _copies(a: Archive) -> Iterator[Finding]:
    sentences: dict[str, set[str]] = {}
    for d in a.documents.values():
        if d.transcription and d.transcription.is_file():
            from ..leaks import _sentences

            sentences[d.id] = {fold(s) for s in _sentences(d.transcription.read_text(encoding="utf-8",
                                                                                      errors="replace"), 8)}
    docs = sorted(a.documents.values(), key=lambda d: d.id)
    for s in docs:
        if not s.classification.rank:
            continue
        mine = sentences.get(s.id, set())
        for p in docs:
            if p.classification.rank >= s.classification.rank:
                continue
            theirs = sentences.get(p.id, set())
            same_title = fold(p.title) == fold(s.title) and len(fold(s.title)) >= 4
            same_file = p.transcription is not None and p.transcription == s.transcription
            share = len(mine & theirs) / len(mine) if mine else 0.0
            if same_title or same_file or share >= COPY_SHARE:
                why = "用的是同一个全文文件" if same_file else "标题相同" if same_title else f"全文有 {share:.0%} 的句子相同"
                yield Finding("secret-copy", "error",
                              f"文件“{p.id}”（{p.classification}）像是文件“{s.id}”（{s.classification}）的副本：{why}。"
                              f"副本的密级不得低于原件：请把“{p.id}”的密级改为“{s.classification}”，或删去这份副本",
                              p.loc)


def check_kaoyi_withheld(a: Archive, h: History) -> Iterator[Finding]:
    """A 考异 whose disputing sources an edition that prints the record withholds, all of them: the edition drops
    the 考异 (it would tell readers that a source they cannot see exists); the editor is told which editions."""
    for rec in [*a.events, *a.staffing, *a.memos]:
        dropped, withheld = [], {}
        for edition, limit in EDITIONS.items():
            if rec.classification.rank > limit.rank:
                continue
            held = {d for d, doc in a.documents.items() if doc.classification.rank <= limit.rank}
            cits = kaoyi_withheld(rec, h, held)
            if cits:
                dropped.append(EDITION_ZH[edition])
                withheld.update({c.doc: a.documents[c.doc].classification for c in cits if c.doc in a.documents})
        if not dropped:
            continue
        eds = "和".join(dropped)
        docs = "、".join(f"{d}（{lv}）" for d, lv in withheld.items())
        what = f"{rec.kind_zh}{('“' + rec.id + '”') if rec.id else ''}"
        yield Finding("kaoyi-withheld", "warning",
                      f"{what}的考异（conflict_note）所说的异说只见于{docs}，{eds}不收这些来源，因此{eds}不印这条考异"
                      f"（印出来就等于告诉读者另有一份看不到的来源）；记录本身照印。若取舍另有可以公开的依据，"
                      f"请补上那份公开来源并写明它的说法，考异就会照印；否则无须处理", rec.loc)
