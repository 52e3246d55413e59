"""The editors' search: every record, transcription and chapter of the archive, matched as exact substrings.

It offers three things:

* ``collect(archive)``: the archive as flat search entries (``Entry``), each tied to the file it came from;
* ``update_index(root)``: bring ``<root>/.cache/search-index/`` up to date *incrementally* — only the entries
  of files that changed (or whose generated text changed, e.g. after a rename elsewhere) are rewritten;
* ``search(root, text, ...)``: ranked hits with filters and facet counts, and ``snippet`` for highlighting.

Matching is exact substring matching on a folded form of the text (``fold``: no blanks, one kind of bracket,
full-width Latin and digits made plain) to which every 文号 is added in its normalised form, so that
``临编〔1988〕9号`` finds ``临编〔1988〕09号`` and ``河编〔2019〕12号`` finds ``河编(2019)12号``, as the site's
search does. The store is the folded text of every entry (``entries.bin``, marshal) and a query scans it: a
scan of a few megabytes of text is a few milliseconds, faster than any index lookup in Python.

Until 2026 this was a whoosh index with jieba word segmentation. Jieba missed parts of words and joined others;
an n-gram whoosh index that is exact was measured (sample archive, 1,087 entries, 101,640 bigram postings):
0.5–0.9 s to add the documents and 1.4 s to commit, growing with the archive to some 20 s at ten times the
sample, and 0.15–0.3 s of each query's process start went on importing whoosh; the scan needs neither.

Incremental update: a manifest (``manifest.json``) keeps, per file, its ``mtime_ns`` and size and a hash of the
entries it produced. When no tracked file's signature changed, nothing is loaded at all. Otherwise the archive is
loaded, entries are regenerated, and only files whose signature or entry hash differ are rewritten in the store;
files that disappeared are dropped.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import re
import stat
import time
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .progress import QUIET, Progress

INDEX_DIR = ".cache/search-index"
MANIFEST = "manifest.json"
STORE = "entries.bin"
VERSION = 5  # 5: memos; a name more secret than its body an entry of its own level; 4: a classified unit and a marked passage are entries of their own level; 3: documents known only by their description; 2: folded text, exact substring matching (1: whoosh)

KINDS = {  # key → Chinese name
    "body": "机构", "event": "事件", "document": "文件", "person": "人物", "post": "任职",
    "staffing": "编制", "jurisdiction": "区划", "chapter": "正文", "transcription": "全文", "memo": "记事",
}
KIND_ALIASES = {v: k for k, v in KINDS.items()} | {"行政区划": "jurisdiction", "篇章": "chapter", "章节": "chapter"}
TRACKED = (("sources", (".yaml", ".yml", ".md")), ("chronicle", (".md", ".yaml", ".yml")))


@dataclass
class Entry:
    """One searchable unit: a record, or a section of a chapter or transcription."""

    key: str                 # unique: file#n
    kind: str
    file: str                # relative to the project root
    line: int
    title: str
    content: str
    rid: str = ""            # record id, if any
    date: str = ""           # as shown (Chinese)
    year: int | None = None
    level: str = "公开"       # classification name
    jurisdictions: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    lines: bool = False      # content lines are the file's lines from ``line`` on
    aliases: list[str] = field(default_factory=list)  # other names it is found by, not shown


# ---------------------------------------------------------------- archive → entries
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def collect(archive) -> list[Entry]:
    """One entry per record (and per section of a transcription or a chapter), in this order."""
    c = _Collector(archive)
    c.bodies_and_jurisdictions()
    c.events()
    c.documents()
    c.people_and_posts()
    c.staffing()
    c.memos()
    c.chapters()
    return c.out


def _name_text(s) -> str:
    """A body's or place's name as its entry holds it: full name, its period, its short name."""
    full, short = s.value
    when = f"（{s.start.chinese() if s.start else ''}—{s.end.chinese() if s.end else ''}）"
    return full + when + (f"，简称{short}" if short else "")


def _above(s, rec) -> bool:
    """A name (or 牌子) given by an event more secret than the record that bears it."""
    return s.start_event is not None and s.start_event.classification.rank > rec.classification.rank


class _Collector:
    """The entries of ``collect``, one step per record kind; the names, places and aliases they share are
    worked out once."""

    def __init__(self, archive):
        from .history import derive_history

        self.a = archive
        self.h = derive_history(archive)
        self.out: list[Entry] = []
        self.counter: Counter = Counter()
        self.jur_cache: dict[str, set[str]] = {}
        self.alias_cache: dict[str, list[str]] = {}
        self.cited: dict[str, list] = {}     # document → (jurisdictions, bodies) of each event citing it

    def add(self, e: Entry) -> None:
        self.counter[e.file] += 1
        e.key = f"{e.file}#{self.counter[e.file]}"
        e.jurisdictions = sorted(set(e.jurisdictions))
        e.bodies = sorted(set(e.bodies))
        self.out.append(e)

    def name(self, rid: str | None, d=None) -> str:
        from .views.naming import name_on

        return name_on(self.h, rid, d) if rid else ""

    def jurs(self, rid: str | None, seen: frozenset = frozenset()) -> set[str]:
        if not rid or rid in seen:
            return set()
        if rid in self.jur_cache:
            return self.jur_cache[rid]
        t = self.h.get(rid)
        res: set[str] = set()
        if t is not None:
            if t.is_jurisdiction:
                res.add(rid)
            res |= {s.value for s in t.jurisdictions if s.value}
            if not res:
                for s in t.parents:
                    res |= self.jurs(s.value, seen | {rid})
        self.jur_cache[rid] = res
        return res

    def aliases(self, rid: str) -> list[str]:
        """A body's names with its jurisdiction's names before them: 区财政局 in 河东区 is 河东区财政局."""
        if rid in self.alias_cache:
            return self.alias_cache[rid]
        t = self.h.get(rid)
        out_: list[str] = []
        if t is not None:
            places = set()
            for j in self.jurs(rid):
                tj = self.h.get(j)
                places |= {s.value[0] for s in tj.names} if tj is not None else set()
            for s in t.names:
                for nm in filter(None, s.value):
                    out_.append(nm)
                    for pl in sorted(places):
                        if not nm.startswith(pl):
                            out_.append(pl[:-1] + nm if nm[:1] == pl[-1:] else pl + nm)
        self.alias_cache[rid] = out_
        return out_

    @staticmethod
    def dated(d) -> tuple[str, int | None]:
        return (d.chinese(), d.year) if d is not None else ("", None)

    def bodies_and_jurisdictions(self) -> None:
        a, h, jurs, aliases, dated, add = self.a, self.h, self.jurs, self.aliases, self.dated, self.add
        for table, kind in ((a.bodies, "body"), (a.jurisdictions, "jurisdiction")):
            for rid, rec in table.items():
                t = h.get(rid)
                # a name (or 牌子) given by an event more secret than the body is an entry of its own, labelled
                # with that event's level: a hit is as secret as the text that matched
                labelled = [(_name_text(s), s) for s in t.names] + [(f"加挂{s.value}", s) for s in t.second_names] \
                    if t is not None else []
                names = [text for text, s in labelled if not _above(s, rec)]
                secret_names = [(text, s.start_event) for text, s in labelled if _above(s, rec)]
                parts = names + [getattr(rec, "body_kind", "") or getattr(rec, "level", "")]
                parts += getattr(rec, "functions", [])
                units = getattr(rec, "units", [])
                # a 内设机构 more secret than its body is an entry of its own, labelled with its own level
                own = [u for u in units if u.classification.rank > rec.classification.rank]
                parts += [u.name for u in units if u not in own]
                parts += [rec.note, rid]
                d, y = dated(t.start if t else None)
                # the title is matched too: never a name more secret than the entry (the last name of the body's level)
                open_names = [s.value[0] for s in (t.names if t else []) if not _above(s, rec)]
                title = (t.current_name() if not secret_names else open_names[-1] if open_names else rid) if t else rid
                add(Entry("", kind, rec.loc.file, rec.loc.line, title,
                          "\n".join(p for p in parts if p), rid, d, y, rec.classification.name,
                          sorted(jurs(rid)), [rid] if kind == "body" else [],
                          aliases=aliases(rid) if kind == "body" else []))
                for u in own:
                    add(Entry("", kind, u.loc.file, u.loc.line, f"{title} · 内设机构 {u.name}",
                              "\n".join(p for p in (u.name, u.note) if p), rid, d, y, u.classification.name,
                              sorted(jurs(rid)), [rid] if kind == "body" else []))
                for text, ev in secret_names:
                    lv = ev.classification
                    add(Entry("", kind, ev.loc.file, ev.loc.line, f"{title} · {lv.name}名称", text, rid, d, y, lv.name,
                              sorted(jurs(rid)), [rid] if kind == "body" else []))

    def events(self) -> None:
        """The 大事记 sentence with the names valid on the date."""
        from .views.chronology import _places, _Writer

        a, h, name, dated, add, cited = self.a, self.h, self.name, self.dated, self.add, self.cited
        w = _Writer(a, h)
        for e in a.events:
            try:
                sentence = "".join(s if isinstance(s, str) else s.text for s in w.sentence(e))
            except (AttributeError, IndexError, KeyError, TypeError):
                sentence = ""
            try:
                jur, bodies = _places(a, h, e)
            except (AttributeError, IndexError, KeyError, TypeError):
                jur, bodies = set(), set()
            refs = [r.id for r in e.participants()]
            bodies |= {r for r in refs if r in a.bodies}
            if not sentence:
                sentence = e.type_zh + "：" + "、".join(name(r, e.date) for r in refs)
            docs = [c.doc for c in e.sources]
            for c in e.sources:
                cited.setdefault(c.doc, []).append((jur, bodies))
            numbers = [a.documents[x].number for x in docs if x in a.documents]
            parts = [sentence, e.type_zh, e.note, e.conflict_note, "、".join(numbers), e.id]
            d, y = dated(e.date)
            add(Entry("", "event", e.loc.file, e.loc.line, f"{d} {e.type_zh}".strip(),
                      "\n".join(p for p in parts if p), e.id, d, y, e.classification.name, sorted(jur), sorted(bodies)))

    def documents(self) -> None:
        """Documents and their transcriptions, a section an entry."""
        a, jurs, dated, add, cited = self.a, self.jurs, self.dated, self.add, self.cited
        root = Path(a.root)
        for rid, doc in a.documents.items():
            j: set[str] = set(jurs(doc.issuer_body.id if doc.issuer_body else None))
            b: set[str] = {doc.issuer_body.id} if doc.issuer_body else set()
            for jj, bb in cited.get(rid, []):
                j |= jj
                b |= bb
            d, y = dated(doc.date)
            parts = [doc.title, doc.description, doc.number, doc.issuer, doc.archive_ref, doc.note, rid]
            add(Entry("", "document", doc.loc.file, doc.loc.line, doc.title or doc.description or rid, "\n".join(p for p in parts if p),
                      rid, d, y, doc.classification.name, sorted(j), sorted(b)))
            if doc.transcription is not None:
                try:
                    text = doc.transcription.read_text(encoding="utf-8")
                    rel = doc.transcription.resolve().relative_to(root.resolve()).as_posix()
                except (OSError, UnicodeDecodeError, ValueError):
                    continue
                for line, head, body in _sections(text, 1):
                    add(Entry("", "transcription", rel, line, f"{doc.title or rid}（全文）" + (f" · {head}" if head and head != doc.title else ""),
                              body, rid, d, y, doc.classification.name, sorted(j), sorted(b), lines=True))

    def people_and_posts(self) -> None:
        a, name, jurs, dated, add = self.a, self.name, self.jurs, self.dated, self.add
        posts_of: dict[str, list] = {}
        for p in a.posts:
            pid = p.person.id if p.person else ""
            bid = p.body.id if p.body else ""
            posts_of.setdefault(pid, []).append(p)
            person = a.people.get(pid)
            pname = person.shown_name if person else (p.holder_said or pid)   # 由县委宣传部副部长兼任
            span = p.tenure()  # ？ for an unknown start or end, never "今"
            bname = name(bid, p.start)
            d, y = dated(p.start)
            parts = [f"{pname}任{bname}{p.post}（{span}）", p.note, pid, bid]
            add(Entry("", "post", p.loc.file, p.loc.line, f"{pname} {bname}{p.post}", "\n".join(x for x in parts if x),
                      p.id, d, y, p.classification.name, sorted(jurs(bid)), [bid] if bid else []))
        for rid, person in a.people.items():
            lines_ = [person.name, person.gender]
            if person.born or person.died:
                lines_.append(f"{person.born.chinese() if person.born else ''}—{person.died.chinese() if person.died else ''}")
            j, b = set(), set()
            for p in posts_of.get(rid, []):
                bid = p.body.id if p.body else ""
                lines_.append(f"{name(bid, p.start)}{p.post}")
                j |= jurs(bid)
                b |= {bid} if bid else set()
            lines_ += [person.note, rid]
            d, y = dated(person.born)
            add(Entry("", "person", person.loc.file, person.loc.line, person.name or rid,
                      "\n".join(x for x in lines_ if x), rid, d, y, person.classification.name, sorted(j), sorted(b)))

    def memos(self) -> None:
        """记事: the text as written, labelled with the memo's own level."""
        a, dated, add = self.a, self.dated, self.add
        for m in a.memos:
            refs = [r.id for r in m.mentions]
            jur = [m.jurisdiction.id] if m.jurisdiction else []
            d, y = dated(m.date)
            add(Entry("", "memo", m.loc.file, m.loc.line, f"{d} 记事".strip(), "\n".join(p for p in (m.text, m.note, m.id) if p),
                      m.id, d, y, m.classification.name, jur, [r for r in refs if r in a.bodies]))

    def staffing(self) -> None:
        from .model import BASIS_ZH

        a, name, jurs, dated, add = self.a, self.name, self.jurs, self.dated, self.add
        for s in a.staffing:
            bid = s.scope or ""
            d, y = dated(s.date)
            basis = BASIS_ZH.get(s.basis, s.basis)
            said = s.figures.figures_said if s.figures else "编制"
            # 实有干部312人, 未配备专职人员 say their own words, without the record's 口径 before them
            word = "" if s.figures and not (s.figures.posts or s.figures.leaders) else basis
            parts = [f"{name(bid, s.date)}{s.system + '系统' if s.system else ''}{word}{said}", s.note, bid]
            add(Entry("", "staffing", s.loc.file, s.loc.line, f"{name(bid, s.date)} {basis}编制",
                      "\n".join(x for x in parts if x), s.id, d, y, s.classification.name,
                      [s.jurisdiction.id] if s.jurisdiction else sorted(jurs(bid)), [bid] if s.body else []))

    def chapters(self) -> None:
        """A section of a chapter an entry; references shown as the names they stand for."""
        from .chronicle import REF_RE
        from .classification import Level, highest

        a, name, jurs, add = self.a, self.name, self.jurs, self.add
        book = a.book
        if book is not None:
            for ch in book.chapters():
                def show(m: re.Match) -> str:
                    rid, text = m.group(1).strip(), m.group(3)
                    if text:
                        return text
                    if rid in a.documents:
                        return a.documents[rid].number or a.documents[rid].title
                    if rid in a.people:
                        return a.people[rid].name
                    from .dates import DateError, parse_date
                    try:
                        dd = parse_date(m.group(2).strip()) if m.group(2) else None
                    except DateError:
                        dd = None
                    return name(rid, dd)

                refs = {r.id for r in ch.refs}
                j: set[str] = set()
                for r in refs:
                    j |= jurs(r)
                b = {r for r in refs if r in a.bodies}
                body = REF_RE.sub(show, ch.body)
                def level(i: int, ch=ch):
                    """The level of the body's line ``i``: the chapter's, or a marked passage's around it."""
                    return highest([ch.classification] + [p[0] for p in ch.passages
                                                          if p[1] <= i and (p[2] < 0 or p[2] >= i)])

                for line, head, text in _sections(body, ch.body_line):
                    title = ch.title + (f" · {head}" if head and head != ch.title else "")
                    # a section is cut where the level changes, so a hit carries the level of the lines it is in
                    first, rows = line - ch.body_line, text.split("\n")
                    runs: list[tuple[int, Level, list[str]]] = []
                    for k, row in enumerate(rows):
                        lv = level(first + k)
                        if runs and runs[-1][1].name == lv.name:
                            runs[-1][2].append(row)
                        else:
                            runs.append((line + k, lv, [row]))
                    for start, lv, chunk in runs:
                        if any(x.strip() for x in chunk):
                            add(Entry("", "chapter", ch.path, start, title or ch.path, "\n".join(chunk), "", "",
                                      None, lv.name, sorted(j), sorted(b), lines=True))


def _sections(text: str, first_line: int) -> list[tuple[int, str, str]]:
    """(line of the section's first line, heading, text) for each heading-delimited section."""
    out: list[tuple[int, str, str]] = []
    start, head, buf = first_line, "", []
    for i, line in enumerate(text.splitlines()):
        m = _HEADING.match(line)
        if m and any(x.strip() and not _HEADING.match(x) for x in buf):  # a heading alone joins the next
            out.append((start, head, "\n".join(buf)))
            start, buf = first_line + i, []
        if m:
            head = m.group(2)
        buf.append(line)
    if any(x.strip() for x in buf):
        out.append((start, head, "\n".join(buf)))
    return out


# ---------------------------------------------------------------- matching form
_SPACE = re.compile(r"[\s\u3000\u200b-\u200d\ufeff]+")
_OPENING = "〔(（[【［〖"
_CLOSING = "〕)）]】］〗"
_BRACKETS = str.maketrans({**{c: "(" for c in _OPENING}, **{c: ")" for c in _CLOSING}})
_ZEROS = re.compile(r"\)0+(?=\d)")
SEP = "\x00"  # between the parts of an entry's matching text: no query holds it, so no match straddles parts


def fold(text: str) -> str:
    """The form in which entries and queries are compared: NFKC (full-width Latin and digits made plain),
    lower case, no blanks, every kind of bracket the same (〔〕, （）, [], 【】 all read as ())."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text or "").lower()).translate(_BRACKETS)


def match_text(e: Entry) -> str:
    """What a query is matched against: title, content, aliases and every 文号 in them in its normalised form."""
    from .docno import docnos_in

    parts = [e.title, e.content, *e.aliases]
    parts += [n for p in (e.title, e.content) for _w, n in docnos_in(p)]
    return SEP.join(fold(p) for p in parts if p)


def query_forms(word: str) -> list[str]:
    """The folded strings any of which an entry must contain to match ``word``: the word as typed; without
    leading zeros in a 文号's serial; and, for a whole 文号, its normalised form (two-digit year completed)."""
    from .docno import parse_docno

    forms = [fold(word)]
    forms.append(_ZEROS.sub(")", forms[0]))
    d = parse_docno(word)
    if d is not None:
        forms.append(fold(d.normalised))
    return [f for i, f in enumerate(forms) if f and f not in forms[:i]]


def _signatures(root: Path) -> dict[str, list[int]]:
    """Every tracked file's [mtime_ns, size] by its path relative to the root (os.walk: pathlib's rglob costs a
    quarter of a second at ten times the sample, on every query)."""
    sigs: dict[str, list[int]] = {}
    for top, suffixes in TRACKED:
        base = os.path.join(root, top)
        for folder, _dirs, names in os.walk(base):
            rel = os.path.relpath(folder, root).replace(os.sep, "/")
            for name in names:
                if name.endswith(suffixes):
                    try:
                        st = os.stat(os.path.join(folder, name))
                    except OSError:
                        continue
                    if stat.S_ISREG(st.st_mode):
                        sigs[f"{rel}/{name}"] = [st.st_mtime_ns, st.st_size]
    return sigs


@dataclass
class Update:
    reindexed: list[str] = field(default_factory=list)  # files whose entries were (re)written
    removed: list[str] = field(default_factory=list)    # files whose entries were deleted
    entries: int = 0                                    # entries written
    full: bool = False                                  # the index was built from scratch
    loaded: bool = False                                # the archive had to be read
    seconds: float = 0.0


def index_dir(root: Path) -> Path:
    return Path(root) / INDEX_DIR


# one stored entry: what a hit shows and what a query is matched against (marshal keeps only plain values)
_ROW = ("kind", "line", "lines", "title", "content", "rid", "date", "year", "level", "jurisdictions", "bodies")


def _row(e: Entry) -> tuple:
    return (e.kind, e.line, e.lines, e.title, e.content, e.rid, e.date, e.year, e.level, e.jurisdictions,
            e.bodies, match_text(e), fold(e.title))


def _read_store(d: Path) -> dict | None:
    try:
        store = marshal.loads((d / STORE).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return store if isinstance(store, dict) and store.get("version") == VERSION else None


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def update_index(root: Path, rebuild: bool = False, progress: Progress = QUIET) -> Update:
    """Bring the index up to date with the files under ``root``; see the module docstring. ``progress`` is
    told the stages of an update (nothing when the index is up to date)."""
    t0 = time.perf_counter()
    root = Path(root).resolve()
    d = index_dir(root)
    res = Update()
    manifest_path = d / MANIFEST
    manifest: dict = {}
    if not rebuild and manifest_path.is_file() and (d / STORE).is_file():
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            manifest = {}
    if manifest.get("version") != VERSION:
        manifest = {"version": VERSION, "files": {}}
        res.full = True
        if d.is_dir():  # what an older index left (whoosh segments of version 1): gone with it
            for old in d.iterdir():
                if old.is_file() and old.name not in (MANIFEST, STORE):
                    old.unlink(missing_ok=True)
    known: dict[str, dict] = manifest["files"]
    sigs = _signatures(root)
    if not res.full and all(known.get(f, {}).get("sig") == s for f, s in sigs.items()) \
            and all(f in sigs or info.get("sig") is None for f, info in known.items()):
        res.seconds = time.perf_counter() - t0
        return res

    from .loader import load_archive

    res.loaded = True
    store = None if res.full else _read_store(d)
    if store is None:  # no usable store: every file is written anew
        store, known, res.full = {"version": VERSION, "files": {}}, {}, True
    with progress.stage("读取档案以更新检索索引", total=len(sigs), unit="个文件") as st:
        entries = collect(load_archive(root))
        st.update(len(sigs))
    by_file: dict[str, list[Entry]] = {}
    for e in entries:
        by_file.setdefault(e.file, []).append(e)
    files = set(sigs) | set(by_file)
    new_known: dict[str, dict] = {}
    changed: list[str] = []
    for f in sorted(files):
        digest = hashlib.sha1(json.dumps([asdict(e) for e in by_file.get(f, [])], ensure_ascii=False,
                                         sort_keys=True).encode()).hexdigest()
        old = known.get(f)
        if old is None or old.get("hash") != digest:
            changed.append(f)
        new_known[f] = {"sig": sigs.get(f), "hash": digest}
    removed = sorted(set(known) - files)
    rows: dict[str, list] = store["files"]
    for f in removed:
        rows.pop(f, None)
    for f in changed:
        rows[f] = [_row(e) for e in by_file.get(f, [])]
        res.entries += len(rows[f])
        if not rows[f]:
            del rows[f]
    d.mkdir(parents=True, exist_ok=True)
    _write_atomic(d / STORE, marshal.dumps(store))  # the store first: a manifest never vouches for an old one
    _write_atomic(manifest_path, json.dumps({"version": VERSION, "files": new_known},
                                            ensure_ascii=False).encode("utf-8"))
    res.reindexed = [f for f in changed if by_file.get(f) or f in known]
    res.removed = removed
    res.seconds = time.perf_counter() - t0
    return res


# ---------------------------------------------------------------- querying
@dataclass
class Hit:
    kind: str
    file: str
    line: int
    title: str
    content: str
    rid: str
    date: str
    year: int | None
    level: str
    score: float
    lines: bool
    marks: list[str] = field(default_factory=list)  # further strings to highlight (文号 as written)


@dataclass
class Result:
    hits: list[Hit]                 # all matches, best first
    kinds: Counter                  # facet counts over all matches
    years: Counter                  # by decade ("1980年代") or year, see ``by_year``
    levels: Counter
    terms: list[str]                # what to highlight
    by_year: bool = False


def query_terms(text: str) -> list[str]:
    """The strings to highlight for a query: the words as typed."""
    return sorted(set(text.split()), key=len, reverse=True)


def search(root: Path, text: str, kinds: list[str] | None = None, jurisdiction: str | None = None,
           body: str | None = None, years: tuple[int, int] | None = None, levels: list[str] | None = None) -> Result:
    """Every entry containing ``text`` (all its words, each as a substring), best first, narrowed by the
    filters, with facet counts.

    Call ``update_index`` first. Matching is exact on the folded text (see ``fold``): an entry is listed
    if and only if it contains every word — as typed or, for a 文号, in its normalised form. Entries whose
    title holds the query come first, then those where it is densest.
    """
    store = _read_store(index_dir(Path(root).resolve()))
    words = [f for f in (query_forms(w) for w in text.split()) if f]
    res = Result([], Counter(), Counter(), Counter(), query_terms(text))
    if not words or store is None:
        return res
    kind_set, level_set = set(kinds or ()), set(levels or ())
    res.by_year = bool(years and years[1] - years[0] < 10)
    digits = any(c.isdigit() for forms in words for f in forms for c in f)  # a 文号 may be highlighted
    found = []
    single = words[0][0] if len(words) == 1 and len(words[0]) == 1 else None  # the common case, checked fast
    for file, rows in store["files"].items():
        for kind, line, lines, title, content, rid, date, year, level, jurs, bodies, folded, ftitle in rows:
            if single is not None:
                if single not in folded:
                    continue
            elif not all(any(x in folded for x in forms) for forms in words):
                continue
            if (kind_set and kind not in kind_set) or (level_set and level not in level_set) \
                    or (jurisdiction and jurisdiction not in jurs) or (body and body not in bodies) \
                    or (years and (year is None or not years[0] <= year <= years[1])):
                continue
            in_title = all(any(x in ftitle for x in forms) for forms in words)
            times = sum(max(folded.count(x) for x in forms) for forms in words)
            named = rid and any(fold(rid) in forms for forms in words)  # the query names the record itself
            score = (4.0 if named else 0.0) + (2.0 if in_title else 0.0) + times / (20 + len(folded)) ** 0.5
            found.append(Hit(kind, file, line or 0, title, content, rid, date, year, level, round(score, 6),
                             bool(lines), _marks(content, words) if digits else []))
    found.sort(key=lambda h: -h.score)  # stable: equal scores keep the archive's order
    for hit in found:
        res.hits.append(hit)
        res.kinds[hit.kind] += 1
        res.levels[hit.level] += 1
        if hit.year is None:
            res.years["无日期"] += 1
        else:
            res.years[f"{hit.year}年" if res.by_year else f"{hit.year // 10 * 10}年代"] += 1
    return res


def _marks(content: str, words: list[list[str]]) -> list[str]:
    """The 文号 written in ``content`` that a word matched in their normalised form, to be highlighted."""
    from .docno import docnos_in

    out = []
    for written, normalised in docnos_in(content):
        n = fold(normalised)
        if any(x in n for forms in words for x in forms):
            out.append(written)
    return out


def _loose(term: str) -> re.Pattern | None:
    """``term`` as it may be written in the text, as ``fold`` reads it: blanks between its characters, any
    kind of bracket, either case, full- or half-width."""
    parts = []
    for ch in fold(term):
        if ch == "(":
            parts.append(f"[{re.escape(_OPENING)}]")
        elif ch == ")":
            parts.append(f"[{re.escape(_CLOSING)}]")
        else:
            wide = chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ""
            parts.append(f"[{re.escape(ch + ch.upper() + wide)}]" if wide or ch != ch.upper() else re.escape(ch))
    return re.compile(r"[\s\u3000]*".join(parts)) if parts else None


def snippet(hit: Hit, terms: list[str], mark: tuple[str, str] = ("【", "】"), width: int = 80) -> tuple[str, int]:
    """A passage of the hit's text around its densest matches, with matches wrapped in ``mark``; and its line."""
    text = hit.content
    spans: list[tuple[int, int]] = []
    for t in sorted({*terms, *hit.marks}, key=len, reverse=True):
        pattern = _loose(t)
        for m in pattern.finditer(text) if pattern else ():
            i, j = m.span()
            if not any(a <= i < b or a < j <= b for a, b in spans):
                spans.append((i, j))
    spans.sort()
    if not spans:
        start = 0
    else:  # the window of ``width`` characters holding most matches
        best, start = -1, spans[0][0]
        for a, _b in spans:
            n = sum(1 for x, y in spans if a <= x and y <= a + width)
            if n > best:
                best, start = n, a
        start = max(0, start - width // 4)
    end = min(len(text), start + width)
    line = hit.line + (text.count("\n", 0, start) if hit.lines else 0)
    if hit.lines and spans:
        first_in = next((a for a, _b in spans if a >= start), start)
        line = hit.line + text.count("\n", 0, first_in)
    out, pos = [], start
    for a, b in spans:
        if a < start or b > end:
            continue
        out += [text[pos:a], mark[0], text[a:b], mark[1]]
        pos = b
    out.append(text[pos:end])
    s = "".join(out)
    s = re.sub(r"\s*\n\s*", " ／ ", s.strip())
    return ("…" if start > 0 else "") + s + ("…" if end < len(text) else ""), line
