"""Benchmark: wall time and peak memory of each stage of the pipeline on a project (default: the sample).

Run:  .venv/bin/python scripts/bench.py [--root DIR] [--repeat N] [--stages load,check,site,pdf,docx]

Each stage runs in a fresh Python process, so its peak RSS is its own; times are the best and the median of
N runs. It prints one table. Nothing is asserted: the figures are for the notes and for comparisons.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# "site" renders the site with MkDocs (the default renderer), "zensical" the same build with Zensical (zhi.renderers)
STAGES = ("load", "check", "views", "opendata", "site", "zensical", "rebuild", "search", "zhisearch", "book", "pdf", "docx")


def run_stage(stage: str, root: Path) -> dict:
    """Runs in the child process: do one stage, report its time and the process's peak RSS."""
    from zhi.checks import run_checks
    from zhi.history import derive_history
    from zhi.loader import load_archive

    info: dict = {}
    t0 = time.perf_counter()
    if stage == "load":
        a = load_archive(root)
        info["records"] = len(a.bodies) + len(a.events) + len(a.documents) + len(a.posts) + len(a.staffing)
    elif stage == "check":
        a = load_archive(root)
        info["findings"] = len(run_checks(a))
    elif stage == "views":
        from zhi.views.chronology import chronology
        from zhi.views.lineage import entries_by_event, lineage

        a = load_archive(root)
        h = derive_history(a)
        entries = chronology(a, h)
        by_event = entries_by_event(entries)  # as the site writer does
        for rid in a.bodies:
            lineage(a, h, rid, by_event)
        info["entries"] = len(entries)
    elif stage == "opendata":  # the public edition's downloads (数据下载): tables, workbook, JSON-LD, Popolo
        from zhi.editions import filter_archive
        from zhi.views.chronology import chronology
        from zhi.views.staffing import figures
        from zhi.writers import opendata

        ed = filter_archive(load_archive(root), "public")
        h = derive_history(ed)
        entries, figs = chronology(ed, h), figures(ed)  # the site writer has these already: not the export's cost
        t1 = time.perf_counter()
        ex = opendata.export(ed, h, {"title": "bench", "edition_zh": "公开版", "licence": "-", "version": "-",
                                     "epoch": 315532800, "base": "urn:zhi:", "lower": ""}, entries, figs)
        info["export s"] = round(time.perf_counter() - t1, 2)
        sizes = {"csv": 0, "xlsx": 0, "jsonld": 0, "json": 0}
        for path, data in ex.files.items():
            sizes[path.rsplit(".", 1)[-1]] += len(data)
        info.update({f"{k} KB": round(v / 1024) for k, v in sizes.items()})
        info["rows"] = sum(len(t.rows) for t in ex.tables)
    elif stage == "pdf1":  # the whole book as one chunk in this process, to compare with the chunked "pdf"
        from zhi.editions import filter_archive
        from zhi.writers.book import BookWriter
        from zhi.writers.typeset import typeset

        ed = filter_archive(load_archive(root), "public")
        theme = root / "theme" if (root / "theme").is_dir() else Path(__file__).resolve().parent.parent / "theme"
        res = typeset(BookWriter(ed, derive_history(ed), theme), Path(tempfile.mkdtemp()) / "zhi.pdf",
                      root, {"Title": "bench"}, chunks=1, workers=1)
        info["pdf pages"] = res.pages
        info.update({f"pdf {k}": round(v, 2) for k, v in res.timings.items()})
    elif stage == "search":
        info.update(_search_stage(root))
    elif stage == "zhisearch":
        info.update(_zhi_search_stage(root))
    elif stage == "book":
        info.update(_book_stage(root))
    elif stage == "rebuild":
        info.update(_rebuild_stage(root))
    elif stage in ("site", "zensical", "pdf", "docx"):
        from zhi.build import build_edition, work_dir

        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "out"
            try:  # a build from scratch: its working tree is new, and removed afterwards
                res = build_edition(root, pdf=stage == "pdf", docx=stage == "docx", out=out,
                                    renderer={"site": "mkdocs", "zensical": "zensical"}.get(stage))
            finally:
                shutil.rmtree(work_dir(root, out), ignore_errors=True)
            info["pages"] = res.pages
            if res.book is not None:
                info["pdf pages"] = res.book.pages
                info.update({f"pdf {k}": round(v, 2) for k, v in res.book.timings.items()})
            info.update({k: round(v, 2) for k, v in res.timings.items()})
    info.setdefault("seconds", time.perf_counter() - t0)
    info["cpu s"] = round(_cpu(), 1)  # user+sys of this process and its workers: steadier than wall time on a busy machine
    info["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if children:
        info["worker_peak_mb"] = round(children)  # the largest typesetting worker process
    return info


def _cpu() -> float:
    """User plus system CPU seconds of this process and of its finished children (the typesetting workers)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


# domain words any 机构编制志 uses; the names, 文号 and years come from the site itself
TERMS = ("编制", "机构编制", "领导职数", "事业编制", "行政编制", "撤销", "更名为", "核定", "合署办公", "加挂")


def search_queries(pages, n: int = 30, seed: int = 7) -> list[str]:
    """30 queries of 2 to 7 characters (and some longer) drawn from the built site: body names with their
    prefixes and suffixes, 文号 fragments, years, dates and domain words."""
    import random
    import re

    rnd = random.Random(seed)
    names = sorted({p.title for p in pages if p.url.startswith("jigou/") and p.url.count("/") == 2})
    text = " ".join(p.text for p in pages[:: max(1, len(pages) // 400)])
    docnos = sorted(set(re.findall(r"([\u4e00-\u9fff]{1,4})〔(\d{4})〕", text)))
    years = sorted(set(re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text)))
    dates = sorted(set(re.findall(r"(?:19|20)\d\d年\d{1,2}月\d{1,2}日", text)))
    qs: list[str] = list(TERMS)
    for name in rnd.sample(names, min(5, len(names))):
        qs += [name, name[-4:], name[:3]]
    for issuer, year in rnd.sample(docnos, min(3, len(docnos))):
        qs += [issuer[-2:], f"〔{year}〕"]
    qs += rnd.sample(years, min(2, len(years))) + rnd.sample(dates, min(2, len(dates)))
    out = []
    for q in qs:
        if len(q) >= 2 and q not in out:
            out.append(q)
    return out[:n]


def _book_stage(root: Path) -> dict:
    """Typeset the book in chunks with an empty cache, then again after an edit to one chapter in the middle
    of the volume (a sentence added to a paragraph), as `zhi build` does after an editor's change; then after
    a paragraph with a mention and an editor's note is added to the same chapter (anchors added)."""
    import re

    from zhi.editions import filter_archive
    from zhi.history import derive_history
    from zhi.loader import load_archive
    from zhi.writers.book import BookWriter
    from zhi.writers.typeset import typeset

    theme = root / "theme" if (root / "theme").is_dir() else Path(__file__).resolve().parent.parent / "theme"
    tmp = Path(tempfile.mkdtemp())
    chapters = sorted(p for p in (root / "chronicle").rglob("*.md") if p.parent != root / "chronicle")
    chapter = chapters[len(chapters) // 2]
    saved = chapter.read_bytes()

    def run(name):
        ed = filter_archive(load_archive(root), "public")
        t, cpu = time.perf_counter(), _cpu()
        res = typeset(BookWriter(ed, derive_history(ed), theme), tmp / name, root, {"Title": "bench"},
                      cache=tmp / "cache")
        res.timings["cpu"] = _cpu() - cpu
        return res, time.perf_counter() - t

    try:
        cold, cold_s = run("cold.pdf")
        text = chapter.read_text(encoding="utf-8")
        cut = text.rfind("。")
        chapter.write_text(text[:cut] + "，基准测试在此加了一句" + text[cut:] if cut > 0 else text + "\n\n基准测试。\n",
                           encoding="utf-8")
        edit, edit_s = run("edit.pdf")
        # then a mention of a record the chapter names already and an editor's note: anchors added to one chapter
        named = re.search(r"\[\[([^\]@|]+)", text)
        chapter.write_text(text + f"\n\n基准测试又加了一句{f'，另见[[{named.group(1)}]]' if named else ''}[^bench]。\n\n"
                           "[^bench]: 基准测试加的注。\n", encoding="utf-8")
        noted, noted_s = run("noted.pdf")
    finally:
        chapter.write_bytes(saved)
        shutil.rmtree(tmp, ignore_errors=True)
    return {"pdf pages": cold.pages, "chunks": cold.chunks, "cold s": round(cold_s, 1),
            **{f"cold {k}": round(v, 1) for k, v in cold.timings.items() if k != "total"},
            "edited": chapter.relative_to(root).as_posix(), "after edit s": round(edit_s, 1),
            "chunks re-typeset": edit.typeset_chunks,
            **{f"edit {k}": round(v, 1) for k, v in edit.timings.items() if k != "total"},
            "after a mention and a note s": round(noted_s, 1), "chunks re-typeset then": noted.typeset_chunks,
            **{f"noted {k}": round(v, 1) for k, v in noted.timings.items() if k != "total"}, "seconds": cold_s}


def _rebuild_stage(root: Path) -> dict:
    """Build the site, then edit one record and one chapter as an editor does and time the rebuild (what
    `zhi serve` does after a save). The record edit changes a fact every reader sees: the name a body is given
    by an event (in the events file halfway through the archive), which shows on the body's page, the
    大事记, the 年表, the indexes and the search. The edits are undone afterwards."""
    from zhi.build import build_edition, work_dir

    events, edited, name = _name_edit(root)
    chapter = max((root / "chronicle").rglob("*.md"))
    saved = {p: p.read_bytes() for p in (events, chapter)}
    tmp = Path(tempfile.mkdtemp())
    out = tmp / "out"
    try:
        build_edition(root, pdf=False, out=out, publish=False)
        events.write_text(edited, encoding="utf-8")
        chapter.write_text(chapter.read_text(encoding="utf-8") + "\n基准测试增加的一段。\n", encoding="utf-8")
        t, cpu = time.perf_counter(), _cpu()
        res = build_edition(root, pdf=False, out=out, publish=False)
        seconds, cpu = time.perf_counter() - t, _cpu() - cpu
        page = "".join(p.read_text(encoding="utf-8") for p in res.out.rglob("index.html") if name in
                       p.read_text(encoding="utf-8"))
        if not page:
            raise SystemExit(f"rebuild: the edited name {name} is on no page of the rebuilt site")
    finally:
        for p, data in saved.items():
            p.write_bytes(data)
        shutil.rmtree(work_dir(root, out), ignore_errors=True)
        shutil.rmtree(tmp, ignore_errors=True)
    return {"pages": res.pages, "edited": f"{events.relative_to(root).as_posix()}: {name}",
            **{k: round(v, 2) for k, v in res.timings.items()}, "rebuild cpu s": round(cpu, 1), "seconds": seconds}


# the last word of a body's name, before which the rebuild's edit inserts two characters
_NAME_END = "局|委员会|中心|办公室|所|站|院|队|部|会"


def _name_edit(root: Path) -> tuple[Path, str, str]:
    """The first events file from the middle of the archive on that gives a body a name, its text with that
    name changed (基准 inserted before its last word: 某某县人民医院 → 某某县人民医基准院), and the new name."""
    import re

    files = sorted((root / "sources" / "events").rglob("*.yaml"))
    for path in files[len(files) // 2:] + files[:len(files) // 2]:
        text = path.read_text(encoding="utf-8")
        m = re.search(rf"\n([ \t]+)name:[ \t]+(\S+?)({_NAME_END})[ \t]*\n", text)
        if m:
            name = m.group(2) + "基准" + m.group(3)
            return path, text[:m.start(2)] + name + text[m.end(3):], name
    raise SystemExit("rebuild: no events file gives a body a name")


def _search_stage(root: Path) -> dict:
    """Build the site, time the search index, and run the queries in Chromium: recall and precision against
    the pages that contain each string, and the bytes each query fetches with an empty cache."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright
    from zhi.build import build_edition, work_dir
    from zhi.writers.search import collect, norm, record_index_fetches, write_index

    tmp = Path(tempfile.mkdtemp())
    out = tmp / "out"
    site = build_edition(root, pdf=False, out=out, publish=False).out
    t = time.perf_counter()
    pages = collect(site)
    stats = write_index(site, pages)
    seconds = time.perf_counter() - t
    texts = [(p.url, norm(p.title), norm(p.text)) for p in pages]
    queries = search_queries(pages)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    handler.func.log_message = lambda *a: None
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}"
    rows, worst, total_kb = [], (0, ""), []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for q in queries:
            truth = {u for u, ti, x in texts if norm(q) in ti or norm(q) in x}
            ctx = browser.new_context()
            pg = ctx.new_page()
            sizes = record_index_fetches(pg)
            print(f"search: {q}", file=sys.stderr, flush=True)
            pg.goto(f"{url}/search/?q={q}")
            pg.wait_for_function("/页|没有/.test(document.getElementById('zhi-search-status').textContent)")
            status = pg.locator("#zhi-search-status").inner_text()
            kb = sum(sizes) / 1024
            found = set(pg.evaluate("q => window.zhiSearch.query(q)", q))
            ctx.close()
            count = int(status.split("找到 ", 1)[1].split(" 页", 1)[0]) if "找到 " in status else 0
            rows.append((q, len(truth), count, len(found & truth), len(found)))
            worst, total_kb = max(worst, (round(kb), q)), total_kb + [kb]
        browser.close()
    httpd.shutdown()
    shutil.rmtree(work_dir(root, out), ignore_errors=True)
    truth_n = sum(r[1] for r in rows)
    return {"search index s": round(seconds, 2), "index MB": round(stats.bytes / 2**20, 1),
            "segments": stats.segments, "shards": f"{stats.shards2}+{stats.shards3}", "queries": len(rows),
            "recall %": round(100 * sum(r[3] for r in rows) / max(1, truth_n), 2),
            "precision %": round(100 * sum(r[3] for r in rows) / max(1, sum(r[4] for r in rows)), 2),
            "count precision %": round(100 * truth_n / max(1, sum(r[2] for r in rows)), 2),
            "KB/query max": f"{worst[0]} ({worst[1]})", "KB/query median": round(statistics.median(total_kb)),
            "seconds": seconds}


def _docno_spellings(number: str) -> list[str]:
    """How an editor may type a 文号 the archive holds: as written, normalised, in half- and full-width round
    brackets, with the serial padded to two digits."""
    from zhi.docno import parse_docno

    d = parse_docno(number)
    if d is None:
        return [number]
    out = [number, d.normalised, f"{d.code}({d.year}){d.number}号", f"{d.code}（{d.year}）{d.number}号",
           f"{d.code}〔{d.year}〕{d.number:02d}号"]
    return list(dict.fromkeys(out))


def _zhi_search_stage(root: Path) -> dict:
    """`zhi search` (the editors' search, not the site's): the full index from scratch, and queries run as
    an editor runs them, each a new `zhi` process (bytecode cached, as after installation); recall on every
    spelling of every document's 文号 (the document itself must be found) and on substrings of entries."""
    import os
    import random

    from zhi import search_index as si
    from zhi.docno import parse_docno

    tmp = Path(tempfile.mkdtemp())
    for name in ("sources", "chronicle"):
        shutil.copytree(root / name, tmp / name)
    zhi = Path(sys.executable).with_name("zhi")
    cmd = [str(zhi)] if zhi.exists() else [sys.executable, "-m", "zhi.cli"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")

    cpu: list[float] = []

    def run(*argv: str) -> float:
        """Wall time of one `zhi search`; its processor time (user + system) is kept in ``cpu``, as the wall
        time on a shared machine includes waiting for a processor."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run([*cmd, "--root", str(tmp), "search", *argv], env=env, capture_output=True, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        return time.perf_counter() - t

    index_s = run("编制", "--rebuild", "--limit", "1")
    index_cpu = cpu[-1]
    entries = [row for rows in si._read_store(si.index_dir(tmp))["files"].values() for row in rows]
    rnd = random.Random(7)
    docs = [(r[5], r[4].splitlines()[1]) for r in entries if r[0] == "document" and len(r[4].splitlines()) > 1
            and parse_docno(r[4].splitlines()[1])]
    queries = [q for _rid, num in rnd.sample(docs, min(5, len(docs))) for q in _docno_spellings(num)[:2]]
    queries += list(TERMS[:5])
    run("编制")  # bytecode written
    cpu.clear()
    times = sorted(run(q, "--limit", "20") for q in queries)
    found = total = 0
    for rid, num in rnd.sample(docs, min(120, len(docs))):
        for q in _docno_spellings(num):
            total += 1
            found += any(h.rid == rid and h.kind == "document" for h in si.search(tmp, q, kinds=["document"]).hits)
    sub_total = sub_found = 0
    for row in rnd.sample(entries, min(200, len(entries))):
        text = row[4].replace("\n", "")
        if len(text) < 6:
            continue
        i = rnd.randrange(0, len(text) - 5)
        q = "".join(text[i:i + rnd.randint(2, 6)].split())
        if not q:
            continue
        truth = {(r[1], r[3]) for r in entries if q in r[3] or q in r[4].replace("\n", "")}
        hits = {(h.line, h.title) for h in si.search(tmp, q).hits}
        sub_total += len(truth)
        sub_found += len(truth & hits)
    shutil.rmtree(tmp, ignore_errors=True)
    return {"index s": round(index_s, 2), "index cpu s": round(index_cpu, 2), "entries": len(entries),
            "queries": len(times), "query s median": round(statistics.median(times), 3),
            "query s max": round(times[-1], 3), "query cpu s median": round(statistics.median(cpu), 3),
            "query cpu s max": round(max(cpu), 3),
            "文号 spellings": total, "文号 recall %": round(100 * found / max(1, total), 2),
            "substring recall %": round(100 * sub_found / max(1, sub_total), 2), "seconds": index_s}


def main() -> None:
    ap = argparse.ArgumentParser(description="测量各阶段耗时与峰值内存（每阶段在独立进程中运行）")
    ap.add_argument("--root", type=Path, default=None, help="项目目录（默认：当前项目）")
    ap.add_argument("--repeat", type=int, default=3, help="每阶段重复次数（默认 3）")
    ap.add_argument("--stages", default=",".join(STAGES),
                    help=f"要测的阶段，逗号分隔（默认：{','.join(STAGES)}；另有 pdf1：整书单进程排版，供对照）")
    ap.add_argument("--stage", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.stage:
        print(json.dumps(run_stage(args.stage, args.root), ensure_ascii=False))
        return
    from zhi.project import find_root

    root = (args.root or find_root()).resolve()
    print(f"project: {root}")
    print(f"{'stage':<8}{'best s':>9}{'median s':>10}{'peak MB':>9}  notes")
    for stage in args.stages.split(","):
        runs = []
        for _ in range(args.repeat):
            proc = subprocess.run([sys.executable, __file__, "--stage", stage, "--root", str(root)],
                                  capture_output=True, text=True, check=False)
            if proc.returncode:
                sys.exit(f"stage {stage} failed:\n{proc.stderr[-12000:]}")
            out = proc.stdout
            runs.append(json.loads(out.strip().splitlines()[-1]))
        secs = [r.pop("seconds") for r in runs]
        peak = max(r.pop("peak_mb") for r in runs)
        notes = ", ".join(f"{k} {v}" for k, v in runs[-1].items())
        print(f"{stage:<8}{min(secs):>9.2f}{statistics.median(secs):>10.2f}{peak:>9.0f}  {notes}")


if __name__ == "__main__":
    main()
