"""Two records of one name: a body or place that another printed record names the same (at any time in their
histories) must be told apart by a 区别语 (``distinguish``), printed after the name: 滁州市（县级）、滁州市（地级）."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Loc
from ..history import History
from ..model import Archive, Record


def _printed_names(a: Archive, h: History, rec: Record) -> list[str]:
    """The full names of a record that some edition prints: none of a secret record, none given only by a secret
    event or a secret name of a record outside the volume."""
    if rec.classification.is_state_secret:
        return []
    if not getattr(rec, "in_scope", True):
        return [n.name for n in rec.names if not n.classification.is_state_secret]
    t = h.get(rec.id)
    if t is None:
        return []
    return [s.value[0] for s in t.names if s.value[0] and not s.withheld
            and not (s.start_event is not None and s.start_event.classification.is_state_secret)]


def _where(rec: Record) -> Loc:
    """The line of the record's 区别语 when it has one, else the record's own line."""
    return next((t.loc for t in rec.typed if t.key in ("distinguish", "区别语")), rec.loc)


def _label(rec: Record) -> str:
    return f"{rec.kind_zh} {rec.id}（{_where(rec)}）"


def _example(h: History, rec: Record) -> str:
    """An example 区别语 for ``rec``: its level for a place, the year its first period began for a body (that is
    in its record already, so the example says nothing the archive does not)."""
    if rec.kind_zh == "行政区划":
        return "县级"
    t = h.get(rec.id)
    start = t.lives[0].start if t is not None and t.lives else None
    return f"{start.start.year}年设立" if start is not None and start.qualifier == "exact" else "某年设立"


def check_same_name(a: Archive, h: History) -> Iterator[Finding]:
    """``name-shared``: two records print the same name and at least one has no 区别语 (the reader cannot tell the
    two apart in a title or a list); ``distinguish-same``: they have the same 区别语 too (still the same label)."""
    records: list[Record] = [*a.jurisdictions.values(), *a.bodies.values()]
    bearers: dict[str, list[Record]] = {}
    for rec in records:
        for name in dict.fromkeys(_printed_names(a, h, rec)):
            bearers.setdefault(name, []).append(rec)
    told: set[tuple[str, str]] = set()
    for name, recs in bearers.items():
        for i, r1 in enumerate(recs):
            for r2 in recs[i + 1:]:
                pair = (r1.id, r2.id)
                if r1.id == r2.id or pair in told:
                    continue
                told.add(pair)
                d1, d2 = r1.distinguish, r2.distinguish
                if d1 and d1 == d2:
                    yield Finding("distinguish-same", "error",
                                  f"{_label(r1)}与{_label(r2)}都叫“{name}”，区别语也都是“{d1}”，印出来都是"
                                  f"“{name}（{d1}）”，读者仍分不清；请给其中一个换一个区别语（如层级、设立年份、"
                                  f"所属的行政区划）", _where(r2), [_where(r1)])
                elif not d1 or not d2:
                    lacking = [r for r in (r1, r2) if not r.distinguish]
                    other = r2 if lacking[0] is r1 else r1
                    eg = _example(h, lacking[0])
                    yield Finding("name-shared", "warning",
                                  f"{_label(r1)}与{_label(r2)}是两个不同的记录，都叫“{name}”；标题、目录、大事记和"
                                  f"索引中印出的名称相同，读者分不清。请在{'两个记录' if len(lacking) == 2 else '它'}的文件中"
                                  f"写上区别语，如 distinguish: {eg}（印作“{name}（{eg}）”），照来源的说法写；"
                                  f"确是同一个机构（行政区划）的，请合并为一个编号",
                                  _where(lacking[0]), [_where(other)])
