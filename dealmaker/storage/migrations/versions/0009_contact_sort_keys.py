"""sort keys of the Contacten list (person.sort_name, sort_organisation, sort_function)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

Sorting 50,000 persons on organisation or function looked up each person's current
position (~120 ms); the keys are now columns with an index each (name as tie-break),
like the name. Dutch order: case- and accent-insensitive, "de Vries" under V. Additive:
three nullable columns and three indexes (schema 9); ``storage.migrate.upgrade_to_head`` fills them
by today's rule once the schema is at head (as it does the search index).
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

_COLUMNS = ("sort_name", "sort_organisation", "sort_function")


def upgrade() -> None:
    for name in _COLUMNS:
        op.add_column("person", sa.Column(name, sa.String(length=300), nullable=True))
    op.create_index("ix_person_sort_name", "person", ["sort_name", "id"])
    op.create_index("ix_person_sort_organisation", "person",
                    ["sort_organisation", "sort_name", "id"])
    op.create_index("ix_person_sort_function", "person",
                    ["sort_function", "sort_name", "id"])


def downgrade() -> None:
    for name in ("ix_person_sort_function", "ix_person_sort_organisation",
                 "ix_person_sort_name"):
        op.drop_index(name, table_name="person")
    for name in reversed(_COLUMNS):
        op.drop_column("person", name)
