"""an explicit key for the person search index (person.search_key)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05

The FTS index was keyed on person's implicit rowid, which VACUUM (and a file copy row by
row, or another database) may renumber. ``person.search_key`` is an explicit integer
column, unique, that the index uses as its rowid. It starts equal to today's rowid, so
the index rows already carry the right keys and need no rebuild.
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("person", sa.Column("search_key", sa.Integer(), nullable=True))
    op.execute("UPDATE person SET search_key = rowid")
    op.create_index("ix_person_search_key", "person", ["search_key"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_person_search_key", table_name="person")
    op.drop_column("person", "search_key")
