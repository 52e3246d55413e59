"""Spreadsheet cells that stay text.

A record's text such as ``=HYPERLINK("http://…")`` or ``@SUM(…)`` is data. Written as it is into a CSV or an .xlsx,
Excel and WPS would run it as a formula when a reader opens the download (CSV/formula injection). In .xlsx every
text cell is written as a string cell, never a formula; in CSV a text that starts like a formula is prefixed with
an apostrophe, as spreadsheet programs themselves show text typed that way. Plain numbers ("-3") stay as they are.
"""

from __future__ import annotations

import re

_FORMULA_START = re.compile(r"^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]")   # also the full-width ＝＋－＠
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def formula_like(value: object) -> bool:
    return isinstance(value, str) and bool(_FORMULA_START.match(value)) and not _NUMBER.match(value)


def csv_row(row: list) -> list:
    return ["'" + v if formula_like(v) else v for v in row]


def xlsx_row(ws, row: list) -> list:
    """Cells for ``ws.append``: a text is a string cell, whatever its first character."""
    from openpyxl.cell import WriteOnlyCell

    out = []
    for v in row:
        if isinstance(v, str):
            cell = WriteOnlyCell(ws, value=v)
            cell.data_type = "s"
            out.append(cell)
        else:
            out.append(v)
    return out
