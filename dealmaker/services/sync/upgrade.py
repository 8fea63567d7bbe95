"""Bringing shared workspaces up to this program's schema (run by ``server-init``).

When the program's schema moves on (a later migration adds a table or a column), the
shared workspaces on a server still have the tables they were made with, and copies at
the new version are refused ("laat de beheerder de server bijwerken"). ``server-init``
of the new version upgrades every registered workspace, additively and idempotently:
tables the models have and the workspace lacks are created; missing columns are added
(with their foreign keys and indexes), the rows already there filled with the model's
default and the column made NOT NULL when that leaves no empty cell; then the
register's ``schema_version`` is raised so copies at this version sync again and copies
still at the older one are told to update, in one Dutch line. Nothing is dropped or
rewritten; a workspace at a newer version than this program is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Column, Connection, Table, func, select, text, update
from sqlalchemy.schema import AddConstraint

from dealmaker.services.sync.tables import shared_tables
from dealmaker.storage.migrate import SCHEMA_VERSION
from dealmaker.storage.models import Base


@dataclass
class Upgraded:
    workspace: str
    old_version: int
    tables: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)


def _existing(conn: Connection, schema: str) -> tuple[set[str], set[tuple[str, str]]]:
    tables = set(conn.execute(text(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = :s"),
        {"s": schema}).scalars())
    columns = {(r[0], r[1]) for r in conn.execute(text(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = :s"), {"s": schema})}
    return tables, columns


def _add_column(conn: Connection, on: Connection, schema: str, table: Table,
                col: Column[object]) -> None:
    prep = conn.dialect.identifier_preparer
    spec = f"{prep.quote(col.name)} {col.type.compile(dialect=conn.dialect)}"
    server = getattr(col.server_default, "arg", None)
    if isinstance(server, str):
        spec += " DEFAULT '" + server.replace("'", "''") + "'"
    elif server is not None and hasattr(server, "text"):
        spec += f" DEFAULT {server.text}"
    conn.exec_driver_sql(f"ALTER TABLE {prep.quote(schema)}.{prep.quote(table.name)} "
                         f"ADD COLUMN {spec}")
    if col.default is not None and col.default.is_scalar:
        value = getattr(col.default, "arg", None)
        on.execute(update(table).where(col.is_(None)).values({col.key: value}))
    empty = on.execute(select(func.count()).select_from(table).where(col.is_(None))).scalar()
    if not col.nullable and not empty:
        conn.exec_driver_sql(f"ALTER TABLE {prep.quote(schema)}.{prep.quote(table.name)} "
                             f"ALTER COLUMN {prep.quote(col.name)} SET NOT NULL")
    for fk in table.foreign_key_constraints:
        if col.name in fk.column_keys:
            on.execute(AddConstraint(fk))
    for index in table.indexes:
        if col.name in {c.name for c in index.columns}:
            index.create(on)


def upgrade_workspace(conn: Connection, name: str, schema: str, group: str,
                      version: int) -> Upgraded | None:
    """Upgrade one workspace schema to ``SCHEMA_VERSION``; None when there was nothing to
    do (already at it, or newer)."""
    if version >= SCHEMA_VERSION:
        return None
    done = Upgraded(name, version)
    on = conn.execution_options(schema_translate_map={None: schema})
    tables, columns = _existing(conn, schema)
    missing = [t for t in shared_tables() if t.name not in tables]
    if missing:
        Base.metadata.create_all(on, tables=missing)
        done.tables = [t.name for t in missing]
    for table in shared_tables():
        if table in missing:
            continue
        for col in table.columns:
            if (table.name, col.name) not in columns:
                _add_column(conn, on, schema, table, col)
                done.columns.append(f"{table.name}.{col.name}")
    conn.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {group}")
    conn.execute(text("UPDATE dealmaker.workspace SET schema_version = :v WHERE name = :n"),
                 {"v": SCHEMA_VERSION, "n": name})
    return done


def upgrade_all(conn: Connection) -> list[Upgraded]:
    """Every registered workspace below this program's schema version, upgraded."""
    rows = conn.execute(text("SELECT name, schema_name, member_role, schema_version "
                             "FROM dealmaker.workspace ORDER BY name")).all()
    return [done for r in rows if (done := upgrade_workspace(conn, *r)) is not None]
