"""`zhi new KIND`: a correctly formed record with a fresh id, in the right place, for an editor to fill."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path

from ..project import root_from_args

KINDS = {"body": "机构", "event": "事件", "document": "文件", "person": "人物", "post": "任职",
         "staffing": "编制", "jurisdiction": "行政区划", "memo": "记事"}
ALIASES = {v: k for k, v in KINDS.items()} | {"区划": "jurisdiction", "文件记录": "document", "人员": "person"}
PREFIX = {"body": "body", "event": "ev", "document": "doc", "person": "p", "post": "post", "staffing": "st",
          "jurisdiction": "jur", "memo": "memo"}
DIRS = {"body": "bodies", "event": "events", "document": "documents", "person": "people", "post": "posts",
        "staffing": "staffing", "jurisdiction": "jurisdictions", "memo": "memos"}

TEMPLATES = {
    "body": """# 机构（填好后删去注释）。名称、上级、规格、属地写在设立事件中：{event_file}
id: {id}
kind: （待填：类别）    # 照来源填：党委工作部门 政府工作部门 政府直属机构 事业单位 群团机关 乡镇 街道 其他 …；来源未载的写 不详
# functions:           # 主要职能，来源载有的才写，每项一行
#   - 主管全县的机构编制工作
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
classification: 公开   # 照原件的标志填写，写法见 guide/documents.md
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
    "memo": """# 记事：事件之外、大事记要记的事（见 guide/dashiji.md）；它不设立、不撤销任何机构
- id: {id}
  date: {today}
  text: （待填：一句完整的话，只写来源所载之事，以句号结尾）
  # jurisdiction: 行政区划编号（不写则进各行政区划的大事记）
  # mentions: [涉及的机构、人物、文件编号]
  # 不进公开版的记事另写一行 classification（写法见 guide/dashiji.md）
  sources: []          # 至少一个文件编号
""",
    "jurisdiction": """id: {id}
level: 县             # 省 地级市 县 县级市 市辖区 …
# scope: out          # 越境不书的邻区才写
""",
    "jurisdiction-event": """# {id} 的建置事件（填好日期、名称和来源文件后删去注释）
- id: {event_id}
  type: establish
  date: {today}         # 建县、建区的日期，可写 1984、1984-03 或 1984-03-12
  body: {id}
  name: （待填：全称，如 临水县）
  sources: []          # 至少一个文件编号，如 [doc-xxx]
""",
}


DATE_PLACEHOLDER = "（待填：日期，如 1984-03-12）"


def fresh_id(kind: str, taken: set[str], wanted: str | None, prefix: str | None = None,
             stamp: str | None = None) -> str:
    from ..fields import id_problem

    if wanted:
        # an id names files: "a/b", "../../x" or "/tmp/x" would write elsewhere, so it must be a plain id
        problem = id_problem(wanted)
        if problem:
            raise ValueError(problem)
        return wanted
    stamp = stamp or dt.date.today().strftime("%Y%m%d")
    prefix = prefix or PREFIX[kind]
    n = 1
    while f"{prefix}-{stamp}-{n}" in taken:
        n += 1
    return f"{prefix}-{stamp}-{n}"


def _list_file(folder: Path, year: str | None) -> Path:
    """Where a new list record goes: the year file (1984.yaml) for dated kinds, else the folder's largest file."""
    if year:
        return folder / f"{year}.yaml"
    from ..project import skipped_part

    # never a draft or hidden file (_x.yaml, .x.yaml): zhi does not read them, the new record would be lost
    files = sorted((p for p in folder.glob("*.yaml") if p.is_file() and not skipped_part(p.name)),
                   key=lambda p: -p.stat().st_size)
    return files[0] if files else folder / f"{folder.name}.yaml"


def _append(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(old + ("\n" if old and not old.endswith("\n\n") else "") + text, encoding="utf-8")


def bounds_warning(book, date) -> str:
    """A warning when ``date`` lies outside the book's 上下限 (upper and lower limits)."""
    if book is None or date is None:
        return ""
    if book.upper is not None and date.latest() < book.upper.earliest():
        return f"日期{date.chinese()}早于本志上限（{book.upper.chinese()}）；上限以前的事一般不记，请核对"
    if book.lower is not None and date.earliest() > book.lower.latest():
        return f"日期{date.chinese()}晚于本志下限（{book.lower.chinese()}）；下限以后的事不记，请核对日期（可用 --date 指定）"
    return ""


def archive_prefix(ids, default: str) -> str:
    from ..fields import archive_prefix as prefix

    return prefix(ids, default)


def create(root: Path, kind: str, wanted: str | None = None, date: str | None = None,
           notes: list[str] | None = None) -> list[Path]:
    """Write a record for the editor to fill, in the archive's own layout: dated list records (events,
    staffing) in the year file of ``date`` (today if not given), documents in the year folder, people and posts
    in the folder's main file; ids in the archive's pattern. Warnings (a date outside 上下限) go to ``notes``."""
    from ..dates import DateError, parse_date
    from ..loader import load_archive

    kind = ALIASES.get(kind, kind)
    try:
        when = parse_date(date) if date else None
    except DateError as e:
        raise ValueError(f"日期“{date}”：{e}") from e
    iso = when.iso() if when is not None and re.fullmatch(r"\d{4}(-\d\d){0,2}", when.iso()) else None
    # without --date the record carries a placeholder the check reports, never today's date: today lies past
    # the book's 下限 and would be printed as a fact no source gave
    today = iso or DATE_PLACEHOLDER
    year = iso[:4] if iso else None
    a = load_archive(root)
    taken = set(a.bodies) | set(a.jurisdictions) | set(a.documents) | set(a.people) | \
        {e.id for e in a.events} | {p.id for p in a.posts} | {s.id for s in a.staffing} | {m.id for m in a.memos}
    existing = {"body": a.bodies, "jurisdiction": a.jurisdictions, "document": a.documents, "person": a.people,
                "event": [e.id for e in a.events], "post": [p.id for p in a.posts if p.id],
                "staffing": [s.id for s in a.staffing if s.id], "memo": [m.id for m in a.memos if m.id]}[kind]
    stamp = iso or dt.date.today().strftime("%Y%m%d")  # an id is only a name: today's stamp keeps it fresh
    rid = fresh_id(kind, taken, wanted, archive_prefix(existing, PREFIX[kind]), stamp)
    if rid in taken:
        raise ValueError(f"编号“{rid}”已被使用，请换一个")
    if notes is not None:
        warning = bounds_warning(a.book, when)
        if warning:
            notes.append(warning)
        if when is None and kind != "person":
            notes.append("没有写 --date：日期写的是占位文字“待填”，请填上来源所载的日期（zhi check 会提醒）")
    base = root / "sources" / DIRS[kind]
    events_file = _list_file(root / "sources" / "events", year)
    written: list[Path] = []
    if kind in ("body", "document", "jurisdiction"):
        folder = base / year if kind == "document" and year else base
        path = folder / f"{rid}.yaml"
        if path.exists():
            raise ValueError(f"文件 {path.relative_to(root)} 已存在")
        folder.mkdir(parents=True, exist_ok=True)
        if kind == "body":
            _append(events_file, TEMPLATES["body-event"].format(id=rid, today=today))
            path.write_text(TEMPLATES["body"].format(id=rid, event_file=events_file.relative_to(root).as_posix()),
                            encoding="utf-8")
            written = [path, events_file]
        elif kind == "jurisdiction":
            event_id = fresh_id("event", taken | {rid}, None, archive_prefix([e.id for e in a.events], "ev"),
                                stamp)
            _append(events_file, TEMPLATES["jurisdiction-event"].format(id=rid, event_id=event_id, today=today))
            path.write_text(TEMPLATES["jurisdiction"].format(id=rid), encoding="utf-8")
            written = [path, events_file]
        else:
            path.write_text(TEMPLATES[kind].format(id=rid, today=today), encoding="utf-8")
            written = [path]
    else:
        path = _list_file(base, year if kind in ("event", "staffing", "memo") else None)
        _append(path, TEMPLATES[kind].format(id=rid, today=today))
        written = [path]
    if notes is not None:
        notes.append(f"编号：{rid}")
    return written


def run(args) -> int:
    root = root_from_args(args)
    notes: list[str] = []
    try:
        files = create(root, args.kind, args.id, args.date, notes)
    except ValueError as e:
        print(f"zhi new：{e}")
        return 1
    for f in files:
        print(f"已写入：{f.relative_to(root)}")
    for n in notes:
        print(("注意：" if not n.startswith("编号") else "") + n)
    print("请填写标“待填”的各项，再运行 zhi check。")
    return 0


def register(sub) -> None:
    p = sub.add_parser("new", prog="zhi new", help="新建一条记录（机构、事件、文件、人物…），自动给出不重复的编号",
                       description="按档案已有的布局新建一条格式正确的记录，供编辑填写：事件、编制写进该年的文件\n"
                                   "（sources/events/1984.yaml），文件记录放在年份文件夹，人物、任职接在已有的文件里；编号照档案\n"
                                   "已有编号的样式。机构、行政区划同时新建其设立（建置）事件。日期在本志上下限之外时提醒。")
    p.add_argument("kind", metavar="类别", choices=sorted(set(KINDS) | set(ALIASES)),
                   help="、".join(f"{k}（{v}）" for k, v in KINDS.items()))
    p.add_argument("--id", metavar="编号", help="指定编号（默认按档案已有编号的样式自动生成）")
    p.add_argument("--date", metavar="日期",
                   help="事件、文件、任职、编制的日期，如 1984-03；记录写进该年的文件（events/1984.yaml），不写则日期留作“待填”，由编辑填上")
    p.add_argument("--root", metavar="目录", help=argparse.SUPPRESS, default=argparse.SUPPRESS)
    p.set_defaults(func=run)
