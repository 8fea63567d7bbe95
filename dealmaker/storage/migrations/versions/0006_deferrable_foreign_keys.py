"""every foreign key DEFERRABLE INITIALLY IMMEDIATE (SET CONSTRAINTS ALL DEFERRED works)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04

The models declare every foreign key ``DEFERRABLE INITIALLY IMMEDIATE``: checked per
statement as before, but a unit of work may defer them to commit (an undo that removes
and restores rows in any order, a replay, a sync). On PostgreSQL ``SET CONSTRAINTS ALL
DEFERRED`` only affects deferrable constraints, so there each key is altered. On SQLite
(where ``PRAGMA defer_foreign_keys`` defers every key anyway) only the declared text
changes: the CREATE TABLE statements are rewritten in the schema table, SQLite's
documented procedure for changes that leave the stored rows as they are; no table is
copied (the large demo would take a minute).
"""
import re

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_REFERENCES = re.compile(r'(REFERENCES\s+"?\w+"?\s*\(\s*"?\w+"?\s*\))(?!\s*DEFERRABLE)',
                         re.IGNORECASE)
_DEFERRABLE = re.compile(r'(REFERENCES\s+"?\w+"?\s*\(\s*"?\w+"?\s*\))\s*DEFERRABLE '
                         r'INITIALLY IMMEDIATE', re.IGNORECASE)


def _rewrite_sqlite(conn: sa.Connection, change: "re.Pattern[str]", to: str) -> None:
    rows = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
        "AND sql LIKE '%REFERENCES%'").all()
    version = int(conn.exec_driver_sql("PRAGMA schema_version").scalar() or 0)
    conn.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        for name, sql in rows:
            new = change.sub(to, sql)
            if new != sql:
                conn.exec_driver_sql(
                    "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
                    (new, name))
        conn.exec_driver_sql(f"PRAGMA schema_version = {version + 1}")
    finally:
        conn.exec_driver_sql("PRAGMA writable_schema = OFF")


def _alter_postgresql(conn: sa.Connection, clause: str) -> None:
    inspector = sa.inspect(conn)
    for table in inspector.get_table_names():
        for fk in inspector.get_foreign_keys(table):
            if fk.get("name"):
                op.execute(f'ALTER TABLE "{table}" ALTER CONSTRAINT "{fk["name"]}" {clause}')


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        _rewrite_sqlite(conn, _REFERENCES, r"\1 DEFERRABLE INITIALLY IMMEDIATE")
    else:
        _alter_postgresql(conn, "DEFERRABLE INITIALLY IMMEDIATE")


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        _rewrite_sqlite(conn, _DEFERRABLE, r"\1")
    else:
        _alter_postgresql(conn, "NOT DEFERRABLE")
