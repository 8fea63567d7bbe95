"""a meeting's agenda, and the meeting where a commitment was made

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05

``meeting.agenda`` (text, empty by default) beside its decisions; ``commitment.meeting_id``
(nullable, indexed) says in which overleg a commitment was made, e.g. when a decision of
that meeting became the commitment. Both additive: no stored row changes.
"""
from alembic import op
import sqlalchemy as sa

from dealmaker.storage.types import UUIDKey


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meeting") as batch_op:
        batch_op.add_column(sa.Column("agenda", sa.Text(), nullable=False,
                                      server_default=sa.text("''")))
    with op.batch_alter_table("commitment") as batch_op:
        batch_op.add_column(sa.Column("meeting_id", UUIDKey(), nullable=True))
        batch_op.create_index("ix_commitment_meeting_id", ["meeting_id"], unique=False)
        batch_op.create_foreign_key("fk_commitment_meeting_id_meeting", "meeting",
                                    ["meeting_id"], ["id"], deferrable=True,
                                    initially="IMMEDIATE")


def downgrade() -> None:
    with op.batch_alter_table("commitment") as batch_op:
        batch_op.drop_constraint("fk_commitment_meeting_id_meeting", type_="foreignkey")
        batch_op.drop_index("ix_commitment_meeting_id")
        batch_op.drop_column("meeting_id")
    with op.batch_alter_table("meeting") as batch_op:
        batch_op.drop_column("agenda")
