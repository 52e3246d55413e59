"""Typeset the volume with WeasyPrint, in chunks that can be laid out in parallel processes.

The body is cut into chunks at top-level sections (概述, 大事记, each 篇, 附录, 索引 …). Every chunk is a
document of its own: WeasyPrint resets the page counter only on a document's first page, so each chunk is
given its first page number with ``@page :first { counter-reset: page N }``, and a chunk with an odd number
of pages gets a blank page so that the next one starts on a right-hand page.

Pass 1 lays out every chunk (in parallel) to learn its page count and where each heading and mention falls;
the TOC and index numbers come from those anchors (never from ``target-counter()``, which cannot cross
chunks). Pass 2 lays the chunks out again with their page offsets and the index filled in, and writes them.
Both passes are cached by content hash in ``.cache/book/``: after an edit to one chapter only the chunks whose
content or first page changed are typeset again. The front matter (with the TOC) is one more chunk; all are
merged with pypdf, and each font is then embedded once (``pdffonts.share_font_programs``). The Chinese line rules
(避头尾) are checked on the laid-out lines.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from ..progress import QUIET, Progress
from .book import BookWriter, to_roman
from .pdffonts import share_font_programs


def wpfix_version() -> str:
    """Part of every cached layout's key: a layout made before a correction to WeasyPrint is not reused."""
    return "footnotes-1"

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


# ---- one chunk, in a worker process ----------------------------------------------------------------------
def _render_chunk(html: str, base: str, first_page: int, want_pdf: bool) -> dict:
    from weasyprint import HTML

    from . import wpfix  # noqa: F401  (no footnote may be dropped)

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    doc = HTML(string=html, base_url=base).render()
    anchors: dict[str, int] = {}
    for i, page in enumerate(doc.pages):
        for name in page.anchors:
            anchors.setdefault(name, i)
    out = {"pages": len(doc.pages), "anchors": anchors}
    if want_pdf:
        issues = check_lines(doc, lambda i: str(first_page + i))
        out["issues"] = [(x.page, x.line, x.problem) for x in issues]
        out["pdf"] = doc.write_pdf()
    return out


class _Layout:
    """Runs chunk layouts in worker processes, with a content-addressed cache."""

    def __init__(self, base: Path, cache: Path | None, workers: int, progress: Progress = QUIET):
        self.base, self.cache, self.workers, self.progress = str(base), cache, workers, progress
        self.done = 0
        self.memo: dict[str, dict] = {}
        self.used: set[str] = set()  # every layout this build asked for: the cache entries it keeps
        if cache:
            cache.mkdir(parents=True, exist_ok=True)

    def _key(self, html: str, first_page: int, want_pdf: bool) -> str:
        h = hashlib.sha256(html.encode("utf-8"))
        h.update(f"|{first_page}|{want_pdf}|{self.base}|{wpfix_version()}".encode())
        return h.hexdigest()[:32]

    def _load(self, key: str, want_pdf: bool) -> dict | None:
        """A cached layout, or None. An entry a killed build left half-written is a miss (and is removed),
        never an error: later builds must not depend on someone deleting the folder by hand."""
        if key in self.memo:
            return self.memo[key]
        if not self.cache:
            return None
        meta = self.cache / f"{key}.json"
        pdf = self.cache / f"{key}.pdf"
        if not meta.exists() or (want_pdf and not pdf.exists()):
            return None
        try:
            out = json.loads(meta.read_text(encoding="utf-8"))
            if not isinstance(out, dict) or not {"pages", "anchors"} <= out.keys():
                raise ValueError("incomplete")
            if want_pdf:
                data = pdf.read_bytes()
                if not data.startswith(b"%PDF") or b"%%EOF" not in data[-1024:]:
                    raise ValueError("truncated pdf")
                out["pdf"] = data
        except (OSError, ValueError):
            meta.unlink(missing_ok=True)
            pdf.unlink(missing_ok=True)
            return None
        return out

    def _store(self, key: str, res: dict) -> None:
        """The PDF first, the metadata last, each written whole under a temporary name and then renamed: an
        entry is complete when its metadata exists."""
        if not self.cache:
            return
        meta = {k: v for k, v in res.items() if k != "pdf"}
        if "pdf" in res:
            _atomic_write(self.cache / f"{key}.pdf", res["pdf"])
        _atomic_write(self.cache / f"{key}.json", json.dumps(meta, ensure_ascii=False).encode("utf-8"))

    def run(self, jobs: list[tuple[str, int, bool]], stage: str = "排版志书") -> list[dict]:
        keys = [self._key(*job) for job in jobs]
        self.used.update(keys)
        results: list[dict | None] = [self._load(k, job[2]) for k, job in zip(keys, jobs, strict=True)]
        todo = [i for i, r in enumerate(results) if r is None]
        self.done += len(todo)
        st = self.progress.begin(stage, total=len(todo), unit="块")
        if len(todo) < len(jobs):
            st.set_note(f"另有 {len(jobs) - len(todo)} 块取自缓存")
        if len(todo) > 1 and self.workers > 1:
            with ProcessPoolExecutor(max_workers=min(self.workers, len(todo)), max_tasks_per_child=1) as pool:
                futures = {pool.submit(_render_chunk, jobs[i][0], self.base, jobs[i][1], jobs[i][2]): i for i in todo}
                for fut in as_completed(futures):
                    results[futures[fut]] = fut.result()
                    st.update()
        else:
            for i in todo:
                results[i] = _render_chunk(jobs[i][0], self.base, jobs[i][1], jobs[i][2])
                st.update()
        st.close()
        for i in todo:
            self._store(keys[i], results[i])
        for k, r in zip(keys, results, strict=True):
            self.memo[k] = r
        return results  # type: ignore[return-value]


CHUNK_CHARS = 120_000  # characters of HTML per chunk, some 50 pages


def plan_chunks(sections: list[str], index_at: int, n: int) -> list[list[int]]:
    """Group consecutive sections into about n chunks of similar size; the index and what follows it
    form the last chunk (its numbers are known only when everything before it is laid out)."""
    before = list(range(index_at))
    if n <= 1 or len(before) <= 1:
        groups = [before] if before else []
    else:
        sizes = [len(sections[i]) for i in before]
        target = sum(sizes) / n
        groups, cur, acc = [], [], 0
        for i in before:
            if cur and acc + sizes[i] / 2 > target and len(groups) < n - 1:
                groups.append(cur)
                cur, acc = [], 0
            cur.append(i)
            acc += sizes[i]
        if cur:
            groups.append(cur)
    groups.append(list(range(index_at, len(sections))))
    return groups


def typeset(writer: BookWriter, out_pdf: Path, base: Path, metadata: dict[str, str], chunks: int | None = None,
            workers: int | None = None, cache: Path | None = None, progress: Progress = QUIET) -> TypesetResult:
    t: dict[str, float] = {}
    t0 = time.perf_counter()
    workers = workers or os.cpu_count() or 1
    layout = _Layout(base, cache, workers, progress)

    parts = writer.parts(None)
    # at least a chunk per worker, and chunks small enough that an edit re-typesets a few dozen pages
    n = chunks or max(workers, -(-sum(map(len, parts.sections[:parts.index_at])) // CHUNK_CHARS))
    groups = plan_chunks(parts.sections, parts.index_at, n)

    def chunk_html(p, g, first_page, pad):
        return writer.document("body", "".join(p.sections[i] for i in g), first_page=first_page, pad=pad)

    # pass 1: every chunk laid out to learn its page count and anchors; the front matter alongside, with
    # room for the TOC's numbers. A chunk's layout does not depend on its first page (always a right-hand
    # one), so each is laid out where the last build put it: when nothing before it changed length, that
    # layout is already the final one and pass 2 finds it in the cache.
    last = len(groups) - 1
    guess = _last_plan(cache, len(groups))
    guess[last] = (1, False)  # the index chunk's pass-1 layout only counts pages: keep its cache key steady
    placeholder = [(h.level, h.title, "000") for h in parts.front_headings + parts.headings]
    front_html = writer.document("front", parts.front, _toc(placeholder))
    res1 = layout.run([(chunk_html(parts, g, guess[k][0], guess[k][1] and k < last), guess[k][0], True)
                       for k, g in enumerate(groups)] + [(front_html, 1, False)], "排版志书（第一遍，量页数）")
    f1 = res1.pop()
    t["pass 1"] = time.perf_counter() - t0
    raw = [r["pages"] - (1 if guess[k][1] and k < last else 0) for k, r in enumerate(res1)]  # less the blank
    counts = [n + n % 2 for n in raw]  # odd chunks get a blank page
    offsets = [sum(counts[:k]) for k in range(len(groups))]
    pages = _global_anchors(res1, offsets)
    labels = _index_labels(parts.mentions, pages)

    # pass 2: with first pages and the index; the last chunk (index and after) until its numbers settle
    t1 = time.perf_counter()
    for _ in range(3):
        parts = writer.parts(labels)
        jobs = [(chunk_html(parts, g, offsets[k] + 1, raw[k] % 2 == 1 and k < last), offsets[k] + 1, True)
                for k, g in enumerate(groups)]
        res2 = layout.run(jobs, "排版志书（第二遍，定页码）")
        pages2 = _global_anchors(res2, offsets)
        new_labels = _index_labels(parts.mentions, pages2)
        if new_labels == labels:
            break
        labels = new_labels
    else:
        raise RuntimeError("索引页码经三遍排版仍未稳定，请报告此问题")
    moved = [a for a in pages if a in pages2 and pages[a] != pages2[a] and not _in_last(a, res1)]
    if moved:
        raise RuntimeError(f"分块排版前后页码不一致（{len(moved)} 处），请报告此问题")
    t["pass 2"] = time.perf_counter() - t1
    _save_plan(cache, [(offsets[k] + 1, raw[k] % 2 == 1) for k in range(len(groups))])

    # front matter with the table of contents (roman numbers); cached like the chunks
    t2 = time.perf_counter()
    toc = [(h.level, h.title, str(pages2[h.anchor] + 1)) for h in parts.headings if h.anchor in pages2]
    front_toc = [(h.level, h.title, to_roman(f1["anchors"][h.anchor] + 1))
                 for h in parts.front_headings if h.anchor in f1["anchors"]]
    f2 = layout.run([(writer.document("front", parts.front, _toc(front_toc + toc), pad=f1["pages"] % 2 == 1),
                      1, True)], "排版志书（前置部分与目录）")[0]
    t["front"] = time.perf_counter() - t2

    issues = [LineIssue(to_roman(int(p)), line, prob) for p, line, prob in f2["issues"]]
    for r in res2:
        issues += [LineIssue(p, line, prob) for p, line, prob in r["issues"]]

    t3 = time.perf_counter()
    with progress.stage("合并志书 PDF", total=len(res2) + 1, unit="块") as st:
        merged = _merge([f2["pdf"]] + [r["pdf"] for r in res2], metadata, f2["pages"])
        st.update(len(res2) + 1)
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    out_pdf.write_bytes(merged)
    t["merge"] = time.perf_counter() - t3
    prune_cache(cache, out_pdf, layout.used)
    t["total"] = time.perf_counter() - t0
    body_pages = sum(r["pages"] for r in res2)
    return TypesetResult(out_pdf, f2["pages"] + body_pages, f2["pages"], body_pages, front_toc + toc, labels,
                         issues, t, len(groups), layout.done, parts.notes, set(pages2) | set(f2["anchors"]))


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
        if f.name.startswith(("used-", "last-plan")):
            continue
        if f.suffix == ".tmp":  # left by a killed build (written whole under a temporary name, then renamed)
            try:
                if f.stat().st_mtime < stale:
                    f.unlink(missing_ok=True)
            except OSError:
                pass
        elif f.suffix in (".json", ".pdf") and f.stem not in keep:
            f.unlink(missing_ok=True)


def _last_plan(cache: Path | None, n: int) -> list[tuple[int, bool]]:
    """Where the last build put each chunk (first page, blank page at the end), if it had as many chunks."""
    try:
        plan = json.loads((cache / "last-plan.json").read_text(encoding="utf-8")) if cache else None
    except (OSError, ValueError):
        plan = None
    if isinstance(plan, list) and len(plan) == n:
        return [(int(fp), bool(pad)) for fp, pad in plan]
    return [(1, False)] * n


def _save_plan(cache: Path | None, plan: list[tuple[int, bool]]) -> None:
    if cache:
        _atomic_write(cache / "last-plan.json", json.dumps(plan).encode("utf-8"))


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


def _in_last(anchor: str, results: list[dict]) -> bool:
    return anchor in results[-1]["anchors"]


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


def _merge(chunks: list[bytes], metadata: dict[str, str], front_pages: int = 0) -> bytes:
    """One PDF of the chunks; its page labels are the printed numbers (i, ii … for the front matter, then 1, 2 …),
    so that a viewer's page box shows the number on the page."""
    from pypdf import PdfWriter, apply_configuration
    from pypdf.generic import NameObject, TextStringObject

    # pypdf refuses arrays and dictionaries of over 100,000 elements (a guard against hostile files); a long
    # chunk of our own has more named destinations than that, one per index mention
    with apply_configuration(array_maximum_element_count=10**8, dictionary_maximum_element_count=10**8):
        writer = PdfWriter()
        for data in chunks:
            writer.append(io.BytesIO(data), import_outline=True)
        share_font_programs(writer)
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
