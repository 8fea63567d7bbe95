"""Bulk writes of a pull at driver level: no statement compiled or parameter dict built
per row (10,000 pulled field changes are 10,000 rows). Each value is put in the file's
form by its column type's own bind processor, as SQLAlchemy would; other databases than
SQLite take the ordinary SQLAlchemy path."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, update

from dealmaker.services.sync.payload import CHANGE_COLUMNS
from dealmaker.storage.models import Base
from dealmaker.storage.types import uuid_text

_CHANGE = Base.metadata.tables["change"]
_INSERT_CHANGES = (f"INSERT INTO change ({', '.join(CHANGE_COLUMNS)}) "
                   f"VALUES ({', '.join('?' * len(CHANGE_COLUMNS))})")


def insert_changes(conn: Connection, rows: list[tuple[Any, ...]]) -> None:
    """Journal ``change`` rows given as ``LogEntry.change_rows`` makes them."""
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(_INSERT_CHANGES, rows)
        return
    ids = {"id", "operation_id", "entity_id"}
    conn.execute(insert(_CHANGE), [
        {k: uuid_text(v) if k in ids else v for k, v in zip(CHANGE_COLUMNS, r, strict=True)}
        for r in rows])


def _processor(conn: Connection, table: Table, name: str) -> Callable[[Any], Any]:
    proc = table.c[name].type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
    return proc if proc is not None else (lambda v: v)


def update_fields(conn: Connection, table: Table, names: tuple[str, ...],
                  rows: list[tuple[str, tuple[Any, ...]]], at: datetime) -> None:
    """``UPDATE table SET names..., updated_at WHERE id`` for each (id, values) row."""
    if conn.dialect.name != "sqlite":
        conn.execute(update(table).where(table.c.id == bindparam("_id")).values(
            {n: bindparam(f"v_{n}") for n in names} | {"updated_at": at}),
            [{"_id": i} | {f"v_{n}": v for n, v in zip(names, vals, strict=True)}
             for i, vals in rows])
        return
    procs = [_processor(conn, table, n) for n in names]
    stamp = _processor(conn, table, "updated_at")(at)
    key = _processor(conn, table, "id")
    sets = ", ".join(f'"{n}" = ?' for n in names)
    conn.exec_driver_sql(
        f'UPDATE "{table.name}" SET {sets}, updated_at = ? WHERE id = ?',
        [(*(p(v) for p, v in zip(procs, vals, strict=True)), stamp, key(i)) for i, vals in rows])
