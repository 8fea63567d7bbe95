"""Run the Alembic migrations shipped in the package; migrate a workspace file atomically.

A migration never touches the workspace itself. Holding the workspace's lock,
:func:`migrate_file` copies it (SQLite backup API, -wal included) into a private scratch
file ``<naam>.migreren.tmp``, runs every migration there, checks that the result has
exactly the tables and columns of the head schema, syncs it, keeps the original as the
backup ``<stem>.v<oud>-<tijd><suffix>.bak`` (a hard link: no second full copy) and
renames the scratch file over the original. A kill at any moment leaves the original
untouched (a leftover scratch file is discarded at the next open) or the migrated file
complete. So a migration may do anything - DDL outside transactions, table rebuilds with
``PRAGMA foreign_keys = OFF``, VACUUM - without caring about being interrupted.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, create_engine, event

from dealmaker.storage.errors import MigrationFailed, explain

if TYPE_CHECKING:
    from dealmaker.storage.lock import WorkspaceLock

#: The schema version this build writes (PRAGMA user_version); one per migration.
SCHEMA_VERSION = 15
#: from this schema on every write zeroes what it frees (``PRAGMA secure_delete``); a file
#: migrated from below it is VACUUMed once, so no old bytes stay in its free space
CLEAN_FROM = 8
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def upgrade_to_head(connection: Connection) -> None:
    """Bring the schema to head inside the caller's transaction.

    On SQLite the migrations run with foreign keys off (they rebuild tables; dropping a
    parent table with them on deletes through it) and all keys are checked once at the end.
    ``PRAGMA foreign_keys`` only changes outside a transaction, so call this before the
    connection wrote anything, and do not reuse the connection afterwards
    (``engine.dispose()``): it keeps foreign keys off.
    """
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
    command.upgrade(cfg, "head")
    if sqlite:
        # Derived data, not schema: the search index is filled by today's rule once the
        # schema is at head (a migration calling it midway would meet columns of later ones).
        from dealmaker.storage.search import rebuild_all
        from dealmaker.storage.sort_keys import refresh_sort_keys

        rebuild_all(connection)
        refresh_sort_keys(connection, None)
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
        if broken is not None:
            raise RuntimeError(f"verwijzing naar een ontbrekende rij na migratie: {tuple(broken)}")


def _scratch_pragmas(dbapi_conn: Any, _record: object) -> None:
    # A private copy that is thrown away if anything fails, so no rollback journal at all
    # (a table rebuild of a large file would otherwise journal every page, in memory or
    # on disk) and no syncs per transaction (the finished file is synced once).
    for pragma in ("foreign_keys = ON", "journal_mode = OFF", "synchronous = OFF",
                   "cache_size = -65536", "secure_delete = ON"):
        dbapi_conn.execute(f"PRAGMA {pragma}")


def _copy(source: Path, target: Path) -> None:
    # Read-write only to fold the -wal into the file first (the caller holds the lock):
    # the original then stands alone as the backup, and no -wal/-shm stays behind.
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _upgrade(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}", hide_parameters=True)
    event.listen(engine, "connect", _scratch_pragmas)
    try:
        with engine.connect() as conn:
            before = int(conn.exec_driver_sql("PRAGMA user_version").scalar() or 0)
        with engine.begin() as conn:
            upgrade_to_head(conn)
            conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
        with engine.connect() as conn:
            auto = conn.execution_options(isolation_level="AUTOCOMMIT")
            free, pages = (int(auto.exec_driver_sql(f"PRAGMA {p}").scalar() or 0)
                           for p in ("freelist_count", "page_count"))
            # tables rebuilt (schema 4): their old pages are free; or old bytes may lie
            # in free space, written before every write zeroed what it freed
            if free * 4 > pages or before < CLEAN_FROM:
                auto.exec_driver_sql("VACUUM")
            auto.exec_driver_sql("PRAGMA journal_mode = WAL")
    finally:
        engine.dispose()


def _verify(path: Path) -> str | None:
    """What is wrong with the migrated copy, or None."""
    from dealmaker.storage.fingerprint import file_fingerprint, head_fingerprint

    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        if int(conn.execute("PRAGMA user_version").fetchone()[0]) != SCHEMA_VERSION:
            return "schemaversie niet bijgewerkt"
        if file_fingerprint(conn) != head_fingerprint():
            return "tabellen wijken af van het schema"
        return None
    finally:
        conn.close()


def _drop_read_only_sidecars(path: Path) -> None:
    # The read-only check made an empty -wal and a -shm beside the copy (it cannot remove
    # them when it closes); no connection is open, so they go before the rename, else
    # they stay behind as '<naam>.migreren.tmp-wal'.
    for suffix in ("-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        if side.exists() and (suffix == "-shm" or side.stat().st_size == 0):
            side.unlink()


def migrate_file(path: Path, lock: WorkspaceLock, from_version: int) -> Path:
    """Migrate the locked workspace at ``path`` to head, atomically; return the backup."""
    from dealmaker.storage.replace import discard, fsync_file, retire, scratch_lock

    real = path.resolve()  # a symbolic link stays one; the file it names is migrated
    scratch = scratch_lock(real, "migreren")
    try:
        try:
            _copy(real, scratch.workspace)
            _upgrade(scratch.workspace)
        except Exception as exc:  # SQL and data stay out of the message
            failure = explain(exc, path)  # full disk, read-only folder: said as such
            raise failure or MigrationFailed(path, SCHEMA_VERSION, type(exc).__name__) from exc
        problem = _verify(scratch.workspace)
        if problem:
            raise MigrationFailed(path, SCHEMA_VERSION, problem)
        _drop_read_only_sidecars(scratch.workspace)
        fsync_file(scratch.workspace)
        backup = retire(real, f"v{from_version}")
        lock.replace_with(scratch)
    except BaseException:
        discard(scratch)
        raise
    return backup
