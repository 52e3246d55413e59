"""Every id a record refers to exists and is of the right kind."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..history import History
from ..model import Archive, Ref

KIND_WORD = {"body": "机构", "jurisdiction": "行政区划", "document": "文件", "person": "人物",
             "actor": "机构或行政区划"}


def _kind_of(a: Archive, rid: str) -> str | None:
    if rid in a.bodies:
        return "body"
    if rid in a.jurisdictions:
        return "jurisdiction"
    if rid in a.documents:
        return "document"
    if rid in a.people:
        return "person"
    if rid in a.events_by_id():
        return "event"
    return None


def _check(a: Archive, ref: Ref | None, want: str, role: str) -> Iterator[Finding]:
    if ref is None:
        return
    got = _kind_of(a, ref.id)
    ok = got == want or (want == "actor" and got in ("body", "jurisdiction"))
    if got is None:
        yield Finding("ref-unknown", "error",
                      f"{role}引用的{KIND_WORD[want]}编号“{ref.id}”不存在；请核对拼写，或先建立这条{KIND_WORD[want]}记录", ref.loc)
    elif not ok:
        code = "parent-wrong-kind" if role == "上级" else "ref-wrong-kind"
        yield Finding(code, "error", f"{role}应引用{KIND_WORD[want]}，但“{ref.id}”是{KIND_WORD.get(got, got)}", ref.loc)


def check_references(a: Archive, h: History) -> Iterator[Finding]:
    for e in a.events:
        for r in e.participants():
            yield from _check(a, r, "actor", f"{e.type_zh}事件")
        for nb in e.new.values():
            yield from _check(a, nb.parent, "body", "上级")
            yield from _check(a, nb.jurisdiction, "jurisdiction", "行政区划")
        yield from _check(a, e.parent, "body", "上级")
        yield from _check(a, e.jurisdiction, "jurisdiction", "行政区划")
        for c in e.sources:
            yield from _check(a, Ref(c.doc, c.loc), "document", "来源")
    for p in a.posts:
        yield from _check(a, p.person, "person", "任职记录")
        yield from _check(a, p.body, "body", "任职记录")
        for c in p.sources:
            yield from _check(a, Ref(c.doc, c.loc), "document", "来源")
    for s in a.staffing:
        yield from _check(a, s.body, "body", "编制记录")
        for c in s.sources:
            yield from _check(a, Ref(c.doc, c.loc), "document", "来源")
    for d in a.documents.values():
        yield from _check(a, d.issuer_body, "actor", "发文机关")
    for b in a.bodies.values():
        t = h.get(b.id)
        if t is not None and t.start is None:
            yield Finding("body-no-origin", "error",
                          f"机构“{b.id}”没有设立记录：请在 sources/events/ 中补记它的设立（establish），"
                          f"或在合并、分设事件的 after 中描述它；早于本志上限的机构，设立日期可写作“1950前”", b.loc)
    for j in a.jurisdictions.values():
        t = h.get(j.id)
        if t is not None and t.start is None and j.in_scope:
            yield Finding("body-no-origin", "error",
                          f"行政区划“{j.id}”没有设立记录：请补记其设立（establish）事件，写明名称", j.loc)
