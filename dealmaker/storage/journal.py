"""Record every flushed change of an ``Entity`` into the change journal.

Installed on the session factory of a workspace: in ``before_flush`` it turns the
session's new, dirty and deleted entities into ``Change`` rows under one ``Operation``
per unit of work, so the journal commits or rolls back with the data it describes.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, sessionmaker

from dealmaker.domain.dates import utcnow
from dealmaker.storage.models import Change, Entity, Operation
from dealmaker.storage.models.base import new_id

OPERATION_NAME = "operation_name"
OPERATION = "operation"
SUPPRESS = "journal_suppressed"


def to_json(value: Any) -> Any:
    """A column value as JSON-safe data (dates ISO, Decimal as text, enums by value)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def entity_snapshot(obj: Entity) -> dict[str, Any]:
    """All journalled column values of an entity."""
    mapper = inspect(obj).mapper
    return {
        attr.key: to_json(getattr(obj, attr.key))
        for attr in mapper.column_attrs
        if attr.key not in obj.JOURNAL_SKIP
    }


def _operation_id(session: Session) -> str:
    op_id = session.info.get(OPERATION)
    if op_id is None:
        op_id = new_id()
        session.connection().execute(insert(Operation).values(
            id=op_id, name=session.info.get(OPERATION_NAME, "Wijziging"), at=utcnow()))
        session.info[OPERATION] = op_id
        session.info["journal_seq"] = 0
    return str(op_id)


def _row(session: Session, obj: Entity, action: str, field: str | None,
         old: Any, new: Any) -> dict[str, Any]:
    op_id = _operation_id(session)
    session.info["journal_seq"] += 1
    return {
        "id": new_id(), "operation_id": op_id,
        "seq": session.info["journal_seq"], "entity": obj.__tablename__,
        "entity_id": obj.id, "action": action, "field": field,
        "old_value": None if old is None else json.dumps(old, ensure_ascii=False),
        "new_value": None if new is None else json.dumps(new, ensure_ascii=False),
    }


def _after_flush(session: Session, _ctx: object) -> None:
    """Runs while pre-flush state (new/dirty/deleted, history) is still visible."""
    if session.info.get(SUPPRESS):
        return
    rows: list[dict[str, Any]] = []
    for obj in session.new:
        if isinstance(obj, Entity):
            rows.append(_row(session, obj, "insert", None, None, entity_snapshot(obj)))
    for obj in session.dirty:
        if not isinstance(obj, Entity):
            continue
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            if attr.key in obj.JOURNAL_SKIP:
                continue
            hist = state.attrs[attr.key].history
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if hist.added and old != new:
                rows.append(_row(session, obj, "update", attr.key, to_json(old), to_json(new)))
    for obj in session.deleted:
        if isinstance(obj, Entity):
            rows.append(_row(session, obj, "delete", None, entity_snapshot(obj), None))
    if rows:
        session.connection().execute(insert(Change), rows)


def _after_end(session: Session, *_args: object) -> None:
    session.info.pop(OPERATION, None)


def install_journal(factory: sessionmaker[Session]) -> None:
    """Journal every flush of sessions made by ``factory``."""
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "after_commit", _after_end)
    event.listen(factory, "after_rollback", _after_end)
