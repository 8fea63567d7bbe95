"""compact storage: 16-byte ids, integer timestamps, scaled decimals, fewer indexes

Every table is rebuilt in the new form; the values seen by Python are unchanged:
- ids (every ``VARCHAR(36)`` column) become the 16 bytes of the UUID (``BLOB``);
- timestamps (``VARCHAR(32)`` columns named ``at`` or ``*_at``) become ``BIGINT``
  microseconds since 1970-01-01 UTC;
- the exact decimals of indicators and measurements become ``BIGINT`` millionths, so
  they sort and aggregate as numbers (text made ``MAX`` return '999' over 8247);
- the ``updated_at`` index is kept only on tables whose newest rows are listed.
Each table is copied with its rowids (the search index is keyed on person rowids), then the
old one dropped and the new one renamed; children are dropped before their parents, so
dropping a parent never finds a row pointing at it. Works on the DDL SQLite holds, so it
carries whatever earlier migrations made. SQLite only; a PostgreSQL workspace is created
in the new form directly.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""
from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from decimal import Decimal

from alembic import op
from sqlalchemy import Connection

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

DECIMALS = {("indicator", "baseline_value"), ("indicator", "target_value"),
            ("measurement", "value")}
#: tables whose "recently changed" lists read ``updated_at`` (services.overview, quickfind)
RECENT = {"person", "organisation", "deal", "commitment", "pledge", "indicator", "meeting",
          "relation"}
#: indexes replaced by another: (person_id, interaction_id) covered no query (all of them
#: also read deleted_at from the row); the plain person_id index is 20 MB smaller
REPLACED = {"ix_participant_person_interaction": (
    "CREATE INDEX ix_interaction_participant_person_id ON interaction_participant (person_id)")}
_SCALE = 6
_ISO = ("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]."
        "[0-9][0-9][0-9][0-9][0-9][0-9]+00:00")


def _uuid_blob(value: object) -> bytes | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        if len(value) != 16:
            raise ValueError(value)
        return value
    text = str(value)
    raw = bytes.fromhex(text.replace("-", ""))
    if len(raw) != 16 or len(text) != 36:
        raise ValueError(text)
    return raw


def _micros(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, int):
        return value
    moment = datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    delta = moment - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _scaled(value: object) -> int | None:
    if value is None:
        return None
    units = Decimal(str(value)).scaleb(_SCALE)
    if units != units.to_integral_value():
        raise ValueError(f"meer dan {_SCALE} decimalen: {value}")
    return int(units)


def _timestamp(col: str) -> str:
    """ISO text to microseconds in SQL for the canonical form, in Python otherwise."""
    return (f'CASE WHEN "{col}" IS NULL THEN NULL WHEN "{col}" GLOB \'{_ISO}\' THEN '
            f'CAST(strftime(\'%s\', substr("{col}", 1, 19)) AS INTEGER) * 1000000 + '
            f'CAST(substr("{col}", 21, 6) AS INTEGER) ELSE dm_micros("{col}") END')


def _plan(conn: Connection, table: str) -> tuple[str, list[str], list[str]]:
    """(new CREATE TABLE sql, column names, SELECT expressions) for one table."""
    sql = str(conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).scalar())
    names, exprs = [], []
    for _cid, name, kind, *_rest in conn.exec_driver_sql(f'PRAGMA table_info("{table}")'):
        kind = str(kind).upper()
        col = re.escape(name)
        pattern = re.compile(rf'(^|[\s(,])("?{col}"?)\s+{re.escape(kind)}(?=[\s,)])',
                             re.IGNORECASE)
        new_kind, expr = kind, f'"{name}"'
        if kind == "VARCHAR(36)":
            new_kind, expr = "BLOB", f'dm_uuid_blob("{name}")'
        elif kind == "VARCHAR(32)" and (name == "at" or name.endswith("_at")):
            new_kind, expr = "BIGINT", _timestamp(name)
        elif (table, name) in DECIMALS:
            new_kind, expr = "BIGINT", f'dm_scaled("{name}")'
        if new_kind != kind:
            sql, count = pattern.subn(rf"\1\2 {new_kind}", sql, count=1)
            if count != 1:
                raise RuntimeError(f"kolom {table}.{name} niet gevonden in het schema")
        names.append(name)
        exprs.append(expr)
    head = re.compile(rf'^CREATE TABLE\s+"?{re.escape(table)}"?\s*\(', re.IGNORECASE)
    sql, count = head.subn(f'CREATE TABLE "_compact_{table}" (', sql, count=1)
    if count != 1:
        raise RuntimeError(f"tabel {table} niet herkend")
    return sql, names, exprs


def _tables_children_first(conn: Connection, tables: list[str]) -> list[str]:
    """Tables ordered so that a table comes before every table it references."""
    refs = {t: {str(r[2]) for r in conn.exec_driver_sql(f'PRAGMA foreign_key_list("{t}")')}
            for t in tables}
    ordered: list[str] = []
    placed: set[str] = set()
    while len(ordered) < len(tables):
        ready = [t for t in tables if t not in placed
                 and not any(t in refs[o] for o in tables if o not in placed and o != t)]
        if not ready:
            raise RuntimeError("kringverwijzing tussen tabellen")
        ordered.extend(sorted(ready))
        placed.update(ready)
    return ordered


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    raw.create_function("dm_uuid_blob", 1, _uuid_blob, deterministic=True)
    raw.create_function("dm_micros", 1, _micros, deterministic=True)
    raw.create_function("dm_scaled", 1, _scaled, deterministic=True)
    if conn.exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError("migratie 0004 vraagt foreign_keys uit (storage.migrate)")
    tables = [str(r[0]) for r in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE TABLE%' "
        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'person_search%' "
        "AND name != 'alembic_version' ORDER BY name")]
    indexes = [(str(n), str(t), str(s)) for n, t, s in conn.exec_driver_sql(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' "
        "AND sql IS NOT NULL ORDER BY name")]
    for name, _table, _sql in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    for table in tables:
        sql, names, exprs = _plan(conn, table)
        conn.exec_driver_sql(sql)
        columns = ", ".join(f'"{n}"' for n in names)
        conn.exec_driver_sql(
            f'INSERT INTO "_compact_{table}" (rowid, {columns}) '
            f'SELECT rowid, {", ".join(exprs)} FROM "{table}" ORDER BY rowid')
    for name, table, sql in indexes:  # built once per table, from rows already in place
        if name == f"ix_{table}_updated_at" and table not in RECENT:
            continue
        sql = REPLACED.get(name, sql)
        on = re.compile(rf'\sON\s+"?{re.escape(table)}"?\s*\(', re.IGNORECASE)
        sql, count = on.subn(f' ON "_compact_{table}" (', sql, count=1)
        if count != 1:
            raise RuntimeError(f"index {name} niet herkend")
        conn.exec_driver_sql(sql)
    for table in _tables_children_first(conn, tables):
        conn.exec_driver_sql(f'DROP TABLE "{table}"')
    for table in tables:
        conn.exec_driver_sql(f'ALTER TABLE "_compact_{table}" RENAME TO "{table}"')
    # The search index is refilled after the last migration (storage.migrate).


def downgrade() -> None:
    raise NotImplementedError("een werkruimte gaat niet terug naar tekstsleutels")
