"""The tables a shared workspace holds on the server."""

from __future__ import annotations

from sqlalchemy import Table

from dealmaker.storage.models import Base, Entity


def shared_tables() -> list[Table]:
    """Every journalled (``Entity``) table, parents before children."""
    names = {str(m.class_.__tablename__) for m in Entity.registry.mappers
             if issubclass(m.class_, Entity)}
    return [t for t in Base.metadata.sorted_tables if t.name in names]
