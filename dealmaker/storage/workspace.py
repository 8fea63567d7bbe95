"""Open, create and migrate a workspace file; hand out units of work.

Order on open: read-only inspection (foreign, newer, damaged are refused untouched),
then the process lock, then a backup copy and the migrations if the schema is older.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from dealmaker.domain.dates import utcnow
from dealmaker.storage.derived import install_derived
from dealmaker.storage.errors import install_error_translation
from dealmaker.storage.fileguard import APPLICATION_ID, inspect_file
from dealmaker.storage.journal import install_journal
from dealmaker.storage.lock import WorkspaceLock
from dealmaker.storage.migrate import SCHEMA_VERSION, upgrade_to_head
from dealmaker.storage.uow import UnitOfWork


def _set_pragmas(dbapi_conn: Any, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def make_engine(path: Path) -> Engine:
    """A SQLAlchemy engine on the file with WAL and foreign keys on every connection."""
    # hide_parameters: an error's text never carries a row's values (personal data)
    engine = create_engine(f"sqlite:///{path}", hide_parameters=True)
    event.listen(engine, "connect", _set_pragmas)
    install_error_translation(engine, path)
    return engine


def backup_file(path: Path, reason: str) -> Path:
    """Copy the workspace consistently (SQLite backup API) beside it; return the copy."""
    stamp = utcnow().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{reason}-{stamp}{path.suffix}.bak")
    src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


class Workspace:
    """An open workspace: its path, engine, session factory and process lock."""

    def __init__(self, path: Path, engine: Engine, lock: WorkspaceLock | None) -> None:
        self.path = path
        self.engine = engine
        self._lock = lock
        self.sessions: sessionmaker[Session] = sessionmaker(engine, expire_on_commit=False)
        install_journal(self.sessions)
        install_derived(self.sessions)

    def uow(self, name: str) -> UnitOfWork:
        """A unit of work whose writes are journalled as operation ``name``."""
        return UnitOfWork(self.sessions, name)

    def read(self) -> Session:
        """A session for reading (services use it in a ``with`` block)."""
        return self.sessions()

    def close(self) -> None:
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def create_workspace(path: Path, *, lock: bool = True) -> Workspace:
    """Create a new, empty workspace at ``path`` (which must not exist)."""
    if path.exists():
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    guard = WorkspaceLock(path) if lock else None
    if guard:
        guard.acquire()
    try:
        engine = make_engine(path)
        with engine.begin() as conn:
            upgrade_to_head(conn)
            conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        if guard:
            guard.release()
        path.unlink(missing_ok=True)
        raise
    return Workspace(path, engine, guard)


def open_workspace(path: Path, *, lock: bool = True, check: bool = True) -> Workspace:
    """Open an existing workspace, migrating it (after a backup) if it is older."""
    facts = inspect_file(path) if check else None
    guard = WorkspaceLock(path) if lock else None
    if guard:
        guard.acquire()
    try:
        engine = make_engine(path)
        if facts is not None and facts.schema_version < SCHEMA_VERSION:
            backup_file(path, f"v{facts.schema_version}")
            with engine.begin() as conn:
                upgrade_to_head(conn)
                conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        if guard:
            guard.release()
        raise
    return Workspace(path, engine, guard)
