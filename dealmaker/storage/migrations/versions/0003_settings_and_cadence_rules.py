"""workspace settings and keep-in-touch cadence rules

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def _entity_columns() -> list[sa.Column]:
    return [
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('created_at', sa.String(length=32), nullable=False),
        sa.Column('updated_at', sa.String(length=32), nullable=False),
        sa.Column('deleted_at', sa.String(length=32), nullable=True),
    ]


def upgrade() -> None:
    op.create_table('workspace_setting',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    *_entity_columns(),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workspace_setting')),
    sa.UniqueConstraint('key', name=op.f('uq_workspace_setting_key'))
    )
    with op.batch_alter_table('workspace_setting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workspace_setting_updated_at'), ['updated_at'], unique=False)

    op.create_table('cadence_rule',
    sa.Column('tag_id', sa.String(length=36), nullable=True),
    sa.Column('title_contains', sa.String(length=100), nullable=True),
    sa.Column('days', sa.Integer(), nullable=False),
    *_entity_columns(),
    sa.CheckConstraint('days > 0', name=op.f('ck_cadence_rule_days_positive')),
    sa.CheckConstraint('(tag_id IS NULL) <> (title_contains IS NULL)', name=op.f('ck_cadence_rule_one_match')),
    sa.ForeignKeyConstraint(['tag_id'], ['tag.id'], name=op.f('fk_cadence_rule_tag_id_tag')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cadence_rule'))
    )
    with op.batch_alter_table('cadence_rule', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cadence_rule_tag_id'), ['tag_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cadence_rule_updated_at'), ['updated_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('cadence_rule', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cadence_rule_updated_at'))
        batch_op.drop_index(batch_op.f('ix_cadence_rule_tag_id'))
    op.drop_table('cadence_rule')
    with op.batch_alter_table('workspace_setting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_workspace_setting_updated_at'))
    op.drop_table('workspace_setting')
