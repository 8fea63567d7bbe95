"""Write the overleg workbook to a file: via a temporary file beside it, then moved in."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

from dealmaker.export.workbook.writer import write_book
from dealmaker.services.workbook.build import build_book
from dealmaker.storage.workspace import Workspace

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def workbook_name(deal: str, year: int) -> str:
    """'Overleg <deal> <jaar>.xlsx', with characters no file system takes as '-'."""
    return f"Overleg {_UNSAFE.sub('-', deal).strip()} {year}.xlsx"


def write_overleg(ws: Workspace, deal_id: str, year: int, out: Path, *,
                  with_contacts: bool = False, today: date | None = None) -> Path:
    """Write the workbook to ``out``; a failure leaves ``out`` as it was. Reads only."""
    book = build_book(ws, deal_id, year, with_contacts=with_contacts, today=today)
    out = Path(out)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        write_book(book, tmp)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out
