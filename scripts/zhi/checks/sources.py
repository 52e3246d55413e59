"""史实观: every fact has a source, sources agree, dates are in order."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..chronicle import FRONT_MATTER_LIKE, PASSAGE_LIKE, bare, marker_inside, stray_level
from ..citations import chosen_reading, incompatible_pairs, sourced, split, stated
from ..dates import after_lower
from ..findings import Finding, Loc
from ..history import History
from ..model import BASIS_ZH, Archive, Event
from ..rawhtml import has_markup
from ..views.naming import name_before

# a transcription that says any of these speaks of ranks: a rank it does not spell out may be the editor's reading
# of it (相当于科级, 按副县级配备), which the check does not second-guess
_RANK_WORDS = re.compile(r"规格|级别|[正副][股科处县局厅部]级|[股科处局厅]级|升格|降格|相当于")
# a transcription that says a part is missing (原件此处缺页) may have lost the sentence that gave the rank
_INCOMPLETE = re.compile(r"缺页|缺损|残缺|此处缺|漏抄|未录|从略|略去|（略）|\(略\)")


def _transcript(d) -> str | None:
    """A document's transcription text, or None (none recorded, or unreadable: nothing to compare with)."""
    try:
        return d.transcription.read_text(encoding="utf-8") if d.transcription else None
    except (OSError, UnicodeDecodeError):
        return None


def check_kind_unknown(a: Archive, h: History) -> Iterator[Finding]:
    """One warning listing the bodies whose kind no source gives (kind: 不详): a to-do, never a guess."""
    unknown = [b for b in a.bodies.values() if b.in_scope and b.kind_unknown
               and not ((t := h.get(b.id)) is not None and any(s.value for s in t.kinds))]
    if unknown:
        names = "、".join(f"{(t.current_name() if (t := h.get(b.id)) and t.names else b.id)}（{b.id}）" for b in unknown)
        yield Finding("kind-unknown", "warning",
                      f"{len(unknown)}个机构类别不详（kind: 不详）：{names}。志书不印它们的类别，一览的“类别”栏印“不详”，"
                      "按类别计的机构数不计入它们。查到来源的，请照来源改写 kind（可写的类别见编辑指南“机构”）",
                      unknown[0].loc, [b.loc for b in unknown[1:]])


def check_rank_sourced(a: Archive, h: History) -> Iterator[Finding]:
    """A rank (规格) recorded on an event whose every supporting source is a transcribed document that says
    nothing of ranks at all: the rank is not the sources' (史实观). Sources without a transcription (or cited from a
    published volume) are not read: the rank may be theirs, and nothing is said."""
    for e in a.events:
        ranked = ([(e.rank, e.loc, name_before(h, e.body.id, e) if e.body else "")] if e.rank else []) + [
            (nb.rank, nb.loc, nb.name or rid) for rid, nb in e.new.items() if nb.rank]
        if not ranked:
            continue
        docs = [a.documents.get(c.doc) for c in split(e, h)[0]]
        texts = [_transcript(d) if d is not None else None for d in docs]
        if not texts or any(t is None or _RANK_WORDS.search(t) or _INCOMPLETE.search(t) for t in texts):
            continue
        cited = "、".join(d.shown_number or d.title or d.id for d in docs if d is not None)
        for rank, loc, who in ranked:
            yield Finding("rank-unsourced", "warning",
                          f"{e.type_zh}事件给{who}记了规格“{rank}”，但所据文件（{cited}）的全文都没有说到规格；"
                          "志书只印来源所载的规格。请核对：全文没有的，删去 rank（志书印“规格不详”或不印）；"
                          "规格另有文件的，把那份文件加进 sources", loc)


def check_event_sources(a: Archive, h: History) -> Iterator[Finding]:
    for e in a.events:
        if not e.sources:
            yield Finding("event-no-source", "error",
                          f"{e.type_zh}事件{('“' + e.id + '”') if e.id else ''}没有来源；请在 sources 中写明依据的文件编号",
                          e.loc)
        elif not split(e, h)[0]:
            # every source says otherwise: the reading printed would rest on nothing (史实观)
            yield Finding("event-no-source", "error",
                          f"{e.type_zh}事件{('“' + e.id + '”') if e.id else ''}所列来源都与所记不同（都是“另据”），"
                          f"没有一份来源支持本条的说法；请补上支持所取说法的来源，或照来源改正本条",
                          e.loc, [c.loc for c in e.sources])
        yield from _conflicts(e, h, f"{e.type_zh}事件", a)
        if e.decided and e.date and e.decided.earliest() > e.date.latest():
            yield Finding("date-order", "warning",
                          f"{e.type_zh}事件的决定日期{e.decided}晚于生效日期{e.date}；请核对是否写反", e.loc)
        for c in e.sources:
            if c.decided is not None and e.decided is None:
                yield Finding("source-decided", "warning",
                              f"来源“{c.doc}”写了决定（批准）日期{c.decided}，{e.type_zh}事件本身却没有写 decided："
                              f"事件的决定日期志书不印；请在事件上写 decided: {c.decided}（与来源一致），"
                              "来源所记的是生效日期的，把来源的 decided 改为 date", c.loc)
    for rec, what, cites in sourced(a):
        if not isinstance(rec, Event):
            for c in cites:
                if c.decided is not None:
                    yield Finding("schema-unknown-key", "error",
                                  f"{what}的来源“{c.doc}”写了 decided（决定日期）：只有事件有决定日期；"
                                  "来源所记的日期不同的，请写 date", c.loc)
    for m in a.memos:
        if not m.sources:
            yield Finding("memo-no-source", "error",
                          f"记事{('“' + m.id + '”') if m.id else ''}没有来源；大事记只记来源所载之事，请在 sources 中写明依据的文件编号",
                          m.loc)
    # 任职 and 编制 are facts like any other: the volume prints none that no source gives (史实观)
    for p in a.posts:
        if not p.sources:
            yield Finding("post-no-source", "error",
                          f"任职（{_post_label(a, p)}）没有来源；志书只印有出处的任职，请在 sources 中写明任免文件、"
                          "组织史资料或年鉴等的文件编号", p.loc)
    for s in a.staffing:
        if not s.sources:
            yield Finding("staffing-no-source", "error",
                          f"编制记录（{_staffing_label(s)}）没有来源；志书只印有出处的编制数，请在 sources 中写明"
                          "编制文件或统计年报等的文件编号", s.loc)
    yield from _classified_only(a)
    for p in a.posts:
        if p.start and p.end and p.start.earliest() > p.end.latest():
            yield Finding("date-order", "warning", f"任职起始日期{p.start}晚于终止日期{p.end}", p.loc)
    for b in a.bodies.values():
        for u in b.units:
            if u.start and u.end and u.start.earliest() > u.end.latest():
                yield Finding("date-order", "warning", f"内设机构“{u.name}”的起始日期{u.start}晚于终止日期{u.end}", u.loc)
        yield from _unit_changes(b)
    for s in a.staffing:
        if s.figures is not None and not s.figures.says_anything():
            yield Finding("staffing-empty", "warning", "编制记录中没有任何编制数或领导职数", s.loc)
    # 实有干部312人, 未配备专职人员 are what was there, never what was approved: a record (or an event) saying only
    # that is 实有 (or 设置), not printed under 核定
    said_only = [(s.figures, s.basis, "编制记录", "basis: 实有", s.loc) for s in a.staffing if s.figures is not None]
    said_only += [(e.staffing, e.staffing.basis or "approved", "事件的编制", "口径: 实有", e.staffing.loc)
                  for e in a.events if e.staffing is not None]
    for fig, basis, what, mend, loc in said_only:
        if fig.besides_posts() and not (fig.posts or fig.leaders or fig.parts) and basis not in ("actual", "set"):
            yield Finding("schema-value", "error",
                          f"{what}只写了{'、'.join(fig.besides_posts())}，口径却是“{BASIS_ZH.get(basis, basis)}”：人数、"
                          f"未配备的人员是实际的情况，不是核定的编制；请写 {mend}", loc)
    for e in a.events:
        if e.staffing is not None and not e.staffing.says_anything():
            yield Finding("staffing-empty", "warning", "事件的编制中没有任何编制数或领导职数", e.staffing.loc)


def _classified_only(a: Archive) -> Iterator[Finding]:
    """source-classified: an open record every source of which is above 公开. One rule for every record that rests on
    sources (citations.sourced), as the edition applies it (citations.stated): the public edition holds none of its
    sources, and does not state the fact at all — a 任职, 编制, 记事, a body file's 见于 or 至今, a name outside the
    volume; an event (editions.edition_test), so that what it sets up is withheld with it (fail closed)."""
    from ..model import Body, Event, Memo, OutsideName, Post, Remark, StaffingFigure

    public = {k for k, d in a.documents.items() if d.classification.rank == 0}
    for rec, what, cites in sourced(a):
        if rec.classification.rank != 0 or not cites or stated(rec, public):
            continue
        levels = [a.documents[c.doc].classification for c in cites if c.doc in a.documents]
        if not levels:
            continue   # (an unknown document: ref-unknown)
        said = "、".join(str(lv) for lv in levels)
        if isinstance(rec, Event):
            told, whose = ("公开版不说此事：只凭高于公开的文件记下的事，按来源的密级处理（摘录保留来源的密级）；"
                           "它所设立的机构若没有别的公开记载，公开版也不收这个机构"), "事件"
        elif isinstance(rec, Memo):
            told, whose = "公开版不收此条", "记事"
        elif isinstance(rec, Post):
            told, whose = (f"公开版不收此条：领导名录、人物页、大事记和开放数据都不列{_post_label(a, rec)}"
                           f"（内部版照收，注明来源）"), "任职"
        elif isinstance(rec, StaffingFigure):
            told, whose = (f"公开版不收此条：{_staffing_label(rec)}的这些编制数不印，编制表、合计和开放数据都没有它"
                           f"（内部版照收，注明来源）"), "编制记录"
        elif isinstance(rec, Body):
            told = ("公开版不说它“至今”仍在，机构页印“止年不详”" if rec.extant else "") + \
                   ("；" if rec.extant and rec.seen else "") + \
                   ("公开版不用“seen（见于）”的日期，“最后见于”只据公开版所收的记载" if rec.seen else "")
            whose = "机构"
        elif isinstance(rec, OutsideName):
            told, whose = "公开版不印这个名称", "这个名称"
        elif isinstance(rec, Remark):
            told, whose = "公开版不印这条附注", "机构"
        else:
            continue
        yield Finding("source-classified", "warning",
                      f"公开的{what}只有非公开来源（{said}），{told}；请补一个公开来源，"
                      f"或把{whose}的密级定为不低于来源", rec.loc)


def _post_label(a: Archive, p) -> str:
    person = a.people.get(p.person.id) if p.person else None
    return "".join(x for x in ((person.name if person else ""), p.post or "") if x) or "这一任职"


def _staffing_label(s) -> str:
    who = s.body.id if s.body else (s.jurisdiction.id if s.jurisdiction else "")
    who = "".join(x for x in (who, getattr(s, "system", None) and f"的{s.system}") if x)
    return f"{who}，{s.date.chinese()}" if s.date else who


def _unit_changes(b) -> Iterator[Finding]:
    """A 内设机构 made by merging or renaming others of the same body: the others are there, and end as it begins."""
    named = {u.name: u for u in b.units}
    for u in b.units:
        olds = [*u.merged_from, *([u.renamed_from] if u.renamed_from else [])]
        if not olds:
            continue
        how = "merged_from（由哪些内设机构合并）" if u.merged_from else "renamed_from（原名）"
        if u.merged_from and u.renamed_from:
            yield Finding("unit-merge", "error", f"内设机构“{u.name}”既写了 merged_from 又写了 renamed_from；来源说合并的写"
                          f" merged_from，说更名的写 renamed_from，只写一个", u.loc)
        if u.merged_from and len(u.merged_from) < 2:
            yield Finding("unit-merge", "error", f"内设机构“{u.name}”的 merged_from 只写了一个内设机构；合并至少有两个，"
                          f"来源说的是更名的，改写 renamed_from: {u.merged_from[0]}", u.loc)
        if u.start is None:
            yield Finding("unit-merge", "error", f"内设机构“{u.name}”写了 {how}，却没有写起始日期 from；请照来源写合并"
                          f"（更名）的日期，如 from: 1996-12", u.loc)
        for name in olds:
            old = named.get(name)
            if old is u or name == u.name:
                yield Finding("unit-merge", "error", f"内设机构“{u.name}”的 {how} 中写的是它自己的名称；一个内设机构不能由"
                              f"它自己合并或更名而来。请写原内设机构的名称（它另作一项写进 units，写明 to）", u.loc)
            elif old is None:
                yield Finding("unit-merge", "error", f"内设机构“{u.name}”的 {how} 中的“{name}”不是"
                              f"{b.id}的内设机构；"
                              f"请先把它写进同一机构的 units，或核对名称（{'、'.join(named) or '没有内设机构'}）", u.loc)
            elif u.start is not None and old.end is not None and not old.end.same_as(u.start):
                yield Finding("unit-merge", "error", f"内设机构“{name}”的终止日期 {old.end} 与它{'并入' if u.merged_from else '更名为'}"
                              f"“{u.name}”的日期 {u.start} 不同；写了 {how} 的，原内设机构的 to 可以不写（止于同一天）", old.loc)


def secret_side(a: Archive, level, docs=()) -> str:
    """“（秘密来源）” after a reading that a record or a source above 公开 gives: an editor resolving the
    conflict must not copy it into open text. Empty for an open reading."""
    from ..classification import highest

    lv = highest([level] + [a.documents[d].classification for d in docs if d in a.documents])
    return f"（{lv.name}来源，不得写入公开记录或正文）" if lv.rank > 0 else ""


def _conflicts(rec, h: History, what: str, a: Archive) -> Iterator[Finding]:
    """source-conflict: a source that says otherwise than the reading chosen, or two sources that cannot both
    be right. A less precise source that is consistent (1983 and 1983-08) agrees and raises nothing."""
    supports, dissents = split(rec, h)
    # two supporting sources that cannot both be right (each consistent with a vaguer record)
    pairs = [(x, y) for x, y in incompatible_pairs(rec) if any(x is c for c in supports) and any(y is c for c in supports)]
    if not dissents and not pairs:
        return
    chosen = chosen_reading(rec, dissents, h) if dissents else (str(rec.date) if rec.date else "")
    parts = [f"{d.citation.doc} {d.phrase()}" + secret_side(a, rec.classification, [d.citation.doc])
             for d in dissents]
    parts += [f"{x.doc} 记为{x.date}而 {y.doc} 记为{y.date}，两者不能同为一日" for x, y in pairs]
    note = getattr(rec, "conflict_note", "") or ""
    yield Finding("source-conflict", "info" if note else "warning",
                  f"{what}的来源说法不一（{'；'.join(parts)}；本条取{chosen or '记录所写'}）"
                  + ("；没有一份来源支持所取的说法" if dissents and not supports else "")
                  + (f"。考异：{note}" if note else
                     "；请核对原件，在 conflict_note（考异）中写明取舍的理由（志书中这些来源印作“另据……”）"),
                  rec.loc, [d.citation.loc for d in dissents] + [c.loc for pair in pairs for c in pair])


_SHORT_YEAR = re.compile(r"^[约<>]?(\d{3})(?![\d年])")


def _dated(a: Archive):
    """(what, date, loc) of every date an editor wrote."""
    for e in a.events:
        yield "事件日期", e.date, e.loc
        yield "决定日期", e.decided, e.loc
        for c in e.sources:
            yield "来源所记日期", c.date, c.loc
    for p in a.posts:
        yield "任职起止", p.start, p.loc
        yield "任职起止", p.end, p.loc
    for s in a.staffing:
        yield "编制日期", s.date, s.loc
        for c in s.sources:
            yield "来源所记日期", c.date, c.loc
    for d in a.documents.values():
        yield "成文日期", d.date, d.loc
    for m in a.memos:
        yield "记事日期", getattr(m, "date", None), m.loc


def check_short_years(a: Archive, h: History) -> Iterator[Finding]:
    """A year of three digits written bare (984) whose four-digit reading (1984) lies inside the book's 上限 and
    下限 may be a digit left out: a warning; written with 年 (984年) it is taken as meant."""
    upper, lower = getattr(a.book, "upper", None), getattr(a.book, "lower", None)
    if upper is None or lower is None:
        return
    first, last = upper.earliest().year, lower.latest().year
    for what, d, loc in _dated(a):
        m = _SHORT_YEAR.match(d.text.strip()) if d is not None and d.text else None
        if not m:
            continue
        y = int(m.group(1))
        near = [n for n in (1000 + y, 2000 + y) if first <= n <= last]
        if near:
            yield Finding("date-short-year", "warning",
                          f"{what}“{d.text}”读作公元{y}年。若是{near[0]}年少写了一位，请写全；"
                          f"确是公元{y}年的，写作“{y}年”（带“年”字），此提示即不再出现", loc)


def check_rename_same(a: Archive, h: History) -> Iterator[Finding]:
    """A rename to the name the body already bears: printed, it reads 甲更名为甲 (the 宁化 tester's 工人俱乐部)."""
    for e in a.events:
        if e.type != "rename" or not e.body or not e.name or e.body.id not in h.timelines:
            continue
        if name_before(h, e.body.id, e) == e.name:
            yield Finding("rename-same", "warning",
                          f"更名事件的新名称“{e.name}”与它此前的名称相同，志书会印作“{e.name}更名为{e.name}”；"
                          f"请核对：来源说的若是简称、牌子或规格的变化，改记相应的事件（简称写 short）；确无变化的，删去这一条", e.loc)


def check_after_lower(a: Archive, h: History) -> Iterator[Finding]:
    """An event, a leader's appointment or a 记事 dated wholly after the book's 下限: the volume does not record
    it, so the 年表 and the 大事记 leave it out; a warning, so that a mistyped year is found."""
    lower = getattr(a.book, "lower", None)
    if lower is None:
        return
    taken = {id(rec) for rec, _, _ in a.source_dated}
    for rec, loc, doc in a.source_dated:
        if after_lower(rec.date, lower):   # the source's own date, not what it tells of: never silently dropped
            yield Finding("date-invalid", "error",
                          f"“date: 见于来源”取了来源{doc.label}（{doc.id}）的日期“{rec.date.chinese()}”（{doc.genre or '文件'}"
                          f"成书、发布的日期），晚于本志下限（{lower.chinese()}）：照此，这件事在下限以后，哪一版都不收。来源所记"
                          f"止于哪一年，请在该文件的记录里写 covers（记述下限，如 covers: {lower.chinese().removesuffix('年')}），"
                          "“见于来源”就取“那一年或以前”；或照来源写出这件事的日期", loc, [doc.loc])
    dated = ([("事件", e.date, e.loc) for e in a.events if id(e) not in taken]
             + [("任职", p.start, p.loc) for p in a.posts]
             + [("记事", m.date, m.loc) for m in a.memos if id(m) not in taken])
    for what, d, loc in dated:
        if after_lower(d, lower):
            yield Finding("after-lower", "warning",
                          f"{what}日期“{d.text or d.chinese()}”晚于本志下限（{lower.chinese()}）：下限以后的事本志不记，"
                          f"网站、志书都不收（大事记、机构变动年表不印，机构的名称、层级也不用它）。若日期写错了，请改正；确是下限以后的事，可删去这条记录", loc)


def check_documents(a: Archive, h: History) -> Iterator[Finding]:
    for d in a.documents.values():
        if not d.number:
            continue
        if d.docno is None:
            yield Finding("docno-unparsed", "warning",
                          f"发文字号“{d.number}”无法识别；规范写法为“机关代字〔年份〕序号号”，如“冀编办〔2019〕12号”", d.loc)
            continue
        if d.docno.problems:
            yield Finding("docno-malformed", "warning",
                          f"发文字号“{d.number}”与规范写法不同：{'；'.join(d.docno.problems)}。"
                          f"若原件即如此，保留原样即可（检索时按“{d.docno.normalised}”）", d.loc)
        if d.date and d.docno.year != d.date.year and d.date.qualifier == "exact" and d.date.end is None:
            yield Finding("docno-year", "warning",
                          f"发文字号中的年份 {d.docno.year} 与成文日期{d.date}不符；请核对", d.loc)
    for number, docs in sorted(a.documents_by_number().items()):
        if len(docs) > 1:
            first = docs[0]
            for other in docs[1:]:
                yield Finding("docno-duplicate", "error",
                              f"发文字号“{number}”已用于文件“{first.id}”；同一文件只应登记一次，若确为两件文件请核对文号",
                              other.loc, [first.loc])
    for d in a.documents.values():
        if d.transcription and d.transcription.is_file():
            try:
                text = d.transcription.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                yield Finding("file-encoding", "error", "全文文件不是 UTF-8 编码；请另存为 UTF-8", d.loc)
                continue
            rel = d.transcription.relative_to(a.root).as_posix() if d.transcription.is_relative_to(a.root) \
                else str(d.transcription)
            yield from _marks_in_full_text(text, rel)
            for i, line in enumerate(text.splitlines(), 1):
                if has_markup(line):
                    yield Finding("raw-html", "error",
                                  f"文件全文中含有 HTML 标记（{line.strip()[:30]}）；全文应为纯文字或 Markdown，"
                                  f"请删去尖括号标记（输出时会按原文字显示，不会执行）", Loc(rel, i))
                    break
    cited = {c.doc for _, _, cites in sourced(a) for c in cites}
    for d in a.documents.values():
        if d.id not in cited:
            yield Finding("doc-uncited", "info", f"文件“{d.heading}”（{d.id}）尚未被任何事件、任职、编制、记事记录或机构文件引用",
                          d.loc)


def _kinds_of_people(figs: list) -> str:
    """What to do first when the differing figures are head-counts of different kinds of people (人员: 专职统计员 /
    人员: 兼职统计员): two categories, not two readings; one record, 人数 by kind (guide/staffing.md “几类人分列”)."""
    said = [(x.staffing.counted, x.staffing.headcount) for x in figs]
    if any(x.staffing.posts or not c or n is None for x, (c, n) in zip(figs, said, strict=True)) \
            or len({c for c, _n in said}) < len(said):
        return ""
    by_kind = ", ".join(f"{c}: {getattr(n, 'said', n)}" for c, n in said)
    return (f"这几条的“人员”各不相同（{'、'.join(c for c, _n in said)}），多半是来源分列的几类人，不是两说：请合为一条，"
            f"写 人数: {{{by_kind}}}，不写 人员（见编辑指南“几类人分列”）。若确是同一类人的不同记载，")


def check_staffing(a: Archive, h: History) -> Iterator[Finding]:
    """Staffing figures that sources state differently (source-conflict), and a jurisdiction's own figure that
    differs from the sum of its bodies' figures on its date (staffing-sum-differs)."""
    from ..views.naming import name_on
    from ..views.staffing import figures, same_figures, staffing_words, sum_disagreements, whole_name

    def who(f) -> str:
        return name_on(h, f.scope, f.date) + (f"{f.system}系统" if f.system else "")

    def cited(f) -> str:
        return "、".join(c.doc for c in f.sources) or f.origin

    figs = figures(a)
    for f in figs:
        if f.others:
            readings = [f"{staffing_words(x.staffing)}（{cited(x)}）"
                        + secret_side(a, x.classification, [c.doc for c in x.sources]) for x in [f, *f.others]]
            resolved = any(x.conflict_note for x in [f, *f.others])
            loc = next((s.loc for s in a.staffing if (s.id or str(s.loc)) == f.others[0].origin), None) \
                or next((e.loc for e in a.events if (e.id or str(e.loc)) == f.others[0].origin), None)
            yield Finding("source-conflict", "info" if resolved else "warning",
                          f"{who(f)}{f.date}的{BASIS_ZH[f.basis]}编制有不同记载：{'；'.join(readings)}。"
                          + _kinds_of_people([f, *f.others]) +
                          "表中按第一种合计，并注明另一说；请核对原件，把两条合为一条记录，所依之数写在 figures，"
                          "另一来源写成 {doc: 文件编号, figures: {…}}，并在 conflict_note（考异）中写明取舍",
                          loc or Loc(""), [])
    for s in a.staffing:
        if s.figures is None:
            continue
        differing = [c for c in s.sources if c.figures is not None and not same_figures(c.figures, s.figures)]
        if differing:
            parts = [f"{c.doc} 记为{staffing_words(c.figures)}" + secret_side(a, s.classification, [c.doc])
                     for c in differing]
            yield Finding("source-conflict", "info" if s.conflict_note else "warning",
                          f"编制记录的来源数字不一致（{'；'.join(parts)}；本记录取{staffing_words(s.figures)}）"
                          + (f"。考异：{s.conflict_note}" if s.conflict_note else
                             "；请核对原件，在 conflict_note（考异）中写明取舍的理由"),
                          s.loc, [c.loc for c in differing])
    yield from _after_lower(a, h, figs)
    for f, diff in sum_disagreements(a, h, figs):
        loc = next((s.loc for s in a.staffing if (s.id or str(s.loc)) == f.origin), Loc(""))
        parts = "；".join(f"{k}：{who(f)}{v}名，各机构合计{total}名" for k, (v, total) in diff.items())
        yield Finding("staffing-sum-differs", "warning",
                      f"{who(f)}{f.date}核定编制与同日各机构核定数合计不同（{parts}）。编制统计表两数并列，"
                      f"分别标为“{whole_name(h, f.jurisdiction, f.date)}核定编制”与“各机构核定数合计”；若是机构编制未录全，可补录，"
                      f"或在体例中把本检查项设为提示", loc)


def check_staffing_basis(a: Archive, h: History) -> Iterator[Finding]:
    """staffing-basis-unsaid: a figure with no 口径 prints as 核定 (核定某局编制28名); when every source of it is a
    published work (a 志书 saying only “编制28人”), the approval may be the editor's word, not the source's."""
    def published_only(sources) -> bool:
        docs = [a.documents.get(c.doc) for c in sources]
        return bool(docs) and all(d is not None and d.genre for d in docs)

    said = ("来源是志书、年鉴、网页等出版物，只说“编制28人”、没有说经过核定的，请写 {key}: 记载，印作“编制28名”；"
            "来源说了“核定”的，写 {key}: 核定，这条提示就不再出现")
    for s in a.staffing:
        if not s.basis_said and not s.event and published_only(s.sources):
            yield Finding("staffing-basis-unsaid", "warning",
                          "编制记录没有写 basis（口径），按“核定”印出。" + said.format(key="basis"), s.loc)
    for e in a.events:
        if e.staffing is not None and not e.staffing.basis and published_only(e.sources):
            yield Finding("staffing-basis-unsaid", "warning",
                          "事件里的编制没有写“口径”，按“核定”印出（大事记、年表印“核定……编制”）。"
                          + said.format(key="口径"), e.staffing.loc)


def _after_lower(a: Archive, h: History, figs: list) -> Iterator[Finding]:
    """staffing-after-lower: a figure certainly dated after the book's 下限 is outside the book: no year's table
    holds it, no record list prints it (越境不书)."""
    from ..views.naming import name_on
    from ..views.staffing import staffing_words

    lower = getattr(a.book, "lower", None)
    if lower is None:
        return
    origins = {s.id or str(s.loc): s.loc for s in a.staffing} | {e.id or str(e.loc): e.loc for e in a.events}
    for f in figs:
        if f.date.earliest() > lower.latest():
            who = name_on(h, f.scope, f.date) + (f"{f.system}系统" if f.system else "")
            yield Finding("staffing-after-lower", "warning",
                          f"{who}的编制数（{staffing_words(f.staffing)}）日期为{f.date}，在本志下限（{lower}）之后：编制统计表、"
                          f"区划编制记载都不收它。请核对日期；确是下限以后的数字，不入本志，可删去这条记录，"
                          f"或改动 chronicle/book.yaml 的 lower", origins.get(f.origin, Loc("")))


def _marks_in_full_text(text: str, rel: str) -> Iterator[Finding]:
    """A full text has no passages and no front matter of its own: its level is the document record's. A marker
    or a level written inside it is never printed as plain text and never ignored: the build is refused until the
    editor moves the level into the record (or splits the classified part into a record of its own)."""
    lines = text.removeprefix("\ufeff").splitlines()
    first = next((i for i, line in enumerate(lines) if bare(line)), None)
    for i, line in enumerate(lines):
        b = bare(line)
        if PASSAGE_LIKE.match(b) or marker_inside(line) or stray_level(line) or (i == first and FRONT_MATTER_LIKE.match(b)):
            yield Finding("passage-invalid", "error",
                          f"文件全文第{i + 1}行“{line.strip()[:30]}”是密级标记或文件头；全文不分段定密，zhi 不认识其中的标记，"
                          f"按最高密级处理，任何版本都不生成。请删去这一行，在文件记录中写“classification”；"
                          f"若全文只有一部分涉密，请把这部分另立一条有密级的文件记录", Loc(rel, i + 1))
