"""First upload (publish) and join: a whole workspace as a snapshot, not as changes.

Publishing sends every row of the user's tables to an empty shared workspace in one
server transaction (COPY per table, ``upload.py``) and records a 'baseline' operation
on both sides; the journal before it stays local. Joining reads the server's
rows in one REPEATABLE READ transaction (a consistent snapshot at one log sequence) into
a new workspace file, built as a scratch file and linked into place whole.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, select, text

from dealmaker.domain.dates import utcnow
from dealmaker.services.sync.connect import (
    SyncError,
    make_server_engine,
    server_transaction,
    server_url,
    shown_url,
)
from dealmaker.services.sync.download import download, put_back, set_aside
from dealmaker.services.sync.remote import Shared, find_shared
from dealmaker.services.sync.setup import shared_tables
from dealmaker.services.sync.upload import copy_staged, copy_typed, staged_lines
from dealmaker.storage.authorship import adopt_role
from dealmaker.storage.derived import rebuild_all_derived
from dealmaker.storage.journal import current_author, record_baseline
from dealmaker.storage.migrate import SCHEMA_VERSION
from dealmaker.storage.models import Base, Operation
from dealmaker.storage.replace import discard, publish
from dealmaker.storage.revert import mapped_class
from dealmaker.storage.uow import defer_on
from dealmaker.storage.workspace import Workspace, make_engine, new_workspace_file

_STATE = Base.metadata.tables["sync_state"]
#: the join's page cache (KiB): the indexes of millions of rows are built in memory
_CACHE_KIB = 256 * 1024
#: progress(done rows, total rows, what): may raise (``engine.Cancelled``) to stop; both
#: sides roll back
Progress = Callable[[int, int, str], None]


def _quiet(_done: int, _total: int, _what: str) -> None:
    return None


def _columns(table: Table) -> list[str]:
    skip = mapped_class(table.name).JOURNAL_SKIP - {"created_at", "updated_at"}
    return [c.key for c in table.columns if c.key not in skip]


def publish_workspace(ws: Workspace, server: str, name: str | None = None,
                      step: Progress | None = None) -> tuple[str, dict[str, int]]:
    """Upload this workspace as the first snapshot of an empty shared workspace."""
    say = step or _quiet
    engine = make_server_engine(server)
    try:
        with ws.engine.begin() as local:
            if local.execute(select(_STATE.c.id)).first() is not None:
                raise SyncError("Deze werkruimte is al gedeeld; synchroniseer zonder --publish.")
            counts = {t.name: int(local.execute(select(func.count()).select_from(t)).scalar()
                                  or 0) for t in shared_tables()}
            with server_transaction(engine) as remote:
                shared = find_shared(remote, name=name, published=False)
                op_id = record_baseline(local, f"Gedeeld als '{shared.name}'", counts)
                sent, total = 0, sum(counts.values())
                say(0, total, "Verbonden; versturen…")
                staged = _begin_staged(remote, shared)
                for table in shared_tables():
                    sent = _upload(local, remote, shared, table, sent, total, say, staged)
                say(sent, total, "Controleren op de server…")
                op = local.execute(select(Operation.__table__).where(
                    Operation.id == op_id)).one()
                remote.execute(text("SELECT dealmaker.publish_done(CAST(:w AS uuid), :v, "
                                    "CAST(:op AS jsonb))"),
                               {"w": shared.id, "v": SCHEMA_VERSION, "op": json.dumps({
                                   "id": op.id, "kind": op.kind, "name": op.name,
                                   "at": op.at.isoformat(), "device_id": op.device_id,
                                   "detail": op.detail})})
            local.execute(_STATE.insert().values(
                id=1, server=shown_url(server_url(server)), workspace_id=shared.id,
                workspace_name=shared.name, cursor=1, pushed_sequence=op.sequence,
                last_sync_at=utcnow()))
            role = adopt_role(local, ws.author)  # my changes are the role's from now on
        ws.author = role
        return shared.name, counts
    finally:
        engine.dispose()


def _upload(local: Connection, remote: Connection, shared: Shared, table: Table, sent: int,
            total: int, say: Progress, staged: bool) -> int:
    """COPY ``table``'s rows into a temporary table of this session, then let
    ``dealmaker.publish_staged`` (stored forms, ``upload.py``) or ``publish_copied``
    (typed values) move them in (members may not write the tables)."""
    keys = _columns(table)
    lines = staged_lines(table, keys) if staged else None
    names = ", ".join(f'"{k}"' for k in keys)
    raw = remote.connection.driver_connection
    assert raw is not None
    done = [sent]

    def step(n: int) -> None:
        done[0] += n
        say(done[0], total, f"{table.name}: {done[0]:,} van {total:,} rijen verstuurd…"
            .replace(",", "."))

    with raw.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS pg_temp.dm_publish")
        cur.execute(f'CREATE TEMP TABLE dm_publish (LIKE {shared.schema}."{table.name}") '
                    "ON COMMIT DROP")
        cur.execute("GRANT SELECT ON pg_temp.dm_publish TO PUBLIC")
        into = f"pg_temp.dm_publish ({names})"
        if lines is None:
            copy_typed(local, remote, cur, table, keys, into, step)
            cur.execute("SELECT dealmaker.publish_copied(%s::uuid, %s, %s)",
                        (shared.id, SCHEMA_VERSION, table.name))
        else:
            query, whole = lines
            if whole:
                cur.execute("ALTER TABLE pg_temp.dm_publish " + ", ".join(
                    f'ALTER COLUMN "{k}" TYPE bigint USING NULL' for k in whole))
            copy_staged(local, cur, query, into, step)
            cur.execute("SELECT dealmaker.publish_staged(%s::uuid, %s, %s)",
                        (shared.id, SCHEMA_VERSION, table.name))
    return done[0]


def _begin_staged(remote: Connection, shared: Shared) -> bool:
    """Whether the server takes stored forms (a server set up by an older program does
    not: then every table goes the typed way); if so, its indexes and foreign keys are
    set aside until ``publish_done``."""
    if remote.execute(text(
            "SELECT to_regprocedure('dealmaker.publish_staged(uuid, integer, text)')")
            ).scalar() is None:
        return False
    remote.execute(text("SELECT dealmaker.publish_begin(CAST(:w AS uuid), :v)"),
                   {"w": shared.id, "v": SCHEMA_VERSION})
    return True


def _server_rows(remote: Connection, shared: Any) -> int:
    parts = " UNION ALL ".join(f"SELECT count(*) AS n FROM {shared.schema}.{t.name}"
                               for t in shared_tables())
    return int(remote.execute(text(f"SELECT sum(n) FROM ({parts}) c")).scalar() or 0)


def join_workspace(server: str, path: Path, name: str | None = None,
                   step: Progress | None = None) -> tuple[str, dict[str, int]]:
    """A new workspace file at ``path`` holding a snapshot of a shared workspace."""
    say = step or _quiet
    if path.exists():
        raise SyncError(f"{path} bestaat al; kies een nieuw bestand om de gedeelde "
                        "werkruimte in op te halen.")
    guard = new_workspace_file(path, "ophalen")
    engine = make_server_engine(server)
    try:
        target = make_engine(guard.workspace)
        try:
            with target.begin() as local, server_transaction(
                    engine.execution_options(isolation_level="REPEATABLE READ")) as remote:
                shared = find_shared(remote, name=name, published=True)
                defer_on(local)  # rows come in the server's order: a unit may precede its parent
                indexes = set_aside(local)
                local.exec_driver_sql(f"PRAGMA cache_size = -{_CACHE_KIB}")
                cursor = int(remote.execute(text(
                    f"SELECT coalesce(max(server_seq), 0) FROM {shared.schema}.sync_log"))
                    .scalar() or 0)
                total = _server_rows(remote, shared)
                got = [0]
                say(0, total, "Verbonden; ophalen…")
                counts = {t.name: _download(local, remote, shared, t, got, total, say)
                          for t in shared_tables()}
                op_id = record_baseline(local, f"Opgehaald van server ('{shared.name}')",
                                        counts)
                sequence = local.execute(select(Operation.sequence).where(
                    Operation.id == op_id)).scalar()
                say(total, total, "Indexen opbouwen…")
                put_back(local, indexes)  # before the derived data: that reads through them
                rebuild_all_derived(local)
                local.execute(_STATE.insert().values(
                    id=1, server=shown_url(server_url(server)), workspace_id=shared.id,
                    workspace_name=shared.name, cursor=cursor, pushed_sequence=sequence,
                    last_sync_at=utcnow()))
                adopt_role(local, current_author())  # the baseline is the role's too
        finally:
            target.dispose()
        publish(guard, path)
    except BaseException:
        discard(guard)
        raise
    finally:
        engine.dispose()
    guard.release()
    return shared.name, counts


def _download(local: Connection, remote: Connection, shared: Any, table: Table,
              got: list[int], total: int, say: Progress) -> int:
    def done(n: int) -> None:
        got[0] += n
        say(got[0], total, f"{table.name}: {got[0]:,} van {total:,} rijen opgehaald…".replace(
            ",", "."))

    return download(local, remote, shared.schema, table, done)
