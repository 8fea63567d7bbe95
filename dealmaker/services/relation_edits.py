"""Relations as the contact card edits them: lay, change (kind, strength 1-5, since,
note) and delete; each one journalled operation.

The strength is the connectieplan's scale (``graph.model``: 1 weak to 5 strong; 3 and up
is warm unless the relation went cold), so a change here shows there at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from dealmaker.domain.dates import utcnow
from dealmaker.domain.enums import RelationKind
from dealmaker.services.changes import Changes
from dealmaker.services.people import ValidationError
from dealmaker.services.person_rows import live_person
from dealmaker.storage.models import Organisation, Person, Relation
from dealmaker.storage.workspace import Workspace

TABLES = frozenset({"relation"})
STRENGTHS = range(1, 6)


def strength_label(strength: int) -> str:
    """'●●●○○ 3' (the dots the overview uses), 1 = zwak ... 5 = sterk."""
    n = max(1, min(5, strength))
    word = {1: " zwak", 3: " gemiddeld", 5: " sterk"}.get(n, "")
    return f"{'●' * n}{'○' * (5 - n)}  {n}{word}"


@dataclass(frozen=True)
class RelationData:
    """From ``source_person_id`` to ``target_id`` (a person or an organisation)."""

    source_person_id: str
    target_id: str | None
    kind: RelationKind = RelationKind.WERKRELATIE
    strength: int = 3
    since: date | None = None
    note: str = ""


def _live(s: Session, relation_id: str) -> Relation:
    rel = s.get(Relation, relation_id)
    if rel is None or rel.deleted_at is not None:
        raise LookupError(f"Relatie {relation_id} bestaat niet (meer).")
    return rel


def save_relation(ws: Workspace, data: RelationData,
                  relation_id: str | None = None) -> tuple[str, Changes]:
    """Lay a new relation (``relation_id`` None) or change one; returns its id."""
    if data.strength not in STRENGTHS:
        raise ValidationError("strength", "De sterkte van een relatie is 1 tot en met 5.")
    if data.target_id is None:
        raise ValidationError("target_id", "Kies met wie of welke organisatie de relatie is.")
    if data.target_id == data.source_person_id:
        raise ValidationError("target_id", "Een relatie loopt naar iemand anders.")
    with ws.uow("Relatie bewerken" if relation_id else "Relatie leggen") as uow:
        s = uow.session
        live_person(s, data.source_person_id)
        person = s.get(Person, data.target_id)
        org = None if person is not None else s.get(Organisation, data.target_id)
        target = person or org
        if target is None or target.deleted_at is not None:
            raise ValidationError("target_id", "De gekozen persoon of organisatie bestaat "
                                               "niet (meer).")
        rel = _live(s, relation_id) if relation_id else Relation()
        rel.source_person_id = data.source_person_id
        rel.target_person_id = data.target_id if person is not None else None
        rel.target_organisation_id = data.target_id if org is not None else None
        rel.kind = RelationKind(data.kind)
        rel.strength = data.strength
        rel.since = data.since
        rel.note = data.note.strip()
        if relation_id is None:
            s.add(rel)
        s.flush()
        op = uow.commit()
    return rel.id, Changes(TABLES, op)


def delete_relation(ws: Workspace, relation_id: str) -> Changes:
    with ws.uow("Relatie verwijderen") as uow:
        _live(uow.session, relation_id).deleted_at = utcnow()
        op = uow.commit()
    return Changes(TABLES, op)
