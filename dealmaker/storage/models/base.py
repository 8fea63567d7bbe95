"""Declarative base: UUID keys, timestamps and soft delete on every entity."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import Date, Dialect, ForeignKey, Index, MetaData, String
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from dealmaker.domain.dates import utcnow
from dealmaker.storage.types import ExactDecimal, UTCDateTime, UUIDKey

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def fk(target: str) -> ForeignKey:
    """A foreign key checked per statement but deferrable to commit (DEFERRABLE INITIALLY
    IMMEDIATE), so ``SET CONSTRAINTS ALL DEFERRED`` works on PostgreSQL too."""
    return ForeignKey(target, deferrable=True, initially="IMMEDIATE")


def new_id() -> str:
    """A new random UUID as text: portable between SQLite and PostgreSQL."""
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    """Base of all tables, with constraint names Alembic batch mode can rely on."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        datetime: UTCDateTime(),
        date: Date(),
        Decimal: ExactDecimal(),
        str: String(255),
    }


class Entity(Base):
    """A record the user owns: journalled, soft-deletable, identified by a UUID."""

    __abstract__ = True

    id: Mapped[str] = mapped_column(UUIDKey(), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: not indexed by default: tables with a "recently changed" list add
    #: ``recent_index(__tablename__)`` (an index per table cost 160 MB on the large demo)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)

    #: Fields never copied into the change journal (bookkeeping only).
    JOURNAL_SKIP = frozenset({"created_at", "updated_at"})


def recent_index(table: str) -> Index:
    """The ``updated_at`` index of a table whose newest rows are listed (Overzicht)."""
    return Index(f"ix_{table}_updated_at", "updated_at")


class OpenEnum(TypeDecorator[StrEnum]):
    """A user-extendable vocabulary (``domain.enums.OpenLabeled``): stored by value as
    VARCHAR(40) like ``enum_type`` (same column, no migration), read back as a member or
    a user-added value."""

    impl = String(40)
    cache_ok = True

    def __init__(self, enum_cls: type[StrEnum]) -> None:
        super().__init__()
        self.enum_cls = enum_cls

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else str(self.enum_cls(value).value)

    def process_result_value(self, value: Any, dialect: Dialect) -> StrEnum | None:
        return None if value is None else self.enum_cls(value)


def enum_type(enum_cls: type[StrEnum]) -> SAEnum:
    """Store a StrEnum by value as portable VARCHAR (no native enum, no CHECK)."""
    return SAEnum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=40,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )
