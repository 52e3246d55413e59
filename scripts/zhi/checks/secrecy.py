"""保密观 before any build: an open record must not carry what a classified one holds.

* ``secret-shared``: a title, name, id or 文号 of a classified record appears in a record (or its full text)
  of a lower level; or a sentence of a classified text is held word for word by fewer open records than make
  it a formula of the trade (``leaks.FORMULA_RECORDS``). The leak scan keeps it forbidden in every edition below its level, so the build would be
  refused anyway; this names both records at check time.
  A public chapter (or a passage of it) that types out a classified record's title, name, 文号 or a sentence
  of its full text is named with its line, as the build's scan would stop it (``_chapters``).
* ``secret-copy``: a document of a lower level whose full text is, for the most part, the full text of a
  classified one (a copy registered without 文号 or mark), or whose title is the classified one's title.
* ``kaoyi-withheld``: a record's 考异 (conflict_note) is about sources an edition that prints the record does not
  hold; that edition drops the 考异 (``editions.filter_archive``), and the editor is told.
"""

from __future__ import annotations

import bisect
import dataclasses
import html
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ..citations import docs_named, kaoyi_withheld, rival_figures
from ..classification import Level, highest
from ..cores import apart_units
from ..editions import EDITION_ZH, EDITIONS
from ..findings import Finding, Loc
from ..history import History
from ..leaks import (
    ID_LIKE,
    Entry,
    _checked,
    dashed,
    distinctive,
    docno_written,
    entries,
    finds,
    fold,
    four_readings,
    holds,
    id_pattern,
    is_formula,
    key_skeletons,
    label_is_open,
    name_joined,
    name_parts,
    open_text,
    other_bearer,
    own_names,
    percent_readings,
    pinyin_opens,
    punycode_decoded,
    punycoded,
    readings,
    sentence_holders,
    skeleton_readings,
    skeleton_within,
    skeletons,
    stated_apart,
    towns_below,
    with_entities_decoded,
)
from ..model import Archive, Typed

COPY_SHARE = 0.5   # share of a classified text's sentences found in a lower-level text that makes it a copy


def check_secrecy(a: Archive, h: History) -> Iterator[Finding]:
    ents = entries(a)
    by_origin: dict[str, list[Entry]] = defaultdict(list)
    for e in ents:
        by_origin[e.holder].append(e)
    # one text per record (with its full text and every text typed into it), at the lowest level of its parts;
    # for each level, the texts of the records below it joined into one string (a string is looked for once, not
    # once per record)
    pieces: dict[str, list[Piece]] = defaultdict(list)
    # first: a typed text knows its key's line (in the order of the file: a 记事's text before its note)
    for _, t, level, holder in sorted(typed_texts(a), key=lambda x: (x[1].loc.file, x[1].loc.line) if x[1].loc else ("", 0)):
        pieces[holder].append(Piece(t.text, level, t.loc, "考异" if t.key == "conflict_note" else ""))
    for o, piece in _printed_whole(a):
        pieces[o].append(piece)
    for o, es in by_origin.items():
        said = [Piece(x.text, x.level, x.loc, x.part) for x in es if x.kind != "figure"]
        if said and not es[0].chapter:   # (a count of people is looked for, not said: ``leaks.figure_strings``)
            pieces[o] += said
    texts = {o: (min(x.level.rank for x in ps), "\n".join(x.text for x in ps), ps) for o, ps in pieces.items()}
    below: dict[int, tuple[str, str, list[int], list[int], list[str]]] = {}

    def joined(rank: int):
        if rank not in below:
            items = [(o, raw) for o, (r, raw, _) in texts.items() if r < rank]
            # every reading, and each with its punctuation out (a name split by marks: 金丝雀·七号)
            # (&#38593; in a record's text: a reader of the page decodes it, ``entities_decoded``)
            folded = ["\0".join(_bare_too(fold(x) for x in _record_readings(raw))) + "\0" for _, raw in items]
            raws = [raw + "\0" for _, raw in items]
            below[rank] = ("".join(folded), "".join(raws), _starts(folded), _starts(raws), [o for o, _ in items])
        return below[rank]

    reported = set()
    open_label = _open_labels(ents)
    names = own_names(a)
    conflicts = _stems_made_open(a, ents, names, own_names(a, shorts=True))
    # a lower name holding a secret name's part is named once, as the conflict it is (secret-stem-public)
    reported |= {(holder, whole) for _, holder, whole in conflicts}   # (every part of that name)
    notes = {**{f"事件 {r.id}": r.conflict_note for r in a.events if r.conflict_note},   # as leaks.entries names
             **{f"{r.kind_zh} {r.id or r.loc}": r.conflict_note for r in [*a.staffing, *a.memos] if r.conflict_note}}
    for e in ents:
        if e.kind == "sentence" or not e.level.rank or e.chapter or not _checked(e):
            continue
        if open_label(e):
            continue
        folded, raw, f_starts, r_starts, origins = joined(e.level.rank)
        if ID_LIKE.fullmatch(e.text):
            hits = [bisect.bisect_right(r_starts, m.start()) - 1 for m in id_pattern([e.text]).finditer(raw)]
        else:
            hits = []
            for key, within in _keys(e):
                hits += [bisect.bisect_right(f_starts, pos) - 1 for pos in finds(key, folded, within)]
        mine = e.holder
        for origin in dict.fromkeys(origins[i] for i in hits):
            if origin == mine or (origin, e.text) in reported or (origin, e.whole) in reported \
                    or _kaoyi_only(e, origin, notes, pieces, a):
                continue
            reported.update([(origin, e.text), *([(origin, e.whole)] if e.whole else [])])   # (one part of a name)
            ps = texts[origin][2]
            level = min((x.level for x in ps), key=lambda lv: lv.rank)
            if (own := _own_name(a, e, origin, level, _where(ps, e))) is not None:
                yield own
                continue
            if (same := _same_name(a, names, e, origin, level, _where(ps, e))) is not None:
                yield same
                continue
            yield Finding("secret-shared", "error",
                          f"{origin}（{level}）含有{e.origin}（{e.level}）的“{e.text}”{_stem_said(e)}；"
                          f"密级高的内容不因低密级记录重复而公开，生成时会被保密检查拦下。"
                          f"请删去这处重复，或把{origin}的密级改为不低于“{e.level}”", _where(ps, e))
    yield from _shared_sentences(ents)
    yield from _secret_issuers(a)
    yield from _chapters(a, ents)
    yield from _settings(a, ents)
    yield from _copies(a)
    yield from (f for f, _, _ in conflicts)
    yield from _different_unknown(a)
    yield from apart_units(a)   # (a 内设机构 spelling a secret name after another body's: ``cores``)


def _keys(e: Entry) -> list[tuple[str, tuple[str, ...]]]:
    """What to look for of an entry: its folded text and its ``key_skeletons`` (not a 文号's), each with the texts it
    is opened within (``Entry.within``, ``leaks.skeleton_within``)."""
    key = fold(e.text)
    if e.kind == "docno":
        return [(key, ())]
    return [(key, e.within), *skeleton_within(key, e.within).items()]


def _secret_issuers(a: Archive) -> Iterator[Finding]:
    """A document whose issuer_body (发文机关编号) is a body or jurisdiction classified above the document: every
    edition that prints the document prints that id (the open data's 发文机关编号, the page's link), which the build's
    scan refuses; named here at the issuer_body line."""
    for d in a.documents.values():
        ref = d.issuer_body
        r = (a.bodies.get(ref.id) or a.jurisdictions.get(ref.id)) if ref is not None else None
        if r is None or r.classification.rank <= d.classification.rank:
            continue
        kind = "机构" if ref.id in a.bodies else "行政区划"
        yield Finding("secret-shared", "error",
                      f"文件 {d.id}（{d.classification}）的发文机关编号 issuer_body 写的是{kind} {ref.id}（{r.classification}）；"
                      f"收这份文件的各版都会印出这个编号（开放数据的“发文机关编号”、文件页上的链接），等于说出这个{kind}，"
                      f"生成时会被保密检查拦下。请核对 issuer_body 是否写错；若文件确是它发的，请把文件 {d.id} 的 "
                      f"classification（密级）改为不低于“{r.classification.name}”", ref.loc or d.loc)


def _same_name(a: Archive, names: dict, e: Entry, origin: str, level: Level, where: Loc | None) -> Finding | None:
    """A secret body's name that an open body bears too (two bodies of one name, the secret one not told apart by a
    区别语): the open record is no copy of the secret one, and raising its level is the wrong mend. Said so, with
    the mend that is right: a 区别语 for the secret body (``leaks.entries`` then reads the bare name as the open
    body's)."""
    if e.kind != "name":
        return None
    secret = next((r for r, lv in names.get(fold(e.text), ()) if lv.rank >= e.level.rank), None)
    other = other_bearer(names, e.text, secret, e.level) if secret is not None else None
    if other is None or getattr(secret, "distinguish", ""):
        return None

    def named(r) -> str:
        kind = "机构" if r.id in a.bodies else "行政区划"
        return f"{kind} {r.id}" + (f"（{r.loc.file} 第 {r.loc.line} 行起）" if r.loc else "")

    # an example of a 区别语 from the secret body's own records: the year its first event gives it
    year = min((ev.date.start.year for ev in a.events if ev.date and secret.id in (*ev.new, *([ev.body.id] if ev.body
                                                                                               else []))), default=None)

    return Finding("secret-shared", "error",
                   f"{origin}（{level}）写出的“{e.text}”是{named(other)}的名称，而{e.level.name}的{named(secret)}"
                   f"也叫这个名字：两个机构同名，zhi 分不清写的是哪一个，只能把这个名称当作涉密的，生成时会被保密检查拦下。"
                   f"若确是两个机构，不必提高{origin}的密级：请在 {secret.id} 的记录里写区别语 distinguish（印在名称后括号里"
                   f"的几个字，如“{year or '××'}年设立”；{other.id} 最好也写一个），把两者区别开，见 guide/bodies.md"
                   f"“完整示例：前后两个同名的机构（区别语）”。写了区别语，“{e.text}”就是 {other.id} 的名称，照样公开；"
                   f"涉密的 {secret.id} 连同区别语仍然保密。若其实是同一个机构，请合并为一条记录，并核对密级", where)


def _own_name(a: Archive, e: Entry, origin: str, level: Level, where: Loc | None) -> Finding | None:
    """An event's own name for a body, held at the body's level (``leaks.entries``): found in the event's own text,
    the cause is the body's level, not a repetition. Said so, with the body's classification line: an unreadable
    one (held at 绝密 until mended) is mended there, not by raising the event to 绝密."""
    if e.part != "名称" or e.record != origin or not origin.startswith("事件 "):
        return None
    ev = next((x for x in a.events if f"事件 {x.id}" == origin), None)
    if ev is None:
        return None
    rids = [*ev.new, *([ev.body.id] if ev.body else [])]
    body = next((r for rid in rids if (r := a.bodies.get(rid) or a.jurisdictions.get(rid)) is not None
                 and r.classification.rank == e.level.rank), None)
    if body is None:
        return None
    kind = "机构" if body.id in a.bodies else "行政区划"
    file = body.loc.file if body.loc else ""
    bad = next((f for f in a.findings if f.code == "classification-invalid" and f.loc and f.loc.file == file), None)
    if bad is not None:
        return Finding("secret-shared", "error",
                       f"{origin}（{level}）写出的名称“{e.text}”是{kind} {body.id} 的名称，随{kind}的密级保密；"
                       f"而{kind} {body.id} 的密级无法识别（{bad.loc.file} 第 {bad.loc.line} 行），在改正之前按"
                       f"{e.level.name}处理，这个名称也就不能出现在{level}的事件里。"
                       f"请改正 {bad.loc.file} 第 {bad.loc.line} 行的 classification（密级），不必改动事件",
                       where)
    at = f"（{file} 第 {body.loc.line} 行起）" if body.loc else ""
    return Finding("secret-shared", "error",
                   f"{origin}（{level}）写出的名称“{e.text}”是{kind} {body.id}{at}的名称，{kind}的密级是“{e.level}”，"
                   f"名称随{kind}的密级保密，生成时会被保密检查拦下。请把{origin}的密级改为不低于“{e.level.name}”，"
                   f"或核对{kind} {body.id} 的 classification（密级）是否写对", where)


# what a reader does not see of a line of chapter prose: emphasis and code marks, a footnote call, an HTML tag (an
# aside's content, a superscript or a struck-out character, is read in and out: ``_readings``), a heading's or list's or quote's opening marks (a link's text
# stays; its address is read apart, ``_reading``)
_UNREAD = re.compile(r"\[\^[^\]]*\]|<[^>]{1,200}>|[*_`~\[\]]|^\s{0,3}(?:#{1,6}|[-+>]|\d+\.)\s",
                     re.IGNORECASE)
# a link's address: [text](address "title"), ![alt](address), <https://…>, href= / src= in raw HTML, and a reference
# link's definition ([ref]: address)
_ADDRESS = re.compile(r"\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(]([^)]*)[\"')])?\s*\)|<((?:https?|ftp|mailto):[^>\s]+)>"
                      r"|\b(?:href|src)\s*=\s*[\"']([^\"']*)[\"']|^\s{0,3}\[(?!\^)[^\]]+\]:\s*(\S+)", re.IGNORECASE)


def _readings(line: str) -> tuple[list[str], list[str]]:
    """A line of chapter prose as the page shows it and as the leak scan reads the page, folded: markup out
    (``_UNREAD``), character references and entities decoded (&#23494;, &amp;, also escaped twice), backslash
    escapes taken out (秘\\密 reads 秘密), %-escapes decoded; with the addresses of its links apart (the page
    holds them, in its links), decoded the same way. An aside (a superscript, a subscript, a struck-out character)
    is read in and out, each kind apart too (``leaks.four_readings``): 金丝雀<s>乙</s>甲七 reads 金丝雀甲七 without
    it, 金丝<sup>雀</sup>未号 reads 金丝雀未号 with it, 金丝<sup>雀</sup>未号<s>丙</s> reads 金丝雀未号 with the one and
    without the other. The four readings, in ``four_readings``'s order, and the addresses."""
    addresses = [x for m in _ADDRESS.finditer(line) for x in m.groups() if x]
    shown = _ADDRESS.sub(lambda m: "]" if m.group(0).startswith("]") else "", line)
    texts = [_decoded(_UNREAD.sub("", r)) for r in four_readings(shown)]
    # a person's name read through the marks between its characters (蔺-缃-琦: ``leaks.name_joined``)
    return [*texts, name_joined(texts[0]) or texts[0]], [_decoded(x) for x in addresses]


def _decoded(text: str) -> str:
    """Text as a reader reads it, folded; a %-escaped address in GB18030 (GBK) after it too (``leaks.percent_readings``:
    its UTF-8 reading replaces what does not decode)."""
    from urllib.parse import unquote

    national = ""
    for _ in range(3):   # &amp;#23494; is &#23494; once decoded, and 密 once more
        if "&" not in text and "%" not in text:
            break
        text = html.unescape(text)
        national = national or "\0".join(percent_readings(text)[1:])
        text = unquote(text)
    text = fold(punycode_decoded(text.replace("\\", "")))   # (http://xn--….cn/: the name the address bar shows)
    return text + "\0" + fold(national) if national else text


def _open_labels(ents: list[Entry]):
    """A test whether an entry is a label (an issuer, a source's name for a body) that open records say anyway
    (``leaks.label_is_open``), with the open text below each level made once."""
    said: dict[int, str] = {}

    def test(e: Entry) -> bool:
        if e.kind != "label":
            return False
        if e.level.rank not in said:
            said[e.level.rank] = open_text(ents, e.level.rank)
        return label_is_open(e, said[e.level.rank])
    return test


@dataclass
class _Para:
    """A paragraph of a chapter as a reader sees it: its first line in the body, its folded text (the lines joined,
    as the page prints them), the offset in the text where each further line starts, and the addresses of its
    links by line."""

    first: int
    text: str
    starts: list[int]
    addresses: list[tuple[int, str]]
    bare: bool = False   # a reading through what stands between a name's characters (``leaks.skeletons``)

    def lines_of(self, key: str, within=()) -> list[int]:
        """The lines (in the body) where ``key`` begins (outside what it is opened ``within``: ``leaks.finds``), in
        the text and in the addresses."""
        out = [self.first + max(0, bisect.bisect_right(self.starts, pos) - 1) for pos in finds(key, self.text, within)]
        return [*out, *(i for i, x in self.addresses if holds(key, x, within))]


def _chapter_paragraphs(ch) -> dict[Level, list[_Para]]:
    """A chapter's paragraphs as a reader sees them (``_reading``), by the level they are printed at: the
    chapter's own, or a marked passage's when that is higher (passages nest); fence lines end a paragraph. A
    chapter held at 绝密 for a marker zhi cannot read is read at the level its head gives (``Chapter.written``),
    the passage the marker opens at 绝密: a secret typed into its open lines is named now, not after the marker
    is mended (every problem listed at once); the chapter stays held all the same."""
    lines = ch.body.splitlines()
    level_of = [ch.written or ch.classification] * len(lines)
    fences = set()
    for level, first, last in ch.passages:
        last = len(lines) - 1 if last < 0 else min(last, len(lines) - 1)
        fences.update({first, last})
        for i in range(first, last + 1):
            level_of[i] = highest([level_of[i], level])
    out: dict[Level, list[_Para]] = defaultdict(list)
    para: list[tuple[int, list[str], list[str]]] = []

    def close():
        if para:
            addresses = [(i, x) for i, _, xs in para for x in xs]
            # the paragraph read each of the four ways (``_readings``), once per way that reads differently
            readings = dict.fromkeys(tuple(ts[k] for _, ts, _ in para) for k in range(len(para[0][1])))
            # and each of them read through what stands between a name's characters (金丝雀·七号, 白鹭①九号, 白鹭9号,
            # Luting Qihao), the addresses too: every such reading is a bare one, even when it is the text as it stands
            # (a heading 鹭汀7号联络站 has no mark to take out: its numeral reading is itself)
            bares = dict.fromkeys(b for r in readings for b in zip(*map(skeleton_readings, r), strict=True))
            bare_addresses = [(i, b) for i, x in addresses for b in skeletons(x)]
            for reading, bare in [*((r, False) for r in readings), *((b, True) for b in bares)]:
                starts, text = [], ""
                for t in reading:
                    starts.append(len(text))
                    text += t
                out[level_of[para[0][0]]].append(_Para(para[0][0], text, starts,
                                                       bare_addresses if bare else addresses, bare))
            para.clear()

    for i, line in enumerate(lines):
        if i in fences or not line.strip() or (para and level_of[i] != level_of[para[0][0]]):
            close()
        if i not in fences and line.strip():
            para.append((i, *_readings(line)))
    close()
    return out


def _chapters(a: Archive, ents: list[Entry]) -> Iterator[Finding]:
    """A chapter is where a hurried editor types a secret document's title or a secret body's name into open
    prose; the build's scan would refuse it, the check names every line now. Ids are left to ``ref-secret``
    (a reference to a classified record)."""
    if a.book is None:
        return
    yield from _chapter_file_names(a, ents)
    by_level: dict[Level, list[tuple[object, _Para]]] = defaultdict(list)
    for ch in a.book.chapters():
        for level, paras in _chapter_paragraphs(ch).items():
            by_level[level].extend((ch, p) for p in paras)
    if not by_level:
        return
    yield from _chapter_archive_refs(a, by_level)
    lowest = min(lv.rank for lv in by_level)
    joined = {lv: "\n".join(x for _, p in paras if not p.bare for x in [p.text, *(t for _, t in p.addresses)])
              for lv, paras in by_level.items()}
    joined_bare = {lv: "\n".join(x for _, p in paras if p.bare for x in [p.text, *(t for _, t in p.addresses)])
                   for lv, paras in by_level.items()}
    holders = sentence_holders(ents)
    open_label = _open_labels(ents)
    reported = set()
    held: dict[tuple, Finding] = {}
    for e in ents:
        # a classified chapter's title and sentences too: one copied into an open chapter was named only by the
        # build's scan, by the output file (attack tester)
        if e.kind == "id" or e.level.rank <= lowest or not _checked(e):
            continue
        key = fold(e.text)
        if e.kind == "sentence" and is_formula(holders.get(key, {}), e.level.rank):
            continue
        if open_label(e):
            continue
        bare_keys = _keys(e)[1:]   # (a 文号 has its own readings: ``_holds``)
        for level, paras in by_level.items():
            # looked for once in all the paragraphs of a level, then paragraph by paragraph
            if level.rank >= e.level.rank or not (_holds(joined[level], e, key)
                                                  or any(holds(k, joined_bare[level], w) for k, w in bare_keys)):
                continue
            for ch, p in paras:
                if e.chapter and ch.path == e.holder:
                    continue
                lines = sorted({x for k, w in bare_keys for x in p.lines_of(k, w)}) if p.bare \
                    else _lines_holding(p, e, key)
                for line in lines:
                    if (ch.path, line, key) in reported or (ch.path, line, fold(e.whole)) in reported:
                        continue
                    where = "" if level == (ch.written or ch.classification) else " 的密级段落"
                    if e.held and e.unheld is not None and e.unheld.rank <= level.rank:
                        # secret only while its chapter is held: said last, unless a secret text says it too
                        held.setdefault((ch.path, line, key), _held_shared(ch.path + where, level, e,
                                                                           Loc(ch.path, ch.body_line + line)))
                        continue
                    reported.update([(ch.path, line, key), *([(ch.path, line, fold(e.whole))] if e.whole else [])])
                    yield Finding("secret-shared", "error",
                                  f"{ch.path}{where}（{level}）写出了{e.origin}（{e.level}）的“{e.text}”{_stem_said(e)}；"
                                  f"这一章生成时会被保密检查拦下。请删去这处，"
                                  f"或把这段放进不低于“{e.level.name}”的密级段落（::: {e.level.name}）"
                                  + (f"。又：{e.record} {e.held}zhi 读不懂（见那一行的报错），改正之前那一章整章按绝密处理；"
                                     f"改正之后，这段文字在那里是“{e.unheld.name}”" if e.held and e.unheld else ""),
                                  Loc(ch.path, ch.body_line + line))
    yield from (f for k, f in held.items() if k not in reported)


def _chapter_archive_refs(a: Archive, by_level: dict) -> Iterator[Finding]:
    """A classified document's 档号 (``archive_ref``) typed into a chapter (or a passage) of a lower level, with any
    dash (77—3—419—6): it tells a reader where the secret document is (``identifying``: the same in a record). Named
    at its line; the build's scan refuses a 档号 of eight characters or more (``leaks.entries``)."""
    from ..identifying import MIN_REF, _ref

    refs: dict[str, list] = defaultdict(list)
    for d in a.documents.values():
        if d.classification.rank and len(r := _ref(d.archive_ref)) >= MIN_REF and re.search(r"\d", r):
            refs[r].append(d)
    if not refs:
        return
    rx = id_pattern(refs)
    reported = set()
    for level, paras in by_level.items():
        for ch, p in paras:
            if p.bare:
                continue
            for m in rx.finditer(p.text):
                line = p.first + max(0, bisect.bisect_right(p.starts, m.start()) - 1)
                for d in refs[dashed(m.group(0))]:
                    if d.classification.rank <= level.rank or (ch.path, line, d.id) in reported:
                        continue
                    reported.add((ch.path, line, d.id))
                    yield Finding("secret-shared", "error",
                                  f"{ch.path}（{level}）写出了文件 {d.id}（{d.classification}）的档号“{m.group(0)}”；档号能指认"
                                  f"那份文件，不因写在密级低的正文里而公开。请删去这处，或把这段放进不低于"
                                  f"“{d.classification.name}”的密级段落（::: {d.classification.name}）",
                                  Loc(ch.path, ch.body_line + line))


def _different_unknown(a: Archive) -> Iterator[Finding]:
    """An id in a record's ``different_from`` (非同一机构) that names no body or jurisdiction: the statement resolves
    nothing (a slip of the id leaves the conflict it was written for, secret-stem-public, in force)."""
    places = {**a.jurisdictions, **a.bodies}
    for r in places.values():
        for rid in getattr(r, "different_from", ()):
            if rid not in places:
                kind = "机构" if r.id in a.bodies else "行政区划"
                yield Finding("ref-unknown", "error",
                              f"{kind} {r.id} 的 different_from（非同一机构）写的“{rid}”不是任何机构或行政区划的编号；"
                              f"请写名称含有本记录专名的那个低密级记录的编号", r.loc)


def _stems_made_open(a: Archive, ents: list[Entry], names: dict, bearing: dict) -> list[tuple[Finding, str, str]]:
    """A name of a lower level holding a distinctive part (``leaks.stems``) of another place's name of a higher
    level (公开的“雁汐五号工作处” beside a secret “雁汐五号工作站”): a reader may know the secret place by it, and zhi
    cannot tell whether the two are one body. Named at the lower name, without naming the higher one (only the shared
    characters, which the lower name prints anyway), each with the lower record (its holder) and the higher name.
    An error when the part is more than a place's name and a word of the trade (``leaks.distinctive``): fail closed,
    the part stays secret, so the lower name is refused in print too, until the editor states in the higher record
    that the lower is another body (``different_from``: 非同一机构; ``leaks.stated_apart``) or mends the name. A
    warning for a part that is a place and a word (测试县计划 of a secret 测试县计划局 beside 测试县计划经济委员会): open,
    as the lower name prints it. ``bearing``: ``names`` with the short names events give (``own_names``), so that a
    body's short name is its own when the higher record states it apart (``different_from``)."""
    towns: dict[int, list[str]] = {}
    secret = []
    for e in ents:
        if e.kind == "name" and e.level.rank and not e.whole and not e.chapter and fold(e.text) in names:
            if e.level.rank not in towns:
                towns[e.level.rank] = towns_below(names, a, e.level.rank)
            secret += [(e, part, distinctive(part, towns[e.level.rank]), designation)
                       for part, designation in name_parts(e.text, towns[e.level.rank])]
    if not secret:
        return []
    lines = {(holder, t.text.strip()): t.loc for _, t, _, holder in typed_texts(a) if t.loc is not None}
    reported, out = set(), []
    for x in ents:
        if x.kind != "name" or x.whole or x.chapter or x.loc is None:
            continue
        for e, part, closed, designation in secret:
            if x.level.rank >= e.level.rank or part not in fold(x.text) or fold(x.text) == fold(e.text) \
                    or stated_apart(x, e.text, bearing, designation, e.record) or (x.loc, part) in reported:
                continue   # (the same name, another name of the same place, or stated another body: no conflict)
            reported.add((x.loc, part))
            where = lines.get((x.holder, x.text), x.loc)
            head = f"{x.origin}（{x.level}）的名称“{x.text}”含有一个密级更高的名称的"
            if not closed:
                out.append((Finding("secret-stem-public", "warning",
                                    f"{head}专名部分“{part}”（名称去掉通名后的部分，只是地名加常用词）；有这个{x.level}的名称在，"
                                    f"“{part}”这几个字就不再当作秘密，正文写出它们不会被拦下。请核对这个名称：确是原件的写法，"
                                    f"照原样保留；是抄错或误记的，请改正", where), "", ""))
                break
            out.append((Finding("secret-stem-public", "error", head + _stem_conflict(x, part, bearing, e), where),
                        x.holder, e.text))
            break
    return out


def _stem_conflict(x: Entry, part: str, names: dict, e: Entry) -> str:
    """What ``_stems_made_open`` says of a lower name ``x`` holding a secret part ``part`` of ``e``'s name, after the
    names: stated another body already (``different_from`` opens the designation alone, ``leaks.name_parts``), or
    not yet (then: state it, or merge, or mend)."""
    if stated_apart(x, e.text, names, record=e.record):
        return (f"“{part}”；那个记录虽已写明非同一机构（different_from），但非同一机构只放开两者共有的代号，不放开代号以外的"
                f"字（去掉地名的全称、代号加机构类别词）：“{part}”仍当作秘密，这个名称印不出来（生成时会被保密检查拦下）。"
                f"请核对这个名称：抄错或误记的，请改正；原件确是这样写的，请把这个记录的密级改为不低于那个名称的密级")
    kind = "行政区划" if x.record.startswith("行政区划 ") else "机构"
    rid = x.record.split(" ", 1)[1] if x.record.startswith(("机构 ", "行政区划 ")) else \
        next((getattr(r, "id", "") for r, _ in names.get(fold(x.text), ())), "") or "这个机构的编号"
    return (f"专名部分“{part}”（名称去掉通名后的部分）；zhi 分不清两者是不是同一个机构，只能把“{part}”当作秘密，"
            f"这个名称因此也印不出来（生成时会被保密检查拦下）。请核对：若确是另一个{kind}，在那个密级更高的记录里写"
            f"“different_from: [{rid}]”（非同一机构，见 guide/bodies.md），正文仍不要单写“{part}”；若是同一个机构，"
            f"或名称抄错、误记，请合并记录或改正名称")


def _held_shared(where: str, level: Level, e: Entry, loc: Loc) -> Finding:
    """A chapter's text found in another chapter only because its own chapter is held at 绝密 for a line zhi cannot
    read (``Chapter.held_at``): that line is named as the cause, and the text stays refused until it is mended."""
    return Finding("secret-shared", "error",
                   f"{where}（{level}）与 {e.record} 有相同的文字“{e.text}”。{e.record} {e.held}zhi 读不懂"
                   f"（见那一行的报错），在改正之前那一章整章按绝密处理，它的文字都按绝密保密，所以这里也被拦下，"
                   f"生成时保密检查同样会拦下。请先改正 {e.record} {e.held}；改正之后，这段文字在 {e.record} 里"
                   f"若不高于“{level.name}”，这里就不再报错", loc)


def _stem_said(e: Entry) -> str:
    """For a name's distinctive part (``leaks.name_stems``): what it is cut from, and why it is kept as secret. For a
    place a secret full text names (``leaks.full_text_places``): why it is."""
    if e.kind == "figure":
        return ("（这是涉密记录的人数，写成汉字、约数（“一百七十余人”）也认得出；没有哪条公开记录给出这个数，读者由它可知"
                "涉密机构的规模，与记录一样保密）")
    if e.kind == "place":
        where = "那份文件全文里" if e.record.startswith("文件 ") else "那条涉密记录里"
        return (f"（这是{where}的地名，没有哪份公开文件的标题、全文或公开的机构、行政区划名称说到它，读者由它可知涉密机构"
                "在哪里，与记录一样保密；确有公开来源的，把那份公开文件的全文录入 sources/documents/，这个地名就随之公开）")
    if not e.whole:
        return ""
    if e.kind == "pinyin" and e.record.startswith("人物 "):
        return (f"（即姓名“{e.whole}”的拼音；用拉丁字母拼写，不论大小写、声调、空格和连字符，读者照样认得出是谁，"
                f"与中文姓名一样保密）")
    if e.kind == "pinyin":
        return (f"（即名称“{e.whole}”{'开头' if pinyin_opens(e) else '其中'}几个字的拼音；用拉丁字母拼写，不论大小写、声调、空格和连字符，读者照样认得出"
                f"是哪个机构，与中文名称一样保密）")
    whole, part = fold(e.whole), fold(e.text)
    if part not in whole:   # (another body's name and the secret name's kind: ``cores.apart_with_kind``)
        return (f"（即另一个机构的名称后面接上名称“{e.whole}”的机构类别词，拼出的就是这个涉密机构，读者照样认得出；"
                f"非同一机构 different_from 只放开两者共有的代号，不放开这样拼出的名称）")
    at = max(whole.find(part), 0)
    place = f"地名“{whole[:at]}”和" if at else ""
    return (f"（即名称“{e.whole}”去掉{place}通名“{whole[at + len(part):]}”，读者照样认得出是哪个机构，"
            f"与全称一样保密）")


def _setting_texts(data, line: int) -> Iterator[tuple[str, int]]:
    """Every text of a settings file (``yamlsource`` data) with its line: keys' values, list items, nested."""
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _setting_texts(v, data.line_of(k) if hasattr(data, "line_of") else line)
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _setting_texts(v, data.line_of(i) if hasattr(data, "line_of") else line)
    elif isinstance(data, str) and data.strip():
        yield data, line


def _settings(a: Archive, ents: list[Entry]) -> Iterator[Finding]:
    """The book's settings (chronicle/book.yaml: title, footer, parts' titles, imprint …) and the site's (mkdocs.yml:
    site_description, copyright …) are printed on every page of every edition, the public one too: a classified
    record's title, name or 文号 typed there is refused by the build's scan by the output pages it fills; named here
    at the settings' line. (A chapter's file name is ``_chapter_file_names``'s.)"""
    from ..chronicle import BOOK
    from ..sitesettings import NAME
    from ..yamlsource import YamlFile

    secret = [e for e in ents if e.kind not in ("id", "sentence") and e.level.rank and _checked(e)]
    if not secret:
        return
    open_label = _open_labels(ents)
    for rel in (BOOK, NAME):
        path = a.root / rel
        try:
            data = YamlFile(rel, path.read_text(encoding="utf-8")).data if path.is_file() else None
        except (OSError, UnicodeDecodeError):
            continue
        reported = set()
        for text, line in _setting_texts(data, 1):
            if text.strip().lower().endswith((".md", ".markdown")):
                continue
            folded = "\0".join(_bare_too(_decoded(x) for x in readings(text)))   # (a name split by ①, ·, 9 for 九)
            for e in secret:
                key = fold(e.text)
                if (line, key) in reported or (line, fold(e.whole)) in reported or not key or open_label(e) or not (
                        _holds(folded, e, key) or (e.kind != "docno" and any(k in folded for k in key_skeletons(key)))):
                    continue
                reported.add((line, key))
                yield Finding("secret-shared", "error",
                              f"{rel} 的设置中写出了{e.origin}（{e.level}）的“{e.text}”{_stem_said(e)}；设置里的文字印在每一版"
                              f"（公开版也在内）的每一页上，生成时会被保密检查拦下。请从这一项中删去它",
                              Loc(rel, line))


def _chapter_file_names(a: Archive, ents: list[Entry]) -> Iterator[Finding]:
    """A chapter's file name (and its folders under chronicle/) is its page's address on the site: a secret
    record's title, name, 文号 or id in it is published with the page (the build's scan refuses the folder the
    site makes of it); named at the line of book.yaml that lists the file."""
    from urllib.parse import unquote

    # the entries a name could print, each once (not per chapter): by id, by folded text (a file name is short,
    # so its substrings are looked up, not every entry searched for), 文号 in every writing (``_holds``)
    ids: dict[str, list[int]] = defaultdict(list)
    keys: dict[str, list[int]] = defaultdict(list)
    docnos: list[int] = []
    for i, e in enumerate(ents):
        if e.chapter or not e.level.rank or e.kind == "sentence" or not _checked(e):
            continue
        if e.kind == "id":
            ids[e.text].append(i)
        elif e.kind == "docno":
            docnos.append(i)
        else:
            for k in dict.fromkeys([fold(e.text), *key_skeletons(fold(e.text))]):   # (白鹭①九号: ``skeletons``)
                keys[k].append(i)
    for ch in a.book.chapters():
        rank = (ch.written or ch.classification).rank
        names = [unquote(n) for n in ch.path.removeprefix("chronicle/").split("/")]
        names[-1] = names[-1].rsplit(".", 1)[0]
        folded = _bare_too(fold(n) for n in names)
        hits = {i for n in names for i in ids.get(n, ())}
        hits |= {i for n in folded for j in range(len(n)) for k in range(j + 1, len(n) + 1)
                 for i in keys.get(n[j:k], ())}
        hits |= {i for i in docnos if ents[i].level.rank > rank
                 and any(_holds(n, ents[i], fold(ents[i].text)) for n in folded)}
        e = next((ents[i] for i in sorted(hits) if ents[i].level.rank > rank), None)
        if e is not None:
            yield Finding("secret-shared", "error",
                          f"篇目列出的文件名“{ch.path.removeprefix('chronicle/')}”中有{e.origin}（{e.level}）的"
                          f"“{e.text}”；文件名就是这一章网页的地址，会随网站公开，生成时会被保密检查拦下。"
                          f"请给文件改一个不含它的名字（如 c1.md），并改正 book.yaml 中的这一行",
                          ch.listed_at or Loc(ch.path, 1))


def _lines_holding(p: _Para, e: Entry, key: str) -> list[int]:
    """Each line of the paragraph that says the entry (``_holds``), in order, once."""
    if not _holds(p.text, e, key) and not any(_holds(x, e, key) for _, x in p.addresses):
        return []
    if e.kind != "docno":
        return sorted(set(p.lines_of(key, e.within)))
    # a 文号 written any way the scan reads one: looked for line by line, else the paragraph's first line
    texts = [(p.first + n, p.text[a:b]) for n, (a, b) in enumerate(zip(p.starts, [*p.starts[1:], len(p.text)]))]
    found = sorted({i for i, x in [*texts, *p.addresses] if _holds(x, e, key)})
    return found or [p.first]


def _holds(text: str, e: Entry, key: str) -> bool:
    """Whether folded text says the entry: a 文号 in any writing the scan reads, anything else as it stands."""
    return docno_written(text, [e.text]) if e.kind == "docno" else holds(key, text, e.within)


@dataclass(frozen=True)
class Piece:
    """One text of a record as the check compares it: an entry (``leaks.entries``) or a typed text."""

    text: str
    level: Level
    loc: Loc | None
    part: str = ""


def _where(ps: list[Piece], e: Entry) -> Loc | None:
    """The line of the record's text that holds the entry's string (the record's first line when none is
    known)."""
    keys = _keys(dataclasses.replace(e, kind="name"))
    for x in ps:
        if x.loc is not None and x.level.rank < e.level.rank and (
                (ID_LIKE.fullmatch(e.text) and id_pattern([e.text]).search(x.text))
                or any(holds(k, b, w) for r in _record_readings(x.text) for b in _bare_too([fold(r)]) for k, w in keys)
                or (e.kind == "docno" and docno_written(fold(x.text), [e.text]))):
            return x.loc
    return next((x.loc for x in ps if x.loc is not None), None)


def _record_readings(text: str) -> list[str]:
    """A record's text as a reader may read it: ``leaks.readings`` (character references decoded), and its
    %-escapes decoded in each encoding (``leaks.percent_readings``: a 网页's url, which the document page prints
    decoded, https://x.cn/%B2%D4%CE%E0 in GBK as https://x.cn/苍梧)."""
    return [*readings(with_entities_decoded(text)), *percent_readings(text)]


def _bare_too(texts) -> list[str]:
    """Folded texts, and each read through what stands between a name's characters (``leaks.skeletons``); a
    Punycode domain decoded too (``leaks.punycoded``)."""
    texts = list(texts)
    texts += [d for t in texts for d in [*punycoded(t), *(fold(x) for x in percent_readings(t))]]
    return list(dict.fromkeys([*texts, *(b for t in texts for b in skeletons(t))]))


def _printed_whole(a: Archive) -> Iterator[tuple[str, Piece]]:
    """What an edition prints besides the texts typed into records (``typed_texts``): each line of a document's
    full text (its transcription, held as the document's), and each chapter's title (the title in its head: the
    page's title, the contents, the running head), held as the chapter's."""
    for d in a.documents.values():
        path = d.transcription
        if path is not None and path.is_file():
            rel = path.relative_to(a.root).as_posix() if path.is_relative_to(a.root) else str(path)
            for i, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                if line.strip():
                    yield f"{d.kind_zh} {d.id}", Piece(line, d.classification, Loc(rel, i), "全文")
    if a.book is not None:
        for ch in a.book.chapters():
            if ch.title and ch.title_given:   # a title from a heading is read with the body (``_chapters``)
                yield f"章 {ch.path}", Piece(ch.title, ch.classification, Loc(ch.path, ch.title_line), "章名")


def typed_texts(a: Archive) -> Iterator[tuple[object, Typed, Level, str]]:
    """(record, text, level, holder) of every text typed into a record (``Record.typed``, kept by ``Fields``: the
    one list of what may print, so a key added to a record kind is covered here without being listed): at the
    record's level, or its part's when higher (a 内设机构, a name) or the source's (a citation's note and name);
    the holder as ``leaks.entries`` names it (the record, or the part held apart)."""
    recs = [*a.jurisdictions.values(), *a.bodies.values(), *a.documents.values(), *a.people.values(), *a.events,
            *a.posts, *a.staffing, *a.memos]
    for r in recs:
        # (a 任职, 编制 or 记事 by its id when it has one, else by where it stands: as ``leaks.entries`` names it, so
        # that its typed texts and its entries are one record's, and a problem in it is named once)
        name = f"{r.kind_zh} {(r.id or r.loc) if r.kind_zh in ('任职', '编制', '记事') else r.id}"
        for t in r.typed:
            doc = a.documents.get(t.doc) if t.doc else None
            level = highest([r.classification, t.level or r.classification,
                             doc.classification if doc else r.classification])
            # apart as leaks.entries holds it: a part above the record, and a source's name for a body (a label)
            apart = t.part and (level.rank > r.classification.rank or (t.part.startswith("引") and t.key == "name"))
            yield r, t, level, f"{name} {t.part}" if apart else name


def _kaoyi_only(e: Entry, origin: str, notes: dict[str, str], pieces: dict[str, list[Piece]], a: Archive) -> bool:
    """The classified document's 文号, title or id stands only in the lower record's 考异, which names it: every
    edition that withholds the document withholds that 考异 (``editions.filter_archive``), and
    ``check_kaoyi_withheld`` tells the editor; the rest of the record must not hold it."""
    note = notes.get(origin)
    if not note or not e.record.startswith("文件 ") or e.kind not in ("docno", "title", "id"):
        return False
    doc = a.documents.get(e.record.removeprefix("文件 "))
    rest = fold("\n".join(x.text for x in pieces[origin] if x.part != "考异"))
    return doc is not None and fold(e.text) not in rest and bool(docs_named(note, [doc]))


def _shared_sentences(ents: list[Entry]) -> Iterator[Finding]:
    holders = sentence_holders(ents)
    reported = set()
    for e in ents:
        if e.kind != "sentence" or not e.level.rank or e.chapter or not _checked(e):
            continue
        held = holders.get(fold(e.text), {})
        if is_formula(held, e.level.rank):
            continue
        mine = e.holder
        for rec, x in held.items():
            if rec == mine or x.level.rank >= e.level.rank or (rec, e.text) in reported:
                continue
            reported.add((rec, e.text))
            yield Finding("secret-shared", "error",
                          f"{rec}（{x.level}）有一句与{e.origin}（{e.level}）相同：“{e.text}”；"
                          f"密级高的内容不因低密级记录重复而公开，生成时会被保密检查拦下。"
                          f"请删去这句，或把{rec}的密级改为不低于“{e.level}”", x.loc)


def _starts(parts: list[str]) -> list[int]:
    out, n = [], 0
    for p in parts:
        out.append(n)
        n += len(p)
    return out


def _copies(a: Archive) -> Iterator[Finding]:
    sentences: dict[str, set[str]] = {}
    for d in a.documents.values():
        if d.transcription and d.transcription.is_file():
            from ..leaks import _sentences

            sentences[d.id] = {fold(s) for s in _sentences(d.transcription.read_text(encoding="utf-8",
                                                                                      errors="replace"), 8)}
    docs = sorted(a.documents.values(), key=lambda d: d.id)
    for s in docs:
        if not s.classification.rank:
            continue
        mine = sentences.get(s.id, set())
        for p in docs:
            if p.classification.rank >= s.classification.rank:
                continue
            theirs = sentences.get(p.id, set())
            same_title = fold(p.title) == fold(s.title) and len(fold(s.title)) >= 4
            same_file = p.transcription is not None and p.transcription == s.transcription
            share = len(mine & theirs) / len(mine) if mine else 0.0
            if same_title or same_file or share >= COPY_SHARE:
                why = "用的是同一个全文文件" if same_file else "标题相同" if same_title else f"全文有 {share:.0%} 的句子相同"
                yield Finding("secret-copy", "error",
                              f"文件“{p.id}”（{p.classification}）像是文件“{s.id}”（{s.classification}）的副本：{why}。"
                              f"副本的密级不得低于原件：请把“{p.id}”的密级改为“{s.classification}”，或删去这份副本",
                              p.loc)


def check_kaoyi_withheld(a: Archive, h: History) -> Iterator[Finding]:
    """A 考异 whose disputing sources an edition that prints the record withholds, all of them: the edition drops
    the 考异 (it would tell readers that a source they cannot see exists); the editor is told which editions."""
    rivals = rival_figures(a)
    # the documents each edition holds: the same for every record, so found once
    held_by = {edition: {d for d, doc in a.documents.items() if doc.classification.rank <= limit.rank}
               for edition, limit in EDITIONS.items()}
    for rec in [*a.events, *a.staffing, *a.memos]:
        dropped, withheld = [], {}
        for edition, limit in EDITIONS.items():
            if rec.classification.rank > limit.rank:
                continue
            held = held_by[edition]
            others = {m.origin: m.classification for m in rivals.get(rec.id or str(rec.loc), [])}
            about = kaoyi_withheld(rec, h, held, [(o, lv.rank <= limit.rank) for o, lv in others.items()])
            if about:
                dropped.append(EDITION_ZH[edition])
                withheld.update({x: a.documents[x].classification if x in a.documents else others[x]
                                 for x in about})
        if not dropped:
            continue
        eds = "和".join(dropped)
        docs = "、".join(f"{d}（{lv}）" for d, lv in withheld.items())
        what = f"{rec.kind_zh}{('“' + rec.id + '”') if rec.id else ''}"
        yield Finding("kaoyi-withheld", "warning",
                      f"{what}的考异（conflict_note）所说的异说只见于{docs}，{eds}不收这些来源，因此{eds}不印这条考异"
                      f"（印出来就等于告诉读者另有一份看不到的来源）；记录本身照印。若取舍另有可以公开的依据，"
                      f"请补上那份公开来源并写明它的说法，考异就会照印；否则无须处理", rec.loc)
    yield from _kaoyi_naming(a)


def _kaoyi_naming(a: Archive) -> Iterator[Finding]:
    """A 考异 whose own wording names a document (文号, title, id) an edition that prints the record withholds:
    the edition drops the 考异, and the editor is told which editions and which documents."""
    # the documents each edition withholds: the same for every record, so found once
    hidden_by = {edition: [d for d in a.documents.values() if d.classification.rank > limit.rank]
                 for edition, limit in EDITIONS.items()}
    for rec in [*a.events, *a.staffing, *a.memos]:
        if not (rec.conflict_note or "").strip():
            continue
        dropped, named = [], {}
        for edition, limit in EDITIONS.items():
            if rec.classification.rank > limit.rank:
                continue
            if found := docs_named(rec.conflict_note, hidden_by[edition]):
                dropped.append(EDITION_ZH[edition])
                named.update({x: a.documents[x] for x in found})
        if not dropped:
            continue
        eds = "和".join(dropped)
        docs = "、".join(f"{d.shown_number or d.title or d.id}（{d.id}，{d.classification}）"
                         for d in named.values())
        what = f"{rec.kind_zh}{('“' + rec.id + '”') if rec.id else ''}"
        yield Finding("kaoyi-withheld", "warning",
                      f"{what}的考异（conflict_note）文字中写出了{docs}，{eds}不收这份文件，因此{eds}不印这条考异"
                      f"（印出来就等于公布了这份文件的存在和文号、标题）；记录本身照印。若要{eds}也印考异，"
                      f"须补上{eds}收的来源并写明它的说法，考异里只提这样的来源；否则无须处理", rec.loc)


def _printed(a: Archive) -> Iterator[tuple[str, object, str, object]]:
    """(text, level, where, loc) of what an edition may print of the records and chapters below 秘密: each text
    typed into a record (``typed_texts``), the lines of a full text and of a chapter (its passages above 内部 left
    out)."""
    from ..chronicle import strip_passages

    for r, t, level, _ in typed_texts(a):
        if level.rank <= 1:
            yield t.text, level, f"{r.kind_zh}{('“' + r.id + '”') if r.id else ''}的{t.where}", t.loc
    for r in a.documents.values():
        if r.classification.rank > 1:
            continue
        what = f"{r.kind_zh}{('“' + r.id + '”') if r.id else ''}"
        transcription = getattr(r, "transcription", None)
        if transcription is not None and transcription.is_file():
            rel = transcription.relative_to(a.root).as_posix() if transcription.is_relative_to(a.root) \
                else str(transcription)
            text = transcription.read_text(encoding="utf-8", errors="replace")
            for i, line in enumerate(text.splitlines(), 1):
                if not _level_line(line):
                    yield line, r.classification, f"{what}的全文", Loc(rel, i)
    if a.book is not None:
        for ch in a.book.chapters():
            if ch.classification.rank > 1:
                continue
            yield ch.title, ch.classification, "章名", Loc(ch.path, 1)
            for i, line in enumerate(strip_passages(ch, Level("内部")).splitlines()):
                level = ch.classification
                for lv, first, last in ch.passages:
                    if first <= i and (last < 0 or i <= last) and lv.rank > level.rank:
                        level = lv
                if not _level_line(line):
                    yield line, level, "正文", Loc(ch.path, ch.body_line + i)


def _level_line(line: str) -> bool:
    """A line that is a passage marker or a level written as a key: passage-invalid and front-matter-invalid
    say what is wrong with it."""
    from ..chronicle import PASSAGE_LIKE, bare, stray_level

    b = bare(line)
    return bool(PASSAGE_LIKE.match(b) or stray_level(line))


def check_mark_words(a: Archive, h: History) -> Iterator[Finding]:
    """``mark-word``: a text an edition prints holds a classification mark. A marking's form is never printed;
    a mark's word (机密, 内部文件 …) inside a title or a name is refused by the leak scan unless the editor
    confirms that exact text as ordinary wording in the house style's ``not-marks``: said here, before a build."""
    from ..leaks import fold, marks_in
    from ..project import load_house_style

    plain = sorted({fold(p) for p in load_house_style(a.root).not_marks}, key=len, reverse=True)
    alone: dict[Loc, list[str]] = defaultdict(list)
    for finding, word in _alone_marks(a):
        alone[finding.loc].append(word)
        yield finding
    for text, level, where, loc in _printed(a):
        if "密" not in text and "内部" not in text and "外传" not in text:
            continue
        edition = "public" if level.rank == 0 else "internal"
        for mark, form in dict.fromkeys(marks_in(text, edition, plain)):
            if any(w in mark for w in alone.get(loc, ())):   # the word alone is the mark: said once
                continue
            eds = "内部版" if edition == "internal" else \
                "公开版和内部版" if marks_in(mark, "internal") else "公开版"
            if form:
                yield Finding("mark-word", "error",
                              f"{where}中有密级标志“{mark}”；{eds}不印密级标志，生成时保密检查会拦下。"
                              f"若原件是密件，请照原件把记录的 classification 改为相应密级；"
                              f"若是录入或转录时带进来的标志，请删去", loc)
                continue
            phrase = _phrase(text, mark)
            yield Finding("mark-word", "error",
                          f"{where}中有“{mark}”字样（“{phrase}”），{eds}里出现它，生成时保密检查会当作密级标志拦下。"
                          f"若它是标题、名称里的普通用语，不是密级标志，请把含有它的原文“{phrase}”写进体例文件 "
                          f"sources/house-style.yaml 的 not-marks 列表（写法：not-marks: [{phrase}]），"
                          f"保密检查就只放行这段文字；若它确是密级标志，请照原件把记录的 classification 改为相应密级", loc)


# a table's rule row (|---|:---:|), which makes the block a table: each cell is a line of its own on the page
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_CELL_BAR = re.compile(r"(?<!\\)\|")


def _table_lines(lines: list[str]) -> set[int]:
    """The lines of a body that are rows of a table: the lines holding a bar in a block (lines between blank ones)
    that has a rule row."""
    out, block = set(), []
    for i, line in enumerate([*lines, ""]):
        if line.strip():
            block.append(i)
            continue
        if any(_TABLE_RULE.match(lines[j]) and "-" in lines[j] for j in block):
            out.update(j for j in block if "|" in lines[j])
        block = []
    return out


def _alone_marks(a: Archive) -> Iterator[tuple[Finding, str]]:
    """``mark-word`` for a level word that the page shows on a line of its own though the chapter's line holds more:
    a table's cell (a table counting documents by level: | 秘密 | 3 |), a line of markup round the word
    (<mark>秘密</mark>, 秘密<br>). The build's scan reads a secret level alone on a line as a mark
    (``leaks.ALONE``), which no not-marks confirms: judged here the same way, at the chapter's line. (A line that is
    the word alone is the chapter reader's: ``passage-invalid``.)"""
    from ..chronicle import _level_like, strip_passages
    from ..levelwords import SECRET

    if a.book is None:
        return
    for ch in a.book.chapters():
        if ch.classification.rank > 1:
            continue
        lines = strip_passages(ch, Level("内部")).splitlines()
        table = _table_lines(lines)
        for i, line in enumerate(lines):
            if "密" not in line and "㊙" not in line or _level_line(line) or _level_like(line):
                continue
            cell = i in table
            for piece in dict.fromkeys(_readings(p)[0][0] for p in (_CELL_BAR.split(line) if cell else [line])):
                if piece not in SECRET:   # (with a ★, a marking's form: said for the whole line)
                    continue
                what = "表格的一个单元格" if cell else "这一行除了标记"
                yield Finding("mark-word", "error",
                              f"正文{what}只有“{piece}”二字：网页上它单独占一行，生成时保密检查会把它当作密级标志拦下"
                              f"（体例的 not-marks 也放行不了单独的密级字样）。若这里说的是密级本身（如按密级统计文件件数），"
                              f"请写成“{piece}级”或“{piece}文件”；若它是标给这张表（这段文字）的密级，请删去它，"
                              f"把表格（这段文字）放进密级段落（单独一行“::: {piece}”开始，单独一行“:::”结束）",
                              Loc(ch.path, ch.body_line + i)), piece


def _phrase(text: str, word: str) -> str:
    """The text holding ``word`` as the editor would confirm it: the clause it stands in (at most 30 characters
    of it, round the word)."""
    import re
    import unicodedata

    from ..leaks import _t2s

    text = unicodedata.normalize("NFKC", " ".join(text.split())).translate(_t2s())
    for clause in re.split(r"[，。；：、！？,;:!?“”\"|]", text):
        clause = clause.strip("#>*-+ ")
        if word in clause:
            if len(clause) > 30:
                i = clause.find(word)
                clause = clause[max(0, i - 8): i + len(word) + 8]
            return clause
    return text[:30]


# files of settings that hold no level and govern every edition: what they hold (a title, a part's title, a
# footer, a word confirmed as ordinary) is printed in the public edition too
SETTINGS_FILES = {"chronicle/book.yaml": "志书设置", "sources/house-style.yaml": "体例设置", "mkdocs.yml": "网站设置"}


def check_setting_comments(a: Archive, h: History) -> Iterator[Finding]:
    """``classification-comment`` for a comment of book.yaml, house-style.yaml or mkdocs.yml that speaks of a
    level (``# 第三篇涉密``, ``# 秘密★10年``, ``# 此件不公开``): those files have no level and what they hold is
    printed in every edition, so an edition is not made until the level is written where it belongs (a chapter's
    front matter, a record's classification) and the comment deleted."""
    from ..classification import comment_level
    from ..yamlsource import YamlFile

    for rel, what in SETTINGS_FILES.items():
        path = a.root / rel
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for line, comment in YamlFile(rel, text.removeprefix("\ufeff")).comments():
            meant = comment_level(comment)
            if meant is None or meant.rank == 0:
                continue
            yield Finding(
                "classification-comment", "error",
                f"注释“# {comment[:40]}”说的是“{meant}”，而 {rel}（{what}）不分密级，其中的文字每一版都用、公开版也印；"
                f"注释不算密级，在改正之前不生成任何版本。若说的是某一章，请把密级写在那一章的文件头（如 classification: "
                f"{meant}），若说的是某份文件或某个机构，写在它的记录中；若说的是这个文件里的文字（书名、篇名、页脚），"
                f"请改写那段文字；然后删去这行注释。若注释已过时，直接删去", Loc(rel, line))
