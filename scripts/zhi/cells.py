"""Spreadsheet cells that stay text, and the one writer of .xlsx workbooks (the open-data download and
``zhi export`` both use it).

A record's text such as ``=HYPERLINK("http://…")`` or ``@SUM(…)`` is data. Written as it is into a CSV or an .xlsx,
Excel and WPS would run it as a formula when a reader opens the download (CSV/formula injection). In .xlsx every
text cell is written as a string cell, never a formula; in CSV a text that starts like a formula is prefixed with
an apostrophe, as spreadsheet programs themselves show text typed that way. Plain numbers ("-3") stay as they are.
"""

from __future__ import annotations

import datetime as _dt
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

_FORMULA_START = re.compile(r"^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]")   # also the full-width ＝＋－＠
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def formula_like(value: object) -> bool:
    return isinstance(value, str) and bool(_FORMULA_START.match(value)) and not _NUMBER.match(value)


def csv_row(row: list) -> list:
    return ["'" + v if formula_like(v) else v for v in row]


def xlsx_row(ws, row: list) -> list:
    """Cells for ``ws.append``: a text is a string cell, whatever its first character. openpyxl makes a plain
    text a string cell itself; only a text it would take for a formula (“=…”) or an error code (“#N/A”), and
    whatever looks like a formula to a spreadsheet, is given as a cell made a string (a cell object for every
    text would cost most of a large workbook's time)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES

    out = []
    for v in row:
        if isinstance(v, str) and (v.startswith("=") or v in ERROR_CODES or formula_like(v)):
            cell = WriteOnlyCell(ws, value=v)
            cell.data_type = "s"
            out.append(cell)
        else:
            out.append(v)
    return out


@dataclass
class Sheet:
    """One worksheet: a bold header frozen at the top, then the rows (text cells stay text)."""

    title: str
    header: list[str]
    rows: list[list] = field(default_factory=list)
    mark: str = ""     # a line in bold red above the header (the whole archive's 不得外传), or none
    plain: bool = False  # rows only: no header, nothing frozen (a sheet of notes)


def workbook_bytes(sheets: list[Sheet], title: str | None = None, stamp: _dt.datetime | None = None,
                   cache: Path | None = None) -> bytes:
    """The workbook, streamed (a tenfold archive's sheets are written without a cell model). With ``stamp``,
    the same bytes for the same sheets: the workbook and every member of its zip dated ``stamp``, not the clock.
    With ``stamp`` and a ``cache`` folder, a sheet written before with the same content (see _sheet_keys) is taken
    from the cache instead of being written cell by cell: an edit of one fact changes a few of the sheets, and
    writing the cells is most of a workbook's time. The bytes are those of a workbook written whole."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    keys = _sheet_keys(sheets) if cache is not None and stamp is not None else []
    kept = {i: p.read_bytes() for i, k in enumerate(keys) if (p := cache / f"{k}.xml").is_file()}
    # the rows of the other sheets as openpyxl writes them, without its cell objects (see _rows_xml)
    fast = {} if stamp is None else {i: x for i, sh in enumerate(sheets) if i not in kept
                                     and (x := _rows_xml(sh.rows, 1 + bool(sh.mark) + (not sh.plain))) is not None}
    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    for i, sh in enumerate(sheets):
        ws = wb.create_sheet(sh.title[:31])
        if not sh.plain:
            ws.freeze_panes = "A3" if sh.mark else "A2"
        if sh.mark:
            cell = WriteOnlyCell(ws, value=sh.mark)
            cell.font = Font(bold=True, color="B71C1C")
            ws.append([cell])
        if not sh.plain:
            header = []
            for c in sh.header:
                cell = WriteOnlyCell(ws, value=c)
                cell.font = bold
                header.append(cell)
            ws.append(header)
        if i in kept or i in fast:  # the mark and header above register the same styles in the same order as a
            continue                 # whole write
        for r in sh.rows:
            ws.append(xlsx_row(ws, r))
    if stamp is not None:
        wb.properties.created = wb.properties.modified = stamp
    if title is not None:
        wb.properties.title = title
    buf = io.BytesIO()
    wb.save(buf)
    if stamp is None:
        return buf.getvalue()
    members = {_SHEET_MEMBER.format(i + 1): xml for i, xml in kept.items()}
    if fast:
        written = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
        for i, rows in fast.items():
            name = _SHEET_MEMBER.format(i + 1)
            members[name] = _with_rows(written.read(name), rows)
    data = _fixed_zip_times(buf.getvalue(), stamp, members)
    if keys:
        _keep_sheets(data, keys, kept, cache)
    return data


def _rows_xml(rows: list[list], first: int) -> bytes | None:
    """The ``<row>`` elements of ``rows`` (the first numbered ``first``) byte for byte as openpyxl's write-only
    sheet writes them (cell/_writer.py etree_write_cell), for rows of plain text, whole numbers and empty cells:
    openpyxl's cell objects and XML serialiser are most of a workbook's time. None when a value is anything else
    (a fraction, a truth value, a date, a text with a control character or longer than a cell holds): such a sheet
    is written by openpyxl itself. A text openpyxl would take for a formula or an error code is a string cell
    here as in xlsx_row."""
    from openpyxl.utils import get_column_letter

    out = []
    letters: list[str] = []
    for n, row in enumerate(rows, first):
        cells = []
        for j, v in enumerate(row):
            if j >= len(letters):
                letters.append(get_column_letter(j + 1))
            if v is None:
                continue
            ref = f"{letters[j]}{n}"
            if type(v) is int:
                cells.append(f'<c r="{ref}" t="n"><v>{v:.16g}</v></c>')
            elif type(v) is not str or len(v) > 32767 or _UNSAFE_TEXT.search(v):
                return None
            elif v == "":
                cells.append(f'<c r="{ref}" t="inlineStr" />')
            else:
                t = v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                stripped = v.strip()
                space = ' xml:space="preserve"' if stripped and v != stripped else ""
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t{space}>{t}</t></is></c>')
        out.append(f'<row r="{n}">{"".join(cells)}</row>')
    return "".join(out).encode("utf-8")


# a text openpyxl refuses (its ILLEGAL_CHARACTERS_RE) or that its serialiser may write otherwise than as it is
_UNSAFE_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _with_rows(sheet: bytes, rows: bytes) -> bytes:
    """A sheet's XML as openpyxl wrote it with its mark and header only, with ``rows`` after them."""
    if not rows:
        return sheet
    if b"</sheetData>" in sheet:
        return sheet.replace(b"</sheetData>", rows + b"</sheetData>", 1)
    if sheet.count(b"<sheetData />") != 1:
        raise ValueError("openpyxl wrote a sheet without its rows' place")
    return sheet.replace(b"<sheetData />", b"<sheetData>" + rows + b"</sheetData>", 1)


_SHEET_MEMBER = "xl/worksheets/sheet{}.xml"   # openpyxl's name for the n-th sheet (1-based, in creation order)
_SHEET_CACHE = 1   # raised when what a cached sheet holds changes


def _sheet_keys(sheets: list[Sheet]) -> list[str]:
    """A key for each sheet's XML: its place, title, mark, header and every row's values with their types, and
    what decides the style numbers its cells carry (which sheets before it have a mark or a header: styles are
    numbered in the order the workbook first meets them), with openpyxl's version. The same key is the same XML,
    whichever edition or build made it."""
    import hashlib
    from importlib.metadata import version

    def typed(o: object) -> str:
        return f"{type(o).__name__}:{o!r}"

    shape = [(bool(sh.mark), sh.plain) for sh in sheets]
    out = []
    for i, sh in enumerate(sheets):
        head = json.dumps([_SHEET_CACHE, version("openpyxl"), i, shape[:i + 1], sh.title[:31], sh.mark, sh.plain,
                           sh.header], ensure_ascii=False, default=typed)
        h = hashlib.sha256(head.encode())
        for r in sh.rows:
            h.update(b"\n" + json.dumps(r, ensure_ascii=False, default=typed).encode())
        out.append(h.hexdigest()[:40])
    return out


def _keep_sheets(data: bytes, keys: list[str], kept: dict[int, bytes], cache: Path) -> None:
    """Store the sheets just written in ``cache`` and forget those no recent workbook used."""
    import os

    cache.mkdir(parents=True, exist_ok=True)
    z = zipfile.ZipFile(io.BytesIO(data))
    for i, k in enumerate(keys):
        path = cache / f"{k}.xml"
        if i in kept:
            os.utime(path)   # used now: pruned last
            continue
        tmp = path.with_suffix(".part")
        tmp.write_bytes(z.read(_SHEET_MEMBER.format(i + 1)))
        tmp.replace(path)  # a half-written file is never taken for a sheet
    for old in sorted(cache.glob("*.xml"), key=lambda p: p.stat().st_mtime)[:-4 * len(keys)]:
        old.unlink(missing_ok=True)   # the sheets of the last few workbooks (editions) are kept


def _fixed_zip_times(data: bytes, stamp: _dt.datetime, members: dict[str, bytes] | None = None) -> bytes:
    """The same workbook bytes for the same data: every member dated by the build's date, not the clock;
    ``members`` (name → bytes) replace the members of those names (sheets taken from the cache)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    members = members or {}
    if not set(members) <= set(src.namelist()):
        raise ValueError(f"workbook has no member {sorted(set(members) - set(src.namelist()))}")
    out = io.BytesIO()
    when = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = members.get(info.filename) or src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the saving time as "modified"
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode(),
                              data)
            z.writestr(zipfile.ZipInfo(info.filename, when), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()
