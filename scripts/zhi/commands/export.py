"""`zhi export 表.xlsx`: the 沿革、任免、编制 tables of an edition as a workbook, for checking by people who do
not read YAML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..project import root_from_args

DESCRIPTION = (
    "把档案中的机构沿革（每个名称一行）、任免和编制导出为 Excel 工作簿（.xlsx），三张表，供不看 YAML 的同事核对。\n"
    "默认只含公开版能收的记录（--edition internal 含内部材料）；--all 导出全部档案（含涉密），\n"
    "此时每张表第一行标明“含全部档案，不得外传”（内部版标明“内部资料　注意保存”），每行注明密级。\n\n"
    "例：zhi export 核对表.xlsx\n"
    "    zhi export 内部核对表.xlsx --edition internal")


def run(args) -> int:
    from ..history import derive_history
    from ..loader import load_archive
    from ..tableexport import export_tables

    root = root_from_args(args)
    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        print(f"zhi export：输出文件“{out}”应以 .xlsx 结尾", file=sys.stderr)
        return 2
    archive = load_archive(root)
    counts = export_tables(archive, derive_history(archive), out, None if args.all else args.edition)
    what = "全部档案（含内部、涉密材料，不得外传）" if args.all else {"public": "公开版", "internal": "内部版"}[args.edition]
    print(f"已导出 {out}（{what}）：" + "，".join(f"{k} {v} 行" for k, v in counts.items()))
    return 0


def register(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("export", prog="zhi export", help="导出沿革、任免、编制表（.xlsx）供核对",
                              description=DESCRIPTION)
    p.add_argument("out", metavar="文件", help="输出的 .xlsx 文件")
    p.add_argument("--edition", choices=["public", "internal"], default="public",
                   help="版本：public（公开版，默认）或 internal（内部版）")
    p.add_argument("--all", action="store_true", help="导出全部档案（含涉密材料），表中注明密级与“不得外传”")
    p.add_argument("--root", metavar="目录", help=argparse.SUPPRESS, default=argparse.SUPPRESS)
    p.set_defaults(func=run)
    return p
