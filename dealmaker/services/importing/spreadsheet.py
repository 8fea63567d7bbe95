"""Read the first sheet with data of an .xlsx file, within fixed bounds.

The zip and each sheet's real extent are checked first (:mod:`xlsx_check`). A sheet
that is small in fact is read with python-calamine (a Rust reader, more than ten times
faster than openpyxl for 10,000 rows), which builds the whole rectangle from A1 to the
last cell; any other sheet (a stray value far away, cells without references) is
streamed row by row with openpyxl, so empty space is skipped, never allocated. A sheet
beyond :data:`MAX_ROWS` rows or a header wider than :data:`MAX_COLUMNS` is refused.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, BinaryIO

from dealmaker.services.importing.limits import (
    MAX_COLUMNS,
    MAX_ROWS,
    MB,
    dutch_number,
    megabytes,
    too_many_rows,
)
from dealmaker.services.importing.model import ImportFileError
from dealmaker.services.importing.sheets import sheet_members
from dealmaker.services.importing.table import (
    HEADER_SCAN,
    Table,
    cell_text,
    find_header,
    name_headers,
    padded,
)
from dealmaker.services.importing.xlsx_check import Extent, column_letters, inspect_xlsx

Rows = Iterable[Sequence[object]]
#: Largest rectangle (A1 to the last cell) handed to calamine, which allocates all of it.
CALAMINE_CELLS = 2_000_000
#: Shared strings openpyxl may parse (in Python, some 50,000 a second) for a streamed
#: sheet: 16 MB is about 800,000 texts, some 15 s; more is refused, not waited for.
STREAM_SHARED_BYTES = 16 * MB


log = logging.getLogger(__name__)

def read_xlsx(source: BinaryIO, name: str) -> Table:
    """The sheet as a table; row numbers are the spreadsheet's own (header row = 1...)."""
    extents, kept, shared = inspect_xlsx(source, name)
    try:
        for sheet, extent, rows in _sheets(source, name, sheet_members(kept), extents,
                                           shared):
            table = _read_sheet(iter(rows), name, sheet, extent)
            if table is not None:
                return table
    except ImportFileError:
        raise
    except Exception as exc:  # zip, XML and the readers' own errors: all mean "bad file"
        log.warning("werkmap onleesbaar: %s", type(exc).__name__)  # the reader's English
        raise ImportFileError(f"{name}: geen geldig Excel-bestand (beschadigd, of geen "
                              ".xlsx-werkmap).") from None
    except BaseException as exc:  # a panic in the Rust reader is no Exception (pyo3)
        if type(exc).__name__ != "PanicException":
            raise
        raise ImportFileError(f"{name}: geen geldig Excel-bestand (de lezer gaf het op)."
                              ) from None
    raise ImportFileError(f"{name}: het werkblad is leeg.")


def refusal(name: str, sheet: str, rows: int, columns: int) -> ImportFileError:
    return ImportFileError(
        f"{name}: werkblad '{sheet}' loopt tot kolom {column_letters(columns)}, rij "
        f"{dutch_number(rows)} (meer dan {MAX_COLUMNS} kolommen of {dutch_number(MAX_ROWS)} "
        "rijen).")


def _sheets(source: BinaryIO, name: str, members: list[tuple[str, str]],
            extents: dict[str, Extent], shared: int) -> Iterator[tuple[str, Extent, Rows]]:
    """(sheet name, extent, rows from row 1) for each worksheet, in the workbook's order."""
    if not members or any(not e.exact or e.rows * e.columns > CALAMINE_CELLS
                          for e in extents.values()):
        _check_streamable(name, members, extents, shared)
    if not members:  # an unusual layout: no extents known, so stream every sheet
        for sheet, rows in _streamed(source, None):
            yield sheet, Extent(exact=False), rows
        return
    calamine: Any = None
    for sheet, member in members:
        extent = extents.get(member)
        if extent is None:
            continue  # a chart sheet, not a worksheet
        if extent.rows > MAX_ROWS:
            raise refusal(name, sheet, extent.rows, extent.columns)
        if extent.exact and extent.rows * extent.columns <= CALAMINE_CELLS:
            if calamine is None:
                calamine = _calamine(source)
            if calamine is not False:
                yield sheet, extent, calamine.get_sheet_by_name(sheet).to_python(
                    skip_empty_area=False)
                continue
        for _, rows in _streamed(source, sheet):
            yield sheet, extent, rows


def _check_streamable(name: str, members: list[tuple[str, str]],
                      extents: dict[str, Extent], shared: int) -> None:
    """Refuse a workbook that must be streamed but holds too much text to stream soon."""
    if shared <= STREAM_SHARED_BYTES:
        return
    sheet, extent = next(((s, extents[m]) for s, m in members if m in extents
                          and extents[m].rows * extents[m].columns > CALAMINE_CELLS),
                         ("?", Extent()))
    where = (f" loopt tot kolom {column_letters(extent.columns)}, rij "
             f"{dutch_number(extent.rows)} en" if extent.rows else "")
    raise ImportFileError(
        f"{name}: werkblad '{sheet}'{where} heeft meer dan {megabytes(STREAM_SHARED_BYTES)} "
        "tekst; verwijder de lege of verre cellen, of sla het op als CSV.")


def _calamine(source: BinaryIO) -> Any:
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        return False
    source.seek(0)
    return CalamineWorkbook.from_filelike(source)


def _streamed(source: BinaryIO, only: str | None) -> Iterator[tuple[str, Rows]]:
    """Rows with openpyxl's streaming reader; the claimed dimensions are forgotten, so a
    row is only as long as its last cell and no empty rows are added after the data."""
    from openpyxl import load_workbook

    source.seek(0)
    book = load_workbook(source, read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            if only is not None and sheet.title != only:
                continue
            sheet.reset_dimensions()
            yield sheet.title, sheet.iter_rows(values_only=True)
    finally:
        book.close()


def _read_sheet(rows: Iterator[Sequence[object]], name: str, sheet: str,
                extent: Extent) -> Table | None:
    head: list[list[str]] = []
    for values in rows:
        head.append([cell_text(v) for v in values[:MAX_COLUMNS + 1]])
        if len(head) >= HEADER_SCAN:
            break
    if not any(any(c.strip() for c in cells) for cells in head):
        return None
    index = find_header(head)
    header_cells = list(head[index])
    while header_cells and not header_cells[-1].strip():
        header_cells.pop()
    if len(header_cells) > MAX_COLUMNS:
        raise refusal(name, sheet, max(extent.rows, index + 1),
                      max(extent.columns, len(header_cells)))
    headers = name_headers(header_cells)
    width = len(headers)
    out: list[tuple[int, list[str]]] = []
    for number, cells in enumerate(head[index + 1:], start=index + 2):
        if any(c.strip() for c in cells):
            out.append((number, padded(cells[:width], width)))
    number = len(head)
    for values in rows:  # the hot loop of a large sheet: text cells need no conversion
        number += 1
        cells = [v if v.__class__ is str else cell_text(v) for v in values[:width]]
        if "".join(cells).strip():
            out.append((number, padded(cells, width)))
            if len(out) > MAX_ROWS:
                raise too_many_rows(name)
    return Table("xlsx", headers, out, header_row=index + 1)
