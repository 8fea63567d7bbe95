"""Reading the server: the register row of a shared workspace, the log, current rows."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, Table, select, text

from dealmaker.services.sync.connect import SchemaMismatch, SyncError
from dealmaker.services.sync.payload import LogEntry
from dealmaker.storage.migrate import SCHEMA_VERSION

_SCHEMA = re.compile(r"^dm_[0-9a-f]{16}$")


@dataclass(frozen=True)
class Shared:
    id: str
    name: str
    schema: str
    schema_version: int
    published: bool


def find_shared(conn: Connection, *, ws_id: str | None = None,
                name: str | None = None, published: bool | None = None) -> Shared:
    """The shared workspace this role may use, by id, by name, or the only candidate."""
    rows = conn.execute(text(
        "SELECT id::text, name, schema_name, schema_version, published_at IS NOT NULL "
        "FROM dealmaker.workspace ORDER BY name")).all()
    found = [Shared(*r) for r in rows if (ws_id is None or r[0] == ws_id)
             and (name is None or r[1] == name) and (published is None or r[4] == published)]
    if not rows:
        role = conn.execute(text("SELECT session_user")).scalar()
        raise SyncError(f"Geen toegang: rol {role} is geen lid van een gedeelde werkruimte op "
                        "deze server; vraag de beheerder om toegang (server-init --member).")
    if len(found) != 1:
        if ws_id is not None or name is not None:
            raise SyncError(f"Gedeelde werkruimte {name or ws_id!r} niet gevonden op de server "
                            "(of deze rol heeft er geen toegang toe).")
        names = ", ".join(r[1] for r in rows) or "geen"
        raise SyncError(f"Geef de naam van de gedeelde werkruimte (--workspace NAAM; "
                        f"beschikbaar: {names}).")
    shared = found[0]
    if not _SCHEMA.match(shared.schema):
        raise SyncError(f"Onverwachte schemanaam op de server: {shared.schema!r}.")
    check_version(shared.schema_version)
    return shared


def check_version(server: int) -> None:
    """One Dutch line when this copy and the server differ in schema version."""
    if server > SCHEMA_VERSION:
        raise SchemaMismatch(
            f"Werk dealmaker bij: de server gebruikt schemaversie {server}, deze versie "
            f"{SCHEMA_VERSION}.", "Werk dealmaker bij: de server is nieuwer.")
    if server < SCHEMA_VERSION:
        raise SchemaMismatch(
            f"De server gebruikt nog schemaversie {server} (deze versie {SCHEMA_VERSION}): "
            "laat de beheerder de server bijwerken.", "Server nog niet bijgewerkt (beheerder).")


def log_after(conn: Connection, shared: Shared, cursor: int) -> list[LogEntry]:
    rows = conn.execute(text(
        f"SELECT server_seq, op_id::text, author, op, changes, lost FROM {shared.schema}.sync_log"
        " WHERE server_seq > :c ORDER BY server_seq"), {"c": cursor}).all()
    return [LogEntry(int(r[0]), r[1], r[2], r[3], r[4], r[5]) for r in rows]


def rows_of(conn: Connection, shared: Shared, table: Table,
            ids: Iterable[str] | None = None) -> list[Row[Any]]:
    """Current server rows of ``table`` (all, or those with ``ids``), typed by the models."""
    on = conn.execution_options(schema_translate_map={None: shared.schema})
    query = select(table)
    if ids is not None:
        query = query.where(table.c.id.in_(list(ids)))
    return list(on.execute(query).all())
