"""Record every flushed change of an ``Entity`` into the change journal.

Installed on the session factory of a workspace: in ``after_flush`` it turns the
session's new, dirty and deleted entities into ``Change`` rows under one ``Operation``
per unit of work, so the journal commits or rolls back with the data it describes.

The operation row is written once, complete, when the first change is flushed (the
journal is append-only): its local ``sequence`` (max + 1, inside the writing
transaction, so two writers cannot both take it: the column is unique), its kind, the
operation it reverts, this copy's device id and the author (the OS user).
"""

from __future__ import annotations

import getpass
import json
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import (
    Connection,
    String,
    Table,
    Text,
    event,
    func,
    insert,
    inspect,
    select,
    type_coerce,
)
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import Session, sessionmaker

from dealmaker.domain.dates import utcnow
from dealmaker.storage.models import Change, Entity, Operation
from dealmaker.storage.models.base import new_id
from dealmaker.storage.models.journal import BASELINE, EDIT, REDACTION, LocalDevice

OPERATION_NAME = "operation_name"
OPERATION_KIND = "operation_kind"
OPERATION_REVERTS = "operation_reverts"
OPERATION = "operation"
SUPPRESS = "journal_suppressed"
DEVICE = "device_id"
AUTHOR = "author"
#: ``Change.action`` of a forgotten record's placeholder values (kind 'redaction')
REDACT = "redact"


def current_author() -> str:
    """Who writes: the OS user name (a team server will use the PostgreSQL role)."""
    try:
        return getpass.getuser()[:100] or "onbekend"
    except (OSError, KeyError, ImportError):
        return "onbekend"


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
    """All journalled column values of an entity (``created_at`` included)."""
    mapper = inspect(obj).mapper
    return {
        attr.key: to_json(getattr(obj, attr.key))
        for attr in mapper.column_attrs
        if attr.key not in obj.JOURNAL_SKIP or attr.key == "created_at"
    }


def device_id(session: Session) -> str:
    """This copy's device id (``local_device``), cached in the session's info."""
    found = session.info.get(DEVICE)
    if found is None:
        found = session.connection().execute(select(LocalDevice.id).limit(1)).scalar()
        if found is None:
            found = new_id()
            session.connection().execute(insert(LocalDevice).values(id=found, created_at=utcnow()))
        session.info[DEVICE] = found
    return str(found)


def begin_operation(session: Session) -> str:
    """The id of this unit of work's operation, writing the row on first use."""
    op_id = session.info.get(OPERATION)
    if op_id is None:
        op_id = new_id()
        conn = session.connection()
        sequence = conn.execute(select(func.coalesce(func.max(Operation.sequence), 0))).scalar()
        conn.execute(insert(Operation).values(
            id=op_id, sequence=int(sequence or 0) + 1, at=utcnow(),
            kind=session.info.get(OPERATION_KIND, EDIT),
            name=session.info.get(OPERATION_NAME, "Wijziging"),
            reverts_id=session.info.get(OPERATION_REVERTS),
            device_id=device_id(session),
            author=session.info.get(AUTHOR) or current_author()))
        session.info[OPERATION] = op_id
        session.info["journal_seq"] = 0
    return str(op_id)


def _row(session: Session, table: str, entity_id: str, action: str, field: str | None,
         old: Any, new: Any) -> dict[str, Any]:
    op_id = begin_operation(session)
    session.info["journal_seq"] += 1
    return {
        "id": new_id(), "operation_id": op_id,
        "seq": session.info["journal_seq"], "entity": table,
        "entity_id": entity_id, "action": action, "field": field,
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
            rows.append(_row(session, obj.__tablename__, obj.id, "insert", None, None,
                             entity_snapshot(obj)))
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
                rows.append(_row(session, obj.__tablename__, obj.id, "update", attr.key,
                                 to_json(old), to_json(new)))
    for obj in session.deleted:
        if isinstance(obj, Entity):
            rows.append(_row(session, obj.__tablename__, obj.id, "delete", None,
                             entity_snapshot(obj), None))
    if rows:
        session.connection().execute(insert(Change), rows)


def _marked_cells(session: Session, marker: str) -> list[tuple[str, str, str, Any]]:
    """(table, id, column, text) of every text cell of the user's tables holding
    ``marker`` (the text "Vergeten" puts where a name or address stood)."""
    found: list[tuple[str, str, str, Any]] = []
    conn = session.connection()
    for mapper in Entity.registry.mappers:
        cls = mapper.class_
        if not issubclass(cls, Entity):  # (abstract classes have no mapper)
            continue
        table = mapper.local_table
        assert isinstance(table, Table)
        texts = [c for c in table.columns
                 if isinstance(getattr(c.type, "impl", c.type), String | Text)
                 and not isinstance(c.type, SAEnum) and not c.primary_key
                 and not c.foreign_keys and c.key not in cls.JOURNAL_SKIP]
        for col in texts:
            as_text = type_coerce(col, Text)
            for row_id, value in conn.execute(select(table.c.id, col).where(
                    as_text.contains(marker, autoescape=True))):
                found.append((table.name, str(row_id), col.key, to_json(value)))
    return found


def record_redaction(session: Session, name: str, records: list[Entity],
                     marker: str | None = None) -> str:
    """Journal "Vergeten" as one operation of kind 'redaction': per forgotten record a
    change row (action 'redact', no field) holding the placeholder values it has now,
    and, with ``marker``, per text cell of any record that now holds it a change row
    (action 'redact', that field) with the text it holds now - never what it held.
    Another copy applies it by forgetting what it knows itself and then writing these
    values. Works in a session whose journal is suppressed; flushes first."""
    session.flush()
    session.info[OPERATION_KIND] = REDACTION
    session.info[OPERATION_NAME] = name
    session.info.pop(OPERATION, None)
    op_id = begin_operation(session)
    rows = [_row(session, obj.__tablename__, obj.id, REDACT, None, None, entity_snapshot(obj))
            for obj in records]
    if marker is not None:
        rows += [_row(session, table, row_id, REDACT, field, None, value)
                 for table, row_id, field, value in _marked_cells(session, marker)]
    if rows:
        session.connection().execute(insert(Change), rows)
    return op_id


def _after_end(session: Session, *_args: object) -> None:
    session.info.pop(OPERATION, None)


def install_journal(factory: sessionmaker[Session]) -> None:
    """Journal every flush of sessions made by ``factory``."""
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "after_commit", _after_end)
    event.listen(factory, "after_rollback", _after_end)


def record_baseline(conn: Connection, name: str, tables: dict[str, int]) -> str:
    """Journal a bulk write (demo generation, a data-writing migration) as one operation
    of kind 'baseline' naming the rows it wrote per table; it has no change rows, so a
    team server ships the data as a snapshot. Call inside the writing transaction."""
    found = conn.execute(select(LocalDevice.id).limit(1)).scalar()
    device = str(found) if found is not None else new_id()
    if found is None:
        conn.execute(insert(LocalDevice).values(id=device, created_at=utcnow()))
    sequence = conn.execute(select(func.coalesce(func.max(Operation.sequence), 0))).scalar()
    op_id = new_id()
    conn.execute(insert(Operation).values(
        id=op_id, sequence=int(sequence or 0) + 1, kind=BASELINE, name=name, at=utcnow(),
        device_id=device, author=current_author(),
        detail=json.dumps({"tables": dict(sorted(tables.items()))})))
    return op_id
