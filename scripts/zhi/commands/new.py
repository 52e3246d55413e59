"""`zhi new KIND`: a correctly formed record with a fresh id, in the right place, for an editor to fill."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..project import root_from_args

KINDS = {"body": "机构", "event": "事件", "document": "文件", "person": "人物", "post": "任职",
         "staffing": "编制", "jurisdiction": "行政区划"}
ALIASES = {v: k for k, v in KINDS.items()} | {"区划": "jurisdiction", "文件记录": "document", "人员": "person"}
PREFIX = {"body": "body", "event": "ev", "document": "doc", "person": "p", "post": "post", "staffing": "st",
          "jurisdiction": "jur"}
DIRS = {"body": "bodies", "event": "events", "document": "documents", "person": "people", "post": "posts",
        "staffing": "staffing", "jurisdiction": "jurisdictions"}

TEMPLATES = {
    "body": """# 机构（填好后删去注释）。名称、上级、规格、属地写在设立事件中：{event_file}
id: {id}
kind: 政府工作部门      # 党委工作部门 政府工作部门 政府直属机构 事业单位 群团机关 乡镇 街道 其他 …
functions:             # 主要职能，可不写
  - （待填）
""",
    "body-event": """# {id} 的设立事件（填好日期、名称、属地和来源文件后删去注释）
- id: ev-{id}-establish
  type: establish
  date: {today}         # 生效日期，可写 1984、1984-03 或 1984-03-12
  body: {id}
  name: （待填：全称）
  # short: 规范简称
  # parent: 上级机构编号
  jurisdiction: （待填：行政区划编号）
  # rank: 正科级
  sources: []          # 至少一个文件编号，如 [doc-xxx]
""",
    "event": """# 事件（类型与可用的键见 guide/events.md）
- id: {id}
  type: rename         # establish rename merge split abolish transfer reparent rejurisdiction rerank add-name drop-name staffing
  date: {today}
  body: （待填：机构编号）
  name: （待填：新名称）
  sources: []          # 至少一个文件编号
""",
    "document": """# 文件（全文可另存为同目录下的 {id}.md）
id: {id}
number: （待填：发文字号，如 临编〔1984〕7号；没有文号可删去此行）
issuer: （待填：发文机关）
date: {today}
title: （待填：标题）
# archive_ref: 全宗号-目录号-案卷号-件号
classification: 公开   # 公开 内部 秘密 机密 绝密（如 秘密★10年）
""",
    "person": """- id: {id}
  name: （待填：姓名）
  # gender: 男
  # born: 1950
""",
    "post": """- id: {id}
  person: （待填：人物编号）
  body: （待填：机构编号）
  post: （待填：职务，如 局长）
  from: {today}
  # to: 离任日期；至本志下限仍在任则不写，来源未载离任时间的写 不详
  # term: 届次，如 第七届人民政府
  sources: []
""",
    "staffing": """- id: {id}
  body: （待填：机构编号）
  date: {today}
  basis: 核定          # 核定 或 实有
  figures: {{行政编制: 0}}
  sources: []
""",
    "jurisdiction": """id: {id}
level: 县             # 省 地级市 县 县级市 市辖区 …
# scope: out          # 越境不书的邻区才写
""",
}


def fresh_id(kind: str, taken: set[str], wanted: str | None) -> str:
    from ..fields import id_problem

    if wanted:
        # an id names files: "a/b", "../../x" or "/tmp/x" would write elsewhere, so it must be a plain id
        problem = id_problem(wanted)
        if problem:
            raise ValueError(problem)
        return wanted
    stamp = dt.date.today().strftime("%Y%m%d")
    n = 1
    while f"{PREFIX[kind]}-{stamp}-{n}" in taken:
        n += 1
    return f"{PREFIX[kind]}-{stamp}-{n}"


def create(root: Path, kind: str, wanted: str | None = None) -> list[Path]:
    from ..loader import load_archive

    kind = ALIASES.get(kind, kind)
    a = load_archive(root, with_book=False)
    taken = set(a.bodies) | set(a.jurisdictions) | set(a.documents) | set(a.people) | \
        {e.id for e in a.events} | {p.id for p in a.posts} | {s.id for s in a.staffing}
    rid = fresh_id(kind, taken, wanted)
    if rid in taken:
        raise ValueError(f"编号“{rid}”已被使用，请换一个")
    base = root / "sources" / DIRS[kind]
    if kind == "document":
        base = base / str(dt.date.today().year)
    base.mkdir(parents=True, exist_ok=True)
    path = base / f"{rid}.yaml"
    if path.exists():
        raise ValueError(f"文件 {path.relative_to(root)} 已存在")
    today = dt.date.today().isoformat()
    written = []
    if kind == "body":
        ev = root / "sources" / "events" / f"new-{rid}.yaml"
        ev.parent.mkdir(parents=True, exist_ok=True)
        ev.write_text(TEMPLATES["body-event"].format(id=rid, today=today), encoding="utf-8")
        written.append(ev)
        path.write_text(TEMPLATES["body"].format(id=rid, event_file=ev.relative_to(root).as_posix()), encoding="utf-8")
    else:
        path.write_text(TEMPLATES[kind].format(id=rid, today=today), encoding="utf-8")
    written.insert(0, path)
    return written


def run(args) -> int:
    root = root_from_args(args)
    try:
        files = create(root, args.kind, args.id)
    except ValueError as e:
        print(f"zhi new：{e}")
        return 1
    for f in files:
        print(f"已新建：{f.relative_to(root)}")
    print("请填写标“待填”的各项，再运行 zhi check。")
    return 0


def register(sub) -> None:
    p = sub.add_parser("new", prog="zhi new", help="新建一条记录（机构、事件、文件、人物…），自动给出不重复的编号",
                       description="在正确的目录中新建一条格式正确的记录，供编辑填写。机构会同时新建其设立事件。")
    p.add_argument("kind", metavar="类别", choices=sorted(set(KINDS) | set(ALIASES)),
                   help="、".join(f"{k}（{v}）" for k, v in KINDS.items()))
    p.add_argument("--id", metavar="编号", help="指定编号（默认自动生成）")
    p.add_argument("--root", metavar="目录", help=argparse.SUPPRESS, default=argparse.SUPPRESS)
    p.set_defaults(func=run)
