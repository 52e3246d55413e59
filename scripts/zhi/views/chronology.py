"""大事记: one entry per event, in the gazetteer order, as a sentence with the names valid on its date.

A sentence is a list of segments: plain text, or a ``Mention`` of a record (id and the text shown), so that
each writer can turn mentions into its own links. Sources are kept apart to become footnotes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from ..citations import Dissent, cited_label, dissent_text, kaoyi_text, places_cited, places_joined, split
from ..classification import Level, highest
from ..dates import Date, after_lower
from ..history import History
from ..model import BASIS_ZH, UNKNOWN, Archive, Document, Event, Staffing, level_said
from ..wordings import (
    NEW_SUPERIOR_FORMS,
    RESTORED_AS,
    SPLIT_INTO,
    SPONSOR_FORMS,
    Sponsor,
    abolishes_and_sets_up,
    around_name,
    campaign,
    changed_into,
    count_sets_up,
    establish_words,
    kind_change,
    kind_change_verb,
    leads_to_object,
    members_change,
    merge_verb,
    merges_into_one_of_them,
    receiving_side_speaks,
    rename_verb,
    reorganise_verb,
    says_abolished,
    says_from_again,
    set_up_verb,
    superior_form,
    superior_speaks,
    transfer_words,
)
from .naming import (
    distinguished,
    first_borne,
    label_on,
    name_after,
    name_before,
    name_on,
    name_through,
    renamed_same_day,
    short_after,
)

# the endings of a name that already say its kind: 洪濑乡, 洪濑镇 (乡镇), 美林街道办事处 (街道)
_NAME_SAYS_KIND = {"乡镇": ("乡", "镇", "乡镇"), "街道": ("街道", "街道办事处")}


@dataclass(frozen=True)
class Mention:
    id: str
    text: str


Segment = str | Mention

# What a seat's wording may name after the jurisdiction's own level word: 县人民政府, 县委, 县革委 (so that
# 永修县 + 县人民政府 reads 永修县人民政府); 县级机关, 县治 keep theirs (繁峙县县级机关, 邵东县县治).
_ORGAN_STARTS = ("人民", "政府", "委", "人委", "革命委员会", "革委", "公署", "署", "直")


def organ_of(place: str, wording: str | None) -> str:
    """The wording of a seat event as it follows the jurisdiction's name, its level word not repeated.

    An editor may type the organ's full name as the source gives it (潍北县政府在南张氏村成立 → wording 潍北县政府):
    when the wording begins with the place's name as it was called then, that name is not printed twice."""
    w = wording or ""
    if place and w.startswith(place):
        return w[len(place):]
    if len(w) > 1 and place.endswith(w[0]) and w[1:].startswith(_ORGAN_STARTS):
        return w[1:]
    return w


@dataclass
class Entry:
    event: Event
    date: Date
    segments: list[Segment]
    sources: list[Document]           # the sources that support the entry as printed
    jurisdictions: set[str] = field(default_factory=set)
    bodies: set[str] = field(default_factory=set)
    classification: Level = field(default_factory=Level)
    dissents: list[tuple[Dissent, Document]] = field(default_factory=list)  # sources that say otherwise (存异)
    kaoyi: str = ""                   # the editor's 考异 (conflict_note)

    def note_texts(self) -> list[str]:
        """The entry's note in the book's register: 另据《…》（…），为1968年9月。 then the 考异."""
        out = [dissent_text(d, doc) for d, doc in self.dissents]
        if self.kaoyi:
            out.append(kaoyi_text(self.kaoyi))
        return out
    # document id → the places cited in it, (section, page) each (a published source: citations.places_cited)
    pages: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # the events an entry tells together (a 大事记 entry of one document's changes; a 年表 line of 设立甲、乙等5个机构);
    # empty: just ``event``
    members: list[Event] = field(default_factory=list)

    def cite_label(self, d: Document) -> str:
        """How a source of this entry is named: its label, and the parts and pages cited in a published source (a 志,
        年鉴 or book: they are part of the citation): 《某县志》第三编第二章，第12、45页."""
        return cited_label(d, self.pages.get(d.id))

    def plain(self) -> str:
        return "".join(s if isinstance(s, str) else s.text for s in self.segments)


def _join(items: list[list[Segment]], sep: str = "、") -> list[Segment]:
    out: list[Segment] = []
    for i, it in enumerate(items):
        if i:
            out.append(sep)
        out.extend(it)
    return out


def set_text(s: Staffing) -> str:
    """A composition as a source states it: 设县长、副县长各1人; 设行政编制38名，正科级1人、副科级2人."""
    groups: list[tuple[list[str], object]] = []
    for k, v in s.leaders.items():
        if groups and groups[-1][1] == v:
            groups[-1][0].append(k)
        else:
            groups.append(([k], v))
    # 、 between items of one kind, ， between kinds; a group with 各 is set off by ， from the next
    sep = "，" if any(len(ks) > 1 for ks, _ in groups) else "、"
    lead = sep.join(f"{'、'.join(ks)}{'各' if len(ks) > 1 else ''}{v}人" for ks, v in groups)
    posts = s.posts_said
    said = "设" + "，".join(x for x in (posts, lead) if x) if posts or lead else ""
    return "；".join(x for x in (said, *s.besides_posts()) if x)


def staffing_phrase(s: Staffing) -> str:
    """The staffing an event states, after its sentence: 核定行政编制8名… or, a composition, 设县长、副县长各1人; a
    headcount or 未配备 as the source says it (实有干部312人, 未配备专职人员), never under 核定."""
    if s.basis == "set":
        return set_text(s)
    if s.basis == "stated":   # 编制28名: the figure as the source gives it, no verb it does not use
        return s.figures_said
    if not (s.posts or s.leaders):
        return "；".join(s.besides_posts())
    return BASIS_ZH.get(s.basis or "approved", "核定") + s.figures_said


class _Writer:
    def __init__(self, a: Archive, h: History):
        self.a, self.h = a, h
        self.told = told_order(h)  # a day's events in the order they are told (chronology's sort)

    def m(self, rid: str, text: str, d: Date | None) -> Mention:
        """A body's name as recorded (the full name the source gives, never one composed from its superior's), with
        its 区别语 when another record bears the same name that day (views.naming.distinguished)."""
        return Mention(rid, distinguished(self.h, rid, text, d))

    def before(self, rid: str, e: Event) -> Mention:
        return self.m(rid, name_before(self.h, rid, e), e.date)

    def now(self, rid: str, e: Event) -> Mention:
        """A body's name at the moment of the event (for a body created by it, its first name)."""
        t = self.h.get(rid)
        if t is not None and any(s.start_event is e for s in t.names):
            return self.m(rid, name_after(self.h, rid, e), e.date)
        return self.m(rid, name_before(self.h, rid, e), e.date)

    def created_name(self, rid: str, e: Event) -> list[Segment]:
        name = name_after(self.h, rid, e)
        segs: list[Segment] = [self.m(rid, name, e.date)]
        # a name first borne in 筹建 (组建甲, then 甲正式成立): the short its founding gives is said at the founding
        short = short_after(self.h, rid, e) or (nb.short if (nb := e.new.get(rid)) else None)
        if short and short != name:
            segs.append(f"（简称{short}）")
        return segs

    def attributes(self, rid: str, e: Event, both: bool = False) -> list[Segment]:
        """'，隶属…，为…，正科级' for a body the event creates ('均' when said of several); no 隶属 when the sentence
        already says the superior (县委下设组织部)."""
        nb = e.new.get(rid)
        extra: list[Segment] = []
        if nb is not None:
            t = self.h.get(rid)
            if nb.co_parents and not (t and t.is_jurisdiction):
                extra += self.dual(nb.parent.id if nb.parent else None, [r.id for r in nb.co_parents], e)
            elif nb.parent and not (t and t.is_jurisdiction) and not superior_speaks(e.wording):  # 隶属乙; 直属乙领导
                extra += self.new_superior(nb, e, "隶属")
            elif nb.parent and t and t.is_jurisdiction and e.type == "restore":
                # a place restored under the superior its restore names (恢复庆元县，属丽水地区): said, as the source
                # says it, since it need not be the one it had before; one the restore does not name is not printed
                extra += self.new_superior(nb, e, "属")
            elif nb.parent and t and t.is_jurisdiction:
                # a place set up under the superior the record gives then (设立甲县，隶属乙地区); none given: nothing
                # said of a superior (no guess)
                extra += self.new_superior(nb, e, "隶属")
            if nb.level and t and t.is_jurisdiction and not (nb.name or "").endswith(level_said(nb.level)):
                extra.append(f"，为{level_said(nb.level)}")   # 宜黄场 needs no “，为场”
            kind = nb.body_kind or (self.a.bodies[rid].body_kind if rid in self.a.bodies else "")
            if kind and kind not in ("其他",) and not (nb.name or "").endswith(_NAME_SAYS_KIND.get(kind, (kind,))):
                extra.append(f"，为{kind}")   # 城关人民公社, 洪濑乡 need no “，为人民公社”“，为乡镇”
            if nb.rank:
                extra.append(f"，{nb.rank}")
            if nb.second_names:
                extra.append(f"，加挂{'、'.join(nb.second_names)}牌子")
        if both and extra and isinstance(extra[0], str) and extra[0].startswith("，"):
            extra[0] = "，均" + extra[0][1:]
        return extra

    def new_superior(self, nb, e: Event, plain: str) -> list[Segment]:
        """'，隶属乙' ('，属乙' for a place, ``plain``), or the source's form of ``parent_wording`` ('，直属乙领导'). A
        superior the sentence has named already as its sponsor (哈尔滨市政府决定，成立市劳动局) is named again by its short
        name then, as a gazetteer does (，隶属市政府), when it has one."""
        said = NEW_SUPERIOR_FORMS.get(nb.parent_wording) if nb.parent_wording else None
        before, after = (said.before, said.after) if said else (plain, "")
        who = self.superior(nb.parent.id, e)
        t = self.h.get(nb.parent.id)
        sponsor = self.sponsor_said(e)
        said_first = sponsor is not None and sponsor[0].lead   # 乙决定，成立甲: the sponsor is named before
        if said_first and e.sponsor.id == nb.parent.id and t is not None and (now := t.name_on(e.date)) \
                and now[1] and who.text == now[0]:
            who = self.m(nb.parent.id, now[1], e.date)
        return ["，" + before, who] + ([after] if after else [])

    def superior(self, rid: str, e: Event, plain: Mention | None = None) -> Mention:
        """A superior named in a 隶属 clause: for an event the source dates only by its year, month or a period, a
        rename of the superior that may fall inside it is said (隶属甲委员会（1970年5月更名为乙委员会））; else
        ``plain`` (its name then)."""
        if e.date is not None and not e.date.is_exact_day():
            told = name_through(self.h, rid, e.date)
            if told != label_on(self.h, rid, e.date):
                return Mention(rid, told)
        return plain or self.m(rid, name_on(self.h, rid, e.date), e.date)

    def dual(self, main: str | None, others: list[str], e: Event) -> list[Segment]:
        """'，实行甲与乙双重领导，以甲为主' (双重领导; ``main`` is the 主管 side); with no principal side, as the source
        gives none: '，由甲、乙双重领导'."""
        if main is None:
            return ["，由"] + _join([[self.now(r, e)] for r in others]) + ["双重领导"]
        leaders = [[self.now(r, e)] for r in [main, *others]]
        return ["，实行"] + _join(leaders[:-1]) + ["与", leaders[-1][0], "双重领导，以", self.now(main, e), "为主"]

    def created(self, rid: str, e: Event) -> list[Segment]:
        """A new body: its name, short name, parent, rank as the event describes it."""
        return self.created_name(rid, e) + self.attributes(rid, e)

    def created_many(self, rids: list[str], e: Event) -> list[Segment]:
        """Several new bodies; their shared parent, kind and rank are said once."""
        specs = [e.new.get(r) for r in rids]
        shape = {(nb.parent.id if nb.parent else None, nb.parent_wording, nb.body_kind, nb.rank, tuple(nb.second_names))
                 if nb else None
                 for nb in specs}
        if len(rids) > 1 and len(shape) == 1 and None not in shape:
            kinds = {self.a.bodies[r].body_kind if r in self.a.bodies else "" for r in rids}
            if len(kinds) == 1:
                return _join([self.created_name(r, e) for r in rids]) + self.attributes(rids[0], e, both=True)
        said = [self.created(r, e) if r in e.new else [self.now(r, e)] for r in rids]
        # “；” only between bodies each said with its own superior, kind or rank: names alone are a list (乙、丙)
        return _join(said, "；" if any(r in e.new and self.attributes(r, e) for r in rids) else "、")

    def sentence(self, e: Event) -> list[Segment]:
        fn = getattr(self, "_" + e.type.replace("-", "_"))
        segs = fn(e)
        if e.staffing is not None and e.type != "staffing":
            target = e.body.id if e.body else (e.after[0].id if len(e.after) == 1 else None)
            if target:
                segs = segs + ["；" + staffing_phrase(e.staffing)]
        return segs + ["。"]

    def made_from(self, e: Event) -> list[Segment]:
        """以潮安县城关镇: the area a jurisdiction is set up (or restored) from, as the source's one sentence says."""
        counted = counts_text(e.divisions)
        what = "、".join(e.places) + (f"等{counted}" if e.places and counted else counted)
        if not what:
            return []
        return ["以"] + ([self.before(e.source_from.id, e)] if e.source_from else []) + [what]

    def superior_lead(self, e: Event) -> list[Segment]:
        """'中共测试县委员会下设' for an establishment its superior says (wording 下设, 内设), else []."""
        nb = e.new.get(e.body.id) if e.body else None
        if not superior_speaks(e.wording) or nb is None or nb.parent is None:
            return []
        return [self.m(nb.parent.id, name_on(self.h, nb.parent.id, e.date), e.date), e.wording or ""]

    def _establish(self, e: Event) -> list[Segment]:
        return self.sponsored_and_taking_over(e, self._established(e))

    def sponsored_and_taking_over(self, e: Event, segs: list[Segment]) -> list[Segment]:
        """An establishment's sentence with who presided over it (在乙主持下成立甲, 成立甲，由乙负责筹备) and the bodies
        whose functions it takes over (，取代丙、丁职能), in the source's words; ``segs`` as it is otherwise said."""
        if said := self.sponsor_said(e):
            form, who = said
            starts_with_verb = bool(segs) and isinstance(segs[0], str) and bool(segs[0])
            if not form.lead:   # 成立甲，由乙负责筹备
                segs = segs + ["，"] + who
            elif not starts_with_verb and e.wording and e.wording.endswith("成立") and e.wording in segs:
                k = segs.index(e.wording)   # 在乙主持下成立甲, 乙决定，成立甲: the verb before the name, as the source says
                segs = who + [e.wording] + segs[:k] + segs[k + 1:]
            elif starts_with_verb or form.after.endswith("，"):
                segs = who + segs   # 在乙主持下设立甲
            else:
                segs = who + ["，"] + segs   # 在乙主持下，甲……
        if e.takes_over:        # 取代县委、县人委职能 (the source's words), of bodies not ended
            head, tail = (e.takes_over_wording or "取代…").split("…", 1)
            segs = segs + ["，" + head] + _join([[self.now(r.id, e)] for r in e.takes_over]) + [tail]
        return segs

    def _established(self, e: Event) -> list[Segment]:
        before, after = establish_words(e.wording)
        if not e.body:
            return [before or after]
        if lead := self.superior_lead(e):  # 县委下设组织部（等9个部门）
            if e.count is not None:
                return lead[:-1] + self.some_of([self.created_name(e.body.id, e)], e, self.attributes(e.body.id, e),
                                                lead[-1], "")
            return lead + self.created(e.body.id, e)
        if area := self.made_from(e):  # 以甲县城关镇设为乙市
            return area + [before or after or "设立"] + self.created(e.body.id, e)
        if e.count is not None:  # 成立甲等5个机构: the source names only some of those it set up
            return self.some_of([self.created_name(e.body.id, e)], e, self.attributes(e.body.id, e), before, after)
        if changed_into(e.wording):   # 改为仑苍乡（此前名称不详）: the source's words, and what it does not say
            return [e.wording] + self.created_name(e.body.id, e) + ["（此前名称不详）"] + self.attributes(e.body.id, e)
        if after:  # 县革命委员会成立，隶属…
            return self.created_name(e.body.id, e) + [after] + self.attributes(e.body.id, e)
        if e.date.qualifier == "before" and not e.wording:   # “1969-12前”: the source says it was there by then
            return ["已有"] + self.created(e.body.id, e)    # (已有甲), not when it was set up (设立甲)
        return [before] + self.created(e.body.id, e)

    @staticmethod
    def some_of(names: list[list[Segment]], e: Event, attrs: list[Segment], before: str, after: str) -> list[Segment]:
        """成立甲、乙等5个机构，其中甲、乙均为…: the count is the source's, what the record says of the named bodies
        is said of them only (其中), never of the others."""
        listed = _join(names)   # the verb first, as the sources say it (成立…等5个机构)
        segs: list[Segment] = [before or after] + listed + [f"等{e.count}个{e.scope or '机构'}"]
        if attrs and isinstance(attrs[0], str) and attrs[0].startswith("，"):
            segs += ["，其中"] + listed + [("均" if len(names) > 1 else "") + attrs[0][1:]] + attrs[1:]
        return segs

    def _rename(self, e: Event) -> list[Segment]:
        rid = e.body.id
        new = e.name or name_after(self.h, rid, e)
        short: list[Segment] = [f"（简称{e.short}）"] if e.short and e.short != new else []
        if abolishes_and_sets_up(e.wording):  # 撤县设区, 撤区置: the same territory and record, in the source's 撤销…设立…
            return ["撤销", self.before(rid, e), "，" + set_up_verb(e.wording), self.m(rid, new, e.date)] + short
        # the new name without its 区别语: the sentence itself says which body it is (计划统计组改为计划统计局, never
        # 计划统计组改为计划统计局（1970年由计划统计组改称）)
        if kind_change(e.wording):    # 改州为县: 改平度州为平度县; 升场为县: 升宜黄场为宜黄县
            return [kind_change_verb(e.wording), self.before(rid, e), "为", Mention(rid, new)] + short
        return [self.before(rid, e), rename_verb(e.wording), Mention(rid, new)] + short

    @staticmethod
    def campaign_lead(e: Event) -> list[Segment]:
        """'撤区并乡，': the campaign the source tells the change by (wording 撤区并乡), heading its sentence; else []."""
        return [e.wording + "，"] if e.wording and campaign(e.wording) else []

    def _merge(self, e: Event) -> list[Segment]:
        if lead := self.campaign_lead(e):   # 撤乡并镇，甲乡并入乙镇: the campaign, then the merge as the record has it
            return lead + self._merged(e, None)
        return self._merged(e, e.wording)

    def _merged(self, e: Event, wording: str | None) -> list[Segment]:
        after = e.after[0].id if e.after else None
        befores = [r.id for r in e.before]
        parts = _join([[self.before(r.id, e)] for r in e.partly])  # give a part and live on
        partly: list[Segment] = ["与"] + parts + ["的一部分"] if parts else []
        more: list[Segment] = [f"等{e.before_count}个单位"] if e.before_count else []  # the source names only some
        abolished = says_abolished(wording)  # 撤销 only where the source says it (wording: 撤销)
        status = around_name(wording, "")[1]   # 撤销甲县建制 (wording: 撤销建制)
        if after and after in befores:  # the others merge into a survivor
            others = _join([[self.before(r, e)] for r in befores if r != after]) + more
            if abolished:  # the source's 撤销甲，并入乙 (撤销甲，与丙的一部分并入乙; 撤销甲县建制，并入乙县)
                return ["撤销"] + others + [status] + (["，"] + partly + ["并入"] if parts else ["，并入"]) \
                    + [self.before(after, e)]
            if (wording == "合并" or merges_into_one_of_them(wording)) and not parts and not more:
                # the source: 商业局与供销合作社合并 (one lives on, not said to be "并入"), 隆尧、临城、柏乡、内丘四县合并为
                # 内丘县: every party, in the order the editor typed them (the source's), the survivor too
                *head, last = [[self.before(r, e)] for r in befores]
                said = _join(head) + ["与"] + last + [wording]
                return said if wording == "合并" else said + [self.now(after, e)]
            verb = merge_verb(wording, True)
            if parts:
                return others + (["及"] if others else []) + parts + ["的一部分" + verb, self.before(after, e)]
            return others + [verb, self.before(after, e)]
        made = self.created(after, e) if after in e.new else [self.now(after, e)] if after else []
        whole = _join([[self.before(r, e)] for r in befores]) + more
        if abolished:  # the source's 撤销甲、乙，合并设立丙 (撤销甲，与乙的一部分合并设立丙)
            return ["撤销"] + whole + [status, "，"] + partly + ["合并设立"] + made
        if wording and parts:  # the source's own words: "甲与乙的一部分合并为丙"
            share = "的各一部分" if not befores and len(e.partly) > 1 else "的一部分"
            return (whole + ["与"] if befores else []) + parts + [share + merge_verb(wording, False)] + made
        if befores:  # "甲、乙合并为丙" (wording), else 甲、乙合并设立丙: no 撤销 the source does not say
            return whole + partly + [merge_verb(wording, False) if wording else "合并设立"] + made
        # only parts of bodies that live on
        return parts + ["的各一部分合并设立" if len(e.partly) > 1 else "的一部分设立"] + made

    def _split(self, e: Event) -> list[Segment]:
        src = e.before[0].id if e.before else None
        if src is None:
            return ["分设"]
        afters = [r.id for r in e.after]
        new = self.created_many([r for r in afters if r != src], e)
        t = self.h.get(src)
        if e.wording == SPLIT_INTO and (said := self._split_into(src, [r for r in afters if r != src], e)):
            return said  # 甲分设为乙、丙, as the source says it
        if src in afters:  # what went out of 甲 only in the source's words; none: no more than that 乙 came from 甲
            if e.wording and "…" in e.wording:
                head, tail = e.wording.split("…", 1)
                return [head, self.before(src, e), tail + "，设立"] + new
            if e.wording:
                return ["从", self.before(src, e), e.wording + "，设立"] + new
            if t and t.is_jurisdiction:  # a place: 析甲县设立乙县, as 区划 histories write it
                return ["析", self.before(src, e), "设立"] + new
            return ["从", self.before(src, e), "分出，设立"] + new  # a body: 从县计委分出，设立县物价局
        rest = ["；其余去向不详"] if e.rest_unknown else []
        # the source ends: 撤销甲，分设乙、丙 only where the source says 撤销 (wording: 撤销); else 甲分设为乙、丙
        abolished = says_abolished(e.wording)
        head: list[Segment] = ["撤销", self.before(src, e), around_name(e.wording, "")[1] + "，"] if abolished \
            else [self.before(src, e)]
        sets_up = "分设" if abolished else "分设为"
        if t and t.is_jurisdiction:  # its land goes to places that were there before (划归); places it founds: 分设
            had = [r for r in afters if not self.founds(r, e)]
            if len(had) == len(afters):
                return head + [("其" if abolished else "的") + "行政区域" + ("" if len(afters) == 1 else "分别") + "划归"] \
                    + _join([[self.now(r, e)] for r in afters]) + rest
            if had:
                return head + [sets_up] + self.created_many([r for r in afters if r not in had], e) \
                    + ["，部分行政区域划归"] + _join([[self.now(r, e)] for r in had]) + rest
        kept = [r for r in afters if r not in e.new]  # existing bodies that take part of it: not 分设
        if kept:  # a body's part
            into = ["部分并入" if (rest or len(kept) < len(afters)) else "并入"] + _join([[self.now(r, e)] for r in kept])
            made = [sets_up] + self.created_many([r for r in afters if r in e.new], e) + ["，"] \
                if len(kept) < len(afters) else []
            return head + made + into + rest
        return head + [sets_up] + new + rest

    def founds(self, rid: str, e: Event) -> bool:
        """Whether ``e`` is where ``rid`` first comes into being: described by it, and in no event before it (not a place
        that existed before, merged away and set up again, nor a neighbour first seen in an earlier merge)."""
        if rid not in e.new:
            return False
        never = len(self.h.events)
        return self._first_seen.get(rid, never) >= self._replayed_at.get(id(e), never)

    @cached_property
    def _first_seen(self) -> dict[str, int]:
        """Each record's first event in the order replayed (its place in ``h.events``)."""
        first: dict[str, int] = {}
        for i, other in enumerate(self.h.events):
            for r in other.participants():
                first.setdefault(r.id, i)
        return first

    @cached_property
    def _replayed_at(self) -> dict[int, int]:
        return {id(other): i for i, other in enumerate(self.h.events)}

    def _split_into(self, src: str, new: list[str], e: Event) -> list[Segment] | None:
        """甲分设为乙、丙: the bodies as the source names them; the survivor by the name a rename that day gives it, the
        new bodies' superior, kind and rank after them (said of the new ones only). None: a survivor with no new name
        that day (check split-into refuses it), which 分设为 cannot name."""
        if src not in [r.id for r in e.after]:  # the source ends: as 分设乙、丙, attributes after the new bodies
            return [self.before(src, e), "分设为"] + self.created_many(new, e)
        renamed = renamed_same_day(self.h, src, e)
        if renamed is None:
            return None
        full, short = renamed
        named = [[self.m(src, full, e.date)] + ([f"（简称{short}）"] if short and short != full else [])]
        segs: list[Segment] = [self.before(src, e), "分设为"] + _join(named + [self.created_name(r, e) for r in new])
        for r in new:
            if attrs := self.attributes(r, e):
                segs += ["；", self.m(r, name_after(self.h, r, e), e.date), attrs[0][1:], *attrs[1:]]
        return segs

    def _abolish(self, e: Event) -> list[Segment]:
        lead, (verb, tail) = self.campaign_lead(e), around_name(None if campaign(e.wording) else e.wording, "撤销")
        segs: list[Segment] = lead + [verb, self.before(e.body.id, e)] + ([tail] if tail else [])  # 取消甲; 撤销甲建制
        if e.functions_to:
            before, after = transfer_words(e.functions_wording or "并入")   # 其职能由乙承担
            segs += [f"，其职能{before}"] + _join([[self.now(r.id, e)] for r in e.functions_to]) + ([after] if after else [])
        return segs

    def _transfer(self, e: Event) -> list[Segment]:
        what = "、".join(e.functions)
        if not what.endswith(("职能", "职责", "工作", "业务")):
            what += "职能"
        before, after = transfer_words(e.wording)      # 划入乙; 由乙兼管
        return [self.now(e.source_from.id, e), f"的{what}{before}", self.now(e.target_to.id, e), *([after] if after else [])]

    def had_superior(self, rid: str, e: Event) -> bool:
        """Whether the record was under a superior before ``e`` (the spans replayed before the one ``e`` opens):
        with none, a reparent states a first superior (隶属), not a change (改属); nor does one that names the superior
        it already has (a county restored under its former 专区, and the source's 属某专区 that day)."""
        t = self.h.get(rid)
        if t is None:
            return True
        if id(e) in self.h.same_parent:
            return False
        earlier = []
        for s in t.parents:
            if s.start_event is e:
                break
            earlier.append(s)
        return any(s.value for s in earlier) or any(s.start_event is not e for s in t.co_parents
                                                    if s.start is not None and s.start.definitely_before(e.date))

    def _reparent(self, e: Event) -> list[Segment]:
        t = self.h.get(e.body.id)
        form = superior_form(e.wording)  # the source's own words for the change, as the guide lists them
        if form and e.parent is not None and not e.co_parents:
            return [self.now(e.body.id, e), form.before, self.superior(e.parent.id, e, self.now(e.parent.id, e))] \
                + ([form.after] if form.after else [])
        if t and t.is_jurisdiction:
            if e.parent is None:
                return [self.now(e.body.id, e), "不再隶属上级行政区划"]
            return [self.now(e.body.id, e), "改属" if self.had_superior(e.body.id, e) else "隶属",
                    self.now(e.parent.id, e)]
        # a dual leadership with no superior recorded before is a state the source states (为甲、乙双重领导), no change
        changed = "改为" if self.had_superior(e.body.id, e) else ""
        if e.parent is None and e.co_parents:
            return [self.now(e.body.id, e), changed + "由"] + self.dual(None, [r.id for r in e.co_parents], e)[1:]
        if e.parent is None:
            return [self.now(e.body.id, e), "不再隶属其他机构"]
        if e.co_parents:
            return [self.now(e.body.id, e), changed + "实行"] + self.dual(e.parent.id, [r.id for r in e.co_parents], e)[1:]
        return [self.now(e.body.id, e), "改为隶属" if self.had_superior(e.body.id, e) else "隶属",
                self.superior(e.parent.id, e, self.now(e.parent.id, e))]

    def _restore(self, e: Event) -> list[Segment]:
        rid = e.body.id
        segs: list[Segment] = self.made_from(e)  # 以甲镇等地域恢复乙市
        if e.source_from and not segs:
            segs += ["从", self.before(e.source_from.id, e), "分出，"]
            if e.wording and says_from_again(e.wording):  # 从甲分出，分设乙: refused (check_restore_from_wording)
                return segs + ["恢复"] + self.created(rid, e)
        if not segs and not e.wording and e.date.qualifier == "before":   # “1967前”: there again by then (已有甲),
            return ["已有"] + self.created(rid, e)                         # not when it came back
        if not e.wording and first_borne(self.h.get(rid), e):   # 恢复宜黄场 would say 宜黄场 was there before: 复置为宜黄场
            return segs + [RESTORED_AS] + self.created(rid, e)
        verb, status = around_name(e.wording, "恢复")    # 恢复甲县建制 (wording: 恢复建制)
        return segs + [verb] + self.created_name(rid, e) + ([status] if status else []) + self.attributes(rid, e)

    def _counted(self, e: Event, done: str) -> list[Segment]:
        """定海区直党政机关48个与舟山市直……对口合署: a count of a place's bodies, none named."""
        place = self.now(e.body.id, e)
        segs: list[Segment] = [place, f"{organ_of(place.text, e.scope)}{e.count}个{excluding(e.excludes)}"]
        if e.counterpart or e.counterpart_scope:
            segs.append("与")
        if e.counterpart:
            other = self.now(e.counterpart.id, e)
            segs += [other, organ_of(other.text, e.counterpart_scope)]
        elif e.counterpart_scope:
            segs.append(e.counterpart_scope)
        return segs + [e.wording or (f"对口{done}" if e.counterpart else done)]

    def _co_locate(self, e: Event) -> list[Segment]:
        if e.count is not None and e.body:
            return self._counted(e, "合署办公")
        names = [[self.now(r.id, e)] for r in e.before]
        if e.count is not None:   # 甲、乙等7个单位合署办公: the source names some of them
            return _join(names) + [f"等{e.count}个{e.scope or '单位'}", e.wording or "合署办公"]
        return _join(names[:-1]) + ["与", names[-1][0], e.wording or "合署办公"]

    def _separate(self, e: Event) -> list[Segment]:
        if e.count is not None and e.body:
            return self._counted(e, "分开办公")
        names = [[self.now(r.id, e)] for r in e.before]
        if e.count is not None:
            return _join(names) + [f"等{e.count}个{e.scope or '单位'}", e.wording or "分开办公"]
        if e.wording == "分出" and len(names) == 2:  # the source: 甲从乙分出 (the first leaves the office it shared)
            return [names[0][0], "从", names[1][0], "分出"]
        return _join(names[:-1]) + ["与", names[-1][0], e.wording or "分开办公"]

    def _suspend(self, e: Event) -> list[Segment]:
        return [self.now(e.body.id, e), e.wording or "停止活动"]

    def _resume(self, e: Event) -> list[Segment]:
        if e.name:  # the source: 恢复中共某某委员会 (resumed, under the name it gives)
            return [e.wording or "恢复"] + self.created_name(e.body.id, e)
        return [self.now(e.body.id, e), e.wording or "恢复活动"]

    def _reorganise(self, e: Event) -> list[Segment]:
        befores = [r.id for r in e.before]
        afters = [r.id for r in e.after]
        segs: list[Segment] = _join([[self.before(r, e)] for r in befores]) + [reorganise_verb(e.wording)]
        if len(afters) > 1 and all(r in e.new and r not in befores for r in afters):
            return segs + self.created_many(afters, e)   # 改设为甲科、乙科，均隶属县政府: the shared parent said once
        return segs + _join([self.created(r, e) if r in e.new and r not in befores else [self.now(r, e)]
                             for r in afters], "；" if any(r in e.new for r in afters) and len(afters) > 1 else "、")

    def _rejurisdiction(self, e: Event) -> list[Segment]:
        body = self.now(e.body.id, e)
        segs: list[Segment] = [body, *self.came_from([e], body.text), e.wording or "划归", self.now(e.jurisdiction.id, e)]
        if e.parent_set and e.parent:
            segs += ["，隶属", self.superior(e.parent.id, e, self.now(e.parent.id, e))]
        return segs

    def came_from(self, es: list[Event], names: str) -> list[Segment]:
        """由甲县 before 划归乙区: the one place the bodies of these 属地变更 all left, when the record gives it and
        their names (``names``) do not already say it (临水县第一中学划归望川区); a place the record gives no name is
        not named."""
        left = {tuple(left_places(self.h, e)) for e in es}
        if len(left) != 1 or len(place := next(iter(left))) != 1 or place[0] == es[0].jurisdiction.id:
            return []
        t = self.h.get(place[0])
        said = self.now(place[0], es[0])
        return [] if t is None or not t.names or said.text in names else ["由", said]

    def _rerank(self, e: Event) -> list[Segment]:
        parts = []
        if e.wording and e.rank:
            parts.append(f"{e.wording}{e.rank}" if leads_to_object(e.wording) else f"{e.wording}为{e.rank}")
        elif e.wording:
            parts.append(e.wording)  # the source gives no new rank: none is made up
        elif e.rank:
            parts.append(f"规格调整为{e.rank}")
        if e.level and e.wording and not e.rank:  # 升格为地级市, 升为地级市; the source's own words: 恢复县建制
            said = level_said(e.level)
            parts = [e.wording if e.level in e.wording or said in e.wording   # the wording names the level itself
                     else f"{e.wording}{said}" if leads_to_object(e.wording)    # a verb that leads to it: 升为, 改为
                     else f"{e.wording}为{said}" if e.wording in ("升格", "降格") else e.wording]
        elif e.level:
            parts.append(f"改为{level_said(e.level)}")
        if e.body_kind:
            parts.append(f"改为{e.body_kind}")
        subject = self.now(e.body.id, e)
        if e.level and subject.text.endswith(level_said(e.level)):
            # renamed the same day to a name that says the new level (滁县专区 → 滁县地区): the level change is told
            # of the body as it was called before, never “滁县地区改为地区”
            t = self.h.get(e.body.id)
            renamed = [s.start_event for s in (t.names if t else []) if s.start_event is not None
                       and s.start_event is not e and s.start_event.date == e.date]
            if renamed:
                subject = self.m(e.body.id, name_before(self.h, e.body.id, renamed[0]), e.date)
        return [subject, "，".join(parts)]

    def _add_name(self, e: Event) -> list[Segment]:
        verb = e.wording or "加挂"   # 仍保留乙牌子: the source's verb, checked at load (wordings, add-name)
        return [self.now(e.body.id, e), f"{verb}{e.name}牌子"]

    def _drop_name(self, e: Event) -> list[Segment]:
        return ["撤销", self.now(e.body.id, e), f"加挂的{e.name}牌子"]

    def _prepare(self, e: Event) -> list[Segment]:
        segs: list[Segment] = [e.wording or "筹建", self.m(e.body.id, e.name, e.date) if e.name else self.now(e.body.id, e)]
        if said := self.sponsor_said(e):
            form, who = said
            segs = who + segs if form.lead else segs + ["，"] + who
        return segs

    def sponsor_said(self, e: Event) -> tuple[Sponsor, list[Segment]] | None:
        """Who presided over a founding or 筹建, in the source's form (在乙主持下, 由乙负责筹备): the form and its words."""
        if e.sponsor and (form := SPONSOR_FORMS.get(e.sponsor_wording or "")):
            return form, [form.before, self.now(e.sponsor.id, e), form.after]
        return None

    def seat_subject(self, e: Event, default: str = "") -> list[Segment]:
        """Who sits at a seat: the place and the organ its wording names (潍北县 + 县政府), the organ once when the
        wording names the place itself anywhere (中共潍北县委、潍北县人民政府), never glued after the place's name."""
        place = self.now(e.body.id, e)
        organ = organ_of(place.text, e.wording)
        t = self.h.get(e.body.id)
        own = {place.text} | ({s.value[0] for s in t.names if s.value[0]} if t is not None else set())
        if organ and any(name in organ for name in own):   # its name then, or another of its own names
            return [organ]
        return [place, organ or default]

    def _move_seat(self, e: Event) -> list[Segment]:
        before = ["由", e.seat_before] if e.seat_before else []
        return self.seat_subject(e, "驻地") + before + ["迁至", e.seat]

    def _seat(self, e: Event) -> list[Segment]:
        subject = self.seat_subject(e)
        said = subject[-1] if isinstance(subject[-1], str) else ""
        # 仍驻 (the seat stated again, unchanged) already says 驻: printed once; the place itself (no organ named)
        # has a 驻地 (永修县驻地为涂家埠, never 永修县驻涂家埠); an organ the source names sits there (县级机关驻砂河镇)
        # an office's address (临时设在, 办公地点): the body's own words
        verb = "" if said.endswith(("驻", "设在")) else "为" if said.endswith(("驻地", "办公地点")) \
            else "驻" if said else "驻地为"
        return subject + ([verb] if verb else []) + [e.seat]

    def _cede(self, e: Event) -> list[Segment]:
        what = ceded_text(e)
        if receiving_side_speaks(e.wording):  # 乙区增辖甲乡: the receiving place is the subject
            source = [self.now(e.source_from.id, e), "的"] if e.source_from is not None else []
            return [self.now(e.target_to.id, e), e.wording] + source + [what]
        if e.source_from is None:  # from: 不详 — the source does not say where it came from
            return [what, e.wording or "划归", self.now(e.target_to.id, e)]
        return self.ceded(e) + [e.wording or "划归", self.now(e.target_to.id, e)]

    def ceded(self, e: Event) -> list[Segment]:
        """甲县的A区、B区: the places a cede hands over, with the place they leave."""
        return [self.now(e.source_from.id, e), f"的{ceded_text(e)}"]

    def _unofficial_name(self, e: Event) -> list[Segment]:
        """擅改名称, as the source tells it: (造反派)擅自将甲改名为乙 — never a lawful 更名."""
        verb = rename_verb((e.wording or "改名").removeprefix("擅自"))
        return ([e.actor] if e.actor else []) + ["擅自将", self.now(e.body.id, e), verb + (e.name or "")]

    def _restore_name(self, e: Event) -> list[Segment]:
        return [self.now(e.body.id, e), e.wording or "恢复原名"]

    def _body_count(self, e: Event) -> list[Segment]:
        place = self.now(e.body.id, e)
        return [place, count_text(place.text, e.scope or "", e.count, e.count_before, e.wording, e.planned,
                                  e.excludes)]

    def _members(self, e: Event) -> list[Segment]:
        segs: list[Segment] = [self.now(e.body.id, e)]
        text = figures_text(e.figures, e.wording)
        kept = self.h.kept.get(id(e), {})   # 保留民政、财政……: each kept unit links to its record, in the text's order
        for unit in sorted((u for u in kept if u in text), key=text.find):
            head, _, text = text.partition(unit)
            segs += [head, Mention(kept[unit], unit)]
        return segs + [text]

    def _authority(self, e: Event) -> list[Segment]:
        return [self.now(e.body.id, e), e.powers or ""]   # 潮州市享受市地一级管理权限, as the source words it

    def _authority_end(self, e: Event) -> list[Segment]:
        """收回权限: 云河市不再享受市地一级管理权限; with the source's verb, 取消云河市享受市地一级管理权限."""
        t = self.h.get(e.body.id)
        powers = e.powers or next((s.value for s in (t.powers if t else []) if s.end_event is e), "") or "管理权限"
        if e.wording:
            return [e.wording, self.now(e.body.id, e), powers]
        return [self.now(e.body.id, e), "不再" + powers]

    def _divisions(self, e: Event) -> list[Segment]:
        return [self.now(e.body.id, e), "辖" + counts_text(e.divisions)]

    def _staffing(self, e: Event) -> list[Segment]:
        if e.staffing and e.staffing.basis == "set":   # 县人民政府设县长、副县长各1人
            return [self.now(e.body.id, e), staffing_phrase(e.staffing)]
        if e.staffing and not (e.staffing.posts or e.staffing.leaders) and e.staffing.besides_posts():
            return [self.now(e.body.id, e), staffing_phrase(e.staffing)]   # 县档案馆未配备专职人员
        word = BASIS_ZH.get(e.staffing.basis or "approved", "核定") if e.staffing else "核定"
        if e.staffing and e.staffing.basis == "stated":
            word = ""   # 涡阳县政府编制28名: the source gives the figure and no verb; never 核定 it does not say
        # 核定…编制837名…；实有干部312人: figures_said says what is besides the 编制 after them
        return [word, self.now(e.body.id, e), e.staffing.figures_said if e.staffing else "编制"]


def ceded_text(e: Event) -> str:
    """The places a cede hands over as the source names or counts them: A乡、B乡, A乡等3个乡, 3个乡."""
    counted = counts_text(e.divisions)
    return "、".join(e.places) + (f"等{counted}" if e.places and counted else counted)


def sentence_of(a: Archive, h: History, e: Event) -> str:
    """One event's 大事记 sentence as plain text, also for an event the 大事记 leaves out; "" when the event is too
    malformed to describe (`zhi check` reports it)."""
    try:
        return "".join(s if isinstance(s, str) else s.text for s in _Writer(a, h).sentence(e))
    except (AttributeError, IndexError, KeyError):
        return ""


def count_text(place: str, scope: str, count: int | None, before: int | None, wording: str | None,
               planned: str | None = None, excludes: list[str] | None = None) -> str:
    """A body count after its jurisdiction's name: 政府工作部门增至52个, 党政机构由48个减为31个 (县政府工作部门 after
    临水县 drops the repeated 县); a plan in the source's tense (党政机构将由48个压缩到29个); what it leaves out
    after it (共9个（不含合署机构）)."""
    scope = organ_of(place, scope)
    if count is None:
        return scope
    if before is None and count_sets_up(wording):  # 建立党政机构9个, 设工作部门22个: the source's verb before what it counts
        return f"{planned or ''}{wording}{scope}{count}个{excluding(excludes)}"
    if before is not None:
        verb = wording or ("减为" if count < before else "增至" if count > before else "仍为")
        return f"{scope}{planned or ''}由{before}个{verb}{count}个{excluding(excludes)}"
    if wording in COUNT_OBJECT_VERBS and not planned:   # 滁县专区下设地区革命委员会大组4个
        return f"{wording}{scope}{count}个{excluding(excludes)}"
    return f"{scope}{planned or ''}{wording or '为'}{count}个{excluding(excludes)}"


# a count's verb that takes what is counted as its object: printed before it (下设…4个), never after (…下设4个)
COUNT_OBJECT_VERBS = ("下设", "设有", "内设", "下辖", "辖有", "共有")


def excluding(excludes: list[str] | None) -> str:
    """What a count leaves out, as the source says: （不含合署机构）."""
    return f"（不含{'、'.join(excludes)}）" if excludes else ""


def figures_text(figures, wording: str | None = None) -> str:
    """成员数 in the order given: 下辖7个支社，有社员123人; ``wording``, the source's verb, in place of 下辖 (下设4个小组),
    or of 有 when no units are counted (共有会员312人); a change the source states, between what it counts and the
    figure (成员增至9人; 支社增至7个，有社员123人)."""
    units = "、".join(f"{n}个{what}" for key, what, n in figures if key == "subordinates")
    named = [what for key, what, _n in figures if key == "units"]   # 下设民政科、财政科: the source's list, by name
    if named:   # with the one count the source gives: 下设民政、财政、教育、建设4个科; 甲、乙等5个科 names fewer
        counts = [n for key, _what, n in figures if key == "subordinates"]
        more = len(counts) == 1 and isinstance(counts[0], int) and counts[0] > len(named)
        units = "、".join(named) + ("等" if more else "") + units
    members = "、".join(f"{what}{n}人" for key, what, n in figures if key == "members")
    of_which = "、".join(f"{what}{n}人" for key, what, n in figures if key == "of_which")  # 其中高级职称59人
    posts = "、".join(what for key, what, _n in figures if key == "posts")   # 设会长、副会长: no count, no holder
    order = [("subordinates" if k == "units" else k) for k in dict.fromkeys(key for key, _what, _n in figures)
             if k in ("subordinates", "units", "members", "posts")]
    order = list(dict.fromkeys(order))
    verbs = {"subordinates": "下设" if named else "下辖", "members": "有", "posts": "设"}
    if wording:   # the verb of the units when the source counts them (下设4个小组), else of the members (共有会员312人)
        verbs["subordinates" if units else "members" if members else "posts"] = wording
    if members_change(wording) and units:   # 支社增至7个: the verb between what is counted and its figure
        units, verbs["subordinates"] = "、".join(f"{what}{wording}{n}个" for key, what, n in figures
                                                 if key == "subordinates"), ""
    elif members_change(wording):           # 成员增至9人
        members, verbs["members"] = "、".join(f"{what}{wording}{n}人" for key, what, n in figures if key == "members"), ""
    parts = {"subordinates": f"{verbs['subordinates']}{units}" if units else "",
             "members": (f"{verbs['members']}{members}" + (f"，其中{of_which}" if of_which else "")) if members else "",
             "posts": f"{verbs['posts']}{posts}" if posts else ""}
    return "，".join(parts[k] for k in order if parts[k])


def counts_text(counts: dict[str, int]) -> str:
    """{乡: 30, 镇: 9} as the book says it: 30个乡、9个镇."""
    return "、".join(f"{n}个{k}" for k, n in counts.items())


def _outside_only(h: History, e: Event) -> bool:
    """Events among records outside the volume (a superior office) never print in the 大事记."""
    refs = e.participants() + ([e.parent] if e.type == "reparent" and e.parent else [])
    ts = [h.get(r.id) for r in refs]  # a county outside placed under a city of the volume (划入饶平县) prints
    ts = [t for t in ts if t is not None]
    return bool(ts) and all(t.outside for t in ts)


def left_places(h: History, e: Event) -> list[str]:
    """The jurisdictions a 属地变更 takes its body out of (the periods it ends), as the record gives them: none
    the record leaves unknown (属地不详)."""
    t = h.get(e.body.id) if e.type == "rejurisdiction" and e.body else None
    if t is None:
        return []
    out = [s.value for s in t.jurisdictions if s.end_event is e and s.value and s.value != UNKNOWN]
    out += [x for s in t.co_jurisdictions if s.end_event is e for x in (s.value or ()) if x != UNKNOWN]
    return list(dict.fromkeys(out))


def _places(a: Archive, h: History, e: Event) -> tuple[set[str], set[str]]:
    jur, bodies = set(), set()
    refs = [r.id for r in e.participants()]
    outside = [h.get(r) for r in refs]
    if e.type == "reparent" and e.parent and outside and all(t is not None and t.outside for t in outside):
        refs.append(e.parent.id)  # a record outside placed under one of the volume: the entry is the superior's
    for rid in refs:
        t = h.get(rid)
        if t is None:
            continue
        if t.is_jurisdiction:
            jur.add(rid)
            continue
        bodies.add(rid)
        js = t.jurisdictions_on(e.date)
        if not js and e.type == "prepare" and e.jurisdiction:   # prepared in a place the event names
            js = (e.jurisdiction.id,)
        if not js:  # a body created by this very event: its first jurisdictions
            js = tuple(x for x in ([t.jurisdictions[0].value] if t.jurisdictions else []) +
                       list(t.co_jurisdictions[0].value if t.co_jurisdictions else ()) if x)
        jur.update(js)   # a body of two jurisdictions (市县合署) is told on both places' pages
        if rid == (e.body.id if e.body else None):
            jur.update(left_places(h, e))   # a 属地变更 is told on the page of the place it leaves too (划出)
    return jur, bodies


def chronology(a: Archive, h: History, jurisdiction: str | None = None) -> list[Entry]:
    """All events as 大事记 entries in gazetteer order; only those touching ``jurisdiction`` when given."""
    w = _Writer(a, h)
    out = []
    upper = a.book.upper if a.book else None
    lower = a.book.lower if a.book else None
    for e in h.events:
        if _outside_only(h, e) or after_lower(e.date, lower):
            continue  # a change after the volume's 下限 is no year of the book (`zhi check`: after-lower)
        if there_by_upper(e, upper):
            continue  # “1949前”: the record existed by the volume's upper limit; no source says when it was set up

        try:
            segs = w.sentence(e)
        except (AttributeError, IndexError, KeyError):
            continue  # an event too malformed to describe; `zhi check` reports it
        jur, bodies = _places(a, h, e)
        if jurisdiction and jurisdiction not in jur:
            continue
        supports, dissents = split(e, h)
        docs = list({c.doc: a.documents[c.doc] for c in supports if c.doc in a.documents}.values())  # each once
        other = [(d, a.documents[d.citation.doc]) for d in dissents if d.citation.doc in a.documents]
        level = highest([e.classification] + [d.classification for d in docs] + [d.classification for _, d in other])
        out.append(Entry(e, e.date, segs, docs, jur, bodies, level, other, e.conflict_note,
                         places_cited(supports, a.documents)))
    # events are replayed with a day's creations before its abolitions (an abolished body's functions may go to a
    # body set up that day); they print in the order the editor wrote them, as the source tells them
    # (“甲撤销，建立乙”)
    told = told_order(h)
    out.sort(key=lambda en: (print_key(en.event), told(en.event)))
    return out


def there_by(e: Event) -> bool:
    """The entry says only that the body was there by its date (至迟1953年　已有县人民政府; 1975年7月或以前　已有计划委员会):
    a set-up or restore dated “before” in no words of the source's."""
    return e.type in ("establish", "restore") and e.date is not None and e.date.qualifier == "before" \
        and not e.wording and not e.source_from


def print_key(e: Event, d: Date | None = None) -> tuple:
    """Where an entry dated ``d`` (the event's date) prints: by its date, except that a line saying a body was there
    by a date (``there_by``, 至迟1953年、1953年或以前) prints before every entry of that period, the first of which may
    already name the body (1953年5月　统计科成立，隶属县人民政府 after 至迟1953年　已有县人民政府, never before it)."""
    d = d or e.date
    if d is None or not there_by(e) or d != e.date:
        return d.sort_key() if d is not None else ((9999, 99, 99, 0), 9, False, (0, 0, 0, 0))
    first = d.start.first_day()
    return ((first.year, first.month, first.day, -1), 2, d.inclusive, (0, 0, 0, 0))


def there_by_upper(e: Event, upper: Date | None) -> bool:
    """A set-up dated only “某时前” by the volume's upper limit (1949前, 1953-04前 in a volume from 1953): the source
    says the record existed by then, not when it came: no entry of the 年表. Any other “某时前” (设立“1969-12前”,
    更名“1956-06前”) is an entry, dated as the source dates it; the 大事记 does not select it (dashiji.selected)."""
    if e.date is None or e.date.qualifier != "before" or e.type != "establish":
        return False
    return upper is None or e.date.latest().year <= upper.latest().year


def told_order(h: History) -> Callable[[Event], float]:
    """Where each event stands among its day's: the order the editor wrote them in, except that a body or
    place set up or restored that day prints just before the first split or merge that gives it a part (恢复乙县。
    撤销甲县，其行政区域分别划归丙县、乙县。), never after a sentence that already hands it land it does not yet have."""
    takers: dict[tuple, int] = {}
    for e in h.events:
        if e.type in ("split", "merge") and e.date is not None:
            for r in e.after:
                if r.id not in e.new:
                    key = (e.date.sort_key(), r.id)
                    takers[key] = min(takers.get(key, e.order), e.order)
    told: dict[int, float] = {}
    for e in h.events:
        if e.type in ("establish", "restore") and e.body and e.date is not None:
            first = takers.get((e.date.sort_key(), e.body.id))
            told[id(e)] = first - 0.5 if first is not None and first < e.order else e.order
    return lambda e: told.get(id(e), e.order)


# ---- 设立甲、乙等5个机构: one sentence of the source, one line ------------------------------------------------------
def count_key(en: Entry) -> tuple | None:
    """The establishments a source tells in one sentence (成立甲、乙等5个机构): each written with the same ``count``,
    on the same date, with the same first source (or the same ``group``): one line of the 年表 and one entry of the
    大事记 (guide/events.md “等几个机构”). None for any other event."""
    e = en.event
    if e.type != "establish" or e.count is None or e.date is None or e.staffing is not None:
        return None
    first = e.group or (e.sources[0].doc if e.sources else None)
    if not first:
        return None
    return (e.date.sort_key(), first, e.count, e.scope, e.wording)


def counted_together(a: Archive, h: History, entries: list[Entry]) -> list[Entry]:
    """The 年表's lines: ``entries``, with the establishments of one source sentence (``count_key``) said once, at
    the first one's place — 成立甲、乙等5个机构, never a line each that reads as 5 and 5 more."""
    w = _Writer(a, h)
    groups: dict[tuple, list[Entry]] = {}
    for en in entries:
        if (key := count_key(en)) is not None:
            groups.setdefault(key, []).append(en)
    out: list[Entry] = []
    done: set[int] = set()
    for en in entries:
        if id(en) in done:
            continue
        group = groups.get(count_key(en) or (), [en])
        joint = {(tuple(r.id for r in g.event.takes_over), g.event.takes_over_wording,
                  g.event.sponsor.id if g.event.sponsor else None, g.event.sponsor_wording) for g in group}
        said = established_run(w, [g.event for g in group]) if len(group) > 1 and len(joint) == 1 else None
        if said is None:
            out.append(en)
            continue
        done.update(id(g) for g in group)
        sources: list[Document] = []
        for d in (d for g in group for d in g.sources):
            if d not in sources:
                sources.append(d)
        pages = places_joined([g.pages for g in group])
        out.append(Entry(en.event, en.date, w.sponsored_and_taking_over(en.event, said) + ["。"], sources,
                         set().union(*(g.jurisdictions for g in group)), set().union(*(g.bodies for g in group)),
                         highest([g.classification for g in group]), [x for g in group for x in g.dissents],
                         "；".join(g.kaoyi for g in group if g.kaoyi), pages,
                         [g.event for g in group]))
    return place_said_together(h, out)


# ---- 撤销甲县，设立甲市（县级），由乙市代管: one place's changes of one day, one sentence --------------------------------
PLACE_OWN_TYPES = ("rename", "rerank", "reparent")


def place_key(h: History, en: Entry) -> tuple | None:
    """A jurisdiction's own change (更名, 升格, 改属) that one day's source tells with others of the same place in one
    sentence (撤县设市: 撤销南安县，设立南安市（县级），由泉州市代管): the same place, date and sources. None for any
    other event, and for one the editor groups by hand (``group``)."""
    e = en.event
    t = h.get(e.body.id) if e.body else None
    if e.type not in PLACE_OWN_TYPES or t is None or not t.is_jurisdiction or e.group or e.date is None \
            or not en.sources or e.co_parents:
        return None
    return (e.body.id, e.date.sort_key(), e.date.chinese(), tuple(d.id for d in en.sources))


def place_run(segments: list[list[Segment]]) -> list[Segment]:
    """The sentences of one place's changes of a day as one: the place named once, each later change said without it
    (“，由泉州市代管”); a level the place takes on with its new name is said after that name as the formula has it
    (设立南安市（县级）, not “南安市改为县级市”). Without the full stop."""
    out = list(segments[0][:-1] if segments[0][-1:] == ["。"] else segments[0])
    for segs in segments[1:]:
        segs = segs[:-1] if segs[-1:] == ["。"] else list(segs)
        named = [x for x in out if isinstance(x, Mention)]
        if segs and isinstance(segs[0], Mention) and named and segs[0].id == named[-1].id:   # the place: said once
            said = segs_text(segs[1:])
            level = said.removeprefix("改为")
            if said != level and len(segs) == 2 and isinstance(out[-1], Mention):   # 改为某级, just after the new name
                if out[-1].text.endswith(level):
                    continue   # 改称澜州地区 says 地区: “，改为地区” would say it again
                if level.endswith("级" + out[-1].text[-1:]):
                    out.append(f"（{level[:-1]}）")   # 县级市 after 南安市: （县级）
                    continue
            segs = segs[1:]
        out += segs if segs and isinstance(segs[0], str) and segs[0].startswith("，") else ["，", *segs]
    return out


def place_said_together(h: History, entries: list[Entry], key: Callable[[Entry], tuple | None] | None = None) \
        -> list[Entry]:
    """The 年表's lines with a place's own changes of one day from one source said in one sentence (``place_key``, or
    ``key``: the 大事记's, within one document's entry)."""
    key = key or (lambda en: place_key(h, en))
    groups: dict[tuple, list[Entry]] = {}
    for en in entries:
        if (k := key(en)) is not None:
            groups.setdefault(k, []).append(en)
    out: list[Entry] = []
    for en in entries:
        group = groups.get(key(en) or (), [en])
        if len(group) < 2:
            out.append(en)
        elif en is group[0]:
            out.append(Entry(en.event, en.date, place_run([g.segments for g in group]) + ["。"], en.sources,
                             set().union(*(g.jurisdictions for g in group)), set().union(*(g.bodies for g in group)),
                             highest([g.classification for g in group]), [x for g in group for x in g.dissents],
                             "；".join(g.kaoyi for g in group if g.kaoyi), places_joined([g.pages for g in group]),
                             [g.event for g in group]))
    return out


def established_run(w: _Writer, es: list[Event]) -> list[Segment] | None:
    """Bodies one document set up on one day, said once: 设立甲、乙，均隶属… (with what the record knows of them); None
    when each is to be said on its own (different superiors 下设 them, different counts)."""
    attrs = [w.attributes(e.body.id, e) for e in es]
    same = all(segs_text(x) == segs_text(attrs[0]) for x in attrs)
    before, after = establish_words(es[0].wording)  # 设立甲、乙 / 甲、乙成立
    counts = {(e.count, e.scope) for e in es}
    lead = w.superior_lead(es[0])  # 县委下设组织部、宣传部: one superior says them all, or each is said alone
    if superior_speaks(es[0].wording) and (not lead or len({segs_text(w.superior_lead(e)) for e in es}) > 1):
        return None
    subject = lead[:-1]
    if len(counts) == 1 and es[0].count is not None:   # 成立甲、乙等5个机构 (the count the source gives)
        return subject + w.some_of([w.created_name(e.body.id, e) for e in es], es[0], attrs[0] if same else [],
                                   before, after)
    if any(e.count is not None for e in es):   # counts that differ: each said with its own
        return None
    names = _join([w.created_name(e.body.id, e) for e in es])
    segs: list[Segment] = names + [after] if after else subject + [before] + names
    if same and attrs[0]:
        first = attrs[0][0]
        segs += ["，均" + first[1:] if isinstance(first, str) and first.startswith("，") else first]
        segs += attrs[0][1:]
    return segs


def segs_text(segs: list[Segment]) -> str:
    """A sentence's segments as plain text."""
    return "".join(s if isinstance(s, str) else s.text for s in segs)
