"""Reading one staffing mapping ({行政编制: 8, 领导职数: {正科级: 1}, 其中: {...}, 人数: 312}) of a record.

Two steps with their own names: ``read`` takes each key as the source gives it (a figure, a 领导职数 table,
the 其中 breakdown, the 人数 and what it counts, the basis), reporting a bad value at its line; ``cross_check``
then holds the keys against each other (其中 beside exactly one total and never above it, 人员 only with 人数).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .fieldwords import PLACEHOLDER_RE, did_you_mean, key_label, words_flaw
from .findings import Finding, Loc
from .invisible import quote
from .model import (
    BASIS_KEY,
    BASIS_ZH,
    COUNTED_KEY,
    FIGURE_RE,
    HEADCOUNT_KEY,
    LEADER_KEY,
    PARTS_KEY,
    SCOPE_KEY,
    STAFFING_BASES,
    STAFFING_KINDS,
    UNSTAFFED_KEY,
    ApproxCount,
    LeaderRange,
    Staffing,
)
from .yamlsource import LMap

if TYPE_CHECKING:
    from .fields import Fields

# a 领导职数 range as sources give it: 1至2, 1-2, 1~2, 1—2
_LEADER_RANGE = re.compile(r"^(\d{1,3})\s*(?:至|-|~|～|—|－)\s*(\d{1,3})$")
_EXTRA_KEYS = (LEADER_KEY, SCOPE_KEY, PARTS_KEY, HEADCOUNT_KEY, COUNTED_KEY, UNSTAFFED_KEY)


class StaffingReader:
    """One staffing mapping ``m`` read under ``key`` of the record whose fields are ``f``."""

    def __init__(self, f: Fields, key: str, m: LMap):
        self.f, self.key, self.m = f, key, m
        self.posts: dict[str, int] = {}
        self.leaders: dict[str, int | LeaderRange] = {}
        self.parts: dict[str, int] = {}
        # 其中 items that are no category of 编制 (党员, 非党员): the breakdown of a headcount, if the mapping gives one
        # and no 编制 total (cross_check decides); (word, number, line)
        self.people_parts: list[tuple[str, int, int]] = []
        self.headcount_parts: dict[str, int] = {}
        self.headcount: int | None = None
        self.headcount_groups: dict[str, int] = {}
        self.basis = self.scope_note = self.counted = self.unstaffed = ""

    def read(self) -> Staffing:
        for k, v in self.m.items():
            self._read_key(str(k), v, self.m.line_of(k))
        self.cross_check()
        return Staffing(self.posts, self.leaders, Loc(self.f.rel, self.m.line), self.basis, self.scope_note,
                        self.parts, self.headcount, self.counted, self.unstaffed, self.headcount_parts,
                        self.headcount_groups)

    # ---- reporting ---------------------------------------------------------------------------------------------
    def _error(self, code: str, message: str, line: int, severity: str = "error") -> None:
        self.f.findings.append(Finding(code, severity, message, Loc(self.f.rel, line)))

    # ---- one value ---------------------------------------------------------------------------------------------
    def number(self, value: object, line: int, label: str, also: str = "") -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self._error("staffing-number", f"“{label}”应为不小于 0 的整数（名数）{also}，而不是“{value}”", line)
            return None
        return value

    @staticmethod
    def approximate(value: object) -> ApproxCount | None:
        """干部职工1800余人: a head-count written 1800余, 1800多, 约1800 or 近1800, kept as the source says it."""
        hit = FIGURE_RE.match(value.strip()) if isinstance(value, str) else None
        return ApproxCount(int(hit[2]), value.strip()) if hit and (hit[1] or hit[3]) else None

    @staticmethod
    def leader_range(value: object) -> LeaderRange | None:
        """副区长1至2人: written 1至2, 1-2, 1~2 or 1—2; a range whose ends are not in order is no range."""
        hit = _LEADER_RANGE.match(str(value).strip()) if isinstance(value, str) else None
        if hit is None or int(hit[1]) >= int(hit[2]):
            return None
        return LeaderRange(int(hit[1]), int(hit[2]))

    def placeholder(self, value: object, line: int, label: str) -> bool:
        """（待查）, ？ … standing for a number or a word: a finding, never a value."""
        if isinstance(value, str) and PLACEHOLDER_RE.search(value):
            self._error("placeholder", f"编制的“{label}”写的是占位文字“{value.strip()[:30]}”，"
                        "不是档案中的值；查到后填入，查不到就删去这一行（不详的事不写）", line, "warning")
            return True
        return False

    def words(self, value: object, line: int, label: str, example: str) -> str:
        """A word printed as the source gives it (干部, 专职人员): one plain word, no number or list."""
        if self.placeholder(value, line, label):
            return ""
        text = str(value).strip() if isinstance(value, str) else ""
        flaw = words_flaw(text) if text else None
        if not text or flaw:
            self._error("schema-value", f"编制的“{label}”应照来源写一个词（如 {example}），"
                        + (f"不能有{quote(flaw, True)}" if flaw else "不能为空，也不能是数字或列表"), line)
            return ""
        self.f.say(self.key, text, line, f"{key_label(self.key)}的{label}")
        return text

    # ---- one key -----------------------------------------------------------------------------------------------
    def _read_key(self, k: str, v: object, line: int) -> None:
        if k == PARTS_KEY:
            self._read_parts(v, line)
        elif k == HEADCOUNT_KEY and isinstance(v, LMap):
            self._read_groups(v)
        elif k == HEADCOUNT_KEY:
            if not self.placeholder(v, line, HEADCOUNT_KEY):
                self.headcount = self.approximate(v) or self.number(
                    v, line, HEADCOUNT_KEY, "；人数是实有的人，不是编制：来源说“实有干部312人”的写 人数: 312，人员: 干部；"
                    "来源说“1800余人”“约120人”的，写 1800余、约120")
        elif k == COUNTED_KEY:
            self.counted = self.words(v, line, COUNTED_KEY, "干部、职工、工作人员")
        elif k == UNSTAFFED_KEY:
            self.unstaffed = self.words(v, line, UNSTAFFED_KEY, "专职人员；印作“未配备专职人员”")
        elif k == SCOPE_KEY:
            self._read_scope(v, line)
        elif k == BASIS_KEY and self.key != "figures":
            self.basis = STAFFING_BASES.get(str(v).strip(), "")
            if not self.basis:
                self._error("schema-value", f"“{BASIS_KEY}”只能是{'、'.join(f'“{z}”' for z in BASIS_ZH.values())}，不是“{v}”；"
                            f"来源只说“设县长、副县长各1人”（设置，不是核定）的写作 {BASIS_KEY}: 设置", line)
        elif k in STAFFING_KINDS:
            n = self.number(v, line, k)
            if n is not None:
                self.posts[k] = n
        elif k == LEADER_KEY:
            self._read_leaders(v, line)
        else:
            self._error("schema-unknown-key",
                        f"编制中有未知的项目{quote(k, True)}；{did_you_mean(k, (*STAFFING_KINDS, *_EXTRA_KEYS))}"
                        f"可用：{'、'.join(STAFFING_KINDS + _EXTRA_KEYS)}"
                        f"（来源未分类别的“编制N人”写作 编制: N；来源说明这个数包括什么的写作 {SCOPE_KEY}: 包括…；"
                        f"“其中”写作 {PARTS_KEY}: {{行政编制: N}}；实有的人数（不是编制）写作 {HEADCOUNT_KEY}: N）", line)

    def _read_parts(self, v: object, line: int) -> None:
        if not isinstance(v, LMap):
            self._error("schema-type", f"“{PARTS_KEY}”应按类别分列，如 {PARTS_KEY}: {{行政编制: 474, 事业编制: 363}}", line)
            return
        for kind, n in v.items():
            at = v.line_of(kind)
            if kind not in STAFFING_KINDS and isinstance(kind, str) and not words_flaw(kind):
                if not self.placeholder(n, at, f"{PARTS_KEY}·{kind}"):
                    num = self.number(n, at, f"{PARTS_KEY}·{kind}")   # 党员: 45, of a headcount (cross_check)
                    if num is not None:
                        self.people_parts.append((kind, num, at))
                continue
            if kind not in STAFFING_KINDS or kind == "编制":
                self._error("schema-unknown-key",
                            f"“{PARTS_KEY}”中有{quote(str(kind), True)}：其中各项只能是编制的类别"
                            f"（{'、'.join(k2 for k2 in STAFFING_KINDS if k2 != '编制')}）；"
                            f"{did_you_mean(str(kind), STAFFING_KINDS)}别的细分写在 note 里", at)
                continue
            if self.placeholder(n, at, f"{PARTS_KEY}·{kind}"):
                continue
            num = self.number(n, at, f"{PARTS_KEY}·{kind}")
            if num is not None:
                self.parts[str(kind)] = num

    def _read_groups(self, v: LMap) -> None:
        """人数: {兼职主席: 1, 工作人员: 1}: the groups a source counts side by side (有兼职主席1人，工作人员1人), each by
        the source's word, with its number (1800余 too)."""
        for who, n in v.items():
            at = v.line_of(who)
            label = f"{HEADCOUNT_KEY}·{who}"
            if not isinstance(who, str) or words_flaw(who) or self.placeholder(n, at, label):
                if not isinstance(who, str) or words_flaw(who):
                    self._error("schema-value", f"“{HEADCOUNT_KEY}”分列几类人的，每项照来源写一个词和人数（如 "
                                f"{HEADCOUNT_KEY}: {{兼职主席: 1, 工作人员: 1}}），不是{quote(str(who), True)}", at)
                continue
            num = self.approximate(n) or self.number(n, at, label)
            if num is not None:
                self.f.say(self.key, who, at, f"{key_label(self.key)}的{HEADCOUNT_KEY}")
                self.headcount_groups[who] = num

    def _read_scope(self, v: object, line: int) -> None:
        self.scope_note = str(v).strip().strip("（）()") if isinstance(v, str) else ""
        self.f.say(self.key, f"（{self.scope_note}）" if self.scope_note else "", line,
                   f"{key_label(self.key)}的{SCOPE_KEY}")  # printed so
        if not self.scope_note:
            self._error("schema-value", f"编制的“{SCOPE_KEY}”应照来源写这个数包括什么（如 {SCOPE_KEY}: 包括公社、办事处干部），"
                        "不能为空，也不能是数字或列表", line)

    def _read_leaders(self, v: object, line: int) -> None:
        if not isinstance(v, LMap):
            self._error("schema-type", "“领导职数”应按职级分列，如 {正科级: 1, 副科级: 2}", line)
            return
        for level, n in v.items():
            at = v.line_of(level)
            if bad := words_flaw(str(level)):  # 正科级　1人: the level is printed as written
                self._error("schema-value",
                            f"“领导职数”中的职级{quote(str(level), True)}有{quote(bad, True)}：职级照写印在编制表和大事记里，"
                            "中间和两头都不能有空格、句号、逗号、冒号；请只写职级的名称，如 正科级、副科级", at)
                continue
            self.f.say(self.key, level, at, f"{key_label(self.key)}的{LEADER_KEY}")
            num = self.leader_range(n) or self.number(n, at, f"领导职数·{level}", "；来源只给范围的写作 1至2（前小后大）")
            if num is not None:
                self.leaders[str(level)] = num

    # ---- the keys against each other ---------------------------------------------------------------------------
    def _people_parts(self) -> None:
        """其中 items that are people (党员45人) break down the headcount, when there is one and no 编制 total."""
        if not self.people_parts:
            return
        word, _n, at = self.people_parts[0]
        if self.headcount is None or self.posts:
            self._error("schema-unknown-key",
                        f"“{PARTS_KEY}”中有{quote(word, True)}：编制总数的其中各项只能是编制的类别"
                        f"（{'、'.join(k2 for k2 in STAFFING_KINDS if k2 != '编制')}）；"
                        f"{did_you_mean(word, STAFFING_KINDS)}来源说“实有人数120人，其中党员45人”的，写 {HEADCOUNT_KEY}: 120，"
                        f"{PARTS_KEY}: {{党员: 45}}（不写编制数）；别的细分写在 note 里", at)
            return
        parts = {w: n for w, n, _at in self.people_parts}
        if sum(parts.values()) > self.headcount:
            self._error("staffing-parts-exceed",
                        f"实有{self.counted or '人数'}{self.headcount}人，“{PARTS_KEY}”各项（"
                        f"{'、'.join(f'{k2}{v2}人' for k2, v2 in parts.items())}）合计{sum(parts.values())}人，超过总数；"
                        f"请核对来源，改正数字；来源确是这样写的，照录在 note 里并在 conflict_note 中说明",
                        self.m.line_of(PARTS_KEY))
            return
        for w, _n, at in self.people_parts:
            self.f.say(self.key, w, at, f"{key_label(self.key)}的{PARTS_KEY}")
        self.headcount_parts = parts

    def cross_check(self) -> None:
        """其中 is the breakdown of exactly one total and never more than it; 人员 says who the 人数 counts."""
        m = self.m
        if self.parts:
            line = m.line_of(PARTS_KEY)
            posts, parts = self.posts, self.parts
            if len(posts) != 1:
                self._error("schema-value",
                            f"“{PARTS_KEY}”是一个总数的细分，要写在这个总数旁边：请只写一个总数（如 编制: 837，"
                            f"{PARTS_KEY}: {{行政编制: 474, 事业编制: 363}}）"
                            + (f"；这里写了{len(posts)}个（{'、'.join(posts)}），其中各项不知是哪一个的细分" if posts
                               else "；这里没有写总数"), line)
                self.parts = {}
            else:
                (total_kind, total), = posts.items()
                if total_kind in parts:
                    self._error("schema-value", f"“{PARTS_KEY}”中又写了总数的类别“{total_kind}”：其中各项是总数的细分，"
                                "不能与总数同类", line)
                    self.parts = {}
                elif sum(parts.values()) > total:
                    self._error("staffing-parts-exceed",
                                f"{total_kind}{total}名，“{PARTS_KEY}”各项（{'、'.join(f'{k2}{v2}名' for k2, v2 in parts.items())}）"
                                f"合计{sum(parts.values())}名，超过总数；其中各项是总数的一部分，不能多于总数。请核对来源，"
                                f"改正数字；来源确是这样写的，照录在 note 里并在 conflict_note 中说明", line)
                    self.parts = {}
        self._people_parts()
        if self.counted and isinstance(m.get(HEADCOUNT_KEY), LMap):
            self._error("schema-value", f"“{HEADCOUNT_KEY}”已分列几类人（{HEADCOUNT_KEY}: {{兼职主席: 1, 工作人员: 1}}），"
                        f"每类人写在“{HEADCOUNT_KEY}”里，不再写“{COUNTED_KEY}”", m.line_of(COUNTED_KEY))
        if self.counted and HEADCOUNT_KEY not in m:   # (a 人数 written wrong is reported once, at its own line)
            self._error("schema-value", f"“{COUNTED_KEY}”说明实有人数是哪些人，要与“{HEADCOUNT_KEY}”同写（如 "
                        f"{HEADCOUNT_KEY}: 312，{COUNTED_KEY}: 干部）", m.line_of(COUNTED_KEY))
