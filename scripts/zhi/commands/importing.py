"""`zhi import FILE…`: bring transcriptions (Word, ODT, HTML, Markdown, text) into sources/ as document records."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..importer import DEFAULT_TO, ImportError_, Outcome, import_files
from ..invisible import with_advice
from ..progress import Progress
from ..project import NoProject, root_from_args

DESCRIPTION = (
    "把档案全文（.docx、.odt、.html、.md、.txt；.doc 须本机装有 LibreOffice 或 antiword）导入为文件记录。\n"
    "每个文件转为 Markdown 全文“编号.md”，并生成记录“编号.yaml”，从原文中预填发文字号、标题、成文日期、\n"
    "发文机关和密级；未能识别的项目在记录中留有“# 待核”注释，请对照原件核对。\n"
    "给出文件夹时，导入其中（含子文件夹）所有可导入的文件。已导入过的同一文件、文号已登记的文件跳过不导入。\n"
    "表格（.xlsx、.csv）按表头认作沿革表（名称、简称、设立、撤销、上级、规格、行政区划、依据）、任免表（姓名、机构、\n"
    "职务、任职时间、免职时间、依据）或编制表（机构、日期、口径、行政编制、事业编制……、依据）：先列出将新建的机构、\n"
    "事件、人物、任职、编制和读不了的行（注明第几行），加 --yes 才写入；档案中已有的不重复新建。\n"
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

    progress = Progress.for_stream(sys.stderr)

    def report(o: Outcome) -> None:
        where = o.path
        if o.status == "导入" and o.record is not None:
            rec = o.record.relative_to(root).as_posix() if o.record.is_relative_to(root) else str(o.record)
            progress.print(f"导入  {where} → {rec}" + (f"（{o.reason}）" if o.reason else ""))
        else:
            progress.print(f"{o.status}  {where}：{o.reason}", file=sys.stderr if o.status == "失败" else sys.stdout)
        sys.stdout.flush()

    tables = [Path(p) for p in args.files if Path(p).suffix.lower() in (".xlsx", ".csv")]
    if tables:
        code = import_tables(root, tables, args.yes)
        if len(tables) == len(args.files):
            return code
    try:
        outcomes = import_files(root, [Path(p) for p in args.files if Path(p) not in tables], to, force=args.force,
                                report=report, progress=progress)
    except ImportError_ as e:
        print(f"zhi import：{e}", file=sys.stderr)
        return 1
    n = {s: sum(1 for o in outcomes if o.status == s) for s in ("导入", "跳过", "失败")}
    print(f"\n导入 {n['导入']} 件，跳过 {n['跳过']} 件，失败 {n['失败']} 件。"
          + ("请对照原件核对记录中的“# 待核”项，然后运行 zhi check。" if n["导入"] else ""))
    return 1 if n["失败"] else 0


def import_tables(root: Path, paths: list[Path], write: bool) -> int:
    """沿革表, 任免表, 编制表 (.xlsx, .csv): show what each will create; with ``write``, create it."""
    from ..history import derive_history
    from ..loader import load_archive
    from ..tables import KIND_ZH, TableError, plan_table, read_tables, table_kind, write_plan

    failed = False
    for path in paths:
        try:
            sheets = read_tables(path)
        except (TableError, OSError) as e:
            print(f"失败  {path}：{e}", file=sys.stderr)
            failed = True
            continue
        # every sheet zhi recognises (an exported workbook has 沿革、任免、编制); the others are named, with why
        known = []
        for title, rows in sheets:
            try:
                table_kind(list(rows[0].cells) if rows else [])
                known.append((title, rows))
            except TableError as e:
                if len(sheets) == 1:
                    print(f"失败  {path}：{e}", file=sys.stderr)
                    failed = True
                else:
                    print(f"跳过  {path}，工作表“{title}”：{e}")
        if len(sheets) > 1 and not known:
            print(f"失败  {path}：没有一张工作表认得出是沿革表、任免表或编制表（见上）", file=sys.stderr)
            failed = True
        for title, rows in known:
            where = f"{path}" + (f"，工作表“{title}”" if len(sheets) > 1 else "")
            archive = load_archive(root)  # again for each table: one may create what the next refers to
            try:
                plan = plan_table(root, path, archive, derive_history(archive), rows)
            except (TableError, OSError) as e:
                print(f"失败  {where}：{e}", file=sys.stderr)
                failed = True
                continue
            doubts = f"（其中 {len(plan.doubts)} 行待核）" if plan.doubts else ""
            print(f"{where}（{KIND_ZH[plan.kind]}）：新建 {len(plan.created)} 项{doubts}，"
                  f"已有而跳过 {len(plan.skipped)} 项，未能读入 {len(plan.problems)} 行")
            for line in plan.created:   # cells quoted as the editor typed them: what cannot be seen is named
                print(f"  新建  {with_advice(line)}")
            for line in plan.skipped:
                print(f"  跳过  {with_advice(line)}")
            for line in plan.problems:
                print(f"  未读入  {with_advice(line)}", file=sys.stderr)
            failed |= bool(plan.problems)
            if write and plan.files:
                for p in write_plan(plan):
                    print(f"  写入  {p.relative_to(root).as_posix()}")
            elif plan.files:
                print("  （这是预览，什么也没有写入；核对无误后加 --yes 再运行一次即写入）")
    if write:
        print("\n请运行 zhi check，补上记录中的“待填”项（如机构类别），并对照原件核对“# 待核”项。")
    return 1 if failed else 0


def register(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("import", prog="zhi import", help="导入档案全文（Word、HTML、文本等）生成文件记录；导入沿革表、任免表、编制表（.xlsx、.csv）",
                              description=DESCRIPTION)
    p.add_argument("files", nargs="+", metavar="文件", help="要导入的文件或文件夹（可写多个）")
    p.add_argument("--yes", action="store_true",
                   help="表格（.xlsx、.csv 的沿革表、任免表、编制表）确实写入；不加时只预览将新建什么")
    p.add_argument("--force", action="store_true", help="已导入过或文号已登记的也导入（另起编号，不覆盖原有记录）")
    p.add_argument("--to", metavar="目录", default=DEFAULT_TO,
                   help=f"记录写入的目录，相对于项目目录（默认 {DEFAULT_TO}；须在 sources/documents/ 之内）")
    p.add_argument("--root", metavar="目录", help=argparse.SUPPRESS, default=argparse.SUPPRESS)
    p.set_defaults(func=run)
    return p
