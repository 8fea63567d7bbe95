"""a bijsturing names the programme goal or indicator it concerns

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05

Two nullable columns on ``adjustment``: ``goal_id`` and ``indicator_id``. Additive: no row
changes. (The level "governance" needs no change: levels are stored as VARCHAR(40).)
On SQLite the named foreign keys are added to the table's declared text (as 0006 does:
SQLite's documented procedure for adding a foreign key; the table is not copied).
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

_COLUMNS = (("goal_id", "programme_goal"), ("indicator_id", "indicator"))


def _sqlite(conn: sa.Connection) -> None:
    for column, _target in _COLUMNS:
        conn.exec_driver_sql(f"ALTER TABLE adjustment ADD COLUMN {column} BLOB")
    sql = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'adjustment'").scalar()
    body = str(sql).rstrip().removesuffix(")").rstrip()
    keys = "".join(f", \n\tCONSTRAINT fk_adjustment_{column}_{target} FOREIGN KEY({column}) "
                   f"REFERENCES {target} (id) DEFERRABLE INITIALLY IMMEDIATE"
                   for column, target in _COLUMNS)
    version = int(conn.exec_driver_sql("PRAGMA schema_version").scalar() or 0)
    conn.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        conn.exec_driver_sql("UPDATE sqlite_master SET sql = ? WHERE type = 'table' "
                             "AND name = 'adjustment'", (f"{body}{keys}\n)",))
        conn.exec_driver_sql(f"PRAGMA schema_version = {version + 1}")
    finally:
        conn.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        _sqlite(conn)
        return
    for column, target in _COLUMNS:
        op.add_column("adjustment", sa.Column(column, sa.Uuid(), nullable=True))
        op.create_foreign_key(f"fk_adjustment_{column}_{target}", "adjustment", target,
                              [column], ["id"], deferrable=True, initially="IMMEDIATE")


def downgrade() -> None:
    with op.batch_alter_table("adjustment") as batch:
        for column, _target in _COLUMNS:
            batch.drop_column(column)
