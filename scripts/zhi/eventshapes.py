"""What each type of event reads beyond the keys every event has: the bodies before and after, the new body's
name and parent, the places ceded, the wording the source uses. The loader reads the common keys and hands the
rest to ``EventShapes.read``; every problem is a finding, never an exception."""

from __future__ import annotations

import re
from dataclasses import replace

from .dates import UNKNOWN_WORDS
from .fields import Fields
from .fieldwords import key_label
from .findings import Finding, Loc
from .model import BODY_KINDS, FIGURE_RE, JURISDICTION_LEVELS, KIND_ALIASES, LEVEL_ALIASES, Event, NewBody
from .wordings import (
    campaign,
    cede_wording_problem,
    count_sets_up,
    kind_change_problem,
    members_wording_problem,
    merge_wording_problem,
    new_superior_problem,
    prepare_wording_problem,
    reorganise_wording_problem,
    says_abolished,
    split_wording_problem,
    sponsor_problem,
    superior_problem,
    superior_speaks,
    takes_over_problem,
    transfer_problem,
    wording_problem,
)
from .yamlsource import LList, LMap

NEW_BODY_KEYS = {"name", "short", "parent", "co_parents", "jurisdiction", "rank", "kind", "second_names", "level",
                 "parent_wording"}
EVENT_KEYS: dict[str, set[str]] = {
    "establish": {"body", "wording", "from", "places", "divisions", "count", "scope", "takes_over", "takes_over_wording",
                  "sponsor", "sponsor_wording", "previous_end"} | NEW_BODY_KEYS,
    "rename": {"body", "name", "short", "wording", "level", "kind"},
    "merge": {"before", "after", "partly", "wording", "before_count"},
    "split": {"before", "after", "rest_unknown", "wording"},
    "abolish": {"body", "functions_to", "functions_wording", "wording"},
    "transfer": {"from", "to", "functions", "wording"},
    "reparent": {"body", "parent", "co_parents", "wording"},
    "rejurisdiction": {"body", "jurisdiction", "parent", "wording"},
    "rerank": {"body", "rank", "kind", "level", "wording"},
    "restore": {"body", "from", "previous_end", "wording", "places", "divisions"} | NEW_BODY_KEYS,
    "co-locate": {"bodies", "wording", "body", "scope", "count", "excludes", "with", "with_scope"},
    "separate": {"bodies", "wording", "body", "scope", "count", "excludes", "with", "with_scope"},
    "suspend": {"body", "wording", "resume"},
    "resume": {"body", "wording", "name", "short"},
    "reorganise": {"before", "after", "wording"},
    "add-name": {"body", "name", "wording"},
    "drop-name": {"body", "name"},
    "staffing": {"body"},
    "prepare": {"body", "name", "short", "sponsor", "sponsor_wording", "wording", "jurisdiction"},
    "move-seat": {"body", "seat", "seat_before", "wording"},
    "seat": {"body", "seat", "wording"},
    "cede": {"from", "to", "places", "divisions", "wording"},
    "divisions": {"body", "divisions", "throughout"},
    "unofficial-name": {"body", "name", "by", "wording"},
    "restore-name": {"body", "wording"},
    "body-count": {"body", "scope", "count", "count_before", "wording", "planned", "excludes", "throughout"},
    "members": {"body", "subordinates", "units", "members", "of_which", "posts", "wording", "throughout"},
    "authority": {"body", "powers"},
    "authority-end": {"body", "powers", "wording"},
}

# co_parents alone names two or more leaders with no principal side (县委、县政府双重领导); with parent, parent is 主管
JOINT_HELP = ("“co_parents（双重领导）”只写了一个机关：来源说以某方为主的，主管的一方写 parent、另一方写 co_parents；"
              "来源没有说以谁为主的，把两方都写进 co_parents（如 co_parents: [县委编号, 县政府编号]），不写 parent")
# a reparent to a dual leadership says it in its own words; a wording would be printed nowhere (never ignored unsaid)
DUAL_WORDING = ("双重领导（co_parents）的隶属变更，大事记自有说法：此前没有记上级的读作“甲由乙、丙双重领导”“甲实行乙与丙双重"
                "领导，以乙为主”，此前记有上级的读作“甲改为由乙、丙双重领导”；“wording（用词）”不能照印。请删去 wording，"
                "把来源的原话写在 note 里")


def _jurisdictions(f: Fields, required: bool = False):
    """``jurisdiction``: one id, or a list for a body of two jurisdictions at once (市县合署), the first its 主:
    (the first, the others)."""
    if required and not f.has("jurisdiction"):
        return f.ref("jurisdiction", True), []
    refs = f.refs("jurisdiction")
    seen: list = []
    for r in refs:
        if any(x.id == r.id for x in seen):
            f.error("event-same-body", f"“jurisdiction（行政区划）”中“{r.id}”写了两次；同属两个行政区划的，各写一次", "jurisdiction")
            continue
        seen.append(r)
    return (seen[0] if seen else None), seen[1:]


class EventShapes:
    def __init__(self, findings: list[Finding]):
        self.findings = findings

    @staticmethod
    def _refuse(e: Event, f: Fields, why: str, key: str = "wording") -> None:
        """A wording that would print a false sentence: reported, and not kept (nothing prints it)."""
        f.error("schema-value", why, key)
        e.wording = None

    def read(self, e: Event, f: Fields, m: LMap) -> None:
        """The keys of ``e``'s own type: ``_event_<type>``, or the one-body shape the simple types share."""
        getattr(self, f"_event_{e.type.replace('-', '_')}", self._event_single)(e, f, m)

    def _new_body(self, f: Fields, data: LMap, rid: str, loc: Loc, name_required: bool = True) -> NewBody:
        # `parent: 不详`: a superior the sources do not name (printed 上级不详), never "no superior" (no parent written)
        unknown = isinstance(data.get("parent"), str) and data["parent"].strip() in UNKNOWN_WORDS
        if isinstance(data.get("parent"), str) and not unknown and \
                re.sub(r"[\s（）()【】\[\]]", "", data["parent"]) in ("不详", "未详", "不明", "不祥", "未知", "待查"):
            f.error("schema-value", f"“parent（上级）”写的是“{data['parent']}”：来源没有说它的上级的，请照写 "
                    "parent: 不详（两个字，前后不加空格、括号）；知道上级的，写上级的编号", "parent")
            unknown = True   # refused above; not read again as an id (no second, misleading ref-unknown)
        nb = NewBody(rid, loc, name=f.text("name", name_required), short=f.text("short"),
                     parent=None if unknown else f.ref("parent"), parent_unknown=unknown,
                     jurisdiction=None, rank=f.text("rank"),
                     body_kind=f.choice("kind", BODY_KINDS, KIND_ALIASES, "类别"),
                     second_names=f.text_list("second_names"), co_parents=f.refs("co_parents"),
                     level=f.choice("level", JURISDICTION_LEVELS, LEVEL_ALIASES, what="层级"))
        nb.jurisdiction, nb.co_jurisdictions = _jurisdictions(f)
        if len(nb.co_parents) == 1 and not nb.parent:
            f.error("schema-missing", JOINT_HELP, "co_parents")
        if f.has("parent_wording"):  # 设立甲，直属县委领导: the source's words for its superior
            said = f.wording("parent_wording", frame=True)
            if said and not nb.parent:
                f.error("schema-missing", "写了“parent_wording（上级关系用词）”，却没有写“parent（上级）”：用词说的是新机构与上级的"
                        "关系（直属…领导 印“直属乙领导”），请写上 parent；来源没有说上级的，删去 parent_wording", "parent_wording")
            elif said and nb.co_parents:
                f.error("schema-value", "双重领导（co_parents）大事记自有说法（“实行甲与乙双重领导，以甲为主”），"
                        "不能再写“parent_wording（上级关系用词）”；请删去其中之一", "parent_wording")
            elif said and (why := new_superior_problem(said)):
                f.error("schema-value", why, "parent_wording")
            elif said:
                nb.parent_wording = said
        return nb

    def _event_establish(self, e: Event, f: Fields, m: LMap) -> None:
        e.body = f.ref("body", True)
        e.wording = f.wording() or e.wording or None  # the source's verb: 成立, 建立 (printed instead of 设立)
        if e.wording and (why := wording_problem("establish", e.wording)):
            self._refuse(e, f, why, "wording" if f.has("wording") else "type")
        self._previous_end(e, f)   # set up again, its earlier end not recorded
        self._made_from(e, f, m)
        if f.has("count") or f.has("scope"):   # 成立甲、乙等5个机构: the source names only some of those it sets up
            e.count = self._count(f, m, "count", "个数", "如“成立甲、乙等5个机构”在甲、乙的设立事件上都写 count: 5")
            e.scope = f.text("scope")
            if e.count is not None and e.count < 2:
                f.error("schema-value", "“count（个数）”写的是来源所说同时设立的机构总数（如“成立甲、乙等5个机构”写 5），"
                        "应不小于 2；只设立这一个的，删去 count", "count")
        if e.body:
            e.new[e.body.id] = nb = self._new_body(f, m, e.body.id, e.body.loc)
            e.after = [e.body]
            if superior_speaks(e.wording) and not nb.parent:   # 县委下设组织部: whose 下设 it is
                f.error("schema-missing", f"“wording（用词）”“{e.wording}”读作“上级{e.wording}新机构”（县委下设组织部），"
                        f"须写“parent（上级）”；来源没有说是谁{e.wording}的，请改写来源设立它所用的词，或删去 wording",
                        "wording" if f.has("wording") else "type")
                e.wording = None
            elif superior_speaks(e.wording) and nb.parent_wording:
                f.error("schema-value", f"“wording（用词）”“{e.wording}”已说了上级（“县委{e.wording}组织部”），"
                        "不能再写“parent_wording（上级关系用词）”；请照来源删去其中之一", "parent_wording")
        self._takes_over(e, f)
        self._sponsor(e, f)

    @staticmethod
    def _takes_over(e: Event, f: Fields) -> None:
        """取代: the bodies whose functions the new body takes over (取代县委、县人委职能). They are not ended: from the
        date they stop functioning (history: a 停止活动 span) until a 恢复活动 or their own end."""
        e.takes_over = f.refs("takes_over")
        if f.has("takes_over_wording"):
            said = f.wording("takes_over_wording", frame=True)
            if not e.takes_over:
                f.error("schema-missing", "写了“takes_over_wording（取代用词）”，却没有写“takes_over（被取代的机构）”："
                        "请写上被取代机构的编号（如 takes_over: [县委编号, 县人委编号]），或删去 takes_over_wording",
                        "takes_over_wording")
            elif said and (why := takes_over_problem(said)):
                f.error("schema-value", why, "takes_over_wording")
            elif said:
                e.takes_over_wording = said
        if e.body and any(r.id == e.body.id for r in e.takes_over):
            f.error("event-same-body", "“takes_over（被取代的机构）”不能是新设的机构本身", "takes_over")
            e.takes_over = [r for r in e.takes_over if r.id != e.body.id]

    @staticmethod
    def _sponsor(e: Event, f: Fields) -> None:
        """主持: who presided over or sponsored the founding (在县人民武装部主持下成立), in one of the source's forms;
        never the new body's parent."""
        e.sponsor = f.ref("sponsor")
        said = f.wording("sponsor_wording", frame=True) if f.has("sponsor_wording") else None
        if said and not e.sponsor:
            f.error("schema-missing", "写了“sponsor_wording（主持用词）”，却没有写“sponsor（主持方）”：请写上主持方的编号，"
                    "或删去 sponsor_wording", "sponsor_wording")
        elif e.sponsor and (why := sponsor_problem(said)):
            f.error("schema-value" if said else "schema-missing", why, "sponsor_wording" if said else "sponsor")
            e.sponsor = None   # an unreadable form prints nothing, rather than a guessed relation
        elif e.sponsor:   # the sponsor may be the new body's parent too (市政府决定成立市劳动局，隶属市政府)
            e.sponsor_wording = said

    def _made_from(self, e: Event, f: Fields, m: LMap) -> None:
        """The area a jurisdiction is set up (or restored) from, in the source's one sentence: 以甲县城关镇设为乙市 —
        ``from`` the place it is taken from, ``places`` (or ``divisions``) what is taken."""
        e.source_from = e.source_from or f.ref("from")
        e.places = f.text_list("places")
        e.divisions = self._counts(f, m, False)
        if e.type == "establish" and e.source_from and not (e.places or e.divisions):
            f.error("schema-missing", "设立事件写了“from（从哪里划出）”，却没有写划出的是哪些地方：以某县某镇设市的，写 "
                    "places（如 places: [城关镇]）；来源只给个数的写 divisions（如 {乡: 3}）", "from")

    @staticmethod
    def _previous_end(e: Event, f: Fields) -> None:
        """`previous_end: 不详`: the source says it was restored (or set up again, 1956年成立甲 … 1962年成立甲) but not
        when its former period had ended."""
        if f.has("previous_end"):
            e.previous_end_unknown = f.text("previous_end", printed=False) in UNKNOWN_WORDS
            if not e.previous_end_unknown:
                f.error("schema-value", "“previous_end（此前的终止）”只能写“不详”：来源只记恢复（或再次设立）、没有记它此前何时"
                        "撤销时才写；来源记了撤销的，请另记一条撤销（abolish）事件", "previous_end")

    def _event_restore(self, e: Event, f: Fields, m: LMap) -> None:
        """恢复: the old id comes back; what the event does not restate is taken from its last period."""
        e.body = f.ref("body", True)
        e.source_from = f.ref("from")
        self._previous_end(e, f)
        e.wording = f.wording() or None  # the source's verb: 复设, 重建 (printed instead of 恢复)
        if e.wording and (why := wording_problem("restore", e.wording)):  # 从甲分出 + 分设: check_restore_from_wording
            self._refuse(e, f, why)
        self._made_from(e, f, m)  # 以甲镇及乙等5个村地域恢复丙市
        if e.body:
            e.new[e.body.id] = self._new_body(f, m, e.body.id, e.body.loc, name_required=False)
            e.after = [e.body]

    def _bodies(self, e: Event, f: Fields, what: str) -> None:
        e.before = f.refs("bodies")
        if len(e.before) < 2:
            f.error("event-shape", f"{what}事件的“bodies（机构）”至少要有两个机构", "bodies" if f.has("bodies") else None)

    def _event_co_locate(self, e: Event, f: Fields, m: LMap) -> None:
        self._together(e, f, m, "合署办公")

    def _event_separate(self, e: Event, f: Fields, m: LMap) -> None:
        self._together(e, f, m, "分开办公")

    def _together(self, e: Event, f: Fields, m: LMap, what: str) -> None:
        """合署办公 / 分开办公 of the bodies listed, or of a count of a place's bodies the source does not name."""
        e.wording = f.wording()
        counted = ("count", "body", "scope", "excludes", "with", "with_scope")
        if not f.has("count") and not f.has("bodies") and any(f.has(k) for k in counted):
            f._missing("count")  # a count of a place's bodies without its count
            return
        if not f.has("count"):
            for k in counted[1:]:
                if f.has(k):
                    f.error("schema-unknown-key", f"{what}事件列出机构（bodies）时不写“{k}”；来源只给个数、不列名称的，"
                            f"写 body（行政区划）、scope、count，不写 bodies", k)
            self._bodies(e, f, what)
            return
        if f.has("bodies"):   # 甲、乙等7个单位合署办公: the source names some of a count; the others are not made up
            self._some_of(e, f, m, what)
            return
        # the source gives only how many bodies of a place did so (区直48个党政机关与市直……对口合署): no body is named,
        # and none is made up; the place and its counterpart are what the archive knows
        e.body = f.ref("body", True)
        e.scope = f.text("scope", True)
        e.count = self._count(f, m, "count", "个数", "如“区直48个党政机关”写 count: 48")
        e.excludes = f.text_list("excludes")
        e.counterpart = f.ref("with")
        e.counterpart_scope = f.text("with_scope")

    def _some_of(self, e: Event, f: Fields, m: LMap, what: str) -> None:
        """``bodies`` the source names, ``count`` how many there were in all (甲、乙等7个单位), ``scope`` what they
        are called (单位, 部门; 单位 when not given)."""
        for k in ("body", "excludes", "with", "with_scope"):
            if f.has(k):
                f.error("schema-unknown-key", f"{what}事件列出了机构（bodies）又写了总数（count）的，不写“{k}”："
                        f"来源只给个数、不列名称的，才写 body（行政区划）、scope、count", k)
        e.before = f.refs("bodies")
        e.scope = f.text("scope")
        e.count = self._count(f, m, "count", "个数", "如“甲、乙等7个单位合署办公”写 count: 7")
        if not e.before:
            f.error("event-shape", f"{what}事件的“bodies（机构）”至少要列出一个机构", "bodies")
        elif e.count is not None and e.count <= len(e.before):
            f.error("schema-value", f"“count（个数）”写的是来源所说的总数（如“甲、乙等7个单位”写 7），应大于 bodies 所列的"
                    f"{len(e.before)}个；来源列出了全部机构的，删去 count", "count")

    def _event_suspend(self, e: Event, f: Fields, m: LMap) -> None:
        e.body = f.ref("body", True)
        e.wording = f.wording()
        if f.has("resume"):  # the source says it stopped, and not when (or whether) it took up its work again
            e.resume_unknown = f.text("resume", printed=False) in UNKNOWN_WORDS
            if not e.resume_unknown:
                f.error("schema-value", "“resume（恢复时间）”只能写“不详”：来源只记停止活动、没有记何时恢复时才写；"
                        "来源记了恢复的，请另记一条恢复活动（resume）事件", "resume")

    def _event_resume(self, e: Event, f: Fields, m: LMap) -> None:
        e.body = f.ref("body", True)
        e.wording = f.wording()
        e.name, e.short = f.text("name"), f.text("short")  # the name it resumed under, when the source gives one

    def _event_reorganise(self, e: Event, f: Fields, m: LMap) -> None:
        e.before = f.refs("before")
        self._after_items(e, f, m)
        e.wording = f.wording() or None  # the source's verb: 改建为 (printed instead of 改组为); 分解并入 (N into M)
        if e.wording and (why := reorganise_wording_problem(e.wording, len(e.after))):
            self._refuse(e, f, why)
        if not f.has("before"):
            f._missing("before")
        if e.before and e.after and {r.id for r in e.before} == {r.id for r in e.after}:
            f.error("event-shape", "改组事件前后是同样的机构；只改名称请用更名（rename），只调职能请用职能划转（transfer）",
                    "after")
        if e.staffing is not None and len(e.after) != 1:
            f.error("event-shape", "改组后有多个机构，不能在事件上统一写“staffing（编制）”；请为各机构另记编制核定事件",
                    "staffing")

    def _event_rename(self, e: Event, f: Fields, m: LMap) -> None:
        e.body = f.ref("body", True)
        e.name, e.short = f.text("name", True), f.text("short")
        e.wording = f.wording() or None
        if e.wording and (why := wording_problem("rename", e.wording) or kind_change_problem(e.wording, None, e.name)):
            self._refuse(e, f, why)
        # a place whose level changes with its name (改州为县): its new level, as a 规格调整 would set it
        e.level = f.choice("level", JURISDICTION_LEVELS, LEVEL_ALIASES, what="层级")
        # a body whose kind changes with its name (县物资局改为县物资总公司, kind: 企业): one event, one sentence
        e.body_kind = f.choice("kind", BODY_KINDS, KIND_ALIASES, "类别")

    def _event_single(self, e: Event, f: Fields, m: LMap) -> None:
        e.body = f.ref("body", True)
        if e.type in ("add-name", "drop-name"):
            e.name = f.text("name", True)
            if e.type == "add-name":
                e.wording = f.wording() or None
                if e.wording and (why := wording_problem("add-name", e.wording)):
                    self._refuse(e, f, why)
        elif e.type == "reparent":
            if not f.has("parent") and not f.has("co_parents"):
                f._missing("parent")
            e.parent, e.parent_set = f.ref("parent"), True
            e.co_parents = f.refs("co_parents")
            if len(e.co_parents) == 1 and not e.parent:
                f.error("schema-missing", JOINT_HELP, "co_parents")
            e.wording = f.wording(frame=True) or None
            if e.wording and e.co_parents:   # printed nowhere: the dual leadership has its own sentence
                self._refuse(e, f, DUAL_WORDING)
            elif e.wording and (why := superior_problem(e.wording)):
                self._refuse(e, f, why)
        elif e.type == "rejurisdiction":
            e.jurisdiction, e.co_jurisdictions = _jurisdictions(f, True)
            if f.has("parent"):
                e.parent, e.parent_set = f.ref("parent"), True
            e.wording = f.wording() or None  # the source's verb: 复归 (printed instead of 划归)
            if e.wording and (why := wording_problem("rejurisdiction", e.wording)):
                self._refuse(e, f, why)
        elif e.type == "rerank":
            e.rank, e.body_kind = f.text("rank"), f.choice("kind", BODY_KINDS, KIND_ALIASES, "类别")
            e.level = f.choice("level", JURISDICTION_LEVELS, LEVEL_ALIASES, what="层级")
            if f.has("wording"):  # the source's words for a change of level: 恢复县建制, 撤县设市
                if not e.level:
                    f.error("schema-unknown-key", "规格调整事件的“wording（用词）”只用于行政区划的层级变化（写了 level 的），"
                            "如“恢复县建制”；机构只说升格、降格的，把 type 写作“升格”或“降格”", "wording")
                e.wording = f.wording() or e.wording
            if not (e.rank or e.body_kind or e.level or e.wording or f.has("kind") or f.has("level")):
                f.error("schema-missing", "规格调整事件须写“rank（规格）”、“kind（类别）”或“level（层级）”；"
                        "来源只说升格、降格而不知新规格的，把 type 写作“升格”或“降格”，不写 rank")
        elif e.type == "abolish":
            e.functions_to = f.refs("functions_to")
            # 其职能分别由审查科、劳动保护科承担: the source's words for the transfer, as a 职能划转's wording
            e.functions_wording = f.wording("functions_wording", frame=True) or None
            if e.functions_wording and (why := transfer_problem(e.functions_wording)):
                f.error("schema-value", why.replace("职能划转事件的“wording（用词）”", "撤销事件的“functions_wording（职能去向用词）”")
                        .replace("请删去 wording", "请删去 functions_wording"), "functions_wording")
                e.functions_wording = None
            elif e.functions_wording and not e.functions_to:
                f.error("schema-missing", "写了“functions_wording（职能去向用词）”，却没有写“functions_to（职能去向）”：请写上"
                        "承接职能的机构编号，或删去 functions_wording", "functions_wording")
            e.wording = f.wording() or e.wording or None   # the source's verb: 取消, 裁撤 (printed instead of 撤销)
            if e.wording and not campaign(e.wording) and (why := wording_problem("abolish", e.wording)):  # 撤区并乡
                self._refuse(e, f, why, "wording" if f.has("wording") else "type")

    def _event_prepare(self, e: Event, f: Fields, m: LMap) -> None:
        e.body = f.ref("body", True)
        e.name, e.short = f.text("name"), f.text("short")
        e.jurisdiction = f.ref("jurisdiction")    # where it is prepared: its establishment's jurisdiction (history)
        self._sponsor(e, f)
        e.wording = f.wording() or None           # 成立…筹备委员会: the source's verb in place of 筹建
        if e.wording and (why := prepare_wording_problem(e.wording, e.name)):
            self._refuse(e, f, why)

    def _event_seat(self, e: Event, f: Fields, m: LMap) -> None:
        e.body = f.ref("body", True)
        e.seat = f.text("seat", True)
        e.wording = f.wording() or None

    def _event_move_seat(self, e: Event, f: Fields, m: LMap) -> None:
        e.body = f.ref("body", True)
        e.seat, e.seat_before = f.text("seat", True), f.text("seat_before")
        e.wording = f.wording() or e.wording
        if e.wording and (why := wording_problem("move-seat", e.wording)):
            self._refuse(e, f, why)

    def _counts(self, f: Fields, m: LMap, required: bool) -> dict[str, int]:
        """{乡: 30, 镇: 9}: how many places of each kind, as the source counts them (辖39个乡镇 is {乡镇: 39})."""
        if "divisions" not in f.data:
            if required:
                f._missing("divisions")
            return {}
        v = f.mapping("divisions")
        out: dict[str, int] = {}
        for k, n in (v or {}).items():
            if isinstance(n, bool) or not isinstance(n, int) or n < 0 or not str(k).strip():
                f.error("schema-type", f"“divisions（辖区）”中“{k}”的个数应为不小于 0 的整数，如 {{乡: 30, 镇: 9}}"
                        f"（来源只说“辖39个乡镇”的，写 {{乡镇: 39}}）", "divisions")
                continue
            out[str(k).strip()] = n
            f.say("divisions", k, v.line_of(k))
        if v is not None and not out and required:
            f.error("schema-missing", "“divisions（辖区）”至少写一项，如 {乡: 30, 镇: 9}", "divisions")
        return out

    def _event_divisions(self, e: Event, f: Fields, m: LMap) -> None:
        e.body = f.ref("body", True)
        e.divisions = self._counts(f, m, True)
        self._throughout(e, f, m)

    @staticmethod
    def _throughout(e: Event, f: Fields, m: LMap) -> None:
        """`throughout: true`: a count the source says held over the whole of a span (1958年5月至1959年11月，下设7个街道
        办事处), printed as that span (1958年5月至1959年11月，…), never as a time within it (…间); a span date only."""
        v = m.get("throughout")
        if v is None or e.date is None:
            return
        if v is not True and v != "是":
            f.error("schema-value", "“throughout（整段时间）”只能写 true：来源说这个数在整段时间里都是如此的才写；"
                    "只知是这段时间里某个时候的，不写", "throughout")
        elif e.date.end is None or e.date.qualifier != "exact":
            f.error("schema-value", f"“throughout（整段时间）”只用于时段日期（如 1958-05..1959-11），“{e.date.text}”不是时段；"
                    "请删去 throughout，或把日期写成来源所说的起止", "throughout")
        else:
            e.date = replace(e.date, whole=True)

    def _event_cede(self, e: Event, f: Fields, m: LMap) -> None:
        # the source may say only what came in (“吴城划属永修”): from: 不详, printed without a source place
        unknown = isinstance(m.get("from"), str) and m.get("from").strip() in UNKNOWN_WORDS
        e.source_from, e.target_to = None if unknown else f.ref("from", True), f.ref("to", True)
        e.places = f.text_list("places")
        e.divisions = self._counts(f, m, False)
        e.wording = f.wording() or e.wording
        if e.wording and (why := cede_wording_problem(e.wording)):
            self._refuse(e, f, why)
        if not e.places and not e.divisions:
            f.error("schema-missing", "区域划转事件须写明划转的地方：有名称的写 places（如 [石门乡, 白田村]），"
                    "来源只给个数的写 divisions（如 {乡: 3}）")

    def _event_unofficial_name(self, e: Event, f: Fields, m: LMap) -> None:
        """擅改名称: a name used without lawful approval; the official name stays (history.unofficial_names)."""
        e.body = f.ref("body", True)
        e.name, e.actor = f.text("name", True), f.text("by")
        e.wording = f.wording() or None
        if e.wording and (why := wording_problem("unofficial-name", e.wording)):
            self._refuse(e, f, why)

    def _event_restore_name(self, e: Event, f: Fields, m: LMap) -> None:
        e.body = f.ref("body", True)
        e.wording = f.wording() or None

    def _event_authority(self, e: Event, f: Fields, m: LMap) -> None:
        """管理权限: powers granted to a place or body (享受市地一级管理权限), as the source words them; not a level."""
        e.body = f.ref("body", True)
        e.powers = f.text("powers", True)

    def _event_authority_end(self, e: Event, f: Fields, m: LMap) -> None:
        """收回权限: a grant of powers ends (the source says when they were withdrawn); ``powers`` names which grant
        when the place holds more than one, ``wording`` is the source's verb (收回, 取消, 停止享受)."""
        e.body = f.ref("body", True)
        e.powers = f.text("powers")
        e.wording = f.wording() or None

    def _event_body_count(self, e: Event, f: Fields, m: LMap) -> None:
        """机构数: how many bodies of a scope a jurisdiction had, as a source counts them (工作部门增至52个)."""
        e.body = f.ref("body", True)
        e.scope = f.text("scope", True)
        e.wording = f.wording() or None
        how = "照来源写，如“增至52个”写 count: 52，“由48个减为31个”写 count_before: 48、count: 31"
        e.count = self._count(f, m, "count", "个数", how)
        if m.get("count_before") is not None:
            e.count_before = self._count(f, m, "count_before", "原有个数", how)
            if count_sets_up(e.wording):
                f.error("schema-value", f"“wording（用词）”“{e.wording}”说的是设立了几个机构（大事记读作“{e.wording}党政机构9个”），"
                        f"不能与“count_before（原有个数）”同用，印出来会是“由48个{e.wording}31个”这样的错话。来源说由几个增减为几个的，"
                        "wording 照写 增至、减为、精简为；说设立了几个的，删去 count_before", "wording")
                e.wording = None
        e.planned = f.wording("planned")
        e.excludes = f.text_list("excludes")
        self._throughout(e, f, m)

    @staticmethod
    def _count(f: Fields, m: LMap, key: str, what: str, how: str) -> int | None:
        v = m.get(key)
        if v is None:
            f._missing(key)
            return None
        if isinstance(v, bool) or not isinstance(v, int) or v < 0:
            f.error("schema-type", f"“{key}（{what}）”应为不小于 0 的整数，{how}", key)
            return None
        return v

    def _event_members(self, e: Event, f: Fields, m: LMap) -> None:
        """成员数: how many members a body has and how many units it leads (下辖7个支社，有社员123人), in the order
        the editor wrote them (the source's). Not 编制, not staff: never summed into the staffing tables."""
        e.body = f.ref("body", True)
        for key in m:
            if key == "units":   # 下设民政科、财政科……: the units a source lists at that date, by name; no lifetimes
                e.figures += [("units", name, "") for name in f.text_list("units", list_only=True)]
                continue
            if key == "posts":   # 设会长、副会长: the posts a source says the body has, no count, no holder
                e.figures += [("posts", name, "") for name in f.text_list("posts", list_only=True)]
                continue
            if key not in ("subordinates", "members", "of_which"):
                continue
            v = f.mapping(key)
            for what, n in (v or {}).items():
                n_text = str(n).strip() if not isinstance(n, bool) and n is not None else ""
                if not str(what).strip() or not FIGURE_RE.match(n_text):
                    example = {"subordinates": "{支社: 7}", "members": "{社员: 123}"}.get(key, "{高级职称: 59}")
                    f.error("schema-type", f"“{key_label(key)}”中“{what}”的数应照来源写一个整数，如 "
                            f"{example}；来源说“120余人”“约120人”的，写 120余、约120", key)
                    continue
                e.figures.append((key, str(what).strip(), n if isinstance(n, int) else n_text))
                f.say(key, what, v.line_of(what))
        if not e.figures and not any(f.has(k) for k in ("subordinates", "units", "members", "posts")):
            f.error("schema-missing", "成员数事件须写 subordinates（下辖单位，如 {支社: 7}）、units（来源列出的下设单位名称，"
                    "如 [民政科, 财政科]）、members（成员，如 {社员: 123}）或 posts（来源说设有的职务，不记人数、姓名，"
                    "如 [会长, 副会长]），照来源的先后写")
        self._of_which(e, f)
        self._named_units(e, f)
        e.wording = f.wording() or None   # the source's verb: 下设4个小组; with no units counted, 共有会员312人
        counted = "subordinates" if any(k in ("subordinates", "units") for k, _w, _n in e.figures) else \
            "members" if any(k == "members" for k, _w, _n in e.figures) else "posts"
        named = any(k == "units" for k, _w, _n in e.figures)
        if e.wording and e.figures and (why := members_wording_problem(e.wording, counted, named)):
            self._refuse(e, f, why)
        self._throughout(e, f, m)

    @staticmethod
    def _named_units(e: Event, f: Fields) -> None:
        """下设民政、财政、教育、建设4个科: the units named are of the one count of units the source gives, if any, and
        no more than it (甲、乙等5个科 names fewer)."""
        named = [w for k, w, _n in e.figures if k == "units"]
        counts = [(w, n) for k, w, n in e.figures if k == "subordinates"]
        if not named or not counts:
            return
        if len(counts) > 1:
            f.error("schema-value", "写了 units（下设单位名称）时，subordinates 只能写一项（如 {科: 4}），印作“下设民政、财政、"
                    "教育、建设4个科”；来源分几类计数的，名称另记一条成员数事件", "units")
        elif isinstance(counts[0][1], int) and counts[0][1] < len(named):
            f.error("schema-value", f"units 列出{len(named)}个名称，多于 subordinates 的{counts[0][1]}个{counts[0][0]}；"
                    "请核对来源", "units")

    @staticmethod
    def _of_which(e: Event, f: Fields) -> None:
        """其中: a part of the members the source counts (有会员312人，其中高级职称59人) is of a count of members, and
        no larger than it."""
        parts = [(what, n) for key, what, n in e.figures if key == "of_which"]
        if not parts:
            return
        whole = [n for key, _what, n in e.figures if key == "members"]
        if not whole:
            f.error("schema-missing", "“of_which（其中）”是成员中的一部分（“有会员312人，其中高级职称59人”），"
                    "须同时写 members（如 {会员: 312}）", "of_which")
            return
        total = whole[0] if len(whole) == 1 and isinstance(whole[0], int) else None
        for what, n in parts:
            if total is not None and isinstance(n, int) and n > total:
                f.error("schema-value", f"“of_which（其中）”的“{what}”{n}人多于成员总数{total}人；请核对来源", "of_which")
    def _event_transfer(self, e: Event, f: Fields, m: LMap) -> None:
        e.source_from, e.target_to = f.ref("from", True), f.ref("to", True)
        e.functions = f.text_list("functions", list_only=True)
        if not e.functions and not f.has("functions"):
            f.error("schema-missing", "职能划转事件须在“functions（职能）”中写明划转的职能")
        e.wording = f.wording(frame=True) or None   # 由…兼管: 甲的妇女工作由乙兼管
        if e.wording and (why := transfer_problem(e.wording)):
            self._refuse(e, f, why)

    def _after_items(self, e: Event, f: Fields, m: LMap) -> None:
        v = m.get("after")
        if v is None or v == "":
            f._missing("after")
            return
        items = list(enumerate(v)) if isinstance(v, LList) else [(None, v)]
        for i, item in items:
            line = v.line_of(i) if i is not None else m.line_of("after")
            if isinstance(item, LMap) and set(item) - {"id", "as"}:
                nf = f.nested(item, "新机构", {"id"} | NEW_BODY_KEYS)
                rid = nf.ident()
                if rid:
                    ref_ = f.ref_value(rid, item.line, "after")
                    e.new[rid] = self._new_body(nf, item, rid, Loc(f.rel, item.line))
                    e.after.append(ref_)
            else:
                r = f.ref_value(item, line, "after")
                if r:
                    e.after.append(r)

    def _event_merge(self, e: Event, f: Fields, m: LMap) -> None:
        e.before = f.refs("before")
        self._after_items(e, f, m)
        e.partly = f.refs("partly")
        e.wording = f.wording() or None
        if e.wording and not says_abolished(e.wording) and not campaign(e.wording) \
                and (why := wording_problem("merge", e.wording)):   # 撤乡并镇: the campaign heads the sentence
            self._refuse(e, f, why)
        count = m.get("before_count")
        if count is not None:
            if isinstance(count, int) and not isinstance(count, bool) and count > len(e.before) + len(e.partly):
                e.before_count = count
            else:
                f.error("schema-value", f"“before_count（参加合并的单位数）”写的是来源所说参加合并的单位总数（如“等5个单位合并”"
                        f"写 5），须是大于 before 所列机构数（{len(e.before) + len(e.partly)}）的整数；来源列全了的，请删去这一行",
                        "before_count")
        if len(e.before) + len(e.partly) < 2 and f.has("before") and e.before_count is None:
            f.error("event-shape", "合并事件的“before（原机构）”至少要有两个机构；一个机构并入另一个，请把两者都列在 before 中，"
                    "并把存续的一方写在 after", "before")
        elif not f.has("before"):
            f._missing("before")
        if len(e.after) > 1:
            f.error("event-shape", "合并事件的“after（新机构）”只能有一个；一分为多请用 split（分设）", "after")
        into = bool(e.after) and e.after[0].id in {r.id for r in e.before}
        ends = [r for r in e.before if not e.after or r.id != e.after[0].id]
        if e.wording and not campaign(e.wording) and (why := merge_wording_problem(e.wording, into, bool(ends))):
            self._refuse(e, f, why)

    def _event_split(self, e: Event, f: Fields, m: LMap) -> None:
        e.before = f.refs("before")
        self._after_items(e, f, m)
        if len(e.before) != 1 and f.has("before"):
            f.error("event-shape", "分设事件的“before（原机构）”只能有一个；多并为一请用 merge（合并）", "before")
        elif not f.has("before"):
            f._missing("before")
        rest = m.get("rest_unknown")
        if rest not in (None, True, False):
            f.error("schema-type", "“rest_unknown（其余去向不详）”只能写 true 或 false", "rest_unknown")
        e.rest_unknown = rest is True
        if f.has("after") and len(e.after) < (1 if e.rest_unknown else 2):
            f.error("event-shape", "分设事件的“after（新机构）”至少要有两个（原机构保留时也列入 after）；"
                    "来源只记了一个去向的，写 rest_unknown: true", "after")
        e.wording = f.wording(frame=True) or None  # what the source says was split off: 分出部分职能, 析…南部
        if e.wording and (why := split_wording_problem(e.wording, bool(e.before) and e.before[0].id in
                                                       {r.id for r in e.after})):
            self._refuse(e, f, why)
        if e.staffing is not None:
            f.error("event-shape", "分设事件产生多个机构，不能在事件上统一写“staffing（编制）”；"
                    "请为各新机构另记编制核定（staffing）事件", "staffing")
