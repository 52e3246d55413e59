"""Downloads and exports never turn a record's text into a spreadsheet formula (found by a tester: a body named
=HYPERLINK("http://x") became a live formula in the open-data workbook and a formula cell in its CSV)."""

from __future__ import annotations

import csv
import io
import zipfile

from conftest import make_archive, write
from zhi.cells import csv_row, formula_like
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.tableexport import export_tables
from zhi.writers.opendata import Column, Table, csv_bytes, xlsx_bytes

EVIL = ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "＝1+1"]


def formulas_in(xlsx: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        return [n for n in z.namelist() if n.startswith("xl/worksheets/") and b"<f>" in z.read(n)]


def test_formula_like_text_is_recognised_and_numbers_are_not():
    assert all(formula_like(v) for v in EVIL)
    assert not any(formula_like(v) for v in ["-3", "+2.5", "县财政局", "1984-03", "", 7])
    assert csv_row(["=1+1", "-3", "县委"]) == ["'=1+1", "-3", "县委"]


def test_open_data_files_hold_text_not_formulas():
    t = Table("x", "表", "说明", [Column("名称", "")], [[v] for v in EVIL] + [["县委"], [5]])
    rows = list(csv.reader(io.StringIO(csv_bytes(t).decode("utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == ["'" + v for v in EVIL] + ["县委", "5"]
    meta = {"title": "=evil()", "edition_zh": "公开版", "version": "v", "licence": "l", "epoch": 0}
    book = xlsx_bytes([t], meta)
    assert formulas_in(book) == []
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(book))["表"]
    assert [r[0] for r in ws.iter_rows(min_row=2, values_only=True)][:len(EVIL)] == EVIL


def test_workbook_text_that_reads_as_an_error_code_or_a_formula_stays_text():
    """openpyxl takes “#N/A” for an error and “=1” for a formula when given a plain text: such texts are written
    as string cells, every other text (given plainly, for speed) is a string cell too."""
    from openpyxl import load_workbook

    texts = ["#N/A", "#REF!", "#DIV/0!", "=1", "=", "县委", "#县委", "  ", "1984-03"]
    t = Table("x", "表", "说明", [Column("名称", "")], [[v] for v in texts] + [[5]])
    meta = {"title": "t", "edition_zh": "公开版", "version": "v", "licence": "l", "epoch": 0}
    book = xlsx_bytes([t], meta)
    assert formulas_in(book) == []
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        sheets = b"".join(z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert b't="e"' not in sheets
    cells = [c for row in load_workbook(io.BytesIO(book))["表"].iter_rows(min_row=2) for c in row]
    assert [c.value for c in cells] == texts + [5]
    assert [c.data_type for c in cells] == ["s"] * len(texts) + ["n"]


def test_exported_tables_hold_text_not_formulas(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/events/evil.yaml", "- id: ev-evil\n  type: establish\n  date: 1985-01\n  body: cs-evil\n"
          "  name: '=HYPERLINK(\"http://x\")'\n  parent: cs-zhengfu\n  sources: [d-1956-1]\n")
    write(root, "sources/bodies/evil.yaml", "id: cs-evil\nkind: 事业单位\n")
    a = load_archive(root)
    out = tmp_path / "t.xlsx"
    export_tables(a, derive_history(a), out, "public")
    assert formulas_in(out.read_bytes()) == []
    assert b"HYPERLINK" in b"".join(zipfile.ZipFile(out).read(n) for n in zipfile.ZipFile(out).namelist())


def test_both_workbooks_come_from_one_writer_with_a_bold_frozen_header(tmp_path):
    """The open-data workbook and zhi export are written by cells.workbook_bytes: the header bold and frozen
    (below the whole archive's mark when there is one), the same bytes for the same data when stamped."""
    from openpyxl import load_workbook

    t = Table("x", "表", "说明", [Column("名称", "")], [["县委"]])
    meta = {"title": "测试县机构编制志", "edition_zh": "公开版", "version": "v", "licence": "l", "epoch": 0}
    assert xlsx_bytes([t], meta) == xlsx_bytes([t], meta)
    ws = load_workbook(io.BytesIO(xlsx_bytes([t], meta)))["表"]
    assert ws.freeze_panes == "A2" and ws["A1"].font.b and ws["A1"].value == "名称"
    root = make_archive(tmp_path)
    a = load_archive(root)
    for edition, head in (("public", 1), (None, 2)):
        out = tmp_path / f"{edition}.xlsx"
        export_tables(a, derive_history(a), out, edition)
        ws = load_workbook(out)["沿革"]
        assert ws.freeze_panes == f"A{head + 1}" and ws.cell(head, 1).value == "名称" and ws.cell(head, 1).font.b
        if edition is None:
            assert ws["A1"].font.b and ws["A1"].font.color.rgb.endswith("B71C1C")


def test_sheets_from_the_cache_make_the_bytes_of_a_workbook_written_whole(tmp_path):
    """A workbook whose unchanged sheets come from the sheet cache is byte for byte the one written cell by cell, after
    an edit of one sheet, with a mark (its own style) before the sheets, and with a sheet whose values differ only in
    type (4 and "4"); a changed sheet is never taken from the cache."""
    import datetime as dt

    from zhi.cells import Sheet, workbook_bytes

    stamp = dt.datetime(2000, 1, 1)
    cache = tmp_path / "sheets"

    def sheets(name: str, figure, mark: str = "") -> list[Sheet]:
        return [Sheet("说明", [], [["书名", "测试县志"]], plain=True),
                Sheet("机构", ["编号", "名称"], [["b1", name], ["b2", "=HYPERLINK(1)"]], mark=mark),
                Sheet("编制", ["编号", "行政编制"], [["b1", figure], ["b2", 7.5]], mark=mark)]

    for made in (sheets("县计委", 4), sheets("县计经委", 4), sheets("县计经委", "4"), sheets("县计经委", 4, "不得外传"),
                 sheets("县计委", 4)):
        whole = workbook_bytes(made, "t", stamp)
        assert workbook_bytes(made, "t", stamp, cache) == whole   # written, its sheets stored
        assert workbook_bytes(made, "t", stamp, cache) == whole   # every sheet from the cache
    assert len(list(cache.glob("*.xml"))) == 3 + 1 + 1 + 2   # each distinct sheet stored once
    z = zipfile.ZipFile(io.BytesIO(workbook_bytes(sheets("县计经委", 4), "t", stamp, cache)))
    assert "县计经委".encode() in z.read("xl/worksheets/sheet2.xml")
    assert "县计委".encode() not in z.read("xl/worksheets/sheet2.xml")


def test_rows_written_without_openpyxls_cells_are_its_bytes(monkeypatch):
    """The rows of plain text, whole numbers and empty cells that cells.py writes itself are byte for byte those
    openpyxl writes: escaped text, spaces kept at either end, empty text, a row with no value, a sheet with no header,
    formula-like text as text; a sheet with any other value (a fraction, a truth value, a carriage return, a text
    longer than a cell holds) is left to openpyxl."""
    import datetime as dt

    from zhi import cells
    from zhi.cells import Sheet, workbook_bytes

    stamp = dt.datetime(2000, 1, 1)
    texts = ["县计委", " 前有空格", "后有空格 ", "\u3000全角空格", "a&b<c>d\"e'f", "两行\n文字", "制表\t符", "", "=HYPERLINK(1)",
             "#N/A", "-3", "＝甲", "@SUM(1)", "x" * 40000, "回车\r", "\x85"]
    numbers = [0, -2, 7, 12345678901234567890, 7.5, True]
    sheets = [Sheet("说明", [], [["书名", "测试县志"], [None, None], []], plain=True),
              Sheet("无表头", [], [[t] for t in texts[:13]], plain=True),
              Sheet("机构", ["编号", "名称", "数"], [[f"b{i}", t, n] for i, t in enumerate(texts[:13]) for n in numbers[:4]],
                    mark="不得外传"),
              Sheet("空表", ["编号"], []),
              *[Sheet(f"例{i}", ["值"], [["b", v]]) for i, v in enumerate(texts[13:] + numbers[4:])]]
    fast = zipfile.ZipFile(io.BytesIO(workbook_bytes(sheets, "t", stamp)))
    mine = [i for i, sh in enumerate(sheets) if cells._rows_xml(sh.rows, 1) is not None]
    assert mine == [0, 1, 2, 3]   # the others hold what only openpyxl writes
    monkeypatch.setattr(cells, "_rows_xml", lambda rows, first: None)
    slow = zipfile.ZipFile(io.BytesIO(workbook_bytes(sheets, "t", stamp)))
    assert fast.namelist() == slow.namelist()
    for name in slow.namelist():
        assert fast.read(name) == slow.read(name), name
    assert b"a&amp;b&lt;c&gt;d" in fast.read("xl/worksheets/sheet3.xml")
