"""The connectieplan's own edges and the plan's local node positions.

``organisation_relation``: a directie and a provincie working together (organisation to
organisation). ``opgave_link``: a person or a unit owns an opgave or works on it. Both
carry kind, strength (1-5) and dates like ``relation``, and are journalled (undoable,
synchronised) like every record the user edits.

``plan_position`` is different on purpose: where a user dragged a node is how *this*
user likes to look at the plan, not a fact about Rijk and region. It is a local table
(like ``local_device``): never journalled, never synchronised, not undone by the
workspace's undo (the window keeps a local undo entry for a drag), and it travels with
the workspace file and its backups. A colleague's copy keeps its own arrangement.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Float, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dealmaker.domain.enums import OpgaveRole, RelationKind
from dealmaker.storage.models.base import Base, Entity, enum_type, fk, new_id
from dealmaker.storage.types import UUIDKey


class OrganisationRelation(Entity):
    """An edge between two organisations (or units), e.g. a directie and a provincie."""

    __tablename__ = "organisation_relation"
    __table_args__ = (
        CheckConstraint("strength BETWEEN 1 AND 5", name="strength_range"),
        CheckConstraint("source_organisation_id <> target_organisation_id", name="two_ends"),
    )

    source_organisation_id: Mapped[str] = mapped_column(fk("organisation.id"), index=True)
    target_organisation_id: Mapped[str] = mapped_column(fk("organisation.id"), index=True)
    kind: Mapped[RelationKind] = mapped_column(enum_type(RelationKind))
    theme_id: Mapped[str | None] = mapped_column(fk("theme.id"))
    strength: Mapped[int] = mapped_column(default=3)
    since: Mapped[date | None]
    until: Mapped[date | None]
    note: Mapped[str] = mapped_column(Text, default="")


class OpgaveLink(Entity):
    """A person or an organisation (unit) that owns an opgave or works on it."""

    __tablename__ = "opgave_link"
    __table_args__ = (
        CheckConstraint("strength BETWEEN 1 AND 5", name="strength_range"),
        CheckConstraint("(person_id IS NULL) <> (organisation_id IS NULL)", name="one_end"),
    )

    opgave_id: Mapped[str] = mapped_column(fk("opgave.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(fk("person.id"), index=True)
    organisation_id: Mapped[str | None] = mapped_column(fk("organisation.id"), index=True)
    role: Mapped[OpgaveRole] = mapped_column(enum_type(OpgaveRole))
    strength: Mapped[int] = mapped_column(default=3)
    since: Mapped[date | None]
    until: Mapped[date | None]
    note: Mapped[str] = mapped_column(Text, default="")


class PlanPosition(Base):
    """Where this user put a node of a plan (local: never journalled, never synced)."""

    __tablename__ = "plan_position"
    __table_args__ = (UniqueConstraint("plan", "layout", "node_id"),)

    id: Mapped[str] = mapped_column(UUIDKey(), primary_key=True, default=new_id)
    #: the deal's id, or "alle" for the plan of every deal
    plan: Mapped[str] = mapped_column(String(40))
    #: the layout the position belongs to ("connectieplan" or "kracht")
    layout: Mapped[str] = mapped_column(String(20))
    node_id: Mapped[str] = mapped_column(UUIDKey())
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
