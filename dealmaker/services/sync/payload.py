"""The journal as it travels: local operations out as JSON, server log entries in.

An operation travels with its id (the idempotency key), kind, name, time, device and the
operation it reverts; each change with its order, table, record, action, field and the
old and new values as JSON (the journal already stores them as JSON text).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from dealmaker.services.sync.connect import SyncError
from dealmaker.storage.models import Base
from dealmaker.storage.models.journal import BASELINE

_OPERATION = Base.metadata.tables["operation"]
_CHANGE = Base.metadata.tables["change"]


def _load(raw: str | None) -> Any:
    return None if raw is None else json.loads(raw)


def _op_json(op: Any) -> dict[str, Any]:
    return {"id": op.id, "kind": op.kind, "name": op.name, "at": op.at.isoformat(),
            "device_id": op.device_id, "author": op.author, "reverts_id": op.reverts_id,
            "detail": op.detail}


def pending(conn: Connection, after: int) -> tuple[list[dict[str, Any]], int]:
    """Local operations with a sequence above ``after`` as a batch, and the highest
    sequence in it (``after`` when there is none)."""
    ops = conn.execute(select(_OPERATION).where(_OPERATION.c.sequence > after)
                       .order_by(_OPERATION.c.sequence)).all()
    if not ops:
        return [], after
    batch: dict[str, dict[str, Any]] = {}
    for op in ops:
        if op.kind == BASELINE:
            raise SyncError(f"'{op.name}' is een bulkwijziging zonder veldwijzigingen en kan "
                            "niet worden gesynchroniseerd; haal de werkruimte opnieuw op "
                            "(dealmaker join).")
        batch[op.id] = _op_json(op) | {"changes": []}
    ids = list(batch)
    for start in range(0, len(ids), 500):
        rows = conn.execute(select(_CHANGE).where(_CHANGE.c.operation_id.in_(
            ids[start:start + 500])).order_by(_CHANGE.c.operation_id, _CHANGE.c.seq)).all()
        for ch in rows:
            batch[ch.operation_id]["changes"].append({
                "seq": ch.seq, "entity": ch.entity, "entity_id": ch.entity_id,
                "action": ch.action, "field": ch.field,
                "old": _load(ch.old_value), "new": _load(ch.new_value)})
    return list(batch.values()), int(ops[-1].sequence)


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

    def change_rows(self, skip: set[int]) -> list[dict[str, Any]]:
        """Values of the local ``change`` rows, without the changes in ``skip``."""
        return [{"id": _change_id(self.op_id, int(c["seq"])), "operation_id": self.op_id,
                 "seq": int(c["seq"]), "entity": c["entity"], "entity_id": c["entity_id"],
                 "action": c["action"], "field": c.get("field"),
                 "old_value": _dump(c.get("old")), "new_value": _dump(c.get("new"))}
                for c in self.changes if int(c["seq"]) not in skip]


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _change_id(op_id: str, seq: int) -> str:
    """A change row's id, the same on every copy (derived from its operation and order)."""
    return str(uuid.UUID(int=uuid.UUID(op_id).int ^ seq))
