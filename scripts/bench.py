"""Benchmark: time and peak memory of each stage on a project (default: the sample).

Run: .venv/bin/python scripts/bench.py [--root DIR] [--repeat N]
Prints one table row per stage: best and median wall time over N runs, and the process's peak RSS.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path

from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.project import find_root, load_house_style


def _time(fn, repeat: int):
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description="测量各阶段耗时与内存")
    ap.add_argument("--root", type=Path, default=None, help="项目目录（默认：当前项目）")
    ap.add_argument("--repeat", type=int, default=5, help="每阶段重复次数（默认 5）")
    args = ap.parse_args()
    root = (args.root or find_root()).resolve()

    rows = []
    best, med, archive = _time(lambda: load_archive(root), args.repeat)
    rows.append(("load", best, med))
    best, med, history = _time(lambda: derive_history(archive), args.repeat)
    rows.append(("derive history", best, med))
    style = load_house_style(root)
    best, med, findings = _time(lambda: run_checks(archive, style.severities, history), args.repeat)
    rows.append(("checks", best, med))
    best, med, _ = _time(lambda: run_checks(load_archive(root), style.severities), args.repeat)
    rows.append(("load + check (total)", best, med))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"project: {root}")
    print(f"records: bodies {len(archive.bodies)}, jurisdictions {len(archive.jurisdictions)}, "
          f"events {len(archive.events)}, documents {len(archive.documents)}, people {len(archive.people)}, "
          f"posts {len(archive.posts)}, staffing {len(archive.staffing)}; files {len(archive.files)}; "
          f"findings {len(findings)}")
    print(f"{'stage':<24}{'best s':>10}{'median s':>10}")
    for name, b, m in rows:
        print(f"{name:<24}{b:>10.3f}{m:>10.3f}")
    print(f"peak RSS of this process: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
