"""Toezeggingen of the deal due up to the reporting year (or without a date)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from dealmaker.domain.enums import CommitmentState
from dealmaker.export.workbook.model import DATE, EURO, Column, Table
from dealmaker.services.workbook.finance import euros
from dealmaker.storage.models import Commitment, Organisation, Person

COLUMNS = (Column("Deal"), Column("Toezegging", max_width=60), Column("Soort"),
           Column("Van"), Column("Aan"), Column("Eigenaar"), Column("Bedrag", EURO),
           Column("Uiterlijk", DATE), Column("Status"), Column("Over de datum"))


def commitments_table(s: Session, deal_id: str, deal_name: str, year_end: date,
                      peil: date) -> tuple[Table, Counter[str]]:
    """The table and counts: 'open', 'over de datum', 'nagekomen', 'vervallen'."""
    src, dst = aliased(Organisation), aliased(Organisation)
    rows = s.execute(
        select(Commitment, src.name, dst.name, Person)
        .join(src, src.id == Commitment.from_organisation_id)
        .join(dst, dst.id == Commitment.to_organisation_id)
        .outerjoin(Person, Person.id == Commitment.owner_id)
        .where(Commitment.deal_id == deal_id, Commitment.deleted_at.is_(None),
               or_(Commitment.due_on.is_(None), Commitment.due_on <= year_end))
        .order_by(Commitment.due_on, Commitment.title)).all()
    table = Table("Toezeggingen", COLUMNS)
    counts: Counter[str] = Counter()
    for c, source, target, owner in rows:
        late = c.state.is_open and c.due_on is not None and c.due_on < peil
        counts["open" if c.state.is_open else c.state.value] += 1
        counts["over de datum"] += late
        table.rows.append((
            deal_name, c.title, c.kind.label, source, target,
            owner.full_name if owner else None,
            euros(c.amount_cents) if c.amount_cents is not None else None,
            c.due_on, c.state.label, "ja" if late else "nee"))
    for state in (CommitmentState.NAGEKOMEN.value, CommitmentState.VERVALLEN.value):
        counts.setdefault(state, 0)
    return table, counts
