"""no old bytes in free space: every write zeroes what it frees (secure_delete)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

No table changes. From schema 8 on, every connection to a workspace runs with
``PRAGMA secure_delete = ON``, so a deleted or overwritten value leaves zeros behind, not
its old bytes. A file older than 8 may still hold old bytes in free space; the upgrade to
8 therefore ends with a VACUUM (``storage.migrate``), which writes a fresh file. From then
on "Vergeten" no longer needs a VACUUM of the whole file (seconds instead of a minute on
a large workspace): the rows it rewrites free their old bytes as zeros.
"""


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
