"""Every id a record refers to exists and is of the right kind."""

from __future__ import annotations

from collections.abc import Iterator

from ..fields import ID_RE
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


def _check(a: Archive, ref: Ref | None, want: str, role: str, h: History | None = None) -> Iterator[Finding]:
    if ref is None:
        return
    got = _kind_of(a, ref.id)
    ok = got == want or (want == "actor" and got in ("body", "jurisdiction"))
    if got is None and h is not None and want in ("body", "jurisdiction", "actor") and not ID_RE.match(ref.id):
        yield Finding("ref-unknown", "error", _name_for_id(h, ref.id, want, role), ref.loc)
    elif got is None:
        yield Finding("ref-unknown", "error",
                      f"{role}引用的{KIND_WORD[want]}编号“{ref.id}”不存在；请核对拼写，或先建立这条{KIND_WORD[want]}记录", ref.loc)
    elif not ok:
        code = "parent-wrong-kind" if role == "上级" else "ref-wrong-kind"
        yield Finding(code, "error", f"{role}应引用{KIND_WORD[want]}，但“{ref.id}”是{KIND_WORD.get(got, got)}", ref.loc)


# at most this many records are named as what a name written in place of an id may mean
_AT_MOST = 5


def _abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` can be a short form of ``full``: its characters stand in ``full`` in the same order (县常委会
    in 县委常委会, in 县人大常委会, in 中共某县委员会常务委员会)."""
    it = iter(full)
    return all(ch in it for ch in short)


def _name_for_id(h: History, text: str, want: str, role: str) -> str:
    """The message for a name (县常委会) written where an id belongs: which records bear that name, or which it may be
    short for. zhi never links it by itself: 县常委会 may be the 县委常委会 or the 县人大常委会, and a wrong link would
    print another body's history under this one."""
    names: dict[str, set[str]] = {}
    for t in h.timelines.values():
        if t.outside or (want == "body" and t.is_jurisdiction) or (want == "jurisdiction" and not t.is_jurisdiction):
            continue
        for s in t.names:
            for n in s.value:
                if n:
                    names.setdefault(t.id, set()).add(n)
        for s in t.second_names:
            names.setdefault(t.id, set()).add(s.value)
    label = {rid: h.get(rid).current_name() for rid in names}
    exact = sorted(rid for rid, ns in names.items() if text in ns)
    close = sorted(rid for rid, ns in names.items() if rid not in exact and any(_abbreviates(text, n) for n in ns))
    said = f"{role}应写{KIND_WORD[want]}的编号（字母、数字，如 cs-xianwei），“{text}”是名称，不是编号。"
    if exact:
        which = "、".join(f"{label[r]}（{r}）" for r in exact[:_AT_MOST])
        said += f"它是{which}的名称" + ("；同名的不止一个，请核对来源是哪一个" if len(exact) > 1 else "")
    elif close:
        which = "、".join(f"{label[r]}（{r}）" for r in close[:_AT_MOST])
        said += (f"它可能是{which}的简称" + ("：同一个简称可以指几个机构，zhi 不替您选，请按来源的上下文确定"
                                         if len(close) > 1 else "，请核对来源"))
    else:
        said += f"档案中没有叫这个名称的{KIND_WORD[want]}；请先建立这条{KIND_WORD[want]}记录"
    return said + f"。请写它的编号；要记下原件的称呼，写 {{id: 编号, as: {text}}}（as 须是它当时的名称之一）"


def _origin_example(a: Archive) -> str:
    """How to date a body older than the volume: before the book's 上限 (the sample's is not everyone's)."""
    upper = getattr(a.book, "upper", None)
    return f"{upper.start.year}前" if upper is not None else "1950前"


def _same_body(e) -> Iterator[Finding]:
    """A body named twice where two different bodies are meant: a transfer to itself, a merge listing it twice."""
    if e.source_from and e.target_to and e.source_from.id == e.target_to.id:
        yield Finding("event-same-body", "error",
                      f"区域划转事件的 from 与 to 是同一行政区划“{e.target_to.id}”；请核对划出、划入的行政区划"
                      if e.type == "cede" else
                      f"职能划转事件的 from 与 to 是同一机构“{e.target_to.id}”，机构不能把职能划转给自己；"
                      f"请核对划出、划入的机构", e.target_to.loc)
    if e.counterpart and e.body and e.body.id == e.counterpart.id:
        yield Finding("event-same-body", "error",
                      f"{e.type_zh}事件的 body 与 with 是同一行政区划“{e.body.id}”；with 写对口的另一方所属的行政区划，"
                      f"同一行政区划内的机构，不写 with", e.counterpart.loc)
    first = "bodies" if e.type in ("co-locate", "separate") else "before、partly" if e.partly else "before"
    for key, refs in ((first, e.before + e.partly), ("after", e.after)):
        seen: dict[str, Ref] = {}
        for r in refs:
            if r.id in seen:
                yield Finding("event-same-body", "error",
                              f"{e.type_zh}事件的 {key} 中“{r.id}”出现了两次；每个机构只列一次，请删去重复的一项，"
                              f"或改为应写的另一机构", r.loc)
            seen[r.id] = r
    if e.body and any(r.id == e.body.id for r in e.functions_to):
        r = next(r for r in e.functions_to if r.id == e.body.id)
        yield Finding("event-same-body", "error",
                      f"撤销事件把职能划给了被撤销的机构“{r.id}”自己；functions_to 应写承接职能的其他机构", r.loc)
    if e.type == "reparent" and e.body and e.parent and e.parent.id == e.body.id:
        yield Finding("event-same-body", "error",
                      f"隶属变更事件把“{e.body.id}”的上级写成了它自己；请写上级机构的编号", e.parent.loc)


def _area_of_a_body(a: Archive, e, r: Ref) -> Finding:
    """places (or divisions) on an event of a body: the area a place is made of (以甲县城关镇设乙市) is no body's."""
    key = "places" if e.places else "divisions"
    what = "、".join(e.places) or "、".join(f"{n}个{k}" for k, n in e.divisions.items())
    name = (e.new[r.id].name if r.id in e.new else None) or (e.name if r is e.body else None) or ""
    role = "from（从哪个行政区划划出地域）" if r is e.source_from else "body"
    return Finding("ref-wrong-kind", "error",
                   f"{e.type_zh}事件写了“{key}”（{what}），这是行政区划以哪些乡镇、地域设立（以甲县城关镇设乙市）的写法，"
                   f"要求 {role} 是行政区划；但“{r.id}”{('（' + name + '）') if name else ''}是机构，机构的设立没有地域可写。"
                   f"请删去 {key}；来源说的是机构的驻地或管辖范围的，写在 note 里；要记的其实是一个行政区划的，"
                   f"请把它登记在 sources/jurisdictions/ 中", r.loc)


def check_references(a: Archive, h: History) -> Iterator[Finding]:
    for e in a.events:
        yield from _same_body(e)
        if e.type == "staffing" and e.body is not None and _kind_of(a, e.body.id) == "jurisdiction":
            # a jurisdiction's total is not one body's figure; an event cannot hang it on a body
            yield Finding("ref-wrong-kind", "error",
                          f"编制核定事件只能核定某一机构的编制，但“{e.body.id}”是行政区划；请写明核定给哪个机构。"
                          f"整个行政区划或系统的编制总数不是某一机构的编制：请改记为 sources/staffing/ 中的编制记录，"
                          f"写 jurisdiction: {e.body.id}（某一系统的再写 system），见编辑指南 guide/staffing.md", e.body.loc)
            continue
        if e.type == "body-count" and e.body is not None and _kind_of(a, e.body.id) == "body":
            # 革委会下设“四大组”: a body's unnamed sub-units are 成员数 (下辖4个大组), not a place's count of its bodies
            yield Finding("ref-wrong-kind", "error",
                          f"机构数（body-count）事件数的是一个行政区划某一类机构的个数（“政府工作部门增至52个”），"
                          f"body 应写行政区划，但“{e.body.id}”是机构。来源说某机构下设几个单位而不一一列名的"
                          f"（“下设‘四大组’”），请改记成员数（members）事件：body: {e.body.id}，subordinates: "
                          f"{{{e.scope or '大组'}: {e.count if e.count is not None else 4}}}，"
                          f"印作“…下辖{e.count if e.count is not None else 4}个{e.scope or '大组'}”", e.body.loc)
            continue
        # territory moves between places, and a place's counts are a jurisdiction's, never a body's
        place_only = [e.source_from, e.target_to] if e.type == "cede" else [e.body] if e.type == "divisions" \
            else [e.body, e.counterpart] if e.type in ("co-locate", "separate") and e.count is not None \
            else [e.source_from, e.body] if e.places or e.divisions else []  # 以甲县某镇设乙市: both are places
        made_of = e.type not in ("cede", "divisions", "co-locate", "separate") and bool(e.places or e.divisions)
        for r in e.participants():
            if made_of and any(r is p for p in place_only) and _kind_of(a, r.id) == "body":
                yield _area_of_a_body(a, e, r)
                continue
            yield from _check(a, r, "jurisdiction" if any(r is p for p in place_only) else "actor", f"{e.type_zh}事件", h)
        for nb in e.new.values():
            yield from _check(a, nb.parent, "jurisdiction" if nb.id in a.jurisdictions else "body", "上级", h)
            for r in [nb.jurisdiction, *nb.co_jurisdictions]:
                yield from _check(a, r, "jurisdiction", "行政区划", h)
        on_place = e.body is not None and e.body.id in a.jurisdictions
        yield from _check(a, e.parent, "jurisdiction" if on_place else "body", "上级", h)
        for r in e.co_parents + [c for nb in e.new.values() for c in nb.co_parents]:
            yield from _check(a, r, "body", "双重领导", h)
        for r in [e.jurisdiction, *e.co_jurisdictions]:
            yield from _check(a, r, "jurisdiction", "行政区划", h)
        for c in e.sources:
            yield from _check(a, Ref(c.doc, c.loc), "document", "来源", h)
    for p in a.posts:
        yield from _check(a, p.person, "person", "任职记录", h)
        yield from _check(a, p.body, "body", "任职记录", h)
        for c in p.sources:
            yield from _check(a, Ref(c.doc, c.loc), "document", "来源", h)
    for s in a.staffing:
        yield from _check(a, s.body, "body", "编制记录", h)
        yield from _check(a, s.jurisdiction, "jurisdiction", "编制记录", h)
        for c in s.sources:
            yield from _check(a, Ref(c.doc, c.loc), "document", "来源", h)
    for m in a.memos:
        yield from _check(a, m.jurisdiction, "jurisdiction", "记事", h)
        for r in m.mentions:
            if _kind_of(a, r.id) is None:
                yield Finding("ref-unknown", "error", f"记事的“mentions（涉及记录）”中的编号“{r.id}”不存在；"
                              f"请核对拼写（可写机构、行政区划、人物或文件的编号）", r.loc)
        for c in m.sources:
            yield from _check(a, Ref(c.doc, c.loc), "document", "来源", h)
    for d in a.documents.values():
        yield from _check(a, d.issuer_body, "actor", "发文机关", h)
    for b in a.bodies.values():  # the source that says 至今 (见于), and a 附注's
        for c in [*b.sources, *(c for r in b.remarks for c in r.sources)]:
            yield from _check(a, Ref(c.doc, c.loc), "document", "来源", h)
    for r in [*a.bodies.values(), *a.jurisdictions.values()]:  # the source of a name outside the volume
        for n in r.names:
            for c in n.sources:
                yield from _check(a, Ref(c.doc, c.loc), "document", "来源", h)
    for b in a.bodies.values():
        t = h.get(b.id)
        if t is not None and t.start is None and b.in_scope and b.id not in h.undated:
            yield Finding("body-no-origin", "error",
                          f"机构“{b.id}”没有设立记录：请在 sources/events/ 中补记它的设立（establish），"
                          f"或在合并、分设事件的 after 中描述它；早于本志上限的机构，设立日期可写作“{_origin_example(a)}”",
                          b.loc)
    for j in a.jurisdictions.values():
        t = h.get(j.id)
        if t is not None and t.start is None and j.in_scope and j.id not in h.undated:
            yield Finding("body-no-origin", "error",
                          f"行政区划“{j.id}”没有设立记录：请补记其设立（establish）事件，写明名称", j.loc)


def check_nameless(a: Archive, h: History) -> Iterator[Finding]:
    """name-missing: a body or jurisdiction that no record names (a neighbour written `scope: out` with no `names`,
    nor named in the event that mentions it) yet an event refers to it: the 大事记 would print its id
    (“nanfeng-xian的长陂并入广昌县”)."""
    seen: set[str] = set()
    for e in a.events:
        for r in e.participants():
            rec = a.jurisdictions.get(r.id) or a.bodies.get(r.id)
            t = h.get(r.id)
            # in the volume, a nameless record has no origin either (body-no-origin says what to write)
            if rec is None or r.id in seen or getattr(rec, "in_scope", True) or (t is not None and t.names):
                continue
            seen.add(r.id)
            how = ("在它的记录里写 names（照来源写它那时的名称和来源，如 names: [{name: 南丰县, from: 1932, sources: [文件编号]}]，见编辑指南“本志之外的上级”）"
                   if r.id in a.jurisdictions else "给它记一条设立事件写出名称（来源没说何时设立的，日期写“1949前”），"
                   "或在提到它的事件里照来源写出它那时的名称（{id: …, as: 名称}）")
            yield Finding("name-missing", "error",
                          f"{KIND_WORD['jurisdiction' if r.id in a.jurisdictions else 'body']}“{r.id}”没有任何记录写出它的名称，"
                          f"事件 {e.id or e.loc} 却提到它：志书会把编号“{r.id}”当作名称印出。请{how}", rec.loc, [r.loc])

