"""Taking a delete conflict's value keeps the record whole, as Ctrl+Z of a delete does.

A delete soft-deletes, in one operation, the record and the rows that only mean something
with it (a contact's functions, tags and relations, ...). So:

- Taking an edit of a record a colleague deleted ('verwijderd') brings the record back
  with the rows that same delete took with it: the rows of the deleting operation (in
  this copy's journal) that point at a record brought back, still deleted by it, and not
  pointing at another record of it that stays deleted.
- Taking a delete that lost to an edit ('bewerkt') deletes the rows that delete would
  have taken: the server kept them ('mee', see ``server_whole``) and every copy keeps
  them as hidden conflict rows of the same operation; those pointing at a record the
  taking deletes go too.

"Points at" is a foreign key of the row, the same rule the server applies.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from dealmaker.domain.dates import utcnow
from dealmaker.storage.models import Change, Operation
from dealmaker.storage.models.sync import SyncConflict
from dealmaker.storage.revert import from_json, mapped_class

#: hidden conflict rows: a row a losing delete would have taken with it
KEPT = "mee"
Key = tuple[str, str]


def _targets(obj: Any) -> set[Key]:
    """(table, id) of every record this row points at."""
    table = obj.__table__
    assert isinstance(table, Table)
    found = set()
    for fk in table.foreign_keys:
        value = getattr(obj, fk.parent.key, None)
        if value is not None:
            found.add((fk.column.table.name, str(value)))
    return found


def _instant(entity: str, value: Any) -> datetime | None:
    found = from_json(entity, "deleted_at", value) if isinstance(value, str) else value
    if isinstance(found, datetime) and found.tzinfo is None:
        return found.replace(tzinfo=UTC)
    return found if isinstance(found, datetime) else None


def delete_dependants(s: Session, taken: SyncConflict) -> None:
    """After taking the delete of ``taken``'s record: the rows its operation would have
    taken with it that point at a record now deleted by this taking go too."""
    kept = list(s.scalars(select(SyncConflict).where(
        SyncConflict.server_sequence == taken.server_sequence,
        SyncConflict.reason == KEPT)))
    gone: set[Key] = {(taken.entity, str(taken.entity_id))}
    more = True
    while more:
        more = False
        for row in kept:
            key = (row.entity, str(row.entity_id))
            obj = s.get(mapped_class(row.entity), row.entity_id)
            if key in gone or obj is None or not (_targets(obj) & gone):
                continue
            gone.add(key)
            more = True
            if obj.deleted_at is None and row.loser_value:
                obj.deleted_at = from_json(row.entity, "deleted_at", json.loads(row.loser_value))
            if row.resolved_at is None:
                row.resolved_at, row.resolution = utcnow(), "genomen"


def _deleting_operation(s: Session, entity: str, entity_id: str,
                        was: datetime) -> dict[Key, datetime] | None:
    """The rows the newest operation that deleted this record soft-deleted, with the
    time it wrote; None when that operation is not the one that deleted it as it is."""
    found = s.execute(select(Change.operation_id, Change.new_value)
                      .join(Operation, Operation.id == Change.operation_id)
                      .where(Change.entity == entity, Change.entity_id == entity_id,
                             Change.field == "deleted_at", Change.action == "update",
                             Change.new_value.is_not(None), Change.new_value != "null")
                      .order_by(Operation.sequence.desc()).limit(1)).first()
    if found is None or _instant(entity, json.loads(found.new_value)) != was:
        return None
    rows: dict[Key, datetime] = {}
    for ch in s.execute(select(Change.entity, Change.entity_id, Change.new_value).where(
            Change.operation_id == found.operation_id, Change.field == "deleted_at",
            Change.action == "update", Change.new_value.is_not(None))):
        at = _instant(ch.entity, json.loads(ch.new_value))
        if at is not None:
            rows[(ch.entity, str(ch.entity_id))] = at
    return rows


def revive_dependants(s: Session, entity: str, entity_id: str, was: Any) -> None:
    """After bringing back a record that was deleted at ``was``: the rows the same delete
    took with it come back too (not those hanging on a record of it still deleted)."""
    at = _instant(entity, was)
    rows = _deleting_operation(s, entity, entity_id, at) if at is not None else None
    if not rows:
        return
    back: set[Key] = {(entity, str(entity_id))}
    more = True
    while more:
        more = False
        for key, deleted in rows.items():
            obj = s.get(mapped_class(key[0]), key[1])
            if key in back or obj is None or _instant(key[0], obj.deleted_at) != deleted:
                continue
            targets = _targets(obj)
            if not targets & back or any(_still_deleted(s, t) for t in targets & set(rows)
                                         if t not in back):
                continue
            obj.deleted_at = None
            back.add(key)
            more = True


def _still_deleted(s: Session, key: Key) -> bool:
    obj = s.get(mapped_class(key[0]), key[1])
    return obj is not None and obj.deleted_at is not None
