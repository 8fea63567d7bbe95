"""Write the overleg workbook to a file: via a temporary file beside it, then moved in."""

from __future__ import annotations

import os
import re
from collections.abc import Generator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dealmaker.export.workbook.model import Book
from dealmaker.export.workbook.writer import write_book_steps
from dealmaker.services.workbook.build import build_book
from dealmaker.services.workbook.portfolio import portfolio_steps
from dealmaker.storage.workspace import Workspace

#: progress steps for writing: one per sheet (at most) and saving
WRITE_STEPS = 12
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class WorkbookStep:
    done: int
    total: int
    label: str


def workbook_name(deal: str, year: int) -> str:
    """'Overleg <deal> <jaar>.xlsx', with characters no file system takes as '-'."""
    return f"Overleg {_UNSAFE.sub('-', deal).strip()} {year}.xlsx"


def overleg_steps(ws: Workspace, deal_id: str | None, year: int, out: Path, *,
                  with_contacts: bool = False, today: date | None = None
                  ) -> Generator[WorkbookStep, None, Path]:
    """Read, write to a temporary file, move it to ``out``; closing the generator (cancel)
    or a failure leaves ``out`` as it was. ``deal_id`` None: the portfolio of all deals.
    Reads only: the workspace never changes."""
    out = Path(out)
    if not out.parent.is_dir():
        raise FileNotFoundError(f"De map {out.parent} bestaat niet; er is niets geschreven.")
    if deal_id is None:
        parts = portfolio_steps(ws, year, with_contacts=with_contacts, today=today)
        while True:
            try:
                done, total, name = next(parts)
            except StopIteration as stop:
                book: Book = stop.value
                break
            yield WorkbookStep(done, total + WRITE_STEPS, f"{name} lezen…")
        start = total = len(book.tables[0].rows)
    else:
        yield WorkbookStep(0, 1 + WRITE_STEPS, "Gegevens van de deal lezen…")
        book = build_book(ws, deal_id, year, with_contacts=with_contacts, today=today)
        start = total = 1
    total += WRITE_STEPS
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        for n, sheet in enumerate(write_book_steps(book, tmp)):
            yield WorkbookStep(min(start + n, total - 1), total, f"{sheet} schrijven…")
        os.chmod(tmp, 0o600)  # names of people (owners, contacts): the user's alone
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def write_overleg(ws: Workspace, deal_id: str | None, year: int, out: Path, *,
                  with_contacts: bool = False, today: date | None = None) -> Path:
    """Write the workbook to ``out``; a failure leaves ``out`` as it was. Reads only."""
    steps = overleg_steps(ws, deal_id, year, out, with_contacts=with_contacts, today=today)
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            result: Path = stop.value
            return result
