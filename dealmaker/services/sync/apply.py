"""Apply pulled server log entries to the local copy, in one local transaction.

Operations this copy wrote itself are already applied (their ids are in the local
journal): only their lost changes matter (``Pulled.own_lost``). Others are appended to
the local journal with new local sequence numbers (same ids, the server's author) and
applied without their lost changes. Changes are folded per row and written per table
and field in bulk; a redaction is applied by the replay's forget. Derived data (contact
dates, search index) follows for the persons concerned.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Table,
    column,
    func,
    insert,
    select,
    text,
    update,
)

from dealmaker.services.sync.bulk import insert_changes, update_fields
from dealmaker.services.sync.payload import LogEntry
from dealmaker.services.sync.redaction import apply_pulled_redaction
from dealmaker.storage.derived import rebuild_all_derived, refresh_persons
from dealmaker.storage.journal import REDACT
from dealmaker.storage.models import Base, Operation
from dealmaker.storage.revert import from_json, mapped_class
from dealmaker.storage.search import persons_at_organisations
from dealmaker.storage.types import UUIDKey, id_list

_OPERATION = Base.metadata.tables["operation"]
#: above this many touched rows the derived data is rebuilt whole (one pass)
_REBUILD_ALL = 3000


@dataclass
class Pulled:
    operations: int = 0
    changes: int = 0
    #: lost changes of this copy's own operations: (entry, lost item)
    own_lost: list[tuple[LogEntry, dict[str, Any]]] = field(default_factory=list)
    #: lost changes of others' operations
    other_lost: list[tuple[LogEntry, dict[str, Any]]] = field(default_factory=list)
    #: (entity, id, field) -> (server sequence, operation id) of each applied write
    written: dict[tuple[str, str, str], list[tuple[int, str]]] = field(default_factory=dict)
    touched: dict[str, set[str]] = field(default_factory=dict)
    #: records a pulled redaction rewrote: taken from the server row afterwards (this
    #: copy may have forgotten the same person itself, later on the server)
    redacted: dict[str, set[str]] = field(default_factory=dict)
    #: text cells this copy's own forget rewrote beyond a pulled redaction
    extra_redactions: list[dict[str, Any]] = field(default_factory=list)


def _table(entity: str) -> Table:
    table = mapped_class(entity).__table__
    assert isinstance(table, Table)
    return table


class _Batch:
    """Changes folded per row: a row image for inserts, then the last value per field."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], tuple[dict[str, Any] | None, dict[str, Any], bool]] = {}
        self.at: datetime | None = None

    def add(self, ch: dict[str, Any], at: datetime) -> None:
        key = (ch["entity"], ch["entity_id"])
        image, fields, gone = self.rows.get(key, (None, {}, False))
        if ch["action"] == "insert":
            image, fields, gone = dict(ch.get("new") or {}), {}, False
        elif ch["action"] == "update" and ch.get("field"):
            fields[ch["field"]] = ch.get("new")
        elif ch["action"] == "delete":
            image, fields, gone = None, {}, True
        self.rows[key] = (image, fields, gone)
        self.at = at

    def flush(self, conn: Connection) -> None:
        if not self.rows or self.at is None:
            return
        at = self.at
        by_table: dict[str, list[tuple[str, dict[str, Any] | None, dict[str, Any], bool]]] = {}
        for (entity, row_id), (image, fields, gone) in self.rows.items():
            by_table.setdefault(entity, []).append((row_id, image, fields, gone))
        for entity, rows in by_table.items():
            _write_table(conn, entity, rows, at)
        self.rows = {}


def _write_table(conn: Connection, entity: str,
                 rows: list[tuple[str, dict[str, Any] | None, dict[str, Any], bool]],
                 at: datetime) -> None:
    table = _table(entity)
    gone = [r[0] for r in rows if r[3]]
    for start in range(0, len(gone), 500):
        conn.execute(table.delete().where(table.c.id.in_(gone[start:start + 500])))
    images = {r[0]: r[1] for r in rows if r[1] is not None}
    if images:
        ids = list(images)
        existing: set[str] = set()
        for start in range(0, len(ids), 500):
            existing.update(conn.execute(select(table.c.id).where(
                table.c.id.in_(ids[start:start + 500]))).scalars())
        values = {}
        for row_id, image in images.items():
            vals = {k: from_json(entity, k, v) for k, v in image.items() if k in table.c}
            vals.setdefault("created_at", at)
            values[row_id] = vals | {"id": row_id, "updated_at": at}
        new = [v for k, v in values.items() if k not in existing]
        if new:
            for keys in {tuple(sorted(v)) for v in new}:
                conn.execute(insert(table), [v for v in new if tuple(sorted(v)) == keys])
        for row_id in existing & set(values):
            conn.execute(update(table).where(table.c.id == row_id).values(
                {k: v for k, v in values[row_id].items() if k != "id"}))
    # the last value per field, one UPDATE per row, one executemany per set of fields
    per_set: dict[tuple[str, ...], list[tuple[str, tuple[Any, ...]]]] = {}
    for row_id, _image, fields, _gone in rows:
        names = tuple(sorted(n for n in fields if n in table.c))
        if names:
            per_set.setdefault(names, []).append(
                (row_id, tuple(from_json(entity, n, fields[n]) for n in names)))
    for names, changed in per_set.items():
        update_fields(conn, table, names, changed, at)


def _append(conn: Connection, entries: list[tuple[LogEntry, set[int]]]) -> None:
    start = conn.execute(select(func.coalesce(func.max(Operation.sequence), 0))).scalar()
    ops = [e.operation_row(int(start or 0) + i + 1) for i, (e, _skip) in enumerate(entries)]
    # an undo of an operation this copy never had (written before the workspace was
    # shared) keeps its name but not the link: only the writer's copy undoes it again
    wanted = [str(op["reverts_id"]) for op in ops if op["reverts_id"]]
    known = local_ids(conn, wanted) | {str(op["id"]) for op in ops}
    for op in ops:
        if op["reverts_id"] and str(op["reverts_id"]) not in known:
            op["reverts_id"] = None
    conn.execute(insert(_OPERATION), ops)
    insert_changes(conn, [row for e, skip in entries for row in e.change_rows(skip)])


def local_ids(conn: Connection, op_ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(op_ids), 500):
        found.update(str(i) for i in conn.execute(select(Operation.id).where(
            Operation.id.in_(op_ids[start:start + 500]))).scalars())
    return found


def apply_entries(conn: Connection, entries: list[LogEntry]) -> Pulled:
    """Apply ``entries`` (server order) to the local copy; the caller owns the transaction
    and refreshes derived data afterwards (``refresh_derived(conn, pulled.touched)``)."""
    pulled = Pulled()
    own = local_ids(conn, [e.op_id for e in entries])
    batch = _Batch()
    appended: list[tuple[LogEntry, set[int]]] = []
    for entry in entries:
        skip = entry.lost_seqs()
        for item in entry.lost:
            (pulled.own_lost if entry.op_id in own else pulled.other_lost).append((entry, item))
        for ch in entry.changes:
            if int(ch["seq"]) in skip or ch["action"] in ("scrubbed",):
                continue
            if ch.get("field") and ch["action"] == "update":
                pulled.written.setdefault((ch["entity"], ch["entity_id"], ch["field"]),
                                          []).append((entry.seq, entry.op_id))
            if entry.op_id not in own:
                pulled.touched.setdefault(ch["entity"], set()).add(ch["entity_id"])
        if entry.op_id in own:
            if any(c["action"] == REDACT for c in entry.changes):
                # this copy's own forget, now behind writes it pulls only now (the server
                # applied those first): its rows are taken from the server afterwards
                for ch in entry.changes:
                    if ch["action"] == REDACT:
                        pulled.redacted.setdefault(ch["entity"], set()).add(ch["entity_id"])
            continue
        pulled.operations += 1
        pulled.changes += len(entry.changes) - len(skip)
        if any(c["action"] == REDACT for c in entry.changes):
            batch.flush(conn)
            _append(conn, [*appended, (entry, skip)])
            appended = []
            pulled.extra_redactions += apply_pulled_redaction(conn, entry)
            for ch in entry.changes:
                if ch["action"] == REDACT and not ch.get("field"):
                    pulled.redacted.setdefault(ch["entity"], set()).add(ch["entity_id"])
            continue
        appended.append((entry, skip))
        at = entry.at  # parsed once per operation, not per change
        for ch in entry.changes:
            if ch["action"] != "scrubbed" and (not skip or int(ch["seq"]) not in skip):
                batch.add(ch, at)
    batch.flush(conn)
    if appended:
        _append(conn, appended)
    return pulled


def refresh_derived(conn: Connection, touched: dict[str, set[str]]) -> None:
    """Contact dates, search rows and sort keys of the persons the written rows concern."""
    if sum(len(v) for v in touched.values()) > _REBUILD_ALL:
        rebuild_all_derived(conn)
        return
    search = set(touched.get("person", set()))
    dates: set[str] = set()
    for entity, target in (("position", search), ("interaction_participant", dates)):
        ids = list(touched.get(entity, ()))
        if ids:
            target.update(_people(conn, f"SELECT person_id FROM {entity} WHERE id IN :ids", ids))
    if touched.get("interaction"):
        dates.update(_people(conn, "SELECT person_id FROM interaction_participant "
                                   "WHERE interaction_id IN :ids", list(touched["interaction"])))
    if touched.get("organisation"):
        search.update(persons_at_organisations(conn, touched["organisation"]))
    refresh_persons(conn, search, dates)


def _people(conn: Connection, sql: str, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        found.update(r[0] for r in conn.execute(
            text(sql).bindparams(id_list("ids")).columns(column("person_id", UUIDKey())),
            {"ids": ids[start:start + 500]}))
    return found
