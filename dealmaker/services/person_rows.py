"""Row helpers shared by the person services (inside the caller's unit of work)."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from dealmaker.domain.dates import utcnow
from dealmaker.storage.models import Person, PersonTag, Position, Relation


def live_person(s: Session, person_id: str) -> Person:
    person = s.get(Person, person_id)
    if person is None or person.deleted_at is not None:
        raise LookupError(f"Contact {person_id} bestaat niet (meer).")
    return person


def soft_delete_person(s: Session, person_id: str) -> bool:
    """Mark the person and their positions, tags and relations deleted; False if gone."""
    person = s.get(Person, person_id)
    if person is None or person.deleted_at is not None:
        return False
    now = utcnow()
    person.deleted_at = now
    for model, where in (
            (Position, Position.person_id == person_id),
            (PersonTag, PersonTag.person_id == person_id),
            (Relation, or_(Relation.source_person_id == person_id,
                           Relation.target_person_id == person_id))):
        for row in s.scalars(select(model).where(where, model.deleted_at.is_(None))):
            row.deleted_at = now
    return True
