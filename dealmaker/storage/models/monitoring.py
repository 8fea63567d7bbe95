"""Monitoring: programme goals, projects, indicators, measurements, overleg, bijsturing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from dealmaker.domain.enums import (
    AdjustmentLevel,
    IndicatorDirection,
    IndicatorLevel,
    MeetingKind,
    TrafficLight,
)
from dealmaker.storage.models.base import Entity, enum_type, fk, recent_index


class ProgrammeGoal(Entity):
    __tablename__ = "programme_goal"

    deal_id: Mapped[str] = mapped_column(fk("deal.id"), index=True)
    title: Mapped[str]
    description: Mapped[str] = mapped_column(Text, default="")
    theme_id: Mapped[str | None] = mapped_column(fk("theme.id"))


class Project(Entity):
    __tablename__ = "project"

    deal_id: Mapped[str] = mapped_column(fk("deal.id"), index=True)
    name: Mapped[str]
    lead_organisation_id: Mapped[str | None] = mapped_column(fk("organisation.id"))
    status: Mapped[TrafficLight | None] = mapped_column(enum_type(TrafficLight))


class ProjectGoal(Entity):
    __tablename__ = "project_goal"

    project_id: Mapped[str] = mapped_column(fk("project.id"), index=True)
    goal_id: Mapped[str] = mapped_column(fk("programme_goal.id"), index=True)


class Indicator(Entity):
    __tablename__ = "indicator"
    __table_args__ = (recent_index(__tablename__),)

    deal_id: Mapped[str] = mapped_column(fk("deal.id"), index=True)
    project_id: Mapped[str | None] = mapped_column(fk("project.id"))
    goal_id: Mapped[str | None] = mapped_column(fk("programme_goal.id"))
    level: Mapped[IndicatorLevel] = mapped_column(enum_type(IndicatorLevel))
    name: Mapped[str]
    theme_id: Mapped[str | None] = mapped_column(fk("theme.id"))
    unit: Mapped[str] = mapped_column(String(40), default="")
    source: Mapped[str] = mapped_column(String(120), default="")
    baseline_value: Mapped[Decimal | None]
    baseline_on: Mapped[date | None]
    target_value: Mapped[Decimal | None]
    target_on: Mapped[date | None]
    direction: Mapped[IndicatorDirection] = mapped_column(
        enum_type(IndicatorDirection), default=IndicatorDirection.HOGER_IS_BETER)


class Measurement(Entity):
    __tablename__ = "measurement"

    indicator_id: Mapped[str] = mapped_column(fk("indicator.id"), index=True)
    measured_on: Mapped[date]
    value: Mapped[Decimal]
    note: Mapped[str] = mapped_column(Text, default="")


class Meeting(Entity):
    """An overleg (e.g. the yearly Rijk-regio overleg) and what it decided."""

    __tablename__ = "meeting"
    __table_args__ = (recent_index(__tablename__),)

    deal_id: Mapped[str | None] = mapped_column(fk("deal.id"), index=True)
    kind: Mapped[MeetingKind] = mapped_column(enum_type(MeetingKind))
    held_on: Mapped[date] = mapped_column(index=True)
    title: Mapped[str] = mapped_column(default="")
    #: what is on the table (schema 12)
    agenda: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))
    #: one decision a line; a decision can become a commitment (``commitment.meeting_id``)
    decisions: Mapped[str] = mapped_column(Text, default="")


class MeetingParticipant(Entity):
    __tablename__ = "meeting_participant"

    meeting_id: Mapped[str] = mapped_column(fk("meeting.id"), index=True)
    person_id: Mapped[str] = mapped_column(fk("person.id"), index=True)


class Adjustment(Entity):
    """A bijsturing: a recorded change of course, at project or programme level."""

    __tablename__ = "adjustment"

    deal_id: Mapped[str] = mapped_column(fk("deal.id"), index=True)
    decided_on: Mapped[date]
    level: Mapped[AdjustmentLevel] = mapped_column(enum_type(AdjustmentLevel))
    reason: Mapped[str] = mapped_column(Text)
    meeting_id: Mapped[str | None] = mapped_column(fk("meeting.id"))
    project_id: Mapped[str | None] = mapped_column(fk("project.id"))
    #: the programme goal or indicator the change of course concerns (schema 8)
    goal_id: Mapped[str | None] = mapped_column(fk("programme_goal.id"))
    indicator_id: Mapped[str | None] = mapped_column(fk("indicator.id"))
