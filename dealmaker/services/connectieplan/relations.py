"""Laying a relation from the connectieplan, as one journalled operation (Ctrl+Z takes it
back). What is made depends on the two ends:

- person -> person or organisation (either order): a ``relation`` from the person;
- organisation -> organisation: an ``organisation_relation``;
- person or organisation -> opgave (either order): an ``opgave_link`` (owns it or works
  on it).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from dealmaker.domain.enums import OpgaveRole, RelationKind
from dealmaker.services.changes import Changes
from dealmaker.storage.models import (
    Entity,
    Opgave,
    OpgaveLink,
    Organisation,
    OrganisationRelation,
    Person,
    Relation,
    Theme,
)
from dealmaker.storage.workspace import Workspace

TABLES = frozenset({"relation", "organisation_relation", "opgave_link"})


class RelationError(ValueError):
    """One Dutch line: the relation cannot be laid (nothing was written)."""


@dataclass(frozen=True)
class RelationData:
    kind: RelationKind = RelationKind.WERKRELATIE
    strength: int = 3
    theme_id: str | None = None
    #: person or unit to opgave only
    role: OpgaveRole = OpgaveRole.WERKT_AAN


def _live(s: Session, cls: type[Entity], rid: str) -> Entity | None:
    row = s.get(cls, rid)
    return row if row is not None and row.deleted_at is None else None


def _end(s: Session, rid: str) -> Entity | None:
    for cls in (Person, Organisation, Opgave):
        found = _live(s, cls, rid)
        if found is not None:
            return found
    return None


def check(s: Session, data: RelationData) -> None:
    if not 1 <= data.strength <= 5:
        raise RelationError("De sterkte van een relatie is 1 tot en met 5.")
    if data.theme_id is not None and _live(s, Theme, data.theme_id) is None:
        raise RelationError("Dat thema bestaat niet (meer).")


def add_relation(ws: Workspace, source_id: str, target_id: str,
                 data: RelationData | None = None, *, strength: int | None = None
                 ) -> tuple[str, Changes]:
    """A relation between two nodes of the plan; returns (its id, what changed)."""
    data = data or RelationData()
    if strength is not None:
        data = RelationData(data.kind, strength, data.theme_id, data.role)
    if source_id == target_id:
        raise RelationError("Een relatie loopt van een persoon naar iemand anders.")
    with ws.uow("Relatie leggen") as uow:
        s = uow.session
        check(s, data)
        a, b = _end(s, source_id), _end(s, target_id)
        if a is None:
            raise RelationError("Een relatie begint bij een persoon die (nog) bestaat.")
        if b is None:
            raise RelationError("Een relatie eindigt bij een persoon of organisatie die "
                                "(nog) bestaat.")
        row = _row(a, b, data)
        s.add(row)
        s.flush()
        op = uow.commit()
    return row.id, Changes(frozenset({row.__tablename__}), op)


def _row(a: Entity, b: Entity, data: RelationData) -> Entity:
    if isinstance(a, Opgave):
        a, b = b, a
    if isinstance(a, Opgave):
        raise RelationError("Een relatie tussen twee opgaven bestaat niet; leg haar van een "
                            "persoon of organisatie naar de opgave.")
    if isinstance(b, Opgave):
        return OpgaveLink(opgave_id=b.id, person_id=a.id if isinstance(a, Person) else None,
                          organisation_id=a.id if isinstance(a, Organisation) else None,
                          role=data.role, strength=data.strength)
    if isinstance(a, Organisation) and isinstance(b, Person):
        a, b = b, a
    if isinstance(a, Organisation):
        return OrganisationRelation(source_organisation_id=a.id, target_organisation_id=b.id,
                                    kind=data.kind, strength=data.strength,
                                    theme_id=data.theme_id)
    return Relation(source_person_id=a.id,
                    target_person_id=b.id if isinstance(b, Person) else None,
                    target_organisation_id=b.id if isinstance(b, Organisation) else None,
                    kind=data.kind, strength=data.strength, theme_id=data.theme_id)
