"""`zhi search`: the editors' full-text search over the whole archive (classified material included)."""

from __future__ import annotations

import argparse
import re
import sys

from ..classification import LEVELS
from ..invisible import quote, with_advice
from ..project import NoProject, root_from_args

DESCRIPTION = (
    "在整个档案中检索（供编辑使用，含内部与涉密材料）：机构、事件（大事记句子）、文件（标题、文号、发文机关）、\n"
    "人物、任职、编制、文件全文（Markdown）与志书正文。逐字匹配：含所查文字的都列出，不计空格，各种括号算作一样；\n"
    "文号按规范写法也能查到（临编〔1988〕9号 可查到原件印作 临编(1988)09号 的文件）。“区财政局”可查到“河东区财政局”，\n"
    "“河东区财政局”也可查到河东区只记作“区财政局”的机构。结果按相关度排列，列出文件:行号与命中的段落，\n"
    "并统计各类、各年代、各密级的条数。\n"
    "索引保存在项目的 .cache/search-index/ 中，每次检索前只重新索引改动过的文件。\n\n"
    "例：zhi search 编制\n"
    "    zhi search 计划 --kind 事件 --year 1980-1990\n"
    "    zhi search 财政 --level 秘密 --body hd-caizheng")


def register(subparsers) -> argparse.ArgumentParser:
    s = subparsers.add_parser("search", prog="zhi search", help="检索档案（含内部、涉密材料）与志书正文",
                              description=DESCRIPTION)
    s.add_argument("query", nargs="+", metavar="检索词", help="要查的文字；多个词须同时出现")
    s.add_argument("--kind", action="append", metavar="类别",
                   help="只查某类：body/机构、event/事件、document/文件、person/人物、post/任职、staffing/编制、"
                        "jurisdiction/区划、chapter/正文、transcription/全文；可重复或用逗号分隔")
    s.add_argument("--jurisdiction", metavar="区划编号", help="只查涉及该行政区划的结果")
    s.add_argument("--body", metavar="机构编号", help="只查涉及该机构的结果")
    s.add_argument("--year", metavar="年份", help="只查该年或该年份范围内的结果，如 1984 或 1980-1990")
    s.add_argument("--level", action="append", metavar="密级",
                   help=f"只查该密级：{'、'.join(LEVELS)}；可重复或用逗号分隔")
    s.add_argument("--limit", type=int, default=20, metavar="条数", help="最多列出多少条（默认 20；0 为全部）")
    s.add_argument("--rebuild", action="store_true", help="丢弃现有索引，从头重建")
    s.add_argument("--root", metavar="目录", help=argparse.SUPPRESS, default=argparse.SUPPRESS)
    s.set_defaults(func=cmd_search)
    return s


class UsageError(ValueError):
    pass


def _items(values: list[str] | None):
    """Each item of options that may be repeated or comma-separated: --kind 事件,文件 --kind 正文."""
    for v in values or []:
        yield from (k for k in re.split(r"[,，、\s]+", v.strip()) if k)


def parse_kinds(values: list[str] | None) -> list[str] | None:
    from ..search_index import KIND_ALIASES, KINDS

    out = []
    for k in _items(values):
        key = k.lower() if k.lower() in KINDS else KIND_ALIASES.get(k)
        if key is None:
            raise UsageError(with_advice(f"类别{quote(k, True)}无法识别；可用：" + "、".join(f"{e}/{z}" for e, z in KINDS.items())))
        out.append(key)
    return out or None


def parse_years(value: str | None) -> tuple[int, int] | None:
    if not value:
        return None
    m = re.fullmatch(r"\s*(\d{4})\s*(?:(?:-|–|—|~|～|\.\.|至|到)\s*(\d{4}))?\s*年?\s*", value)
    if not m:
        raise UsageError(with_advice(f"年份{quote(value, True)}无法识别；写一个年份（如 1984）或范围（如 1980-1990）"))
    a, b = int(m.group(1)), int(m.group(2) or m.group(1))
    if b < a:
        raise UsageError(f"年份范围“{value}”的起年晚于止年")
    return a, b


def parse_levels(values: list[str] | None) -> list[str] | None:
    out = []
    for k in _items(values):
        name = k.split("★")[0]
        if name not in LEVELS:
            raise UsageError(with_advice(f"密级{quote(k, True)}无法识别；可写：{'、'.join(LEVELS)}"))
        out.append(name)
    return out or None


def _counts(counter, names: dict[str, str] | None = None, order: list[str] | None = None) -> str:
    keys = order if order is not None else sorted(counter)
    return "、".join(f"{(names or {}).get(k, k)} {counter[k]}" for k in keys if counter.get(k))


def cmd_search(args) -> int:
    from .. import search_index as si
    from ..progress import QUIET, Progress

    try:
        kinds = parse_kinds(args.kind)
        years = parse_years(args.year)
        levels = parse_levels(args.level)
    except UsageError as e:
        print(f"zhi search：{e}", file=sys.stderr)
        return 2
    try:
        root = root_from_args(args)
    except NoProject as e:
        print(f"zhi：{e}", file=sys.stderr)
        return 2
    text = " ".join(args.query).strip()
    if not text:
        print("zhi search：检索词不能为空", file=sys.stderr)
        return 2
    # on a terminal a bar while a large archive is read; elsewhere the one line below says what was done
    up = si.update_index(root, rebuild=args.rebuild,
                         progress=Progress.for_stream(sys.stderr) if sys.stderr.isatty() else QUIET)
    if up.full:
        print(f"（已建立检索索引：{up.entries} 条，用时 {up.seconds:.1f} 秒）", file=sys.stderr)
    elif up.reindexed or up.removed:
        print(f"（索引已更新：重新索引 {len(up.reindexed)} 个文件，删去 {len(up.removed)} 个文件，"
              f"用时 {up.seconds:.1f} 秒）", file=sys.stderr)
    res = si.search(root, text, kinds=kinds, jurisdiction=args.jurisdiction, body=args.body, years=years,
                    levels=levels)
    tty = sys.stdout.isatty()
    mark = ("\033[1;31m", "\033[0m") if tty else ("【", "】")
    n = len(res.hits)
    if not n:
        print(f"没有找到“{text}”" + ("（已按条件筛选）" if any((kinds, years, levels, args.body, args.jurisdiction))
                                     else ""))
        return 1
    kind_order = [k for k in si.KINDS if res.kinds.get(k)]
    print(f"找到 {n} 条（{_counts(res.kinds, si.KINDS, kind_order)}）")
    year_keys = sorted(k for k in res.years if k != "无日期") + (["无日期"] if res.years.get("无日期") else [])
    print(("按年：" if res.by_year else "按年代：") + _counts(res.years, order=year_keys))
    print("按密级：" + _counts(res.levels, order=[lv for lv in LEVELS]))
    shown = res.hits if args.limit <= 0 else res.hits[:args.limit]
    for i, h in enumerate(shown, 1):
        snip, line = si.snippet(h, res.terms, mark)
        meta = [f"{h.file}:{line}" if line else h.file]
        if h.date:
            meta.append(h.date)
        meta.append(h.level)
        print(f"\n{i}. 〔{si.KINDS.get(h.kind, h.kind)}〕{h.title}" + (f"（{h.rid}）" if h.rid and h.rid not in h.title
                                                                    else ""))
        print("   " + "　".join(meta))
        print("   " + snip)
    if len(shown) < n:
        print(f"\n（另有 {n - len(shown)} 条未列出；用 --limit 0 列出全部，或用 --kind、--year 等缩小范围）")
    return 0
