"""The change journal: operations and the field-level changes they made.

Every write through a service records, in the same transaction, one ``Operation`` and
one ``Change`` row per inserted, updated or deleted row or field. The journal is
append-only: rows are added, never updated (except by "Vergeten", which wipes recorded
values). Undo/redo, per-record history and team synchronisation are built on it:

- ``sequence`` orders the operations of this copy (assigned in the writing transaction,
  1, 2, 3, ...); undo order comes from it, never from the wall clock.
- ``device_id`` (this copy's ``local_device`` row) and ``author`` (the OS user) say who
  wrote it; undo offers only the current device's and author's operations.
- ``kind`` is 'edit', 'undo', 'redo', 'baseline' (a bulk write: ``detail`` holds the
  per-table row counts, there are no change rows) or 'redaction' (a forgotten record:
  change rows with action 'redact' hold the placeholder values, never the old ones).
- An operation is undone when another one reverts it (``reverts_id``); nothing is marked.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dealmaker.domain.dates import utcnow
from dealmaker.storage.models.base import Base, fk, new_id
from dealmaker.storage.types import UUIDKey

EDIT, UNDO, REDO, BASELINE, REDACTION = "edit", "undo", "redo", "baseline", "redaction"


class Operation(Base):
    __tablename__ = "operation"
    __table_args__ = (Index("ix_operation_sequence", "sequence", unique=True),)

    id: Mapped[str] = mapped_column(UUIDKey(), primary_key=True, default=new_id)
    #: local order of operations in this copy (1, 2, ...), unique
    sequence: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(12), default=EDIT)
    name: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    device_id: Mapped[str] = mapped_column(UUIDKey())
    author: Mapped[str] = mapped_column(String(100))
    #: the operation this one undoes or redoes, if any (each is reverted at most once)
    reverts_id: Mapped[str | None] = mapped_column(
        fk("operation.id"),
        index=True, unique=True)
    #: JSON; for a baseline: {"tables": {table: rows written}}
    detail: Mapped[str | None] = mapped_column(Text)


class Change(Base):
    __tablename__ = "change"
    __table_args__ = (Index("ix_change_entity", "entity", "entity_id"),)

    id: Mapped[str] = mapped_column(UUIDKey(), primary_key=True, default=new_id)
    operation_id: Mapped[str] = mapped_column(
        fk("operation.id"), index=True)
    #: order of the change within its operation
    seq: Mapped[int] = mapped_column(Integer)
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[str] = mapped_column(UUIDKey())
    #: insert | update | delete (legacy) | redact | scrubbed (values wiped by forgetting)
    action: Mapped[str] = mapped_column(String(10))
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)  # JSON
    new_value: Mapped[str | None] = mapped_column(Text)  # JSON


class LocalDevice(Base):
    """The one row naming this copy of the workspace (never journalled, never synced)."""

    __tablename__ = "local_device"

    id: Mapped[str] = mapped_column(UUIDKey(), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
