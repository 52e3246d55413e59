"""The archive: typed records as the loader builds them from `sources/`.

Records state only what the archive says. A body's names, parents,
jurisdiction, rank and lifespan are not stored on the body: they are derived
from events (see ``history.py``), so nothing is stated twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

from .classification import Level
from .dates import Date
from .docno import DocNumber
from .findings import Finding, Loc

EVENT_TYPES: dict[str, str] = {
    # English key → Chinese name (used in messages and pages)
    "establish": "设立",
    "rename": "更名",
    "merge": "合并",
    "split": "分设",
    "abolish": "撤销",
    "transfer": "职能划转",
    "reparent": "隶属变更",
    "rejurisdiction": "属地变更",
    "rerank": "规格调整",
    "add-name": "加挂牌子",
    "drop-name": "撤销牌子",
    "staffing": "编制核定",
    "restore": "恢复",
    "co-locate": "合署办公",
    "separate": "分开办公",
    "suspend": "停止活动",
    "resume": "恢复活动",
    "reorganise": "改组",
    "prepare": "筹建",
    "move-seat": "驻地迁移",
    "seat": "驻地",
    "cede": "区域划转",
    "divisions": "辖区",
    "unofficial-name": "擅改名称",
    "restore-name": "恢复原名",
    "body-count": "机构数",
    "members": "成员数",
    "authority": "管理权限",
    "authority-end": "收回权限",
}
# an event written with one of these words keeps it: the book uses the source's verb
EVENT_WORDINGS = {"升格": "rerank", "降格": "rerank", "成立": "establish", "建立": "establish", "组建": "establish",
                  "取消": "abolish"}
# every word a type may be written with (EVENT_WORDINGS among them)
EVENT_ALIASES: dict[str, str] = {zh: en for en, zh in EVENT_TYPES.items()} | EVENT_WORDINGS | {
    "改称": "rename", "撤并": "merge", "拆分": "split", "划转": "transfer", "挂牌": "add-name", "摘牌": "drop-name",
    "调整编制": "staffing", "核定编制": "staffing", "恢复设立": "restore", "合署": "co-locate",
    "分署办公": "separate", "改组设立": "reorganise", "筹备": "prepare", "迁治": "move-seat", "县治迁移": "move-seat",
    "迁驻": "move-seat", "驻": "seat", "区划调整": "cede", "划出": "cede", "划入": "cede", "辖": "divisions",
    "擅自改名": "unofficial-name", "擅自更名": "unofficial-name", "机构数量": "body-count",
    "下辖单位数": "members", "社员数": "members", "会员数": "members", "党员数": "members",
    "权限": "authority", "授权": "authority", "取消权限": "authority-end", "权限收回": "authority-end",
}

# the fixed lists editors choose from (guide/bodies.md, guide/jurisdictions.md); anything else is refused
BODY_KINDS = (
    "党委工作部门", "党委办事机构", "党委派出机关", "纪律检查机关", "人大机关", "政府工作部门", "政府直属机构",
    "政府派出机构", "政协机关", "审判机关", "检察机关", "民主党派", "群团机关", "事业单位", "企业", "议事协调机构",
    "乡镇", "街道", "区公所", "人民公社", "其他",
)
KIND_ALIASES = {"公司": "企业", "纪检机关": "纪律检查机关", "群众团体": "群团机关"}
JURISDICTION_LEVELS = (
    "省", "自治区", "直辖市", "行署区", "专区", "地区", "盟", "副省级市", "地级市", "副地级市", "省辖市", "自治州", "州", "县", "自治县",
    "旗", "县级市",
    "市辖区", "区", "工矿区", "特区", "乡", "民族乡", "镇", "街道", "区公所",
    # 郡 (秦汉至隋的郡, 临川郡), 场 (南唐、宋的场, 宜黄场 before it became a county), and the farms a county lists
    # with its 乡镇 (2个垦殖场): as real volumes name them
    "郡", "场", "垦殖场", "农场", "林场",
    "功能区",
)
# levels that are no 建制 (功能区: a district a city sets up and runs through its 派出机构, not a lawful division):
# printed with what they are not, and listed after the lawful divisions
NON_STATUTORY_LEVELS = {"功能区": "功能区（非建制区）"}
LEVEL_ALIASES = {"非建制区": "功能区", "经济功能区": "功能区"}


def level_said(level: str) -> str:
    """A level as the book prints it: 功能区（非建制区）; a lawful level as it is."""
    return NON_STATUTORY_LEVELS.get(level, level)
WEB_PAGE = "网页"   # a page of a website: cited by its site and title, without 《》 (GB/T 7714 [EB/OL])
PUBLISHED_GENRES = ("志书", "年鉴", "图书", "报刊", "资料汇编", WEB_PAGE)
UNKNOWN = "不详"
POST_UNKNOWN = "职务不详"   # a post whose holder the source names without the post (written 不详)
NAME_UNKNOWN = "姓名不详"   # a holder the source counts without naming (a person written `name: 不详`)
FATE_UNKNOWN = "去向不详"  # a body whose jurisdiction ended, what became of it not recorded

# categories of 编制; "编制" alone is a figure the source gives with no category ("编制N人")
STAFFING_KINDS = ("行政编制", "政法专项编制", "事业编制", "工勤编制", "企业编制", "编制")
KIND_LABELS = {"编制": "编制（未分类）"}  # how a category heads a column
LEADER_KEY = "领导职数"
# bases (口径): 核定 and 实有 are the tables' figures; 超编 and 精简 are counts a source states; 设置 is a
# composition a source states without an approval ("设县长、副县长各1人"): printed as 设…, never as 核定; 记载 is an
# 编制 a source gives without saying it was approved ("编制28人"): printed as it says (县政府编制28名), never as 核定,
# and, since nothing says it was approved to hold, in no table's 核定 column nor carried into a later year
STAFFING_BASES = {"核定": "approved", "实有": "actual", "超编": "over", "精简": "reduced", "设置": "set", "设": "set",
                  "记载": "stated", "载": "stated",
                  "approved": "approved", "actual": "actual", "over": "over", "reduced": "reduced", "set": "set",
                  "stated": "stated"}
BASIS_ZH = {"approved": "核定", "actual": "实有", "over": "超编", "reduced": "精简", "set": "设置", "stated": "记载"}
BASIS_KEY = "口径"  # an event's staffing may name its basis: staffing: {口径: 设置, 领导职数: {县长: 1}}
# what a figure covers, as the source says it (编制: 3248, 范围: 包括公社、办事处干部): printed with the figure
SCOPE_KEY = "范围"
# 编制837名，其中行政编制474名、事业编制363名: the parts of one total (`其中: {行政编制: 474, 事业编制: 363}`)
PARTS_KEY = "其中"
# 实有干部312人: a headcount, not 编制 (`人数: 312`, `人员: 干部`); 未配备专职人员 (`未配备: 专职人员`)
HEADCOUNT_KEY = "人数"
COUNTED_KEY = "人员"
UNSTAFFED_KEY = "未配备"
HEADCOUNT_WORD = "实有"


@dataclass
class Typed:
    """A text the editor typed into a record, as an edition may print it (``Fields`` keeps every one it reads): the
    key's label (``where``), the text, its line; the level of the part holding it when the part has its own (a
    内设机构, a name), and the document whose reading it is (a citation's note or name: as secret as that source).
    ``part`` names the part as ``leaks.entries`` does: "" (the record's own), 内设机构, 名称, 引<doc>."""

    where: str
    text: str
    loc: Loc
    level: Level | None = None
    part: str = ""
    doc: str = ""
    key: str = ""


@dataclass
class Record:
    id: str
    loc: Loc
    classification: Level
    note: str = ""
    # every text typed into the record that an edition may print (``Fields``): what the secrecy checks read, so a
    # key added to the schema is checked without being listed again
    typed: list[Typed] = field(default_factory=list, kw_only=True)
    # the level the original was marked at, when the record says it was lifted (original_classification, declassified)
    declassified_from: Level | None = field(default=None, kw_only=True)

    kind_zh = "记录"


@dataclass
class OutsideName:
    """A name of a record outside the volume, for the period a source gives (no events are recorded for it)."""

    name: str
    start: Date | None
    end: Date | None
    loc: Loc
    sources: list[Citation] = field(default_factory=list)
    classification: Level = field(default_factory=Level)   # a name an edition above it never prints


@dataclass
class Jurisdiction(Record):
    level: str = ""
    level_unknown: bool = False   # `level: 不详`: no source gives its level (none printed; the open data say 不详)
    in_scope: bool = True
    names: list[OutsideName] = field(default_factory=list)  # for a jurisdiction outside the volume
    distinguish: str = ""   # 区别语: 县级 in 滁州市（县级）, printed where another record bears the same name
    different_from: list[str] = field(default_factory=list)   # 非同一机构: ids of lower places holding its name's stem
    start_unknown: bool = False  # `start: 不详`: no source says when it came to be; first met in an event naming it (as)

    kind_zh = "行政区划"


@dataclass
class Unit:
    name: str
    start: Date | None
    end: Date | None
    loc: Loc
    classification: Level = field(default_factory=Level)   # a 内设机构 more secret than its body
    note: str = ""
    merged_from: list[str] = field(default_factory=list)   # 甲科、乙科合并为本科: the units it was made of
    renamed_from: str = ""                                 # 甲科更名为本科: the unit it was before
    wording: str = ""                                      # the source's verb for the merge (合并为, 合并组建为)
    end_unknown: bool = False                              # `to: 不详`: it ended, and no source says when
    start_unknown: bool = False                            # `from: 不详`: no source says when it was set up


@dataclass
class Remark:
    """A body's 附注 (``remarks``): a sentence a source gives about the body and no event or date holds (县政府内设
    机构时有变动), printed on its page with its sources; unlike the editor's ``note``, which is never printed."""

    text: str
    loc: Loc
    sources: list[Citation] = field(default_factory=list)
    classification: Level = field(default_factory=Level)   # the body's: it is a part of the body file

    kind_zh = "附注"


@dataclass
class Body(Record):
    body_kind: str = ""
    in_scope: bool = True
    names: list[OutsideName] = field(default_factory=list)  # for a body outside the volume (a superior)
    functions: list[str] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    end_unknown: bool = False  # `end: 不详`: the sources do not give when (or whether) its last period ended
    extant: bool = False       # `end: 至今`: a source (``sources``) says it exists to the source's own day
    sources: list[Citation] = field(default_factory=list)
    kind_unknown: bool = False  # `kind: 不详`: the sources do not say what kind of body it was
    seen: list[Date] = field(default_factory=list)  # days a source (``sources``) shows it still there (最后见于)
    seen_loc: Loc | None = None                      # the line of its `seen`, where a finding about it points
    start_unknown: bool = False  # `start: 不详`: the sources never say when (how) it came to be; it is first met in
    #                              an event that names it (甲并入乙, 乙's start not given)
    first_jurisdiction: Ref | None = None  # with start_unknown: its 属地 and 上级 when first met (the body file's
    first_parent: Ref | None = None        # `jurisdiction`, `parent`), the stand-in origin's
    distinguish: str = ""   # 区别语, printed where another record bears the same name (views.naming.distinguished)
    # 非同一机构: the ids of places of a lower level whose names hold this one's distinctive part (``leaks.stems``) and
    # that the editor states are other bodies (checks.secrecy: secret-stem-public)
    different_from: list[str] = field(default_factory=list)
    remarks: list[Remark] = field(default_factory=list)   # 附注: sourced sentences printed on its page

    @property
    def kind_label(self) -> str:
        return self.body_kind or ("不详" if self.kind_unknown else "")

    kind_zh = "机构"


@dataclass
class Ref:
    """A reference to a record by id, with the name the source used for it (``as``), if given."""

    id: str
    loc: Loc
    as_name: str | None = None


@dataclass
class NewBody:
    """The description of a body (or jurisdiction) that an event brings into being."""

    id: str
    loc: Loc
    name: str | None = None
    short: str | None = None
    parent: Ref | None = None
    jurisdiction: Ref | None = None
    rank: str | None = None
    body_kind: str | None = None
    second_names: list[str] = field(default_factory=list)
    co_parents: list[Ref] = field(default_factory=list)  # 双重领导: the other leading bodies (parent is 主管)
    level: str | None = None                           # a jurisdiction's level (县, 县级市, …)
    # a body of two jurisdictions at once (市县合署: jurisdiction: [漯河市, 郾城县]): the others; the first is 主
    co_jurisdictions: list[Ref] = field(default_factory=list)
    parent_wording: str | None = None  # the source's words for its superior (直属…领导): wordings.NEW_SUPERIOR_FORMS
    parent_unknown: bool = False       # `parent: 不详`: it had a superior the sources do not name (not "none")


# a count of people or units as the source gives it: 123, or 120余 / 120多 / 约120 / 近120 (an approximation)
FIGURE_RE = re.compile(r"^(约|近)?(\d+)(余|多)?$")


class ApproxCount(int):
    """A head-count the source gives as an approximation (干部职工1800余人, 约120人): printed as written (1800余),
    never summed or compared as the exact number it holds for ordering."""

    said: str

    def __new__(cls, n: int, said: str) -> Self:
        self = super().__new__(cls, n)
        self.said = said
        return self

    def __str__(self) -> str:
        return self.said

    __repr__ = __str__
    __hash__ = int.__hash__

    def __eq__(self, other: object) -> bool:   # 1800余 is not 1800
        return isinstance(other, ApproxCount) and other.said == self.said

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __format__(self, spec: str) -> str:
        return format(self.said, spec)


class LeaderRange(str):
    """A 领导职数 the source gives as a range (副区长1至2人): printed as written (1至2), never summed or compared
    as a number."""

    lo: int
    hi: int

    def __new__(cls, lo: int, hi: int) -> Self:
        self = super().__new__(cls, f"{lo}至{hi}")
        self.lo, self.hi = lo, hi
        return self


@dataclass
class Staffing:
    """Figures of one staffing statement: kinds of 编制 and 领导职数 by level (a level's number may be a range)."""

    posts: dict[str, int]
    leaders: dict[str, int | LeaderRange]
    loc: Loc
    basis: str = ""  # an event's staffing: the 口径 it states (set, actual …); "" is 核定
    scope_note: str = ""  # `范围:` what the figure covers, as the source says it (包括公社、办事处干部)
    # `其中:` a breakdown of the one total in ``posts`` (编制837名，其中行政编制474名、事业编制363名): inside the
    # total, never added to it, never summed into a table's categories
    parts: dict[str, int] = field(default_factory=dict)
    # `人数:` people actually there (实有干部312人), with `人员:` who they are as the source says (干部, 职工): a
    # headcount is not 编制 — never summed with, charted as or compared with ``posts``
    headcount: int | None = None
    counted: str = ""
    # `未配备:` what the source says was not assigned (专职人员: 未配备专职人员); not a 0
    unstaffed: str = ""
    # `其中:` beside a headcount with no 编制 total, the people it counts by the source's words (实有人数120人，其中党员
    # 45人: {党员: 45}): inside the headcount, never added to it
    headcount_parts: dict[str, int] = field(default_factory=dict)
    # `人数: {兼职主席: 1, 工作人员: 1}`: several groups the source counts side by side with no total (有兼职主席1人，
    # 工作人员1人), who → how many: printed as the source says, never summed into a 实有人数 of its own
    headcount_groups: dict[str, int] = field(default_factory=dict)

    @property
    def scope_said(self) -> str:
        """The scope printed after the figures: （包括公社、办事处干部）, or nothing."""
        return f"（{self.scope_note}）" if self.scope_note else ""

    @property
    def parts_said(self) -> str:
        """The breakdown printed after the total: 其中行政编制474名、事业编制363名, or nothing."""
        return "其中" + "、".join(f"{k}{v}名" for k, v in self.parts.items()) if self.parts else ""

    @property
    def posts_said(self) -> str:
        """编制 as the source gives them: 行政编制8名、工勤编制1名（包括…）, 编制837名，其中行政编制474名、事业编制363名."""
        text = "、".join(f"{k}{v}名" for k, v in self.posts.items()) + (self.scope_said if self.posts else "")
        return f"{text}，{self.parts_said}" if text and self.parts else text

    @property
    def headcount_parts_said(self) -> str:
        """The breakdown of a headcount as the source gives it: 其中党员45人、非党员75人, or nothing."""
        return "其中" + "、".join(f"{k}{v}人" for k, v in self.headcount_parts.items()) if self.headcount_parts else ""

    @property
    def figures_said(self) -> str:
        """Everything the statement gives, as the source gives it: 编制 (posts_said), 领导职数 (镇长1名、副镇长2至3名),
        then what is not 编制 (besides_posts); "" when it gives nothing."""
        text = self.posts_said
        if self.leaders:
            lead = "、".join(f"{k}{v}名" for k, v in self.leaders.items())
            text = f"{text}，领导职数{lead}" if text else f"领导职数{lead}"
        return "；".join(x for x in (text, *self.besides_posts()) if x)

    def besides_posts(self) -> list[str]:
        """What the figure says that is not 编制, as the source says it: 实有干部312人, 未配备专职人员."""
        out = []
        if self.headcount is not None:   # with no 编制 beside it, the 范围 the source gives is the headcount's
            word = "设" if self.basis == "set" else HEADCOUNT_WORD   # 设工作人员45人: as the source says
            out.append(f"{word}{self.counted or '人数'}{self.headcount}人" + ("" if self.posts else self.scope_said)
                       + (f"，{self.headcount_parts_said}" if self.headcount_parts else ""))
        if self.headcount_groups:   # 有兼职主席1人，工作人员1人: each group as the source counts it
            word = "设" if self.basis == "set" else HEADCOUNT_WORD
            out.append(word + "、".join(f"{k}{v}人" for k, v in self.headcount_groups.items())
                       + ("" if self.posts else self.scope_said))
        if self.unstaffed:
            out.append(f"未配备{self.unstaffed}")
        return out

    def given(self, kind: str) -> int | None:
        """The number the figure gives for a category: its own, or one of its 其中 parts."""
        return self.posts.get(kind, self.parts.get(kind))

    def says_anything(self) -> bool:
        return bool(self.posts or self.leaders or self.parts or self.headcount is not None or self.unstaffed
                    or self.headcount_groups)

    def total(self) -> int:
        return sum(self.posts.values())


@dataclass
class Citation:
    doc: str
    loc: Loc
    date: Date | None = None  # the date this source gives for the fact, when it differs
    page: str | None = None
    note: str = ""
    figures: Staffing | None = None  # the figures this source gives for a staffing fact, when they differ
    name: str | None = None          # the name this source gives the body, when the editor records it
    decided: Date | None = None      # the decision (批准, 发文) date this source gives, not the effective date
    section: str | None = None       # a published source: the part cited (第三编第二章), with ``page``


@dataclass
class Event(Record):
    type: str = ""
    date: Date | None = None
    decided: Date | None = None
    body: Ref | None = None           # single-body events
    before: list[Ref] = field(default_factory=list)
    after: list[Ref] = field(default_factory=list)
    new: dict[str, NewBody] = field(default_factory=dict)  # bodies this event creates, by id
    name: str | None = None
    short: str | None = None
    parent: Ref | None = None
    parent_set: bool = False          # reparent to null is a real statement
    jurisdiction: Ref | None = None
    rank: str | None = None
    body_kind: str | None = None
    functions: list[str] = field(default_factory=list)
    functions_to: list[Ref] = field(default_factory=list)
    functions_wording: str | None = None   # abolish: how functions_to takes the duties (wordings.TRANSFER_FORMS: 由…承担)
    source_from: Ref | None = None    # transfer, cede: from; establish, restore: the place whose area it is made of
    target_to: Ref | None = None      # transfer: to
    staffing: Staffing | None = None
    co_parents: list[Ref] = field(default_factory=list)  # reparent: 双重领导
    co_jurisdictions: list[Ref] = field(default_factory=list)  # rejurisdiction: the jurisdictions after the first
    partly: list[Ref] = field(default_factory=list)      # merge: bodies that give a part and live on
    rest_unknown: bool = False                            # split: only some successors are known
    before_count: int | None = None                       # merge: how many merged, when the source names only some
    previous_end_unknown: bool = False                    # restore: when its former period ended is not recorded
    resume_unknown: bool = False                          # suspend: when (whether) it took up its work is not recorded
    level: str | None = None                              # rerank of a jurisdiction: its new level
    wording: str | None = None                            # the source's own verb (升格, 停止工作 …)
    seat: str | None = None                               # move-seat: the new seat (驻地), as the source names it
    seat_before: str | None = None                        # move-seat: the former seat, when the source gives it
    places: list[str] = field(default_factory=list)       # cede, and a jurisdiction set up (or restored) from
    #                                                       them: the 乡、镇、村 moved, named only (no records)
    divisions: dict[str, int] = field(default_factory=dict)  # cede (unnamed places) and divisions: {乡: 30, 镇: 9}
    actor: str | None = None                              # unofficial-name: who made the change (造反派 …), as said
    scope: str | None = None                              # body-count: what was counted (政府工作部门, 党政机构 …)
    count: int | None = None                              # body-count: how many the source gives
    count_before: int | None = None                       # body-count: how many before (由48个减为31个)
    planned: str | None = None                            # body-count: the source's word for a plan (将, 拟)
    excludes: list[str] = field(default_factory=list)     # body-count, counted co-locate: what the count leaves out
    counterpart: Ref | None = None                        # counted co-locate: the jurisdiction of the partners (with)
    counterpart_scope: str | None = None                  # counted co-locate: the partners as the source names them
    figures: list[tuple[str, str, int | str]] = field(default_factory=list)  # members: (key, of what, how many)
    powers: str | None = None                             # authority: the powers granted, in the source's words
    #                                                       (享受市地一级管理权限); never a level or a rank
    # establish: the bodies whose functions the new body takes over (取代县委、县人委职能); they are not ended, they
    # stop functioning (a 停止活动 span) until a 恢复活动 or their own end
    takes_over: list[Ref] = field(default_factory=list)
    takes_over_wording: str | None = None                 # the source's words around their names: 取代…职能
    # establish, prepare: who presided over or sponsored it (在县人武部主持下成立): never its parent
    sponsor: Ref | None = None
    sponsor_wording: str | None = None                    # wordings.SPONSOR_FORMS: 在…主持下, 由…负责筹备 …
    sources: list[Citation] = field(default_factory=list)
    conflict_note: str = ""
    order: int = 0                    # position in load order, for stable sorting
    dashiji: bool | None = None       # `dashiji: 收/不收`: the editor's choice for the 大事记 (None: by the rules)
    group: str = ""                   # `group: 名称`: events an editor joins into one 大事记 entry
    # the stand-in origin of a body written `start: 不详`: “there at (or before) the first event naming it”, made by
    # the loader, never printed as an event (no 设立 the source does not say); its body's start prints as 始年不详
    origin_unknown: bool = False

    kind_zh = "事件"

    @property
    def type_zh(self) -> str:
        return EVENT_TYPES.get(self.type, self.type)

    @property
    def said_zh(self) -> str:
        """The event named as the source names it, where a body's history says how it ended or began: a
        reorganisation the source calls 改建 is 改建, not 改组; a rename it calls 改称 is 改称, not 更名; an abolition
        it calls 取消 is 取消, not 撤销."""
        if self.type in ("reorganise", "rename", "abolish") and self.wording:   # 改建, 改称, 取消
            return self.wording.removesuffix("为") or self.type_zh
        return self.type_zh

    @property
    def mapping_unknown(self) -> bool:
        """Two or more bodies reorganised into two or more others: which went to which the source does not say
        (a body page's 前身/后继 says 对应关系来源未载)."""
        return self.type == "reorganise" and len(self.before) > 1 and len(self.after) > 1

    @property
    def began_said(self) -> str:
        """How a body's period this event opened began, in the source's word, after the date in a table's 设立
        column: nothing for an establishment (the column says it), else 恢复 (复设, 复建), 改组 (改建), 合并设立
        (合并组建), 分设 — never a 设立 the source does not say."""
        if self.type == "restore":
            return self.wording or "恢复"
        if self.type == "reorganise":   # 改建为 → 改建, 改组成 → 改组; a body others 分解并入 was set up (设立)
            said = self.said_zh
            if said.endswith("入"):
                return ""
            return said.removesuffix("成") if not said.endswith("成立") else said
        if self.type == "merge":   # 合并组建, 合并成立 (the source's 合并，成立); a bare 合并 or 并入: 合并设立
            said = (self.wording or "").replace("，", "").removesuffix("为").removesuffix("成")
            return said if any(w in said for w in ("组建", "组成", "成立", "设立", "建立")) else "合并设立"
        if self.type == "split":   # 撤销甲，分设乙、丙 / 甲分设为乙、丙; 从甲分出，设立乙 says 设立
            lives_on = bool(self.before) and self.before[0].id in {r.id for r in self.after}
            return "分设" if self.wording == "分设为" or not lives_on else ""
        if self.type == "establish":   # 1965年改为仑苍乡, the former name not given: 更名（原名不详）, never 新设
            from .wordings import changed_into
            return "更名（原名不详）" if changed_into(self.wording) else ""
        return ""

    def participants(self) -> list[Ref]:
        """Every record this event refers to as an actor (not sources)."""
        refs: list[Ref] = [*([self.body] if self.body else []), *self.before, *self.after, *self.functions_to,
                           *self.partly, *self.takes_over]
        for r in (self.source_from, self.target_to, self.counterpart, self.sponsor):
            if r:
                refs.append(r)
        return refs

    def sort_key(self) -> tuple:
        rank = 0 if self.type in ("prepare", "establish", "merge", "split", "reorganise", "restore") \
            else 2 if self.type == "abolish" else 1
        return (self.date.sort_key() if self.date else ((9999, 99, 99, 0), 9, (0, 0, 0, 0)), rank, self.order)


@dataclass
class Document(Record):
    number: str = ""                   # the 文号 as written on the document (the archive keeps it so)
    docno: DocNumber | None = None
    printed: str = ""                  # the 文号 as the edition prints it, when the house style asks for the standard form
    issuer: str = ""
    issuer_body: Ref | None = None
    date: Date | None = None
    title: str = ""
    description: str = ""              # what the document is, when its title is not known (never made up)
    genre: str = ""                    # "" for an archival document; 志书, 年鉴, 图书, 报刊 for a published source
    section: str = ""                  # a published source: the part cited (卷, 篇, 章)
    publisher: str = ""
    action: str = ""                   # how the 大事记 says the issuer acted (批准, 决定, 印发): the editor's reading
    archive_ref: str = ""
    url: str = ""                      # where the document (a 网页, a book put online) can be read: http(s) only
    accessed: Date | None = None       # a 网页: when the editor read it (引用日期, GB/T 7714's [2024-05-01])
    covers: Date | None = None         # a 志书, 年鉴: the 下限 its account runs to (记述下限), what `date: 见于来源` takes
    transcription: Path | None = None  # absolute path of the Markdown transcription
    scans: list[Path] = field(default_factory=list)

    kind_zh = "文件"

    @property
    def url_shown(self) -> str:
        """The web address as a reader reads it: percent-escapes of Chinese decoded (…/即墨市, not …/%E5%8D%B3…); the
        link's target stays as written."""
        from urllib.parse import unquote

        shown = unquote(self.url)
        return self.url if any(c in shown for c in " <>\"'") else shown

    @property
    def normalised_number(self) -> str:
        return self.docno.normalised if self.docno else self.number.strip()

    @property
    def shown_number(self) -> str:
        """The 文号 as the volume and the site print it: the house style's form, else as written."""
        return self.printed or self.number

    @property
    def heading(self) -> str:
        """What the document is called where it is listed: its title, else its 文号, else its description."""
        return self.title or self.shown_number or self.description or self.id

    @property
    def label(self) -> str:
        """A short mention: the 文号 as issued; else 《title》; else the description (never a made-up title)."""
        if self.number and not self.genre:
            return self.shown_number
        if self.title and self.genre == WEB_PAGE:   # a web page is no publication: 行政区划网“宁化县”, not 《宁化县》
            return f"{self.publisher or '网页'}“{self.title.strip('《》“”')}”"
        if self.title:
            return f"《{self.title.strip('《》')}》"
        return self.shown_number or self.description or self.id


@dataclass
class Person(Record):
    name: str = ""
    gender: str = ""
    born: Date | None = None
    died: Date | None = None

    kind_zh = "人物"

    @property
    def unnamed(self) -> bool:
        """`name: 不详`: the source has a holder it does not name; no person called 不详 (no 人物 entry, no index)."""
        return self.name.strip() == UNKNOWN

    @property
    def shown_name(self) -> str:
        """The name as a list of posts prints it: 姓名不详 for one the source does not name."""
        return NAME_UNKNOWN if self.unnamed else self.name


# the marks of a concurrent post (兼任) zhi understands: 主任（兼）; the 大事记 prints it “任县委书记兼县革委主任”
CONCURRENT_MARKS = ("（兼）", "(兼)")
# how editors might write 兼 that zhi does not read: refused, pointing to 主任（兼）
CONCURRENT_UNREAD = re.compile(r"^(兼任|兼)(?P<a>.+)$|^(?P<b>.+?)[（(](兼任|兼职|兼管)[)）]$")


@dataclass
class Post(Record):
    person: Ref | None = None
    body: Ref | None = None
    post: str = ""
    start: Date | None = None
    end: Date | None = None
    sources: list[Citation] = field(default_factory=list)
    start_unknown: bool = False  # `from: 不详`
    end_unknown: bool = False    # `to: 不详` (no `to` at all: still in office at the volume's 下限)
    term: str = ""               # 届次, as the source gives it (第七届人民政府)
    dashiji: bool | None = None  # `dashiji: 收/不收`: the editor's choice for the 大事记 (None: by the rules)
    in_office: list[Date] = field(default_factory=list)  # days a source shows the person in this post (在任)
    # `ex_officio:` a post the source says another post holds, no person named (主席由县委宣传部副部长兼任): the
    # holding post as the source says it; such a post has no ``person``
    ex_officio: str = ""
    # one of several who held the same post in turn within one period, each typed with it as from and to (先后任)
    successive: bool = field(default=False, compare=False)

    kind_zh = "任职"

    @property
    def holder_said(self) -> str:
        """Who held it where no person is named: 由县委宣传部副部长兼任."""
        return f"由{self.ex_officio}兼任" if self.ex_officio else ""

    @property
    def concurrent(self) -> bool:
        """A post held concurrently (兼任), written `主任（兼）` as the source's lists do."""
        return self.post.endswith(CONCURRENT_MARKS)

    @property
    def base_post(self) -> str:
        """The post without its 兼 mark: a 主任（兼） is a 主任 (for the 大事记's leaders rule and its title)."""
        for mark in CONCURRENT_MARKS:
            if self.post.endswith(mark):
                return self.post[:-len(mark)]
        return self.post

    def when(self) -> Date | None:
        """The date that places the term: its start, or its end when the start is not known, or the first day a
        source shows the person in office when neither is."""
        return self.start or self.end or (self.in_office[0] if self.in_office else None)

    def within(self) -> bool:
        """Held at some time within one period the source gives, typed as both from and to (1968-02..1976-10): the
        source does not say when it began or ended."""
        return not self.start_unknown and not self.end_unknown and self.start is not None and self.end is not None \
            and self.start.end is not None and self.start.qualifier == "exact" and self.start.same_as(self.end)

    def tenure(self) -> str:
        """The term as the book prints it: 1948年11月—1956年, ？—1956年, 1948年11月—？, 1948年11月—; a term held within
        one period, the period once: 1968年2月至1976年10月间, with （先后任） when others held the post in turn in it."""
        if self.within():
            seen = f"（{'、'.join(d.chinese() for d in self.in_office)}在任）" if self.in_office else ""
            return f"{self.start.chinese()}间{'（先后任）' if self.successive else ''}{seen}"
        start = "？" if self.start_unknown or self.start is None else self.start.chinese()
        end = "？" if self.end_unknown else self.end.chinese() if self.end else ""
        seen = f"（{'、'.join(d.chinese() for d in self.in_office)}在任）" if self.in_office else ""
        return f"{start}—{end}{seen}"


@dataclass
class StaffingFigure(Record):
    """One staffing statement: for a body, or for a whole jurisdiction (optionally one 系统 of it)."""

    body: Ref | None = None
    jurisdiction: Ref | None = None
    system: str = ""  # 党委、政府、群团、政法、公安 … : a figure for one 系统 of the jurisdiction
    date: Date | None = None
    basis: str = "approved"  # approved (核定) | actual (实有)
    basis_said: bool = True  # `口径` written; unwritten reads 核定 (staffing-basis-unsaid when only a 志书 says it)
    figures: Staffing | None = None
    sources: list[Citation] = field(default_factory=list)
    event: str | None = None  # the staffing event this figure comes from, if any
    conflict_note: str = ""   # 考异: why this reading is followed where sources differ

    kind_zh = "编制"

    @property
    def scope(self) -> str | None:
        """The id the figure belongs to: the body's, or the jurisdiction's."""
        return self.body.id if self.body else self.jurisdiction.id if self.jurisdiction else None


@dataclass
class Memo(Record):
    """记事: a dated fact outside the event model (a 军管会 set up, a meeting that decided a 机构改革), written by
    the editor, with its sources. It is printed in the 大事记 and changes nothing else: no body, name or date of
    the history is derived from it (only a body it mentions is shown to exist on its date: 最后见于)."""

    date: Date | None = None
    text: str = ""
    jurisdiction: Ref | None = None   # the jurisdiction whose 大事记 it belongs to (all of them when absent)
    mentions: list[Ref] = field(default_factory=list)  # records the text is about (for links and the edition filter)
    sources: list[Citation] = field(default_factory=list)
    dashiji: bool | None = None       # `dashiji: 不收` keeps it off the 大事记 (it stays in the 机构变动年表)
    conflict_note: str = ""
    order: int = 0

    kind_zh = "记事"

    @property
    def sentence(self) -> str:
        """The text as the 大事记 prints it: a full stop added where the editor ended without one."""
        return self.text if self.text.endswith(("。", "！", "？", "”", "）")) else self.text + "。"


@dataclass
class Archive:
    root: Path
    jurisdictions: dict[str, Jurisdiction] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    posts: list[Post] = field(default_factory=list)
    staffing: list[StaffingFigure] = field(default_factory=list)
    memos: list[Memo] = field(default_factory=list)
    book: object = None  # chronicle.Book: the prose and outline of the volume
    findings: list[Finding] = field(default_factory=list)  # what loading found
    files: list[str] = field(default_factory=list)         # every source file read, relative
    # an edition's archive: (body id, "name" | "parent" | "jurisdiction", date) for a change of a held body that a
    # withheld event makes (a secret rename): the value in force is told only up to the date, the last its held
    # records show the body (the withheld event's own date is never passed on)
    withheld_changes: list[tuple[str, str, object]] = field(default_factory=list)
    # records written `date: 见于来源` that took their first source's own date (not its 记述下限, covers): (record,
    # the line of its date, the source): one after the book's 下限 is refused (check_after_lower), never dropped
    source_dated: list[tuple[object, Loc, Document]] = field(default_factory=list)

    def record(self, rid: str) -> Record | None:
        for table in (self.bodies, self.jurisdictions, self.documents, self.people):
            if rid in table:
                return table[rid]
        return self.events_by_id().get(rid)

    def events_by_id(self) -> dict[str, Event]:
        return {e.id: e for e in self.events if e.id}

    def documents_by_number(self) -> dict[str, list[Document]]:
        out: dict[str, list[Document]] = {}
        for d in self.documents.values():
            if d.number:
                out.setdefault(d.normalised_number, []).append(d)
        return out
