"""机构数: how many bodies of a scope (政府工作部门, 党政机构 …) a jurisdiction had, as a source counts them, beside
the count the archive's own records give for that day. The two are shown side by side when they differ, never one
silently put for the other: the source may count what the archive lacks, or the archive may be incomplete."""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import Date, parse_date
from ..history import History, Span
from ..model import Archive

# what the usual scope wordings of the sources count, by the guide's body kinds; the first that a scope names wins
SCOPE_KINDS: tuple[tuple[tuple[str, ...], frozenset[str]], ...] = (
    (("党政",), frozenset({"党委工作部门", "政府工作部门"})),
    (("政府", "革委", "革命委员会", "人委"), frozenset({"政府工作部门"})),  # before 委工作: 县革委工作部门
    (("党委", "委工作"), frozenset({"党委工作部门"})),
)


# a scope that also counts what the kinds above do not hold (民主党派, 群团, "等部门"): zhi cannot count it
_UNCOUNTABLE = ("等", "民主党派", "群团", "人大", "政协", "法院", "检察")
# a source's count of what is planned (拟设7个) says nothing of what existed that day: never compared
PLANNED = ("拟", "计划", "规划", "预定")


def kinds_of(scope: str) -> frozenset[str] | None:
    """The body kinds a scope wording counts, or None when zhi cannot tell (then nothing is compared). A scope
    naming both the committee's and the government's departments (市委、市政府工作部门) counts both."""
    if any(w in scope for w in _UNCOUNTABLE):
        return None
    if "政府" in scope and any(w in scope.replace("政府", "") for w in ("委工作", "委、", "党委")):
        return frozenset({"党委工作部门", "政府工作部门"})
    for words, kinds in SCOPE_KINDS:
        if any(w in scope for w in words):
            return kinds
    return None


@dataclass
class Count:
    jurisdiction: str
    span: Span            # the body-count fact: value (scope, count, before)
    kinds: frozenset[str] | None
    derived: int | None   # the archive's own count on that day; None when the scope cannot be compared
    names: list[str]      # the bodies counted, as named that day
    unknown: list[str]    # bodies there that day whose kind no source gives: neither counted nor left out silently


def derive(a: Archive, h: History, jurisdiction: str, scope: str,
           d: Date) -> tuple[frozenset[str], list[str], list[str]] | None:
    """The bodies of ``scope`` the archive shows in ``jurisdiction`` at the end of ``d`` (after that day's changes),
    and those there whose kind is unknown."""
    kinds = kinds_of(scope)
    if kinds is None:
        return None
    day = parse_date(d.latest().isoformat())
    names, unknown = [], []
    for t in h.timelines.values():
        if t.is_jurisdiction or t.outside or t.jurisdiction_on(day) != jurisdiction or not t.known_alive_on(day):
            continue
        hits = [k for k in t.kinds if k.covers(day)]
        kind = (hits[-1].value if hits else None) or (a.bodies[t.id].body_kind if t.id in a.bodies else "")
        if kind in kinds:
            names.append((t.name_on(day) or (t.id,))[0])
        elif not kind or kind == "不详" or (t.id in a.bodies and a.bodies[t.id].kind_unknown):
            unknown.append((t.name_on(day) or (t.id,))[0])
    return kinds, sorted(names), sorted(unknown)


def counts(a: Archive, h: History) -> list[Count]:
    out = []
    for t in h.timelines.values():
        for s in t.body_counts:
            scope = s.value[0] or ""
            planned = s.start_event is not None and any(w in (s.start_event.wording or "") for w in PLANNED)
            got = derive(a, h, t.id, scope, s.start) if s.start is not None and not planned else None
            out.append(Count(t.id, s, got[0] if got else None, len(got[1]) if got else None, got[1] if got else [],
                             got[2] if got else []))
    return out
