"""Helpers of the multi-client test: clients, random actions, and the final checks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Table, create_engine, select, text

from dealmaker.services.sync.remote import Shared
from dealmaker.services.sync.setup import shared_tables
from dealmaker.storage.models import Base
from dealmaker.storage.revert import mapped_class
from dealmaker.storage.workspace import Workspace

FIELDS = ("email", "phone", "notes", "first_name")


@dataclass
class Client:
    name: str
    role: str
    path: Path
    ws: Workspace | None = None
    device: str = ""
    #: first half of the run: this client's program is a schema version behind
    behind: bool = False
    skewed: bool = False


@dataclass
class Counts:
    steps: int = 0
    actions: dict[str, int] = field(default_factory=dict)
    syncs: int = 0
    offline: int = 0
    refused_schema: int = 0
    kills: int = 0
    conflicts: int = 0
    checked_values: int = 0
    #: delete-vs-edit conflicts on the server, and rows a losing delete kept ('mee')
    delete_conflicts: int = 0
    kept_whole: int = 0

    def add(self, action: str) -> None:
        self.actions[action] = self.actions.get(action, 0) + 1


def journalled(table: Table) -> list[str]:
    skip = mapped_class(table.name).JOURNAL_SKIP - {"created_at"}
    return [c.key for c in table.columns if c.key not in skip]


def rows(conn: Any, table: Table) -> dict[str, dict[str, Any]]:
    keys = journalled(table)
    found = {}
    for row in conn.execute(select(*(table.c[k] for k in keys))):
        values = dict(zip(keys, row, strict=True))
        if table.name == "workspace_setting" and values.get("key") == "vergeten_bezig":
            continue
        found[str(values["id"])] = values
    return found


def server_rows(url: str, shared: Shared) -> dict[str, dict[str, dict[str, Any]]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            on = conn.execution_options(schema_translate_map={None: shared.schema})
            return {t.name: rows(on, t) for t in shared_tables()}
    finally:
        engine.dispose()


def local_rows(ws: Workspace) -> dict[str, dict[str, dict[str, Any]]]:
    with ws.engine.connect() as conn:
        return {t.name: rows(conn, t) for t in shared_tables()}


def own_updates(ws: Workspace, device: str) -> Iterator[tuple[str, str, str, Any, Any]]:
    """(entity, id, field, old, new) of every field update this copy wrote itself."""
    op, ch = Base.metadata.tables["operation"], Base.metadata.tables["change"]
    with ws.engine.connect() as conn:
        for r in conn.execute(select(ch.c.entity, ch.c.entity_id, ch.c.field, ch.c.old_value,
                                     ch.c.new_value).join(op, op.c.id == ch.c.operation_id)
                              .where(op.c.device_id == device, ch.c.action == "update")):
            yield (r[0], str(r[1]), r[2], None if r[3] is None else json.loads(r[3]),
                   None if r[4] is None else json.loads(r[4]))


def losers(ws: Workspace) -> set[tuple[str, str, str, str]]:
    conflict = Base.metadata.tables["sync_conflict"]
    with ws.engine.connect() as conn:
        return {(r[0], str(r[1]), r[2], r[3] or "null") for r in conn.execute(select(
            conflict.c.entity, conflict.c.entity_id, conflict.c.field, conflict.c.loser_value))}


def log_text_contains(url: str, shared: Shared, needle: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(
                f"SELECT count(*) FROM {shared.schema}.sync_log "
                "WHERE strpos(changes::text || lost::text, :n) > 0"), {"n": needle}).scalar()
                or 0)
    finally:
        engine.dispose()


def lost_reasons(url: str, shared: Shared) -> dict[str, int]:
    """How many lost changes the server's log holds, per reason."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {str(r[0]): int(r[1]) for r in conn.execute(text(
                f"SELECT l->>'reason', count(*) FROM {shared.schema}.sync_log,"
                " jsonb_array_elements(lost) l GROUP BY 1"))}
    finally:
        engine.dispose()


def journal_length(ws: Workspace) -> int:
    op = Base.metadata.tables["operation"]
    with ws.engine.connect() as conn:
        return len(conn.execute(select(op.c.id)).all())


def diff(mine: dict[str, dict[str, Any]], theirs: dict[str, dict[str, Any]]) -> list[Any]:
    """The first few differences between two tables' rows (for failure messages)."""
    found: list[Any] = [("alleen hier", k) for k in mine.keys() - theirs.keys()]
    found += [("alleen op server", k) for k in theirs.keys() - mine.keys()]
    for k in mine.keys() & theirs.keys():
        for f in mine[k]:
            if mine[k][f] != theirs[k].get(f):
                found.append((k, f, mine[k][f], theirs[k].get(f)))
    return found[:6]


def dump(ws: Workspace, row_id: str, url: str, shared: Shared) -> None:  # debugging aid
    op, ch = Base.metadata.tables["operation"], Base.metadata.tables["change"]
    with ws.engine.connect() as conn:
        for r in conn.execute(select(op.c.sequence, op.c.name, op.c.author, ch.c.action,
                                     ch.c.field, ch.c.new_value).join(
                op, op.c.id == ch.c.operation_id).where(ch.c.entity_id == row_id)
                .order_by(op.c.sequence)):
            print("LOCAL", tuple(r))
    engine = create_engine(url)
    with engine.connect() as conn:
        for r in conn.execute(text(
                f"SELECT server_seq, op->>'name', author, c->>'action', c->>'field', c->'new', "
                f"lost FROM {shared.schema}.sync_log, jsonb_array_elements(changes) c "
                "WHERE c->>'entity_id' = :i ORDER BY server_seq"), {"i": row_id}):
            print("SERVER", tuple(r))
    engine.dispose()


def redacted_cells(url: str, shared: Shared) -> set[tuple[str, str, str]]:
    """Cells some "Vergeten" rewrote (their earlier values are meant to be gone)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {(r[0], r[1], r[2]) for r in conn.execute(text(
                f"SELECT c->>'entity', c->>'entity_id', c->>'field' FROM {shared.schema}.sync_log,"
                " jsonb_array_elements(changes) c WHERE c->>'action' = 'redact'"))}
    finally:
        engine.dispose()
