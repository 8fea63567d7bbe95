"""A file read as a table: headers and rows of text, each row with its number."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Literal

from dealmaker.services.importing.mapping import recognised

#: How many leading rows may come before the header (LinkedIn starts with notes).
HEADER_SCAN = 30


@dataclass
class Table:
    kind: Literal["csv", "xlsx", "vcard"]
    headers: list[str]
    #: (row number as the user sees it: line in a text file, row in a sheet, cells)
    rows: list[tuple[int, list[str]]]
    header_row: int = 1
    encoding: str | None = None
    separator: str | None = None
    #: the mapping a format fixes itself (vCard); otherwise it is guessed from headers
    mapping: dict[str, str | None] | None = None
    #: problems found while reading single rows (a broken vCard): row -> reason
    row_errors: dict[int, str] = field(default_factory=dict)
    #: what was skipped while reading a row that is otherwise read (a stray vCard line)
    row_warnings: dict[int, list[str]] = field(default_factory=dict)


def name_headers(cells: list[str]) -> list[str]:
    """Header texts cleaned; blank ones become 'Kolom 3' so they can still be mapped."""
    out = []
    for n, cell in enumerate(cells, start=1):
        text = " ".join(cell.replace("\ufeff", "").split()).strip('"')
        out.append(text or f"Kolom {n}")
    return out


def find_header(candidates: list[list[str]]) -> int:
    """Index of the row with the most recognised headers (first non-empty if none)."""
    best, best_score = -1, 0
    for index, cells in enumerate(candidates[:HEADER_SCAN]):
        score = recognised(cells)
        if score > best_score:
            best, best_score = index, score
    if best >= 0:
        return best
    for index, cells in enumerate(candidates):
        if any(c.strip() for c in cells):
            return index
    return 0


def cell_text(value: object) -> str:
    """A spreadsheet cell as text: whole numbers without '.0', dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def padded(cells: list[str], width: int) -> list[str]:
    return cells + [""] * (width - len(cells)) if len(cells) < width else cells[:width]
