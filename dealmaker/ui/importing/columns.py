"""What the mapping step shows: the file's columns, a sample value each, the guess.

Qt-free; runs on the task runner. The file is read here for the mapping step and read
again by ``plan_import`` once the mapping is confirmed (the plan needs the mapping).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dealmaker.services.importing import guess_mapping
from dealmaker.services.importing.reading import read_table

#: rows searched for a non-empty sample value per column
SAMPLE_ROWS = 200
SAMPLE_LENGTH = 80


@dataclass(frozen=True)
class FileColumns:
    path: Path
    kind: str
    headers: list[str]
    #: per header, the first non-empty value (one line, shortened)
    samples: list[str]
    #: header -> target field (None: not imported), as recognised
    mapping: dict[str, str | None]
    rows: int


def _sample(rows: list[tuple[int, list[str]]], index: int) -> str:
    for _number, cells in rows[:SAMPLE_ROWS]:
        if index < len(cells) and cells[index].strip():
            text = " ".join(cells[index].split())
            return text if len(text) <= SAMPLE_LENGTH else text[:SAMPLE_LENGTH - 1] + "…"
    return ""


def read_columns(path: Path) -> FileColumns:
    """Headers, samples and recognised mapping; raises ``ImportFileError`` (Dutch)."""
    table = read_table(Path(path))
    mapping = table.mapping if table.mapping is not None else guess_mapping(table.headers)
    return FileColumns(Path(path), table.kind, list(table.headers),
                       [_sample(table.rows, i) for i in range(len(table.headers))],
                       {h: mapping.get(h) for h in table.headers}, len(table.rows))
