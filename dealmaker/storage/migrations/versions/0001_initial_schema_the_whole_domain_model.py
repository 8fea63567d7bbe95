"""initial schema: the whole domain model

Revision ID: 0001
Revises: 
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('operation',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('undone_at', sa.String(length=32), nullable=True),
    sa.Column('reverts_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['reverts_id'], ['operation.id'], name=op.f('fk_operation_reverts_id_operation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_operation'))
    )
    with op.batch_alter_table('operation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_operation_at'), ['at'], unique=False)

    op.create_table('organisation',
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('short_name', sa.String(length=60), nullable=True),
    sa.Column('aliases', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('side', sa.String(length=40), nullable=False),
    sa.Column('parent_id', sa.String(length=36), nullable=True),
    sa.Column('levensgemeenschap', sa.String(length=40), nullable=True),
    sa.Column('helix', sa.String(length=40), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('is_demo', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['parent_id'], ['organisation.id'], name=op.f('fk_organisation_parent_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation'))
    )
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisation_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_updated_at'), ['updated_at'], unique=False)

    op.create_table('person',
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('tussenvoegsel', sa.String(length=30), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('cadence_days', sa.Integer(), nullable=True),
    sa.Column('is_demo', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_email'), ['email'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_last_name'), ['last_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_updated_at'), ['updated_at'], unique=False)

    op.create_table('tag',
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tag')),
    sa.UniqueConstraint('name', name=op.f('uq_tag_name'))
    )
    with op.batch_alter_table('tag', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tag_updated_at'), ['updated_at'], unique=False)

    op.create_table('theme',
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('dimension', sa.String(length=40), nullable=True),
    sa.Column('parent_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['parent_id'], ['theme.id'], name=op.f('fk_theme_parent_id_theme')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theme'))
    )
    with op.batch_alter_table('theme', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_theme_updated_at'), ['updated_at'], unique=False)

    op.create_table('change',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('operation_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=60), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=True),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['operation_id'], ['operation.id'], name=op.f('fk_change_operation_id_operation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change'))
    )
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.create_index('ix_change_entity', ['entity', 'entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_change_operation_id'), ['operation_id'], unique=False)

    op.create_table('deal',
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('aliases', sa.Text(), nullable=False),
    sa.Column('tranche', sa.String(length=10), nullable=True),
    sa.Column('region_description', sa.Text(), nullable=False),
    sa.Column('instrument', sa.String(length=40), nullable=True),
    sa.Column('submitted_on', sa.Date(), nullable=True),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('requested_cents', sa.BigInteger(), nullable=True),
    sa.Column('granted_cents', sa.BigInteger(), nullable=True),
    sa.Column('dealmaker_id', sa.String(length=36), nullable=True),
    sa.Column('phase', sa.String(length=40), nullable=False),
    sa.Column('is_demo', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['dealmaker_id'], ['person.id'], name=op.f('fk_deal_dealmaker_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deal'))
    )
    with op.batch_alter_table('deal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deal_dealmaker_id'), ['dealmaker_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deal_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_deal_updated_at'), ['updated_at'], unique=False)

    op.create_table('interaction',
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('direction', sa.String(length=40), nullable=False),
    sa.Column('theme_id', sa.String(length=36), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.Column('follow_up_action', sa.Text(), nullable=False),
    sa.Column('follow_up_done_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_interaction_theme_id_theme')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interaction'))
    )
    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interaction_follow_up_on'), ['follow_up_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_interaction_occurred_on'), ['occurred_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_interaction_updated_at'), ['updated_at'], unique=False)

    op.create_table('opgave',
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('theme_id', sa.String(length=36), nullable=True),
    sa.Column('owner_organisation_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['owner_organisation_id'], ['organisation.id'], name=op.f('fk_opgave_owner_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_opgave_theme_id_theme')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opgave'))
    )
    with op.batch_alter_table('opgave', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_opgave_owner_organisation_id'), ['owner_organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_opgave_theme_id'), ['theme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_opgave_updated_at'), ['updated_at'], unique=False)

    op.create_table('person_tag',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('tag_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_person_tag_person_id_person')),
    sa.ForeignKeyConstraint(['tag_id'], ['tag.id'], name=op.f('fk_person_tag_tag_id_tag')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_tag'))
    )
    with op.batch_alter_table('person_tag', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_tag_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_tag_tag_id'), ['tag_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_tag_updated_at'), ['updated_at'], unique=False)

    op.create_table('position',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('organisation_id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=255), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('successor_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_position_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_position_person_id_person')),
    sa.ForeignKeyConstraint(['successor_id'], ['position.id'], name=op.f('fk_position_successor_id_position')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_position'))
    )
    with op.batch_alter_table('position', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_position_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_position_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_position_updated_at'), ['updated_at'], unique=False)

    op.create_table('relation',
    sa.Column('source_person_id', sa.String(length=36), nullable=False),
    sa.Column('target_person_id', sa.String(length=36), nullable=True),
    sa.Column('target_organisation_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('theme_id', sa.String(length=36), nullable=True),
    sa.Column('strength', sa.Integer(), nullable=False),
    sa.Column('since', sa.Date(), nullable=True),
    sa.Column('owner_id', sa.String(length=36), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.CheckConstraint('(target_person_id IS NULL) <> (target_organisation_id IS NULL)', name=op.f('ck_relation_one_target')),
    sa.CheckConstraint('strength BETWEEN 1 AND 5', name=op.f('ck_relation_strength_range')),
    sa.ForeignKeyConstraint(['owner_id'], ['person.id'], name=op.f('fk_relation_owner_id_person')),
    sa.ForeignKeyConstraint(['source_person_id'], ['person.id'], name=op.f('fk_relation_source_person_id_person')),
    sa.ForeignKeyConstraint(['target_organisation_id'], ['organisation.id'], name=op.f('fk_relation_target_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['target_person_id'], ['person.id'], name=op.f('fk_relation_target_person_id_person')),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_relation_theme_id_theme')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_relation'))
    )
    with op.batch_alter_table('relation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_relation_source_person_id'), ['source_person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_relation_target_organisation_id'), ['target_organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_relation_target_person_id'), ['target_person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_relation_updated_at'), ['updated_at'], unique=False)

    op.create_table('commitment',
    sa.Column('deal_id', sa.String(length=36), nullable=True),
    sa.Column('title', sa.String(length=255), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('from_organisation_id', sa.String(length=36), nullable=False),
    sa.Column('to_organisation_id', sa.String(length=36), nullable=False),
    sa.Column('owner_id', sa.String(length=36), nullable=True),
    sa.Column('counterpart_id', sa.String(length=36), nullable=True),
    sa.Column('amount_cents', sa.BigInteger(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('within_mandate', sa.Boolean(), nullable=False),
    sa.Column('confirmed_by_id', sa.String(length=36), nullable=True),
    sa.Column('state', sa.String(length=40), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['confirmed_by_id'], ['person.id'], name=op.f('fk_commitment_confirmed_by_id_person')),
    sa.ForeignKeyConstraint(['counterpart_id'], ['person.id'], name=op.f('fk_commitment_counterpart_id_person')),
    sa.ForeignKeyConstraint(['deal_id'], ['deal.id'], name=op.f('fk_commitment_deal_id_deal')),
    sa.ForeignKeyConstraint(['from_organisation_id'], ['organisation.id'], name=op.f('fk_commitment_from_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['owner_id'], ['person.id'], name=op.f('fk_commitment_owner_id_person')),
    sa.ForeignKeyConstraint(['to_organisation_id'], ['organisation.id'], name=op.f('fk_commitment_to_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commitment'))
    )
    with op.batch_alter_table('commitment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commitment_counterpart_id'), ['counterpart_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commitment_deal_id'), ['deal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commitment_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_commitment_from_organisation_id'), ['from_organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commitment_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commitment_to_organisation_id'), ['to_organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commitment_updated_at'), ['updated_at'], unique=False)

    op.create_table('deal_opgave',
    sa.Column('deal_id', sa.String(length=36), nullable=False),
    sa.Column('opgave_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['deal_id'], ['deal.id'], name=op.f('fk_deal_opgave_deal_id_deal')),
    sa.ForeignKeyConstraint(['opgave_id'], ['opgave.id'], name=op.f('fk_deal_opgave_opgave_id_opgave')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deal_opgave'))
    )
    with op.batch_alter_table('deal_opgave', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deal_opgave_deal_id'), ['deal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deal_opgave_opgave_id'), ['opgave_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deal_opgave_updated_at'), ['updated_at'], unique=False)

    op.create_table('deal_party',
    sa.Column('deal_id', sa.String(length=36), nullable=False),
    sa.Column('organisation_id', sa.String(length=36), nullable=False),
    sa.Column('role', sa.String(length=40), nullable=False),
    sa.Column('joined_on', sa.Date(), nullable=True),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['deal_id'], ['deal.id'], name=op.f('fk_deal_party_deal_id_deal')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_deal_party_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deal_party'))
    )
    with op.batch_alter_table('deal_party', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deal_party_deal_id'), ['deal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deal_party_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deal_party_updated_at'), ['updated_at'], unique=False)

    op.create_table('interaction_deal',
    sa.Column('interaction_id', sa.String(length=36), nullable=False),
    sa.Column('deal_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['deal_id'], ['deal.id'], name=op.f('fk_interaction_deal_deal_id_deal')),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], name=op.f('fk_interaction_deal_interaction_id_interaction')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interaction_deal'))
    )
    with op.batch_alter_table('interaction_deal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interaction_deal_deal_id'), ['deal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_interaction_deal_interaction_id'), ['interaction_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_interaction_deal_updated_at'), ['updated_at'], unique=False)

    op.create_table('interaction_participant',
    sa.Column('interaction_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], name=op.f('fk_interaction_participant_interaction_id_interaction')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_interaction_participant_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interaction_participant'))
    )
    with op.batch_alter_table('interaction_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interaction_participant_interaction_id'), ['interaction_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_interaction_participant_updated_at'), ['updated_at'], unique=False)
        batch_op.create_index('ix_participant_person_interaction', ['person_id', 'interaction_id'], unique=False)

    op.create_table('mandate',
    sa.Column('holder_id', sa.String(length=36), nullable=False),
    sa.Column('deal_id', sa.String(length=36), nullable=True),
    sa.Column('topic', sa.String(length=255), nullable=False),
    sa.Column('limit_cents', sa.BigInteger(), nullable=True),
    sa.Column('granted_by_id', sa.String(length=36), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['deal_id'], ['deal.id'], name=op.f('fk_mandate_deal_id_deal')),
    sa.ForeignKeyConstraint(['granted_by_id'], ['person.id'], name=op.f('fk_mandate_granted_by_id_person')),
    sa.ForeignKeyConstraint(['holder_id'], ['person.id'], name=op.f('fk_mandate_holder_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mandate'))
    )
    with op.batch_alter_table('mandate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mandate_holder_id'), ['holder_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mandate_updated_at'), ['updated_at'], unique=False)

    op.create_table('meeting',
    sa.Column('deal_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('title', sa.String(length=255), nullable=False),
    sa.Column('decisions', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['deal_id'], ['deal.id'], name=op.f('fk_meeting_deal_id_deal')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting'))
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_deal_id'), ['deal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_held_on'), ['held_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_updated_at'), ['updated_at'], unique=False)

    op.create_table('pledge',
    sa.Column('deal_id', sa.String(length=36), nullable=False),
    sa.Column('organisation_id', sa.String(length=36), nullable=False),
    sa.Column('sector', sa.String(length=40), nullable=False),
    sa.Column('form', sa.String(length=40), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('pledged_cents', sa.BigInteger(), nullable=False),
    sa.Column('realised_cents', sa.BigInteger(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['deal_id'], ['deal.id'], name=op.f('fk_pledge_deal_id_deal')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_pledge_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pledge'))
    )
    with op.batch_alter_table('pledge', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pledge_deal_id'), ['deal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pledge_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pledge_updated_at'), ['updated_at'], unique=False)

    op.create_table('programme_goal',
    sa.Column('deal_id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=255), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('theme_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['deal_id'], ['deal.id'], name=op.f('fk_programme_goal_deal_id_deal')),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_programme_goal_theme_id_theme')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_goal'))
    )
    with op.batch_alter_table('programme_goal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programme_goal_deal_id'), ['deal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_programme_goal_updated_at'), ['updated_at'], unique=False)

    op.create_table('project',
    sa.Column('deal_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('lead_organisation_id', sa.String(length=36), nullable=True),
    sa.Column('status', sa.String(length=40), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['deal_id'], ['deal.id'], name=op.f('fk_project_deal_id_deal')),
    sa.ForeignKeyConstraint(['lead_organisation_id'], ['organisation.id'], name=op.f('fk_project_lead_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project'))
    )
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_deal_id'), ['deal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_updated_at'), ['updated_at'], unique=False)

    op.create_table('adjustment',
    sa.Column('deal_id', sa.String(length=36), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('level', sa.String(length=40), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('meeting_id', sa.String(length=36), nullable=True),
    sa.Column('project_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['deal_id'], ['deal.id'], name=op.f('fk_adjustment_deal_id_deal')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_adjustment_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_adjustment_project_id_project')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_adjustment'))
    )
    with op.batch_alter_table('adjustment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_adjustment_deal_id'), ['deal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_adjustment_updated_at'), ['updated_at'], unique=False)

    op.create_table('commitment_state_change',
    sa.Column('commitment_id', sa.String(length=36), nullable=False),
    sa.Column('state', sa.String(length=40), nullable=False),
    sa.Column('changed_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitment.id'], name=op.f('fk_commitment_state_change_commitment_id_commitment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commitment_state_change'))
    )
    with op.batch_alter_table('commitment_state_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commitment_state_change_commitment_id'), ['commitment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commitment_state_change_updated_at'), ['updated_at'], unique=False)

    op.create_table('indicator',
    sa.Column('deal_id', sa.String(length=36), nullable=False),
    sa.Column('project_id', sa.String(length=36), nullable=True),
    sa.Column('goal_id', sa.String(length=36), nullable=True),
    sa.Column('level', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('theme_id', sa.String(length=36), nullable=True),
    sa.Column('unit', sa.String(length=40), nullable=False),
    sa.Column('source', sa.String(length=120), nullable=False),
    sa.Column('baseline_value', sa.String(length=40), nullable=True),
    sa.Column('baseline_on', sa.Date(), nullable=True),
    sa.Column('target_value', sa.String(length=40), nullable=True),
    sa.Column('target_on', sa.Date(), nullable=True),
    sa.Column('direction', sa.String(length=40), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['deal_id'], ['deal.id'], name=op.f('fk_indicator_deal_id_deal')),
    sa.ForeignKeyConstraint(['goal_id'], ['programme_goal.id'], name=op.f('fk_indicator_goal_id_programme_goal')),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_indicator_project_id_project')),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_indicator_theme_id_theme')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator'))
    )
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_deal_id'), ['deal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_indicator_updated_at'), ['updated_at'], unique=False)

    op.create_table('meeting_participant',
    sa.Column('meeting_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_meeting_participant_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_meeting_participant_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_participant'))
    )
    with op.batch_alter_table('meeting_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_participant_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_participant_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_participant_updated_at'), ['updated_at'], unique=False)

    op.create_table('project_goal',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('goal_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['goal_id'], ['programme_goal.id'], name=op.f('fk_project_goal_goal_id_programme_goal')),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_project_goal_project_id_project')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_goal'))
    )
    with op.batch_alter_table('project_goal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_goal_goal_id'), ['goal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_goal_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_goal_updated_at'), ['updated_at'], unique=False)

    op.create_table('measurement',
    sa.Column('indicator_id', sa.String(length=36), nullable=False),
    sa.Column('measured_on', sa.Date(), nullable=False),
    sa.Column('value', sa.String(length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'], name=op.f('fk_measurement_indicator_id_indicator')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measurement'))
    )
    with op.batch_alter_table('measurement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measurement_indicator_id'), ['indicator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_measurement_updated_at'), ['updated_at'], unique=False)

    


def downgrade() -> None:
    
    with op.batch_alter_table('measurement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measurement_updated_at'))
        batch_op.drop_index(batch_op.f('ix_measurement_indicator_id'))

    op.drop_table('measurement')
    with op.batch_alter_table('project_goal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_goal_updated_at'))
        batch_op.drop_index(batch_op.f('ix_project_goal_project_id'))
        batch_op.drop_index(batch_op.f('ix_project_goal_goal_id'))

    op.drop_table('project_goal')
    with op.batch_alter_table('meeting_participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_participant_updated_at'))
        batch_op.drop_index(batch_op.f('ix_meeting_participant_person_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_participant_meeting_id'))

    op.drop_table('meeting_participant')
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_updated_at'))
        batch_op.drop_index(batch_op.f('ix_indicator_deal_id'))

    op.drop_table('indicator')
    with op.batch_alter_table('commitment_state_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commitment_state_change_updated_at'))
        batch_op.drop_index(batch_op.f('ix_commitment_state_change_commitment_id'))

    op.drop_table('commitment_state_change')
    with op.batch_alter_table('adjustment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_adjustment_updated_at'))
        batch_op.drop_index(batch_op.f('ix_adjustment_deal_id'))

    op.drop_table('adjustment')
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_updated_at'))
        batch_op.drop_index(batch_op.f('ix_project_deal_id'))

    op.drop_table('project')
    with op.batch_alter_table('programme_goal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_programme_goal_updated_at'))
        batch_op.drop_index(batch_op.f('ix_programme_goal_deal_id'))

    op.drop_table('programme_goal')
    with op.batch_alter_table('pledge', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pledge_updated_at'))
        batch_op.drop_index(batch_op.f('ix_pledge_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_pledge_deal_id'))

    op.drop_table('pledge')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_updated_at'))
        batch_op.drop_index(batch_op.f('ix_meeting_held_on'))
        batch_op.drop_index(batch_op.f('ix_meeting_deal_id'))

    op.drop_table('meeting')
    with op.batch_alter_table('mandate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mandate_updated_at'))
        batch_op.drop_index(batch_op.f('ix_mandate_holder_id'))

    op.drop_table('mandate')
    with op.batch_alter_table('interaction_participant', schema=None) as batch_op:
        batch_op.drop_index('ix_participant_person_interaction')
        batch_op.drop_index(batch_op.f('ix_interaction_participant_updated_at'))
        batch_op.drop_index(batch_op.f('ix_interaction_participant_interaction_id'))

    op.drop_table('interaction_participant')
    with op.batch_alter_table('interaction_deal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interaction_deal_updated_at'))
        batch_op.drop_index(batch_op.f('ix_interaction_deal_interaction_id'))
        batch_op.drop_index(batch_op.f('ix_interaction_deal_deal_id'))

    op.drop_table('interaction_deal')
    with op.batch_alter_table('deal_party', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deal_party_updated_at'))
        batch_op.drop_index(batch_op.f('ix_deal_party_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_deal_party_deal_id'))

    op.drop_table('deal_party')
    with op.batch_alter_table('deal_opgave', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deal_opgave_updated_at'))
        batch_op.drop_index(batch_op.f('ix_deal_opgave_opgave_id'))
        batch_op.drop_index(batch_op.f('ix_deal_opgave_deal_id'))

    op.drop_table('deal_opgave')
    with op.batch_alter_table('commitment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commitment_updated_at'))
        batch_op.drop_index(batch_op.f('ix_commitment_to_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_commitment_owner_id'))
        batch_op.drop_index(batch_op.f('ix_commitment_from_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_commitment_due_on'))
        batch_op.drop_index(batch_op.f('ix_commitment_deal_id'))
        batch_op.drop_index(batch_op.f('ix_commitment_counterpart_id'))

    op.drop_table('commitment')
    with op.batch_alter_table('relation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_relation_updated_at'))
        batch_op.drop_index(batch_op.f('ix_relation_target_person_id'))
        batch_op.drop_index(batch_op.f('ix_relation_target_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_relation_source_person_id'))

    op.drop_table('relation')
    with op.batch_alter_table('position', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_position_updated_at'))
        batch_op.drop_index(batch_op.f('ix_position_person_id'))
        batch_op.drop_index(batch_op.f('ix_position_organisation_id'))

    op.drop_table('position')
    with op.batch_alter_table('person_tag', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_tag_updated_at'))
        batch_op.drop_index(batch_op.f('ix_person_tag_tag_id'))
        batch_op.drop_index(batch_op.f('ix_person_tag_person_id'))

    op.drop_table('person_tag')
    with op.batch_alter_table('opgave', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_opgave_updated_at'))
        batch_op.drop_index(batch_op.f('ix_opgave_theme_id'))
        batch_op.drop_index(batch_op.f('ix_opgave_owner_organisation_id'))

    op.drop_table('opgave')
    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interaction_updated_at'))
        batch_op.drop_index(batch_op.f('ix_interaction_occurred_on'))
        batch_op.drop_index(batch_op.f('ix_interaction_follow_up_on'))

    op.drop_table('interaction')
    with op.batch_alter_table('deal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deal_updated_at'))
        batch_op.drop_index(batch_op.f('ix_deal_name'))
        batch_op.drop_index(batch_op.f('ix_deal_dealmaker_id'))

    op.drop_table('deal')
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_change_operation_id'))
        batch_op.drop_index('ix_change_entity')

    op.drop_table('change')
    with op.batch_alter_table('theme', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_theme_updated_at'))

    op.drop_table('theme')
    with op.batch_alter_table('tag', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tag_updated_at'))

    op.drop_table('tag')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_updated_at'))
        batch_op.drop_index(batch_op.f('ix_person_last_name'))
        batch_op.drop_index(batch_op.f('ix_person_email'))

    op.drop_table('person')
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_updated_at'))
        batch_op.drop_index(batch_op.f('ix_organisation_parent_id'))
        batch_op.drop_index(batch_op.f('ix_organisation_name'))

    op.drop_table('organisation')
    with op.batch_alter_table('operation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_operation_at'))

    op.drop_table('operation')
    
