"""Contact moments (contactmomenten): log, edit, delete, follow up; the Opvolgen list.

Writes go through the ORM in one unit of work, so the journal records them (undo) and
``storage.derived`` refreshes the participants' last contact and next follow-up dates:
logging a contact resets that person's keep-in-touch clock.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Row, Select, func, select
from sqlalchemy.orm import Session

from dealmaker.domain.dates import utcnow
from dealmaker.domain.enums import Direction, InteractionKind
from dealmaker.services.changes import Changes
from dealmaker.services.directory import Ids, current_positions, full_name, id_in
from dealmaker.services.people import ValidationError
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

    @property
    def participants_text(self) -> str:
        return ", ".join(p.label for p in self.participants)

    @property
    def deals_text(self) -> str:
        return ", ".join(d.name for d in self.deals)


def _due(until: date, include_done: bool) -> list[ColumnElement[bool]]:
    due = [Interaction.deleted_at.is_(None), Interaction.follow_up_on.is_not(None),
           Interaction.follow_up_on <= until]
    if not include_done:
        due.append(Interaction.follow_up_done_on.is_(None))
    return due


def follow_ups(ws: Workspace, until: date, include_done: bool = False,
               today: date | None = None, *, offset: int = 0,
               limit: int | None = None) -> list[FollowUpRow]:
    """Follow-ups due on or before ``until`` (overdue: before ``today``), oldest first.

    ``offset``/``limit`` page the list for a lazy table (``count_follow_ups`` for its
    length); without them every row comes back at once.
    """
    today = today or date.today()
    order = (Interaction.follow_up_on, Interaction.occurred_on, Interaction.id)
    which = (select(Interaction.id).where(*_due(until, include_done)).order_by(*order)
             .offset(max(0, offset)).limit(limit))
    with ws.read() as s:
        found = s.execute(
            select(Interaction.id, Interaction.follow_up_on, Interaction.follow_up_action,
                   Interaction.follow_up_done_on, Interaction.occurred_on, Interaction.kind,
                   Interaction.summary)
            .where(*_due(until, include_done)).order_by(*order)
            .offset(max(0, offset)).limit(limit)).all()
        # a page: its ids as a list; the whole list: the selecting query, once per table
        people, deals = links(s, which if limit is None else [r[0] for r in found])
    rows = []
    for iid, on, action, done, occurred, kind, summary in found:
        assert on is not None  # selected by follow_up_on IS NOT NULL
        rows.append(FollowUpRow(iid, on, action, done is None and on < today, done, occurred,
                                kind, summary, tuple(people.get(iid, ())),
                                tuple(deals.get(iid, ()))))
    return rows


def count_follow_ups(ws: Workspace, until: date, include_done: bool = False) -> int:
    with ws.read() as s:
        return int(s.scalar(select(func.count()).select_from(Interaction)
                            .where(*_due(until, include_done))) or 0)
