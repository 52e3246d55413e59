"""大事记: the editor's chronology, made from the complete list of changes (the 机构变动年表, ``chronology``).

Selection follows the house style's rules (``dashiji:`` in sources/house-style.yaml) unless a record says
``dashiji: 收`` or ``不收``. Changes made on one day by one document (or joined by hand with ``group:``) become
one entry naming them all in the document's order. The principal posts' appointments come from the post
records, and the editor's own 记事 (``sources/memos/``) are sorted in. Every entry keeps its sources; what other
sources say (考异) stays with it as a note. The edition filter has run before: nothing withheld is seen here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..citations import places_cited, places_joined
from ..classification import highest
from ..dates import Date, after_lower
from ..history import History
from ..model import UNKNOWN, Archive, Document, Event, Memo, Post
from ..wordings import (
    abolishes_and_sets_up,
    around_name,
    campaign,
    changed_into,
    establish_words,
    receiving_side_speaks,
    rename_verb,
    says_abolished,
    superior_speaks,
    transfer_words,
)
from .chronology import (
    Entry,
    Mention,
    Segment,
    _join,
    _Writer,
    chronology,
    count_key,
    established_run,
    place_key,
    place_said_together,
    print_key,
)
from .chronology import segs_text as _text
from .naming import label_on, name_on, name_then

# event types a change of a principal body is told for; the others (编制核定, 职能划转 …) only in the 年表
TYPES = ("establish", "merge", "split", "abolish", "restore", "reorganise", "rename", "rerank", "rejurisdiction",
         "reparent", "co-locate", "separate", "suspend", "resume", "add-name", "drop-name", "transfer", "staffing",
         "unofficial-name", "restore-name", "body-count", "members", "authority", "authority-end")
DEFAULT_TYPES = ("establish", "merge", "split", "abolish", "restore", "reorganise", "rename", "rerank",
                 "rejurisdiction", "reparent", "co-locate", "separate", "suspend", "resume", "unofficial-name",
                 "restore-name", "body-count", "authority", "authority-end")
# a jurisdiction's own history (区域划转, 驻地, 辖区, 筹建): told when its place is (rule 1: 行政区划的变动 … 划归)
TERRITORY_TYPES = ("cede", "move-seat", "seat", "divisions", "prepare")
# the house style's `dashiji:` keys, their defaults and what they hold (guide/dashiji.md)
DEFAULTS: dict[str, object] = {
    "types": list(DEFAULT_TYPES),
    # 党委工作部门: real county 大事记 record the committee's departments (化德县志 1956, 1959: tests/fixtures/real)
    "kinds": ["党委工作部门", "人大机关", "政协机关", "审判机关", "检察机关", "纪律检查机关"],
    "ranks": ["正省级", "副省级", "正厅级", "副厅级", "正地级", "副地级", "正处级", "副处级", "正县级", "副县级"],
    "names": ["编制委员会", "机构编制"],
    "top": True,
    "jurisdictions": True,
    "reform": 5,
    "leaders": ["书记", "县长", "区长", "市长", "旗长", "主任", "主席", "编委主任", "编办主任"],
    "staffing": False,
}
OPTIONS = {
    "types": "事件类型列表", "kinds": "机构类别列表", "ranks": "规格列表", "names": "名称中的词语列表",
    "top": "true/false", "jurisdictions": "true/false", "reform": "整数（0 表示不按此收录）",
    "leaders": "职务列表", "staffing": "true/false",
}
# bodies that are places under a county (乡镇, 人民公社, 街道, and the 区 of a 区公所): one handed to another county is a
# change of territory
PLACE_KINDS = ("乡镇", "街道", "区公所", "人民公社")
# bodies that have no superior body but are not the jurisdiction's leading bodies
_NOT_TOP = (*PLACE_KINDS, "事业单位", "企业", "群团机关", "民主党派")


@dataclass
class Rules:
    types: set[str]
    kinds: set[str]
    ranks: set[str]
    names: list[str]
    top: bool
    jurisdictions: bool
    reform: int
    leaders: list[str]
    staffing: bool

    @classmethod
    def from_options(cls, options: dict[str, object] | None = None) -> Rules:
        o = dict(DEFAULTS)
        o.update(options or {})
        types = {t for t in o["types"]}  # type: ignore[union-attr]
        return cls(types, set(o["kinds"]), set(o["ranks"]), list(o["names"]), bool(o["top"]),  # type: ignore
                   bool(o["jurisdictions"]), int(o["reform"]), list(o["leaders"]), bool(o["staffing"]))  # type: ignore


def rules_for(root: Path | str) -> Rules:
    from ..project import load_house_style  # lazy: project imports the checks, which import the views
    return Rules.from_options(load_house_style(Path(root)).dashiji)


@dataclass
class Item(Entry):
    """One 大事记 entry: one or more events (a document's changes; ``members``), a post, or an editor's 记事."""

    record: Event | Post | Memo | None = None
    kind: str = "event"   # event | post | memo


# ---- selection ----------------------------------------------------------------------------------------------
def _span_value(spans, d):
    hits = [s for s in spans if s.covers(d)]
    return hits[-1].value if hits else (spans[0].value if spans else None)


def _no_superior_here(h: History, parent: str | None) -> bool:
    """No superior body in the volume: none, or one outside it (地区革命委员会 over the 县革命委员会): the body leads
    its jurisdiction as far as the book is concerned."""
    t = h.get(parent) if parent else None
    return parent is None or (t is not None and t.outside)


# the short forms editors and sources write for the words of the rule ``names`` (县编委 for 县机构编制委员会, 编委办,
# 县编办 for its office): a body recorded only by a short name is the same body. 编委 after 志, 史, 鉴, 报, 刊 or
# before 会 is an editorial board (县志编委会, 史志编委): never the 编制委员会.
_BIANWEI = re.compile(r"(?<![志史鉴报刊书])编委(?!会)")
SHORT_FORMS: dict[str, tuple[re.Pattern, ...]] = {
    "编制委员会": (_BIANWEI, re.compile("编办")),
    "机构编制": (_BIANWEI, re.compile("编办")),
}


def named(name: str, word: str) -> bool:
    """Whether a body's name holds a word of the rule ``names``, written in full or in a short form (SHORT_FORMS)."""
    return word in name or any(p.search(name) for p in SHORT_FORMS.get(word, ()))


def principal(a: Archive, h: History, rid: str, e: Event, rules: Rules) -> bool:
    """A body whose changes the 大事记 tells: a jurisdiction, a leading body of one (no superior body), one of
    the kinds, ranks or names the rules list."""
    t = h.get(rid)
    if t is None or t.outside:
        return False
    if t.is_jurisdiction:
        return rules.jurisdictions
    nb = e.new.get(rid)
    kind = (nb.body_kind if nb and nb.body_kind else None) or _span_value(t.kinds, e.date) \
        or (a.bodies[rid].body_kind if rid in a.bodies else "")
    rank = (nb.rank if nb and nb.rank else None) or _span_value(t.ranks, e.date)
    if nb is not None:   # the superior the history gives it from this event on: a restore that names none keeps
        # the former one if that is there then, else 上级不详 — unknown, which is not "no superior"
        opened = [s for s in t.parents if s.start_event is e]
        parent = opened[0].value if opened else (nb.parent.id if nb.parent else UNKNOWN if nb.parent_unknown else None)
    else:
        parent = t.parent_on(e.date)
    if nb is None and parent is None and t.parents:
        parent = _span_value(t.parents, e.date)
    if kind in rules.kinds or (rank and rank in rules.ranks):
        return True
    names = t.names_on(e.date) | ({nb.name} if nb and nb.name else set()) | ({nb.short} if nb and nb.short else set())
    if any(named(n, w) for w in rules.names for n in names if n):
        return True
    # `kind: 不详`: what the body was the sources do not say — never taken for a leading body only because no superior
    # is recorded either (四个协会 of a 文联 are no 县委); one that others are placed under (the county's 革命委员会 and
    # its 部) leads them, whatever its kind
    unknown_kind = not kind and rid in a.bodies and a.bodies[rid].kind_unknown and rid not in h.superiors
    return rules.top and not unknown_kind and _no_superior_here(h, parent) and kind not in _NOT_TOP


def tellable(h: History, e: Event, rules: Rules) -> bool:
    """A kind of change the rules tell (or one the editor asked for); 编制核定, 职能划转 … stay in the 年表. A body put
    under another superior is told by the 年表 only; a jurisdiction's change of parent (改属) is a 大事记 matter."""
    if e.dashiji is not None:
        return e.dashiji
    if e.type in TERRITORY_TYPES:
        return True  # whether its place is one the rules tell is for `principal` (`jurisdictions: false` drops it)
    if e.type == "members" and any(k == "units" for k, _w, _n in e.figures):
        return True  # the units a body had, by name (县政府下设民政科、财政科……): its make-up, as the source lists it
    if e.type not in rules.types and not (rules.staffing and e.type == "staffing"):
        return False
    if e.type == "reparent":
        t = h.get(e.body.id) if e.body else None
        return t is not None and t.is_jurisdiction
    return True


def selected(a: Archive, h: History, en: Entry, rules: Rules) -> bool:
    e = en.event
    if e.dashiji is not None:
        return e.dashiji
    if e.date.qualifier == "before":
        return False  # “1969-12前”: the source does not say when it happened; the 年表 has it, the 大事记 does not
    if e.type == "rejurisdiction" and e.body and e.body.id in a.bodies \
            and a.bodies[e.body.id].body_kind in PLACE_KINDS:
        # a 乡镇 (公社) handed to another county is the counties' territory changing (rule 1: 乡镇划入划出)
        return tellable(h, e, rules) and rules.jurisdictions
    # a county outside the volume placed under a city of it (饶平县划入潮州市) is the city's change
    refs = e.participants() + ([e.parent] if e.type == "reparent" and e.parent else [])
    return tellable(h, e, rules) and any(principal(a, h, r.id, e, rules) for r in refs)


# ---- grouping -----------------------------------------------------------------------------------------------
def _document(en: Entry) -> Document | None:
    """The document that made the change: the first archival source that supports it, else the first one."""
    archival = [d for d in en.sources if not d.genre]
    return (archival or en.sources or [None])[0]


def _group_key(en: Entry) -> tuple | None:
    """Changes are one entry when an editor groups them, or one archival document made them on one day (a 志书 or
    资料汇编 that tells many changes did not make them together)."""
    e = en.event
    if e.group:
        return ("hand", e.group)
    doc = _document(en)
    if doc is None or doc.genre or e.date is None:
        # 设立甲、乙等5个机构 in a 志 or 资料汇编: one sentence of the source, one entry (chronology.count_key)
        return ("count", *key) if (key := count_key(en)) is not None else None
    return ("doc", doc.id, e.date.sort_key())


def _body(segs: list[Segment]) -> list[Segment]:
    """A sentence without its full stop (to be joined with others)."""
    return segs[:-1] if segs and segs[-1] == "。" else list(segs)


def _says_more(e: Event) -> bool:
    """A place's establishment says more than its name: the area it is made from, or its level (为功能区…)."""
    nb = e.new.get(e.body.id) if e.body else None
    return bool(e.places or e.divisions or (nb is not None and nb.level))


def _run_text(w: _Writer, run: list[Entry]) -> list[Segment]:
    """A run of changes of one type from one document, said once: 设立A、B、C / 撤销A、B / A、B分别更名为C、D."""
    es = [en.event for en in run]
    kind = es[0].type
    places = [en for en, e in zip(run, es) if kind in ("establish", "restore") and e.body
              and e.body.id in w.a.jurisdictions and _says_more(e)]
    if len(run) > 1 and places and len(places) < len(run):
        # a place set up with its bodies: the place's own sentence (its level, the area it is made from) stands
        # whole, the bodies are said together after it
        return _join([_body(en.segments) for en in places], "；") + ["；"] + \
            _run_text(w, [en for en in run if en not in places])
    if len(run) > 1:
        if kind == "establish" and all(e.body for e in es) and len({e.wording for e in es}) == 1 \
                and not changed_into(es[0].wording):   # 改为甲（此前名称不详）: each said whole
            joint = {(tuple(r.id for r in e.takes_over), e.takes_over_wording,
                      e.sponsor.id if e.sponsor else None, e.sponsor_wording) for e in es}
            if len(joint) > 1:   # each taking over (or sponsored) on its own: each said whole, nothing dropped
                return _join([_body(en.segments) for en in run], "；")
            # 县革命委员会下设政工组、…，取代县委、县人委工作机构的全部职能: said once, of them together
            said = established_run(w, es)
            return _join([_body(en.segments) for en in run], "；") if said is None \
                else w.sponsored_and_taking_over(es[0], said)
        # abolitions are run by their verb (_runs): 取消甲、乙; 撤销丙; 撤区并乡，撤销甲区、乙区; 撤销甲县、乙县建制
        if kind == "abolish" and all(e.body and len(e.functions_to) <= 1 for e in es) \
                and len({(bool(e.functions_to), e.functions_wording) for e in es}) == 1:
            verb, status = around_name(None if campaign(es[0].wording) else es[0].wording, "撤销")
            named = w.campaign_lead(es[0]) + [verb] + _join([[w.before(e.body.id, e)] for e in es]) \
                + ([status] if status else [])
            if not es[0].functions_to:
                return named
            before, after = transfer_words(es[0].functions_wording or "并入")   # 其职能分别由甲、乙承担
            return named + [f"，其职能分别{before}"] + _join([[w.now(e.functions_to[0].id, e)] for e in es]) \
                + ([after] if after else [])
        into = [e.after[0].id if e.after else None for e in es]
        if kind == "merge" and all(len(e.before) == 2 and not e.partly and t in {r.id for r in e.before}
                                   and not says_abolished(e.wording) for e, t in zip(es, into)):
            return _join([[w.before(next(r.id for r in e.before if r.id != t), e)] for e, t in zip(es, into)]) \
                + ["分别并入"] + _join([[w.before(t, e)] for e, t in zip(es, into)])
        # said once only in the one verb they share (分别改称), never 更名为 for a source's 改称 and 改为
        if kind == "rename" and all(e.body for e in es) and len({e.wording for e in es}) == 1 \
                and not abolishes_and_sets_up(es[0].wording):
            news = [[w.m(e.body.id, e.name or name_on(w.h, e.body.id, e.date), e.date)] for e in es]
            return _join([[w.before(e.body.id, e)] for e in es]) + ["分别" + rename_verb(es[0].wording)] + _join(news)
        if kind == "rerank" and all(e.body and e.rank and not (e.wording or e.level or e.body_kind) for e in es) \
                and len({e.rank for e in es}) == 1:
            return _join([[w.now(e.body.id, e)] for e in es]) + [f"规格均调整为{es[0].rank}"]
        if kind == "rejurisdiction" and len({e.jurisdiction.id if e.jurisdiction else None for e in es}) == 1 \
                and all(e.body and not e.parent_set for e in es):
            names = _join([[w.now(e.body.id, e)] for e in es])
            return names + w.came_from(es, _text(names)) + ["划归", w.now(es[0].jurisdiction.id, es[0])]
        if kind == "cede" and len({(e.target_to.id if e.target_to else None, e.wording) for e in es}) == 1 \
                and all(e.target_to and e.source_from and (e.places or e.divisions) for e in es) \
                and not receiving_side_speaks(es[0].wording):
            # 甲县的A区，乙县的B区划归丙县: the places in the record's order, the verb and the receiving place once
            return _join([w.ceded(e) for e in es], "，") + [es[0].wording or "划归", w.now(es[0].target_to.id, es[0])]
        if kind in ("reparent",) and all(e.body and e.parent and not e.co_parents and not e.wording
                                         and w.had_superior(e.body.id, e) for e in es) \
                and len({e.parent.id for e in es}) == 1:
            return _join([[w.now(e.body.id, e)] for e in es]) + ["改为隶属", w.now(es[0].parent.id, es[0])]
    return _join([_body(en.segments) for en in run], "；")


def _lead(docs: list[Document], when) -> list[Segment]:
    """'国务院批准，' when the document's issuer and how it acted are recorded (the editor's `action`) and the
    document is of the entry's date; '经国务院批准，' when it came earlier (or its date is not known): the
    entry's date is the change's, and the approval is not dated to it."""
    if len({d.id for d in docs}) != 1:
        return []
    d = docs[0]
    if not (d.issuer and d.action):
        return []
    same_day = d.date is not None and when is not None and d.date.sort_key() == when.sort_key()
    return [f"{d.issuer}{d.action}，" if same_day else f"经{d.issuer}{d.action}，"]


def _merge_entries(w: _Writer, group: list[Entry]) -> Item:
    """One entry for changes made together, in the order the records give them (the document's order); changes
    of one type are said once (设立A、B、C), in the order their type first appears."""
    group = _places_together(w.h, sorted(group, key=lambda en: w.told(en.event)))
    when = group[0].date
    if len({en.date.sort_key() for en in group}) > 1:   # grouped by hand across dates: 1980、1985年先后建立甲、乙
        segs, when = _across_dates(w, group)
    else:
        segs = _join([_run_text(w, run) for run in _runs(group)], "；")
    docs = [d for d in (_document(en) for en in group) if d is not None]
    segs = _lead(docs, when) + segs + ["。"]
    first = group[0]
    sources: list[Document] = []
    for en in group:
        for d in en.sources:
            if d not in sources:
                sources.append(d)
    pages = places_joined([en.pages for en in group])
    dissents = [x for en in group for x in en.dissents]
    kaoyi = "；".join(en.kaoyi for en in group if en.kaoyi)
    anchor_event = next((en.event for en in group if en.dissents or en.kaoyi), first.event)
    return Item(anchor_event, when, segs, sources, set().union(*(en.jurisdictions for en in group)),
                set().union(*(en.bodies for en in group)), highest([en.classification for en in group]),
                dissents, kaoyi, pages, members=[e for en in group for e in (en.members or [en.event])],
                record=first.event, kind="event")


def _places_together(h: History, group: list[Entry]) -> list[Entry]:
    """One place's own changes of the day said as one sentence (撤销南安县，设立南安市（县级），由泉州市代管), at the first
    one's place in the group: chronology.place_said_together, as the 年表 says them."""
    keys = {id(en): k[:3] for en in group if (k := place_key(h, en)) is not None}
    together = {k for k in keys.values() if sum(1 for x in keys.values() if x == k) > 1}
    if not together:
        return group
    return place_said_together(h, group, lambda en: keys.get(id(en)) if keys.get(id(en)) in together else None)


def _runs(group: list[Entry]) -> list[list[Entry]]:
    """The group's changes by type, in the order each type first appears (and a superior's 下设 by that superior;
    establishments by their verb: 成立甲；设乙、丙、丁, each verb's bodies said together, as 下设 are)."""
    runs: dict[tuple, list[Entry]] = {}
    for en in group:   # bodies a superior sets up (县委下设…) are said apart from those set up otherwise
        e = en.event
        key = ("place", id(en)) if len(en.members) > 1 \
            else (e.type, e.wording, _new_parent(e)) if e.type == "establish" and superior_speaks(e.wording) \
            else (e.type, e.wording) if e.type in ("abolish", "establish") else (e.type,)   # 取消甲 and 撤销乙 apart
        runs.setdefault(key, []).append(en)
    return list(runs.values())


def _new_parent(e: Event) -> str | None:
    """The superior of the body an establishment makes (None when it names none)."""
    nb = e.new.get(e.body.id) if e.body else None
    return nb.parent.id if nb is not None and nb.parent else None


def _across_dates(w: _Writer, group: list[Entry]) -> tuple[list[Segment], Date]:
    """Changes an editor made one entry whose dates differ (the source: 1980、1985、1987、1989年先后建立…): dated
    from the first to the last, and each change keeps its own date — never all put on the first. Bodies set up
    alike are said in one run, each with its year (先后建立甲（1980年）、乙（1985年））; others each after its date."""
    group = sorted(group, key=lambda en: (en.date.sort_key(), w.told(en.event)))
    first = group[0].date.start
    last = max(((en.date.end or en.date.start) for en in group), key=lambda p: p.sort_tuple())
    span = Date(first, "exact", last, "")
    es = [en.event for en in group]
    if all(e.type == es[0].type == "establish" and e.body and e.count is None and not w.made_from(e) for e in es) \
            and len({e.wording for e in es}) == 1 and not superior_speaks(es[0].wording):
        before, after = establish_words(es[0].wording)
        named = [w.created_name(e.body.id, e) + [f"（{e.date.chinese()}）"] for e in es]
        attrs = [w.attributes(e.body.id, e) for e in es]
        segs = ["先后", before or after] + _join(named)
        if attrs[0] and all(_text(x) == _text(attrs[0]) for x in attrs):
            lead = attrs[0][0]
            segs += (["，均" + lead[1:]] if isinstance(lead, str) and lead.startswith("，") else [lead]) + attrs[0][1:]
        return segs, span
    by_date: dict[tuple, list[Entry]] = {}
    for en in group:
        by_date.setdefault(en.date.sort_key(), []).append(en)
    return _join([[f"{run[0].date.chinese()}，"] + _join([_run_text(w, r) for r in _runs(run)], "；")
                  for run in by_date.values()], "；"), span


def _single(en: Entry) -> Item:
    lead = _lead([_document(en)], en.date) if _document(en) else []
    return Item(en.event, en.date, lead + en.segments, en.sources, en.jurisdictions, en.bodies, en.classification,
                en.dissents, en.kaoyi, en.pages, members=[en.event], record=en.event, kind="event")


# ---- leaders ------------------------------------------------------------------------------------------------
def _title(a: Archive, h: History, p: Post) -> str:
    """The post as the 大事记 names it: 县委书记, 临水县县长, 区编办主任."""
    rid = p.body.id
    t = h.get(rid)
    d = p.start
    if t is None:
        return p.post
    post = p.base_post                              # 主任（兼）: the title is 县革委主任, the 兼 goes before it
    jur = t.jurisdiction_on(d) if d else None
    if jur and post[:1] in ("县", "区", "市", "旗", "州") and post.endswith("长"):
        return name_then(h, jur, d) + post          # 临水县县长
    full, short = t.name_on(d) if d and t.name_on(d) else (t.current_name(), None)
    if d is not None and (hedged := name_then(h, rid, d)) != label_on(h, rid, d):
        return hedged + post                        # a rename dated as a period may have come: the full name, noted
    return (short or full) + post


def leader_selected(a: Archive, h: History, p: Post, rules: Rules) -> bool:
    if p.dashiji is not None:
        return p.dashiji
    if p.start is None or p.start_unknown or p.body is None:
        return False
    t = h.get(p.body.id)
    if t is None or t.outside or t.is_jurisdiction:
        return False
    title = _title(a, h, p)
    kind = _span_value(t.kinds, p.start) or (a.bodies[p.body.id].body_kind if p.body.id in a.bodies else "")
    top = _no_superior_here(h, t.parent_on(p.start)) and kind not in _NOT_TOP
    post = p.base_post                              # a 主任（兼） is a 主任
    for rule in rules.leaders:
        if rule == post and top:
            return True
        if rule != post and len(rule) > len(post) and any(title.endswith(r) for r in spelled_out(rule)):
            return True
    return False


# a leader rule written with a short name (编委主任, 编办主任) holds for the post named in full (县机构编制委员会主任)
_SPELLED_OUT = {"编委": ("编制委员会",), "编办": ("编制委员会办公室", "编制办公室")}


def spelled_out(rule: str) -> list[str]:
    """A leader rule and the same rule with its short body name written in full: 编委主任 → 编制委员会主任."""
    return [rule] + [full + rule[len(short):] for short, fulls in _SPELLED_OUT.items() if rule.startswith(short)
                     for full in fulls]


def _leader_item(a: Archive, h: History, p: Post, also: list[Post] | None = None) -> Item | None:
    """One appointment: 李锦章任县革委主任; with the posts the person took concurrently the same day (``also``, the
    主任（兼）): 赵蓝田任县委书记兼县革委主任; a concurrent post alone: 赵蓝田兼任县革委主任."""
    person = a.people.get(p.person.id) if p.person else None
    if person is None or person.unnamed or p.start is None:   # 姓名不详任县长 says nothing
        return None
    posts = [p, *(also or [])]
    docs = list({c.doc: a.documents[c.doc] for q in posts for c in q.sources if c.doc in a.documents}.values())
    segs: list[Segment] = [Mention(person.id, person.name), "兼任" if p.concurrent else "任",
                           Mention(p.body.id, _title(a, h, p))]
    for q in also or []:
        segs += ["兼", Mention(q.body.id, _title(a, h, q))]
    segs.append("。")
    jurs: set[str] = set()
    for q in posts:
        t = h.get(q.body.id)
        jurs |= set(t.places_on(q.start)) if t else set()   # 市县合署: a leader of both places; in 筹建, its place
    level = highest([q.classification for q in posts] + [d.classification for d in docs])
    pages = places_cited([c for q in posts for c in q.sources], a.documents)
    return Item(_stub(p), p.start, segs, docs, jurs, {q.body.id for q in posts}, level, [], "", pages,
                members=[], record=p, kind="post")


def _leader_items(a: Archive, h: History, rules: Rules) -> list[Item]:
    """The selected appointments, a person's concurrent posts (主任（兼）) of the same day told with the post held
    principally, as the source tells them (任县委书记兼县革委主任), never dropped."""
    chosen = [p for p in a.posts if leader_selected(a, h, p, rules)]
    concurrent = [p for p in chosen if p.concurrent]
    told: set[int] = set()
    items: list[Item] = []
    for p in chosen:
        if p.concurrent:
            continue
        also = [q for q in concurrent if id(q) not in told and q.person and p.person and q.person.id == p.person.id
                and q.start == p.start and q.classification == p.classification]
        told |= {id(q) for q in also}
        it = _leader_item(a, h, p, also)
        if it:
            items.append(it)
    for q in concurrent:
        if id(q) not in told:
            it = _leader_item(a, h, q)
            if it:
                items.append(it)
    return items


# ---- the editor's 记事 --------------------------------------------------------------------------------------
def _memo_item(a: Archive, h: History, m: Memo) -> Item | None:
    if m.date is None or not m.text:
        return None
    docs = list({c.doc: a.documents[c.doc] for c in m.sources if c.doc in a.documents}.values())
    jur = memo_jurisdictions(a, h, m)
    level = highest([m.classification] + [d.classification for d in docs])
    pages = places_cited(m.sources, a.documents)
    return Item(_stub(m), m.date, [m.sentence], docs, jur, {r.id for r in m.mentions}, level, [], m.conflict_note, pages,
                members=[], record=m, kind="memo")


def memo_jurisdictions(a: Archive, h: History, m: Memo) -> set[str]:
    """The jurisdictions whose 大事记 take a 记事: its ``jurisdiction``; else those it mentions (a place named in
    ``mentions``, the place a mentioned body belonged to on its date); else every place of the book that may have
    existed then (a 记事 of 1960 is not put at the head of a county set up in 1981)."""
    if m.jurisdiction:
        return {m.jurisdiction.id}
    in_scope = {j.id for j in a.jurisdictions.values() if j.in_scope}
    named: set[str] = set()
    for r in m.mentions:
        t = h.timelines.get(r.id)
        if r.id in in_scope:
            named.add(r.id)
        elif t is not None and not t.is_jurisdiction and m.date is not None:
            named.update(x for x in t.jurisdictions_on(m.date) if x in in_scope)
    if named:
        return named

    def may_exist(jid: str) -> bool:
        t = h.timelines.get(jid)
        return t is None or m.date is None or not (t.definitely_before_start(m.date) or t.definitely_after_end(m.date))

    return {j for j in in_scope if may_exist(j)} or in_scope


def _stub(rec: Post | Memo) -> Event:
    """An event-shaped handle for writers that anchor and locate an entry by its event (id, place, order)."""
    return Event(rec.id, rec.loc, rec.classification, type="memo" if isinstance(rec, Memo) else "post",
                 date=rec.date if isinstance(rec, Memo) else rec.start, order=getattr(rec, "order", 0))


# ---- before the book's 上限 ----------------------------------------------------------------------------------
def before_upper(d: Date | None, upper: Date | None) -> bool:
    """A date wholly before the book's 上限: a first-round 志 traces things to their start (上限追溯事物发端), so the
    event is told, as background, not as one of the book's years."""
    return d is not None and upper is not None and d.latest() < upper.earliest()


def sections(entries: list, upper: Date | None, by_year: bool = True) -> list[tuple[str, list, bool]]:
    """A 大事记 (or the 年表) as printed: (heading, entries, dated). Entries wholly before the book's 上限 come first,
    under 本志上限（1949年）以前, each with its full date (dated); then one heading a year (1956年), the entries
    dated within it — or, in the full-date form, the rest under 本志上限（1949年）以来 (no heading without
    background)."""
    early = [e for e in entries if before_upper(e.date, upper)]
    rest = [e for e in entries if not before_upper(e.date, upper)]
    out: list[tuple[str, list, bool]] = []
    if early:
        out.append((f"本志上限（{upper.chinese()}）以前", early, True))
    if not by_year:
        if rest:
            out.append((f"本志上限（{upper.chinese()}）以来" if early else "", rest, True))
        return out
    years: dict[int, list] = {}
    for e in rest:
        years.setdefault(e.date.year, []).append(e)
    return out + [(f"{y}年", items, False) for y, items in years.items()]


# ---- the whole ------------------------------------------------------------------------------------------------
def dashiji(a: Archive, h: History, rules: Rules | None = None, entries: list[Entry] | None = None,
            jurisdiction: str | None = None) -> list[Item]:
    """The 大事记 as the book prints it: selected, grouped, with leaders and 记事, in gazetteer order."""
    rules = rules or rules_for(a.root)
    entries = entries if entries is not None else chronology(a, h)
    w = _Writer(a, h)
    groups: dict[tuple, list[Entry]] = {}
    order: list[tuple] = []
    for i, en in enumerate(entries):
        key = _group_key(en) or (("place", *pk) if (pk := place_key(h, en)) else ("one", i))
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(en)
    items: list[Item] = []
    for key in order:
        group = [en for en in groups[key] if tellable(h, en.event, rules)]
        if not group:
            continue
        chosen = [en for en in group if selected(a, h, en, rules)]
        # a 机构改革: 5 changes or more one document made on one day; or a sentence of a published source telling
        # that many set up together (1985年设立林业局等6个科级单位: count_key, the source's own count)
        reform = rules.reform > 0 and (key[0] == "doc" and len(group) >= rules.reform
                                       or key[0] == "count" and max(len(group), key[3]) >= rules.reform)
        if chosen or reform:
            items.append(_merge_entries(w, group) if len(group) > 1 else _single(group[0]))
    items += _leader_items(a, h, rules)
    for m in a.memos:
        if m.dashiji is not False:
            it = _memo_item(a, h, m)
            if it:
                items.append(it)
    # one date's entries keep the order the editor wrote them in (the source's: “甲撤销，建立乙”), as the 年表 does
    # (but a place restored that day before the split that gives it land: chronology.told_order);
    # never re-sorted by the type of change (the replay makes a day's bodies before it abolishes, the print does not)
    rank = {"event": 0, "post": 1, "memo": 2}
    items.sort(key=lambda it: (print_key(it.event, it.date) if it.kind == "event" else it.date.sort_key(), rank[it.kind],
                               min((w.told(e) for e in it.members), default=it.event.order)))
    lower = a.book.lower if a.book else None
    items = [it for it in items if not after_lower(it.date, lower)]  # events are already left out (chronology)
    if jurisdiction:
        items = [it for it in items if jurisdiction in it.jurisdictions]
    return items
