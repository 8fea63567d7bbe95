"""The tags a cadence rule can name.

Qt-free; runs on the task runner. There is no service listing tags yet, so this reads
them with one ORM query; to move into the services as soon as they offer one (the
Contacten filter needs the same list).
"""

from __future__ import annotations

from sqlalchemy import func, select

from dealmaker.storage.models import Tag
from dealmaker.storage.workspace import Workspace


def tag_choices(ws: Workspace) -> list[tuple[str, str]]:
    """(id, name) of the live tags, by name."""
    with ws.read() as s:
        rows = s.execute(select(Tag.id, Tag.name).where(Tag.deleted_at.is_(None))
                         .order_by(func.lower(Tag.name)))
        return [(tid, name) for tid, name in rows]
