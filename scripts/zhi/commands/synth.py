"""`zhi synth`: write a fictitious archive for tests and timing."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

LABELS = [("jurisdictions", "行政区划"), ("bodies", "机构"), ("events", "事件"), ("documents", "文件"),
          ("transcriptions", "全文"), ("people", "人物"), ("posts", "任职"), ("staffing", "编制记录"),
          ("chapters", "章"), ("prose_chars", "正文字数"), ("files", "文件总数")]


def register(subparsers) -> None:
    p = subparsers.add_parser("synth", prog="zhi synth", help="生成用于测试与测速的虚构档案", description=(
        "在指定目录写出一部完整的虚构项目（sources/、chronicle/、theme/、mkdocs.yml），供测试与测速。\n"
        "同一种子总是生成逐字节相同的文件。规模 1 约为一个县、一个区（一卷区志）；规模 10 为 10 对县区。"))
    p.add_argument("out", metavar="目录", help="输出目录（不存在时新建）")
    p.add_argument("--scale", type=float, default=1.0, help="规模（默认 1）")
    p.add_argument("--seed", type=int, default=1, help="随机种子（默认 1）")
    p.add_argument("--root", metavar="目录", help=argparse.SUPPRESS, default=argparse.SUPPRESS)
    p.set_defaults(func=run)


def run(args) -> int:
    from zhisynth import generate

    out = Path(args.out)
    if out.exists() and any(out.iterdir()):
        print(f"zhi synth：目录“{out}”不是空的；请指定一个新目录")
        return 2
    if args.scale <= 0:
        print("zhi synth：规模应为正数")
        return 2
    t0 = time.perf_counter()
    counts = generate(out, args.scale, args.seed)
    secs = time.perf_counter() - t0
    print(f"已在 {out} 生成虚构档案（规模 {args.scale:g}，种子 {args.seed}，用时 {secs:.1f} 秒）：")
    print("，".join(f"{zh} {counts[k]}" for k, zh in LABELS))
    types = counts.get("event_types", {})
    print("事件类型：" + "，".join(f"{k} {v}" for k, v in types.items()))
    return 0
