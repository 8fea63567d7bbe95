"""Connectieplan relations and contact moments (interactions)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Text
from sqlalchemy.orm import Mapped, mapped_column

from dealmaker.domain.enums import Direction, InteractionKind, RelationKind
from dealmaker.storage.models.base import Entity, enum_type, fk, recent_index


class Relation(Entity):
    """An edge: person -> person, or person -> organisation."""

    __tablename__ = "relation"
    __table_args__ = (
        recent_index(__tablename__),
        CheckConstraint("strength BETWEEN 1 AND 5", name="strength_range"),
        CheckConstraint(
            "(target_person_id IS NULL) <> (target_organisation_id IS NULL)",
            name="one_target"),
    )

    source_person_id: Mapped[str] = mapped_column(fk("person.id"), index=True)
    target_person_id: Mapped[str | None] = mapped_column(fk("person.id"), index=True)
    target_organisation_id: Mapped[str | None] = mapped_column(
        fk("organisation.id"), index=True)
    kind: Mapped[RelationKind] = mapped_column(enum_type(RelationKind))
    theme_id: Mapped[str | None] = mapped_column(fk("theme.id"))
    strength: Mapped[int] = mapped_column(default=3)
    since: Mapped[date | None]
    owner_id: Mapped[str | None] = mapped_column(fk("person.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class Interaction(Entity):
    """A contactmoment: when, how, about what, and what follows."""

    __tablename__ = "interaction"

    occurred_on: Mapped[date] = mapped_column(index=True)
    kind: Mapped[InteractionKind] = mapped_column(enum_type(InteractionKind))
    direction: Mapped[Direction] = mapped_column(
        enum_type(Direction), default=Direction.WEDERZIJDS)
    theme_id: Mapped[str | None] = mapped_column(fk("theme.id"))
    summary: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[date | None] = mapped_column(index=True)
    follow_up_action: Mapped[str] = mapped_column(Text, default="")
    follow_up_done_on: Mapped[date | None]
    #: who does the follow-up when it is handed to a colleague (None: who logged it)
    follow_up_owner_id: Mapped[str | None] = mapped_column(fk("person.id"), index=True)


class InteractionParticipant(Entity):
    __tablename__ = "interaction_participant"

    interaction_id: Mapped[str] = mapped_column(fk("interaction.id"), index=True)
    #: a plain index: every query by person also reads ``deleted_at`` from the row, so a
    #: (person_id, interaction_id) index covered nothing and cost 20 MB on the large demo
    person_id: Mapped[str] = mapped_column(fk("person.id"), index=True)


class InteractionDeal(Entity):
    __tablename__ = "interaction_deal"

    interaction_id: Mapped[str] = mapped_column(fk("interaction.id"), index=True)
    deal_id: Mapped[str] = mapped_column(fk("deal.id"), index=True)
