"""A long table cut between its rows keeps the column widths of the whole table.

WeasyPrint's automatic table layout (``weasyprint.layout.table.auto_table_layout``, WeasyPrint 70) gives each
column a width from the widest content of all its cells: a part of a table laid out alone would have other
widths, and its lines would break elsewhere. So a table the book cuts between rows (``typeset.Section``) is
first measured whole, in a worker (``measure``: the layout stops once the table's widths are known, before any
page is made), and every part of it then carries those widths in its ``data-widths`` attribute, which the
wrapper below takes instead of measuring the part's own cells. A table without the attribute is laid out as
WeasyPrint does.
"""

from __future__ import annotations

from weasyprint.layout import table as _table

_original = _table.auto_table_layout


class Measured(Exception):  # not an error: how a measuring layout stops
    def __init__(self, widths: str):
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
    if element is not None and element.get("data-measure") is not None:
        raise Measured(encode(table.width, table.column_widths))
    return result


if getattr(_table.auto_table_layout, "__module__", "") != __name__:
    _table.auto_table_layout = auto_table_layout


def measure(html: str, base_url: str) -> str:
    """The widths (``encode``) of the table marked ``data-measure`` in ``html``, laid out no further than that."""
    from .folio import paginate

    try:
        paginate(html, base_url)
    except Measured as m:
        return m.widths
    raise RuntimeError("排版时未能测得长表格的列宽，请报告此问题")
