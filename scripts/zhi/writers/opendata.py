"""Open data: the edition's facts as tables (CSV, .xlsx), linked data (JSON-LD, W3C Organization Ontology) and
Popolo JSON, with the data dictionary the download page prints.

The writer reads the edition's archive and its history only (the edition filter has run before it), so a
record withheld from the edition never reaches a file; the build's leak scan reads these files too.

Dates are given three ways: as the book prints them (1958年底, 约1958年, 1985年前, 不详), and as the earliest and
the latest ISO day they can mean (empty where a reading has no bound: the earliest day of "1985年前"). An
end that no source gives is "不详" with empty ISO columns; a period with no recorded end is said to go on at
the book's 下限, never given a made-up end date and never called "今".
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from ..cells import Sheet, csv_row, workbook_bytes
from ..citations import split
from ..dates import Date
from ..history import History, Span, Timeline, place_silent_since, silent_since, unknown_after
from ..model import BASIS_ZH, FATE_UNKNOWN, UNKNOWN, ApproxCount, Archive, Event, Person, Post
from ..views.chronology import Entry, chronology
from ..views.naming import name_after, name_before, name_in_term, name_on
from ..views.staffing import Figure, figures, kind_label
from ..wordings import superior_relation

DATA_DIR = "shuju/data"
WORKBOOK = "zhi-data.xlsx"
JSONLD = "zhi-org.jsonld"
POPOLO = "zhi-popolo.json"
DEFAULT_LICENCE = "知识共享署名 4.0 国际许可协议（CC BY 4.0）"

EARLIER_UNKNOWN = "此前存续时间不详"  # first recorded as restored: when it was first set up is not recorded
OPEN = "至下限仍存续"   # a period with no recorded end: it goes on at the book's 下限
UNKNOWN_END = "止年不详"  # `end: 不详` / `to: 不详`
NOT_GIVEN = "来源未载"
POWERS_OPEN = "来源未载收回"   # a 管理权限 granted on a day, no record of its withdrawal    # a name of a body outside the volume, for a period its source does not bound


# the 区别语 column: the name columns stay the name itself (a reader of the data matches names as written)
_DISTINGUISH = ("编辑所写的区别语：另有同名的机构或行政区划时，志书、网站在名称后的括号里印它（滁州市（县级））；"
                "“名称”一栏不含它")


# ---- columns ----------------------------------------------------------------------------------------------
@dataclass
class Column:
    name: str      # header (Chinese, as Excel shows it)
    meaning: str   # for the data dictionary


def _date_columns(stem: str, what: str) -> list[Column]:
    return [Column(stem, f"{what}，照志书的写法（可为年、年月、约数、之前、之后、时段、“不详”）"),
            Column(f"{stem}_最早", f"{what}可能的最早一日（ISO 8601）；“某年前”的最早一日无界，留空；不详者留空"),
            Column(f"{stem}_最晚", f"{what}可能的最晚一日（ISO 8601）；“某年后”的最晚一日无界，留空；不详者留空")]


@dataclass
class Table:
    key: str        # file name stem
    title: str      # sheet name and heading
    about: str      # one sentence for the data dictionary
    columns: list[Column]
    rows: list[list[str | int]] = field(default_factory=list)

    @property
    def csv_name(self) -> str:
        return f"{self.key}.csv"


def date_cells(d: Date | None, unknown: bool = False) -> list[str]:
    """[as printed, earliest ISO day, latest ISO day]; unknown is 不详 with empty ISO columns."""
    if unknown:
        return ["不详", "", ""]
    if d is None:
        return ["", "", ""]
    earliest = "" if d.qualifier == "before" else d.earliest().isoformat()
    latest = "" if d.qualifier == "after" else d.latest().isoformat()
    return [d.chinese(), earliest, latest]


_IRI_UNSAFE = re.compile(r"[^\w\-.~/]")


@functools.lru_cache(maxsize=65536)
def _iri_safe(rid: str) -> str:
    """Letters of any script stay as they are; a space or a mark an IRI cannot hold is percent-encoded."""
    return _IRI_UNSAFE.sub(lambda m: quote(m.group(0)), rid)


def _slug(d: Date | None) -> str:
    if d is None:
        return "x"
    return d.iso().replace("..", "_").replace("~", "c").replace("<", "b").replace(">", "a") \
        .replace("或以前", "be").replace("或以后", "ae")   # 1958或以前 → 1958be: an identifier stays ASCII


class OpenData:
    """Every table and JSON document of one edition. ``meta`` carries title, edition, licence and version."""

    def __init__(self, a: Archive, h: History, meta: dict, entries: list[Entry] | None = None,
                 figs: list[Figure] | None = None):
        self.a, self.h, self.meta = a, h, meta
        self.entries = entries if entries is not None else chronology(a, h)
        self.by_event = {id(en.event): en for en in self.entries}
        self.figs = figs if figs is not None else figures(a)
        book = a.book
        self.lower = book.lower if book is not None and getattr(book, "lower", None) else None
        self.open_text = f"{OPEN}（下限{self.lower.chinese()}）" if self.lower else OPEN
        self.post_ids = self._post_ids()
        self._silent: dict[str, Date | None] = {}

    # ---- ids ---------------------------------------------------------------------------------------------
    def _post_ids(self) -> dict[int, str]:
        out: dict[int, str] = {}
        used: set[str] = set()
        for p in self.a.posts:
            rid = p.id or f"post-{p.person.id if p.person else 'ex-officio'}-{p.body.id}-{_slug(p.start)}"
            base, n = rid, 2
            while rid in used:
                rid, n = f"{base}-{n}", n + 1
            used.add(rid)
            out[id(p)] = rid
        return out

    @staticmethod
    def eid(e: Event | None) -> str:
        """An event's id; one the archive does not name gets one from its date and place in the archive."""
        if e is None or e.origin_unknown:   # a `start: 不详` body's stand-in origin is no event of the record
            return ""
        return e.id or f"event-{_slug(e.date)}-{e.order}"

    @staticmethod
    def figure_id(f: Figure) -> str:
        # figures of one day whose 范围 differ (机关 / 下属单位) are parts, each its own record: a digest of the 范围 tells
        # them apart (an identifier stays ASCII)
        scope = f.staffing.scope_note and "r" + hashlib.sha1(f.staffing.scope_note.encode("utf-8")).hexdigest()[:8]
        return "-".join(x for x in ("staff", f.scope, f.system, _slug(f.date), f.basis, scope) if x)

    def kind_of(self, rid: str) -> str:
        return "行政区划" if rid in self.a.jurisdictions else "机构" if rid in self.a.bodies else "其他"

    # ---- what a period's end says ------------------------------------------------------------------------
    def silent_since(self, t: Timeline) -> Date | None:
        """The last record of a body no record shows for years before the 下限 (history.silent_since), whose page's
        存续 says 1987年后情况不详: its row in bodies.csv and its open periods in periods.csv say the same, never
        至下限仍存续."""
        if t.id not in self._silent:   # a jurisdiction by the same rule (guide/opendata.md): never 至下限 on no record
            self._silent[t.id] = place_silent_since(self.a, self.h, t) if t.is_jurisdiction else silent_since(self.a, t)
        return self._silent[t.id]

    def silent_open(self, t: Timeline, span: Span) -> bool:
        """A period with no recorded end of a body silent for years before the 下限: how long it went on is not known
        (its 止 is 不详, 1987年后情况不详); a 管理权限 keeps its own 来源未载收回."""
        return span.end is None and not t.outside and not any(span is s for s in t.powers) \
            and self.silent_since(t) is not None

    def end_unknown(self, t: Timeline, span: Span) -> bool:
        """No source gives the span's end: `end: 不详`, a 停止活动 whose 恢复 is not recorded, a period closed only
        by its jurisdiction's end (去向不详, whose date is the jurisdiction's, not the body's), an open period of a
        body silent for years (silent_open)."""
        return span.end_unknown or t.resume_unknown(span) or t.fate_unknown_end(span) or t.unrecorded_end(span) or \
            (span.end is None and not t.outside and t.end_unknown) or self.silent_open(t, span)

    def end_note(self, t: Timeline, span: Span) -> str:
        if span.end is None and any(span is s for s in t.powers):
            return POWERS_OPEN   # a grant no record withdraws: the source gives its day, not how long it held
        if span.end_unknown:   # a joint period (合署办公): the same 止年不详 on both sides, whichever party's end is unknown
            return UNKNOWN_END
        if t.fate_unknown_end(span):
            return FATE_UNKNOWN
        if t.resume_unknown(span) or t.unrecorded_end(span):   # (a restore's previous_end: 不详: no date a source gives)
            return UNKNOWN_END
        if span.end is not None:
            return ""
        if self.silent_open(t, span):
            return unknown_after(self.silent_since(t))   # as bodies.csv and its page: 1987年后情况不详
        if t.outside:
            return NOT_GIVEN
        if t.end_unknown:
            return UNKNOWN_END
        return self.open_text

    def span_end_cells(self, t: Timeline, span: Span) -> list[str]:
        return date_cells(None, unknown=True) if self.end_unknown(t, span) else date_cells(span.end)

    def end_event(self, t: Timeline, span: Span) -> str:
        """The id of the event that ended the span; none for an end no source gives."""
        return "" if self.end_unknown(t, span) else self.eid(span.end_event)

    def life_status(self, t: Timeline) -> tuple[list[str], str]:
        """The end of the last period of existence: its cells and how it ended (撤销, 去向不详, 止年不详, 至下限仍存续)."""
        if not t.lives:
            return date_cells(None), NOT_GIVEN if t.outside else ""
        last = t.lives[-1]
        if t.fate_unknown_end(last):
            return date_cells(None, unknown=True), FATE_UNKNOWN
        if last.end is not None:
            return date_cells(last.end), last.end_event.said_zh if last.end_event else ""
        if t.end_unknown:
            return date_cells(None, unknown=True), UNKNOWN_END
        if (last_seen := self.silent_since(t)) is not None:
            return date_cells(None, unknown=True), unknown_after(last_seen)   # as its page says: 1987年后情况不详
        return date_cells(None), self.open_text

    # ---- tables ------------------------------------------------------------------------------------------
    def tables(self) -> list[Table]:
        return [self.bodies(), self.periods(), self.events(), self.participants(), self.documents(),
                self.people(), self.posts(), self.staffing(), self.jurisdictions(), self.jurisdiction_changes()]

    def bodies(self) -> Table:
        t = Table("bodies", "机构", "每个机构一行：编号、最后的名称、类别、设立与终止；各时期的名称等见“机构时期”。", [
            Column("编号", "机构的稳定编号（档案中的 id），各表、各次导出不变"),
            Column("名称", "最后使用的全称；各时期的名称见“机构时期”表"),
            Column("类别", "机构类别（党委工作部门、政府工作部门、事业单位……）"),
            Column("志内", "“是”：本志记其沿革；“否”：志外机构（如上级机关），只记名称"),
            *_date_columns("设立", "首次设立的日期；档案第一次记到它就是恢复（此前存续时间不详）的，写“不详”"),
            Column("设立事件", "首次设立的事件编号（恢复不是设立：它在“机构时期”存续一段的“起_事件”）"),
            *_date_columns("终止", "最后一期终止的日期"),
            Column("终止情况", "撤销、合并、分设等；“去向不详”；“止年不详”；“至下限仍存续”（本志下限时仍在，不是“今”）"),
            Column("终止事件", "终止的事件编号"),
            Column("最后见于", "止年不详、多年无记载（“某年后情况不详”）者：档案记载它存在的最晚日期"),
            Column("存续期数", "设立的期数（撤销后恢复的，另计一期）"),
            Column("区别语", _DISTINGUISH),
        ])
        for rid, b in self.a.bodies.items():
            tl = self.h.get(rid)
            if tl is None:
                continue
            end, how = self.life_status(tl)
            # first recorded as restored (previous_end: 不详): when it was first set up is not known, and the
            # restoration is no 设立 (its date is the 存续 period's start in periods.csv)
            first = tl.earlier_unknown is None
            t.rows.append([rid, tl.current_name(), b.kind_label, "是" if b.in_scope else "否",
                           *date_cells(tl.start if first else None, not first),
                           self.eid(tl.lives[0].start_event) if tl.lives and first else "",
                           *end, how, self.end_event(tl, tl.lives[-1]) if tl.lives else "",
                           tl.last_known.chinese() if tl.end_unknown and tl.last_known
                           else (self.silent_since(tl) or "") and self.silent_since(tl).chinese(), len(tl.lives),
                           tl.distinguish])
        return t

    PERIOD_ITEMS = (("lives", "存续"), ("names", "名称"), ("short", "简称"), ("second_names", "加挂牌子"),
                    ("parents", "上级"), ("co_parents", "双重领导"), ("jurisdictions", "属地"), ("co_jurisdictions", "同属"),
                    ("ranks", "规格"),
                    ("kinds", "类别"), ("levels", "层级"), ("suspensions", "停止活动"), ("colocations", "合署办公"),
                    ("powers", "管理权限"))

    def periods(self) -> Table:
        t = Table("periods", "机构时期", "机构与行政区划的每一段时期一行：存续、名称、简称、加挂牌子、上级、双重领导、属地、同属、规格、"
                                      "类别、层级、停止活动、合署办公、管理权限，各有起止与引起起止的事件。", [
            Column("对象编号", "机构或行政区划的编号"),
            Column("对象类别", "机构 / 行政区划"),
            Column("项目", "存续、名称、简称、加挂牌子、上级、双重领导、属地、同属（市县合署：主属地以外同时所属的行政区划）、规格、类别、层级、停止活动、合署办公、管理权限（来源所记授予的权限，照来源写）"),
            Column("值", "这一时期的名称、上级的名称（当时的名称）、规格等"),
            Column("值编号", "值所指的机构或行政区划的编号（上级、属地、合署办公的对方、双重领导的各方、同属的各行政区划，以“；”分隔）"),
            Column("关系", "上级一行：上级与本机构的关系，照来源用词——隶属、代管（委托代管，不是隶属）、直接领导、"
                         "主管（双重领导中为主的一方）；双重领导一行为“双重领导”；其他项目空白"),
            *_date_columns("起", "这一时期开始的日期"),
            Column("起_事件", "开始这一时期的事件编号"),
            *_date_columns("止", "这一时期结束的日期"),
            Column("止_事件", "结束这一时期的事件编号"),
            Column("止_说明", "止日空白时：“至下限仍存续”“止年不详”，多年无记载的机构“某年后情况不详”（止日写“不详”），志外机构“来源未载”，管理权限“来源未载收回”（只知授予之日）；止日“不详”而写“去向不详”的：所属"
                           "行政区划终止，档案未载这个机构的去向（不是它的终止日期）"),
        ])
        for rid, tl in self.h.timelines.items():
            for item, label in self.PERIOD_ITEMS:
                spans = tl.names if item == "short" else getattr(tl, item)
                for s in spans:
                    value, refs = self._period_value(item, s)
                    if value is None:
                        continue
                    t.rows.append([rid, self.kind_of(rid), label, value, refs, self._period_relation(item, s, rid),
                                   *date_cells(s.start),
                                   self.eid(s.start_event), *self.span_end_cells(tl, s),
                                   self.end_event(tl, s), self.end_note(tl, s)])
        return t

    @staticmethod
    def _period_relation(item: str, s: Span, rid: str | None = None) -> str:
        """A superior's relation in the source's word (代管 is not 隶属), kept apart from the superior's name."""
        if item == "parents":
            return superior_relation(s.start_event, rid) if s.value and s.value != UNKNOWN else ""
        return "双重领导" if item == "co_parents" else ""

    def _period_value(self, item: str, s: Span) -> tuple[str | None, str]:
        v = s.value
        if item == "lives":
            return "存续", ""
        if item == "names":
            return v[0], ""
        if item == "short":
            return (v[1], "") if v[1] else (None, "")
        if item in ("parents", "jurisdictions", "colocations"):
            if v == UNKNOWN:  # a parent that ended: from then on the record does not say under whom
                return UNKNOWN, ""
            return (name_on(self.h, v, s.start), v) if v else (None, "")
        if item in ("co_parents", "co_jurisdictions"):  # 双重领导; 市县合署: the other jurisdictions it belongs to
            return "、".join(name_on(self.h, c, s.start) for c in v), "；".join(v)
        if item == "suspensions":
            return v or "停止活动", ""
        return (str(v), "") if v is not None else (None, "")

    def event_sources(self, e: Event) -> tuple[str, str]:
        """(supporting document ids, dissenting document ids), as the 大事记 cites them."""
        en = self.by_event.get(id(e))
        if en is None:  # not in the 大事记 (an origin dated 1949前): its other readings are still other readings
            supports, dissents = split(e, self.h)
            docs = self.a.documents
            return ("；".join(c.doc for c in supports if c.doc in docs),
                    "；".join(d.citation.doc for d in dissents if d.citation.doc in docs))
        return "；".join(d.id for d in en.sources), "；".join(d.id for _, d in en.dissents)

    def events(self) -> Table:
        t = Table("events", "事件", "每个事件一行：类型、日期、大事记中的记事、来源；涉及的机构见“事件参与”。", [
            Column("编号", "事件编号"),
            Column("类型", "事件类型代码（establish、rename、merge……，见下“事件类型”）"),
            Column("类型名称", "设立、更名、合并、分设、撤销、合署办公、加挂牌子、停止活动……"),
            Column("原文用语", "来源自己的用语（如“升格”“停止工作”），志书照用"),
            *_date_columns("日期", "事件的日期"),
            *_date_columns("决定日期", "作出决定的日期（与施行日期不同时）"),
            Column("记事", "大事记中这一条的文字"),
            Column("来源", "所据文件的编号，以“；”分隔"),
            Column("异说来源", "所记不同（存异）的文件编号，以“；”分隔"),
            Column("考异", "编者的考异按语"),
            Column("密级", "本版所收记录的密级标注（公开版皆为“公开”）"),
        ])
        for e in self.h.events:
            en = self.by_event.get(id(e))
            sup, dis = self.event_sources(e)
            t.rows.append([self.eid(e), e.type, e.type_zh, e.wording or "", *date_cells(e.date), *date_cells(e.decided),
                           en.plain() if en else "", sup, dis, e.conflict_note, str(e.classification)])
        return t

    def roles(self, e: Event) -> list[tuple[str, str, str]]:
        """(role, id, name used) of every record the event names."""
        out: list[tuple[str, str, str]] = []
        after = {r.id for r in e.after}
        made = "恢复" if e.type == "restore" else "新设"   # a restored body is the old one come back, not a new one
        if e.body and e.body.id not in e.new:
            out.append(("主体", e.body.id, e.body.as_name or name_before(self.h, e.body.id, e)))
        for nb in e.new.values():
            if nb.id not in after:
                out.append((made, nb.id, name_after(self.h, nb.id, e)))
        together = {"co-locate": "合署办公", "separate": "分开办公"}.get(e.type)  # each stays what it was
        for r in e.before:
            out.append((together or "原机构", r.id, r.as_name or name_before(self.h, r.id, e)))
        for r in e.after:
            out.append((made if r.id in e.new else "结果机构", r.id, r.as_name or name_after(self.h, r.id, e)))
        for role, refs in (("部分并入", e.partly), ("职能承接", e.functions_to), ("双重领导", e.co_parents),
                           ("被取代", e.takes_over)):   # 取代: it stops functioning, it is not ended
            for r in refs:
                out.append((role, r.id, r.as_name or name_on(self.h, r.id, e.date)))
        for role, r in (("划出方", e.source_from), ("划入方", e.target_to), ("上级", e.parent),
                        ("属地", e.jurisdiction), ("对口方", e.counterpart), ("主持方", e.sponsor)):
            if r:
                role = "恢复自" if role == "划出方" and e.type == "restore" else role
                out.append((role, r.id, r.as_name or name_on(self.h, r.id, e.date)))
        return out

    def participants(self) -> Table:
        t = Table("event_participants", "事件参与", "事件涉及的每个机构、行政区划一行，注明其角色与当时的名称。", [
            Column("事件编号", "事件编号"),
            Column("角色", "主体、原机构（合并、分设、改组前）、结果机构、新设、恢复、部分并入、职能承接、划出方、划入方、"
                         "恢复自、合署办公、分开办公（各自仍是原机构）、上级、属地、双重领导、对口方（对口合署的另一方行政区划）、"
                         "被取代（职能由新机构行使，本身未终止）、主持方（主持、筹备设立的机构，不是上级）"),
            Column("对象编号", "机构或行政区划的编号"),
            Column("对象类别", "机构 / 行政区划"),
            Column("所用名称", "事件发生时的名称（来源另有写法的，照来源）"),
        ])
        for e in self.h.events:
            for role, rid, name in self.roles(e):
                t.rows.append([self.eid(e), role, rid, self.kind_of(rid), name])
        return t

    def documents(self) -> Table:
        t = Table("documents", "文件", "每份文件一行：文号、标题、成文日期、发文机关等。", [
            Column("编号", "文件编号"),
            Column("文号", "发文字号，照原件"),
            Column("规范文号", "文号的规范写法（〔〕括年份）"),
            Column("标题", "文件标题；来源未载标题的留空"),
            Column("说明", "标题不详时对文件的描述"),
            *_date_columns("成文日期", "成文日期"),
            Column("发文机关", "发文机关（照原件）"),
            Column("发文机关编号", "发文机关在本档案中的机构编号"),
            Column("类别", "档案文件，或出版物（志书、年鉴、图书、报刊、资料汇编、网页）"),
            Column("出版者", "出版物的出版者"),
            Column("篇章", "出版物所引的卷、篇、章"),
            Column("档号", "档案馆的档号"),
            Column("网址", "网上可查到这份文件（出版物、网页）的地址；没有的留空"),
            Column("密级", "本版所收文件的密级标注（公开版皆为“公开”）"),
        ])
        for d in self.a.documents.values():
            t.rows.append([d.id, d.number, d.normalised_number if d.number else "", d.title, d.description,
                           *date_cells(d.date), d.issuer, d.issuer_body.id if d.issuer_body else "",
                           d.genre or "档案文件", d.publisher, d.section, d.archive_ref, d.url, str(d.classification)])
        return t

    def holder(self, p: Post) -> Person | None:
        """The person entity who held post ``p``: none for `name: 不详` (姓名不详), as on the site, where such a holder
        has no 人物 entry, no index entry, and no person named 不详."""
        person = self.a.people.get(p.person.id) if p.person else None
        return None if person is None or person.unnamed else person

    def holder_said(self, p: Post) -> str:
        """Who held post ``p`` as a list prints it: the name, 姓名不详, or what the source says (由…兼任)."""
        person = self.a.people.get(p.person.id) if p.person else None
        return person.shown_name if person is not None else p.holder_said

    def people(self) -> Table:
        t = Table("people", "人物", "每人一行（来源未载姓名的任职者“姓名不详”不列为人物，只在任职表中写“姓名不详”）。", [
            Column("编号", "人物编号"), Column("姓名", "姓名"), Column("性别", "性别；未载留空"),
            *_date_columns("出生", "出生日期"), *_date_columns("逝世", "逝世日期"),
        ])
        for p in self.a.people.values():
            if not p.unnamed:
                t.rows.append([p.id, p.name, p.gender, *date_cells(p.born), *date_cells(p.died)])
        return t

    def posts(self) -> Table:
        t = Table("posts", "任职", "每一任职一行：谁、在哪个机构、任何职务、起止。", [
            Column("编号", "任职编号（档案未给的，由人物、机构、起始日期组成，稳定不变）"),
            Column("人物编号", "人物编号"), Column("姓名", "姓名"),
            Column("机构编号", "机构编号"), Column("机构名称", "任职开始时机构的名称"),
            Column("职务", "职务名称，照来源"), Column("届次", "届次，照来源"),
            *_date_columns("起", "任职开始的日期；“不详”：来源未载"),
            *_date_columns("止", "任职结束的日期；“不详”：来源未载"),
            Column("止_说明", "止日空白时：“至下限仍在任”（本志下限时仍在任）"),
            Column("在任日期", "来源只说某日在任的日期，以“；”分隔（不是起止）"),
            Column("来源", "所据文件的编号，以“；”分隔"),
        ])
        still = f"至下限仍在任（下限{self.lower.chinese()}）" if self.lower else "至下限仍在任"
        for p in self.a.posts:
            person = self.holder(p)
            open_ = p.end is None and not p.end_unknown
            t.rows.append([self.post_ids[id(p)], person.id if person else "", self.holder_said(p), p.body.id,
                           name_in_term(self.h, p.body.id, p.when()), p.post, p.term,
                           *date_cells(p.start, p.start_unknown or p.start is None),
                           *date_cells(p.end, p.end_unknown), still if open_ else "",
                           "；".join(d.chinese() for d in p.in_office),
                           "；".join(c.doc for c in p.sources)])
        return t

    def staffing(self) -> Table:
        t = Table("staffing", "编制", "每个编制数一行（一次核定或统计的每一类编制、每一级领导职数各一行）。", [
            Column("编号", "编制记录的编号（由范围、系统、日期、口径组成，来源说明了范围的再加上它的摘要，稳定不变）"),
            Column("范围编号", "机构或行政区划的编号"), Column("范围类别", "机构 / 行政区划"),
            Column("范围名称", "当时的名称"), Column("系统", "行政区划某一系统（党委、政府、政法……）的编制；机构的编制留空"),
            Column("范围说明", "来源说明这个数包括什么（如“包括公社、办事处干部”）；来源未说明的留空"),
            *_date_columns("日期", "核定或统计的日期"),
            Column("口径", "核定、实有、超编、精简"),
            Column("类别", "行政编制、政法专项编制、事业编制、工勤编制、企业编制、编制（未分类）；或“领导职数：正职”等；"
                   "“其中：行政编制”是上一总数的细分（已含在总数内，不可再加）；“实有人数：干部”是实有的人数，不是编制；"
                   "“实有人数其中：党员”是实有人数的细分（已含在人数内）；"
                   "“未配备：专职人员”是来源所说未配备的人员"),
            Column("数", "人数，照来源；来源未载的类别不列（不以 0 填补）；“未配备”一行写“未配备”"),
            Column("说法", "“采用”：志书所用的数；“另说”：另一来源所记不同的数（考异）"),
            Column("来源", "所据文件的编号，以“；”分隔"),
            Column("考异", "编者的考异按语"),
        ])
        for f in self.figs:
            for g, reading in [(f, "采用")] + [(o, "另说") for o in f.others]:
                st = g.staffing
                cells = [(kind_label(k), v) for k, v in st.posts.items()] + \
                        [(f"其中：{k}", v) for k, v in st.parts.items()] + \
                        [(f"领导职数：{k}", v) for k, v in st.leaders.items()] + \
                        ([(f"实有人数：{st.counted}" if st.counted else "实有人数",
                           str(st.headcount) if isinstance(st.headcount, ApproxCount) else st.headcount)]
                         if st.headcount is not None else []) + \
                        [(f"实有人数其中：{k}", v) for k, v in st.headcount_parts.items()] + \
                        [(f"实有人数：{k}", str(v) if isinstance(v, ApproxCount) else v) for k, v in st.headcount_groups.items()] + \
                        ([(f"未配备：{st.unstaffed}", "未配备")] if st.unstaffed else [])
                for label, v in cells:
                    t.rows.append([self.figure_id(f), f.scope, self.kind_of(f.scope), name_on(self.h, f.scope, f.date),
                                   f.system, g.staffing.scope_note, *date_cells(f.date), BASIS_ZH.get(f.basis, f.basis), label, v, reading,
                                   "；".join(c.doc for c in g.sources), f.conflict_note])
        return t

    def jurisdictions(self) -> Table:
        t = Table("jurisdictions", "行政区划", "每个行政区划一行；名称、层级、上级的各时期见“机构时期”，变更见“行政区划变更”。", [
            Column("编号", "行政区划编号"), Column("名称", "最后使用的名称"),
            Column("层级", "最后的层级（县、县级市、市辖区……）"),
            Column("志内", "“是”：本志所记的行政区划；“否”：志外（如上级），只记名称"),
            *_date_columns("设立", "设立的日期"),
            *_date_columns("终止", "终止的日期"),
            Column("终止情况", "撤销、合并等；“至下限仍存续”；志外的“来源未载”"),
            Column("区别语", _DISTINGUISH),
        ])
        for rid, j in self.a.jurisdictions.items():
            tl = self.h.get(rid)
            if tl is None:
                continue
            end, how = self.life_status(tl)
            level = tl.levels[-1].value if tl.levels else j.level or (UNKNOWN if j.level_unknown else "")
            t.rows.append([rid, tl.current_name(), level, "是" if j.in_scope else "否", *date_cells(tl.start),
                           *end, how, tl.distinguish])
        return t

    def jurisdiction_changes(self) -> Table:
        t = Table("jurisdiction_changes", "行政区划变更", "每个行政区划所涉的每个事件一行（建置、更名、层级、隶属、"
                                                         "辖下机构的属地变更……）。", [
            Column("行政区划编号", "行政区划编号"), Column("事件编号", "事件编号"),
            *_date_columns("日期", "事件的日期"), Column("类型名称", "事件类型"), Column("记事", "大事记中这一条的文字"),
        ])
        for rid in self.a.jurisdictions:
            tl = self.h.get(rid)
            for e in tl.events if tl else []:
                en = self.by_event.get(id(e))
                t.rows.append([rid, self.eid(e), *date_cells(e.date), e.type_zh, en.plain() if en else ""])
        return t

    # ---- linked data ---------------------------------------------------------------------------------------
    def iri(self, kind: str, rid: str) -> str:
        return f"{self.meta['base']}{kind}/{_iri_safe(rid)}"

    def ref(self, rid: str) -> dict:
        return {"@id": self.iri("jurisdiction" if rid in self.a.jurisdictions else "org", rid)}

    def instant(self, d: Date | None, unknown: bool = False) -> dict | None:
        if unknown:
            return {"@type": "time:Instant", "rdfs:label": "不详"}
        if d is None:
            return None
        out: dict = {"@type": "time:Instant", "rdfs:label": d.chinese()}
        _, earliest, latest = date_cells(d)
        if earliest:
            out["zhi:earliest"] = {"@value": earliest, "@type": "xsd:date"}
        if latest:
            out["zhi:latest"] = {"@value": latest, "@type": "xsd:date"}
        if d.qualifier == "exact" and d.end is None and not d.start.part:
            p = d.start
            out.update({"time:inXSDDate": {"@value": earliest, "@type": "xsd:date"}} if p.day else
                       {"time:inXSDgYearMonth": {"@value": f"{p.year:04d}-{p.month:02d}", "@type": "xsd:gYearMonth"}}
                       if p.month else {"time:inXSDgYear": {"@value": f"{p.year:04d}", "@type": "xsd:gYear"}})
        return out

    def interval(self, start: Date | None, end: Date | None, end_unknown: bool = False, note: str = "") -> dict:
        out: dict = {"@type": "time:Interval"}
        if (b := self.instant(start)) is not None:
            out["time:hasBeginning"] = b
        if (e := self.instant(end, end_unknown)) is not None:
            out["time:hasEnd"] = e
        if note:
            out["zhi:endNote"] = note
        return out

    def span_interval(self, tl: Timeline, s: Span) -> dict:
        unknown = self.end_unknown(tl, s)
        return self.interval(s.start, None if unknown else s.end, unknown, self.end_note(tl, s))

    def jsonld(self) -> dict:
        graph: list[dict] = []
        posts_seen: dict[tuple[str, str], str] = {}
        for rid, tl in self.h.timelines.items():
            graph.append(self.entity_node(rid, tl))
        for e in self.h.events:
            graph.append(self.event_node(e))
        for d in self.a.documents.values():
            node = {"@id": self.iri("document", d.id), "@type": "foaf:Document", "dcterms:identifier": d.id,
                    "rdfs:label": d.heading}
            if d.number:
                node["zhi:documentNumber"] = d.number
            if d.title:
                node["dcterms:title"] = d.title
            if d.description:
                node["dcterms:description"] = d.description
            if d.date:
                node["dcterms:date"] = d.date.chinese()
                node["time:hasTime"] = self.instant(d.date)
            if d.issuer:
                node["zhi:issuerName"] = d.issuer
            if d.issuer_body:
                node["dcterms:creator"] = self.ref(d.issuer_body.id)
            if d.genre:
                node["dcterms:type"] = d.genre
            if d.publisher:
                node["dcterms:publisher"] = d.publisher
            graph.append(node)
        for p in self.a.people.values():
            if p.unnamed:   # 姓名不详: a holder, no person (the membership says 姓名不详)
                continue
            node = {"@id": self.iri("person", p.id), "@type": "foaf:Person", "foaf:name": p.name,
                    "dcterms:identifier": p.id}
            if p.gender:
                node["foaf:gender"] = p.gender
            if p.born:
                node["zhi:born"] = self.instant(p.born)
            if p.died:
                node["zhi:died"] = self.instant(p.died)
            graph.append(node)
        for p in self.a.posts:
            key = (p.body.id, p.post)
            if key not in posts_seen:
                posts_seen[key] = self.iri("post", f"{p.body.id}/{p.post}")
                graph.append({"@id": posts_seen[key], "@type": "org:Post", "rdfs:label": p.post,
                              "org:postIn": self.ref(p.body.id), "org:role": {"@id": self.iri("role", p.post)}})
            holder = {"@id": self.iri("person", p.person.id)} if self.holder(p) else {"rdfs:label": self.holder_said(p)}
            graph.append({"@id": self.iri("membership", self.post_ids[id(p)]), "@type": "org:Membership",
                          "org:member": holder, "org:organization": self.ref(p.body.id),
                          "org:role": {"@id": self.iri("role", p.post)}, "zhi:post": {"@id": posts_seen[key]},
                          "org:memberDuring": self.interval(None if p.start_unknown else p.start, p.end,
                                                            p.end_unknown, "" if p.end or p.end_unknown
                                                            else "至下限仍在任"),
                          **({"zhi:term": p.term} if p.term else {}),
                          **({"zhi:inOffice": [self.instant(d) for d in p.in_office],
                              "rdfs:comment": in_office_note(p)} if p.in_office else {}),
                          **({"dcterms:source": [self.doc_ref(c.doc) for c in p.sources]} if p.sources else {})})
        for role in dict.fromkeys(post for _, post in posts_seen):
            graph.append({"@id": self.iri("role", role), "@type": "org:Role", "skos:prefLabel": role})
        for kind in dict.fromkeys(b.body_kind for b in self.a.bodies.values() if b.body_kind):
            graph.append({"@id": self.iri("kind", kind), "@type": "skos:Concept", "skos:prefLabel": kind})
        for f in self.figs:
            for g, reading in [(f, "采用")] + [(o, "另说") for o in f.others]:
                node = {"@id": self.iri("staffing", self.figure_id(f) + ("" if g is f else "-alt")),
                        "@type": "zhi:StaffingFigure", "zhi:scope": self.ref(f.scope),
                        "dcterms:date": f.date.chinese(), "time:hasTime": self.instant(f.date),
                        "zhi:basis": BASIS_ZH.get(f.basis, f.basis), "zhi:reading": reading,
                        "zhi:count": [{"zhi:category": kind_label(k), "rdf:value": v}
                                      for k, v in g.staffing.posts.items()] +
                                     [{"zhi:category": f"领导职数：{k}", "rdf:value": v}
                                      for k, v in g.staffing.leaders.items()]}
                if f.system:
                    node["zhi:system"] = f.system
                if g.staffing.scope_note:
                    node["zhi:scopeNote"] = g.staffing.scope_note
                if g.sources:
                    node["dcterms:source"] = [self.doc_ref(c.doc) for c in g.sources]
                graph.append(node)
        graph.insert(0, {"@id": self.meta["base"] + "dataset", "@type": "dcterms:Dataset",
                         "dcterms:title": self.meta["title"], "dcterms:license": self.meta["licence"],
                         "dcterms:hasVersion": self.meta["version"], "zhi:edition": self.meta["edition_zh"]})
        return {"@context": self.context(), "@graph": graph}

    def doc_ref(self, doc: str) -> dict:
        return {"@id": self.iri("document", doc)}

    def context(self) -> dict:
        return {"@language": "zh", "org": "http://www.w3.org/ns/org#", "dcterms": "http://purl.org/dc/terms/",
                "time": "http://www.w3.org/2006/time#", "skos": "http://www.w3.org/2004/02/skos/core#",
                "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                "xsd": "http://www.w3.org/2001/XMLSchema#", "foaf": "http://xmlns.com/foaf/0.1/",
                "zhi": self.meta["base"] + "vocab#",
                "rdf:value": {"@type": "xsd:integer"}, "zhi:lifeCount": {"@type": "xsd:integer"}}

    def entity_node(self, rid: str, tl: Timeline) -> dict:
        juris = tl.is_jurisdiction
        node: dict = {"@id": self.iri("jurisdiction" if juris else "org", rid),
                      "@type": ["dcterms:Jurisdiction"] if juris else ["org:Organization"],
                      "dcterms:identifier": rid, "skos:prefLabel": tl.current_name()}
        rec = self.a.jurisdictions.get(rid) if juris else self.a.bodies.get(rid)
        node["zhi:inVolume"] = bool(rec.in_scope) if rec else True
        if tl.distinguish:   # 区别语: another record bears the same name (the labels stay the name itself)
            node["zhi:distinguish"] = tl.distinguish
        if not juris and rec and rec.body_kind:
            node["org:classification"] = {"@id": self.iri("kind", rec.body_kind)}
        node["zhi:existence"] = [self.span_interval(tl, s) | {
            "zhi:startEvent": self.event_ref(s.start_event),
            "zhi:endEvent": None if self.end_unknown(tl, s) else self.event_ref(s.end_event)} for s in tl.lives]
        node["zhi:endStatus"] = self.life_status(tl)[1]
        if tl.end_unknown and tl.last_known:
            node["zhi:lastKnown"] = self.instant(tl.last_known)
        node["zhi:name"] = [{"@type": "zhi:Name", "zhi:nameType": "名称", "rdfs:label": s.value[0],
                             **({"zhi:shortName": s.value[1]} if s.value[1] else {}),
                             "zhi:during": self.span_interval(tl, s)} for s in tl.names] + \
                           [{"@type": "zhi:Name", "zhi:nameType": "加挂牌子", "rdfs:label": s.value,
                             "zhi:during": self.span_interval(tl, s)} for s in tl.second_names]
        alt = sorted({s.value[0] for s in tl.names} - {tl.current_name()}) + sorted({s.value for s in tl.second_names})
        if alt:
            node["skos:altLabel"] = alt
        parents = [s for s in tl.parents if s.value]
        known = [s.value for s in parents if s.value != UNKNOWN]
        if known:
            node["org:subOrganizationOf" if not juris else "zhi:within"] = [self.ref(v) for v in dict.fromkeys(known)]
        if parents:  # a period whose parent is not known (不详) has a name and no zhi:parent
            node["zhi:parentPeriod"] = [{**({"zhi:parent": self.ref(s.value)} if s.value != UNKNOWN else {}),
                                         "zhi:nameThen": name_on(self.h, s.value, s.start) if s.value != UNKNOWN
                                         else UNKNOWN,
                                         **({"zhi:relation": self._period_relation("parents", s, tl.id)}
                                            if s.value != UNKNOWN else {}),
                                         "zhi:during": self.span_interval(tl, s)} for s in parents]
        for item, key in (("jurisdictions", "zhi:jurisdictionPeriod"), ("colocations", "zhi:coLocation")):
            spans = [s for s in getattr(tl, item) if s.value]
            if spans:  # a place not known (不详: it outlived its jurisdiction) has a name and no zhi:with
                node[key] = [{**({"zhi:with": self.ref(s.value)} if s.value != UNKNOWN else {}),
                              "zhi:nameThen": name_on(self.h, s.value, s.start) if s.value != UNKNOWN else UNKNOWN,
                              "zhi:during": self.span_interval(tl, s)} for s in spans]
        if tl.co_jurisdictions:   # 市县合署: a body of these jurisdictions as well as of its 主
            node["zhi:alsoJurisdiction"] = [{"zhi:with": [self.ref(c) for c in s.value],
                                             "zhi:during": self.span_interval(tl, s)} for s in tl.co_jurisdictions]
        if tl.co_parents:
            node["zhi:dualLeadership"] = [{"zhi:with": [self.ref(c) for c in s.value],
                                           "zhi:during": self.span_interval(tl, s)} for s in tl.co_parents]
        for item, key in (("ranks", "zhi:rank"), ("kinds", "zhi:kindPeriod"), ("levels", "zhi:level"),
                          ("suspensions", "zhi:suspension")):
            spans = getattr(tl, item)
            if spans:
                node[key] = [{"rdfs:label": str(s.value or "停止活动"), "zhi:during": self.span_interval(tl, s)}
                             for s in spans]
        if tl.predecessors:
            node["zhi:predecessor"] = [{"zhi:body": self.ref(p), "zhi:nameThen": name_on(self.h, p, e.date),
                                        "zhi:event": self.event_ref(e)} for p, e in tl.predecessors]
        if tl.successors:
            node["zhi:successor"] = [{"zhi:body": self.ref(s), "zhi:nameThen": name_on(self.h, s, e.date),
                                      "zhi:event": self.event_ref(e)} for s, e in tl.successors]
        if tl.events:
            node["org:changedBy"] = [self.event_ref(e) for e in tl.events]
        return {k: v for k, v in node.items() if v is not None}

    def event_ref(self, e: Event | None) -> dict | None:
        return {"@id": self.iri("event", self.eid(e))} if e is not None and not e.origin_unknown else None

    def event_node(self, e: Event) -> dict:
        roles = self.roles(e)
        before = [rid for role, rid, _ in roles if role in ("主体", "原机构", "部分并入", "划出方", "恢复自", "合署办公",
                                                            "分开办公")]
        after = [rid for role, rid, _ in roles if role in ("新设", "恢复", "结果机构", "职能承接", "划入方", "合署办公", "分开办公")]
        if e.type not in ("establish", "merge", "split", "reorganise", "abolish", "restore"):
            after += [rid for role, rid, _ in roles if role == "主体"]   # a rename, a second name: the body lives on
        en = self.by_event.get(id(e))
        sup, dis = self.event_sources(e)
        node = {"@id": self.iri("event", self.eid(e)), "@type": "org:ChangeEvent", "dcterms:identifier": self.eid(e),
                "zhi:eventType": e.type, "rdfs:label": e.said_zh, "dcterms:date": e.date.chinese(),
                "time:hasTime": self.instant(e.date),
                "org:originalOrganization": [self.ref(r) for r in dict.fromkeys(before)],
                "org:resultingOrganization": [self.ref(r) for r in dict.fromkeys(after)],
                "zhi:participant": [{"zhi:role": role, "zhi:body": self.ref(rid), "zhi:nameUsed": name}
                                    for role, rid, name in roles]}
        if e.wording:
            node["zhi:wording"] = e.wording
        if e.decided:
            node["zhi:decided"] = self.instant(e.decided)
        if en is not None:
            node["dcterms:description"] = en.plain()
        if sup:
            node["dcterms:source"] = [self.doc_ref(d) for d in sup.split("；")]
        if dis:
            node["zhi:dissentingSource"] = [self.doc_ref(d) for d in dis.split("；")]
        if e.conflict_note:
            node["zhi:kaoyi"] = e.conflict_note
        if e.type in ("add-name", "drop-name", "rename") and e.name:
            node["zhi:name"] = e.name
        return {k: v for k, v in node.items() if v not in (None, [])}

    # ---- Popolo ----------------------------------------------------------------------------------------------
    @staticmethod
    def popolo_date(d: Date | None) -> str | None:
        """Popolo's ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD) for an exact date; None for one it cannot say."""
        if d is None or d.qualifier != "exact" or d.end is not None or d.start.part:
            return None
        return d.start.iso()

    def popolo_dates(self, prefix: str, d: Date | None, unknown: bool = False, note: str = "") -> dict:
        text, earliest, latest = date_cells(d, unknown)
        out = {f"{prefix}_date": self.popolo_date(d), f"{prefix}_date_text": text or None,
               f"{prefix}_earliest": earliest or None, f"{prefix}_latest": latest or None}
        if note:
            out[f"{prefix}_note"] = note
        return {k: v for k, v in out.items() if v is not None}

    def popolo_span_end(self, tl: Timeline, s: Span, prefix: str = "end", note: str | None = None) -> dict:
        unknown = self.end_unknown(tl, s)
        return self.popolo_dates(prefix, None if unknown else s.end, unknown,
                                 self.end_note(tl, s) if note is None else note)

    def popolo(self) -> dict:
        orgs = []
        for rid, tl in self.h.timelines.items():
            rec = self.a.jurisdictions.get(rid) if tl.is_jurisdiction else self.a.bodies.get(rid)
            how = self.life_status(tl)[1]
            org = {"id": rid, "name": tl.current_name(),
                   "classification": "行政区划" if tl.is_jurisdiction else (rec.body_kind if rec else ""),
                   "other_names": [{"name": s.value[0], **self.popolo_dates("start", s.start),
                                    **self.popolo_span_end(tl, s)} for s in tl.names]
                   + [{"name": s.value, "note": "加挂牌子", **self.popolo_dates("start", s.start),
                       **self.popolo_span_end(tl, s)} for s in tl.second_names],
                   **(self.popolo_dates("founding", tl.start) if tl.earlier_unknown is None
                      else self.popolo_dates("founding", None, True, EARLIER_UNKNOWN)),
                   **(self.popolo_span_end(tl, tl.lives[-1], "dissolution", how) if tl.lives
                      else self.popolo_dates("dissolution", None, False, how))}
            parent = tl.parents[-1].value if tl.parents else None
            if parent and parent != UNKNOWN:
                org["parent_id"] = parent
                org["parent_relation"] = self._period_relation("parents", tl.parents[-1], tl.id)
            orgs.append(org)
        posts, seen = [], set()
        for p in self.a.posts:
            pid = f"{p.body.id}/{p.post}"
            if pid not in seen:
                seen.add(pid)
                posts.append({"id": pid, "label": p.post, "organization_id": p.body.id})
        persons = [{"id": p.id, "name": p.name, **({"gender": p.gender} if p.gender else {}),
                    **self.popolo_dates("birth", p.born), **self.popolo_dates("death", p.died)}
                   for p in self.a.people.values() if not p.unnamed]
        memberships = [{"id": self.post_ids[id(p)],
                        **({"person_id": p.person.id} if self.holder(p) else {"note": self.holder_said(p)}),
                        "organization_id": p.body.id,
                        "post_id": f"{p.body.id}/{p.post}", "role": p.post,
                        **self.popolo_dates("start", None if p.start_unknown else p.start,
                                            p.start_unknown or p.start is None),
                        **self.popolo_dates("end", p.end, p.end_unknown,
                                            "" if p.end or p.end_unknown else "至下限仍在任"),
                        **({"label": p.term} if p.term else {}),
                        **({"in_office": [{k.removeprefix("on_"): v for k, v in self.popolo_dates("on", d).items()}
                                          for d in p.in_office],
                            "note": "；".join(x for x in ("" if self.holder(p) else self.holder_said(p),
                                                          in_office_note(p)) if x)} if p.in_office else {})}
                       for p in self.a.posts]
        return {"meta": {k: self.meta.get(k, "") for k in ("title", "edition_zh", "licence", "version", "lower")},
                "organizations": orgs, "posts": posts, "persons": persons, "memberships": memberships}


def in_office_note(p) -> str:
    """What the in-office days of a post say, and no more: the source shows the person in office on them."""
    days = "、".join(d.chinese() for d in p.in_office)
    unknown = ("任职起止不详" if (p.start_unknown or p.start is None) and p.end_unknown
               else "到任不详" if p.start_unknown or p.start is None else "离任不详" if p.end_unknown else "")
    return f"来源只见其于{days}在任" + (f"，{unknown}" if unknown else "")


# ---- files -------------------------------------------------------------------------------------------------
def csv_bytes(t: Table) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([c.name for c in t.columns])
    w.writerows(csv_row(r) for r in t.rows)
    return buf.getvalue().encode("utf-8-sig")  # with a BOM, so that Excel reads it as UTF-8


def xlsx_bytes(tables: list[Table], meta: dict, sheet_cache: Path | None = None) -> bytes:
    about = [["书名", meta["title"]], ["版本", meta["edition_zh"]], ["数据版本", meta["version"]],
             ["许可", meta["licence"]], ["说明", "各工作表的列见网站“数据下载”页的数据字典"]]
    sheets = [Sheet("说明", [], about, plain=True)]
    sheets += [Sheet(t.title, [c.name for c in t.columns], t.rows) for t in tables]
    stamp = _dt.datetime.fromtimestamp(meta["epoch"], _dt.UTC).replace(tzinfo=None)
    return workbook_bytes(sheets, meta["title"], stamp, sheet_cache)


@dataclass
class Export:
    files: dict[str, bytes]      # path in the site → bytes
    tables: list[Table]
    meta: dict


def export(a: Archive, h: History, meta: dict, entries: list[Entry] | None = None,
           figs: list[Figure] | None = None) -> Export:
    od = OpenData(a, h, meta, entries, figs)
    tables = od.tables()
    files = {f"{DATA_DIR}/{t.csv_name}": csv_bytes(t) for t in tables}
    files[f"{DATA_DIR}/{WORKBOOK}"] = _cached_workbook(tables, meta, b"".join(files.values()))
    files[f"{DATA_DIR}/{JSONLD}"] = json.dumps(od.jsonld(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    files[f"{DATA_DIR}/{POPOLO}"] = json.dumps(od.popolo(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Export(files, tables, meta)


def _cached_workbook(tables: list[Table], meta: dict, csv: bytes) -> bytes:
    """The workbook, from the cache when the same tables were written before (an edit that changes no fact, a
    preview that rebuilds on every save): writing a workbook is most of the export's time."""
    import hashlib
    from importlib.metadata import version

    cache = meta.get("cache_dir")
    if not cache:
        return xlsx_bytes(tables, meta)
    key = hashlib.sha256(csv + json.dumps([meta.get(k) for k in ("title", "edition_zh", "version", "licence", "epoch")]
                                          + [version("openpyxl")], ensure_ascii=False).encode()).hexdigest()
    folder = Path(cache)
    path = folder / f"{key[:32]}.xlsx"
    if path.is_file():
        return path.read_bytes()
    data = xlsx_bytes(tables, meta, folder / "sheets")
    folder.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    tmp.write_bytes(data)
    tmp.replace(path)  # a half-written file is never taken for a workbook
    for old in sorted(folder.glob("*.xlsx"), key=lambda p: p.stat().st_mtime)[:-4]:
        old.unlink(missing_ok=True)   # the last few (public, internal) are kept
    return data


def metadata(root, a: Archive, edition: str, edition_zh: str) -> dict:
    """What the files and the download page say about themselves: title, edition, licence, version, IRI base."""
    import os

    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    book = a.book
    site_url = (getattr(book, "site_url", "") or "").strip() if book is not None else ""
    # IRIs under the published site where book.yaml gives its address; otherwise URNs that name no host
    base = site_url.rstrip("/") + "/shuju/id/" if site_url else "urn:zhi:"
    licence = getattr(book, "licence", "") if book is not None else ""
    return {"title": (book.title if book is not None and book.title else "机构编制志"), "edition": edition,
            "edition_zh": edition_zh, "licence": licence or DEFAULT_LICENCE, "licence_default": not licence,
            "version": version_info(root, epoch), "epoch": epoch, "base": base,
            "cache_dir": str(root / ".cache" / "opendata"),
            "lower": book.lower.chinese() if book is not None and book.lower else ""}


def version_info(root, epoch: int) -> str:
    """The commit the archive was built from (and whether its sources had uncommitted changes), and the date."""
    import subprocess

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False,
                                  timeout=10).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    commit = git("rev-parse", "--short=12", "HEAD")
    day = _dt.datetime.fromtimestamp(epoch, _dt.UTC).date().isoformat()
    if not re.fullmatch(r"[0-9a-f]{7,40}", commit):
        return f"未在 git 中管理（生成于 {day}）"
    dirty = git("status", "--porcelain", "--", "sources", "chronicle")
    return f"提交 {commit}{'（另有未提交的改动）' if dirty else ''}，生成于 {day}"
