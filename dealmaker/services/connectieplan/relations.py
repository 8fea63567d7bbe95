"""Laying a relation from the connectieplan: person to person, or person to organisation,
as one journalled operation (Ctrl+Z takes it back)."""

from __future__ import annotations

from dealmaker.domain.enums import RelationKind
from dealmaker.services.changes import Changes
from dealmaker.storage.models import Organisation, Person, Relation
from dealmaker.storage.workspace import Workspace

TABLES = frozenset({"relation"})


class RelationError(ValueError):
    """One Dutch line: the relation cannot be laid (nothing was written)."""


def add_relation(ws: Workspace, source_person_id: str, target_id: str, *,
                 kind: RelationKind = RelationKind.WERKRELATIE, strength: int = 3
                 ) -> tuple[str, Changes]:
    """A relation from a person to ``target_id`` (a person or an organisation)."""
    if not 1 <= strength <= 5:
        raise RelationError("De sterkte van een relatie is 1 tot en met 5.")
    if source_person_id == target_id:
        raise RelationError("Een relatie loopt van een persoon naar iemand anders.")
    with ws.uow("Relatie leggen") as uow:
        s = uow.session
        source = s.get(Person, source_person_id)
        if source is None or source.deleted_at is not None:
            raise RelationError("Een relatie begint bij een persoon die (nog) bestaat.")
        person = s.get(Person, target_id)
        org = None if person is not None else s.get(Organisation, target_id)
        target = person or org
        if target is None or target.deleted_at is not None:
            raise RelationError("Een relatie eindigt bij een persoon of organisatie die "
                                "(nog) bestaat.")
        relation = Relation(source_person_id=source_person_id,
                            target_person_id=target_id if person is not None else None,
                            target_organisation_id=target_id if org is not None else None,
                            kind=kind, strength=strength)
        s.add(relation)
        s.flush()
        op = uow.commit()
    return relation.id, Changes(TABLES, op)
