"""Financiën: one row per party, year and form (pledged and realised, exact euros)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dealmaker.domain.enums import ContributionForm, Sector
from dealmaker.export.workbook.model import EURO, INT, Column, Table
from dealmaker.services.pledge_history import changed_since, end_of_day, last_overleg
from dealmaker.storage.models import Organisation, Pledge

COLUMNS = (Column("Deal"), Column("Partij"), Column("Publiek/privaat"), Column("Vorm"),
           Column("Jaar", INT), Column("Toegezegd", EURO), Column("Gerealiseerd", EURO),
           Column("Toegezegd sinds overleg", EURO), Column("Gerealiseerd sinds overleg", EURO))
TOTALS = ("Toegezegd", "Gerealiseerd", "Toegezegd sinds overleg", "Gerealiseerd sinds overleg")


def euros(cents: int) -> Decimal:
    """Integer cents as exact Decimal euros."""
    return Decimal(cents) / 100


@dataclass
class MoneyFacts:
    pledged_cents: int = 0
    realised_cents: int = 0
    #: year -> (pledged, realised) cents
    by_year: dict[int, tuple[int, int]] | None = None
    #: the day of the deal's last Rijk-regio overleg, and how many pledges changed since
    overleg: date | None = None
    changed: int = 0


def finance_table(s: Session, deal_id: str, deal_name: str) -> tuple[Table, MoneyFacts]:
    """One row per party, year, form and sector over every year of the deal, with what
    changed since the deal's last Rijk-regio overleg (``services.pledge_history``)."""
    rows = s.execute(
        select(Pledge.id, Organisation.name, Pledge.organisation_id, Pledge.sector,
               Pledge.form, Pledge.year, Pledge.pledged_cents, Pledge.realised_cents)
        .join(Organisation, Organisation.id == Pledge.organisation_id)
        .where(Pledge.deal_id == deal_id, Pledge.deleted_at.is_(None))
        .order_by(Pledge.year, func.lower(Organisation.name), Pledge.organisation_id,
                  Pledge.form, Pledge.sector)).all()
    facts = MoneyFacts(by_year={}, overleg=last_overleg(s, deal_id))
    changed = (changed_since(s, end_of_day(facts.overleg), [r.id for r in rows])
               if facts.overleg else {})
    facts.changed = len(changed)
    groups: dict[tuple[int, str, ContributionForm, Sector], list[int]] = {}
    names: dict[tuple[int, str, ContributionForm, Sector], str] = {}
    for r in rows:
        key = (r.year, r.organisation_id, r.form, r.sector)
        sums = groups.setdefault(key, [0, 0, 0, 0, 0])
        names[key] = r.name
        delta = changed.get(r.id)
        sums[0] += r.pledged_cents or 0
        sums[1] += r.realised_cents or 0
        if delta is not None:
            sums[2] += delta.pledged_delta
            sums[3] += delta.realised_delta
            sums[4] += 1
    table = Table("Financiën", COLUMNS, totals=TOTALS)
    assert facts.by_year is not None
    for (year, _org, form, sector), (pledged, realised, dp, dr, n) in groups.items():
        table.rows.append((deal_name, names[(year, _org, form, sector)], sector.label,
                           form.label, year, euros(pledged), euros(realised),
                           euros(dp) if n else None, euros(dr) if n else None))
        facts.pledged_cents += pledged
        facts.realised_cents += realised
        p, r_ = facts.by_year.get(year, (0, 0))
        facts.by_year[year] = (p + pledged, r_ + realised)
    return table, facts
