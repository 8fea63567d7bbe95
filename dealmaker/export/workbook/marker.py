"""The hidden sheet that makes a workbook this app's own: who wrote it, for which
workspace, deal and year, and what each fillable row held when it was written.

The round trip (``services.workbook.readback``) refuses a workbook without it, from
another workspace or deal, and compares every fillable cell with the value written here,
so only what the region changed counts as a change (even after sorting: rows are found
by their hidden key, not by their place).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from dealmaker.export.workbook.model import KEY, TEXT, Book, Table, Value
from dealmaker.export.workbook.rows import Body, ColumnStyle, rows_xml, style_id

SHEET = "dealmaker"
APP = "dealmaker-overlegwerkmap"
FORMAT = "1"
#: identity keys, in the order written
WORKSPACE, DEAL, YEAR = "werkruimte", "deal", "jaar"
#: the deal id of a portfolio workbook
ALL_DEALS = "alle"
#: the column that names a row's deal (checked on the way back, never read as a change)
DEAL_COLUMN = "Deal"
SNAPSHOT_HEADER = ("blad", "sleutel", "waarden")


def encode(value: Value) -> Any:
    """A cell value as JSON: exact decimals and dates as text."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def decode(kind: str, raw: Any) -> Value:
    """The inverse of ``encode`` for a column of ``kind``."""
    from dealmaker.export.workbook.model import DATE, EURO, NUMBER

    if raw is None:
        return None
    if kind in (NUMBER, EURO):
        return Decimal(str(raw))
    if kind == DATE:
        return date.fromisoformat(str(raw))
    return raw  # type: ignore[no-any-return]


def snapshot_rows(table: Table) -> list[tuple[str, str, str]]:
    """(sheet, key, JSON of the fillable cells and the deal) per row of a keyed table."""
    at = [i for i, c in enumerate(table.columns) if c.kind == KEY]
    if not at:
        return []
    key_at = at[0]
    kept = [(i, c.header) for i, c in enumerate(table.columns)
            if c.editable or c.header == DEAL_COLUMN]
    out = []
    for row in table.rows:
        values = {header: encode(row[i]) for i, header in kept}
        out.append((table.name, str(row[key_at]),
                    json.dumps(values, ensure_ascii=False, separators=(",", ":"))))
    return out


def write_marker(wb: Any, book: Book) -> Body:
    """The very hidden sheet with the identity and the snapshot (all cells text); the
    snapshot's rows are returned to be spliced in (``rows.Body``)."""
    from openpyxl.cell import WriteOnlyCell

    from dealmaker.export.cells import keep_text, xml_text

    ws = wb.create_sheet(SHEET)
    ws.sheet_state = "veryHidden"

    def text_row(*values: str) -> list[Any]:
        cells = []
        for v in values:
            cell = WriteOnlyCell(ws, xml_text(v))
            keep_text(cell)
            cells.append(cell)
        return cells

    ws.append(text_row(APP, FORMAT))
    for name, value in book.identity.items():
        ws.append(text_row(name, value))
    ws.append([])
    ws.append(text_row(*SNAPSHOT_HEADER))
    rows = [row for table in book.tables for row in snapshot_rows(table)]
    first = len(book.identity) + 4
    for _ in rows:
        ws.append([])
    columns = [ColumnStyle(letter, TEXT) for letter in "ABC"]
    return Body(first, first + len(rows) - 1,
                rows_xml(rows, columns, first, style_id(ws, quote=True)))
