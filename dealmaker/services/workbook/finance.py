"""Financiën: one row per party, year and form (pledged and realised, exact euros)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dealmaker.export.workbook.model import EURO, INT, Column, Table
from dealmaker.storage.models import Organisation, Pledge

COLUMNS = (Column("Deal"), Column("Partij"), Column("Publiek/privaat"), Column("Vorm"),
           Column("Jaar", INT), Column("Toegezegd", EURO), Column("Gerealiseerd", EURO))


def euros(cents: int) -> Decimal:
    """Integer cents as exact Decimal euros."""
    return Decimal(cents) / 100


@dataclass
class MoneyFacts:
    pledged_cents: int = 0
    realised_cents: int = 0
    #: year -> (pledged, realised) cents
    by_year: dict[int, tuple[int, int]] | None = None


def finance_table(s: Session, deal_id: str, deal_name: str) -> tuple[Table, MoneyFacts]:
    rows = s.execute(
        select(Organisation.name, Pledge.sector, Pledge.form, Pledge.year,
               func.sum(Pledge.pledged_cents), func.sum(Pledge.realised_cents))
        .join(Organisation, Organisation.id == Pledge.organisation_id)
        .where(Pledge.deal_id == deal_id, Pledge.deleted_at.is_(None))
        .group_by(Organisation.name, Pledge.organisation_id, Pledge.sector, Pledge.form,
                  Pledge.year)
        .order_by(Pledge.year, func.lower(Organisation.name), Pledge.form)).all()
    table = Table("Financiën", COLUMNS, totals=("Toegezegd", "Gerealiseerd"))
    facts = MoneyFacts(by_year={})
    assert facts.by_year is not None
    for name, sector, form, year, pledged, realised in rows:
        pledged, realised = int(pledged or 0), int(realised or 0)
        table.rows.append((deal_name, name, sector.label, form.label, year,
                           euros(pledged), euros(realised)))
        facts.pledged_cents += pledged
        facts.realised_cents += realised
        p, r = facts.by_year.get(year, (0, 0))
        facts.by_year[year] = (p + pledged, r + realised)
    return table, facts
