"""Reading contact moments: a person's timeline, one moment in full, who and which deals.

The timeline shows the newest moments first with their participants (by name, with the
organisation of their current position) and deals; ``interaction_detail`` gives one
moment whole (the report is never cut off there) for the detail view and the edit form.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Row, Select, func, select
from sqlalchemy.orm import Session

from dealmaker.domain.enums import Direction, InteractionKind
from dealmaker.services.person_facts import Ids, current_positions, full_name, id_in
from dealmaker.storage.models import (
    Deal,
    Interaction,
    InteractionDeal,
    InteractionParticipant,
    Person,
    Theme,
)
from dealmaker.storage.search_query import rowid_bound, unindexed
from dealmaker.storage.workspace import Workspace


@dataclass(frozen=True)
class PersonRef:
    id: str
    name: str
    #: short name of their current organisation ("" when none)
    organisation: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} ({self.organisation})" if self.organisation else self.name


@dataclass(frozen=True)
class DealRef:
    id: str
    name: str


def links(s: Session, interactions: Ids
          ) -> tuple[dict[str, list[PersonRef]], dict[str, list[DealRef]]]:
    """Participants (by name, with organisation) and deals of these contact moments."""
    people: dict[str, list[PersonRef]] = defaultdict(list)
    deals: dict[str, list[DealRef]] = defaultdict(list)
    found: list[Row[str, str, str, str, str]] = []
    for chunk in id_in(InteractionParticipant.interaction_id, interactions):
        found += s.execute(
            select(InteractionParticipant.interaction_id, Person.id, Person.first_name,
                   Person.tussenvoegsel, Person.last_name)
            .join(Person, Person.id == InteractionParticipant.person_id)
            .where(chunk, InteractionParticipant.deleted_at.is_(None),
                   Person.deleted_at.is_(None))
            .order_by(Person.last_name, Person.first_name)).all()
    for chunk in id_in(InteractionDeal.interaction_id, interactions):
        for iid, did, name in s.execute(
                select(InteractionDeal.interaction_id, Deal.id, Deal.name)
                .join(Deal, Deal.id == InteractionDeal.deal_id)
                .where(chunk, InteractionDeal.deleted_at.is_(None), Deal.deleted_at.is_(None))
                .order_by(Deal.name)):
            deals[iid].append(DealRef(did, name))
    who = (select(InteractionParticipant.person_id).where(
        InteractionParticipant.interaction_id.in_(interactions))
        if isinstance(interactions, Select) else [r[1] for r in found])
    orgs = current_positions(s, who)
    refs: dict[str, PersonRef] = {}
    for iid, pid, first, tussenvoegsel, last in found:
        if pid not in refs:
            at = orgs.get(pid)
            refs[pid] = PersonRef(pid, full_name(first, tussenvoegsel, last),
                                  at[0].organisation if at else "")
        people[iid].append(refs[pid])
    return people, deals


@dataclass(frozen=True)
class TimelineEntry:
    interaction_id: str
    occurred_on: date
    kind: InteractionKind
    direction: Direction
    theme: str
    summary: str
    participants: tuple[PersonRef, ...]
    deals: tuple[DealRef, ...]
    follow_up_on: date | None
    follow_up_action: str
    follow_up_done_on: date | None


def timeline(ws: Workspace, person_id: str, limit: int | None = None) -> list[TimelineEntry]:
    """The person's contact moments, newest first, with all participants."""
    with ws.read() as s:
        return timeline_in(s, person_id, limit)


def timeline_in(s: Session, person_id: str, limit: int | None) -> list[TimelineEntry]:
    mine = select(InteractionParticipant.interaction_id).where(
        InteractionParticipant.person_id == person_id,
        InteractionParticipant.deleted_at.is_(None))
    # A person in thousands of moments: walk the date index and probe their list (the
    # unary ``+`` keeps SQLite from looking each id up and sorting them all instead).
    many = 0 if limit is None else s.scalar(select(func.count()).select_from(
        mine.subquery())) or 0
    walk = limit is not None and many * many > limit * rowid_bound(s, "interaction")
    own = (unindexed(Interaction.id) if walk else Interaction.id).in_(mine)
    ids = list(s.scalars(
        select(Interaction.id).where(own, Interaction.deleted_at.is_(None))
        .order_by(Interaction.occurred_on.desc(), Interaction.created_at.desc(),
                  Interaction.id).limit(limit)))
    found = {}
    for chunk in id_in(Interaction.id, ids):
        for r in s.execute(
                select(Interaction.id, Interaction.occurred_on, Interaction.kind,
                       Interaction.direction, Theme.name, Interaction.summary,
                       Interaction.follow_up_on, Interaction.follow_up_action,
                       Interaction.follow_up_done_on)
                .outerjoin(Theme, Theme.id == Interaction.theme_id).where(chunk)):
            found[r[0]] = r
    rows = [found[i] for i in ids]
    people, deals = links(s, ids)
    return [TimelineEntry(iid, on, kind, direction, theme or "", summary,
                          tuple(people.get(iid, ())), tuple(deals.get(iid, ())),
                          follow_on, action, done)
            for iid, on, kind, direction, theme, summary, follow_on, action, done in rows]


@dataclass(frozen=True)
class InteractionDetail:
    """One contact moment whole: the detail view and the edit form read it."""

    entry: TimelineEntry
    theme_id: str | None


def interaction_detail(ws: Workspace, interaction_id: str) -> InteractionDetail:
    """The moment with its whole report; ``LookupError`` when it is gone."""
    with ws.read() as s:
        i = s.get(Interaction, interaction_id)
        if i is None or i.deleted_at is not None:
            raise LookupError(f"Contactmoment {interaction_id} bestaat niet (meer).")
        theme = s.scalar(select(Theme.name).where(Theme.id == i.theme_id)) if i.theme_id \
            else None
        people, deals = links(s, [i.id])
        return InteractionDetail(
            TimelineEntry(i.id, i.occurred_on, i.kind, i.direction, theme or "", i.summary,
                          tuple(people.get(i.id, ())), tuple(deals.get(i.id, ())),
                          i.follow_up_on, i.follow_up_action, i.follow_up_done_on),
            i.theme_id)
