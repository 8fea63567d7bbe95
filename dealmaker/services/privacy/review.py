"""The AVG review list: contacts not seen for a number of years, or never.

Keeping personal data needs a reason; a contact nobody has spoken to for years is a
candidate to forget. A contact never seen counts only once it was entered longer ago
than the chosen period (data just entered is not yet "kept too long").
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import NamedTuple

from sqlalchemy import and_, or_, select

from dealmaker.storage.models import Person
from dealmaker.storage.workspace import Workspace


class ReviewCandidate(NamedTuple):
    person_id: str
    name: str
    #: None: never a contact moment
    last_contact_on: date | None


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def review_candidates(ws: Workspace, years: int,
                      today: date | None = None) -> list[ReviewCandidate]:
    """Live contacts last seen before ``years`` ago (or never), longest unseen first."""
    if years < 0:
        raise ValueError("Het aantal jaren kan niet negatief zijn.")
    cutoff = years_before(today or date.today(), years)
    entered_before = datetime(cutoff.year, cutoff.month, cutoff.day, tzinfo=UTC)
    query = (select(Person).where(
        Person.deleted_at.is_(None),
        or_(Person.last_contact_on < cutoff,
            and_(Person.last_contact_on.is_(None), Person.created_at < entered_before)))
        .order_by(Person.last_contact_on.is_not(None), Person.last_contact_on,
                  Person.last_name, Person.first_name))
    with ws.read() as session:
        return [ReviewCandidate(p.id, p.full_name, p.last_contact_on)
                for p in session.scalars(query)]
