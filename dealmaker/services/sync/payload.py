"""The journal as it travels: local operations out as JSON, server log entries in.

An operation travels with its id (the idempotency key), kind, name, time, device and the
operation it reverts; each change with its order, table, record, action, field and the
old and new values as JSON (the journal already stores them as JSON text).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from dealmaker.services.sync.connect import SyncError
from dealmaker.storage.models import Base
from dealmaker.storage.models.journal import BASELINE
from dealmaker.storage.types import uuid_bytes, uuid_text

_OPERATION = Base.metadata.tables["operation"]
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_STRING = json.encoder.encode_basestring


def _op_json(op: Any) -> dict[str, Any]:
    return {"id": op.id, "kind": op.kind, "name": op.name, "at": op.at.isoformat(),
            "device_id": op.device_id, "author": op.author, "reverts_id": op.reverts_id,
            "detail": op.detail}


@dataclass(frozen=True)
class Batch:
    """Local operations to push: the JSON array as text, how many, the top sequence."""

    json: str
    count: int
    top: int


# the journal keeps old and new values as JSON text: they go out as they are (no parse
# and dump per value); ids at driver level are 16 bytes
_CHANGES = ("SELECT c.operation_id, c.seq, c.entity, c.entity_id, c.action, c.field, "
            "c.old_value, c.new_value FROM change c JOIN operation o ON o.id = c.operation_id"
            " WHERE o.sequence > ? ORDER BY o.sequence, c.seq")


def pending(conn: Connection, after: int) -> Batch:
    """Local operations with a sequence above ``after`` as a batch, and the highest
    sequence in it (``after`` when there is none)."""
    ops = conn.execute(select(_OPERATION).where(_OPERATION.c.sequence > after)
                       .order_by(_OPERATION.c.sequence)).all()
    if not ops:
        return Batch("[]", 0, after)
    parts: dict[bytes, list[str]] = {}
    for op in ops:
        if op.kind == BASELINE:
            raise SyncError(f"'{op.name}' is een bulkwijziging zonder veldwijzigingen en kan "
                            "niet worden gesynchroniseerd; haal de werkruimte opnieuw op "
                            "(dealmaker join).")
        parts[uuid_bytes(op.id)] = []
    enc = _ENCODE
    for op_id, seq, entity, entity_id, action, field_, old, new in conn.exec_driver_sql(
            _CHANGES, (after,)):
        parts[op_id].append(
            f'{{"seq":{int(seq)},"entity":{enc(entity)},"entity_id":"{uuid_text(entity_id)}",'
            f'"action":{enc(action)},"field":{enc(field_)},"old":{old or "null"},'
            f'"new":{new or "null"}}}')
    texts = []
    for op, changes in zip(ops, parts.values(), strict=True):
        head = _ENCODE(_op_json(op))
        texts.append(f'{head[:-1]},"changes":[{",".join(changes)}]}}')
    return Batch(f"[{','.join(texts)}]", len(ops), int(ops[-1].sequence))


@dataclass(frozen=True)
class LogEntry:
    """One server log row: an operation as the server recorded it."""

    seq: int
    op_id: str
    author: str
    op: dict[str, Any]
    changes: list[dict[str, Any]]
    lost: list[dict[str, Any]] = field(default_factory=list)

    @property
    def at(self) -> datetime:
        return datetime.fromisoformat(self.op["at"])

    def lost_seqs(self) -> set[int]:
        return {int(x["seq"]) for x in self.lost}

    def operation_row(self, sequence: int) -> dict[str, Any]:
        """Values of the local ``operation`` row (the server's author: the role)."""
        op = self.op
        return {"id": self.op_id, "sequence": sequence, "kind": op.get("kind", "edit"),
                "name": str(op.get("name", "Wijziging"))[:200], "at": self.at,
                "device_id": op.get("device_id"), "author": self.author[:100],
                "reverts_id": op.get("reverts_id"), "detail": op.get("detail")}

    def change_rows(self, skip: set[int]) -> list[tuple[Any, ...]]:
        """The local ``change`` rows at driver level (ids as 16 bytes, values as JSON
        text), in the order of ``CHANGE_COLUMNS``, without the changes in ``skip``.
        A change's id is the same on every copy: its operation's id XOR its order."""
        op = uuid_bytes(self.op_id)
        base = int.from_bytes(op, "big")
        return [((base ^ seq).to_bytes(16, "big"), op, seq, c["entity"],
                 uuid_bytes(c["entity_id"]), c["action"], c.get("field"),
                 _dump(c.get("old")), _dump(c.get("new")))
                for c in self.changes if (seq := int(c["seq"])) not in skip]


#: the columns of ``LogEntry.change_rows``
CHANGE_COLUMNS = ("id", "operation_id", "seq", "entity", "entity_id", "action", "field",
                  "old_value", "new_value")


def _dump(value: Any) -> str | None:
    """``json.dumps(value, ensure_ascii=False)``; a text (most values) straight through
    the C string encoder json.dumps itself ends in."""
    if value is None:
        return None
    if value.__class__ is str:
        return _STRING(value)
    return _ENCODE(value)
