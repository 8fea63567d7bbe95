"""The preview of an import: read, map, check and find duplicates, writing nothing."""

from __future__ import annotations

from pathlib import Path

from dealmaker.services.importing.compare import attach_matches
from dealmaker.services.importing.duplicates import find_duplicates, load_existing
from dealmaker.services.importing.mapping import NAME_FIELDS, guess_mapping
from dealmaker.services.importing.model import ACTIONS, Action, ImportPlan, Problem
from dealmaker.services.importing.reading import read_table
from dealmaker.services.importing.rows import map_rows
from dealmaker.storage.workspace import Workspace

NO_NAME_COLUMN = ("geen kolom voor de naam gevonden (verwacht bijvoorbeeld Voornaam en "
                  "Achternaam, First Name en Last Name, of Naam)")


def plan_import(ws: Workspace, path: Path | str, mapping: dict[str, str | None] | None = None,
                on_duplicate: Action = "merge") -> ImportPlan:
    """Read ``path`` (.csv/.txt, .xlsx, .vcf) and propose what importing it would do.

    ``mapping`` (column header -> field of :data:`FIELDS`, or ``None`` to ignore the
    column) overrides the recognised one; headers it leaves out are ignored.
    ``on_duplicate`` is the action proposed for rows that have duplicate candidates:
    by default "merge" (Aanvullen: add what is new, overwrite nothing). A row that
    matched an existing contact carries it in ``row.match`` with the fields that differ.
    Raises :class:`ImportFileError` when the file cannot be read at all; a file without a
    name column gives a plan with ``file_problems`` (so the mapping can be corrected).
    """
    if on_duplicate not in ACTIONS:
        raise ValueError(f"onbekende actie bij dubbelen: {on_duplicate}")
    path = Path(path)
    table = read_table(path)
    if mapping is None:
        used = table.mapping if table.mapping is not None else guess_mapping(table.headers)
    else:
        used = {header: mapping.get(header) for header in table.headers}
    file_problems: list[Problem] = []
    if not any(field in used.values() for field in NAME_FIELDS):
        file_problems.append(Problem(table.header_row, "", NO_NAME_COLUMN))
    elif not table.rows:
        file_problems.append(Problem(table.header_row, "", "geen contacten gevonden"))
    rows = map_rows(table, used)
    with ws.read() as session:
        existing = load_existing(session)
        find_duplicates(rows, existing, on_duplicate)
        attach_matches(session, rows)
    return ImportPlan(path=path, kind=table.kind, headers=table.headers, mapping=used,
                      rows=rows, file_problems=file_problems, encoding=table.encoding,
                      separator=table.separator)
