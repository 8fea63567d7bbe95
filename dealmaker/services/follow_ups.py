"""The Opvolgen list: follow-ups of contact moments due by a date, most relevant first,
optionally of one deal or person, paged for a lazy table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from dealmaker.domain.enums import InteractionKind
from dealmaker.services.person_facts import full_name
from dealmaker.services.timeline import DealRef, PersonRef, links
from dealmaker.storage.models import (
    Deal,
    Interaction,
    InteractionDeal,
    InteractionParticipant,
    Person,
)
from dealmaker.storage.workspace import Workspace


@dataclass(frozen=True)
class FollowUpRow:
    """One line of the Opvolgen list: what to do, when, with whom, about which deals."""

    interaction_id: str
    follow_up_on: date
    action: str
    overdue: bool
    done_on: date | None
    occurred_on: date
    kind: InteractionKind
    summary: str
    participants: tuple[PersonRef, ...]
    deals: tuple[DealRef, ...]
    #: the colleague it was handed to (None: whoever logged the contact moment)
    owner: PersonRef | None = None

    @property
    def participants_text(self) -> str:
        return ", ".join(p.label for p in self.participants)

    @property
    def deals_text(self) -> str:
        return ", ".join(d.name for d in self.deals)


#: the "Door" filter value for follow-ups handed to nobody in particular
NOBODY = ""


def _due(until: date, include_done: bool, deal_id: str | None = None,
         person_id: str | None = None, owner_id: str | None = None
         ) -> list[ColumnElement[bool]]:
    due = [Interaction.deleted_at.is_(None), Interaction.follow_up_on.is_not(None),
           Interaction.follow_up_on <= until]
    if not include_done:
        due.append(Interaction.follow_up_done_on.is_(None))
    if deal_id is not None:
        due.append(Interaction.id.in_(select(InteractionDeal.interaction_id).where(
            InteractionDeal.deal_id == deal_id, InteractionDeal.deleted_at.is_(None))))
    if person_id is not None:
        due.append(Interaction.id.in_(select(InteractionParticipant.interaction_id).where(
            InteractionParticipant.person_id == person_id,
            InteractionParticipant.deleted_at.is_(None))))
    if owner_id == NOBODY:
        due.append(Interaction.follow_up_owner_id.is_(None))
    elif owner_id is not None:
        due.append(Interaction.follow_up_owner_id == owner_id)
    return due


def relevance(today: date) -> tuple[Any, ...]:
    """Most relevant first: what is due from today on (soonest first), then what is late
    (newest first), so yesterday's follow-up is not buried under 2021's."""
    coming = Interaction.follow_up_on >= today
    return (case((coming, 0), else_=1), case((coming, Interaction.follow_up_on)),
            Interaction.follow_up_on.desc(), Interaction.occurred_on.desc(), Interaction.id)


def follow_ups(ws: Workspace, until: date, include_done: bool = False,
               today: date | None = None, *, offset: int = 0,
               limit: int | None = None, deal_id: str | None = None,
               person_id: str | None = None, owner_id: str | None = None
               ) -> list[FollowUpRow]:
    """Follow-ups due on or before ``until`` (overdue: before ``today``), most relevant
    first (``relevance``), of one deal, person or owner when given (owner ``NOBODY``:
    the ones handed to nobody).

    ``offset``/``limit`` page the list for a lazy table (``count_follow_ups`` for its
    length); without them every row comes back at once.
    """
    today = today or date.today()
    where = _due(until, include_done, deal_id, person_id, owner_id)
    order = relevance(today)
    which = (select(Interaction.id).where(*where).order_by(*order)
             .offset(max(0, offset)).limit(limit))
    with ws.read() as s:
        found = s.execute(
            select(Interaction.id, Interaction.follow_up_on, Interaction.follow_up_action,
                   Interaction.follow_up_done_on, Interaction.occurred_on, Interaction.kind,
                   Interaction.summary, Interaction.follow_up_owner_id)
            .where(*where).order_by(*order)
            .offset(max(0, offset)).limit(limit)).all()
        # a page: its ids as a list; the whole list: the selecting query, once per table
        people, deals = links(s, which if limit is None else [r[0] for r in found])
        owners = _people(s, {r[7] for r in found if r[7] is not None})
    rows = []
    for iid, on, action, done, occurred, kind, summary, owner in found:
        assert on is not None  # selected by follow_up_on IS NOT NULL
        rows.append(FollowUpRow(iid, on, action, done is None and on < today, done, occurred,
                                kind, summary, tuple(people.get(iid, ())),
                                tuple(deals.get(iid, ())),
                                owners.get(owner) if owner is not None else None))
    return rows


def _people(s: Session, ids: set[str]) -> dict[str, PersonRef]:
    if not ids:
        return {}
    found = s.execute(select(Person.id, Person.first_name, Person.tussenvoegsel,
                             Person.last_name).where(Person.id.in_(list(ids)))).all()
    return {pid: PersonRef(pid, full_name(f, t, last)) for pid, f, t, last in found}


def count_follow_ups(ws: Workspace, until: date, include_done: bool = False, *,
                     deal_id: str | None = None, person_id: str | None = None,
                     owner_id: str | None = None) -> int:
    with ws.read() as s:
        return int(s.scalar(select(func.count()).select_from(Interaction).where(
            *_due(until, include_done, deal_id, person_id, owner_id))) or 0)


Choices = list[tuple[str, str]]


def filter_choices(ws: Workspace) -> tuple[Choices, Choices, Choices]:
    """(deals, persons, owners) that have follow-ups, as (name, id), for the filters."""
    with ws.read() as s:
        has_follow_up = select(Interaction.id).where(
            Interaction.deleted_at.is_(None), Interaction.follow_up_on.is_not(None))
        deals = s.execute(select(Deal.name, Deal.id).where(Deal.deleted_at.is_(None))
                          .order_by(Deal.name)).all()
        people = _named(s, select(InteractionParticipant.person_id).where(
            InteractionParticipant.interaction_id.in_(has_follow_up),
            InteractionParticipant.deleted_at.is_(None)))
        owners = _named(s, select(Interaction.follow_up_owner_id).where(
            Interaction.deleted_at.is_(None), Interaction.follow_up_owner_id.is_not(None)))
    return [(name, did) for name, did in deals], people, owners


def _named(s: Session, ids: Any) -> Choices:
    people = s.execute(
        select(Person.first_name, Person.tussenvoegsel, Person.last_name, Person.id)
        .where(Person.deleted_at.is_(None), Person.id.in_(ids))).all()
    return sorted(((full_name(f, t, last), pid) for f, t, last, pid in people),
                  key=lambda p: p[0].casefold())
