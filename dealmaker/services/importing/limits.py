"""How much an import file may hold, and opening it so that it cannot hang or flood us.

A contacts file is read within fixed bounds whatever it claims: a named pipe, a device
(``/dev/zero``) or a folder is refused before a byte is read (``stat`` first, then an
``O_NONBLOCK`` open so that a pipe without a writer cannot block, then ``fstat`` of what
was really opened); a file larger than its kind allows is refused by its size; the
readers stop at :data:`MAX_ROWS` rows and :data:`MAX_COLUMNS` columns.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from dealmaker.services.importing.model import ImportFileError

MB = 1 << 20
#: Rows of contacts in one file (an import is one transaction and one preview).
MAX_ROWS = 100_000
#: Columns up to the last header; cells further right are ignored, never allocated.
MAX_COLUMNS = 200
#: A CSV or text file: 100,000 rows of generous contacts fit ten times over.
MAX_TEXT_BYTES = 50 * MB
#: A vCard file: photos make them large, but they are skipped while reading.
MAX_VCARD_BYTES = 512 * MB
#: An .xlsx (compressed) file.
MAX_XLSX_BYTES = 50 * MB
#: One line of text; a longer one is not a contact list.
MAX_LINE_CHARS = 1 * MB


def dutch_number(n: int) -> str:
    """1048576 -> '1.048.576'."""
    return f"{n:,}".replace(",", ".")


def megabytes(n: int) -> str:
    return f"{n / MB:.0f} MB" if n >= 10 * MB else f"{n / MB:.1f} MB".replace(".", ",")


def open_source(path: Path) -> tuple[BinaryIO, int]:
    """The file opened for reading with its size; ``ImportFileError`` when it is missing,
    unreadable or not a regular file (pipe, device, socket, folder)."""
    try:
        _refuse_irregular(path, os.stat(path).st_mode)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise ImportFileError(f"{path.name}: het bestand bestaat niet ({path}).") from None
    except OSError as exc:
        raise ImportFileError(
            f"{path.name}: kan het bestand niet lezen ({exc.strerror or exc}).") from None
    try:
        info = os.fstat(fd)  # what was opened, not what the name pointed to a moment ago
        _refuse_irregular(path, info.st_mode)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # a regular file: ordinary reads from here on
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb"), info.st_size


def _refuse_irregular(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise ImportFileError(f"{path.name}: is een map, geen bestand.")
    if not stat.S_ISREG(mode):
        raise ImportFileError(f"{path.name}: geen gewoon bestand (een apparaat, pipe of "
                              "socket); kies een .csv-, .xlsx- of .vcf-bestand.")


def check_size(name: str, size: int, limit: int, kind: str) -> None:
    """Refuse a file larger than ``limit`` bytes for its ``kind`` ('CSV-bestand'...)."""
    if size > limit:
        raise ImportFileError(
            f"{name}: het bestand is {megabytes(size)}, groter dan {megabytes(limit)} voor "
            f"een {kind}; splits het in kleinere bestanden.")


def too_many_rows(name: str) -> ImportFileError:
    return ImportFileError(f"{name}: meer dan {dutch_number(MAX_ROWS)} rijen; splits het "
                           "bestand in kleinere bestanden.")
