"""机构数: how many bodies of a scope (政府工作部门, 党政机构 …) a jurisdiction had, as a source counts them, beside
the count the archive's own records give for that day. The two are shown side by side when they differ, never one
silently put for the other: the source may count what the archive lacks, or the archive may be incomplete."""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import Date, parse_date
from ..history import History, Span
from ..model import BODY_KINDS, KIND_ALIASES, Archive, Event
from ..wordings import count_sets_up

# what the usual scope wordings of the sources count, by the guide's body kinds; the first that a scope names wins
SCOPE_KINDS: tuple[tuple[tuple[str, ...], frozenset[str]], ...] = (
    (("党政",), frozenset({"党委工作部门", "政府工作部门"})),
    (("政府", "革委", "革命委员会", "人委"), frozenset({"政府工作部门"})),  # before 委工作: 县革委工作部门
    (("党委", "委工作"), frozenset({"党委工作部门"})),
)


# a scope that also counts what the kinds above do not hold (民主党派, 群团, "等部门"): zhi cannot count it
_UNCOUNTABLE = ("等", "民主党派", "群团", "党政群", "人大", "政协", "法院", "检察")
# what the kinds above count are departments: a scope that counts anything else (地区革命委员会大组, 乡镇) is no count
# of them, whatever organ it names
_COUNTED_NOUNS = ("部门", "机构", "机关")
# a source's count of what is planned (拟设7个) says nothing of what existed that day: never compared
PLANNED = ("拟", "计划", "规划", "预定")
# what a count may leave out that zhi can leave out too: a body sharing office with another counted once (合署机构);
# a plaque (牌子) is never counted, it is a name; the bodies of a kind, by the kind's name or these words for it
_MERGED_WORDS = ("合署",)
_PLAQUE_WORDS = ("牌子", "挂牌", "加挂")
_KIND_WORDS = {"人大": "人大机关", "政协": "政协机关", "法院": "审判机关", "检察院": "检察机关", "纪委": "纪律检查机关",
               "群团": "群团机关", "群众团体": "群团机关", "派出机构": "政府派出机构", "议事协调": "议事协调机构",
               "事业单位": "事业单位", "直属机构": "政府直属机构", "办事机构": "党委办事机构"}


def planned(e: Event | None) -> bool:
    """A count the source gives as a plan (将由48个压缩到29个, 拟设7个): not what existed that day."""
    return e is not None and (bool(e.planned) or any(w in (e.wording or "") for w in PLANNED))


def leaving_out(excludes: list[str]) -> tuple[frozenset[str], bool, list[str]]:
    """What the exclusions of a count mean to zhi: kinds left out, whether co-located bodies count once, and the
    exclusions zhi cannot make (then it does not compare)."""
    kinds: set[str] = set()
    merged, unknown = False, []
    for x in excludes:
        if any(w in x for w in _MERGED_WORDS):
            merged = True
        elif any(w in x for w in _PLAQUE_WORDS):
            continue
        elif (k := KIND_ALIASES.get(x, x)) in BODY_KINDS:
            kinds.add(k)
        elif hits := [k for w, k in _KIND_WORDS.items() if w in x]:
            kinds.update(hits)
        else:
            unknown.append(x)
    return frozenset(kinds), merged, unknown


def kinds_of(scope: str) -> frozenset[str] | None:
    """The body kinds a scope wording counts, or None when zhi cannot tell (then nothing is compared). A scope
    naming both the committee's and the government's departments (市委、市政府工作部门) counts both."""
    if any(w in scope for w in _UNCOUNTABLE) or not scope.endswith(_COUNTED_NOUNS):
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
    why: str = ""         # why the archive's count is not made (a plan, a scope or exclusion zhi cannot count)


def derive(a: Archive, h: History, jurisdiction: str, scope: str, d: Date,
           excludes: list[str] | None = None) -> tuple[frozenset[str], list[str], list[str]] | None:
    """The bodies of ``scope`` the archive shows in ``jurisdiction`` at the end of ``d`` (after that day's changes),
    and those there whose kind is unknown; without the kinds ``excludes`` names, and with bodies that share an office
    counted once when it names 合署机构. None when zhi cannot count the scope or make an exclusion."""
    kinds = kinds_of(scope)
    left_kinds, merged, cannot = leaving_out(excludes or [])
    if kinds is None or cannot:
        return None
    kinds = kinds - left_kinds
    day = parse_date(d.latest().isoformat())
    names, unknown, counted = [], [], set()
    for t in h.timelines.values():
        if t.is_jurisdiction or t.outside or not t.belongs_on(day, jurisdiction) or not t.known_alive_on(day):
            continue
        hits = [k for k in t.kinds if k.covers(day)]
        kind = (hits[-1].value if hits else None) or (a.bodies[t.id].body_kind if t.id in a.bodies else "")
        if kind in kinds:
            if merged and counted & set(t.colocated_on(day)):
                continue  # shares an office with one already counted: 不含合署机构
            counted.add(t.id)
            names.append((t.name_on(day) or (t.id,))[0])
        elif not kind or kind == "不详" or (t.id in a.bodies and a.bodies[t.id].kind_unknown):
            unknown.append((t.name_on(day) or (t.id,))[0])
    return kinds, sorted(names), sorted(unknown)


def counts(a: Archive, h: History) -> list[Count]:
    out = []
    for t in h.timelines.values():
        for s in t.body_counts:
            scope = s.value[0] or ""
            e = s.start_event
            excludes = e.excludes if e else []
            got = derive(a, h, t.id, scope, s.start, excludes) \
                if s.start is not None and not planned(e) and not count_sets_up(e.wording if e else None) else None
            why = "" if got else why_not(scope, e, excludes)
            out.append(Count(t.id, s, got[0] if got else None, len(got[1]) if got else None, got[1] if got else [],
                             got[2] if got else [], why))
    return out


def why_not(scope: str, e: Event | None, excludes: list[str]) -> str:
    if planned(e):
        return "来源记的是计划数，不是那天已有的机构数"
    if e is not None and count_sets_up(e.wording):
        return f"来源记的是{e.wording}的个数，不是那天已有的机构数"
    if not scope.endswith(_COUNTED_NOUNS) and not any(w in scope for w in _UNCOUNTABLE):
        return (f"口径“{scope}”数的不是工作部门、机构（不以“部门”“机构”“机关”结尾），"
                "zhi 不拿它与按类别数出的党委、政府工作部门核对")
    if kinds_of(scope) is None:
        hits = [w for w in _UNCOUNTABLE if w in scope]
        said = "、".join(("“等”字（来源没有列全）" if w == "等" else f"“{w}”") for w in hits)
        return (f"口径“{scope}”中有{said}，zhi 只数得了按类别登记的党委、政府工作部门等，这个口径的机构数不了"
                if hits else
                f"zhi 不知道口径“{scope}”数的是哪一类机构（认得的：党政、政府、革委、人委、党委、委工作）")
    cannot = leaving_out(excludes)[2]
    if cannot:
        return (f"zhi 不知道怎样除去“{'、'.join(cannot)}”（认得的：合署机构、牌子、机构类别及人大、政协、法院、检察院、"
                "纪委、群团、派出机构、议事协调机构、事业单位、直属机构、办事机构）")
    return "来源的日期不详"
