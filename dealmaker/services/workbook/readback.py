"""Reading a returned overleg workbook: its hidden identity, the snapshot of what each
fillable row held when written, and the rows of the sheets the region fills in.

The file is checked like every import (a regular file, a real .xlsx, no zip bomb)
before openpyxl reads it; nothing here looks at the workspace.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dealmaker.export.workbook.marker import APP, FORMAT, SHEET, SNAPSHOT_HEADER
from dealmaker.services.importing.limits import MAX_XLSX_BYTES, check_size, open_source
from dealmaker.services.importing.model import ImportFileError
from dealmaker.services.importing.xlsx_check import inspect_xlsx

#: the sheets the region fills in
FILLED = ("Voortgang", "Toezeggingen")


class WorkbookRefused(ValueError):
    """The whole file cannot be read back; ``str()`` is one Dutch line."""


@dataclass(frozen=True)
class Refusal:
    """A cell that stops the import: ``Voortgang!E7: tekst waar een getal hoort``."""

    sheet: str
    cell: str
    message: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}: {self.message}" if self.cell else self.message


@dataclass
class SheetRows:
    headers: list[Any]
    #: (row number, values) for each row below the header
    rows: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)


@dataclass
class Returned:
    name: str
    #: identity key -> (value, cell), e.g. "werkruimte" -> ("…", "B2")
    identity: dict[str, tuple[str, str]]
    #: (sheet, key) -> the fillable values as written (JSON-decoded)
    snapshot: dict[tuple[str, str], dict[str, Any]]
    sheets: dict[str, SheetRows]


def read_returned(path: Path) -> Returned:
    """The workbook's parts, or ``WorkbookRefused`` when this app did not write it."""
    from openpyxl import load_workbook

    try:
        source, size = open_source(path)
        with source:
            check_size(path.name, size, MAX_XLSX_BYTES, "Excel-bestand")
            inspect_xlsx(source, path.name)
            source.seek(0)
            book = load_workbook(source, read_only=True, data_only=True)
            try:
                return _parts(path.name, book)
            finally:
                book.close()
    except ImportFileError as exc:
        raise WorkbookRefused(f"{exc} Er is niets ingelezen.") from None
    except (OSError, KeyError, ValueError, TypeError) as exc:
        if isinstance(exc, WorkbookRefused):
            raise
        raise WorkbookRefused(f"{path.name}: geen leesbare Excel-werkmap ({type(exc).__name__}"
                              "); er is niets ingelezen.") from None


def _foreign(name: str, why: str) -> WorkbookRefused:
    return WorkbookRefused(f"{name}: deze werkmap is niet door dealmaker gemaakt ({why}); "
                           "alleen een overlegwerkmap uit dealmaker kan worden ingelezen. "
                           "Er is niets ingelezen.")


def _parts(name: str, book: Any) -> Returned:
    if SHEET not in book.sheetnames:
        raise _foreign(name, f"het verborgen blad '{SHEET}' ontbreekt")
    marker = list(book[SHEET].iter_rows(values_only=True))
    if not marker or not marker[0] or marker[0][0] != APP:
        raise _foreign(name, f"blad '{SHEET}' is geen kenmerk van dealmaker")
    if str(marker[0][1] if len(marker[0]) > 1 else "") != FORMAT:
        raise WorkbookRefused(f"{name}: gemaakt door een andere versie van dealmaker "
                              f"(formaat {marker[0][1]}); er is niets ingelezen.")
    identity: dict[str, tuple[str, str]] = {}
    snapshot: dict[tuple[str, str], dict[str, Any]] = {}
    in_snapshot = False
    for n, row in enumerate(marker[1:], start=2):
        cells = [c for c in row if c is not None]
        if not cells:
            continue
        if tuple(cells[:3]) == SNAPSHOT_HEADER:
            in_snapshot = True
        elif in_snapshot and len(cells) >= 3:
            try:
                snapshot[(str(cells[0]), str(cells[1]))] = json.loads(str(cells[2]))
            except ValueError:
                raise _foreign(name, f"blad '{SHEET}' rij {n} is beschadigd") from None
        elif not in_snapshot and len(cells) >= 2:
            identity[str(cells[0])] = (str(cells[1]), f"B{n}")
    sheets = {}
    for sheet in FILLED:
        if sheet not in book.sheetnames:
            raise WorkbookRefused(f"{name}: het blad {sheet} ontbreekt; er is niets "
                                  "ingelezen.")
        rows = book[sheet].iter_rows(values_only=True)
        headers = list(next(rows, ()))
        found = SheetRows(headers)
        for n, values in enumerate(rows, start=2):
            found.rows.append((n, tuple(values)))
        sheets[sheet] = found
    return Returned(name, identity, snapshot, sheets)
