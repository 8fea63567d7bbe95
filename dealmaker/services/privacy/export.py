"""AVG inzage: write everything held about a person to .xlsx and .json.

The workbook has one sheet per kind of data with Dutch headers; dates are real Excel
dates shown dd-mm-jjjj and amounts real numbers (exact: Decimal euros, never float) in
a euro format. The JSON file (UTF-8, indented) has the same sheets as lists of
objects keyed by the Dutch headers; dates there are ISO 8601 (jjjj-mm-dd), amounts
text like "€ 1.234,56" so that no float ever carries money.
"""

from __future__ import annotations

import json
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from dealmaker.domain.dates import utcnow
from dealmaker.domain.money import format_eur
from dealmaker.export.cells import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    EURO_FORMAT,
    FORMULA_START,
    keep_text,
    xml_text,
)
from dealmaker.logsetup import private_file
from dealmaker.services.privacy.collect import Money, Sheet, Value, collect
from dealmaker.storage.workspace import Workspace


def _cell(value: Value) -> tuple[Any, str | None]:
    """The value for openpyxl and its number format."""
    if isinstance(value, Money):
        return Decimal(value.cents) / 100, EURO_FORMAT
    if isinstance(value, bool):
        return ("ja" if value else "nee"), None
    if isinstance(value, datetime):
        return value, DATETIME_FORMAT
    if isinstance(value, date):
        return value, DATE_FORMAT
    if isinstance(value, str):
        return xml_text(value), None
    return value, None


def _widths(sheet: Sheet) -> list[float]:
    """Column widths that fit the header and the longest value (at most 60)."""
    widest = [len(h) for h in sheet.headers]
    for row in sheet.rows:
        for n, value in enumerate(row):
            if value is not None:
                widest[n] = max(widest[n], len(str(value)))
    return [min(60, w + 2) for w in widest]


def write_xlsx(path: Path, sheets: Sequence[Sheet]) -> None:
    """Write the sheets in openpyxl's write-only mode (rows streamed, linear in size)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for sheet in sheets:
        ws = book.create_sheet(sheet.name[:31])
        for n, width in enumerate(_widths(sheet), start=1):
            ws.column_dimensions[get_column_letter(n)].width = width
        ws.freeze_panes = "A2"
        header = []
        for text in sheet.headers:
            cell = WriteOnlyCell(ws, text)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        for row in sheet.rows:
            cells: list[Any] = []
            for value in row:
                shown, fmt = _cell(value)
                if fmt is None and not (isinstance(shown, str)
                                        and shown.startswith(FORMULA_START)):
                    cells.append(shown)  # a plain value needs no cell object
                    continue
                cell = WriteOnlyCell(ws, shown)
                if fmt:
                    cell.number_format = fmt
                keep_text(cell)  # text is text: never a formula (=HYPERLINK, DDE)
                cells.append(cell)
            ws.append(cells)
    book.save(path)


def _json_value(value: Value) -> Any:
    if isinstance(value, Money):
        return format_eur(value.cents)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def write_json(path: Path, name: str, sheets: Sequence[Sheet]) -> None:
    data = {
        "persoon": name,
        "geëxporteerd_op": utcnow().isoformat(timespec="seconds"),
        "toelichting": "Datums als jjjj-mm-dd, bedragen in euro.",
        "gegevens": {s.name: [dict(zip(s.headers, (_json_value(v) for v in row), strict=True))
                              for row in s.rows] for s in sheets},
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class ExportStep:
    """Progress of an inzage: ``done`` of ``total`` steps, what is being done."""

    done: int
    total: int
    label: str


def export_steps(ws: Workspace, person_id: str, xlsx_path: Path,
                 json_path: Path) -> Generator[ExportStep, None, None]:
    """``export_person_data`` in steps, for a progress dialog with Annuleren: closing
    the generator between steps (cancel) removes what it wrote."""
    written: list[Path] = []
    try:
        yield ExportStep(0, 3, "Gegevens verzamelen…")
        name, sheets = collect(ws, person_id)
        for path in (xlsx_path, json_path):
            private_file(Path(path))  # 0600 before any personal data goes in
            written.append(Path(path))
        rows = sum(len(sheet.rows) for sheet in sheets)
        yield ExportStep(1, 3, f"Werkmap schrijven ({rows} regels)…")
        write_xlsx(Path(xlsx_path), sheets)
        yield ExportStep(2, 3, "JSON-bestand schrijven…")
        write_json(Path(json_path), name, sheets)
    except BaseException:  # cancelled (GeneratorExit) or failed: no half inzage stays
        for path in written:
            path.unlink(missing_ok=True)
        raise


def export_person_data(ws: Workspace, person_id: str, xlsx_path: Path,
                       json_path: Path) -> None:
    """Write everything held about the person to ``xlsx_path`` and ``json_path``."""
    for _step in export_steps(ws, person_id, xlsx_path, json_path):
        pass
