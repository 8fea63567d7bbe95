"""Joining: the server's rows into the new workspace file, fast.

The server hands each value over already in the form the file keeps (ids as their 16
bytes, timestamps as microseconds, decimals as scaled integers, dates as 'jjjj-mm-dd'
text), read through a server-side cursor in the server's own order (an ORDER BY made
it three times slower), so the rows go into the file with one executemany per chunk and
no Python work per value (2.4 million rows: 36 s instead of 85 s on the typed path,
which spent most of its time turning ids into text and back). A column of a type
not known here makes its table take the typed path (the models, as SQLAlchemy does).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Integer,
    String,
    Table,
    Text,
    select,
)
from sqlalchemy import Enum as SAEnum

from dealmaker.storage.models.base import OpenEnum
from dealmaker.storage.types import DECIMAL_SCALE, ExactDecimal, JSONList, UTCDateTime, UUIDKey

CHUNK = 5000
Progress = Callable[[int, int, str], None]


def _stored(col: Column[Any]) -> str | None:
    """SQL giving ``col``'s value as the workspace file stores it, or None if unknown."""
    name, kind = f'"{col.name}"', col.type
    if isinstance(kind, UUIDKey):
        return f"uuid_send({name})"
    if isinstance(kind, UTCDateTime):
        return f"(extract(epoch FROM {name}) * 1000000)::bigint"
    if isinstance(kind, ExactDecimal):
        return f"({name} * {10 ** DECIMAL_SCALE})::bigint"
    if isinstance(kind, JSONList):
        return f"coalesce({name}, '[]')"
    if isinstance(kind, Date) and not isinstance(kind, DateTime):
        return f"to_char({name}, 'YYYY-MM-DD')"
    if type(kind) in (Integer, BigInteger, Boolean, String, Text, SAEnum, OpenEnum):
        return name
    return None


def _typed(local: Connection, remote: Connection, schema: str, table: Table,
           done: Callable[[int], None]) -> int:
    cols = list(table.columns)
    procs = [c.type.dialect_impl(local.dialect).bind_processor(local.dialect) for c in cols]
    on = remote.execution_options(schema_translate_map={None: schema}, yield_per=CHUNK)
    count = 0
    for part in on.execute(select(*cols)).partitions(CHUNK):
        local.exec_driver_sql(_insert_sql(table), [
            tuple(v if p is None else p(v) for p, v in zip(procs, r, strict=True))
            for r in part])
        count += len(part)
        done(len(part))
    return count


def _insert_sql(table: Table) -> str:
    names = ", ".join(f'"{c.name}"' for c in table.columns)
    return f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" * len(table.c))})'


def download(local: Connection, remote: Connection, schema: str, table: Table,
             done: Callable[[int], None]) -> int:
    """Copy ``table`` from the server schema into the new file; ``done(n)`` per chunk."""
    exprs = [_stored(c) for c in table.columns]
    if local.dialect.name != "sqlite" or any(e is None for e in exprs):
        return _typed(local, remote, schema, table, done)
    raw = remote.connection.driver_connection
    assert raw is not None
    count = 0
    with raw.cursor(name=f"dm_join_{table.name}") as cur:
        cur.itersize = CHUNK
        cur.execute(f'SELECT {", ".join(str(e) for e in exprs)} '
                    f'FROM {schema}."{table.name}"')
        while rows := cur.fetchmany(CHUNK):
            local.exec_driver_sql(_insert_sql(table), rows)
            count += len(rows)
            done(len(rows))
    return count
