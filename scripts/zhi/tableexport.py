"""The 沿革、任免、编制 tables of an edition written to .xlsx (``zhi export``), for people who do not read YAML:
the same columns ``tables`` reads back (``zhi import``), marked and levelled per row when not the public edition.
"""

from __future__ import annotations

from pathlib import Path

from .cells import Sheet, workbook_bytes
from .model import FATE_UNKNOWN, STAFFING_KINDS, Event

WHOLE_ARCHIVE_MARK = "本表含全部档案（含内部、涉密材料），仅供编纂人员核对，不得外传"
INTERNAL_EXPORT_MARK = "内部资料　注意保存（本表为内部版，含内部材料，不得公开）"
# the marking lines zhi export writes above the header, and the level zhi import gives every row of a workbook
# that carries one (at least: a row's own 密级 may be higher) — a marked workbook never imports as public
EXPORT_MARKS = {WHOLE_ARCHIVE_MARK: "内部", INTERNAL_EXPORT_MARK: "内部"}


def _row_level(archive, own, *records) -> str:
    """A row's 密级: the highest of its record's level, the records it rests on (the events that start and end a
    name) and every document those cite — a name that exists only through an 内部 event is an 内部 row."""
    from .classification import highest

    levels = [own]
    for rec in records:
        if rec is None:
            continue
        levels.append(rec.classification)
        levels += [archive.documents[c.doc].classification for c in getattr(rec, "sources", ())
                   if getattr(c, "doc", None) in archive.documents]
    return str(highest(levels))


def export_tables(archive, history, out: Path, edition: str | None) -> dict[str, int]:
    """The 沿革、任免、编制 tables of ``edition`` (public or internal: what that edition may hold), or of the
    whole archive when ``edition`` is None. Whatever is not the public edition is marked as its site and PDF are
    (a line above every sheet's header, which zhi import reads back, and the workbook's properties), and every row
    carries its 密级. Returns the number of rows per sheet."""
    from .editions import filter_archive
    from .history import Timeline, derive_history

    a = filter_archive(archive, edition) if edition else archive
    h = derive_history(a) if edition else history
    sheets: list[Sheet] = []
    mark = "" if edition == "public" else WHOLE_ARCHIVE_MARK if edition is None else INTERNAL_EXPORT_MARK

    def sheet(title: str, header: list[str], rows: list[list[str]], levels: list[str]) -> None:
        if mark:
            header = header + ["密级"]
            rows = [r + [lv] for r, lv in zip(rows, levels, strict=True)]
        sheets.append(Sheet(title, header, rows, mark=mark))

    def d(x) -> str:
        return x.chinese() if x is not None else ""

    def name(rid: str, when=None) -> str:
        from .views.naming import name_on

        return name_on(h, rid, when) if rid else ""

    def named(rid: str | None, when=None) -> list:
        """The records a name printed for ``rid`` rests on: the body (or place) and the event that gave it the name
        then — a 公开 任职 in a 秘密 body, or under a secret rename, is a row as secret as the name it prints."""
        if not rid:
            return []
        t = h.get(rid)
        spans = (Timeline._at(t.names, when) if when is not None else t.names[-1:]) if t is not None else []
        return [a.bodies.get(rid) or a.jurisdictions.get(rid), spans[-1].start_event if spans else None]

    def at(spans, when) -> str:
        hits = Timeline._at(spans, when) if when is not None else spans[-1:]
        return hits[-1].value if hits and hits[-1].value else ""

    def basis(*records) -> str:
        """依据 as zhi import reads it back: each cited document's 文号, or its id when it has none."""
        ids = dict.fromkeys(c.doc for rec in records if rec is not None for c in getattr(rec, "sources", ())
                            if getattr(c, "doc", None) in a.documents)
        return "；".join(a.documents[i].number or i for i in ids)

    rows, levels = [], []
    for rid, t in h.timelines.items():
        if t.is_jurisdiction or rid not in a.bodies:
            continue
        for span in t.names:
            full, short = span.value
            parent, place = at(t.parents, span.start), at(t.jurisdictions, span.start)
            end = span.end or (t.end if span is t.names[-1] else None)
            # an end no source gives is printed as unknown, never as a date: 去向不详 (closed only by its
            # jurisdiction's end), 不详 (`end: 不详`); zhi import reads both back as an unknown end
            till = FATE_UNKNOWN if t.fate_unknown_end(span) else d(end) if end else "不详" if t.end_unknown else ""
            # a body whose first record is its restoration (previous_end: 不详) was not set up then: 起 says so
            # (1978年6月重建), and zhi import reads it back as that 恢复, never as a 设立
            again = t.earlier_unknown if span is t.names[0] and span.start_event is t.earlier_unknown else None
            rows.append([full, short or "", d(span.start) + ((again.wording or "恢复") if again else ""), till,
                         name(parent, span.start) if parent else "", str(at(t.ranks, span.start)),
                         name(place, span.start) if place else "", rid,
                         basis(span.start_event) or (basis(a.bodies[rid]) if span is t.names[0] else "")])
            levels.append(_row_level(a, a.bodies[rid].classification, a.bodies[rid], span.start_event,
                                     span.end_event, *named(parent, span.start), *named(place, span.start)))
    # one row per name: 起 and 止 are the name's; the rows of one body share its 编号, and the last row's 止
    # is the body's end (the same columns read back by zhi import)
    sheet("沿革", ["名称", "简称", "起", "止", "上级", "规格", "行政区划", "编号", "依据"], rows, levels)
    rows, levels = [], []
    for p in a.posts:
        person = a.people.get(p.person.id) if p.person else None
        docs = [a.documents[c.doc].number or a.documents[c.doc].title or c.doc for c in p.sources
                if c.doc in a.documents]
        # a post another post holds (ex_officio) has no person: its 姓名 cell says so as the site prints it
        # (由县计委副主任兼任), and zhi import reads it back as ex_officio, never as a person of that name
        rows.append([person.name if person else p.holder_said, name(p.body.id if p.body else "", p.start), p.post,
                     d(p.start) if p.start else "不详", d(p.end) if p.end else ("不详" if p.end_unknown else ""),
                     "；".join(docs)])
        levels.append(_row_level(a, p.classification, p, person, *named(p.body.id if p.body else None, p.start)))
    sheet("任免", ["姓名", "机构", "职务", "任职时间", "免职时间", "依据"], rows, levels)
    # every staffing figure the archive records: the staffing records and the figures set by events (核定编制 in
    # an establishment, a 调整编制 event), each a row of its own with its 编号 — an event's id, or the record's own —
    # so that zhi import knows the row is one the archive holds already and never records it a second time
    from .views.staffing import recorded_figures

    figs = recorded_figures(a)
    kinds = [k for k in STAFFING_KINDS if any(k in f.posts for _r, _b, f in figs)] or ["行政编制", "事业编制"]
    order = ["正厅级", "副厅级", "正处级", "副处级", "正县级", "副县级", "正科级", "副科级", "正股级", "副股级", "股级"]
    ranks = sorted({k for _r, _b, f in figs for k in f.leaders},
                   key=lambda k: (order.index(k) if k in order else len(order), k))
    rows, levels = [], []
    from .model import BASIS_ZH

    for rec, scope, f in figs:
        system = getattr(rec, "system", "")
        basis_code = getattr(rec, "basis", "") if not isinstance(rec, Event) else (f.basis or "approved")
        rows.append([name(scope, rec.date) + (system + "系统" if system else ""), d(rec.date),
                     BASIS_ZH.get(basis_code, basis_code)] + [f.posts.get(k) for k in kinds]
                    + [f.leaders.get(k) for k in ranks] + [rec.id or "", basis(rec)])
        levels.append(_row_level(a, rec.classification, rec, *named(scope, rec.date)))
    sheet("编制", ["机构", "日期", "口径", *kinds, *(f"领导职数（{k}）" for k in ranks), "编号", "依据"], rows, levels)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(workbook_bytes(sheets, title=mark or None))
    return {sh.title: len(sh.rows) for sh in sheets}


__all__ = ["EXPORT_MARKS", "export_tables"]
