"""who follows a contact moment up: interaction.follow_up_owner_id

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05

A follow-up can be handed to a colleague ("Toewijzen aan…" on Opvolgen): the person who
does it. Nullable (nobody named: the dealmaker who logged it), indexed for the "Door"
filter, a deferrable key to ``person`` like every other. Additive: no stored row changes.
"""
from alembic import op
import sqlalchemy as sa

from dealmaker.storage.types import UUIDKey


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interaction") as batch_op:
        batch_op.add_column(sa.Column("follow_up_owner_id", UUIDKey(), nullable=True))
        batch_op.create_index("ix_interaction_follow_up_owner_id", ["follow_up_owner_id"],
                              unique=False)
        batch_op.create_foreign_key("fk_interaction_follow_up_owner_id_person", "person",
                                    ["follow_up_owner_id"], ["id"], deferrable=True,
                                    initially="IMMEDIATE")


def downgrade() -> None:
    with op.batch_alter_table("interaction") as batch_op:
        batch_op.drop_constraint("fk_interaction_follow_up_owner_id_person",
                                 type_="foreignkey")
        batch_op.drop_index("ix_interaction_follow_up_owner_id")
        batch_op.drop_column("follow_up_owner_id")
