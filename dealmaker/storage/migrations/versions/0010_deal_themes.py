"""the themes a deal works on (deal_theme)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

A deal's themes were only those of its opgaven; the dossier lets the user add a
brede-welvaart theme to the deal itself (and the ministry involvement reads them).
A new link table, like deal_opgave; nothing else changes.
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def _key(column: str, target: str) -> sa.ForeignKeyConstraint:
    table = target.split(".")[0]
    return sa.ForeignKeyConstraint([column], [target], name=f"fk_deal_theme_{column}_{table}",
                                   deferrable=True, initially="IMMEDIATE")


def upgrade() -> None:
    op.create_table(
        "deal_theme",
        sa.Column("deal_id", sa.LargeBinary(), nullable=False),
        sa.Column("theme_id", sa.LargeBinary(), nullable=False),
        sa.Column("id", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.Column("deleted_at", sa.BigInteger(), nullable=True),
        _key("deal_id", "deal.id"),
        _key("theme_id", "theme.id"),
        sa.PrimaryKeyConstraint("id", name="pk_deal_theme"),
    )
    op.create_index("ix_deal_theme_deal_id", "deal_theme", ["deal_id"])
    op.create_index("ix_deal_theme_theme_id", "deal_theme", ["theme_id"])


def downgrade() -> None:
    op.drop_index("ix_deal_theme_theme_id", table_name="deal_theme")
    op.drop_index("ix_deal_theme_deal_id", table_name="deal_theme")
    op.drop_table("deal_theme")
