"""zhi init: start a new chronicle in an empty folder.

A new project holds the folders the editors' guide names (sources/…, chronicle/), a book.yaml with the title and
the 上限/下限 given, a 凡例 to be written, the site settings (mkdocs.yml, the tool's, with the title) and a
.gitignore for what builds write. It has no theme/: it is built with the layouts of the zhi that runs
(project.theme_dir), so a newer zhi's layouts reach it with nothing to copy."""

from __future__ import annotations

import datetime as _dt
import json
import re
import sys
from pathlib import Path

from ..project import tool_root

# the folders of sources/ the guide describes, one per record kind
SOURCE_FOLDERS = ("jurisdictions", "bodies", "events", "documents", "people", "posts", "staffing", "memos")

GITIGNORE = "/site/\n/site.stale-*/\n/build/\n/.cache/\n/.venv\n__pycache__/\n"

BOOK_YAML = """\
# 志书设置：书名、上下限、篇目。路径相对于 chronicle/。
# 大事记、附录、索引由 zhi 依档案生成，不在此列出。
title: {title}
upper: {upper}        # 上限（年）
lower: {lower}        # 下限（年）
kaoyi: true        # 附录末附考异表（诸来源所记不一之处）

front:
  - fanli.md

# 篇目：每篇一个标题和它的各章（chronicle/ 中的 Markdown 文件），例如
#   - title: 第一篇 机构编制管理机构
#     chapters:
#       - p1/c1.md
parts: []

back: []
"""

FANLI = """\
---
title: 凡例
status: 初稿
---

# 凡例

一、本志记述{title_short}{upper}年至{lower}年机构编制的{what}。（待填：指导思想、记述范围、体裁、资料来源等）
"""


def _year(text: str, what: str) -> int:
    if not re.fullmatch(r"\d{4}", text or ""):
        raise ValueError(f"{what}应写四位年份，如 1949，不是“{text}”")
    return int(text)


def _what(lower: int) -> str:
    """What the 凡例 says the volume records: a volume whose 下限 is years past (1948—1960) records a history (沿革),
    never a 现状 it does not reach; one that runs to about now, 历史与现状."""
    return "历史与现状" if lower >= _dt.date.today().year - 2 else "沿革"


def create(dest: Path, title: str, upper: int, lower: int) -> list[str]:
    """Make the project in ``dest`` (absent or empty); the paths made, relative to it."""
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise ValueError(f"“{dest}”已存在且不是空文件夹；zhi init 只在新的或空的文件夹里建项目，不覆盖任何文件")
    if lower < upper:
        raise ValueError(f"下限 {lower} 早于上限 {upper}")
    src = tool_root()
    if src is None:
        raise ValueError("找不到 zhi 自带的版式 theme/ 与网站设置 mkdocs.yml（zhi 应从它的仓库安装，见 README）")
    made = []
    for name in SOURCE_FOLDERS:
        (dest / "sources" / name).mkdir(parents=True, exist_ok=True)
        made.append(f"sources/{name}/")
    (dest / "chronicle").mkdir(parents=True, exist_ok=True)
    short = title.strip().removesuffix("机构编制志").removesuffix("志") or title.strip()
    if not title.strip() or any(c in title for c in "\r\n"):
        raise ValueError("书名不能为空，也不能分行")
    quoted = json.dumps(title.strip(), ensure_ascii=False)   # a YAML string whatever it holds (“#”, “: ”)
    files = {"chronicle/book.yaml": BOOK_YAML.format(title=quoted, upper=upper, lower=lower),
             "chronicle/fanli.md": FANLI.format(title_short=short, upper=upper, lower=lower, what=_what(lower)),
             ".gitignore": GITIGNORE}
    settings = (src / "mkdocs.yml").read_text(encoding="utf-8")
    files["mkdocs.yml"] = re.sub(r"(?m)^site_name:.*$", lambda _: f"site_name: {quoted}", settings, count=1)
    for rel, text in files.items():
        (dest / rel).write_text(text, encoding="utf-8")
        made.append(rel)
    return made


def run(args) -> int:
    dest = Path(args.folder).resolve()
    try:
        upper, lower = _year(args.upper, "上限"), _year(args.lower, "下限")
        made = create(dest, args.title, upper, lower)
    except ValueError as e:
        print(f"zhi init：{e}", file=sys.stderr)
        return 2
    print(f"已新建编纂项目：{dest}")
    for rel in made:
        print(f"  {rel}")
    print("下一步：\n"
          f"  cd {dest}\n"
          "  zhi new 行政区划        # 先建本志记述的行政区划，再建机构、文件、事件（见编辑指南）\n"
          "  zhi check              # 检查档案\n"
          "  zhi build              # 生成网站与志书 PDF")
    return 0


def register(sub) -> None:
    p = sub.add_parser("init", prog="zhi init", help="新建一部志书的编纂项目（空的档案与篇目）", description=(
        "在一个新的或空的文件夹里建编纂项目：sources/ 下各类记录的文件夹、chronicle/book.yaml（书名、上下限）、\n"
        "待写的凡例和网站设置 mkdocs.yml；版式用所运行的 zhi 自带的 theme/，不复制。不覆盖任何已有文件。"))
    p.add_argument("folder", metavar="文件夹", help="新项目的文件夹（不存在则新建；已存在须为空）")
    p.add_argument("--title", required=True, metavar="书名", help="志书书名，如“某某县机构编制志”")
    p.add_argument("--upper", required=True, metavar="年", help="上限（四位年份）")
    p.add_argument("--lower", required=True, metavar="年", help="下限（四位年份）")
    p.set_defaults(func=run)
