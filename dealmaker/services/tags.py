"""The tags of a workspace, for filter lists and cadence rules."""

from __future__ import annotations

from sqlalchemy import func, select

from dealmaker.storage.models import Tag
from dealmaker.storage.workspace import Workspace


def tag_options(ws: Workspace) -> list[tuple[str, str]]:
    """(id, name) of the live tags, by name (case-insensitive)."""
    with ws.read() as s:
        rows = s.execute(select(Tag.id, Tag.name).where(Tag.deleted_at.is_(None))
                         .order_by(func.lower(Tag.name)))
        return [(tid, name) for tid, name in rows]
