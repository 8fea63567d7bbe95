"""contact dates on person and the full-text person search index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_contact_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('next_follow_up_on', sa.Date(), nullable=True))
        batch_op.create_index(batch_op.f('ix_person_last_contact_on'), ['last_contact_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_next_follow_up_on'), ['next_follow_up_on'], unique=False)
    # Derived values for existing data.
    op.execute("""
        UPDATE person SET
          last_contact_on = (SELECT max(i.occurred_on) FROM interaction_participant p
            JOIN interaction i ON i.id = p.interaction_id
            WHERE p.person_id = person.id AND p.deleted_at IS NULL AND i.deleted_at IS NULL),
          next_follow_up_on = (SELECT min(i.follow_up_on) FROM interaction_participant p
            JOIN interaction i ON i.id = p.interaction_id
            WHERE p.person_id = person.id AND p.deleted_at IS NULL AND i.deleted_at IS NULL
              AND i.follow_up_done_on IS NULL)
    """)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("""
            CREATE VIRTUAL TABLE IF NOT EXISTS person_search USING fts5(
                name, organisation, function, email, phone, notes,
                tokenize = "unicode61 remove_diacritics 2", prefix = '1 2 3')
        """)
        # Filled once after the last migration, by the current indexing rule (data, not
        # schema): storage.migrate.upgrade_to_head.


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS person_search")
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_next_follow_up_on'))
        batch_op.drop_index(batch_op.f('ix_person_last_contact_on'))
        batch_op.drop_column('next_follow_up_on')
        batch_op.drop_column('last_contact_on')
