"""The change journal: operations and the field-level changes they made.

Every write through a service records, in the same transaction, one ``Operation`` and
one ``Change`` row per inserted, updated or deleted field. Undo/redo, per-record history
and team synchronisation are built on these rows.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dealmaker.domain.dates import utcnow
from dealmaker.storage.models.base import Base, new_id
from dealmaker.storage.types import UUIDKey


class Operation(Base):
    __tablename__ = "operation"

    id: Mapped[str] = mapped_column(UUIDKey(), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    undone_at: Mapped[datetime | None]
    #: the operation this one undoes or redoes, if any
    reverts_id: Mapped[str | None] = mapped_column(ForeignKey("operation.id"))


class Change(Base):
    __tablename__ = "change"
    __table_args__ = (Index("ix_change_entity", "entity", "entity_id"),)

    id: Mapped[str] = mapped_column(UUIDKey(), primary_key=True, default=new_id)
    operation_id: Mapped[str] = mapped_column(ForeignKey("operation.id"), index=True)
    #: order of the change within its operation
    seq: Mapped[int] = mapped_column(Integer)
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[str] = mapped_column(UUIDKey())
    action: Mapped[str] = mapped_column(String(10))  # insert | update | delete
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)  # JSON
    new_value: Mapped[str | None] = mapped_column(Text)  # JSON
