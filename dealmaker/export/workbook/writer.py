"""Write a ``Book`` to .xlsx with openpyxl in write-only mode (large portfolios stream).

Made for people: bold frozen header row, autofilter, fitted column widths, euro and
dd-mm-jjjj formats, status colours, landscape print fitted to the width with the header
row repeated. The Totaal row holds =SUM formulas; ``cached.fill_formula_values`` then
stores their exact values too, and the workbook asks to be recomputed on opening.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from dealmaker.domain.progress import Status
from dealmaker.export.cells import DATE_FORMAT, EURO_FORMAT, keep_text, xml_text
from dealmaker.export.workbook.cached import finish
from dealmaker.export.workbook.marker import write_marker
from dealmaker.export.workbook.model import (
    DATE,
    EURO,
    INT,
    KEY,
    NUMBER,
    PERCENT,
    Book,
    Column,
    Table,
    Value,
)
from dealmaker.export.workbook.rows import Body, ColumnStyle, rows_xml, style_id
from dealmaker.export.workbook.summary import money_table, write_summary

FORMATS = {EURO: EURO_FORMAT, DATE: DATE_FORMAT, INT: "0", NUMBER: "#,##0.######",
           PERCENT: "0.0%"}
#: header of a column the region may fill in (light yellow)
EDITABLE_FILL = "FFF2CC"
STATUS_FILLS = {Status.OP_KOERS: "C6EFCE", Status.ACHTER: "FFEB9C",
                Status.UIT_KOERS: "FFC7CE", Status.GEEN_GEGEVENS: "EDEDED"}
TOTAL_LABEL = "Totaal"


def write_book(book: Book, path: Path) -> None:
    """Write ``book`` to ``path`` (the caller moves a temporary file into place)."""
    for _ in write_book_steps(book, path):
        pass


def write_book_steps(book: Book, path: Path) -> Iterator[str]:
    """``write_book`` one sheet at a time: yields the name of the sheet written next, so a
    caller can show progress and stop between sheets (closing the generator)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    wb.calculation.fullCalcOnLoad = True
    cached: dict[int, dict[str, Decimal]] = {}
    bodies: dict[int, Body] = {}
    if book.summary is not None:
        yield "Samenvatting"
        write_summary(wb, book.summary)
    first = 1 if book.summary is None else 2
    for n, table in enumerate(book.tables, start=first):
        yield table.name
        cached[n], bodies[n] = _write_table(wb, table)
    if book.identity:
        bodies[first + len(book.tables)] = write_marker(wb, book)
    yield "opslaan"
    wb.save(path)
    finish(path, cached, bodies)


def _write_table(wb: Any, table: Table) -> tuple[dict[str, Decimal], Body]:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(table.name[:31])
    headers = [c.header for c in table.columns]
    widths = [len(h) + 2 for h in headers]
    for row in table.rows:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], _shown_width(value, table.columns[i]))
    for i, col in enumerate(table.columns):
        dim = ws.column_dimensions[get_column_letter(i + 1)]
        dim.width = min(col.max_width, widths[i] + 2)
        dim.hidden = col.kind == KEY
    ws.freeze_panes = "A2"
    last = max(1, len(table.rows) + 1)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{last}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor=EDITABLE_FILL)
    ws.append([_header(ws, c.header, bold, fill if c.editable else None)
               for c in table.columns])
    body = Body(2, len(table.rows) + 1, rows_xml(table.rows, _styles(ws, table), 2,
                                                 style_id(ws, quote=True)))
    for _ in table.rows:
        ws.append([])  # a placeholder: the rows are spliced in after saving
    cached: dict[str, Decimal] = {}
    if table.totals:
        cached = _total_row(ws, table, bold)
    written = len(table.rows) + 1 + bool(table.totals)
    if table.notes:
        ws.append([])
        for note in table.notes:
            ws.append([_cell(ws, note, Column(""), WriteOnlyCell)])
        written += 1 + len(table.notes)
    if table.money_by_year:
        money_table(ws, table.money_by_year, bold, written + 2)
    return cached, body


def _styles(ws: Any, table: Table) -> list[ColumnStyle]:
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    out = []
    for i, col in enumerate(table.columns):
        fmt = FORMATS.get(col.kind)
        texts = None
        if col.header == table.status_column:
            texts = {st.value: style_id(ws, fill=PatternFill("solid", fgColor=c))
                     for st, c in STATUS_FILLS.items()}
        out.append(ColumnStyle(get_column_letter(i + 1), col.kind,
                               style_id(ws, number_format=fmt) if fmt else 0, texts))
    return out


def _total_row(ws: Any, table: Table, bold: Any) -> dict[str, Decimal]:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    end = len(table.rows) + 1
    cells: list[Any] = []
    cached: dict[str, Decimal] = {}
    for i, col in enumerate(table.columns):
        if i == 0:
            cell = WriteOnlyCell(ws, TOTAL_LABEL)
        elif col.header in table.totals:
            letter = get_column_letter(i + 1)
            formula = f"SUM({letter}2:{letter}{end})" if table.rows else "0"
            cached[formula] = sum((_number(r[i]) for r in table.rows), Decimal(0))
            cell = WriteOnlyCell(ws, f"={formula}")
            cell.number_format = FORMATS.get(col.kind, "General")
        else:
            cell = WriteOnlyCell(ws, None)
        cell.font = bold
        cells.append(cell)
    ws.append(cells)
    return cached


def _number(value: Value) -> Decimal:
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return Decimal(value)
    return Decimal(0)  # SUM skips text and blanks too


def _header(ws: Any, text: str, bold: Any, fill: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, xml_text(text))
    keep_text(cell)
    cell.font = bold
    if fill is not None:
        cell.fill = fill
    return cell


def _cell(ws: Any, value: Value, col: Column, make: Any) -> Any:
    if isinstance(value, str):
        cell = make(ws, xml_text(value))
        keep_text(cell)
        return cell
    cell = make(ws, value)
    if value is not None and col.kind in FORMATS:
        cell.number_format = FORMATS[col.kind]
    return cell


def _shown_width(value: Value, col: Column) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    if col.kind == EURO:
        return len(f"{value:,.2f}") + 2
    text = str(value)
    return max((len(line) for line in text.splitlines()), default=0)
