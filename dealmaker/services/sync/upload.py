"""The first upload of one table, fast: SQLite writes the COPY text, PostgreSQL converts.

The workspace file's stored forms go to the server as they are (no Python value per
cell: 2.4 million rows took ~60 s through SQLAlchemy types and psycopg's row writer).
SQLite builds each row's line of COPY text (CSV) itself: ids as 32 hex digits, which
``uuid`` reads; text always quoted (so an empty text is not NULL, and a line break
or comma inside stays text); NULL as nothing at all. Timestamps and exact decimals stay their
stored integers in ``int8`` columns of the staging table, which
``dealmaker.publish_staged`` turns into ``timestamptz`` / ``numeric`` exactly
(``server_staged.py``). A stored value of an unexpected kind (an id that is not 16
bytes, text in a number column) is sent so that PostgreSQL refuses it: the publish
fails loudly, nothing is rounded or dropped. A table with a column type not known here
goes the typed way (SQLAlchemy read, bind processors, ``publish_copied``).

Reading the file and sending overlap: psycopg's queued writer sends from its own thread
while SQLite (which lets go of the GIL) builds the next lines.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from psycopg.copy import QueuedLibpqWriter
from sqlalchemy import Column, Connection, Table, select

from dealmaker.services.sync.stored import Form, stored_form

CHUNK = 5000
#: sent(n): ``n`` more rows of this table are on their way (may raise to cancel)
Sent = Callable[[int], None]

_QUOTED = """'"' || replace({0}, '"', '""') || '"'"""
_WHOLE = "CASE WHEN typeof({0}) = 'integer' THEN {0} ELSE '?' || {0} END"
_ID = "CASE WHEN typeof({0}) = 'blob' AND length({0}) = 16 THEN hex({0}) ELSE '?' || {0} END"


def _line_part(col: Column[Any]) -> tuple[str, bool] | None:
    """SQLite text of ``col``'s stored value for COPY, and whether it is staged as int8."""
    name, form = f'"{col.name}"', stored_form(col)
    if form is Form.ID:
        return _ID.format(name), False
    if form in (Form.MICROS, Form.SCALED):
        return _WHOLE.format(name), True
    if form is Form.JSON_LIST:
        return _QUOTED.format(f"coalesce({name}, '[]')"), False
    if form is Form.WHOLE:
        return _WHOLE.format(name), False
    if form in (Form.DATE, Form.TEXT):
        return _QUOTED.format(name), False
    return None


def staged_lines(table: Table, keys: list[str]) -> tuple[str, list[str]] | None:
    """(SQLite query giving one COPY line per row of ``keys``, the int8-staged columns),
    or None when a column's type has no stored-form rule here."""
    parts = [_line_part(table.c[k]) for k in keys]
    if any(p is None for p in parts):
        return None
    known = [p for p in parts if p is not None]
    cells = " || ',' || ".join(f"coalesce({sql}, '')" for sql, _ in known)
    whole = [k for k, (_sql, staged) in zip(keys, known, strict=True) if staged]
    return f'SELECT {cells} || char(10) FROM "{table.name}"', whole


def copy_staged(local: Connection, cur: Any, query: str, into: str, sent: Sent) -> None:
    """COPY the lines ``query`` gives (on the local file) into ``into`` (``COPY`` target)."""
    raw = local.connection.driver_connection
    assert raw is not None
    source = raw.cursor()
    try:
        source.execute(query)
        with cur.copy(f"COPY {into} FROM STDIN (FORMAT csv)",
                      writer=QueuedLibpqWriter(cur)) as copy:
            while rows := source.fetchmany(CHUNK):
                copy.write("".join([r[0] for r in rows]))
                sent(len(rows))
    finally:
        source.close()


def copy_typed(local: Connection, remote: Connection, cur: Any, table: Table, keys: list[str],
               into: str, sent: Sent) -> None:
    """The same through SQLAlchemy's types (any column type the models may have)."""
    cols = [table.c[k] for k in keys]
    procs = [c.type.dialect_impl(remote.dialect).bind_processor(remote.dialect) for c in cols]
    with cur.copy(f"COPY {into} FROM STDIN") as copy:
        result = local.execution_options(yield_per=CHUNK).execute(select(*cols))
        for part in result.partitions(CHUNK):
            for row in part:
                copy.write_row([v if p is None else p(v)
                                for p, v in zip(procs, row, strict=True)])
            sent(len(part))
