"""Checks on the volume's prose: references to records resolve, headings have no gaps."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..chapterimages import IMAGE_SUFFIXES, local_images, resolve
from ..chronicle import line_levels, notes_and_links
from ..classification import Level
from ..editions import EDITION_ZH, EDITIONS, filter_archive, in_dropped
from ..findings import Finding, Loc
from ..history import History, lives_label
from ..model import Archive
from ..rawhtml import PROSE_TAGS, disallowed_tags
from ..safelinks import safe_url

# Python-Markdown's attribute lists ({: onclick=…}, {#id .class}) are not read in prose: they would let text set
# any HTML attribute. Such a brace is printed as written; the editor is told.
ATTR_LIST = re.compile(r"\{\s*[:#.][^{}]*\}")
INTERNAL = Level("内部")
# a link target the site will not make a link (javascript:, data:, file: …): printed as plain text
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
# a ruby's annotation: what the page shows above (or beside) the text is not where the line's words stand
RUBY_TAG = re.compile(r"<\s*/?\s*r(?:[tp]|uby)\b", re.IGNORECASE)
RUBY_ADVICE = ("。注音标记 <ruby>、<rt>、<rp> 不能用：注音显示在字的上方，页面上读到的文字与 zhi 检查读到的不一样；"
               "需要注音，请写在字后的括号里，如“茌（chí）平”")
# an abbreviation's definition (*[BL]: 白鹭九号联络站, Markdown Extra's abbr): no edition reads it (the extension is
# not enabled), so the line is printed as it stands and no abbreviation is explained; refused, and read like any
# text by the secrecy checks meanwhile
ABBR_DEF = re.compile(r"^ {0,3}\*\[[^\]]*\] ?:")
# an image from another site: a reader's browser would fetch it (the site is meant to work offline, and the
# address learns who reads the page)
REMOTE_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?(?:https?:)?//", re.IGNORECASE)


def check_prose(a: Archive, h: History) -> Iterator[Finding]:
    book = a.book
    if book is None:
        return
    events = a.events_by_id()
    for ch in book.checked():
        for r in ch.refs:
            if a.record(r.id) is None and r.id not in events:
                yield Finding("ref-unknown", "error",
                              f"正文引用“[[{r.id}]]”找不到对应的记录；请核对编号（机构、文件、人物、事件的 id）", r.loc)
                continue
            t = h.get(r.id)
            if r.date is not None and t is not None and t.start is not None \
                    and (t.definitely_before_start(r.date) or t.definitely_after_end(r.date)):
                    yield Finding("name-invalid", "error",
                                  f"正文引用“[[{r.id}@{r.date.iso()}]]”：{t.current_name()}在{r.date}并不存在"
                                  f"（存续期：{lives_label(t)}）", r.loc)
        for d in ch.directives:
            if d.problem:
                yield Finding("directive-invalid", "error", f"表格指令有误：{d.problem}", d.loc)
            elif d.target and a.record(d.target) is None:
                yield Finding("ref-unknown", "error", f"表格指令引用的“{d.target}”找不到对应的记录", d.loc)
            elif d.kind == "snapshot" and d.target not in a.jurisdictions:
                yield Finding("directive-invalid", "error", f"机构设置一览的对象应为行政区划，“{d.target}”不是", d.loc)
            elif d.kind in ("staffing", "units", "remarks") and d.target not in a.bodies:
                what = {"staffing": "编制表", "units": "内设机构表", "remarks": "附注"}[d.kind]
                yield Finding("directive-invalid", "error", f"{what}的对象应为机构，“{d.target}”不是", d.loc)
            elif d.kind == "chronology" and d.target and d.target not in a.jurisdictions:
                yield Finding("directive-invalid", "error", f"大事记摘录的对象应为行政区划，“{d.target}”不是", d.loc)
        for i, line in enumerate(ch.body.splitlines()):
            yield from _images(a, ch, line, Loc(ch.path, ch.body_line + i))
            if ATTR_LIST.search(line):
                yield Finding("prose-attr", "warning",
                              f"正文中的“{ATTR_LIST.search(line).group(0)[:30]}”是网页属性写法，zhi 不支持，会原样印出；请删去",
                              Loc(ch.path, ch.body_line + i))
            for m in LINK_TARGET.finditer(line):
                if m.group(0).startswith("]") and not safe_url(m.group(1)):
                    yield Finding("prose-link", "warning",
                                  f"链接地址“{m.group(1)[:30]}”不是网址（只认 http、https、mailto 和站内链接），"
                                  f"不会成为链接，括号里的文字可能残留在正文里；请删去这个链接",
                                  Loc(ch.path, ch.body_line + i))
            if ABBR_DEF.match(line):
                yield Finding("prose-abbr", "error",
                              f"“{line.strip()[:30]}”是缩写定义的写法，zhi 不支持：这一行会原样印在正文里，正文里的缩写也不会"
                              f"加上全称；请删去这一行，在缩写第一次出现处的括号里写出全称，如“县编委（县机构编制委员会）”",
                              Loc(ch.path, ch.body_line + i))
            if REMOTE_IMAGE.search(line):
                yield Finding("prose-link", "warning",
                              "正文中的图片取自别的网站：读者打开网页时浏览器会去那个网站取图，光盘版、U盘版看不到；"
                              "请把图片文件放进项目，用相对路径引用", Loc(ch.path, ch.body_line + i))
            bad = disallowed_tags(line)
            if bad:
                yield Finding("raw-html-prose", "error",
                              f"正文中有不允许的 HTML 标记 {bad[0]}；正文只可用 {'、'.join(sorted(PROSE_TAGS))} 这几种不带属性的标记，"
                              f"其余的一律不收，请删去这个标记{RUBY_ADVICE if RUBY_TAG.match(bad[0]) else ''}",
                              Loc(ch.path, ch.body_line + i))
        yield from _notes_withheld(ch)
        for level, first, last in ch.passages:
            if last < 0:
                yield Finding("passage-unclosed", "error",
                              f"“::: {level.name}”标记的段落没有用单独一行“:::”结束；未结束的段落会一直延续到章末",
                              Loc(ch.path, ch.body_line + first))
        prev = 0
        for hd in ch.headings:
            if prev and hd.level > prev + 1:
                yield Finding("heading-gap", "error",
                              f"标题“{hd.title}”是 {hd.level} 级，但上一个标题是 {prev} 级，中间缺了一级；"
                              f"章用“#”，节用“##”，目用“###”", hd.loc)
            prev = hd.level


def _notes_withheld(ch) -> Iterator[Finding]:
    """A footnote call or a reference link in text printed at a lower level than every definition of its label
    (the definition stands in a marked passage the call is outside): the edition that prints the call drops the
    definition, and prints "[^x]" or "[文字][x]" as typed."""
    if "]" not in ch.body or not ch.passages:
        return
    defs, uses = notes_and_links(ch)
    if not defs:
        return
    levels = line_levels(ch)
    where: dict[tuple[str, str], list[int]] = {}
    for d in defs:
        where.setdefault((d.kind, d.label), []).append(d.lines[0])
    told = set()
    for u in uses:
        at = where.get((u.kind, u.label))
        if not at or min(levels[i].rank for i in at) <= levels[u.line].rank or (u.kind, u.label, u.line) in told:
            continue   # no definition (printed as typed, as ever), or one printed wherever the call is
        first = min(at, key=lambda i: levels[i].rank)
        level = levels[first]
        eds = "和".join(EDITION_ZH[e] for e, lim in EDITIONS.items() if levels[u.line].rank <= lim.rank < level.rank)
        if not eds:
            continue   # no edition prints the call either
        told.add((u.kind, u.label, u.line))
        if u.kind == "note":
            what, shows = f"脚注“[^{u.label}]”的注文", f"“[^{u.label}]”"
            mend = "若注文可以公开，请把它移到段落外；否则把引用它的这句话也放进段落"
        else:
            what, shows = f"链接“[{u.label}]”的地址", "方括号和其中的文字"
            mend = "若地址可以公开，请把“[…]: 地址”这一行移到段落外，或改用“[文字](地址)”直接写地址；否则把这句话也放进段落"
        yield Finding("note-in-passage", "error",
                      f"{what}只写在第{ch.body_line + first}行的“::: {level.name}”段落里，这一行却在段落外："
                      f"{eds}印这一行而不收那个段落，这里会原样印出{shows}。{mend}", Loc(ch.path, ch.body_line + u.line))


def check_secret_refs(a: Archive, h: History) -> Iterator[Finding]:
    """A reference in text that an edition prints, to a record no edition holds (秘密 and above, or brought into
    being only by such an event): the edition prints its label (or id) as plain text, the editor's own naming of
    a secret record. Refused; inside a ``::: 秘密`` passage or a secret chapter it is never printed and is fine."""
    if a.book is None:
        return
    internal = filter_archive(a, "internal", h, whole_time=True)   # a body set up after the 下限 is no secret
    held = set(internal.bodies) | set(internal.jurisdictions) | set(internal.documents) | set(internal.people) \
        | {e.id for e in internal.events}
    events = a.events_by_id()
    for ch in a.book.checked():
        if ch.classification.rank > INTERNAL.rank:
            continue
        for r in ch.refs:
            if r.id in held or (a.record(r.id) is None and r.id not in events):
                continue   # held, or unknown (ref-unknown says so)
            if in_dropped(ch, r.loc.line, INTERNAL):
                continue
            shown = f"[[{r.id}|{r.text}]]" if r.text else f"[[{r.id}]]"
            yield Finding("ref-secret", "error",
                          f"正文引用“{shown}”指向的记录密级在秘密以上（或只由秘密以上的事件设立），不进公开版和内部版；"
                          f"这里的文字会原样印出，等于把它公开。请删去这处引用，或把这段话放进“::: 秘密”（或相应密级）段落",
                          r.loc)


def _images(a: Archive, ch, line: str, loc: Loc) -> Iterator[Finding]:
    """An image of the chapter's own (``![图题](images/x.png)``, beside the chapter's file) that the site cannot show:
    missing, outside chronicle/ (never copied into a site), or of a kind zhi does not copy."""
    for target, _ in local_images(line):
        _file, why = resolve(a.root, ch.path, target)
        if why == "missing":
            yield Finding("file-missing", "error", f"正文中的图片“{target}”不存在（路径从这一章的文件所在的文件夹算起）；"
                          f"网站上会是一张破图。请把图片放到那里，或改正路径", loc)
        elif why == "outside":
            yield Finding("path-outside", "error", f"正文中的图片“{target}”不在 chronicle/ 之内，zhi 不会把它复制进网站；"
                          f"请把图片放进 chronicle/（如这一章旁边的 images/ 文件夹）", loc)
        elif why == "kind":
            yield Finding("prose-link", "warning", f"正文中的图片“{target}”不是网站能显示、zhi 会复制的格式"
                          f"（{'、'.join(s.lstrip('.') for s in IMAGE_SUFFIXES)}），网站上不印这张图（网页里删去这个图片）；"
                          f"请另存为 PNG 或 JPG", loc)

