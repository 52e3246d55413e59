"""The source's own verb (``wording``) in a printed sentence: which verbs take their object directly (改称乙,
划归乙, 并入乙, 合并组建丙) and which need 为 before it (更名为乙, 复名为乙, 合并为丙). One table for the 大事记, the
一览's hedges and the load-time check, so that a wording is printed grammatically or refused, never garbled
(改称为, 划归为)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .fieldwords import did_you_mean

# the source's 建制 after a place's name: 恢复宁冈县建制, 撤销潮州市建制 (wording 恢复建制, 撤销建制); a verb that ends in
# it stands before the name and 建制 after it, never 恢复建制宁冈县
_OF_STATUS = "建制"

# a verb ending in one of these already leads to its object: 更名为, 改称, 划归, 并入, 划属, 组建, 设立, 改组成
_LEADS = ("为", "成", "作", "称", "入", "归", "属", "给", "至", "到", "于", "建", "立")
# the verbs of a merge that make a new body (甲、乙合并组建丙): they cannot say that 甲 went into a body that lives on
_MAKES_NEW = ("组建", "组成", "设立", "新设")
# 甲、乙、丙与丁合并为丁 (四县合并为内丘县): the survivor is named among those that merged and as the result, so the
# sentence says no more than the record (printed so by the 大事记; 甲合并为丁 alone would say 丁 was new)
_INTO_ONE_OF_THEM = ("合并为", "合并成")


def merges_into_one_of_them(wording: str | None) -> bool:
    """Whether a merge into a survivor is told as all of them merging into it (甲、乙与丙合并为丙)."""
    return bool(wording) and wording.endswith(_INTO_ONE_OF_THEM)


def leads_to_object(wording: str) -> bool:
    """Whether ``wording`` already ends in a word that takes the following name as its object."""
    return wording.endswith(_LEADS)


# 改州为县, 改县为市, 升场为县, 降市为县: a change of a place's kind the source tells with the kind words only;
# printed 改平度州为平度县, 升宜黄场为宜黄县 (and, where a name change is summed up, 升场为县，称宜黄县)
_KIND_CHANGE = re.compile(r"^(?P<verb>[改升降])(?P<old>[^为]{1,3})为(?P<new>[^为]{1,3})$")


def kind_change(wording: str | None) -> tuple[str, str] | None:
    """(州, 县) for 改州为县, (场, 县) for 升场为县; None for any other wording."""
    m = _KIND_CHANGE.match(wording or "")
    return (m.group("old"), m.group("new")) if m else None


def kind_change_verb(wording: str) -> str:
    """改 of 改州为县, 升 of 升场为县: the word printed before the old name (升宜黄场为宜黄县)."""
    return wording[0]


def says_the_result(wording: str) -> bool:
    """Whether a rename's ``wording`` already says what the body became (升场为县, 改州为县, 改为镇): printed between
    the names it would read 甲升场为县为乙. Only a kind change (kind_change) can be printed, as 升甲为乙."""
    return "为" in wording[:-1] and not wording.endswith(_LEADS)


def kind_change_problem(wording: str, old: str | None, new: str | None) -> str | None:
    """Why 改州为县 cannot be printed as 改甲为乙 (None: the old name ends in 州 and the new one in 县); why a wording
    that says the result and is no kind change (改为镇县) cannot stand between the names at all."""
    said = kind_change(wording)
    if said is None:
        if says_the_result(wording):
            return (f"更名事件的“wording（用词）”印在旧名与新名之间（甲更名为乙、甲改称乙）；“{wording}”已经说了改成什么，"
                    f"再接新名会印成“甲{wording}为乙”这样的错话。只说名称类别的，写成“改某为某”“升某为某”“降某为某”"
                    "（前后各一至三个字，如 改州为县、升场为县），大事记印作“升甲场为甲县”；否则请写 改称、更名、改名")
        return None
    verb = kind_change_verb(wording)
    for label, name, word in (("旧名", old, said[0]), ("新名", new, said[1])):
        if name and not name.endswith(word):
            return (f"更名事件的“wording（用词）”“{wording}”印作“{verb}{old or '甲'}为{new or '乙'}”，{label}“{name}”却不以"
                    f"“{word}”结尾，印出来是错话。请核对 name 与用词；来源另有说法的，照来源写，如 改称、更名")
    return None


def rename_verb(wording: str | None) -> str:
    """更名 → 更名为, 复名 → 复名为, 改称 and 称 stay (改称乙, never 改称为乙); none → 更名为; a kind change, which
    says the result itself, is followed by the name it took: 升场为县，称乙 (never 升场为县为乙)."""
    if not wording:
        return "更名为"
    if kind_change(wording) or abolishes_and_sets_up(wording):   # 撤县设区，称乙 (never 撤区置为乙)
        return wording + "，称"
    return verb_before_object(wording)


def verb_before_object(wording: str) -> str:
    """The source's verb before the new name: 改称, 改为 stay, 复名 → 复名为; 改建 ends in 建 as 组建 does but takes 为
    (县物资局改建为县物资总公司, never 改建县物资总公司)."""
    return wording if leads_to_object(wording) and not wording.endswith("改建") else wording + "为"


# a restore under a name the body never bore (宜黄县, merged into 崇仁县, came back as 宜黄场): 恢复宜黄场 would say
# 宜黄场 was there before; the book says the body was set up again under it (复置为宜黄场)
RESTORED_AS = "复置为"


# an establishment's verb whose subject is the new body's superior (县委下设组织部、宣传部): printed after the
# superior's name, which the sentence then does not repeat as 隶属…
_SUPERIOR_SPEAKS = ("下设", "内设")


def superior_speaks(wording: str | None) -> bool:
    """Whether an establishment's ``wording`` is said by the superior: 县委下设组织部 (wording 下设, 内设)."""
    return bool(wording) and wording in _SUPERIOR_SPEAKS


# an establishment's verb that follows the name (县革命委员会成立, 区总工会正式成立, 县青少年宫落成, 县档案馆挂牌);
# any other stands before it (建立甲)
_FOLLOWS = ("成立", "落成", "建成", "挂牌", "开馆", "开业")


def establish_words(wording: str | None) -> tuple[str, str]:
    """The words before and after a new body's name: none → 设立甲; 建立, 组建, 设置 → 建立甲; 成立 → 甲成立."""
    if not wording:
        return "设立", ""
    return ("", wording) if wording.endswith(_FOLLOWS) else (wording, "")


# a body count the source gives as bodies set up (建立党政机构9个, 县政府设工作部门22个, 增设工作部门3个): the verb
# stands before what it counts, and the figure is of what was set up then, not of all the place had (never compared
# with the archive's count, never shown as the place's 机构数 without its verb)
_SETS_UP = ("设立", "建立", "成立", "组建", "设置", "设", "新设", "增设", "新建", "筹建")


def count_sets_up(wording: str | None) -> bool:
    """Whether a body count's ``wording`` says the bodies were set up (建立、设立、增设…), not how many there were."""
    return bool(wording) and wording in _SETS_UP


# 仍驻: the seat a source states again, unchanged (潍北县政府仍驻孙家杨孟): printed once, and no new 驻地 period
STILL_SEATED = "仍驻"


def still_seated(wording: str | None) -> bool:
    """Whether a seat event's ``wording`` says the seat did not change (仍驻, 县政府仍驻)."""
    return bool(wording) and wording.endswith(STILL_SEATED)


# 临时: a seat the source says was temporary (办公地点临时设在闫集区公所院内): printed in the sentence and the 驻地 table
TEMPORARY = "临时"


def temporary_seat(wording: str | None) -> bool:
    """Whether a seat event's ``wording`` says the seat was temporary (临时设在, 临时驻)."""
    return bool(wording) and TEMPORARY in wording


@dataclass(frozen=True)
class _Rule:
    """What a type's ``wording`` may say where it is printed: one of ``needs`` (anything, when empty) and none of
    ``refuses`` (the words of another event, which would print a false sentence); ``refuses_after_from`` is refused
    too when the sentence already says where the body came from (从甲分出，恢复…)."""
    needs: tuple[str, ...]
    refuses: tuple[str, ...]
    message: str  # {wording}; {said}: what the sentence already prints, for a clash with refuses_after_from
    refuses_after_from: tuple[str, ...] = ()


# one rule per event type whose wording stands in place of the type's own verb; the load-time check reads it
_RULES: dict[str, _Rule] = {
    # 编为, 划为: a unit the source says a place was made into (1949年编为第三区), printed 编为第三区
    "establish": _Rule(
        ("设", "立", "建", "组", "成", "置", "办", "开", "编为", "划为"),
        ("撤", "并入", "合并", "更名", "改名", "改称", "恢复", "分出", "划归", "升格", "降格", "迁"),
        "设立事件的“wording（用词）”印在新机构名称前（建立甲）或后（甲成立），代替“设立”；“{wording}”不是设立的说法，"
        "印出来会是错话。请删去 wording，或照来源写设立它所用的词，如 成立、建立、组建、设置、筹建、编为（1949年编为第三区）"
        "（撤销、并入、更名、恢复等另记相应的事件）。来源说“改为某乡”的，说的是由别的机构改来：前身有记录的记更名"
        "（rename，wording: 改为）；前身来源未载的，设立事件照写 wording: 改为（或 改称、改名为、更名为），"
        "大事记读作“改为某乡（此前名称不详）”"),
    # between the old name and the new (甲更名为乙, 甲改称乙, 甲改建为乙, 甲升格为乙, 甲撤县设区乙): a word of another
    # event prints a false sentence (“甲复建乙” says 甲 rebuilt 乙); 升格 and 降格 with a new name are the source's
    # sentence (计统科升格为县计划委员会), printed 甲升格为乙
    "rename": _Rule(
        (),
        ("复建", "重建", "新建", "组建", "筹建", "设立", "成立", "建立", "设置", "并入", "合并", "分出", "分设", "划归", "划出",
         "撤销", "撤并"),
        "更名事件的“wording（用词）”印在旧名与新名之间（甲更名为乙、甲改称乙、甲升格为乙）；“{wording}”不是更名的说法，"
        "印出来会是“甲{wording}乙”这样的错话。请删去 wording，或照来源写，如 改称、改名、复名、改为、改建为、升格为、降格为。"
        "来源说“复建”“重建”某机构的，是另设了一个机构、或旧机构重新设立，不是改名：记改组（reorganise）或撤销，"
        "再记恢复（restore，wording: 复建）；合并、升格等另记相应的事件"),
    # before the second name (甲加挂乙牌子, 甲仍保留乙牌子); a word that takes a sign down is drop-name's
    "add-name": _Rule(
        ("挂", "保留"),
        ("撤", "摘", "取消", "去掉", "不再", "牌"),
        "加挂牌子事件的“wording（用词）”印在牌子名称前，代替“加挂”（甲加挂乙牌子、甲仍保留乙牌子）；“{wording}”"
        "不是加挂、保留牌子的说法，印出来会是错话。请删去 wording，或照来源写，如 加挂、挂、仍保留（“牌子”二字不写，大事记自会印出）；"
        "撤销牌子的记 drop-name 事件"),
    # where 并入 / 合并为 stands (the shape of the merge is checked by merge_wording_problem)
    "merge": _Rule(
        ("并", "合", "归", "划入", "组建", "组成"),
        ("分出", "分设", "撤销", "恢复", "更名", "改名", "改称", "划出"),
        "合并事件的“wording（用词）”是大事记里“并入”“合并为”的位置上的动词；“{wording}”"
        "不是合并的说法，印出来会是错话。请删去 wording，或照来源写，如 并入、合并、撤并、合并组建"
        "（分出、撤销、恢复、更名等另记相应的事件）"),
    # where 恢复 stands: 从甲分出，恢复… with a wording 分出 would say it twice
    "restore": _Rule(
        (),
        ("并入", "合并", "撤销", "撤并", "更名", "改名", "改称", "划归", "划出", "迁"),
        "恢复事件的“wording（用词）”印在名称前，代替“恢复”；“{wording}”不是恢复的说法，"
        "{said}印出来会是错话。请删去 wording，或照来源写恢复它所用的词，如 复设、重建、重新设立"
        "（并入、撤销、更名等另记相应的事件）",
        refuses_after_from=("分",)),
    # before the body's name, in place of 撤销 (取消甲, 裁撤甲): a word of another event prints a false sentence, and
    # 停止活动 is no end at all (a suspend)
    "abolish": _Rule(
        ("撤", "取消", "废", "解散", "裁"),
        ("停", "暂", "并", "合", "更名", "改名", "改称", "恢复", "设", "立", "建", "划", "转", "移交", "分"),
        "撤销事件的“wording（用词）”印在机构名称前，代替“撤销”（取消甲、裁撤甲）；“{wording}”不是撤销的说法，"
        "印出来会是错话。请删去 wording，或照来源写，如 取消、裁撤、撤消、撤除、解散。来源说“停止活动”“停止工作”的，"
        "机构并未撤销，记停止活动（suspend）事件；撤并、并入、合并记合并（merge），改设、改建记改组（reorganise）"),
    # where 改组为 stands (改建为, 改组成立)
    "reorganise": _Rule(
        ("改", "组", "建"),
        ("并入", "合并", "撤销", "撤并", "分出", "分设", "更名", "改名", "改称", "恢复", "划归", "划出"),
        "改组事件的“wording（用词）”印在“改组为”的位置上；“{wording}”不是改组的说法，"
        "印出来会是错话。请删去 wording，或照来源写，如 改建为、改组为、改设为（合并、分设、撤销、更名、恢复"
        "等另记相应的事件）"),
    # a change of superior: anything that is not one of SUPERIOR_FORMS is refused (superior_problem); these words say
    # another event, and get their own message
    "reparent": _Rule(
        (),
        ("撤销", "撤并", "合并", "并入", "更名", "改名", "改称", "恢复", "分出", "分设", "设立", "成立", "建立", "组建",
         "设置", "升格", "降格"),
        "隶属变更的“wording（用词）”“{wording}”说的是另一种事件：撤销、合并、更名、恢复、"
        "升格等另记一条相应的事件；这里只写来源说上级变化的话，如 划归、划入、代管、直接领导"),
    # where 划归 stands (甲划归乙县): 复归, 改归, 划属
    "rejurisdiction": _Rule(
        ("归", "属"),
        ("出",),
        "属地变更的“wording（用词）”印在“划归”的位置上（甲划归乙县）；“{wording}”不是划归的"
        "说法，印出来会是错话。请删去 wording，或照来源写，如 复归、改归、划属"),
    # before 迁至 (县人民政府由甲迁至乙): 仍驻 says the seat did not move, a seat event's word
    "move-seat": _Rule(
        (),
        ("仍",),
        "驻地迁移事件的“wording（用词）”印在“迁至”前（县人民政府由甲迁至乙）；“{wording}”说的是驻地未变，"
        "印出来会是错话。来源说“仍驻”的，记驻地（seat）事件，wording: 仍驻"),
    # before the new name (擅自将甲改名为乙)
    "unofficial-name": _Rule(
        (),
        ("撤销", "恢复", "合并", "设立"),
        "擅改名称事件的“wording（用词）”印在新名称前（擅自将甲改名为乙）；“{wording}”不是改名的"
        "说法。请删去 wording，或照来源写，如 改名、改称、更名"),
}


# an establishment the source words as a change of name (1965年改为仑苍乡) of a body it does not name: printed as the
# source says it, with what it leaves unsaid (改为仑苍乡（此前名称不详）), never as a 设立 the source did not say
CHANGED_INTO = ("改为", "改称", "改名为", "更名为")


def changed_into(wording: str | None) -> bool:
    """Whether an establishment's ``wording`` says the body was renamed into being from one the record lacks."""
    return wording in CHANGED_INTO


def wording_problem(etype: str, wording: str, from_name: str | None = None) -> str | None:
    """Why an event's ``wording`` would print a false sentence in place of its type's verb, or None (None too for a
    type with no rule here). ``from_name``: the body the sentence already says it came from (从甲分出), by the name the
    sentence prints (checks.lifespan.check_restore_from_wording: the loader does not know names yet)."""
    rule = _RULES.get(etype)
    if rule is None or (etype == "establish" and changed_into(wording)):
        return None
    if etype in ("abolish", "restore"):  # 撤销建制, 恢复建制: 建制 is said after the name (around_name), no verb of its own
        wording = around_name(wording, "")[0]
    clash = from_name is not None and any(w in wording for w in rule.refuses_after_from)
    if clash or any(w in wording for w in rule.refuses) or (rule.needs and not any(w in wording for w in rule.needs)):
        return rule.message.format(wording=wording, said=f"大事记已印“从{from_name}分出，”，" if clash else "")
    return rename_abolish_problem(wording) if etype == "rename" else None


def says_from_again(wording: str) -> bool:
    """Whether a restore's ``wording`` says 分出 again after the sentence's 从甲分出，(refused by the check; never printed)."""
    return any(w in wording for w in _RULES["restore"].refuses_after_from)


# N old bodies dissolved into M others with no one-to-one mapping known (原县委、县人委工作机构分解并入四大组): the
# words a reorganisation into two or more bodies may say it with; one body into one is a merge (合并 并入)
REORGANISE_INTO = ("分解并入", "分别并入", "分散并入", "并入", "分别划入", "划入", "分解划入")


def reorganise_wording_problem(wording: str, afters: int) -> str | None:
    """Why a reorganisation's ``wording`` would print a false sentence (None: it may stand): the 改组 words, or, into
    two or more bodies, the source's 分解并入 (REORGANISE_INTO)."""
    if wording in REORGANISE_INTO:
        if afters >= 2:
            return None
        return (f"改组事件的“wording（用词）”“{wording}”说的是并入几个机构（原县委、县人委工作机构分解并入四大组），"
                "after 里要写两个以上的机构；并入一个机构的，请改记合并（merge，wording: 并入）")
    if (why := wording_problem("reorganise", wording)) and any(w in wording for w in ("并入", "划入")):
        return why + f"。并入两个以上机构、对应关系来源未载的，可写：{'、'.join(REORGANISE_INTO)}"
    return why


def reorganise_verb(wording: str | None) -> str:
    """改建 → 改建为, 改组成 stays; none → 改组为."""
    return verb_before_object(wording) if wording else "改组为"


def merge_verb(wording: str | None, into_survivor: bool) -> str:
    """A merge's verb before the body it ends in. Into a body that lives on: 并入, 划归, 撤并 → 撤并入; making a
    new body: 合并为, 合并组建, 撤并 → 撤并为, 划归 stays (never 划归为)."""
    if not wording:
        return "并入" if into_survivor else "合并为"
    if leads_to_object(wording):
        return wording
    if into_survivor:
        return wording + "入" if wording.endswith("并") else wording
    return wording + "为"


# 撤销: a merge or split whose source says the bodies that end were abolished (撤销甲、乙，合并设立丙; 撤销甲，并入乙;
# 撤销甲，分设乙、丙); of places, 撤销建制 (撤销宁冈县建制，并入永新县). Printed only then: without it the sentence says no
# 撤销 (甲、乙合并设立丙, 甲分设为乙、丙).
SAYS_ABOLISHED = "撤销"


def says_abolished(wording: str | None) -> bool:
    """Whether a merge's or split's ``wording`` is the source's 撤销 (or 撤销建制) of the bodies that end."""
    return wording in (SAYS_ABOLISHED, SAYS_ABOLISHED + _OF_STATUS)


def merge_wording_problem(wording: str, into_survivor: bool, ends_some: bool = True) -> str | None:
    """Why a merge's ``wording`` would print a false sentence for this merge's shape, or None. ``ends_some``: a body
    in ``before`` ends (not only parts of bodies that live on, nor the survivor alone): what 撤销 is said of."""
    if says_abolished(wording):
        if ends_some:
            return None
        return ("合并事件写了“wording: 撤销”，大事记读作“撤销甲，……”，但 before 里没有到这天终止的机构（只有存续的机构，"
                "或各方只并入一部分、都继续存在），撤销的是哪一个，记录没有说。请删去 wording；来源确说撤销了某机构的，"
                "把它写进 before")
    if into_survivor and any(w in wording for w in _MAKES_NEW):
        return (f"这条合并的 after 是参加合并、继续存在的机构（并入存续机构），“wording（用词）”“{wording}”却是合并设立新机构的说法，"
                f"印出来会是“甲{wording}乙”这样的错话。请照来源改：并入存续机构的写 并入、划归、撤并，或 合并为"
                "（读作“甲、乙与丙合并为丙”）；来源说合并组建了新机构的，after 写新机构")
    return None


# a split the source tells as 甲分设为乙、丙: printed so, with the survivor (if any) under the name a rename the same
# day gives it; no 撤销 the source does not say
SPLIT_INTO = "分设为"


def split_wording_problem(wording: str, source_lives_on: bool) -> str | None:
    """A split whose source lives on prints 从甲{wording}，设立乙 (分出部分职能, 析出部分辖区) or, with “…” for 甲,
    析甲南部，设立乙 (析…南部): the wording says what went out of 甲, in the source's words. It must be a verb of
    taking out and nothing of another event; a split that ends its source prints its own sentence (撤销甲，分设乙、丙;
    撤销甲，其行政区域分别划归乙、丙), and only 分设为 replaces it."""
    if wording == SPLIT_INTO:  # the source's own sentence: 县计划经济委员会分设为县计划委员会、县经济委员会
        return None
    if says_abolished(wording):  # the source's 撤销甲，分设乙、丙: of a source that ends only
        if not source_lives_on:
            return None
        return ("这条分设的原机构保留（它的编号写在 after 里），“wording: 撤销”却会印成“撤销甲，……”。原机构确实撤销的，"
                "从 after 里删去它的编号；原机构保留的，请删去 wording")
    if not source_lives_on:
        return (f"这条分设的原机构不保留（after 里没有它），大事记按 after 印作“甲分设为乙、丙”（乙、丙由这条事件新设），"
                "或“甲的行政区域分别划归乙、丙”“甲并入乙、丙”（乙、丙原已存在），“wording（用词）”"
                f"“{wording}”印不出来。请删去 wording；来源说撤销了原机构的（“撤销甲，分设乙、丙”），写 wording: 撤销；"
                "来源说“甲分设为乙、丙”的，写 wording: 分设为；原机构其实保留的，把它的编号也写进 after")
    if wording.count("…") > 1 or not wording.startswith(("分", "析", "划")) \
            or any(w in wording for w in ("撤", "并", "合", "更名", "改名", "改称", "恢复", "设", "立", "建", "置")):
        return (f"分设事件的“wording（用词）”照来源写从原机构分出了什么，大事记读作“从甲{wording.replace('…', '')}，设立乙”；"
                f"“{wording}”不是这样的说法（设立二字已由大事记印出，撤销、合并、更名另记相应的事件）。"
                "请照来源写，如 分出部分职能、析出部分辖区；来源把原机构的名称写在中间的（“析东关街道南部”），"
                "用“…”代表原机构的名称，写 析…南部；来源说“甲分设为乙、丙”的，写 分设为")
    return None


def cede_wording_problem(wording: str) -> str | None:
    """A cede prints 甲县的某乡{wording}乙县: a verb that points away (划出, 析出) cannot stand there."""
    if wording.endswith("出"):
        return (f"区域划转的“wording（用词）”印在划入的行政区划前（甲县的某乡划归乙县）；“{wording}”是划出的说法，"
                f"印出来会是“甲县的某乡{wording}乙县”。请写划入一方的动词，如 划归、划入、划属")
    return None


# a cede's verbs whose subject is the side that receives: 乙区增辖甲乡 (not 甲乡增辖乙区)
_RECEIVING = ("增辖", "新辖", "接收", "接管", "增设")


def receiving_side_speaks(wording: str | None) -> bool:
    """Whether a cede's wording is said by the receiving place (1953年第九区增辖古路乡等3乡)."""
    return bool(wording) and wording.startswith(_RECEIVING)


# the second verb of 撤甲设乙 / 撤甲置乙 / 撤甲建乙 as the 大事记 prints it after 撤销甲，
_SETS_UP_AS = {"设": "设立", "置": "设置", "建": "建立"}


def abolishes_and_sets_up(wording: str | None) -> bool:
    """撤县设区, 撤县设市, 撤地设市, 撤区置, 撤县建市: a rename the source tells as 撤销甲，设立乙 (the same territory and
    record); printed so, never 甲撤区置为乙."""
    return bool(wording) and wording.startswith("撤") and any(v in wording[1:] for v in _SETS_UP_AS)


def set_up_verb(wording: str) -> str:
    """设立 for 撤县设区, 设置 for 撤区置, 建立 for 撤县建市: the verb after 撤销甲， (the source's own, written out)."""
    return next(_SETS_UP_AS[c] for c in wording[1:] if c in _SETS_UP_AS)


def rename_abolish_problem(wording: str) -> str | None:
    """A rename's wording that begins with 撤 but sets nothing up (撤区, 撤区改): it would print 甲撤区为乙."""
    if not wording.startswith("撤") or abolishes_and_sets_up(wording):
        return None
    return (f"更名事件的“wording（用词）”“{wording}”以“撤”起，却没有说设立什么，印出来会是“甲{wording}为乙”这样的错话。"
            "来源说“撤甲设乙”“撤甲置乙”“撤甲建乙”的，照写（如 撤县设区、撤区置、撤县建市），大事记印作“撤销甲，设立乙”"
            "“撤销甲，设置乙”“撤销甲，建立乙”；否则请写 改称、更名、改名、改为")


@dataclass(frozen=True)
class Superior:
    """A change of superior as the source says it: the words before and after the superior's name, and the relation
    it makes (the 隶属 table's and the open data's word)."""
    before: str
    after: str
    relation: str


_DAIGUAN, _DIRECT = Superior("由", "代管", "代管"), Superior("改由", "直接领导", "直接领导")
# every form the guide lists (guide/jurisdictions.md “隶属和层级的变化”, guide/events.md “隶属变更”), and only
# these: a wording maps to a relation through this table or is refused, so that 代管了 is never printed as 甲代管了乙
# (the relation inverted) nor read as 隶属. “…” stands for the superior's name (划归…领导 → 甲划归乙领导).
SUPERIOR_FORMS: dict[str, Superior] = {
    "代管": _DAIGUAN, "由…代管": _DAIGUAN,
    "交由…代管": Superior("交由", "代管", "代管"),
    "直接领导": _DIRECT, "直属": _DIRECT, "改由…直接领导": _DIRECT,
    "归…直接领导": Superior("归", "直接领导", "直接领导"),
    "划归…领导": Superior("划归", "领导", "隶属"), "改由…领导": Superior("改由", "领导", "隶属"),
    "归…领导": Superior("归", "领导", "隶属"),
    "划归…管理": Superior("划归", "管理", "隶属"), "改由…管理": Superior("改由", "管理", "隶属"),
} | {verb: Superior(verb, "", "隶属") for verb in ("划归", "划入", "划属", "改属", "改隶", "隶属", "归属", "改归", "复归",
                                                          "复属", "仍属")}


# a new body's superior as the source says it in the sentence that sets it up (设立甲，直属县委领导): the forms
# ``parent_wording`` may take on an establishment (or on any body an event makes), printed after the name as
# "，直属乙领导"; none written is "，隶属乙". No 改 in them: the body is new, its superior no change.
NEW_SUPERIOR_FORMS: dict[str, Superior] = {
    "隶属": Superior("隶属", "", "隶属"),
    "直属": Superior("直属", "", "直接领导"), "直属…领导": Superior("直属", "领导", "直接领导"),
    "由…直接领导": Superior("由", "直接领导", "直接领导"), "归…直接领导": Superior("归", "直接领导", "直接领导"),
    "受…直接领导": Superior("受", "直接领导", "直接领导"),
    "由…领导": Superior("由", "领导", "隶属"), "归…领导": Superior("归", "领导", "隶属"),
    "受…领导": Superior("受", "领导", "隶属"), "由…管理": Superior("由", "管理", "隶属"),
    "归…管理": Superior("归", "管理", "隶属"),
    "归口…管理": Superior("归口", "管理", "归口管理"), "归口…领导": Superior("归口", "领导", "归口领导"),
    "由…代管": Superior("由", "代管", "代管"), "交由…代管": Superior("交由", "代管", "代管"),
}


def new_superior_problem(wording: str) -> str | None:
    """Why a new body's ``parent_wording`` cannot be printed, or None: only the forms of NEW_SUPERIOR_FORMS are
    (a near miss is never guessed at: 代管 or 领导, 直属 or 归口 are different relations)."""
    if wording in NEW_SUPERIOR_FORMS:
        return None
    return (f"“parent_wording（上级关系用词）”“{wording}”不是编辑指南所列的说法，zhi 不知道它说的是哪一种上级关系"
            f"（隶属、直接领导、归口管理还是代管），不能照印。{did_you_mean(wording, NEW_SUPERIOR_FORMS)}"
            f"可写：{'、'.join(NEW_SUPERIOR_FORMS)}（“…”处印上级的名称，如 直属…领导 印“直属中共测试县委员会领导”）；"
            "来源另有说法的，请删去 parent_wording（读作“隶属乙”），把原话写在 note 里")


def superior_form(wording: str | None) -> Superior | None:
    """The form of a reparent's ``wording`` (None: none written, or one that is not in the table)."""
    return SUPERIOR_FORMS.get(wording) if wording else None


def superior_problem(wording: str) -> str | None:
    """Why a reparent's ``wording`` cannot be printed, or None: it says another event (wording_problem), or it is
    not a form of SUPERIOR_FORMS — a near miss of 代管 or 领导 (代管了, 代为管理, 领导了) is never guessed at."""
    if why := wording_problem("reparent", wording):
        return why
    if superior_form(wording):
        return None
    return (f"隶属变更的“wording（用词）”“{wording}”不是编辑指南所列的说法，zhi 不知道它说的是哪一种上级关系"
            f"（隶属、代管还是直接领导），不能照印。{did_you_mean(wording, SUPERIOR_FORMS)}"
            f"可写：{'、'.join(SUPERIOR_FORMS)}（“…”处印上级的名称）；来源另有说法的，请删去 wording"
            "（大事记用默认的“改为隶属”“改属”），把原话写在 note 里")


def superior_relation(e, rid: str | None = None) -> str:
    """How a period's superior stands to the body ``rid`` (the event's ``body`` when not given), from the event that
    began the period, in the source's word: 代管 (委托汕头市代管), 直接领导 (归省直接领导, a new body's 直属县委领导),
    归口管理, 主管 (the principal side of a 双重领导), else 隶属."""
    if e is None:
        return "隶属"
    made = getattr(e, "new", None) or {}
    nb = made.get(rid or (e.body.id if getattr(e, "body", None) else ""))
    if nb is not None:  # a body the event makes: its superior as the setting-up sentence words it
        said = NEW_SUPERIOR_FORMS.get(nb.parent_wording or "")
        return said.relation if said else ("主管" if nb.co_parents and nb.parent else "隶属")
    form = superior_form(e.wording)
    if form and form.relation != "隶属":
        return form.relation
    return "主管" if getattr(e, "co_parents", None) and getattr(e, "parent", None) else "隶属"


# who presided over or sponsored a founding, as the source says it (在县人民武装部主持下成立县生产指挥部): never the
# new body's parent. ``lead``: the words stand before the founding (在乙主持下成立甲, 乙决定，成立甲); otherwise after it
# (成立甲，由乙负责筹备). “…” is the sponsor's name. Only these forms: a near miss is never guessed at.
@dataclass(frozen=True)
class Sponsor:
    before: str
    after: str
    lead: bool


SPONSOR_FORMS: dict[str, Sponsor] = {
    "在…主持下": Sponsor("在", "主持下", True), "在…领导下": Sponsor("在", "领导下", True),
    "在…支持下": Sponsor("在", "支持下", True), "在…组织下": Sponsor("在", "组织下", True),
    "…决定": Sponsor("", "决定，", True), "经…决定": Sponsor("经", "决定，", True),
    "由…主持": Sponsor("由", "主持", False), "由…主持筹建": Sponsor("由", "主持筹建", False),
    "由…领导筹建": Sponsor("由", "领导筹建", False), "由…负责筹建": Sponsor("由", "负责筹建", False),
    "由…负责筹备": Sponsor("由", "负责筹备", False), "由…组建": Sponsor("由", "组建", False),
}


def sponsor_problem(wording: str | None) -> str | None:
    """Why a ``sponsor_wording`` cannot be printed (None: one of SPONSOR_FORMS)."""
    if wording in SPONSOR_FORMS:
        return None
    said = f"“{wording}”不是编辑指南所列的说法，zhi 不知道该怎样印。{did_you_mean(wording, SPONSOR_FORMS)}" if wording \
        else "写了“sponsor（主持方）”，却没有写“sponsor_wording（主持用词）”：来源是说“在乙主持下”还是“由乙负责筹备”，zhi 不替来源选。"
    return (f"“sponsor_wording（主持用词）”{said}可写：{'、'.join(SPONSOR_FORMS)}（“…”处印主持方的名称，如 在…主持下 印"
            "“在县人民武装部主持下成立甲”）。主持方不是新机构的上级：上级写 parent；来源另有说法的，请删去 sponsor，"
            "把原话写在 note 里")


# words that end a body: a takeover never says them (the bodies taken over stop functioning; they are not abolished)
_ENDS = ("撤销", "撤", "并入", "合并", "废止", "解散", "取消")


def takes_over_problem(wording: str) -> str | None:
    """Why a ``takes_over_wording`` cannot be printed (None: it names the bodies once, “…”, and ends none)."""
    if wording.count("…") != 1:
        return (f"“takes_over_wording（取代用词）”“{wording}”里要有一个“…”，代表被取代机构的名称，如 取代…职能 印"
                "“取代中共测试县委员会、测试县人民委员会职能”；请照来源改写")
    if ended := next((w for w in _ENDS if w in wording), None):
        return (f"“takes_over_wording（取代用词）”“{wording}”中有“{ended}”：取代（takes_over）说的是被取代的机构停止行使职能、"
                f"并没有终止，志书不印“{ended}”。来源说撤销、并入的，请另记撤销（abolish）或合并（merge）事件，并删去 takes_over")
    return None


# 成员数: the source's verb in place of 下辖 (下设4个小组), or of 有 when no units are counted (共有会员312人); only these
# an increment the source gives with no total (增补委员4人, 增设2个小组, 减少委员2人) is said so too: the figure is the
# number added or taken away, printed after the verb, never added to an earlier count into a total
MEMBERS_INCREMENT_VERBS: dict[str, tuple[str, ...]] = {
    "subordinates": ("增设", "增加", "减少"),
    "members": ("增补", "增选", "补选", "增加", "减少"),
}
MEMBERS_VERBS: dict[str, tuple[str, ...]] = {
    "subordinates": ("下辖", "下设", "设", "设有", "内设", "辖", "辖有", "共有", "领导", "管辖", "保留",
                     *MEMBERS_INCREMENT_VERBS["subordinates"]),
    "members": ("有", "共有", "拥有", "现有", "计有", *MEMBERS_INCREMENT_VERBS["members"]),
    # posts only (设会长、副会长): the verb before the posts
    "posts": ("设", "设有", "配备", "配有"),
}


# 保留甲、乙4科: the units a body keeps, named; those it had then and does not name were not kept (未保留), which is
# all the source says of them: no 撤销, no date of their end
KEPT = "保留"


def keeps_units(e) -> bool:
    """Whether a 成员数 event names the units its body kept (保留民政、财政、建设、军事4科)."""
    return e.type == "members" and e.wording == KEPT and any(k == "units" for k, _w, _n in e.figures)


def lists_units(e) -> bool:
    """Whether a 成员数 event names units its body has on its date (设秘书室、调解科; 下设, 增设 …): each a sighting of
    the unit of that name. Not 保留 (keeps_units, which says also which were not kept) nor 减少 (units taken away)."""
    return e.type == "members" and e.wording not in (KEPT, "减少") and any(k == "units" for k, _w, _n in e.figures)


# 成员数 as a change the source states (县编委成员增至9人, 下辖支社减为5个): the verb stands between what is counted and
# its figure, never before it; a count a source states as it is has MEMBERS_VERBS
MEMBERS_CHANGE_VERBS = ("增至", "增加到", "增为", "减至", "减为", "减少到", "调整为")


def members_change(wording: str | None) -> bool:
    """Whether a 成员数 ``wording`` states a change (成员增至9人), printed after what it counts."""
    return bool(wording) and wording in MEMBERS_CHANGE_VERBS


def members_wording_problem(wording: str, first: str, named: bool = False) -> str | None:
    """Why a 成员数 ``wording`` cannot stand before the figures it is the verb of (``first``: subordinates when the
    event counts units, else members), or, a change (增至), between what is counted and its figure (``named``: units
    listed by name, which a change cannot be said of: 民政科、财政科增至 says nothing)."""
    verbs = MEMBERS_VERBS.get(first, ())
    if members_change(wording) and not named:
        return None
    if members_change(wording):
        return (f"成员数事件的“wording（用词）”“{wording}”说的是个数的变化（下辖支社增至7个），写了 units（下设单位名称）的，"
                "名称之后接不上“增至”；请把个数写在 subordinates（如 {科: 7}），名称另记一条成员数事件，或删去 wording")
    if wording in verbs:
        return None
    if first == "posts":
        return (f"成员数事件的“wording（用词）”“{wording}”印在所设的职务之前，代替“设”（设会长、副会长）；它不是编辑指南所列的说法，"
                f"印出来可能是错话。{did_you_mean(wording, verbs)}可写：{'、'.join(verbs)}；来源另有说法的，请删去 wording，"
                "把原话写在 note 里")
    what = {"subordinates": "下辖单位", "members": "成员"}.get(first, "其中")
    return (f"成员数事件的“wording（用词）”“{wording}”印在{what}的个数之前，代替“{verbs[0] if verbs else '有'}”；"
            f"它不是编辑指南所列的说法，印出来可能是错话。{did_you_mean(wording, verbs)}"
            f"可写：{'、'.join(verbs) or '（无）'}；来源说个数变化的，可写：{'、'.join(MEMBERS_CHANGE_VERBS)}"
            f"（印在个数之前，如“成员增至9人”）；来源另有说法的，请删去 wording，把原话写在 note 里")


# 职能划转: the source's verb between the functions and the body that takes them (甲的妇女工作由乙兼管); “…” is the
# receiving body's name. Only these forms: a near miss is never guessed at.
TRANSFER_FORMS: dict[str, tuple[str, str]] = {
    "划入": ("划入", ""), "划归": ("划归", ""), "移交": ("移交", ""), "并入": ("并入", ""), "转入": ("转入", ""),
    "由…兼管": ("由", "兼管"), "由…代管": ("由", "代管"), "由…承担": ("由", "承担"), "由…负责": ("由", "负责"),
    "交由…承担": ("交由", "承担"), "改由…承担": ("改由", "承担"), "改由…负责": ("改由", "负责"),
    "移交…承担": ("移交", "承担"),
}


def transfer_problem(wording: str) -> str | None:
    """Why a 职能划转's ``wording`` cannot be printed (None: one of TRANSFER_FORMS)."""
    if wording in TRANSFER_FORMS:
        return None
    return (f"职能划转事件的“wording（用词）”“{wording}”不是编辑指南所列的说法，zhi 不知道该怎样印。"
            f"{did_you_mean(wording, TRANSFER_FORMS)}可写：{'、'.join(TRANSFER_FORMS)}（“…”处印接收职能的机构名称，"
            "如 由…兼管 印“甲的妇女工作由乙兼管”）；来源另有说法的，请删去 wording，把原话写在 note 里")


def transfer_words(wording: str | None) -> tuple[str, str]:
    """The words before and after the receiving body: (划入, ''), (由, 兼管)."""
    return TRANSFER_FORMS.get(wording or "划入", ("划入", ""))


# 筹建: the verbs a preparation is told with. 筹建甲, 筹备甲 name the body prepared; so does 组建甲, the founding
# notice's verb before the formal founding (地委通知组建甲……5月1日甲正式成立); 成立, 建立, 设立 name the preparatory
# organ (成立甲筹备委员会): without a name that says 筹备 they would print a founding, so they are refused.
PREPARE_VERBS = ("筹建", "筹备", "开始筹建", "着手筹建", "开始筹备", "组建")
PREPARE_ORGAN_VERBS = ("成立", "建立", "设立")
_PREPARATORY = ("筹备", "筹建", "筹委")


def prepare_wording_problem(wording: str, name: str | None) -> str | None:
    """Why a 筹建 event's ``wording`` cannot stand before its name (None: it may)."""
    if wording in PREPARE_VERBS:
        return None
    if wording in PREPARE_ORGAN_VERBS:
        if name and any(w in name for w in _PREPARATORY):
            return None
        return (f"筹建事件的“wording（用词）”“{wording}”要与筹备机构的名称连读（成立安远县民主妇女联合会筹备委员会）："
                f"请在 name 中照来源写筹备机构的名称（含“筹备”“筹建”或“筹委”）；否则会印成“{wording}”某机构本身，"
                "那是设立（establish）事件")
    return (f"筹建事件的“wording（用词）”“{wording}”不是编辑指南所列的说法，zhi 不知道该怎样印。"
            f"{did_you_mean(wording, PREPARE_VERBS + PREPARE_ORGAN_VERBS)}可写：{'、'.join(PREPARE_VERBS)}，"
            f"或与筹备机构的名称连读的 {'、'.join(PREPARE_ORGAN_VERBS)}；来源另有说法的，请删去 wording，把原话写在 note 里")


def around_name(wording: str | None, default: str) -> tuple[str, str]:
    """The words before and after the name an event's verb is said of: none → (default, ""); 恢复建制 → (恢复, 建制);
    any other wording → (wording, "")."""
    if not wording:
        return default, ""
    if wording.endswith(_OF_STATUS) and len(wording) > len(_OF_STATUS):
        return wording[:-len(_OF_STATUS)], _OF_STATUS
    return wording, ""


# a campaign the source tells a change of jurisdictions or bodies by (撤区并乡, 撤乡并镇, 撤社建乡, 撤县设市): it heads
# the sentence, which then says what befell each in the event's own verb (撤区并乡，撤销城厢区、古城区)
_CAMPAIGN = re.compile(r"^撤[^撤并建设销消除]{1,2}[并建设][^撤并建设]{1,2}$")


def campaign(wording: str | None) -> bool:
    """Whether ``wording`` names the campaign the change was made in (撤区并乡), not a verb to print in place of 撤销."""
    return bool(wording) and bool(_CAMPAIGN.match(wording or ""))
