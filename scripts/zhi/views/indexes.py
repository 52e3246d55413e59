"""Indexes sorted by 拼音 with letter headings: bodies under every name they had, documents, people."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from urllib.parse import urlsplit

from pypinyin import Style, lazy_pinyin

from ..history import History
from ..model import Archive
from .naming import distinguished, label_on, span_years


@functools.lru_cache(maxsize=65536)  # a name is sorted and headed under its letter many times over
def pinyin_key(text: str) -> tuple[str, str]:
    syllables = lazy_pinyin(text, style=Style.TONE3, errors=lambda s: list(s))
    return (" ".join(syllables).lower(), text)


def initial(text: str) -> str:
    key = pinyin_key(text)[0]
    ch = key[:1].upper()
    return ch if "A" <= ch <= "Z" else "#"


@dataclass
class IndexEntry:
    term: str        # the name as indexed
    target: str      # record id
    note: str = ""   # e.g. "今名 …" for a former name, the years of use
    plain: str = ""  # the name without its 区别语, when the term carries one (滁州市 for 滁州市（县级）)


def body_index(a: Archive, h: History) -> list[IndexEntry]:
    out: dict[tuple[str, str], IndexEntry] = {}
    for t in h.timelines.values():
        if t.is_jurisdiction or t.outside:
            continue
        current = label_on(h, t.id)   # 滁州市（县级）: two records of one name
        open_end = "？" if t.end_unknown and t.lives and t.lives[-1].end is None else ""  # 止年不详, not "still"
        for s in t.names:
            for i, name in enumerate(s.value):
                if not name:
                    continue
                shown = name if i else distinguished(h, t.id, name)
                # a name borne until a period closed by no record (previous_end: 不详) or by its place's end (去向不详):
                # to a year no source gives
                unsaid = t.unrecorded_end(s) or t.fate_unknown_end(s)
                years = span_years(s.start, None if unsaid else s.end, "？" if unsaid else open_end) if s.start else ""
                note = ("简称，" if i else "") + (f"见“{current}”" if shown != current else "") + \
                       (f"（{years}）" if years else "")
                out.setdefault((shown, t.id), IndexEntry(shown, t.id, note.strip("，"), name if shown != name else ""))
        for s in t.second_names:
            out.setdefault((s.value, t.id), IndexEntry(s.value, t.id, f"加挂牌子，见“{current}”"))
    return sorted(out.values(), key=lambda e: pinyin_key(e.term))


def person_index(a: Archive) -> list[IndexEntry]:
    return sorted((IndexEntry(p.name, p.id) for p in a.people.values() if not p.unnamed), key=lambda e: pinyin_key(e.term))


def _by_number(d) -> tuple:
    return (pinyin_key(d.docno.code)[0] if d.docno else "~", d.docno.number if d.docno else 0, d.title)


def document_index(a: Archive) -> list:
    """Documents by year, then by issuer code and number; undated ones last."""
    def key(d):
        return (d.date.year if d.date else (d.docno.year if d.docno else 9999), *_by_number(d))

    return sorted(a.documents.values(), key=key)


def document_list(a: Archive) -> list:
    """Documents as a 文件目录 lists them, its first column being the date: by date (a month or year only at the
    end of that month or year); a document without a date at the end of its 文号's year; neither, last. Within
    one date, as the index orders them."""
    def key(d):
        if d.date:
            when = d.date.sort_key()
        elif d.docno:
            when = ((d.docno.year, 99, 99, 9), 9, (0, 0, 0, 0))
        else:
            when = ((9999, 99, 99, 9), 9, (0, 0, 0, 0))
        return (when, *_by_number(d))

    return sorted(a.documents.values(), key=key)


def _host(d) -> str:
    return urlsplit(d.url).hostname or "" if d.url else ""


# what may tell documents of one heading apart, in the order a reader looks for it: the part of the book, the 文号,
# the date, the web site's host, the publisher, the 档号
_APART = (lambda d: d.section, lambda d: d.shown_number, lambda d: d.date.chinese() if d.date else "", _host,
          lambda d: d.publisher, lambda d: d.archive_ref)


def told_apart(docs) -> dict[str, str]:
    """For each document listed under the same heading as another (three 《宜黄县志》 of different sections, two web
    pages 宜黄县), what tells it apart, to print after its heading in the 文件目录 and the 文件索引: （文联 第一节 组织机构）,
    （wikiwand.com）. The first of _APART that differs for every one of them; else each that differs at all. A
    document whose heading no other has is not in the mapping."""
    groups: dict[str, list] = {}
    for d in docs:
        groups.setdefault(d.heading, []).append(d)
    out = {}
    for same in groups.values():
        if len(same) < 2:
            continue
        varying = [f for f in _APART if len({f(d) for d in same}) > 1]
        decisive = next((f for f in varying if len({f(d) for d in same}) == len(same) and all(f(d) for d in same)), None)
        for d in same:
            said = [v for f in ([decisive] if decisive else varying) if (v := f(d))]
            if said:
                out[d.id] = f"（{'，'.join(said)}）"
    return out


def grouped(entries: list[IndexEntry]) -> list[tuple[str, list[IndexEntry]]]:
    groups: dict[str, list[IndexEntry]] = {}
    for e in entries:
        groups.setdefault(initial(e.term), []).append(e)
    return sorted(groups.items())
