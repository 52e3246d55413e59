"""A long table cut between its rows keeps the column widths of the whole table.

WeasyPrint's automatic table layout (``weasyprint.layout.table.auto_table_layout``, WeasyPrint 70) gives each
column a width from the widest content of all its cells: a part of a table laid out alone would have other
widths, and its lines would break elsewhere. So a table the book cuts between rows (``typeset.Section``) is
measured, and every part of it then carries those widths in its ``data-widths`` attribute, which the wrapper
below takes instead of measuring the part's own cells. A table without the attribute is laid out as WeasyPrint
does.

Measuring a long table whole in one process would take as long as laying it out, and hold all its boxes. So its
rows are measured in groups, in the workers at once (``data-measure="rows"``: each cell's min- and max-content
width, ``row_stats``); a column's widths in WeasyPrint's algorithm are the largest of its cells' (cells spanning
one column), so the table measured whole with only the rows that hold a column's largest cell (with the rows
that share a cell spanning rows with them, and any row with a cell spanning columns or a width of its own) has
the widths of the whole table (``data-measure=""``: the layout stops once they are known, before any page).
"""

from __future__ import annotations

from weasyprint.css.functions import check_math
from weasyprint.layout import preferred as _preferred
from weasyprint.layout import table as _table

_original = _table.auto_table_layout
_original_cell = _preferred.table_cell_min_max_content_width
_recording: dict | None = None  # id(cell box) → its (min, max) content width, while a table's rows are measured


class Measured(Exception):  # not an error: how a measuring layout stops
    def __init__(self, widths: str | dict):
        super().__init__(widths)
        self.widths = widths


def encode(width: float, columns: list[float]) -> str:
    """The table's width and its columns', exact (``repr`` of a float reads back the same float)."""
    return f"{width!r};" + " ".join(repr(float(c)) for c in columns)


def decode(text: str) -> tuple[float, list[float]]:
    width, _, columns = text.partition(";")
    return float(width), [float(c) for c in columns.split()]


def auto_table_layout(context, box, containing_block):
    table = box.get_wrapped_table()
    element = getattr(table, "element", None)
    given = element.get("data-widths") if element is not None else None
    if given:
        table.width, table.column_widths = decode(given)
        return None
    result = _original(context, box, containing_block)
    mark = element.get("data-measure") if element is not None else None
    if mark == "rows":
        raise Measured({"widths": encode(table.width, table.column_widths), **row_stats(table)})
    if mark is not None:
        raise Measured(encode(table.width, table.column_widths))
    return result


def _cell_widths(context, box, outer=True):
    result = _original_cell(context, box, outer)
    if _recording is not None and outer:
        _recording[id(box)] = result
    return result


def row_stats(table) -> dict:
    """What each column of the table's body needs to be as wide as in the whole table: per column (its index), the
    largest min-content width of its cells and the row (of the body, from 0) it is in, the same for the max-content
    width and for the percentage a cell asks for, and the first row with a cell of a width of its own (-1: none);
    and the rows with a cell spanning columns (their widths are shared out after the columns', row by row)."""
    columns: dict[int, list] = {}
    spans: list[int] = []
    body = [row for group in table.children if not group.is_header and not group.is_footer for row in group.children]
    for r, row in enumerate(body):
        for cell in row.children:
            if cell.colspan != 1:
                spans.append(r)
                continue
            if id(cell) not in _recording:
                raise RuntimeError("排版时未能测得长表格的列宽，请报告此问题")
            lo, hi = _recording[id(cell)]
            width = cell.style["width"]
            fixed = width != "auto" and not check_math(width) and width.unit != "%"
            c = columns.setdefault(cell.grid_x, [[lo, r], [hi, r], [0, -1], -1])
            for k, v in ((0, lo), (1, hi), (2, _preferred._percentage_contribution(cell))):
                if v > c[k][0]:
                    c[k] = [v, r]
            if fixed and c[3] < 0:
                c[3] = r
    return {"columns": sorted([x, c] for x, c in columns.items()), "spans": spans}


if getattr(_table.auto_table_layout, "__module__", "") != __name__:
    _table.auto_table_layout = auto_table_layout
    _preferred.table_cell_min_max_content_width = _cell_widths


def measure(html: str, base_url: str) -> str | dict:
    """The widths (``encode``) of the table marked ``data-measure`` in ``html``, laid out no further than that;
    of one marked ``data-measure="rows"``, also its ``row_stats``."""
    global _recording
    from .folio import paginate

    _recording = {}
    try:
        paginate(html, base_url)
    except Measured as m:
        return m.widths
    finally:
        _recording = None
    raise RuntimeError("排版时未能测得长表格的列宽，请报告此问题")
