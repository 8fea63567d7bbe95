"""connectieplan edges (organisation to organisation, person or unit to opgave) and the
plan's local node positions

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05

Additive: three new tables, nothing existing changes. ``organisation_relation`` and
``opgave_link`` are journalled records like ``relation``; ``plan_position`` is local to
this copy (like ``local_device``): where the user dragged the nodes of a plan.
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

_ID = sa.LargeBinary(length=16)


def _fk(column: str, target: str, table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f'{target}.id'], name=op.f(f'fk_{table}_{column}_{target}'),
        deferrable=True, initially='IMMEDIATE')


def _entity_columns() -> list[sa.Column]:
    return [sa.Column('id', _ID, nullable=False),
            sa.Column('created_at', sa.BigInteger(), nullable=False),
            sa.Column('updated_at', sa.BigInteger(), nullable=False),
            sa.Column('deleted_at', sa.BigInteger(), nullable=True)]


def upgrade() -> None:
    op.create_table(
        'organisation_relation',
        sa.Column('source_organisation_id', _ID, nullable=False),
        sa.Column('target_organisation_id', _ID, nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('theme_id', _ID, nullable=True),
        sa.Column('strength', sa.Integer(), nullable=False),
        sa.Column('since', sa.Date(), nullable=True),
        sa.Column('until', sa.Date(), nullable=True),
        sa.Column('note', sa.Text(), nullable=False),
        *_entity_columns(),
        sa.CheckConstraint('strength BETWEEN 1 AND 5',
                           name=op.f('ck_organisation_relation_strength_range')),
        sa.CheckConstraint('source_organisation_id <> target_organisation_id',
                           name=op.f('ck_organisation_relation_two_ends')),
        _fk('source_organisation_id', 'organisation', 'organisation_relation'),
        _fk('target_organisation_id', 'organisation', 'organisation_relation'),
        _fk('theme_id', 'theme', 'organisation_relation'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation_relation')))
    op.create_index('ix_organisation_relation_source_organisation_id',
                    'organisation_relation', ['source_organisation_id'])
    op.create_index('ix_organisation_relation_target_organisation_id',
                    'organisation_relation', ['target_organisation_id'])
    op.create_table(
        'opgave_link',
        sa.Column('opgave_id', _ID, nullable=False),
        sa.Column('person_id', _ID, nullable=True),
        sa.Column('organisation_id', _ID, nullable=True),
        sa.Column('role', sa.String(length=40), nullable=False),
        sa.Column('strength', sa.Integer(), nullable=False),
        sa.Column('since', sa.Date(), nullable=True),
        sa.Column('until', sa.Date(), nullable=True),
        sa.Column('note', sa.Text(), nullable=False),
        *_entity_columns(),
        sa.CheckConstraint('strength BETWEEN 1 AND 5',
                           name=op.f('ck_opgave_link_strength_range')),
        sa.CheckConstraint('(person_id IS NULL) <> (organisation_id IS NULL)',
                           name=op.f('ck_opgave_link_one_end')),
        _fk('opgave_id', 'opgave', 'opgave_link'),
        _fk('person_id', 'person', 'opgave_link'),
        _fk('organisation_id', 'organisation', 'opgave_link'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_opgave_link')))
    for column in ('opgave_id', 'person_id', 'organisation_id'):
        op.create_index(f'ix_opgave_link_{column}', 'opgave_link', [column])
    op.create_table(
        'plan_position',
        sa.Column('id', _ID, nullable=False),
        sa.Column('plan', sa.String(length=40), nullable=False),
        sa.Column('layout', sa.String(length=20), nullable=False),
        sa.Column('node_id', _ID, nullable=False),
        sa.Column('x', sa.Float(), nullable=False),
        sa.Column('y', sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_position')),
        sa.UniqueConstraint('plan', 'layout', 'node_id', name=op.f('uq_plan_position_plan')))


def downgrade() -> None:
    op.drop_table('plan_position')
    op.drop_table('opgave_link')
    op.drop_table('organisation_relation')
