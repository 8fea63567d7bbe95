"""Work the Opvolgen list in bulk: reschedule, close, hand over to a colleague, and close
what is long overdue.

Each call is one operation (one Ctrl+Z), whatever the number of follow-ups it touches.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealmaker.services.changes import Changes
from dealmaker.services.people import ValidationError
from dealmaker.storage.models import Interaction, Person
from dealmaker.storage.workspace import Workspace

TABLES = frozenset({"interaction"})


def _open(session: Session, ids: Sequence[str]) -> list[Interaction]:
    found = list(session.scalars(select(Interaction).where(
        Interaction.id.in_(list(ids)), Interaction.deleted_at.is_(None),
        Interaction.follow_up_on.is_not(None))))
    if not found:
        raise ValidationError("follow_up_on", "Er is geen opvolging gekozen.")
    return found


def reschedule_follow_ups(ws: Workspace, ids: Sequence[str], on: date) -> Changes:
    """Move the follow-ups to ``on`` (and open them again if they were finished)."""
    name = "Opvolging verzetten" if len(ids) == 1 else f"{len(ids)} opvolgingen verzetten"
    with ws.uow(name) as uow:
        for item in _open(uow.session, ids):
            item.follow_up_on = on
            item.follow_up_done_on = None
        op = uow.commit()
    return Changes(TABLES, op)


def close_follow_ups(ws: Workspace, ids: Sequence[str], done_on: date) -> Changes:
    """Mark the follow-ups done on ``done_on``."""
    name = "Opvolging afronden" if len(ids) == 1 else f"{len(ids)} opvolgingen afronden"
    with ws.uow(name) as uow:
        for item in _open(uow.session, ids):
            if item.follow_up_done_on is None:
                item.follow_up_done_on = done_on
        op = uow.commit()
    return Changes(TABLES, op)


def assign_follow_ups(ws: Workspace, ids: Sequence[str], owner_id: str | None) -> Changes:
    """Hand the follow-ups to ``owner_id`` (a person of the workspace); None: to nobody
    in particular (whoever logged the contact moment)."""
    name = "Opvolging toewijzen" if len(ids) == 1 else f"{len(ids)} opvolgingen toewijzen"
    with ws.uow(name) as uow:
        if owner_id is not None and uow.session.scalar(select(Person.id).where(
                Person.id == owner_id, Person.deleted_at.is_(None))) is None:
            raise ValidationError("follow_up_owner_id",
                                  "Deze persoon staat niet (meer) in de werkruimte.")
        for item in _open(uow.session, ids):
            item.follow_up_owner_id = owner_id
        op = uow.commit()
    return Changes(TABLES, op)


def overdue_before(ws: Workspace, before: date) -> list[str]:
    """Ids of the open follow-ups due before ``before`` (for "Oude afronden")."""
    with ws.read() as s:
        return list(s.scalars(select(Interaction.id).where(
            Interaction.deleted_at.is_(None), Interaction.follow_up_done_on.is_(None),
            Interaction.follow_up_on < before)))
