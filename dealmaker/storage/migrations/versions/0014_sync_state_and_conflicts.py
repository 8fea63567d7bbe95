"""local team-sync bookkeeping: sync_state and sync_conflict

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05

Two local tables (not journalled, never synced): which shared workspace this copy
follows and how far it has pushed and pulled, and the values that lost a conflict.
Additive: no existing row changes.
"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('server', sa.String(length=500), nullable=False),
    sa.Column('workspace_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('workspace_name', sa.String(length=200), nullable=False),
    sa.Column('cursor', sa.BigInteger(), nullable=False),
    sa.Column('pushed_sequence', sa.Integer(), nullable=False),
    sa.Column('last_sync_at', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_state'))
    )
    op.create_table('sync_conflict',
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('entity', sa.String(length=60), nullable=False),
    sa.Column('entity_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=False),
    sa.Column('reason', sa.String(length=12), nullable=False),
    sa.Column('winner_value', sa.Text(), nullable=True),
    sa.Column('winner_author', sa.String(length=100), nullable=True),
    sa.Column('loser_value', sa.Text(), nullable=True),
    sa.Column('loser_author', sa.String(length=100), nullable=False),
    sa.Column('loser_at', sa.BigInteger(), nullable=False),
    sa.Column('server_sequence', sa.BigInteger(), nullable=False),
    sa.Column('found_at', sa.BigInteger(), nullable=False),
    sa.Column('resolved_at', sa.BigInteger(), nullable=True),
    sa.Column('resolution', sa.String(length=12), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict'))
    )
    op.create_index('ix_sync_conflict_entity', 'sync_conflict', ['entity', 'entity_id'])
    op.create_index(op.f('ix_sync_conflict_resolved_at'), 'sync_conflict', ['resolved_at'])


def downgrade() -> None:
    op.drop_table('sync_conflict')
    op.drop_table('sync_state')
