"""What the commitment editor offers to choose from: parties, deals, people at a party."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from dealmaker.domain.enums import CommitmentKind, Side
from dealmaker.services.commitments.register import Choice
from dealmaker.services.commitments.vocabulary import vocabulary_in
from dealmaker.storage.models import Deal, Organisation, Person, Position
from dealmaker.storage.workspace import Workspace


@dataclass(frozen=True)
class PartyChoice:
    id: str
    name: str
    side: Side


@dataclass(frozen=True)
class EditorChoices:
    parties: tuple[PartyChoice, ...]
    deals: tuple[Choice, ...]
    #: the kinds of commitment offered (defaults and those added in Instellingen)
    kinds: tuple[CommitmentKind, ...] = tuple(CommitmentKind)


def editor_choices(ws: Workspace) -> EditorChoices:
    with ws.read() as s:
        orgs = s.execute(select(Organisation.id, Organisation.name, Organisation.side)
                         .where(Organisation.deleted_at.is_(None))
                         .order_by(func.lower(Organisation.name))).all()
        deals = s.execute(select(Deal.id, Deal.name).where(Deal.deleted_at.is_(None))
                          .order_by(func.lower(Deal.name))).all()
        kinds = vocabulary_in(s).kinds
    return EditorChoices(tuple(PartyChoice(i, n, side) for i, n, side in orgs),
                         tuple(Choice(i, n) for i, n in deals), kinds)


def people_at(ws: Workspace, org_id: str | None, *also: str | None) -> tuple[Choice, ...]:
    """Persons with a current position at ``org_id`` (by name), plus the ids in ``also``
    (the owner already chosen, even if they moved on)."""
    with ws.read() as s:
        ids = set(s.scalars(select(Position.person_id).where(
            Position.organisation_id == org_id, Position.end_date.is_(None),
            Position.deleted_at.is_(None)))) if org_id else set()
        ids |= {i for i in also if i}
        if not ids:
            return ()
        rows = s.execute(select(Person.id, Person.first_name, Person.tussenvoegsel,
                                Person.last_name)
                         .where(Person.id.in_(ids), Person.deleted_at.is_(None))
                         .order_by(Person.last_name, Person.first_name)).all()
    return tuple(Choice(r[0], " ".join(p for p in r[1:] if p)) for r in rows)
