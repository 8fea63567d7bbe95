"""When two persons last had a contact moment together."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from dealmaker.storage.models import Interaction, InteractionParticipant

#: above this many persons the pairs are read without an IN list
MAX_IN = 2000


def joint_contacts(s: Session, persons: set[str]) -> dict[tuple[str, str], date]:
    """(a, b) with a < b -> the date of their latest shared contact moment."""
    if not persons:
        return {}
    a = aliased(InteractionParticipant)
    b = aliased(InteractionParticipant)
    query = (select(a.person_id, b.person_id, func.max(Interaction.occurred_on))
             .join(b, (b.interaction_id == a.interaction_id) & (a.person_id < b.person_id))
             .join(Interaction, Interaction.id == a.interaction_id)
             .where(a.deleted_at.is_(None), b.deleted_at.is_(None),
                    Interaction.deleted_at.is_(None))
             .group_by(a.person_id, b.person_id))
    if len(persons) <= MAX_IN:
        ids = sorted(persons)
        query = query.where(a.person_id.in_(ids), b.person_id.in_(ids))
    out: dict[tuple[str, str], date] = {}
    for x, y, day in s.execute(query):
        if x in persons and y in persons and day is not None:
            out[(x, y)] = day
    return out
