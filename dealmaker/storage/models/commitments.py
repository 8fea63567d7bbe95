"""Toezeggingen (both ways), their dated state history, and mandates."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Text
from sqlalchemy.orm import Mapped, mapped_column

from dealmaker.domain.enums import CommitmentKind, CommitmentState
from dealmaker.storage.models.base import Entity, OpenEnum, enum_type, fk, recent_index


class Commitment(Entity):
    __tablename__ = "commitment"
    __table_args__ = (recent_index(__tablename__),)

    deal_id: Mapped[str | None] = mapped_column(fk("deal.id"), index=True)
    title: Mapped[str]
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[CommitmentKind] = mapped_column(OpenEnum(CommitmentKind))
    from_organisation_id: Mapped[str] = mapped_column(fk("organisation.id"), index=True)
    to_organisation_id: Mapped[str] = mapped_column(fk("organisation.id"), index=True)
    owner_id: Mapped[str | None] = mapped_column(fk("person.id"), index=True)
    counterpart_id: Mapped[str | None] = mapped_column(fk("person.id"), index=True)
    amount_cents: Mapped[int | None] = mapped_column(BigInteger)
    due_on: Mapped[date | None] = mapped_column(index=True)
    within_mandate: Mapped[bool] = mapped_column(default=True)
    confirmed_by_id: Mapped[str | None] = mapped_column(fk("person.id"))
    state: Mapped[CommitmentState] = mapped_column(
        enum_type(CommitmentState), default=CommitmentState.CONCEPT)
    #: the overleg where it was made (a decision of that meeting), if any (schema 12)
    meeting_id: Mapped[str | None] = mapped_column(fk("meeting.id"), index=True)


class CommitmentStateChange(Entity):
    """One dated step in a commitment's life (concept -> afgesproken -> ...)."""

    __tablename__ = "commitment_state_change"

    commitment_id: Mapped[str] = mapped_column(fk("commitment.id"), index=True)
    state: Mapped[CommitmentState] = mapped_column(enum_type(CommitmentState))
    changed_on: Mapped[date]
    note: Mapped[str] = mapped_column(Text, default="")


class Mandate(Entity):
    """What a person may promise on a topic, up to a limit, granted by whom."""

    __tablename__ = "mandate"

    holder_id: Mapped[str] = mapped_column(fk("person.id"), index=True)
    deal_id: Mapped[str | None] = mapped_column(fk("deal.id"))
    topic: Mapped[str]
    limit_cents: Mapped[int | None] = mapped_column(BigInteger)
    granted_by_id: Mapped[str | None] = mapped_column(fk("person.id"))
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]
