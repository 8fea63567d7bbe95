"""Data rows as sheet XML, written directly: the bulk of a large workbook.

openpyxl builds an object per cell and serialises it element by element; for the
thousands of plain rows of a portfolio that is most of the time. The writer lets
openpyxl lay out each sheet (header, Totaal row, notes, styles, print set-up, chart) with
empty placeholder rows, and these rows are spliced in afterwards (``cached.finish``).
Styles are openpyxl's own (their ids are looked up once per column); text is an inline
string, formula-like text gets the quote prefix style, so it stays text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from dealmaker.export.cells import FORMULA_START, xml_text
from dealmaker.export.workbook.model import Value

_EPOCH = date(1899, 12, 30)
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


@dataclass
class Body:
    """The XML of rows ``first``..``last`` of one sheet (replacing empty placeholders)."""

    first: int
    last: int
    xml: str


@dataclass(frozen=True)
class ColumnStyle:
    letter: str
    kind: str
    #: style id of a number or date in this column (0: none)
    number: int = 0
    #: style id of a text cell (0: none), e.g. a status colour by value
    text: dict[str, int] | None = None


def style_id(ws: Any, *, number_format: str | None = None, quote: bool = False,
             fill: Any = None) -> int:
    """openpyxl's id of a cell style (registered in the workbook's style table)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, None)
    if number_format:
        cell.number_format = number_format
    if quote:
        cell.quotePrefix = True
    if fill is not None:
        cell.fill = fill
    return int(cell.style_id) if cell.has_style else 0


def text_cell(ref: str, text: str, style: int) -> str:
    shown = xml_text(text).translate(_ESCAPES)
    space = ' xml:space="preserve"' if shown != shown.strip() or "\n" in shown else ""
    s = f' s="{style}"' if style else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{shown}</t></is></c>'


def rows_xml(rows: Sequence[Sequence[Value]], columns: Sequence[ColumnStyle], first: int,
             quoted: int) -> str:
    """``rows`` as ``<row>`` elements numbered from ``first``."""
    out: list[str] = []
    for r, row in enumerate(rows, start=first):
        cells: list[str] = []
        for col, value in zip(columns, row, strict=False):
            if value is None:
                continue
            ref = f"{col.letter}{r}"
            if isinstance(value, str):
                style = (quoted if value.startswith(FORMULA_START)
                         else (col.text or {}).get(value, 0))
                cells.append(text_cell(ref, value, style))
                continue
            if isinstance(value, datetime | date):
                day = value.date() if isinstance(value, datetime) else value
                number = str((day - _EPOCH).days)
            elif isinstance(value, Decimal):
                number = format(value, "f")
            else:
                number = str(int(value))
            s = f' s="{col.number}"' if col.number else ""
            cells.append(f'<c r="{ref}"{s}><v>{number}</v></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    return "".join(out)

