"""Replay the journal since a baseline onto a copy of that baseline (no Qt).

The journal is the one ordered history of a workspace: after its latest 'baseline'
(a bulk write that a team server ships as a snapshot), every operation in ``sequence``
order, applied change by change, must rebuild the same rows. ``replay`` does that onto
a copy of the workspace taken at the baseline and appends the operations to the copy's
own journal (new local sequence numbers, the same operation ids), as a receiving copy
will. What it does per change:

- 'insert' writes the row (or overwrites it, if it exists) from the snapshot;
- 'update' sets the one field; 'delete' (only in journals from before soft deletes)
  deletes the row;
- 'scrubbed' rows carry nothing ("Vergeten" wiped them) and are passed over;
- a 'redaction' forgets on the copy what the copy knows of the persons (the names and
  addresses its own rows and journal hold are replaced in every text, its journal rows
  about them wiped) and then writes the placeholder row the redaction carries.

Derived data (contact dates, the search index) is rebuilt once at the end. Local
bookkeeping is not replayed: ``updated_at`` (when this copy last wrote the row) is set
to the operation's time. Foreign keys are checked at commit, so the order of rows
within and across operations does not matter. The caller owns the transaction on
``target`` (``with engine.begin() as target: replay(source, target, after=n)``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, select, update

from dealmaker.storage.derived import rebuild_all_derived
from dealmaker.storage.journal import REDACT
from dealmaker.storage.models import Base, Change, Operation
from dealmaker.storage.models.journal import BASELINE
from dealmaker.storage.revert import SCRUBBED, from_json, mapped_class
from dealmaker.storage.scrub import mentions_of, replace_everywhere, scrub_journal
from dealmaker.storage.uow import defer_on

_OPERATION = Base.metadata.tables["operation"]
_CHANGE = Base.metadata.tables["change"]


class ReplayError(Exception):
    """The journal cannot be replayed (a later baseline needs a snapshot); Dutch."""


@dataclass(frozen=True)
class Replayed:
    operations: int
    changes: int
    redactions: int


def latest_baseline(conn: Connection) -> int:
    """The sequence of the newest baseline operation (0: the empty schema is the base)."""
    found = conn.execute(select(func.max(Operation.sequence))
                         .where(Operation.kind == BASELINE)).scalar()
    return int(found or 0)


def _operations(source: Connection, after: int) -> Iterator[tuple[Operation, list[Change]]]:
    ops = source.execute(select(_OPERATION).where(Operation.sequence > after)
                         .order_by(Operation.sequence)).mappings().all()
    for op in ops:
        rows = source.execute(select(_CHANGE).where(Change.operation_id == op["id"])
                              .order_by(Change.seq)).mappings().all()
        yield Operation(**op), [Change(**r) for r in rows]


def _table(entity: str) -> Table:
    table = mapped_class(entity).__table__
    assert isinstance(table, Table)
    return table


def _values(entity: str, raw: str | None, at: datetime) -> dict[str, Any]:
    table = _table(entity)
    snapshot = json.loads(raw) if raw else {}
    values = {k: from_json(entity, k, v) for k, v in snapshot.items() if k in table.c}
    values.setdefault("created_at", at)
    values["updated_at"] = at
    return values


def _put(target: Connection, entity: str, row_id: str, values: dict[str, Any]) -> None:
    table = _table(entity)
    exists = target.execute(select(table.c.id).where(table.c.id == row_id)).first()
    if exists is None:
        target.execute(insert(table).values(values))
    else:
        target.execute(update(table).where(table.c.id == row_id)
                       .values({k: v for k, v in values.items() if k != "id"}))


def _apply(target: Connection, ch: Change, at: datetime) -> None:
    table = _table(ch.entity)
    if ch.action == "insert":
        _put(target, ch.entity, ch.entity_id, _values(ch.entity, ch.new_value, at))
    elif ch.action == "update" and ch.field is not None and ch.field in table.c:
        value = from_json(ch.entity, ch.field, None if ch.new_value is None
                          else json.loads(ch.new_value))
        target.execute(update(table).where(table.c.id == ch.entity_id)
                       .values({ch.field: value, "updated_at": at}))
    elif ch.action == "delete":
        target.execute(delete(table).where(table.c.id == ch.entity_id))


def _redact(target: Connection, changes: list[Change], at: datetime) -> None:
    people = [ch.entity_id for ch in changes
              if ch.action == REDACT and ch.entity == "person" and ch.field is None]
    mentions = mentions_of(target, people) if people else None
    for ch in changes:
        if ch.action == REDACT and ch.field is None:
            _put(target, ch.entity, ch.entity_id, _values(ch.entity, ch.new_value, at))
    if mentions is not None:
        replace_everywhere(target, mentions)
        for pid in people:
            scrub_journal(target, pid, SCRUBBED)
    for ch in changes:  # the texts as the forgetting copy left them
        if ch.action == REDACT and ch.field is not None:
            _apply(target, Change(entity=ch.entity, entity_id=ch.entity_id, action="update",
                                  field=ch.field, new_value=ch.new_value), at)


def apply_redaction(target: Connection, changes: list[Change], at: datetime) -> None:
    """Apply one redaction's changes to ``target`` as replay does (forget, then write the
    placeholder rows and rewritten texts); for team sync, which appends its own journal."""
    _redact(target, changes, at)


def _append(target: Connection, op: Operation, changes: list[Change]) -> None:
    sequence = target.execute(select(func.coalesce(func.max(Operation.sequence), 0))).scalar()
    values = {c.key: getattr(op, c.key) for c in _OPERATION.c}
    target.execute(insert(_OPERATION).values(values | {"sequence": int(sequence or 0) + 1}))
    if changes:
        target.execute(insert(_CHANGE), [
            {c.key: getattr(ch, c.key) for c in _CHANGE.c} for ch in changes])


def replay(source: Connection, target: Connection, *, after: int) -> Replayed:
    """Apply every operation of ``source`` with a sequence above ``after`` to ``target``."""
    counts = [0, 0, 0]
    deferred = False
    for op, changes in _operations(source, after):
        if op.kind == BASELINE:
            raise ReplayError(f"Na volgnummer {after} staat nog een basis ('{op.name}'): "
                              "die moet als geheel worden overgenomen.")
        if any(ch.action == REDACT for ch in changes):
            _redact(target, changes, op.at)  # wipes the copy's journal: before appending
            _append(target, op, changes)
            counts[2] += 1
        else:
            _append(target, op, changes)  # the first write also starts the transaction
            if not deferred:
                defer_on(target)
                deferred = True
            for ch in changes:
                if ch.action != SCRUBBED:
                    _apply(target, ch, op.at)
        counts[0] += 1
        counts[1] += len(changes)
    if counts[0]:
        rebuild_all_derived(target)
    return Replayed(*counts)
