"""The editors' search index: every record, transcription and chapter of the archive, in whoosh.

This is the only module that knows whoosh (and jieba). It offers three things:

* ``collect(archive)``: the archive as flat search entries (``Entry``), each tied to the file it came from;
* ``update_index(root)``: bring ``<root>/.cache/search-index/`` up to date *incrementally* — only the entries
  of files that changed (or whose generated text changed, e.g. after a rename elsewhere) are rewritten;
* ``search(root, text, ...)``: ranked hits with filters and facet counts, and ``snippet`` for highlighting.

Incremental update: a manifest (``manifest.json``) keeps, per file, its ``mtime_ns`` and size and a hash of the
entries it produced. When no tracked file's signature changed, nothing is loaded at all. Otherwise the archive is
loaded, entries are regenerated, and only files whose signature or entry hash differ are deleted from and
re-added to the index; files that disappeared are deleted.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

INDEX_DIR = ".cache/search-index"
MANIFEST = "manifest.json"
VERSION = 1

KINDS = {  # key → Chinese name
    "body": "机构", "event": "事件", "document": "文件", "person": "人物", "post": "任职",
    "staffing": "编制", "jurisdiction": "区划", "chapter": "正文", "transcription": "全文",
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


# ---------------------------------------------------------------- archive → entries (no whoosh here)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def collect(archive) -> list[Entry]:
    from .chronicle import REF_RE
    from .classification import highest
    from .history import derive_history
    from .model import BASIS_ZH
    from .views.chronology import _places, _Writer, staffing_text
    from .views.naming import name_on

    a = archive
    h = derive_history(a)
    out: list[Entry] = []
    counter: Counter = Counter()

    def add(e: Entry) -> None:
        counter[e.file] += 1
        e.key = f"{e.file}#{counter[e.file]}"
        e.jurisdictions = sorted(set(e.jurisdictions))
        e.bodies = sorted(set(e.bodies))
        out.append(e)

    def name(rid: str | None, d=None) -> str:
        return name_on(h, rid, d) if rid else ""

    jur_cache: dict[str, set[str]] = {}

    def jurs(rid: str | None, seen: frozenset = frozenset()) -> set[str]:
        if not rid or rid in seen:
            return set()
        if rid in jur_cache:
            return jur_cache[rid]
        t = h.get(rid)
        res: set[str] = set()
        if t is not None:
            if t.is_jurisdiction:
                res.add(rid)
            res |= {s.value for s in t.jurisdictions if s.value}
            if not res:
                for s in t.parents:
                    res |= jurs(s.value, seen | {rid})
        jur_cache[rid] = res
        return res

    def dated(d) -> tuple[str, int | None]:
        return (d.chinese(), d.year) if d is not None else ("", None)

    # bodies and jurisdictions
    for table, kind in ((a.bodies, "body"), (a.jurisdictions, "jurisdiction")):
        for rid, rec in table.items():
            t = h.get(rid)
            names: list[str] = []
            if t is not None:
                for s in t.names:
                    full, short = s.value
                    when = f"（{s.start.chinese() if s.start else ''}—{s.end.chinese() if s.end else ''}）"
                    names.append(full + when + (f"，简称{short}" if short else ""))
                names += [f"加挂{s.value}" for s in t.second_names]
            parts = names + [getattr(rec, "body_kind", "") or getattr(rec, "level", "")]
            parts += getattr(rec, "functions", [])
            parts += [u.name for u in getattr(rec, "units", [])]
            parts += [rec.note, rid]
            d, y = dated(t.start if t else None)
            add(Entry("", kind, rec.loc.file, rec.loc.line, t.current_name() if t else rid,
                      "\n".join(p for p in parts if p), rid, d, y, rec.classification.name,
                      sorted(jurs(rid)), [rid] if kind == "body" else []))

    # events: the 大事记 sentence with the names valid on the date
    w = _Writer(a, h)
    cited: dict[str, list] = {}
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

    # documents and their transcriptions
    root = Path(a.root)
    for rid, doc in a.documents.items():
        j: set[str] = set(jurs(doc.issuer_body.id if doc.issuer_body else None))
        b: set[str] = {doc.issuer_body.id} if doc.issuer_body else set()
        for jj, bb in cited.get(rid, []):
            j |= jj
            b |= bb
        d, y = dated(doc.date)
        parts = [doc.title, doc.number, doc.issuer, doc.archive_ref, doc.note, rid]
        add(Entry("", "document", doc.loc.file, doc.loc.line, doc.title or rid, "\n".join(p for p in parts if p),
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

    # people and posts
    posts_of: dict[str, list] = {}
    for p in a.posts:
        pid = p.person.id if p.person else ""
        bid = p.body.id if p.body else ""
        posts_of.setdefault(pid, []).append(p)
        person = a.people.get(pid)
        pname = person.name if person else pid
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

    # staffing figures
    for s in a.staffing:
        bid = s.scope or ""
        d, y = dated(s.date)
        basis = BASIS_ZH.get(s.basis, s.basis)
        parts = [f"{name(bid, s.date)}{s.system + '系统' if s.system else ''}{basis}{staffing_text(s.figures) if s.figures else '编制'}", s.note, bid]
        add(Entry("", "staffing", s.loc.file, s.loc.line, f"{name(bid, s.date)} {basis}编制",
                  "\n".join(x for x in parts if x), s.id, d, y, s.classification.name,
                  [s.jurisdiction.id] if s.jurisdiction else sorted(jurs(bid)), [bid] if s.body else []))

    # chapters, one entry per section; references shown as the names they stand for
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
            for line, head, text in _sections(body, ch.body_line):
                first, last = line - ch.body_line, line - ch.body_line + text.count("\n")
                lv = highest([ch.classification] + [p[0] for p in ch.passages
                                                    if p[1] <= last and (p[2] < 0 or p[2] >= first)])
                title = ch.title + (f" · {head}" if head and head != ch.title else "")
                add(Entry("", "chapter", ch.path, line, title or ch.path, text, "", "", None, lv.name,
                          sorted(j), sorted(b), lines=True))
    return out


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


# ---------------------------------------------------------------- whoosh
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def _schema():
    from jieba.analyse import ChineseAnalyzer
    from whoosh.analysis import NgramAnalyzer
    from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

    _jieba()
    zh = ChineseAnalyzer()
    return Schema(key=ID(stored=True, unique=True), file=ID(stored=True), kind=ID(stored=True),
                  line=STORED, lines=STORED, rid=ID(stored=True), date=STORED,
                  year=NUMERIC(stored=True, signed=False), level=ID(stored=True),
                  jurisdictions=KEYWORD(stored=True, commas=True), bodies=KEYWORD(stored=True, commas=True),
                  title=TEXT(analyzer=zh, stored=True, field_boost=2.0), content=TEXT(analyzer=zh, stored=True),
                  grams=TEXT(analyzer=NgramAnalyzer(1, 2)))


def _signatures(root: Path) -> dict[str, list[int]]:
    sigs: dict[str, list[int]] = {}
    for top, suffixes in TRACKED:
        base = root / top
        if not base.is_dir():
            continue
        for p in base.rglob("*"):
            if p.suffix in suffixes and p.is_file():
                st = p.stat()
                sigs[p.relative_to(root).as_posix()] = [st.st_mtime_ns, st.st_size]
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


def update_index(root: Path, rebuild: bool = False) -> Update:
    """Bring the index up to date with the files under ``root``; see the module docstring."""
    from whoosh import index

    t0 = time.perf_counter()
    _jieba()  # before the stored schema's analyzer loads the dictionary, so that it does so quietly
    root = Path(root).resolve()
    d = index_dir(root)
    res = Update()
    manifest_path = d / MANIFEST
    manifest: dict = {}
    if not rebuild and manifest_path.is_file() and index.exists_in(d):
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            manifest = {}
    if manifest.get("version") != VERSION:
        d.mkdir(parents=True, exist_ok=True)
        index.create_in(d, _schema())
        manifest = {"version": VERSION, "files": {}}
        res.full = True
    known: dict[str, dict] = manifest["files"]
    sigs = _signatures(root)
    if not res.full and all(known.get(f, {}).get("sig") == s for f, s in sigs.items()) \
            and all(f in sigs or info.get("sig") is None for f, info in known.items()):
        res.seconds = time.perf_counter() - t0
        return res

    from .loader import load_archive

    res.loaded = True
    entries = collect(load_archive(root))
    by_file: dict[str, list[Entry]] = {}
    for e in entries:
        by_file.setdefault(e.file, []).append(e)
    files = set(sigs) | set(by_file)
    new_known: dict[str, dict] = {}
    changed: list[str] = []
    for f in sorted(files):
        digest = hashlib.sha1(json.dumps([asdict(e) for e in by_file.get(f, [])], ensure_ascii=False,
                                         sort_keys=True).encode()).hexdigest()
        info = {"sig": sigs.get(f), "hash": digest}
        old = known.get(f)
        if old is None or old.get("hash") != digest:
            changed.append(f)
        new_known[f] = info
    removed = sorted(set(known) - files)
    ix = index.open_dir(d)
    writer = ix.writer(timeout=10)
    try:
        for f in changed + removed:
            if f in known:
                writer.delete_by_term("file", f)
        for f in changed:
            for e in by_file.get(f, []):
                writer.add_document(**_fields(e))
                res.entries += 1
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    res.reindexed = [f for f in changed if by_file.get(f) or f in known]
    res.removed = removed
    manifest["files"] = new_known
    tmp = manifest_path.with_suffix(".tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    tmp.replace(manifest_path)
    res.seconds = time.perf_counter() - t0
    return res


def _fields(e: Entry) -> dict:
    f = {"key": e.key, "file": e.file, "kind": e.kind, "line": e.line, "lines": e.lines, "rid": e.rid,
         "date": e.date, "level": e.level, "jurisdictions": ",".join(e.jurisdictions),
         "bodies": ",".join(e.bodies), "title": e.title, "content": e.content, "grams": f"{e.title}\n{e.content}"}
    if e.year is not None:
        f["year"] = e.year
    return f


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


@dataclass
class Result:
    hits: list[Hit]                 # all matches, best first
    kinds: Counter                  # facet counts over all matches
    years: Counter                  # by decade ("1980年代") or year, see ``by_year``
    levels: Counter
    terms: list[str]                # what to highlight
    by_year: bool = False


def query_terms(text: str) -> list[str]:
    """The strings to highlight for a query: the words as typed and their jieba search-mode parts."""
    jb = _jieba()
    terms: set[str] = set()
    for word in text.split():
        terms.add(word)
        for w, _s, _e in jb.tokenize(word, mode="search"):
            if len(w.strip()) > 1:
                terms.add(w.strip())
    return sorted(terms, key=len, reverse=True)


def _query(text: str, schema):
    from whoosh.query import And, Or, Term

    jb = _jieba()
    ngram = schema["grams"].analyzer
    clauses = []
    for word in text.split():
        toks = {t.lower() for t, _s, _e in jb.tokenize(word, mode="search") if t.strip()}
        words = And([Or([Term("title", t), Term("content", t)]) for t in sorted(toks)]) if toks else None
        grams = sorted({t.text for t in ngram(word.lower()) if len(t.text) == min(2, len(word))})
        literal = And([Term("grams", g) for g in grams]) if grams else None
        alts = [q for q in (words, literal) if q is not None]
        if alts:
            clauses.append(Or(alts))
    return And(clauses) if clauses else None


def search(root: Path, text: str, kinds: list[str] | None = None, jurisdiction: str | None = None,
           body: str | None = None, years: tuple[int, int] | None = None, levels: list[str] | None = None) -> Result:
    """Every entry matching ``text`` (all its words), best first, narrowed by the filters, with facet counts.

    Call ``update_index`` first. Literal matching: each word is found either as jieba words or as its
    characters in sequence (bigrams), so a part of a long name (区财政局 in 河东区财政局) is found.
    """
    from whoosh import index
    from whoosh.query import And, NumericRange, Or, Term

    _jieba()
    ix = index.open_dir(index_dir(Path(root).resolve()))
    q = _query(text, ix.schema)
    res = Result([], Counter(), Counter(), Counter(), query_terms(text))
    if q is None:
        return res
    filters = []
    if kinds:
        filters.append(Or([Term("kind", k) for k in kinds]))
    if levels:
        filters.append(Or([Term("level", lv) for lv in levels]))
    if jurisdiction:
        filters.append(Term("jurisdictions", jurisdiction))
    if body:
        filters.append(Term("bodies", body))
    if years:
        filters.append(NumericRange("year", years[0], years[1]))
    res.by_year = bool(years and years[1] - years[0] < 10)
    with ix.searcher() as s:
        for h in s.search(q, filter=And(filters) if filters else None, limit=None):
            f = h.fields()
            hit = Hit(f["kind"], f["file"], f.get("line") or 0, f.get("title", ""), f.get("content", ""),
                      f.get("rid", ""), f.get("date", ""), f.get("year"), f.get("level", "公开"), h.score,
                      bool(f.get("lines")))
            res.hits.append(hit)
            res.kinds[hit.kind] += 1
            res.levels[hit.level] += 1
            if hit.year is None:
                res.years["无日期"] += 1
            else:
                res.years[f"{hit.year}年" if res.by_year else f"{hit.year // 10 * 10}年代"] += 1
    return res


def snippet(hit: Hit, terms: list[str], mark: tuple[str, str] = ("【", "】"), width: int = 80) -> tuple[str, int]:
    """A passage of the hit's text around its densest matches, with matches wrapped in ``mark``; and its line."""
    text = hit.content
    spans: list[tuple[int, int]] = []
    low = text.lower()
    for t in terms:
        tl = t.lower()
        i = low.find(tl)
        while tl and i >= 0:
            if not any(a <= i < b or a < i + len(tl) <= b for a, b in spans):
                spans.append((i, i + len(tl)))
            i = low.find(tl, i + 1)
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
