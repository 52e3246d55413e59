"""Editors' tables in: 沿革表 (one row per name of a body), 任免 lists and staffing tables, as .xlsx (openpyxl)
or .csv, read into records. ``zhi export`` writes the same tables (``tableexport``), with the columns read here.

Reading is exact and fails per row, never per table: every row that cannot be read is reported with its row
number (as Excel shows it) and what to mend, and nothing of it is written. Nothing is guessed: a date cell keeps
the precision its format shows (a cell shown as 1984年3月 is 1984-03, not 1984-03-01); a body's 类别 the table
does not give is left for the editor (zhi check asks for it); a 依据 that is not in the archive stops the row.
A record made from a row is at least as secret as the documents it cites and the row's own 密级; a 密级 that
cannot be read holds the row at 绝密 (待核).

Nothing is created twice: a body whose name the archive already knows, a post with the same person, body, post
and start, a staffing figure with the same body, date and 口径 are skipped, so an import can be run again.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .classification import PUBLIC, Level, parse_level
from .dates import UNKNOWN_WORDS, DateError, parse_date
from .docno import normalise_docno
from .invisible import quote
from .model import BODY_KINDS, FATE_UNKNOWN, STAFFING_KINDS, UNKNOWN
from .tableexport import EXPORT_MARKS

TABLE_SUFFIXES = (".xlsx", ".csv")

# header words (brackets and blanks removed) → field
LINEAGE = {"name": ("名称", "机构名称", "全称", "机构全称"), "short": ("简称", "规范简称"),
           "start": ("设立", "设立时间", "成立", "成立时间", "起", "起始", "起始时间", "始", "开始"),
           "end": ("撤销", "撤销时间", "止", "终止", "终止时间", "结束"),
           "parent": ("上级", "上级机构", "隶属", "主管部门"), "rank": ("规格", "级别", "机构规格"),
           "jurisdiction": ("行政区划", "区划", "所属区划", "属地"), "kind": ("类别", "机构类别", "性质"),
           "source": ("依据", "来源", "文号", "设立依据", "依据文件"), "end_source": ("撤销依据",),
           "id": ("编号", "机构编号"), "level": ("密级",), "note": ("备注", "说明")}
POSTS = {"person": ("姓名", "人名"), "gender": ("性别",), "body": ("机构", "单位", "任职机构", "机构名称", "工作单位"),
         "post": ("职务", "职位"), "start": ("任职时间", "任职", "任", "起", "起始", "任职日期", "始"),
         "end": ("免职时间", "离任时间", "免职", "离任", "止", "终止"),
         "source": ("依据", "来源", "文号", "任免文件", "任职依据"), "level": ("密级",), "note": ("备注", "说明")}
STAFFING = {"body": ("机构", "单位", "机构名称"), "date": ("日期", "时间", "核定时间", "年份", "统计时间"),
            "basis": ("口径",), "source": ("依据", "来源", "文号"), "level": ("密级",), "note": ("备注", "说明"),
            "id": ("编号", "记录编号", "编制编号")}
# what a 止 cell may say for an end no source gives (zhi export writes 去向不详 and 不详): read as `end: 不详`
UNKNOWN_ENDS = (*UNKNOWN_WORDS, FATE_UNKNOWN, "终止时间不详")
# a 起 that is a restoration: the date, then the source's verb (zhi export writes 1978年6月重建 for a body whose first
# record is a 恢复 with `previous_end: 不详`)
_RESTORED = re.compile(r"(.+?)(恢复设立|重新设立|恢复|重建|复设)")
KIND_ZH = {"lineage": "沿革表", "posts": "任免表", "staffing": "编制表"}
BASIS = {"核定": "核定", "实有": "实有", "超编": "超编", "精简": "精简", "设置": "设置", "设": "设置"}


class TableError(Exception):
    """The whole file cannot be read (not a table zhi knows); Chinese message."""


@dataclass
class Row:
    number: int                 # as the spreadsheet shows it
    cells: dict[str, str]
    formulas: list[str] = field(default_factory=list)   # headers of cells holding a formula (read as its text)


@dataclass
class Planned:
    """What one table will create."""
    kind: str
    files: dict[Path, list[str]] = field(default_factory=dict)   # file → YAML texts to write (new file or appended)
    created: list[str] = field(default_factory=list)             # Chinese lines: what is made
    skipped: list[str] = field(default_factory=list)             # Chinese lines: what exists already
    problems: list[str] = field(default_factory=list)            # Chinese lines: rows not read, with row numbers
    doubts: dict[int, str] = field(default_factory=dict)         # row → what is to be checked (待核) in what it made
    unread: list[str] = field(default_factory=list)              # headers zhi does not know: every row held at 绝密


# ------------------------------------------------------------------------------------------- reading cells
def _cell_text(value, number_format: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        fmt = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", number_format or "").lower()
        if "d" in fmt or not fmt or fmt == "general":
            return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
        if "m" in fmt:  # shown without a day: 1984年3月, Mar-84
            return f"{value.year:04d}-{value.month:02d}"
        return f"{value.year:04d}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _is_formula(cell) -> bool:
    """A formula cell (=…, array or data-table formula): zhi never evaluates it, nor trusts a cached result."""
    v = cell.value
    return getattr(cell, "data_type", "") == "f" or (isinstance(v, str) and v.startswith("=")) \
        or not isinstance(v, str | int | float | bool | dt.date | dt.datetime | dt.time | type(None))


def _xlsx_cell(cell) -> tuple[str, bool]:
    """The cell as text, and whether it is a formula; a formula is its own text (=“秘”&“密”), which reads as no
    level, no date and no name, so a row that depends on it fails closed."""
    if _is_formula(cell):
        v = cell.value
        return (v if isinstance(v, str) else "=" + str(getattr(v, "text", "") or type(v).__name__)).strip(), True
    return _cell_text(cell.value, getattr(cell, "number_format", "")), False


def read_rows(path: Path) -> list[Row]:
    """The table's rows under its header row, cells keyed by header text; blank rows left out (the first sheet)."""
    return read_tables(path)[0][1]


def read_tables(path: Path) -> list[tuple[str, list[Row]]]:
    """Every sheet of a workbook (a CSV is one table, named ""): its name and its rows under its header row,
    cells keyed by header text; blank rows left out. A marking line zhi export writes above the header (不得外传,
    内部资料) is no header: it is skipped and its level carried into every row's 密级 (at least that level)."""
    if path.suffix.lower() != ".xlsx":
        return [("", _rows(_csv_grid(path), {}))]
    try:
        from openpyxl import load_workbook

        # formulas as written, never the result a program cached: a 密级 shown as 秘密 by ="秘"&"密" is no level
        # not read-only: a merged cell (“合并后居中”) is read for every row it covers, as the editor sees it
        wb = load_workbook(path, read_only=False, data_only=False)
    except Exception as e:  # any unreadable workbook is one message to the editor
        raise TableError(f"无法读取 Excel 文件（{type(e).__name__}）；请用 Excel 或 WPS 打开后另存为 .xlsx 再导入") from e
    out = []
    for ws in wb.worksheets:
        formulas: dict[int, set[int]] = {}
        grid = _sheet_grid(ws, formulas)
        if grid or not out:
            out.append((ws.title, grid, formulas))
    wb.close()
    return [(title, _rows(grid, formulas)) for title, grid, formulas in out]


def _sheet_grid(ws, formulas: dict[int, set[int]]) -> list[tuple[int, list[str]]]:
    """A worksheet's non-blank rows as text (row number, cells); ``formulas`` gets the columns holding a formula."""
    merged: dict[tuple[int, int], tuple[str, bool]] = {}
    for rng in ws.merged_cells.ranges:
        first = _xlsx_cell(ws.cell(rng.min_row, rng.min_col))
        for rr in range(rng.min_row, rng.max_row + 1):
            for cc in range(rng.min_col, rng.max_col + 1):
                merged[(rr, cc)] = first
    grid = []
    for i, r in enumerate(ws.iter_rows()):
        if not r:
            continue
        n = getattr(r[0], "row", None) or i + 1
        read = [merged.get((c.row, c.column)) or _xlsx_cell(c) for c in r]
        grid.append((n, [t for t, _f in read]))
        formulas[n] = {j for j, (_t, f) in enumerate(read) if f}
    return [(n, cells) for n, cells in grid if any(cells)]


def _csv_grid(path: Path) -> list[tuple[int, list[str]]]:
    """A CSV file's non-blank rows as text (row number, cells)."""
    data = path.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):  # Excel on a Chinese Windows saves CSV as GBK
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise TableError("CSV 文件既不是 UTF-8 也不是 GBK 编码；请在 Excel 中另存为“CSV UTF-8”")
    lines = text.splitlines()
    head_at, head_line = next(((i + 1, ln) for i, ln in enumerate(lines) if ln.strip()), (1, ""))
    # Excel in some locales saves CSV with “;” (or a tab): the header row says which, a header holds none
    sep = max((",", ";", "\t"), key=head_line.count)
    if not head_line.count(sep) and "，" in head_line:
        # typed or converted with the Chinese comma: a data cell's own “，” could not be told from a separator, so
        # the file is not split by it (not even when the header would split into known headers)
        raise TableError(f"这个 CSV 文件第 {head_at} 行（表头）用中文逗号“，”分隔各列（{head_line[:30]}），zhi 不按中文逗号拆分："
                         "数据里的中文逗号分不清是分列还是文字。请用 Excel 或 WPS 打开，把表头和各行按列分好后"
                         "“另存为”“CSV UTF-8（逗号分隔）”或 .xlsx 再导入；也可以在文本编辑器里把分列用的“，”改成英文逗号“,”"
                         "（文字里本来有的逗号，把那一格用英文双引号括起来）")
    grid = [(i + 1, [c.strip() for c in r]) for i, r in enumerate(csv.reader(lines, delimiter=sep))]
    return [(n, cells) for n, cells in grid if any(cells)]


def _rows(grid: list[tuple[int, list[str]]], formulas: dict[int, set[int]]) -> list[Row]:
    from .classification import ClassificationError, highest

    if not grid:
        raise TableError("表格是空的")
    floor = []
    while grid and [c for c in grid[0][1] if c] and all(c in EXPORT_MARKS for c in grid[0][1] if c):
        floor += [parse_level(EXPORT_MARKS[c]) for c in grid[0][1] if c]
        grid = grid[1:]
    if not grid:
        raise TableError("表格只有标志行，没有表头")
    head_row, head = grid[0]
    _refuse_repeated_headers(head_row, head)
    if floor and "密级" not in head:
        head = [*head, "密级"]
    rows = []
    for n, cells in grid[1:]:
        row = Row(n, {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(head) if h},
                  [head[j] or f"第 {j + 1} 列" for j in sorted(formulas.get(n, ())) if j < len(head)])
        if floor:  # a marked workbook: no row below the mark's level (an unreadable 密级 stays, and fails closed)
            try:
                row.cells["密级"] = str(highest([*floor, parse_level(row.cells.get("密级", ""))]))
            except ClassificationError:
                pass
        rows.append(row)
    return rows


def _column_letter(j: int) -> str:
    """The spreadsheet's name of the 0-based column ``j``: A … Z, AA …"""
    out = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        out = chr(65 + r) + out
    return out


def _refuse_repeated_headers(row: int, head: list[str]) -> None:
    """Two columns under one header (两列“密级”): only one of them could be read, and which one is a guess, so a row
    marked 秘密 in the other came in public (found by the tester). The table is refused, naming both columns."""
    seen: dict[str, int] = {}
    for j, h in enumerate(head):
        if not h:
            continue
        # the same header, blanks aside; 密级 however written (密级（原件）): 领导职数（正科级）and（副科级）are two
        n = "密级" if _norm_header(h) == "密级" else re.sub(r"\s", "", h)
        if n in seen:
            i = seen[n]
            raise TableError(f"表头（第 {row} 行）有两列都是“{n}”：第 {i + 1} 列（{_column_letter(i)} 列）“{head[i]}”与"
                             f"第 {j + 1} 列（{_column_letter(j)} 列）“{h}”。zhi 不猜该读哪一列（两列的密级可能不同）；"
                             "请核对原件，合成一列、或删去多余的一列后重新导入")
        seen[n] = j


_LEADER_HEADER = re.compile(r"^(?:领导职数[（(](.+?)[）)]|(.+?级)(?:领导)?职数)$")  # 领导职数（正科级）, 副科级职数


def _leader_level(h: str) -> str | None:
    """The rank of a 领导职数 column (领导职数（正科级）, 正科级领导职数, 副科级职数), or None."""
    m = _LEADER_HEADER.match(re.sub(r"\s", "", h))
    return (m.group(1) or m.group(2)) if m else None


def _norm_header(h: str) -> str:
    return re.sub(r"[（(][^）)]*[）)]|\s", "", h)


def _columns(headers: list[str], spec: dict[str, tuple[str, ...]]) -> dict[str, str]:
    out = {}
    for h in headers:
        n = _norm_header(h)
        for key, words in spec.items():
            if n in words and key not in out:
                out[key] = h
    return out


def table_kind(headers: list[str]) -> str:
    names = {_norm_header(h) for h in headers}
    if names & set(POSTS["person"]):
        return "posts"
    if names & set(STAFFING_KINDS) - {"编制"}:
        return "staffing"
    if names & set(LINEAGE["name"]) and names & set(LINEAGE["start"]):
        return "lineage"
    raise TableError("认不出是哪一种表：沿革表须有“名称”“设立”两列，任免表须有“姓名”列，编制表须有“行政编制”等编制类别列；"
                     "表头写在第一行")


# ------------------------------------------------------------------------------------------- the archive's names
class _Names:
    """Names and ids the archive knows, to resolve what a table writes."""

    def __init__(self, archive, history):
        self.a, self.h = archive, history
        self.bodies: dict[str, set[str]] = {}
        self.places: dict[str, set[str]] = {}
        for rid, t in history.timelines.items():
            table = self.places if t.is_jurisdiction else self.bodies
            for span in t.names:
                for n in filter(None, span.value):
                    table.setdefault(n, set()).add(rid)
        self.docs: dict[str, str] = {}
        for rid, d in archive.documents.items():
            if d.number:
                self.docs[normalise_docno(d.number, d.date.year if d.date else None)] = rid
            if d.title:
                self.docs.setdefault(d.title, rid)
        self.unreadable = ""
        self.ids = set(archive.bodies) | set(archive.jurisdictions) | set(archive.documents) | set(archive.people) \
            | {e.id for e in archive.events} | {p.id for p in archive.posts if p.id} | \
            {s.id for s in archive.staffing if s.id}

    def one(self, table: dict[str, set[str]], text: str, what: str, ids) -> str:
        if text in ids:
            return text
        found = table.get(text, set())
        if len(found) == 1:
            return next(iter(found))
        if found:
            raise ValueError(f"{what}“{text}”对应多个记录（{'、'.join(sorted(found))}），请改写编号")
        raise ValueError(f"{what}“{text}”在档案中找不到；请写档案中的名称或编号")

    def body(self, text: str, extra: dict[str, str] | None = None) -> str:
        if extra and text in extra:
            return extra[text]
        return self.one(self.bodies, text, "机构", set(self.a.bodies))

    def place(self, text: str) -> str:
        return self.one(self.places, text, "行政区划", set(self.a.jurisdictions))

    def sources(self, text: str) -> list[str]:
        out = []
        for part in re.split(r"[；;、，,\n]+", text or ""):
            part = part.strip().strip("《》")
            if not part:
                continue
            rid = part if part in self.a.documents else self.docs.get(normalise_docno(part)) or self.docs.get(part)
            if rid is None:
                raise ValueError(f"依据“{part}”在档案中找不到；请先用 zhi import 导入或登记这份文件，或写文件编号")
            out.append(rid)
        return out

    def level_of(self, doc_ids: list[str], written: str):
        """The row's level: its own 密级 and its documents' levels, the highest; unreadable is 绝密."""
        from .classification import ClassificationError, Level, highest

        levels = [self.a.documents[d].classification for d in doc_ids]
        self.unreadable = ""
        if written:
            try:
                levels.append(parse_level(written))
            except ClassificationError:
                levels.append(Level("绝密"))
                self.unreadable = written
        return highest(levels) if levels else None

    def fresh(self, base: str) -> str:
        rid, n = base, 2
        while rid in self.ids:
            rid, n = f"{base}-{n}", n + 1
        self.ids.add(rid)
        return rid


def _date(text: str, what: str, unknown_ok: bool = False) -> str:
    if unknown_ok and text in ("不详", "？", "?"):
        return "不详"
    try:
        iso = parse_date(text).iso()
        return iso if re.fullmatch(r"\d{4}(-\d\d){0,2}", iso) else text  # 1949前, 约1958: as typed
    except DateError as e:
        raise ValueError(f"{what}：{e}") from e


def _q(v: str) -> str:
    """A YAML scalar: quoted when plain YAML would read it otherwise."""
    if re.fullmatch(r"\d{4}(-\d\d){0,2}", v):
        return v  # a date, read by the loader as written
    if re.fullmatch(r"[\u3400-\u9fffA-Za-z0-9〔〕（）()\-·、._★]+", v) and not re.fullmatch(r"[\d.\-]+|[-?:].*", v) \
            and v.lower() not in ("yes", "no", "true", "false", "null", "on", "off", "y", "n"):
        return v
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _flow(d: dict) -> str:
    """A YAML flow mapping, nested: {行政编制: 8, 领导职数: {正科级: 1}}."""
    return "{" + ", ".join(f"{_q(k)}: {_flow(v) if isinstance(v, dict) else v}" for k, v in d.items()) + "}"


def _record(fields: list[tuple[str, object]]) -> str:
    """A YAML list item; a field named "#" is a comment line (a 待核 note beside the value it concerns)."""
    lines = []
    for i, (k, v) in enumerate(fields):
        if v in (None, "", []):
            continue
        if k == "#":
            lines.append(f"  # {v}")
            continue
        if isinstance(v, list):
            v = "[" + ", ".join(_q(x) for x in v) + "]"
        elif isinstance(v, dict):
            v = _flow(v)
        else:
            v = _q(str(v))
        lines.append(("- " if not lines else "  ") + f"{k}: {v}")
    return "\n".join(lines) + "\n"


def _slug(name: str) -> str:
    from pypinyin import lazy_pinyin

    s = "".join(lazy_pinyin(re.sub(r"^(中共)?[\u4e00-\u9fff]{0,3}?[县区市](?=[\u4e00-\u9fff]{2})", "", name)))
    return re.sub(r"[^a-z0-9]", "", s.lower())[:24] or "jigou"


def _prefix(rid: str) -> str:
    return rid.split("-", 1)[0] + "-" if "-" in rid else ""


def _year_file(root: Path, top: str, date_iso: str) -> Path:
    year = re.match(r"\D*(\d{4})", date_iso)
    return root / "sources" / top / f"{year.group(1) if year else 'imported'}.yaml"


# ------------------------------------------------------------------------------------------- planning
# columns a table may have that say nothing about a record (a row number, a page)
HARMLESS = ("序号", "序", "顺序", "顺序号", "行号", "页码", "页")


def unread_columns(kind: str, headers: list[str]) -> list[str]:
    """The headers zhi does not read for a table of this kind. One may be a 密级 written another way (密級,
    Classification, 秘密等级): zhi cannot tell, so the rows of such a table are held at 绝密 (fail closed)."""
    spec = {"lineage": LINEAGE, "posts": POSTS, "staffing": STAFFING}[kind]
    known = {w for words in spec.values() for w in words} | set(HARMLESS)
    if kind == "staffing":
        known |= set(STAFFING_KINDS)
    return [h for h in headers if _norm_header(h) not in known and not (kind == "staffing" and _leader_level(h))]


def plan_table(root: Path, path: Path, archive, history, rows: list[Row] | None = None) -> Planned:
    """What the table at ``path`` (or ``rows``, one sheet of it, as read_tables gives) will create."""
    rows = read_rows(path) if rows is None else rows
    headers = list(rows[0].cells) if rows else []
    kind = table_kind(headers)
    names = _Names(archive, history)
    plan = Planned(kind, unread=unread_columns(kind, headers))
    if plan.unread:
        cols = "、".join(quote(h, True) for h in plan.unread)
        for r in rows:
            _doubt_add(plan, r.number, f"待核：表中{cols}一栏 zhi 认不出，没有读入；它可能写的是密级，此行已按绝密导入。"
                                       "请把表头改为 zhi 认得的写法（密级写“密级”）后重新导入，或核对原件后改正 classification")
    for r in rows:
        if r.formulas:
            _doubt_add(plan, r.number, f"待核：{'、'.join(quote(h, True) for h in r.formulas)}一栏是公式，zhi 不计算公式，"
                                       "已按公式原文读入；请在表中改为直接填写的文字后重新导入，或核对原件后改正记录")
    if kind == "lineage":
        _plan_lineage(root, rows, _columns(headers, LINEAGE), names, plan)
    elif kind == "posts":
        _plan_posts(root, rows, _columns(headers, POSTS), names, plan)
    else:
        _plan_staffing(root, rows, headers, _columns(headers, STAFFING), names, plan)
    return plan


def _getter(col: dict[str, str]):
    def get(r: Row, key: str) -> str:
        return r.cells.get(col.get(key, ""), "").strip()
    return get


def _add(plan: Planned, path: Path, text: str) -> None:
    plan.files.setdefault(path, []).append(text)


def _level_field(names: _Names, docs: list[str], written: str, plan: Planned | None = None, row: int = 0):
    """The level to write; a 密级 that cannot be read is written as 绝密 (fail closed) and the row is made all the
    same, with a 待核 note (see ``_doubt``), not refused."""
    lv = names.level_of(docs, written)
    if plan is not None and plan.unread:
        lv = Level("绝密")
    if names.unreadable and plan is not None:
        _doubt_add(plan, row, f"待核：密级{quote(names.unreadable, True)}无法识别，已按绝密导入；核对原件后改正 classification")
    return str(lv) if lv is not None and lv.rank > 0 else None


def _doubt_add(plan: Planned, row: int, text: str) -> None:
    """Add a 待核 note to a row (a row may have several: a formula and an unreadable 密级)."""
    old = plan.doubts.get(row)
    if old != text and not (old and text in old.split("；")):
        plan.doubts[row] = f"{old}；{text}" if old else text


def _doubt(plan: Planned, rows: list[int]) -> str:
    """The 待核 notes of these rows, as written beside a preview line."""
    said = list(dict.fromkeys(plan.doubts[n] for n in rows if n in plan.doubts))
    return f"（{'；'.join(said)}）" if said else ""


def _plan_lineage(root: Path, rows: list[Row], col: dict[str, str], names: _Names, plan: Planned) -> None:
    if "name" not in col or "start" not in col:
        plan.problems.append("沿革表须有“名称”“设立”两列")
        return
    get = _getter(col)
    # rows of one body: the same 编号, or a row naming its 前身 — here, the same 编号 or a new name each
    groups: dict[str, list[Row]] = {}
    created: dict[str, str] = {}   # name in this table → new body id
    for r in rows:
        name = get(r, "name")
        if not name:
            plan.problems.append(f"第 {r.number} 行：没有名称，未读入")
            continue
        if name in names.bodies or name in created:
            plan.skipped.append(f"第 {r.number} 行：{name}（档案中已有 {'、'.join(sorted(names.bodies.get(name, {created.get(name, '')})))}）")
            continue
        key = get(r, "id") or name
        groups.setdefault(key, []).append(r)
    for key, group in groups.items():
        first = group[0]
        parent_name = get(first, "parent")
        try:
            parent = names.body(parent_name, created) if parent_name else None
        except ValueError:
            parent = None  # resolved below, after every body of the table has its id
        base = (_prefix(parent) if parent else "") + _slug(get(first, "name"))
        rid = get(first, "id") if get(first, "id") and get(first, "id") not in names.ids else names.fresh(base)
        names.ids.add(rid)
        for r in group:
            created[get(r, "name")] = rid
    introduced = _names_introduced(rows, get, names, plan)
    for key, group in groups.items():
        rid = created[get(group[0], "name")]
        texts: list[tuple[Path, str]] = []
        try:
            prev: dict[str, str] = {}
            for i, r in enumerate(group):
                where = f"第 {r.number} 行的" if len(group) > 1 else ""
                # a first row whose 起 ends in 恢复 (重建, 复设 …): the body's first record is its restoration, and
                # when it had existed before is not recorded (zhi export writes 1978年6月重建) — never a 设立
                again = _RESTORED.fullmatch(get(r, "start")) if i == 0 else None
                start = _date(again.group(1) if again else get(r, "start"), f"{where}设立日期“{get(r, 'start')}”")
                docs = names.sources(get(r, "source"))
                level = _level_field(names, docs, get(r, "level"), plan, r.number)
                level = _as_secret_as_its_name(introduced, r, get(r, "name"), level, plan)
                # 不详 (zhi export writes it where the record does not say: a parent that ended, a place that ended
                # while the body lived on) is no name to look up, and nothing is made up for it
                parent = names.body(get(r, "parent"), created) if get(r, "parent") not in ("", UNKNOWN) else None
                place = names.place(get(r, "jurisdiction")) if get(r, "jurisdiction") not in ("", UNKNOWN) else None
                rank = "" if get(r, "rank") == UNKNOWN else get(r, "rank")
                if i == 0:
                    fields = [("id", names.fresh(f"ev-{start[:4]}-{rid}")), ("type", "restore" if again else "establish"),
                              ("date", start), ("body", rid), ("name", get(r, "name")), ("short", get(r, "short")),
                              ("parent", parent), ("jurisdiction", place), ("rank", rank),
                              *([("previous_end", "不详"), ("wording", again.group(2) if again.group(2) != "恢复" else "")]
                                if again else []),
                              ("sources", docs), ("classification", level), ("#", plan.doubts.get(r.number)),
                              ("note", get(r, "note"))]
                else:
                    fields = [("id", names.fresh(f"ev-{start[:4]}-{rid}-rename")), ("type", "rename"),
                              ("date", start), ("body", rid), ("name", get(r, "name")), ("short", get(r, "short")),
                              ("sources", docs), ("classification", level), ("#", plan.doubts.get(r.number)),
                              ("note", get(r, "note"))]
                texts.append((_year_file(root, "events", start), _record(fields)))
                if i and parent and parent != prev.get("parent"):
                    texts.append((_year_file(root, "events", start), _record([
                        ("id", names.fresh(f"ev-{start[:4]}-{rid}-reparent")), ("type", "reparent"), ("date", start),
                        ("body", rid), ("parent", parent), ("sources", docs), ("classification", level)])))
                if i and rank and rank != prev.get("rank"):
                    texts.append((_year_file(root, "events", start), _record([
                        ("id", names.fresh(f"ev-{start[:4]}-{rid}-rerank")), ("type", "rerank"), ("date", start),
                        ("body", rid), ("rank", rank), ("sources", docs), ("classification", level)])))
                prev = {"parent": parent or prev.get("parent", ""), "rank": rank or prev.get("rank", "")}
            last = group[-1]
            end = get(last, "end")
            end_unknown = end in UNKNOWN_ENDS
            if end and not end_unknown:
                where = f"第 {last.number} 行的" if len(group) > 1 else ""
                end_iso = _date(end, f"{where}撤销日期“{end}”")
                docs = names.sources(get(last, "end_source")) if get(last, "end_source") else []
                texts.append((_year_file(root, "events", end_iso), _record([
                    ("id", names.fresh(f"ev-{end_iso[:4]}-{rid}-end")), ("type", "abolish"), ("date", end_iso),
                    ("body", rid), ("sources", docs), ("classification", _level_field(names, docs, get(last, "level"), plan, last.number))])))
            kind = get(group[0], "kind")
        except ValueError as e:
            nums = "、".join(str(r.number) for r in group)
            plan.problems.append(f"第 {nums} 行（{get(group[0], 'name')}）：{e}")
            continue
        for p, t in texts:
            _add(plan, p, t)
        body_dir = root / "sources" / "bodies"
        parent_id = next((created.get(get(r, "parent")) or (names.bodies.get(get(r, "parent")) or {None}).copy().pop()
                          for r in group if get(r, "parent")), None)
        if parent_id and parent_id in names.a.bodies:
            pdir = (root / names.a.bodies[parent_id].loc.file).parent
            if pdir.is_relative_to(body_dir):
                body_dir = pdir
        lines = [f"id: {rid}"]
        if end_unknown:  # no source gives when (or whether) it ended: never an abolition made up from the table
            lines += [f"# 沿革表的“止”写作“{end}”：档案未载它何时、如何终止", "end: 不详"]
        if kind in BODY_KINDS:
            lines.append(f"kind: {kind}")
        else:
            # the allowed values on a line of their own: uncommenting the key line gives "kind: 待填", which zhi
            # check reports as a placeholder with the same list, never as a long value it cannot read
            said = f"沿革表写作“{kind}”，不是 zhi 认识的机构类别" if kind else "沿革表未写机构类别"
            lines.append(f"# {said}；机构类别可写：{'、'.join(BODY_KINDS)}")
            lines.append("# kind: 待填")
        _add(plan, body_dir / f"{rid}.yaml", "\n".join(lines) + "\n")
        names_ = "→".join(get(r, "name") for r in group)
        plan.created.append(f"第 {'、'.join(str(r.number) for r in group)} 行：机构 {rid}（{names_}）"
                            + _doubt(plan, [r.number for r in group]))


def _names_introduced(rows: list[Row], get, names: _Names, plan: Planned) -> dict[str, tuple[Level, int]]:
    """Each name of a 沿革表 → the level and row number of the first row (in the table's order) that gives it: a
    later row with the same name (a rename to it again, another body of that name) must not publish a name an
    earlier row keeps secret. A row whose 依据 is not in the archive (refused itself) still gives its name at its own
    密级; a 密级 that cannot be read counts as 绝密, as it does for its own row."""
    out: dict[str, tuple[Level, int]] = {}
    for r in rows:
        name = get(r, "name")
        if not name or name in out:
            continue
        try:
            docs = names.sources(get(r, "source"))
        except ValueError:
            docs = []
        lv = names.level_of(docs, get(r, "level")) or PUBLIC
        out[name] = (Level("绝密") if plan.unread else lv, r.number)
    return out


def _as_secret_as_its_name(introduced: dict[str, tuple[Level, int]], r: Row, name: str, level: str | None,
                           plan: Planned) -> str | None:
    """The row's level, raised to that of the earlier row that gave its name (with a 待核 note naming that row)."""
    lv, first = introduced.get(name, (PUBLIC, r.number))
    own = parse_level(level) if level else PUBLIC
    if first == r.number or lv.rank <= own.rank:
        return level
    _doubt_add(plan, r.number, f"待核：名称{quote(name, True)}是第 {first} 行起用的，那一行密级为{lv}，此行密级不能更低，"
                               f"已按{lv}导入；核对原件后改正 classification")
    return str(lv)


def _plan_posts(root: Path, rows: list[Row], col: dict[str, str], names: _Names, plan: Planned) -> None:
    missing = [w for w, k in (("姓名", "person"), ("机构", "body"), ("职务", "post"), ("任职时间", "start"))
               if k not in col]
    if missing:
        plan.problems.append(f"任免表缺少“{'”“'.join(missing)}”列")
        return
    get = _getter(col)
    people: dict[str, set[str]] = {}
    for pid, p in names.a.people.items():
        people.setdefault(p.name, set()).add(pid)
    existing = {(p.person.id if p.person else p.holder_said, p.body.id if p.body else "", p.post,
                 p.start.iso() if p.start else "不详") for p in names.a.posts}
    new_people: dict[str, str] = {}
    made: dict[str, tuple[list[tuple[int, Level]], str, int]] = {}  # new person → (rows, 性别, preview line)
    for r in rows:
        person = get(r, "person")
        try:
            if not person:
                raise ValueError("没有姓名")
            body = names.body(get(r, "body"))
            post = get(r, "post")
            if not post:
                raise ValueError("没有职务")
            start = _date(get(r, "start"), f"任职时间“{get(r, 'start')}”", unknown_ok=True) if get(r, "start") else "不详"
            end = _date(get(r, "end"), f"免职时间“{get(r, 'end')}”", unknown_ok=True) if get(r, "end") else None
            docs = names.sources(get(r, "source"))
            level = _level_field(names, docs, get(r, "level"), plan, r.number)
        except ValueError as e:
            plan.problems.append(f"第 {r.number} 行：{e}")
            continue
        if held_by := _ex_officio(person):   # 由县计委副主任兼任 (zhi export's 姓名 of an ex_officio post): no person
            if (person, body, post, start) in existing:
                plan.skipped.append(f"第 {r.number} 行：{post}{person}（{start}）档案中已有")
                continue
            existing.add((person, body, post, start))
            _add(plan, root / "sources" / "posts" / "imported.yaml", _record([
                ("body", body), ("post", post), ("ex_officio", held_by), ("from", start), ("to", end), ("sources", docs),
                ("classification", level), ("#", plan.doubts.get(r.number)), ("note", get(r, "note"))]))
            plan.created.append(f"第 {r.number} 行：任职 {post}{person}（{start}—{end or ''}）" + _doubt(plan, [r.number]))
            continue
        found = people.get(person, set())
        if len(found) > 1:
            plan.problems.append(f"第 {r.number} 行：档案中有几位“{person}”（{'、'.join(sorted(found))}），请在姓名栏写人物编号")
            continue
        pid = next(iter(found)) if found else new_people.get(person)
        key = (pid, body, post, start)
        if pid is not None and key in existing:
            plan.skipped.append(f"第 {r.number} 行：{person}任{post}（{start}）档案中已有")
            continue
        if pid is None:
            pid = names.fresh("p-" + _slug(person))
            new_people[person] = pid
            key = (pid, body, post, start)
            made[pid] = ([], get(r, "gender"), len(plan.created))
            plan.created.append("")  # filled in below, once the person's rows are all known
        if pid in made:
            made[pid][0].append((r.number, parse_level(level)))
        else:
            said = _public_person(names.a.people[pid], parse_level(level))
            if said:
                _doubt_add(plan, r.number, said)
        existing.add(key)
        _add(plan, root / "sources" / "posts" / "imported.yaml", _record([
            ("person", pid), ("body", body), ("post", post), ("from", start), ("to", end), ("sources", docs),
            ("classification", level), ("#", plan.doubts.get(r.number)), ("note", get(r, "note"))]))
        plan.created.append(f"第 {r.number} 行：任职 {person} {post}（{start}—{end or ''}）" + _doubt(plan, [r.number]))
    # a person the table creates is as secret as the rows that name them: the lowest of their levels (a person
    # named by one public row is public), so a classified appointment never publishes the name
    for person, pid in new_people.items():
        rows_, gender, line = made[pid]
        level = min((lv for _n, lv in rows_), default=PUBLIC)
        _add(plan, root / "sources" / "people" / "imported.yaml",
             _record([("id", pid), ("name", person), ("gender", gender),
                      ("classification", str(level) if level.rank > 0 else None)]))
        plan.created[line] = (f"第 {'、'.join(str(n) for n, _lv in rows_)} 行：人物 {pid}（{person}）"
                              + (f"，密级 {level}（与任职记录相同）" if level.rank > 0 else ""))


def _ex_officio(cell: str) -> str:
    """The holding post of a 姓名 cell that names a post, not a person (由县委宣传部副部长兼任): the source's
    “主席由县委宣传部副部长兼任”, written back as `ex_officio:`; "" for a person's name."""
    m = re.fullmatch(r"由(.+)兼任", cell.strip())
    return m.group(1).strip() if m else ""


def _public_person(p, level) -> str:
    """The preview's warning when a classified row names a person the archive has at a lower level: the person's
    record is left alone, and the editor is told that the name stays published."""
    if level.rank > p.classification.rank:
        return (f"注意：此行密级为{level}，但档案中的人物 {p.id}（{p.name}）是{p.classification}记录，"
                f"其姓名照常在{p.classification}版本中出现；如须保密，请改正人物记录的 classification")
    return ""


def _plan_staffing(root: Path, rows: list[Row], headers: list[str], col: dict[str, str], names: _Names,
                   plan: Planned) -> None:
    figures = [h for h in headers if _norm_header(h) in STAFFING_KINDS]
    leaders = [h for h in headers if _leader_level(h)]
    missing = [w for w, k in (("机构", "body"), ("日期", "date")) if k not in col]
    if missing:
        plan.problems.append(f"编制表缺少“{'”“'.join(missing)}”列")
        return
    get = _getter(col)
    # what the archive records already: its staffing records and the figures its events set (zhi export writes
    # both, an event's row with the event's id as 编号), by id and by body, date and 口径
    from .views.staffing import recorded_figures

    held = recorded_figures(names.a)
    existing = {(scope, rec.date.iso(), getattr(rec, "basis", None) or f.basis or "approved")
                for rec, scope, f in held}
    by_id = {rec.id: (rec, f) for rec, _scope, f in held if rec.id}
    for r in rows:
        rid = get(r, "id")
        if rid and rid in by_id:  # a row zhi export wrote from a record the archive holds (an event's figure)
            rec, f = by_id[rid]
            said = {(h in leaders, _leader_level(h) or _norm_header(h)): r.cells.get(h, "").strip()
                    for h in figures + leaders}
            if {k: v for k, v in said.items() if v} == {**{(False, k): str(v) for k, v in f.posts.items()},
                                                        **{(True, k): str(v) for k, v in f.leaders.items()}}:
                plan.skipped.append(f"第 {r.number} 行：{get(r, 'body')} {get(r, 'date')} 编制档案中已有"
                                    f"（{rec.kind_zh} {rid}）")
            else:
                plan.problems.append(f"第 {r.number} 行：编号 {rid} 是档案中已有的{rec.kind_zh}（{rec.loc}），"
                                     "表中的编制数与它所记不同，未导入；如要改正，请直接改正这条记录，不要另建一条")
            continue
        try:
            body = names.body(get(r, "body"))
            date = _date(get(r, "date"), f"日期“{get(r, 'date')}”")
            basis = get(r, "basis") or "核定"
            if basis not in BASIS:
                raise ValueError(f"口径“{basis}”无法识别；可写：{'、'.join(BASIS)}")
            figs, lead = _row_figures(r, figures, leaders)
            if lead:
                figs["领导职数"] = lead  # type: ignore[assignment]
            if not figs:
                raise ValueError("一个编制数也没有")
            docs = names.sources(get(r, "source"))
            level = _level_field(names, docs, get(r, "level"), plan, r.number)
        except ValueError as e:
            plan.problems.append(f"第 {r.number} 行：{e}")
            continue
        from .model import BASIS_ZH

        code = {v: k for k, v in BASIS_ZH.items()}.get(basis, basis)
        if (body, date, code) in existing or (body, date, basis) in existing:
            plan.skipped.append(f"第 {r.number} 行：{get(r, 'body')} {date} {basis}编制档案中已有")
            continue
        existing.add((body, date, code))
        _add(plan, _year_file(root, "staffing", date), _record([
            ("body", body), ("date", date), ("basis", basis), ("figures", figs), ("sources", docs),
            ("classification", level), ("#", plan.doubts.get(r.number)), ("note", get(r, "note"))]))
        plan.created.append(f"第 {r.number} 行：编制 {get(r, 'body')} {date} {basis} "
                            + "、".join(f"{k}{v}名" for k, v in figs.items() if not isinstance(v, dict))
                            + "".join(f"、领导职数{k}{v}名" for k, v in lead.items()) + _doubt(plan, [r.number]))


def _row_figures(r: Row, figures: list[str], leaders: list[str]) -> tuple[dict[str, int], dict[str, int]]:
    """The row's 编制数 by kind and 领导职数 by rank; ValueError (Chinese) for a cell that is not a whole number."""
    posts: dict[str, int] = {}
    lead: dict[str, int] = {}
    for cols, out, key in ((figures, posts, _norm_header), (leaders, lead, _leader_level)):
        for h in cols:
            v = r.cells.get(h, "").strip()
            if not v:
                continue
            if not re.fullmatch(r"\d+", v):
                raise ValueError(f"“{h}”一栏的“{v}”不是整数")
            out[key(h)] = int(v)
    return posts, lead


def write_plan(plan: Planned) -> list[Path]:
    """Write what the plan holds: new files, or records appended to existing list files."""
    out = []
    for path, texts in plan.files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.name.endswith(".yaml") and not texts[0].startswith("- "):  # a single record of its own
            path.write_text(texts[0], encoding="utf-8")
        else:
            old = path.read_text(encoding="utf-8") if path.exists() else ""
            sep = "" if not old else ("\n" if old.endswith("\n") else "\n\n")
            path.write_text(old + sep + "\n".join(texts), encoding="utf-8")
        out.append(path)
    return out


__all__ = ["TABLE_SUFFIXES", "TableError", "plan_table", "read_rows", "read_tables", "write_plan"]
