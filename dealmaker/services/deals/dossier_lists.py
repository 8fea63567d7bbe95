"""The lists on a dossier's tabs that can be long: the deal's contact moments (newest
first, with a limit), its meetings and its indicators with their latest measurement.
Each row carries the id its record opens by; all queries are portable SQL."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from dealmaker.domain.enums import IndicatorLevel, InteractionKind, MeetingKind
from dealmaker.storage.models import (
    Indicator,
    Interaction,
    InteractionDeal,
    InteractionParticipant,
    Measurement,
    Meeting,
    Person,
)
from dealmaker.storage.workspace import Workspace

#: a dossier shows this many contact moments (newest first); Contacten has them all
MOMENT_LIMIT = 300


@dataclass(frozen=True)
class MomentLine:
    id: str
    occurred_on: date
    kind: InteractionKind
    summary: str
    participants: str


@dataclass(frozen=True)
class Moments:
    rows: tuple[MomentLine, ...]
    #: all the deal's contact moments (``rows`` holds at most ``MOMENT_LIMIT``)
    total: int


@dataclass(frozen=True)
class MeetingLine:
    id: str
    held_on: date
    kind: MeetingKind
    title: str
    decisions: str


@dataclass(frozen=True)
class IndicatorLine:
    id: str
    name: str
    level: IndicatorLevel
    unit: str
    baseline: Decimal | None
    target: Decimal | None
    target_on: date | None
    latest: Decimal | None
    latest_on: date | None


def deal_moments(ws: Workspace, deal_id: str, limit: int = MOMENT_LIMIT) -> Moments:
    live = (InteractionDeal.deal_id == deal_id, InteractionDeal.deleted_at.is_(None),
            Interaction.deleted_at.is_(None))
    with ws.read() as s:
        # deleting a contact moment deletes its deal links too: the links alone count
        total = s.scalar(select(func.count()).select_from(InteractionDeal).where(
            *live[:2])) or 0
        rows = s.execute(select(Interaction.id, Interaction.occurred_on, Interaction.kind,
                                Interaction.summary)
                         .join(InteractionDeal, InteractionDeal.interaction_id == Interaction.id)
                         .where(*live)
                         .order_by(Interaction.occurred_on.desc(), Interaction.id)
                         .limit(limit)).all()
        names: dict[str, list[str]] = defaultdict(list)
        ids = [r[0] for r in rows]
        for start in range(0, len(ids), 500):
            for iid, first, tv, last in s.execute(
                    select(InteractionParticipant.interaction_id, Person.first_name,
                           Person.tussenvoegsel, Person.last_name)
                    .join(Person, Person.id == InteractionParticipant.person_id)
                    .where(InteractionParticipant.interaction_id.in_(ids[start:start + 500]),
                           InteractionParticipant.deleted_at.is_(None))
                    .order_by(Person.last_name, Person.first_name)):
                names[iid].append(" ".join(p for p in (first, tv, last) if p))
    return Moments(tuple(MomentLine(r[0], r[1], r[2], r[3], ", ".join(names[r[0]]))
                         for r in rows), int(total))


def deal_meetings(ws: Workspace, deal_id: str) -> tuple[MeetingLine, ...]:
    with ws.read() as s:
        return tuple(MeetingLine(*r) for r in s.execute(
            select(Meeting.id, Meeting.held_on, Meeting.kind, Meeting.title, Meeting.decisions)
            .where(Meeting.deal_id == deal_id, Meeting.deleted_at.is_(None))
            .order_by(Meeting.held_on.desc(), Meeting.id)))


def deal_indicators(ws: Workspace, deal_id: str) -> tuple[IndicatorLine, ...]:
    with ws.read() as s:
        indicators = s.scalars(select(Indicator).where(
            Indicator.deal_id == deal_id, Indicator.deleted_at.is_(None))
            .order_by(Indicator.level, func.lower(Indicator.name))).all()
        latest: dict[str, tuple[date, Decimal]] = {}
        for iid, on, value in s.execute(
                select(Measurement.indicator_id, Measurement.measured_on, Measurement.value)
                .where(Measurement.indicator_id.in_([i.id for i in indicators]),
                       Measurement.deleted_at.is_(None))
                .order_by(Measurement.measured_on)):
            latest[iid] = (on, value)
        return tuple(IndicatorLine(
            i.id, i.name, i.level, i.unit, i.baseline_value, i.target_value, i.target_on,
            latest[i.id][1] if i.id in latest else None,
            latest[i.id][0] if i.id in latest else None) for i in indicators)
