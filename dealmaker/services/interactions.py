"""Contact moments (contactmomenten): log, edit, delete and complete a follow-up.

Writes go through the ORM in one unit of work, so the journal records them (undo) and
``storage.derived`` refreshes the participants' last contact and next follow-up dates:
logging a contact resets that person's keep-in-touch clock. Reading: ``timeline``
(a person's moments, one in full) and ``follow_ups`` (the Opvolgen list), re-exported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealmaker.domain.dates import utcnow
from dealmaker.domain.enums import Direction, InteractionKind
from dealmaker.services.changes import Changes
from dealmaker.services.follow_ups import FollowUpRow, count_follow_ups, follow_ups
from dealmaker.services.people import ValidationError
from dealmaker.services.timeline import (
    DealRef,
    PersonRef,
    TimelineEntry,
    links,
    timeline,
    timeline_in,
)
from dealmaker.storage.models import (
    Deal,
    Interaction,
    InteractionDeal,
    InteractionParticipant,
    Person,
    Theme,
)
from dealmaker.storage.workspace import Workspace

__all__ = ["DealRef", "FollowUpRow", "InteractionData", "PersonRef", "TimelineEntry",
           "complete_follow_up", "count_follow_ups", "delete_interaction", "edit_interaction",
           "follow_ups", "links", "log_interaction", "timeline", "timeline_in"]

TABLES = frozenset({"interaction", "interaction_participant", "interaction_deal", "person"})


@dataclass(frozen=True)
class InteractionData:
    """A contact moment as the form edits it; ``occurred_on`` and a participant needed."""

    occurred_on: date | None
    kind: InteractionKind = InteractionKind.OVERLEG
    direction: Direction = Direction.WEDERZIJDS
    participant_ids: Sequence[str] = ()
    deal_ids: Sequence[str] = ()
    theme_id: str | None = None
    summary: str = ""
    follow_up_on: date | None = None
    follow_up_action: str = ""


def _validate(s: Session, data: InteractionData) -> tuple[list[str], list[str]]:
    """Check the form; return the participant and deal ids without duplicates."""
    if data.occurred_on is None:
        raise ValidationError("occurred_on", "Vul de datum van het contactmoment in.")
    people = list(dict.fromkeys(data.participant_ids))
    if not people:
        raise ValidationError("participant_ids", "Kies minstens één deelnemer.")
    deals = list(dict.fromkeys(data.deal_ids))
    if data.follow_up_on is not None and data.follow_up_on < data.occurred_on:
        raise ValidationError("follow_up_on",
                              "De opvolgdatum ligt vóór de datum van het contactmoment.")
    if data.follow_up_action.strip() and data.follow_up_on is None:
        raise ValidationError("follow_up_on", "Geef een datum voor de opvolging.")
    known = set(s.scalars(select(Person.id).where(
        Person.id.in_(people), Person.deleted_at.is_(None))))
    if len(known) != len(people):
        raise ValidationError("participant_ids", "Een gekozen deelnemer bestaat niet (meer).")
    if deals and len(set(s.scalars(select(Deal.id).where(
            Deal.id.in_(deals), Deal.deleted_at.is_(None))))) != len(deals):
        raise ValidationError("deal_ids", "Een gekozen deal bestaat niet (meer).")
    if data.theme_id is not None and s.scalar(select(Theme.id).where(
            Theme.id == data.theme_id, Theme.deleted_at.is_(None))) is None:
        raise ValidationError("theme_id", "Het gekozen thema bestaat niet (meer).")
    return people, deals


def _apply(i: Interaction, data: InteractionData) -> None:
    assert data.occurred_on is not None
    i.occurred_on = data.occurred_on
    i.kind = InteractionKind(data.kind)
    i.direction = Direction(data.direction)
    i.theme_id = data.theme_id
    i.summary = data.summary.strip()
    i.follow_up_on = data.follow_up_on
    i.follow_up_action = data.follow_up_action.strip()


def log_interaction(ws: Workspace, data: InteractionData) -> tuple[str, Changes]:
    """Record a contact moment with its participants and deals; returns its id."""
    with ws.uow("Contactmoment vastleggen") as uow:
        s = uow.session
        people, deals = _validate(s, data)
        i = Interaction()
        _apply(i, data)
        s.add(i)
        s.flush()
        s.add_all(InteractionParticipant(interaction_id=i.id, person_id=p) for p in people)
        s.add_all(InteractionDeal(interaction_id=i.id, deal_id=d) for d in deals)
        op = uow.commit()
    return i.id, Changes(TABLES, op)


def _live(s: Session, interaction_id: str) -> Interaction:
    i = s.get(Interaction, interaction_id)
    if i is None or i.deleted_at is not None:
        raise LookupError(f"Contactmoment {interaction_id} bestaat niet (meer).")
    return i


def edit_interaction(ws: Workspace, interaction_id: str, data: InteractionData) -> Changes:
    """Replace the fields, participants and deals of a contact moment."""
    with ws.uow("Contactmoment bewerken") as uow:
        s = uow.session
        i = _live(s, interaction_id)
        people, deals = _validate(s, data)
        _apply(i, data)
        now = utcnow()
        have = {p.person_id: p for p in s.scalars(select(InteractionParticipant).where(
            InteractionParticipant.interaction_id == i.id,
            InteractionParticipant.deleted_at.is_(None)))}
        for pid, link in have.items():
            if pid not in people:
                link.deleted_at = now
        s.add_all(InteractionParticipant(interaction_id=i.id, person_id=p)
                  for p in people if p not in have)
        had = {d.deal_id: d for d in s.scalars(select(InteractionDeal).where(
            InteractionDeal.interaction_id == i.id, InteractionDeal.deleted_at.is_(None)))}
        for did, dlink in had.items():
            if did not in deals:
                dlink.deleted_at = now
        s.add_all(InteractionDeal(interaction_id=i.id, deal_id=d) for d in deals if d not in had)
        op = uow.commit()
    return Changes(TABLES, op)


def delete_interaction(ws: Workspace, interaction_id: str) -> Changes:
    """Soft-delete a contact moment and its links (undo restores all of them)."""
    with ws.uow("Contactmoment verwijderen") as uow:
        s = uow.session
        i = _live(s, interaction_id)
        now = utcnow()
        i.deleted_at = now
        for model in (InteractionParticipant, InteractionDeal):
            for link in s.scalars(select(model).where(
                    model.interaction_id == i.id, model.deleted_at.is_(None))):
                link.deleted_at = now
        op = uow.commit()
    return Changes(TABLES, op)


def complete_follow_up(ws: Workspace, interaction_id: str, done_on: date | None) -> Changes:
    """Mark the follow-up done on ``done_on`` (``None`` reopens it)."""
    with ws.uow("Opvolging afronden" if done_on else "Opvolging heropenen") as uow:
        i = _live(uow.session, interaction_id)
        if i.follow_up_on is None:
            raise ValidationError("follow_up_on", "Dit contactmoment heeft geen opvolging.")
        i.follow_up_done_on = done_on
        op = uow.commit()
    return Changes(TABLES, op)
