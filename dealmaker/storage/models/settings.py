"""Workspace settings and keep-in-touch (cadence) rules, journalled like all user data."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dealmaker.storage.models.base import Entity, fk


class WorkspaceSetting(Entity):
    """One named workspace-wide setting; ``value`` is JSON text (e.g. ``90``)."""

    __tablename__ = "workspace_setting"
    __table_args__ = (UniqueConstraint("key"),)

    key: Mapped[str] = mapped_column(String(60))
    value: Mapped[str] = mapped_column(Text, default="null")


class CadenceRule(Entity):
    """Default contact frequency for persons with a tag, or whose function title contains
    a text (e.g. "wethouder"). A person's own ``cadence_days`` wins over every rule."""

    __tablename__ = "cadence_rule"
    __table_args__ = (
        CheckConstraint("days > 0", name="days_positive"),
        CheckConstraint("(tag_id IS NULL) <> (title_contains IS NULL)", name="one_match"),
    )

    tag_id: Mapped[str | None] = mapped_column(fk("tag.id"), index=True)
    title_contains: Mapped[str | None] = mapped_column(String(100))
    days: Mapped[int]
