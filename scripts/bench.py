"""Benchmark: wall time and peak memory of each stage of the pipeline on a project (default: the sample).

Run:  .venv/bin/python scripts/bench.py [--root DIR] [--repeat N] [--stages load,check,site,pdf,docx]

Each stage runs in a fresh Python process, so its peak RSS is its own; times are the best and the median of
N runs. It prints one table. Nothing is asserted: the figures are for the notes and for comparisons.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STAGES = ("load", "check", "views", "site", "pdf", "docx")


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
        from zhi.views.lineage import lineage

        a = load_archive(root)
        h = derive_history(a)
        entries = chronology(a, h)
        for rid in a.bodies:
            lineage(a, h, rid, entries)
        info["entries"] = len(entries)
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
    elif stage in ("site", "pdf", "docx"):
        from zhi.build import build_edition

        with tempfile.TemporaryDirectory() as tmp:
            res = build_edition(root, pdf=stage == "pdf", docx=stage == "docx", out=Path(tmp) / "out")
            info["pages"] = res.pages
            if res.book is not None:
                info["pdf pages"] = res.book.pages
                info.update({f"pdf {k}": round(v, 2) for k, v in res.book.timings.items()})
            info.update({k: round(v, 2) for k, v in res.timings.items()})
    info["seconds"] = time.perf_counter() - t0
    info["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if children:
        info["worker_peak_mb"] = round(children)  # the largest typesetting worker process
    return info


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
            out = subprocess.run([sys.executable, __file__, "--stage", stage, "--root", str(root)],
                                 capture_output=True, text=True, check=True).stdout
            runs.append(json.loads(out.strip().splitlines()[-1]))
        secs = [r.pop("seconds") for r in runs]
        peak = max(r.pop("peak_mb") for r in runs)
        notes = ", ".join(f"{k} {v}" for k, v in runs[-1].items())
        print(f"{stage:<8}{min(secs):>9.2f}{statistics.median(secs):>10.2f}{peak:>9.0f}  {notes}")


if __name__ == "__main__":
    main()
