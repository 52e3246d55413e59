"""Typeset the volume with WeasyPrint, in chunks laid out in parallel processes, each once.

The body is cut into chunks at top-level sections (概述, 大事记, each 篇, 附录, 索引 …), and a long section
(附录) also before its headings that start a page (``Section``); a piece still much longer than a chunk (the
大事记, a section of the 附录) is set in parts one after another, each cut before the last page its layout began
with one of the section's elements (``_soft_pieces``) or with a row of one of its long tables (the 文件目录, the
领导名录), each part of such a table with the widths of the whole table (``tablecols.py``). Every chunk is a document of its own, laid out
from page 1 and ending with a blank page: a chunk's layout does not depend on where it lands in the volume (it
always starts on a right-hand page; page numbers sit in margin boxes), so a worker lays it out, holds it until
the chunks before it are laid out, then numbers its pages from where it begins (``folio.py``), keeps the blank
page only when the next chunk would start on a left-hand page, checks its lines and writes it. A piece of a cut
section goes on from the page after the chunk before it: it is laid out when that page's side is known.

The TOC and index numbers come from the laid-out anchors (never from ``target-counter()``, which cannot cross
chunks); the index chunk (and what follows it) is laid out with its numbers once the body is (first with room
for them, only when a mention follows the index), again if they change, the front matter (with the TOC) last. Layouts and written chunks are cached by content in ``.cache/book/``: after an edit to one
chapter only its chunk is laid out again, and the chunks after it only if its page count changed. All are
merged with pypdf, and each font is then embedded once (``pdffonts.share_font_programs``). The Chinese line
rules (避头尾) are checked on the laid-out lines.
"""

from __future__ import annotations

import functools
import hashlib
import html as html_lib
import io
import json
import logging
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..progress import QUIET, Progress
from .book import BookWriter, esc, to_roman
from .pdffonts import share_font_programs


def wpfix_version() -> str:
    """Part of every cached layout's key: a layout made before a correction to WeasyPrint is not reused."""
    return "footnotes-1"

LAYOUT_META = "starts-sig-2"  # what a cached layout holds besides pages and anchors (``_meta``)

# GB/T 15834 避头尾: these never start a line …
NO_START = set("。，、；：？！）》」』】〕〗〉”’…—%‰·")
# … and these never end one
NO_END = set("（《「『【〔〖〈“‘")


@dataclass
class LineIssue:
    page: str
    line: str
    problem: str


@dataclass
class TypesetResult:
    pdf: Path
    pages: int
    front_pages: int
    body_pages: int
    toc: list[tuple[int, str, str]]           # level, title, page label
    index_pages: dict[str, list[str]]
    line_issues: list[LineIssue] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    chunks: int = 1
    typeset_chunks: int = 0                   # chunk layouts actually done (the rest came from the cache)
    notes: dict[str, list[str]] = field(default_factory=dict)  # chapter → anchors of the notes it printed
    anchors: set[str] = field(default_factory=set)             # every anchor laid out on a page
    flowing: int = 0                          # chunks that go on from the chunk before (a long section cut)
    soft_cuts: int = 0                        # long pieces cut where their layout began a page (``_soft_pieces``)
    refused_cuts: int = 0                     # such cuts not taken (the part after one was not laid out the same)
    table_cuts: int = 0                       # soft cuts between the rows of a long table (``tablecols``)


def _line_texts(box, first: bool = True):
    """(text, broken) of every line: ``broken`` when the line follows another line of the same block, i.e. begins
    where the text was broken (the rule against a line starting with “？” or “，” is about breaks: a table cell
    that begins with “？—1956年”, as a term of unknown start prints, breaks nothing)."""
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.LineBox):
        yield "".join(child.text for child in box.descendants() if isinstance(child, boxes.TextBox)), not first
        return
    seen_line = False
    for child in getattr(box, "children", []) or []:
        is_line = isinstance(child, boxes.LineBox)
        yield from _line_texts(child, not (is_line and seen_line))
        seen_line = seen_line or is_line


def check_lines(doc, label) -> list[LineIssue]:
    issues = []
    for i, page in enumerate(doc.pages):
        # a line of one character is a whole table cell or figure label ("—" for no figure), not broken text
        found = [(t, broken) for t, broken in _line_texts(page._page_box) if len(t.strip()) > 1]
        lines = [t for t, _ in found]
        for j, (text, broken) in enumerate(found):
            s = text.strip()
            if broken and s[0] in NO_START and not s.startswith(("——", "……")):
                issues.append(LineIssue(label(i), s[:30], f"行首出现“{s[0]}”"))
            if s[-1] in NO_END:
                issues.append(LineIssue(label(i), s[-30:], f"行末出现“{s[-1]}”"))
            if s.endswith("—") and not s.endswith("——") and j + 1 < len(lines) and lines[j + 1].strip().startswith("—"):
                issues.append(LineIssue(label(i), s[-30:], "破折号“——”被拆在两行"))
            if s.endswith("…") and not s.endswith("……") and j + 1 < len(lines) and lines[j + 1].strip().startswith("…"):
                issues.append(LineIssue(label(i), s[-30:], "省略号“……”被拆在两行"))
    return issues


# ---- chunks, in worker processes --------------------------------------------------------------------------
def _meta(laid) -> dict:
    """Page count and anchors → page of a laid-out chunk; with, for cutting a long section (``_soft_pieces``),
    the pages that begin cleanly with a child of the section (``_clean_starts``) and a digest of every page."""
    anchors: dict[str, int] = {}
    for i, page in enumerate(laid.document.pages):
        for name in page.anchors:
            anchors.setdefault(name, i)
    return {"pages": len(laid.document.pages), "anchors": anchors, "starts": _clean_starts(laid),
            "sig": [_page_digest(page._page_box) for page in laid.document.pages]}


def _tag(element) -> str:
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def _clean_starts(laid) -> list[list]:
    """For a chunk that is one section (and perhaps its blank last page): [page, child, tag, top margin] of every
    page after the first whose first box is the start of the section's ``child``-th element (not the rest of an
    element begun on the page before) and which shows no note called on a page before it. Such a page is where
    the section may be cut: laid out from that element on, on a page of its own and with the top margin it had
    there (none after a page break the text made, its own after a forced one), it is the same page."""
    from weasyprint.formatting_structure import boxes

    root = laid.document._html.etree_element
    body = next((e for e in root if _tag(e) == "body"), None)
    sections = [e for e in (body if body is not None else []) if _tag(e) == "section"
                and "blank-end" not in (e.get("class") or "").split()]
    if len(sections) != 1:
        return []
    section = sections[0]
    index = {id(e): k for k, e in enumerate(x for x in section if _tag(x))}

    def section_box(page_box):
        stack = [page_box.children[0]] if page_box.children else []
        while stack:
            box = stack.pop()
            if box.element is section and box.element_tag == "section" and isinstance(box, boxes.BlockBox):
                return box
            if box.element is root or _tag(box.element) == "body":
                stack.extend(reversed(getattr(box, "children", []) or []))
        return None

    out, pending, last, last_row = [], set(), None, None
    for i, page in enumerate(laid.document.pages):
        page_box = page._page_box
        flow = page_box.children[0] if page_box.children else None
        called = {id(b.footnote.element) for b in (flow.descendants() if flow is not None else [])
                  if getattr(b, "footnote", None) is not None}
        shown = {id(b.element) for area in page_box.children[1:2] for b in area.children}
        box = section_box(page_box)
        kids = box.children if box is not None else []
        rows = _body_rows(kids[0]) if kids and _tag(kids[0].element) == "table" else []
        if i and kids and not pending and shown <= called:
            first = kids[0].element
            margin = kids[0].margin_top
            margin = margin if isinstance(margin, (int, float)) else 0
            if first is not section and id(first) in index and first is not last:
                out.append([i, index[id(first)], _tag(first), margin])
            elif first is last and id(first) in index and rows and rows[0].element is not last_row:
                # a table going on from the page before, with a row of its body beginning here
                body = [tr for g in first if _tag(g) == "tbody" for tr in g if _tag(tr) == "tr"]
                at = next((r for r, tr in enumerate(body) if tr is rows[0].element), None)
                if at is not None:
                    out.append([i, index[id(first)], "table", margin, at])
        pending = (pending | called) - shown
        last = kids[-1].element if kids else None
        if kids and kids[-1] is not kids[0]:
            rows = _body_rows(kids[-1]) if _tag(kids[-1].element) == "table" else []
        last_row = rows[-1].element if rows else None
    return out


def _body_rows(wrapper) -> list:
    """The boxes of the body rows of a table (its wrapper's box) on a page, in order (not the repeated head)."""
    from weasyprint.formatting_structure import boxes

    return [row for table in wrapper.children if isinstance(table, boxes.TableBox)
            for group in table.children if not group.is_header and not group.is_footer
            for row in group.children]


def _page_digest(page_box) -> str:
    """Every box of a page (its footnotes too, not its margin boxes): kind, place, size and text."""
    def num(v) -> str:
        return f"{v:.3f}" if isinstance(v, (int, float)) else str(v)

    h = hashlib.sha1()
    for b in page_box.descendants():
        if b is not page_box:
            h.update(f"{type(b).__name__}|{num(b.position_x)}|{num(b.position_y)}|{num(b.width)}|{num(b.height)}|"
                     f"{getattr(b, 'text', '')}\n".encode())
    return h.hexdigest()[:16]


class _Chunks:
    """What a worker does: lay a chunk out and hold it until its first page is known; number its pages, check
    its lines and write it. Messages are tuples (operation, key, …); the answer names the key again."""

    def __init__(self, base: str):
        from . import tablecols, wpfix  # noqa: F401  (a long table's parts keep its widths; no footnote dropped)

        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        logging.getLogger("fontTools").setLevel(logging.ERROR)
        self.base = base
        self.held: dict[str, object] = {}

    def handle(self, msg: tuple) -> tuple:
        from .folio import number_pages, paginate

        op, key = msg[0], msg[1]
        if op == "drop":
            self.held.pop(key, None)
            return ("dropped", key)
        if op == "measure":  # ("measure", key, html): the widths of a long table, laid out whole
            from .tablecols import measure

            return ("measured", key, {"pages": 1, "anchors": {}, "widths": measure(msg[2], self.base)})
        if op == "lay":  # ("lay", key, html, hold)
            laid = paginate(msg[2], self.base)
            if msg[3]:
                self.held[key] = laid
            return ("laid", key, _meta(laid))
        # ("final", key, html or None (laid and held here), first page, pages kept: all, all but the blank last
        # page, or those before the page where the next piece of a long section begins)
        _, key, html, first_page, keep = msg
        laid = self.held.pop(key) if html is None else paginate(html, self.base)
        meta = _meta(laid) if html is not None else None
        doc = number_pages(laid, first_page)
        if keep < len(doc.pages):
            doc = doc.copy(doc.pages[:keep])
        issues = check_lines(doc, lambda i: str(first_page + i))
        out = {"pages": len(doc.pages), "issues": [(x.page, x.line, x.problem) for x in issues],
               "pdf": doc.write_pdf()}
        return ("final", key, meta, out)


def _worker(conn, base: str) -> None:
    import traceback

    chunks = _Chunks(base)
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg is None:
            return
        try:
            conn.send(chunks.handle(msg))
        except BaseException:  # noqa: BLE001  (told to the parent, which stops the build)
            conn.send(("error", msg[1], traceback.format_exc()))
        if msg[0] in ("final", "drop", "measure"):
            _give_back()


def _give_back() -> None:
    """Return to the system the memory of a chunk let go: its boxes hold cycles that only the collector frees,
    and glibc keeps freed memory in the process unless asked; a worker that has written fifty chunks would
    otherwise be as large as if it held them all."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the memory stays with the process, as before
        pass


class _Worker:
    def __init__(self, base: str, in_process: bool):
        self.held: dict[str, int] = {}  # chunks laid out here, waiting for their first page → their pages
        self.task: tuple | None = None
        self.answer: tuple | None = None
        if in_process:
            self.proc, self.conn, self.local = None, None, _Chunks(base)
        else:
            import multiprocessing

            # a fresh interpreter (not a fork of the build, with its archive in memory): a worker's memory is
            # its chunks' only
            ctx = multiprocessing.get_context("spawn")
            parent, child = ctx.Pipe()
            self.proc = ctx.Process(target=_worker, args=(child, base), daemon=True)
            self.proc.start()
            child.close()
            self.conn, self.local = parent, None

    def send(self, task: tuple) -> None:
        self.task = task
        if self.local is not None:
            self.answer = self.local.handle(task)
        else:
            self.conn.send(task)

    def receive(self) -> tuple:
        if self.local is not None:
            answer, self.answer = self.answer, None
        else:
            try:
                answer = self.conn.recv()
            except EOFError:
                raise RuntimeError("排版进程意外退出（可能是内存不足），请减少并行进程数后重试") from None
        self.task = None
        return answer

    def close(self) -> None:
        if self.proc is not None:
            try:
                self.conn.send(None)
            except OSError:
                pass
            self.proc.join(timeout=10)
            if self.proc.is_alive():
                self.proc.terminate()
                self.proc.join()


HOLD_PAGES = 300  # pages a worker may hold laid out while it waits to learn where they begin (some 2 MB each)


class _Engine:
    """Lays chunks out in worker processes, each chunk once: a worker keeps a chunk it laid out until the chunks
    before it are laid out too, then numbers its pages and writes it. Layouts (page count and anchors) and
    written chunks are cached by content in ``.cache/book/``; a chunk whose layout is cached but not its PDF
    at this first page is laid out and written in one go."""

    def __init__(self, base: Path, cache: Path | None, workers: int, progress: Progress = QUIET,
                 edition: str = "public"):
        self.base, self.cache, self.nworkers = str(base), cache, max(1, workers)
        self.edition = edition
        self.workers: list[_Worker] = []
        self.queue: list[tuple] = []
        self.metas: dict[str, dict] = {}
        self.finals: dict[str, dict] = {}
        self.holder: dict[str, _Worker] = {}
        self.html: dict[str, str] = {}
        self.used: set[str] = set()  # every cache entry this build asked for: those it keeps
        self.done = 0                 # layouts actually made (the rest came from the cache)
        self.cached = 0
        self.stage = None
        self.fingerprint = _fingerprint()
        if cache:
            cache.mkdir(parents=True, exist_ok=True)

    # ---- what the build asks for -------------------------------------------------------------------------
    def key(self, html: str) -> str:
        h = hashlib.sha256(html.encode("utf-8"))
        # the edition too, though its HTML differs already (its mark): a public build never takes an internal
        # edition's chunk, whatever a template does
        h.update(f"|{self.edition}|{self.base}|{self.fingerprint}|{_resources(html, Path(self.base))}".encode())
        return h.hexdigest()[:32]

    def lay(self, html: str, hold: bool = True, urgent: bool = False) -> str:
        """Start laying ``html`` out (unless its layout is known); its key, for ``meta`` and ``final``. An
        ``urgent`` chunk (one the build waits for, whose HTML could not be made before) is laid out next, whatever
        the worker holds."""
        key = self.key(html)
        self.used.add(key)
        self.html[key] = html
        if key not in self.metas and not any(t[0] == "lay" and t[1] == key for t in self.queue) \
                and not any(w.task and w.task[1] == key for w in self.workers):
            cached = self._load(key)
            if cached is not None:
                self.metas[key] = cached
            else:
                task = ("lay", key, html, hold, urgent)
                if urgent:
                    self.queue.insert(0, task)
                else:
                    self.queue.append(task)
        return key

    def measure(self, html: str) -> str:
        """Start measuring the long table marked in ``html`` (``tablecols.measure``), unless its widths are known."""
        key = self.key(html)
        self.used.add(key)
        if key not in self.metas and not any(t[1] == key for t in self.queue) \
                and not any(w.task and w.task[1] == key for w in self.workers):
            cached = self._load(key)
            if cached is not None and isinstance(cached.get("widths"), (str, dict)):
                self.metas[key] = cached
            else:
                self.queue.insert(0, ("measure", key, html))
        return key

    def meta(self, key: str) -> dict:
        while key not in self.metas:
            self._pump()
        return self.metas[key]

    def drop(self, key: str) -> None:
        """A chunk laid out that will not be printed (a draft of the index): its worker lets it go."""
        w = self.holder.pop(key, None)
        if w is not None:
            self.queue.append(("drop", key, w))

    def final(self, key: str, first_page: int, keep: int) -> str:
        """Number, check and write the first ``keep`` pages of the chunk ``key`` (laid out already) from page
        ``first_page``."""
        name = _final_name(key, first_page, keep)
        self.used.add(name)
        if name in self.finals or any(t[0] == "final" and t[1] == key for t in self.queue):
            return name
        cached = self._load(name, pdf=True)
        if cached is not None:
            self.finals[name] = cached
            self.cached += 1
            self._tick(cached=True)
            self.drop(key)
            return name
        self.queue.append(("final", key, None if key in self.holder else self.html[key], first_page, keep))
        return name

    def result(self, name: str) -> dict:
        while name not in self.finals:
            self._pump()
        return self.finals[name]

    def close(self) -> None:
        for w in self.workers:
            w.close()
        self.workers = []

    # ---- the workers -----------------------------------------------------------------------------------------
    def _pick(self, w: _Worker | None) -> tuple | None:
        """The next task for worker ``w`` (None: a worker not started yet): first what only it can do (number a
        chunk it holds), then a chunk to lay out and write at once, then the next chunk to lay out, if it holds
        fewer than ``HOLD_PAGES`` pages waiting for their first page."""
        held = sum(w.held.values()) if w is not None else 0
        for rule in ("mine", "any final", "lay"):
            for i, t in enumerate(self.queue):
                if rule == "mine" and w is not None and ((t[0] == "final" and t[2] is None and self.holder.get(t[1]) is w)
                                                         or (t[0] == "drop" and t[2] is w)):
                    return self.queue.pop(i)
                if rule == "any final" and (t[0] == "measure" or (t[0] == "final" and t[2] is not None)):
                    return self.queue.pop(i)
                if rule == "lay" and t[0] == "lay" and (not t[3] or t[4] or held < HOLD_PAGES):
                    return self.queue.pop(i)
        return None

    def _give(self, w: _Worker, task: tuple) -> None:
        if task[0] == "lay" and task[3]:
            w.held[task[1]] = 0
        w.send(task[:2] if task[0] == "drop" else task)

    def _pump(self) -> None:
        """Give every idle worker a task (starting workers as there is work for them), then take an answer."""
        for w in self.workers:
            if w.task is None and (task := self._pick(w)) is not None:
                self._give(w, task)
        while len(self.workers) < self.nworkers and (task := self._pick(None)) is not None:
            self.workers.append(_Worker(self.base, self.nworkers == 1))
            self._give(self.workers[-1], task)
        busy = [w for w in self.workers if w.task is not None]
        if not busy:
            raise RuntimeError("排版调度出错：没有可做的排版任务，请报告此问题")
        if busy[0].local is not None:
            ready = busy
        else:
            from multiprocessing.connection import wait

            conns = wait([w.conn for w in busy])
            ready = [w for w in busy if w.conn in conns]
        for w in ready:
            task = w.task
            answer = w.receive()
            self._take(w, task, answer)

    def _take(self, w: _Worker, task: tuple, answer: tuple) -> None:
        kind, key = answer[0], answer[1]
        if kind == "error":
            raise RuntimeError(f"排版时出错：\n{answer[2]}")
        if kind == "dropped":
            w.held.pop(key, None)
            return
        if kind == "measured":
            self.metas[key] = answer[2]
            self._store(key, answer[2])
            return
        if kind == "laid":
            self.done += 1
            self.metas[key] = answer[2]
            self._store(key, answer[2])
            if task[3]:
                self.holder[key] = w
                w.held[key] = answer[2]["pages"]
            return
        _, key, meta, out = answer
        if meta is not None:
            self.done += 1
            self.metas.setdefault(key, meta)
        else:
            w.held.pop(key, None)
            self.holder.pop(key, None)
        _, _, _, first_page, keep = task
        if out["pages"] != min(keep, self.metas[key]["pages"]):
            raise RuntimeError("分块排版前后页数不一致，请报告此问题")
        name = _final_name(key, first_page, keep)
        self.finals[name] = out
        self._store(name, out)
        self._tick()

    def _tick(self, cached: bool = False) -> None:
        """One more chunk written: typeset now, or taken from the cache (then it is not counted as work)."""
        if self.stage is None:
            return
        if cached:
            self.stage.set_total(self.stage.total - 1)
            self.stage.set_note(f"另有 {self.cached} 块取自缓存")
        else:
            self.stage.update()

    # ---- the cache -----------------------------------------------------------------------------------------
    def _load(self, name: str, pdf: bool = False) -> dict | None:
        """A cached entry, or None. An entry a killed build left half-written is a miss (and is removed),
        never an error: later builds must not depend on someone deleting the folder by hand."""
        if not self.cache:
            return None
        meta = self.cache / f"{name}.json"
        data = self.cache / f"{name}.pdf"
        if not meta.exists() or (pdf and not data.exists()):
            return None
        try:
            out = json.loads(meta.read_text(encoding="utf-8"))
            if not _entry_ok(out, pdf):
                raise ValueError("incomplete")
            if pdf:
                raw = data.read_bytes()
                if not raw.startswith(b"%PDF") or b"%%EOF" not in raw[-1024:]:
                    raise ValueError("truncated pdf")
                out["pdf"] = raw
        except (OSError, ValueError):
            meta.unlink(missing_ok=True)
            data.unlink(missing_ok=True)
            return None
        return out

    def _store(self, name: str, res: dict) -> None:
        """The PDF first, the metadata last, each written whole under a temporary name and then renamed: an
        entry is complete when its metadata exists."""
        if not self.cache:
            return
        meta = {k: v for k, v in res.items() if k != "pdf"}
        if "pdf" in res:
            _atomic_write(self.cache / f"{name}.pdf", res["pdf"])
        _atomic_write(self.cache / f"{name}.json", json.dumps(meta, ensure_ascii=False).encode("utf-8"))


def _final_name(key: str, first_page: int, keep: int) -> str:
    """The cache entry of the chunk laid out under ``key`` (``_Engine.key``), numbered from ``first_page``, its
    first ``keep`` pages written."""
    return f"{key}-{first_page}-{keep}"


def _entry_ok(out: object, pdf: bool) -> bool:
    """A cached layout (page count, anchors → page) or written chunk (page count, line issues) of the right
    shape: anything else (an entry from an older zhi, a disk error) is a miss."""
    if not isinstance(out, dict) or not isinstance(out.get("pages"), int) or out["pages"] < 1:
        return False
    if pdf:
        return isinstance(out.get("issues"), list) and all(
            isinstance(x, list) and len(x) == 3 and all(isinstance(y, str) for y in x) for x in out["issues"])
    anchors, starts, sig = out.get("anchors"), out.get("starts", []), out.get("sig", [])
    return isinstance(anchors, dict) and all(isinstance(i, int) and 0 <= i < out["pages"] for i in anchors.values()) \
        and isinstance(starts, list) and all(
            isinstance(x, list) and len(x) in (4, 5) and isinstance(x[0], int) and isinstance(x[1], int)
            and isinstance(x[2], str) and isinstance(x[3], (int, float)) and all(isinstance(y, int) for y in x[4:])
            for x in starts) \
        and isinstance(sig, list) and all(isinstance(x, str) for x in sig)


@functools.cache
def _fingerprint() -> str:
    """What a chunk's layout depends on besides its HTML: WeasyPrint and its PDF writer, our correction to it,
    and the fonts installed (a font updated or added can change every line)."""
    import importlib.metadata
    import subprocess

    parts = [wpfix_version(), LAYOUT_META]
    for dist in ("weasyprint", "pydyf", "fonttools"):
        try:
            parts.append(f"{dist}={importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{dist}=?")
    try:
        files = subprocess.run(["fc-list", "--format", "%{file}\n"], capture_output=True, text=True,
                               timeout=30, check=False).stdout.splitlines()
    except (OSError, subprocess.SubprocessError):
        files = []
    h = hashlib.sha256("|".join(parts).encode())
    for f in sorted(set(files)):
        try:
            st = os.stat(f)
            h.update(f"{f}:{st.st_size}:{st.st_mtime_ns}\n".encode())
        except OSError:
            h.update(f"{f}:-\n".encode())
    return h.hexdigest()[:16]


def _resources(html: str, base: Path) -> str:
    """Size and time of every local file the HTML shows (cover, plates …): a new picture under the same name
    is a new layout."""
    from urllib.parse import unquote, urlparse

    out = []
    for src in sorted(set(re.findall(r'\bsrc="([^"]+)"', html))):
        if src.startswith(("data:", "http:", "https:")):
            continue
        path = Path(unquote(urlparse(src).path)) if src.startswith("file:") else base / unquote(src)
        try:
            st = path.stat()
            out.append(f"{src}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            out.append(f"{src}:-")
    return ";".join(out)


CHUNK_CHARS = 120_000  # characters of HTML per chunk, some 50 pages
LONG_TABLE = 40_000    # a table of more characters may be cut between its rows (``Section.tables``)
MEASURE_CHARS = CHUNK_CHARS  # characters of a long table's rows measured by one worker (``_measure_rows``)

# Headings that book.css starts on a new page, left or right (``break-before: page``), inside the long sections
# (附录, 索引): such a section may be cut before each of them but the first, and the pieces typeset apart.
PAGE_HEADING = re.compile(r'<h2 class="(?:appendix|index)-title"')
_OPEN = re.compile(r'\s*<section class="([^"]*)"[^>]*>')
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
_FOOTNOTE = re.compile(r'<span class="fn[ "]')


@dataclass
class Section:
    """A top-level section of the body (a 章, the 大事记, the 附录 …) and the places it may be cut: ``cuts``
    are the offsets of its pieces after the first, each at a heading that starts a page.

    A piece after the first goes on from the page where the piece before it ends, on the next page, left or
    right; laid out on its own it is the same as in the whole section, since a left-hand and a right-hand page
    have the same text width and nothing before the heading reaches past the page break. What it takes from
    the pieces before it is said in its HTML: the section's running head and the footnotes counted so far
    (``section.flow-on`` in book.css), and the side of its first page (``BookWriter.document(start=…)``).

    A long piece is cut again where the layout shows a page beginning with one of the section's elements
    (``_soft_pieces``): ``between`` gives the HTML of the section from any element to any other."""
    html: str
    cuts: list[int] = field(default_factory=list)
    classes: str = ""
    title: str = ""
    end: int = 0
    opened: int = 0     # where the section's content begins (after its opening tag); 0: not a section understood
    widths: dict[int, str] = field(default_factory=dict)  # a long table's offset → its widths (``tablecols``)

    @classmethod
    def of(cls, html: str) -> Section:
        opening, h1, end = _OPEN.match(html), _H1.search(html), html.rfind("</section>")
        if opening is None or "chapter" not in opening.group(1).split() or h1 is None or end < h1.end() \
                or html.count("<section", 1, end) > 0:
            return cls(html)
        cuts = [m.start() for m in PAGE_HEADING.finditer(html)][1:]
        if cuts and (h1.start() > cuts[0] or end < cuts[-1]):
            return cls(html)
        title = html_lib.unescape(re.sub(r"<[^>]+>", "", h1.group(1))).strip()
        classes = " ".join("flow-on" if c == "chapter" else c for c in opening.group(1).split())
        return cls(html, cuts, classes, title, end, opening.end())

    @property
    def pieces(self) -> int:
        return len(self.cuts) + 1

    def bounds(self, i: int) -> tuple[int, int]:
        """Where piece i begins and ends (the end of the last: where the section closes, if it is understood)."""
        ends = [0, *self.cuts, self.end if self.opened else len(self.html)]
        return ends[i], ends[i + 1]

    def size(self, i: int) -> int:
        lo, hi = self.bounds(i)
        return hi - lo if i + 1 < self.pieces or not self.opened else len(self.html) - lo

    def html_of(self, i: int, j: int) -> str:
        """The pieces i … j-1 as HTML: the section itself when they are all of it."""
        return self.between(self.bounds(i)[0], self.bounds(j - 1)[1])

    def between(self, lo: int, hi: int, margin: float | None = None) -> str:
        """The section from offset ``lo`` (0, or where one of its elements begins) to ``hi`` (where one begins,
        or ``end``) as HTML. ``margin``: the element at ``lo`` begins a page in the layout of the section, with
        this top margin (in px; a page break the text makes takes it away, CSS 2 §13.3.3): so it does here."""
        if lo == 0 and hi >= self.end:
            return self.html
        inner, in_table = self._cut_tables(lo, hi, self.html[lo:hi], margin)
        if lo == 0:
            return inner + "</section>\n"
        if margin is not None and not in_table:
            m = _START_TAG.match(inner)
            inner = f'{m.group(1)} style="margin-top: {float(margin)!r}px"{inner[m.end(1):]}'
        notes = len(_FOOTNOTE.findall(self.html, 0, lo))
        return (f'<section class="{self.classes}" data-title="{esc(self.title)}" style="counter-reset: footnote '
                f'{notes}">{inner}</section>\n')

    def _cut_tables(self, lo: int, hi: int, text: str, margin: float | None) -> tuple[str, bool]:
        """``text`` (the HTML from ``lo`` to ``hi``) with the long table it begins or ends inside made whole again:
        opened with the table's own tag and head, with the widths of the whole table (and the top margin the
        row had where the layout began a page with it), closed after its last row. Whether it began in one."""
        t_lo, t_hi = self.table_at(lo), self.table_at(hi)
        if t_hi is not None:
            if t_hi.open >= lo:
                text = text[:t_hi.open - lo] + self._table_tag(t_hi, None) + text[t_hi.open_end - lo:]
            text += "</tbody></table>\n"
        if t_lo is not None:
            text = self._table_tag(t_lo, margin) + self.html[t_lo.open_end:t_lo.rows[0]] + text
        return text, t_lo is not None

    def _table_tag(self, t: _Table, margin: float | None) -> str:
        if t.open not in self.widths:
            raise RuntimeError("长表格未经测量即被分块，请报告此问题")
        tag = self.html[t.open:t.open_end].rstrip(">")
        style = "" if margin is None else f' style="margin-top: {float(margin)!r}px"'
        return f'{tag} data-widths="{self.widths[t.open]}"{style}>'

    def measure_html(self, t: _Table, blocks: list[tuple[int, int]] | None = None, mark: str = "") -> str:
        """The section with only the table ``t`` in it (with only these ``blocks`` of its rows, if given), marked
        to be measured (``tablecols.measure``; ``mark`` "rows": its rows' cells, ``tablecols.row_stats``)."""
        if blocks is None:
            text = self.between(t.open, t.end)
            at = text.index("<table", text.index(">") + 1)
            return f"{text[:at]}<table data-measure=\"\"{text[at + 6:]}"
        wrap = self.between(t.open, t.open)[:-len("</section>\n")]
        tag = self.html[t.open:t.open_end]
        return (f'{wrap}<table data-measure="{mark}"{tag[6:]}{self.html[t.open_end:t.rows[0]]}'
                + "".join(self.html[a:b] for a, b in blocks) + "</tbody></table>\n</section>\n")

    def blocks(self, t: _Table) -> list[tuple[int, int]]:
        """The table's body as runs of rows that no cut divides (a row and those under its cells spanning rows)."""
        starts = [t.rows[0], *sorted(t.cuts)]
        return list(zip(starts, [*starts[1:], t.body_end]))

    def row_groups(self, t: _Table, size: int) -> list[tuple[int, int]]:
        """The table's ``blocks`` in groups of about ``size`` characters (first block, after the last), to be
        measured apart."""
        out, first, chars, blocks = [], 0, 0, self.blocks(t)
        for i, (a, b) in enumerate(blocks):
            chars += b - a
            if chars >= size:
                out.append((first, i + 1))
                first, chars = i + 1, 0
        if first < len(blocks):
            out.append((first, len(blocks)))
        return out

    def widest_blocks(self, t: _Table, groups: list[tuple[int, int]], stats: list[dict]) -> list[int]:
        """The blocks of the table (``blocks``) the whole table's widths come from, given each group's
        ``tablecols.row_stats``: those with a column's widest cell (min- and max-content, percentage), its first
        cell of a width of its own, and every cell spanning columns."""
        blocks = self.blocks(t)
        starts = {a: i for i, (a, _) in enumerate(blocks)}
        block_of, b = [], -1
        for row in t.rows:
            b = starts.get(row, b)
            block_of.append(b)
        first_row = {row: k for k, row in enumerate(t.rows)}
        best: dict[tuple[int, int], tuple[float, int]] = {}
        keep: set[int] = set()
        for (g, _), st in zip(groups, stats):
            base = first_row[blocks[g][0]]
            keep |= {block_of[base + r] for r in st["spans"]}
            for x, (*widest, fixed) in st["columns"]:
                if fixed >= 0 and (x, 3) not in best:
                    best[x, 3] = (0, block_of[base + fixed])
                for k, (v, r) in enumerate(widest):
                    if r >= 0 and ((x, k) not in best or v > best[x, k][0]):
                        best[x, k] = (v, block_of[base + r])
        return sorted(keep | {b for _, b in best.values()})

    def table_at(self, offset: int) -> _Table | None:
        """The long table whose rows ``offset`` is among (after its first), if any."""
        return next((t for t in self.tables if t.rows[0] < offset < t.body_end), None)

    def long_tables(self, lo: int, hi: int) -> list[_Table]:
        """The long tables that reach into ``lo`` … ``hi``: a part of the section there may cut them."""
        return [t for t in self.tables if t.open < hi and lo < t.end]

    def row_offset(self, t: _Table, first: int, r: int) -> int | None:
        """Where the ``r``-th row of a part of the table ``t`` begins, the part's first row being the table's row
        at offset ``first`` (the table's first row, when the part holds the table's beginning): None when the
        section is not cut there (a row under a cell spanning rows from the row before)."""
        k = t.rows.index(first) + r if first in t.rows else -1
        return t.rows[k] if 0 < k < len(t.rows) and t.rows[k] in t.cuts else None

    @functools.cached_property
    def _parsed(self) -> tuple[list[tuple[int, str]], list[_Table]]:
        return _children(self.html, self.opened, self.end) if self.opened else ([], [])

    @property
    def children(self) -> list[tuple[int, str]]:
        """(offset, tag) of the section's elements, in order (as an HTML parser makes them children of the
        section element; the layout names them by their place among them)."""
        return self._parsed[0]

    @property
    def tables(self) -> list[_Table]:
        """The section's long tables (over ``LONG_TABLE`` characters): a part of it may begin or end between
        their rows."""
        return [t for t in self._parsed[1] if t.end - t.open > LONG_TABLE and len(t.rows) > 1]

    @functools.cached_property
    def ends(self) -> list[int]:
        """Where a part of the section may end: before one of its elements, or before a row of a long table."""
        return sorted({o for o, _ in self.children} | {o for t in self.tables for o in t.cuts})

    def can_start(self, offset: int) -> bool:
        """Whether a piece may begin at the element at ``offset`` (its opening tag sets no style of its own)."""
        m = _START_TAG.match(self.html, offset)
        return m is not None and "style=" not in m.group(0) and not m.group(0).endswith("/>")

    def soft_end(self, lo: int, hi: int, size: int) -> int:
        """Where a piece from ``lo`` of about ``size`` characters ends: at an element, or at ``hi``."""
        if hi - lo <= size * 3 // 2:
            return hi
        return next((o for o in self.ends if lo + size <= o < hi), hi)


_START_TAG = re.compile(r"(<[a-zA-Z][\w-]*\b[^>]*?)/?>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class _Table:
    """A table among a section's elements: where its opening tag begins and ends, where each row of its body
    begins (``rows``), the rows a part may begin with (``cuts``: not the first, nor one under a cell that spans
    rows from above it), where its body closes (``</tbody>``) and where the table ends."""
    open: int
    open_end: int
    rows: list[int] = field(default_factory=list)
    cuts: set[int] = field(default_factory=set)
    body_end: int = 0
    end: int = 0


def _children(html: str, lo: int, hi: int) -> tuple[list[tuple[int, str]], list[_Table]]:
    """(offset, tag) of the elements of ``html[lo:hi]`` that are not inside another; and its tables."""
    from html.parser import HTMLParser

    text = html[lo:hi]
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    out: list[tuple[int, str]] = []
    tables: list[_Table] = []
    depth = 0
    group = ""          # the row group of the table open at the top level (thead, tbody …)
    spanned = 0         # rows of its body still under a cell that spans rows from above

    class Parser(HTMLParser):
        def at(self) -> int:
            line, col = self.getpos()
            return lo + line_starts[line - 1] + col

        def handle_starttag(self, tag, attrs):
            nonlocal depth, group, spanned
            if depth == 0:
                out.append((self.at(), tag))
                if tag == "table":
                    tables.append(_Table(self.at(), self.at() + len(self.get_starttag_text())))
            elif tables and tables[-1].end == 0:
                t = tables[-1]
                if depth == 1:
                    group = tag
                elif depth == 2 and tag == "tr" and group == "tbody":
                    if t.rows and spanned == 0:
                        t.cuts.add(self.at())
                    t.rows.append(self.at())
                    spanned = max(0, spanned - 1)
                elif depth == 3 and group == "tbody" and tag in ("td", "th"):
                    span = dict(attrs).get("rowspan") or "1"
                    spanned = max(spanned, int(span) - 1 if span.isdigit() else 0)
            if tag not in _VOID:
                depth += 1

        def handle_startendtag(self, tag, attrs):
            if depth == 0:
                out.append((self.at(), tag))

        def handle_endtag(self, tag):
            nonlocal depth, group
            if tag not in _VOID:
                depth = max(0, depth - 1)
            if tables and tables[-1].end == 0:
                if depth == 1 and tag == "tbody":
                    tables[-1].body_end = self.at()
                elif depth == 0 and tag == "table":
                    tables[-1].end = self.at() + len("</table>")
                    group = ""

    parser = Parser(convert_charrefs=True)
    parser.feed(text)
    parser.close()
    return out, [t for t in tables if t.end and t.body_end and t.rows]


def plan_chunks(sizes: list[int], n: int, target: float | None = None) -> list[list[int]]:
    """Group consecutive pieces (by their sizes) into about n chunks of similar size: of ``target`` characters
    when given, else of the whole divided by n. A fixed target keeps a chunk's bounds where they were when a piece
    before or after it grows or shrinks a little: with the whole divided by n, one sentence added anywhere could
    move bounds all through the volume, and every chunk whose bounds moved was typeset again."""
    if n <= 1 or len(sizes) <= 1:
        return [list(range(len(sizes)))] if sizes else []
    fixed, target = target is not None, target or sum(sizes) / n
    groups, cur, acc = [], [], 0
    for i, size in enumerate(sizes):
        if cur and acc + size / 2 > target and (fixed or len(groups) < n - 1):
            groups.append(cur)
            cur, acc = [], 0
        cur.append(i)
        acc += size
    if cur:
        groups.append(cur)
    return groups


@dataclass
class _Chunk:
    html: str | None    # the content, without the side of its first page (of a long piece: its first part's,
                        # or None when that part cuts a long table, made once the table is measured)
    flows: bool         # goes on from the chunk before it (a piece of a cut section): starts on the next page
    padded: bool        # ends with a blank page, kept when the next chunk would otherwise start on a left page
    long: tuple | None = None  # a piece too long for one chunk: (Section, start, end, characters a part)


def body_chunks(sections: list[str], n: int, cut: bool = True, target: int | None = None) -> list[_Chunk]:
    """The body before the index in about n chunks (of ``target`` characters, when given: ``plan_chunks``): each
    section whole, or in pieces when it is long (and ``cut``). A piece much longer than a chunk is a chunk set in
    parts, each cut where the layout of the one before it shows a page to begin with (``_soft_pieces``)."""
    secs = [Section.of(s) if cut else Section(s) for s in sections]
    units = [(si, pi) for si, sec in enumerate(secs) for pi in range(sec.pieces)]
    sizes = [secs[si].size(pi) for si, pi in units]
    groups = plan_chunks(sizes, n, target)
    part = target or -(-sum(sizes) // max(1, n))
    chunks = []
    for k, g in enumerate(groups):
        runs: dict[int, list[int]] = {}
        for si, pi in (units[u] for u in g):
            runs.setdefault(si, []).append(pi)
        nxt = groups[k + 1][0] if k + 1 < len(groups) else None
        flows, padded = units[g[0]][1] > 0, nxt is None or units[nxt][1] == 0
        sec, (lo, hi) = secs[units[g[0]][0]], secs[units[g[0]][0]].bounds(units[g[0]][1])
        if len(g) == 1 and sec.children and hi - lo > part * 3 // 2:
            end = sec.soft_end(lo, hi, part)
            # a first part that cuts a long table is made once the table is measured (``_soft_pieces``)
            html = None if sec.long_tables(lo, end) else sec.between(lo, end)
            chunks.append(_Chunk(html, flows, padded, (sec, lo, hi, part)))
            continue
        content = "".join(secs[si].html_of(pis[0], pis[-1] + 1) for si, pis in runs.items())
        chunks.append(_Chunk(content, flows, padded))
    return chunks


class _Placed:
    """The body's chunks as they are placed in the volume, in order: where each begins, its layout (what of it
    is printed) and its written PDF's name."""

    def __init__(self, engine: _Engine):
        self.engine = engine
        self.offsets: list[int] = []
        self.metas: list[dict] = []
        self.finals: list[str] = []
        self.page = 0       # pages placed so far
        self.cut = 0        # long pieces cut where their layout showed a page to begin with
        self.refused = 0    # such cuts not taken: the part after them was not laid out as in the whole
        self.in_tables = 0  # cuts between the rows of a long table

    def side(self) -> str | None:
        """The side of the next page when it is not the default (right)."""
        return "left" if self.page % 2 else None

    def add(self, key: str, meta: dict, padded: bool, keep: int | None = None) -> None:
        """A chunk, or its first ``keep`` pages; a padded chunk keeps its blank last page only if the next chunk
        would otherwise begin on a left-hand page."""
        if keep is not None:
            meta = {"pages": keep, "anchors": {a: i for a, i in meta["anchors"].items() if i < keep}}
            printed = keep
        else:
            last = self.page + meta["pages"] - (1 if padded else 0)  # its last page, less the blank page at the end
            printed = meta["pages"] - (1 if padded and last % 2 == 0 else 0)
        self.offsets.append(self.page)
        self.metas.append(meta)
        self.finals.append(self.engine.final(key, self.page + 1, printed))
        self.page += printed


def _pick_cut(sec: Section, lo: int, hi: int, meta: dict) -> tuple[int, int, float] | None:
    """The last page of the part ``lo``…``hi`` of a long section (laid out as ``meta``) that begins cleanly
    with one of its elements, with a page after it (so that the element's place was decided with what follows
    in view): that page, the element's offset and its top margin there, or None."""
    first = sec.opened if lo == 0 else lo
    inside = sec.table_at(lo)  # the part begins inside a long table: the table is its first element
    kids = ([(inside.open, "table")] if inside else []) + [(o, tag) for o, tag in sec.children if first <= o < hi]
    for page, k, tag, margin, *row in reversed(meta.get("starts", [])):
        if not (1 <= page <= meta["pages"] - 2 and k < len(kids) and kids[k][1] == tag):
            continue
        at = kids[k][0]
        if row:  # a row of a long table
            t = next((t for t in sec.tables if t.open == at), None)
            at = sec.row_offset(t, lo if t is inside else t.rows[0], row[0]) if t is not None else None
            if at is None or not lo < at < hi:
                continue
        if at > lo and sec.can_start(at):
            return page, at, margin
    return None


def _measure_rows(engine: _Engine, sec: Section, t: _Table, chunk_html) -> list[str]:
    """Start measuring the rows of the long table ``t`` in groups, by the workers at once: their keys."""
    blocks = sec.blocks(t)
    return [engine.measure(chunk_html(sec.measure_html(t, blocks[a:b], "rows")))
            for a, b in sec.row_groups(t, MEASURE_CHARS)]


def _table_widths(engine: _Engine, sec: Section, t: _Table, chunk_html) -> str:
    """The widths of the whole long table ``t`` (``tablecols``): from its rows measured in groups, the table
    measured with only the rows its columns' widest cells are in."""
    stats = [engine.meta(key)["widths"] for key in _measure_rows(engine, sec, t, chunk_html)]
    if len(stats) == 1:
        return stats[0]["widths"]
    blocks = sec.blocks(t)
    keep = sec.widest_blocks(t, sec.row_groups(t, MEASURE_CHARS), stats)
    return engine.meta(engine.measure(chunk_html(sec.measure_html(t, [blocks[i] for i in keep]))))["widths"]


def _soft_pieces(engine: _Engine, placed: _Placed, c: _Chunk, key: str | None, chunk_html) -> None:
    """A piece of a section too long for one chunk, set in parts one after another: each part is laid out
    with somewhat more than it prints, to the last page that begins with one of the section's elements (and
    no note carried over from the page before); the next part begins with that element on a page of its own.
    Before a part is printed, the first page of the next one is compared with that page as the part before
    laid it out, box by box: if they differ, the cut is not taken and the rest of the piece is set in one."""
    sec, lo, hi, size = c.long
    for t in sec.long_tables(lo, hi):
        sec.widths[t.open] = _table_widths(engine, sec, t, chunk_html)

    def lay(start: int, end: int, margin: float | None, side: str | None, key: str | None = None):
        """A part from ``start``, made longer until it has a page to cut at (or is the rest of the piece): its
        key, layout and end."""
        while True:
            if key is None:
                key = engine.lay(chunk_html(sec.between(start, end, margin), c.padded and end >= hi, side),
                                 urgent=True)
            meta = engine.meta(key)
            if end >= hi or _pick_cut(sec, start, end, meta) is not None:
                return key, meta, end
            engine.drop(key)
            key, end = None, sec.soft_end(start, hi, 2 * (end - start))

    start, side, margin = lo, placed.side(), None
    if key is None and c.html is not None:
        key = engine.lay(chunk_html(c.html, False, side), urgent=True)
    key, meta, end = lay(start, sec.soft_end(start, hi, size), margin, side, key)
    while end < hi:
        page, at, at_margin = _pick_cut(sec, start, end, meta)
        nxt_side = "left" if (placed.page + page) % 2 else None
        nxt, nxt_meta, nxt_end = lay(at, sec.soft_end(at, hi, size), at_margin, nxt_side)
        first, was = nxt_meta.get("sig", [])[:1], meta.get("sig", [])[page:page + 1]
        if not was or first != was:
            engine.drop(nxt)
            engine.drop(key)
            placed.refused += 1
            key = engine.lay(chunk_html(sec.between(start, hi, margin), c.padded, side), urgent=True)
            meta = engine.meta(key)
            break
        placed.add(key, meta, False, keep=page)
        placed.cut += 1
        placed.in_tables += sec.table_at(at) is not None
        if engine.stage is not None:
            engine.stage.set_total(engine.stage.total + 1)
        start, side, margin, end, key, meta = at, nxt_side, at_margin, nxt_end, nxt, nxt_meta
    placed.add(key, meta, c.padded)


def typeset(writer: BookWriter, out_pdf: Path, base: Path, metadata: dict[str, str], chunks: int | None = None,
            workers: int | None = None, cache: Path | None = None, progress: Progress = QUIET) -> TypesetResult:
    t0 = time.perf_counter()
    workers = workers or os.cpu_count() or 1
    engine = _Engine(base, cache, workers, progress, writer.edition)
    try:
        return _typeset(engine, writer, out_pdf, metadata, chunks, workers, cache, progress, t0)
    finally:
        engine.close()


def _typeset(engine: _Engine, writer: BookWriter, out_pdf: Path, metadata: dict[str, str], chunks: int | None,
             workers: int, cache: Path | None, progress: Progress, t0: float) -> TypesetResult:
    t: dict[str, float] = {}
    parts = writer.parts(None)
    # at least a chunk per worker, and chunks small enough that an edit re-typesets a few dozen pages; a book of
    # more than a chunk per worker in chunks of CHUNK_CHARS, whatever its length, so that an edit moves no bounds
    # of chunks away from it (``plan_chunks``)
    n = chunks or max(workers, -(-sum(map(len, parts.sections[:parts.index_at])) // CHUNK_CHARS))
    target = CHUNK_CHARS if chunks is None and n > workers else None
    body = body_chunks(parts.sections[:parts.index_at], n, writer.can_cut_sections(), target)
    tail = list(range(parts.index_at, len(parts.sections)))  # the index and what follows it: one chunk

    def chunk_html(content: str, pad: bool = True, start: str | None = None) -> str:
        # a chunk is laid out from page 1 and, unless the next goes on from it, ends with a blank page, kept
        # only when the next chunk would otherwise start on a left-hand page: its layout is the same wherever
        # it lands in the volume (a piece that goes on from a page before is told that page's side)
        return writer.document("body", content, first_page=1, pad=pad, start=start)

    def tail_html(p) -> str:
        return chunk_html("".join(p.sections[i] for i in tail))

    # every chunk laid out once, in order, by the workers (a piece that goes on from the chunk before it when
    # the side of its first page is known); the index and the front matter with room for the numbers, to learn
    # their length (the index only if a mention follows it, whose page depends on that length)
    stage = engine.stage = progress.begin("排版志书", total=len(body) + 2, unit="块")
    # the long tables to be cut first (their widths are needed before any part of them is laid out)
    for c in body:
        if c.long is not None:
            sec, lo, hi, _ = c.long
            for table in sec.long_tables(lo, hi):
                _measure_rows(engine, sec, table, chunk_html)
    keys: list[str | None] = [None if c.flows or c.html is None
                              else engine.lay(chunk_html(c.html, c.padded and c.long is None)) for c in body]
    after = set(re.findall(r'\bid="([^"]+)"', "".join(parts.sections[i] for i in tail)))
    index0 = engine.lay(tail_html(parts), hold=False) if after & parts.mentions.keys() else None
    # the front matter without the TOC, to learn on which pages its headings fall (the TOC follows them)
    front0 = engine.lay(writer.document("front", parts.front, []), hold=False)
    placed = _Placed(engine)
    for c, key in zip(body, keys, strict=True):
        if c.long is not None:
            _soft_pieces(engine, placed, c, key, chunk_html)
            continue
        if key is None:
            key = engine.lay(chunk_html(c.html, c.padded, placed.side()), urgent=True)
        # a chunk's first page is known when the chunks before it are laid out: its worker numbers and writes it
        placed.add(key, engine.meta(key), c.padded)
    offsets, metas, finals, page = placed.offsets, placed.metas, placed.finals, placed.page
    offsets.append(page)
    t["body"] = time.perf_counter() - t0

    # the index (and what follows it) with its numbers, until they settle
    t1 = time.perf_counter()
    drafts = metas + [engine.meta(index0)] if index0 is not None else metas
    labels = _index_labels(parts.mentions, _global_anchors(drafts, offsets[:len(drafts)]))
    for _ in range(3):
        parts = writer.parts(labels)
        key = engine.lay(tail_html(parts))
        pages2 = _global_anchors(metas + [engine.meta(key)], offsets)
        new_labels = _index_labels(parts.mentions, pages2)
        if new_labels == labels:
            break
        engine.drop(key)
        labels = new_labels
    else:
        raise RuntimeError("索引页码经三遍排版仍未稳定，请报告此问题")
    finals.append(engine.final(key, offsets[-1] + 1, engine.meta(key)["pages"] - 1))
    t["index"] = time.perf_counter() - t1

    # front matter with the table of contents (roman numbers)
    t2 = time.perf_counter()
    f1 = engine.meta(front0)
    toc = [(h.level, h.title, str(pages2[h.anchor] + 1)) for h in parts.headings if h.anchor in pages2]
    front_toc = [(h.level, h.title, to_roman(f1["anchors"][h.anchor] + 1))
                 for h in parts.front_headings if h.anchor in f1["anchors"]]
    front = engine.lay(writer.document("front", parts.front, _toc(front_toc + toc), pad=True))
    fm = engine.meta(front)
    front_anchors = fm["anchors"]
    f2 = engine.result(engine.final(front, 1, fm["pages"] - fm["pages"] % 2))  # the blank page kept after odd pages
    res2 = [engine.result(name) for name in finals]
    stage.close()
    t["front"] = time.perf_counter() - t2
    _forget_plan(cache)

    issues = [LineIssue(to_roman(int(p)), line, prob) for p, line, prob in f2["issues"]]
    for r in res2:
        issues += [LineIssue(p, line, prob) for p, line, prob in r["issues"]]

    t3 = time.perf_counter()
    with progress.stage("合并志书 PDF", total=len(res2) + 1, unit="块") as st:
        faces = _load_faces(cache)
        # a chunk that opens inside a section (a 篇's later 章, a piece of the 附录) has its first headings at the top
        # of its own outline: in the book they go under the section's heading, as one pass puts them
        nested = [0] + [_below_the_top(parts.headings, m["anchors"]) for m in metas] + [0]
        merged = _merge([f2["pdf"]] + [r["pdf"] for r in res2], metadata, f2["pages"], faces, nested)
        _store_faces(cache, faces)
        st.update(len(res2) + 1)
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    out_pdf.write_bytes(merged)
    t["merge"] = time.perf_counter() - t3
    prune_cache(cache, out_pdf, engine.used)
    t["total"] = time.perf_counter() - t0
    body_pages = sum(r["pages"] for r in res2)
    return TypesetResult(out_pdf, f2["pages"] + body_pages, f2["pages"], body_pages, front_toc + toc, labels,
                         issues, t, len(finals), engine.done, parts.notes, set(pages2) | set(front_anchors),
                         sum(c.flows for c in body), placed.cut, placed.refused, placed.in_tables)


def prune_cache(cache: Path | None, out_pdf: Path, used: set[str]) -> None:
    """Keep in the cache only the layouts that the last build of some output used. Each output (the public
    site's PDF, the internal edition's …) records the keys of its last build in ``used-<output>.json``; an entry
    no record names is removed, and so is the record of an output whose PDF is gone. A build running beside
    this one loses nothing it needs: what it has laid out it holds in memory, and a missing entry is a miss."""
    if not cache or not cache.is_dir():
        return
    out = out_pdf.resolve()
    slot = hashlib.sha1(os.fsencode(out)).hexdigest()[:12]
    _atomic_write(cache / f"used-{slot}.json",
                  json.dumps({"pdf": str(out), "keys": sorted(used)}, ensure_ascii=False).encode("utf-8"))
    keep: set[str] = set()
    for record in cache.glob("used-*.json"):
        try:
            data = json.loads(record.read_text(encoding="utf-8"))
            pdf, keys = Path(data["pdf"]), set(data["keys"])
        except (OSError, ValueError, KeyError, TypeError):
            record.unlink(missing_ok=True)
            continue
        if pdf.exists():
            keep |= keys
        else:
            record.unlink(missing_ok=True)
    stale = time.time() - 3600
    for f in cache.iterdir():
        if f.name.startswith(("used-", "last-plan")) or f.name == FACES:
            continue
        if f.suffix == ".tmp":  # left by a killed build (written whole under a temporary name, then renamed)
            try:
                if f.stat().st_mtime < stale:
                    f.unlink(missing_ok=True)
            except OSError:
                pass
        elif f.suffix in (".json", ".pdf") and f.stem not in keep:
            f.unlink(missing_ok=True)


def _forget_plan(cache: Path | None) -> None:
    """Builds before this one guessed each chunk's first page from a plan they left here; none is needed now."""
    if cache:
        (cache / "last-plan.json").unlink(missing_ok=True)


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _global_anchors(results: list[dict], offsets: list[int]) -> dict[str, int]:
    out = {}
    for res, off in zip(results, offsets, strict=True):
        for name, i in res["anchors"].items():
            out.setdefault(name, off + i)
    return out


def _index_labels(mentions: dict[str, tuple[str, str]], pages: dict[str, int]) -> dict[str, list[str]]:
    index_pages: dict[str, set[int]] = {}
    for anchor, (rid, text) in mentions.items():
        if anchor in pages:
            n = pages[anchor] + 1
            index_pages.setdefault(rid, set()).add(n)
            index_pages.setdefault(f"{rid}|{text}", set()).add(n)
    return {k: [str(n) for n in sorted(v)] for k, v in index_pages.items()}


def _toc(rows):
    from types import SimpleNamespace

    return [SimpleNamespace(level=lv, title=title, page=page) for lv, title, page in rows]


def _nest_bookmarks(writer, first: int, count: int) -> None:
    """Move the top-level bookmarks ``first`` … ``first + count - 1`` of the merged outline (and theirs) to the
    end of the children of the top-level bookmark before them, keeping the outline's counts of visible items."""
    from pypdf.generic import NameObject, NumberObject

    root = writer.get_outline_root()
    items = list(root.children())
    parent, run = items[first - 1], items[first:first + count]
    if len(run) != count:
        raise RuntimeError("分块排版的书签与各块不符，请报告此问题")
    # out of the top level: the parent is followed by what followed the run
    if first + count < len(items):
        after = items[first + count]
        parent[NameObject("/Next")] = after.indirect_reference
        after[NameObject("/Prev")] = parent.indirect_reference
    else:
        del parent["/Next"]
        root[NameObject("/Last")] = parent.indirect_reference
    # after the parent's own children
    if "/Last" in parent:
        last = parent["/Last"].get_object()
        last[NameObject("/Next")] = run[0].indirect_reference
        run[0][NameObject("/Prev")] = last.indirect_reference
    else:
        parent[NameObject("/First")] = run[0].indirect_reference
        run[0].pop("/Prev", None)
    run[-1].pop("/Next", None)
    parent[NameObject("/Last")] = run[-1].indirect_reference
    for item in run:
        item[NameObject("/Parent")] = parent.indirect_reference
    # /Count: an open item counts its visible descendants (and the root all visible items), a closed one is negative
    shown = sum(1 + max(0, int(item.get("/Count", 0))) for item in run)
    own = int(parent.get("/Count", 0))
    if own >= 0:
        parent[NameObject("/Count")] = NumberObject(own + shown)
    else:
        parent[NameObject("/Count")] = NumberObject(own - shown)
        root[NameObject("/Count")] = NumberObject(int(root["/Count"]) - shown)


FACES = "faces.json"  # in the cache: the font programs traced to their files (``share_font_programs``)


def _load_faces(cache: Path | None) -> dict | None:
    if not cache:
        return None
    try:
        data = json.loads((cache / FACES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _store_faces(cache: Path | None, faces: dict | None) -> None:
    if cache and faces is not None:
        _atomic_write(cache / FACES, json.dumps(faces, ensure_ascii=False).encode("utf-8"))


def _below_the_top(headings, anchors: dict[str, int]) -> int:
    """How many bookmarks a chunk's own outline holds at its top that are not top-level headings: the level-2
    headings (a 章 of a 篇, a section of the 附录) before its first level-1 heading (a level-3 one nests under
    them). A heading's level is its bookmark level (book.css)."""
    n = 0
    for h in headings:
        if h.anchor in anchors:
            if h.level == 1:
                break
            n += h.level == 2
    return n


def _merge(chunks: list[bytes], metadata: dict[str, str], front_pages: int = 0, faces: dict | None = None,
           nested: list[int] | None = None) -> bytes:
    """One PDF of the chunks; its page labels are the printed numbers (i, ii … for the front matter, then 1, 2 …),
    so that a viewer's page box shows the number on the page. ``nested``: for each chunk, how many bookmarks its
    outline opens with that belong under the last top-level bookmark of the chunks before it."""
    from pypdf import PdfWriter, apply_configuration
    from pypdf.generic import NameObject, TextStringObject

    # pypdf refuses arrays and dictionaries of over 100,000 elements (a guard against hostile files); a long
    # chunk of our own has more named destinations than that, one per index mention
    with apply_configuration(array_maximum_element_count=10**8, dictionary_maximum_element_count=10**8):
        writer = PdfWriter()
        for data, under in zip(chunks, nested or [0] * len(chunks), strict=True):
            before = len(list(writer.get_outline_root().children())) if under else 0
            writer.append(io.BytesIO(data), import_outline=True)
            if under:
                _nest_bookmarks(writer, before, under)
        share_font_programs(writer, faces)
        total = len(writer.pages)
        if 0 < front_pages < total:
            writer.set_page_label(0, front_pages - 1, style="/r", start=1)
            writer.set_page_label(front_pages, total - 1, style="/D", start=1)
        writer.add_metadata({f"/{k}": v for k, v in metadata.items()})
        writer._root_object[NameObject("/Lang")] = TextStringObject("zh-CN")
        writer.page_mode = "/UseOutlines"
        out = io.BytesIO()
        writer.write(out)
    return out.getvalue()
