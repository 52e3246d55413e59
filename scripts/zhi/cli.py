"""The `zhi` command: every sub-command works from anywhere inside the project, help is in Chinese."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from .project import NoProject, root_from_args
from .renderers import NAMES as RENDERERS

# Only what every command needs is imported here; each command imports its own modules, so that a quick one
# (zhi search) does not pay for loading the checks.


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="用法：")


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出")

    def error(self, message: str):
        message = (message.replace("the following arguments are required", "缺少参数")
                   .replace("unrecognized arguments", "无法识别的参数")
                   .replace("invalid choice", "无效的选项").replace("choose from", "可选")
                   .replace("argument", "参数").replace("expected one argument", "需要一个值"))
        self.print_usage(sys.stderr)
        self.exit(2, f"zhi：错误：{message}\n")




def cmd_check(args) -> int:
    from .checks import run_checks
    from .findings import SEVERITY_ZH
    from .loader import load_archive
    from .project import load_house_style

    root = root_from_args(args)
    style = load_house_style(root)
    archive = load_archive(root)
    archive.findings.extend(style.findings)
    findings = run_checks(archive, style.severities)
    if not args.all:
        shown = [f for f in findings if f.severity != "info"]
    else:
        shown = findings
    counts = Counter(f.severity for f in findings)
    if args.format == "json":
        json.dump([f.as_dict() for f in shown], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for f in shown:
            print(f.as_text())
        summary = "，".join(f"{SEVERITY_ZH[s]} {counts.get(s, 0)} 条" for s in ("error", "warning", "info"))
        print(f"\n检查了 {len(archive.files)} 个文件：机构 {len(archive.bodies)}、行政区划 {len(archive.jurisdictions)}、"
              f"事件 {sum(not e.origin_unknown for e in archive.events)}、文件 {len(archive.documents)}、人物 {len(archive.people)}、"
              f"任职 {len(archive.posts)}、编制 {len(archive.staffing)}。{summary}"
              + ("" if args.all or not counts.get("info") else "（提示未列出，加 --all 显示）"),
              file=sys.stderr if args.format == "json" else sys.stdout)
    return 1 if counts.get("error") else 0


def dashiji_summary(taken: int, changes: int) -> str:
    """The build's line on the 大事记: how many entries it prints of the changes the 年表 lists, and how to take more
    (a 大事记 of one line out of 37 changes was said only by a 提示 of ``check --all``)."""
    return (f"大事记：收 {taken} 条（机构变动年表 {changes} 条，大事记只收合乎收录规则的）；要多收，在 sources/house-style.yaml 的 "
            "dashiji: 中加上机构类别，或在事件中写 dashiji: 收，见编辑指南“大事记与记事”（guide/dashiji.md）")


def cmd_build(args) -> int:
    from .build import BuildError, build_edition
    from .progress import Progress

    root = root_from_args(args)
    progress = Progress.for_stream(sys.stderr)
    try:
        res = build_edition(root, args.edition, pdf=not args.no_pdf, docx=args.docx, progress=progress,
                            offline=args.offline, renderer=args.renderer)
    except BuildError as e:
        progress.abandon()
        print(f"zhi build：{e}", file=sys.stderr)
        return 1
    except Exception as e:  # noqa: BLE001 - an editor gets a sentence and an exit code, not a traceback
        import traceback

        progress.abandon()

        frames = traceback.extract_tb(e.__traceback__)
        where = frames[-1]
        # a template of the project's own theme/ failing: most often a theme copied from an older zhi
        theme = next((f for f in reversed(frames) if f.filename.endswith(".j2")
                      and Path(f.filename).resolve().is_relative_to((root / "theme").resolve())), None)
        if theme is not None:
            print(f"zhi build：生成失败（{type(e).__name__}：{e}），出错在本项目的模板 theme/"
                  f"{Path(theme.filename).resolve().relative_to((root / 'theme').resolve()).as_posix()} 第 {theme.lineno} 行。"
                  "原有的输出未被改动。\n这多半是 theme/ 是从旧版 zhi 拷来的，与本版程序不符：请用本版 zhi 的 theme/ 替换它"
                  "（自己改过的配色等另行改回），再生成。", file=sys.stderr)
            return 1
        print(f"zhi build：生成失败（{type(e).__name__}：{e}）。原有的输出未被改动。\n"
              f"这多半是程序的问题，请把这段话连同出错位置 {Path(where.filename).name}:{where.lineno} 报告给维护者。",
              file=sys.stderr)
        return 1
    warnings = sum(1 for f in res.findings if f.severity == "warning")
    print(f"网站已生成：{res.out}（{res.pages} 页，用时 {res.timings['total']:.1f} 秒）"
          + (f"；档案检查有 {warnings} 条警告，运行 zhi check 查看" if warnings else ""))
    print(dashiji_summary(*res.dashiji))
    if res.book is not None:
        b = res.book
        print(f"志书 PDF：{res.out / 'zhi.pdf'}（{b.pages} 页：前置 {b.front_pages} 页，正文 {b.body_pages} 页；"
              f"排版 {b.timings['total']:.1f} 秒）")
        for issue in b.line_issues[:20]:
            print(f"  避头尾：第 {issue.page} 页“{issue.line}”：{issue.problem}", file=sys.stderr)
        if b.line_issues:
            print(f"  共 {len(b.line_issues)} 处不合避头尾规则（GB/T 15834），请检查上列各页", file=sys.stderr)
    elif res.kept_pdf:
        print(f"志书 PDF 未重新生成（--no-pdf），保留了上一次生成的 {res.out / 'zhi.pdf'}；它可能未含最近的修改，"
              f"去掉 --no-pdf 再生成一次即可更新")
    elif args.no_pdf:
        print("志书 PDF 未生成（--no-pdf），此前也没有生成过；去掉 --no-pdf 即可生成")
    if args.docx:
        print(f"审读用 Word 文档：{res.out / 'zhi.docx'}")
    return 0


def cmd_serve(args) -> int:
    from .serve import serve

    serve(root_from_args(args), args.port, args.host)
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="zhi", description="zhi：机构编制志编纂工具。检查档案记录，生成大事记、网站与志书。\n"
                                         "在项目目录（含 sources/ 与 chronicle/）内任意位置运行。")
    p.add_argument("--root", metavar="目录", help="项目目录（默认从当前目录向上查找）")
    sub = p.add_subparsers(dest="command", title="命令", metavar="命令", parser_class=_Parser)
    c = sub.add_parser("check", prog="zhi check", help="检查档案：格式、引用、日期、名称、来源", description=(
        "读入 sources/ 中的全部记录，一次列出所有问题（文件:行号、检查项、级别、说明）。\n"
        "有“错误”时退出码为 1，否则为 0。各检查项的级别可在 sources/house-style.yaml 中调整。"))
    c.add_argument("--format", choices=["text", "json"], default="text", help="输出格式：text（默认）或 json")
    c.add_argument("--all", action="store_true", help="也列出“提示”级别的问题")
    c.add_argument("--root", metavar="目录", help=argparse.SUPPRESS, default=argparse.SUPPRESS)
    c.set_defaults(func=cmd_check)
    b = sub.add_parser("build", prog="zhi build", help="生成网站与志书 PDF（site/）", description=(
        "检查档案后生成网站。公开版写入 site/；内部版（--edition internal）写入 build/internal/，公开网站不链接它。\n"
        "档案有错误时不生成，先运行 zhi check 改正。"))
    b.add_argument("--edition", choices=["public", "internal"], default="public",
                   help="版本：public（公开版，默认）或 internal（内部版）")
    b.add_argument("--docx", action="store_true", help="同时生成审读用 Word 文档（zhi.docx）")
    b.add_argument("--no-pdf", action="store_true", help="不生成 PDF（只更新网站，较快）")
    b.add_argument("--offline", action="store_true",
                   help="生成光盘版、U盘版：写入 build/offline/，不用服务器、直接双击 index.html 即可浏览和检索")
    b.add_argument("--renderer", choices=RENDERERS, default=None, metavar="渲染器",
                   help="用哪个程序把页面渲染成网站：mkdocs（默认，Material for MkDocs）或 zensical（同一团队的新程序），"
                        "不写时按 chronicle/book.yaml 的 renderer 设置")
    b.add_argument("--root", metavar="目录", help=argparse.SUPPRESS, default=argparse.SUPPRESS)
    b.set_defaults(func=cmd_build)
    s = sub.add_parser("serve", prog="zhi serve", help="本机预览网站，修改后自动更新", description=(
        "生成网站并在本机提供预览（默认 http://127.0.0.1:8000/）。修改 sources/、chronicle/ 中的文件并保存后，\n"
        "几秒内自动重新生成，已打开的页面随之刷新。按 Ctrl+C 退出。"))
    s.add_argument("--port", type=int, default=8000, metavar="端口", help="端口（默认 8000）")
    s.add_argument("--host", default="127.0.0.1", metavar="地址",
                   help="在哪个地址上提供预览（默认 127.0.0.1，只有本机能看；写 0.0.0.0 让内网的同事也能打开）")
    s.add_argument("--root", metavar="目录", help=argparse.SUPPRESS, default=argparse.SUPPRESS)
    s.set_defaults(func=cmd_serve)
    from . import gitmerge, review
    from .commands import export, importing, init, new, search, status, synth

    for module in (init, status, new, search, importing, export, review, synth, gitmerge):
        module.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except NoProject as e:
        print(f"zhi：{e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("zhi：已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (zhi search … | head): stop quietly, as other tools do
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
