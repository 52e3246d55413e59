"""`zhi status`: what a chief editor needs each week."""

from __future__ import annotations

import argparse
import unicodedata
from pathlib import Path

from ..project import root_from_args


def _w(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - _w(s))


def table(rows: list[list[str]]) -> str:
    widths = [max(_w(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for k, r in enumerate(rows):
        lines.append("  ".join(_pad(c, widths[i]) for i, c in enumerate(r)).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def report(root: Path) -> str:
    from ..checks import run_checks
    from ..history import derive_history
    from ..loader import load_archive
    from ..project import load_house_style
    from ..views.naming import name_on
    from ..views.status import compile_status, years_as_ranges

    style = load_house_style(root)
    a = load_archive(root)
    a.findings.extend(style.findings)
    h = derive_history(a)
    st = compile_status(a, h, run_checks(a, style.severities, h))
    out = ["# 编纂进度", "", "## 篇章", ""]
    rows = [["篇章", "稿次", "字数", "目标", "完成", "错误", "警告"]]
    for c in st.chapters:
        done = f"{c.chars * 100 // c.target}%" if c.target else "—"
        rows.append([c.title[:24], c.status, str(c.chars), str(c.target or "—"), done, str(c.errors), str(c.warnings)])
    out += [table(rows), ""]
    by_status: dict[str, int] = {}
    for c in st.chapters:
        by_status[c.status] = by_status.get(c.status, 0) + 1
    out.append("稿次：" + "，".join(f"{k} {v} 篇" for k, v in by_status.items()))
    out.append(f"全书稿次（book.yaml 的 stage）：{st.stage or '未标（按正式出版印制）'}")
    out += ["", f"## 待补之处（{len(st.placeholders)} 处）", ""]
    if st.placeholders:
        out += [f"{path}:{line}  {text}" for path, line, text in st.placeholders]
        out.append("以上占位文字须在终审稿前补写或删去；稿次为终审稿时，zhi check 报错，zhi build 不生成志书。")
    else:
        out.append("正文中没有“本章待续”“待补”之类的占位文字。")
    out += ["", "## 档案", ""]
    out.append("记录：" + "，".join(f"{k} {v}" for k, v in st.totals.items()))
    out.append(f"没有来源的事件：{st.events_without_source} 条")
    out.append(f"已登记而未被引用的文件：{len(st.documents_uncited)} 件"
               + (f"（{'、'.join(st.documents_uncited[:10])}{'…' if len(st.documents_uncited) > 10 else ''}）"
                  if st.documents_uncited else ""))
    for jid, decades in st.records_by_decade.items():
        out.append(f"{name_on(h, jid, None)}：各年代事件数 " + "，".join(f"{k} {v}" for k, v in sorted(decades.items())))
        out.append(f"  没有任何事件的年份：{years_as_ranges(st.empty_years[jid])}")
    return "\n".join(out)


def run(args) -> int:
    root = root_from_args(args)
    print(report(root))
    return 0


def register(sub) -> None:
    p = sub.add_parser("status", prog="zhi status", help="编纂进度：各篇章稿次与字数、档案的薄弱环节", description=(
        "列出各篇章的稿次（初稿/修改稿/送审稿/定稿）、字数与目标、未解决的问题数；\n"
        "以及档案中没有来源的事件、未被引用的文件、事件很少或没有事件的年份。"))
    p.add_argument("--root", metavar="目录", help=argparse.SUPPRESS, default=argparse.SUPPRESS)
    p.set_defaults(func=run)
