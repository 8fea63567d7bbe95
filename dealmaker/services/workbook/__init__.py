"""The Rijk-regio overleg workbook of a deal (Qt-free; the CLI and the window call it)."""

from dealmaker.services.workbook.build import build_book
from dealmaker.services.workbook.write import (
    WorkbookStep,
    overleg_steps,
    workbook_name,
    write_overleg,
)

__all__ = ["WorkbookStep", "build_book", "overleg_steps", "workbook_name", "write_overleg"]
