"""`zhi import FILE…`: bring transcriptions (Word, ODT, HTML, Markdown, text) into sources/ as document records."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..importer import DEFAULT_TO, ImportError_, Outcome, import_files
from ..project import NoProject, root_from_args

DESCRIPTION = (
    "把档案全文（.docx、.odt、.html、.md、.txt；.doc 须本机装有 LibreOffice 或 antiword）导入为文件记录。\n"
    "每个文件转为 Markdown 全文“编号.md”，并生成记录“编号.yaml”，从原文中预填发文字号、标题、成文日期、\n"
    "发文机关和密级；未能识别的项目在记录中留有“# 待核”注释，请对照原件核对。\n"
    "给出文件夹时，导入其中（含子文件夹）所有可导入的文件。已导入过的同一文件、文号已登记的文件跳过不导入。\n"
    "有文件导入失败时退出码为 1，否则为 0。")




def run(args) -> int:
    try:
        root = root_from_args(args)
    except NoProject as e:
        print(f"zhi：{e}", file=sys.stderr)
        return 2
    to = Path(args.to)
    if not to.is_absolute():
        to = root / to

    def report(o: Outcome) -> None:
        where = o.path
        if o.status == "导入" and o.record is not None:
            rec = o.record.relative_to(root).as_posix() if o.record.is_relative_to(root) else str(o.record)
            print(f"导入  {where} → {rec}" + (f"（{o.reason}）" if o.reason else ""))
        else:
            print(f"{o.status}  {where}：{o.reason}", file=sys.stderr if o.status == "失败" else sys.stdout)
        sys.stdout.flush()

    try:
        outcomes = import_files(root, [Path(p) for p in args.files], to, force=args.force, report=report)
    except ImportError_ as e:
        print(f"zhi import：{e}", file=sys.stderr)
        return 1
    n = {s: sum(1 for o in outcomes if o.status == s) for s in ("导入", "跳过", "失败")}
    print(f"\n导入 {n['导入']} 件，跳过 {n['跳过']} 件，失败 {n['失败']} 件。"
          + ("请对照原件核对记录中的“# 待核”项，然后运行 zhi check。" if n["导入"] else ""))
    return 1 if n["失败"] else 0


def register(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("import", prog="zhi import", help="导入档案全文（Word、HTML、文本等），生成文件记录",
                              description=DESCRIPTION)
    p.add_argument("files", nargs="+", metavar="文件", help="要导入的文件或文件夹（可写多个）")
    p.add_argument("--force", action="store_true", help="已导入过或文号已登记的也导入（另起编号，不覆盖原有记录）")
    p.add_argument("--to", metavar="目录", default=DEFAULT_TO,
                   help=f"记录写入的目录，相对于项目目录（默认 {DEFAULT_TO}；须在 sources/documents/ 之内）")
    p.add_argument("--root", metavar="目录", help=argparse.SUPPRESS, default=argparse.SUPPRESS)
    p.set_defaults(func=run)
    return p
