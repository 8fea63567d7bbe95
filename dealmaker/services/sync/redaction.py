"""A pulled "Vergeten" applied here, and what this copy forgot beyond it.

The receiving copy forgets what it knows itself (``storage.replay``: its own texts that
name the person are rewritten too), which may be more than the forgetting copy knew: a
colleague's note, an address another contact shared. Those extra rewrites travel on as
a redaction of this copy (text cells only, never the old values), so every copy and the
server end equal, and at least as forgotten as the most knowing copy.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Column, Connection, String, Table, Text, func, insert, select
from sqlalchemy import Enum as SAEnum

from dealmaker.domain.dates import utcnow
from dealmaker.services.sync.payload import LogEntry
from dealmaker.storage.journal import REDACT, to_json
from dealmaker.storage.models import Change, Entity, Operation
from dealmaker.storage.models.base import new_id
from dealmaker.storage.models.journal import REDACTION, LocalDevice
from dealmaker.storage.replay import apply_redaction
from dealmaker.storage.scrub import mentions_of

Cell = tuple[str, str, str]
_FUNCTION = "dealmaker_sync_mentions"


def _text_columns() -> list[tuple[Table, list[Column[Any]]]]:
    found = []
    for mapper in Entity.registry.mappers:
        cls = mapper.class_
        if not issubclass(cls, Entity):
            continue
        table = mapper.local_table
        assert isinstance(table, Table)
        cols = [c for c in table.columns
                if isinstance(getattr(c.type, "impl", c.type), String | Text)
                and not isinstance(c.type, SAEnum) and not c.primary_key
                and not c.foreign_keys and c.key not in cls.JOURNAL_SKIP]
        if cols:
            found.append((table, cols))
    return found


def _mentioning(conn: Connection, people: list[str]) -> dict[Cell, Any]:
    mentions = mentions_of(conn, people)
    if mentions.empty:
        return {}
    raw = conn.connection.driver_connection
    assert raw is not None
    raw.create_function(_FUNCTION, 1, lambda v: isinstance(v, str) and mentions.might_mention(v),
                        deterministic=True)
    cells: dict[Cell, Any] = {}
    for table, cols in _text_columns():
        for col in cols:
            for row_id, value in conn.execute(select(table.c.id, col).where(
                    getattr(func, _FUNCTION)(col))):
                cells[(table.name, str(row_id), col.key)] = value
    return cells


def apply_pulled_redaction(conn: Connection, entry: LogEntry) -> list[dict[str, Any]]:
    """Apply ``entry`` (a redaction) here; return the extra text cells this copy rewrote
    as change values (entity, entity_id, field, new) for a redaction of its own."""
    changes = [Change(entity=c["entity"], entity_id=c["entity_id"], action=c["action"],
                      field=c.get("field"),
                      new_value=None if c.get("new") is None else json.dumps(
                          c["new"], ensure_ascii=False))
               for c in entry.changes if c["action"] == REDACT]
    people = [c.entity_id for c in changes if c.entity == "person" and c.field is None]
    before = _mentioning(conn, people) if people and conn.dialect.name == "sqlite" else {}
    apply_redaction(conn, changes, entry.at)
    carried = {(c.entity, c.entity_id, c.field) for c in changes if c.field}
    rows = {(c.entity, c.entity_id) for c in changes if c.field is None}
    tables = {t.name: t for t, _cols in _text_columns()}
    extra = []
    for (entity, row_id, field), old in before.items():
        if (entity, row_id, field) in carried or (entity, row_id) in rows:
            continue
        table = tables[entity]
        new = conn.execute(select(table.c[field]).where(table.c.id == row_id)).scalar()
        if new != old:
            extra.append({"entity": entity, "entity_id": row_id, "field": field,
                          "new": to_json(new)})
    return extra


def record_extra(conn: Connection, cells: list[dict[str, Any]], author: str) -> None:
    """Journal ``cells`` as this copy's redaction (pushed by the next sync)."""
    device = conn.execute(select(LocalDevice.id).limit(1)).scalar()
    sequence = conn.execute(select(func.coalesce(func.max(Operation.sequence), 0))).scalar()
    op_id = new_id()
    conn.execute(insert(Operation).values(
        id=op_id, sequence=int(sequence or 0) + 1, kind=REDACTION, at=utcnow(),
        name="Vergeten: ook in deze kopie vervangen", device_id=device or new_id(),
        author=author))
    conn.execute(insert(Change), [
        {"id": new_id(), "operation_id": op_id, "seq": i + 1, "entity": c["entity"],
         "entity_id": c["entity_id"], "action": REDACT, "field": c["field"],
         "old_value": None, "new_value": json.dumps(c["new"], ensure_ascii=False)}
        for i, c in enumerate(cells)])
