"""Open, create and migrate a workspace file; hand out units of work.

Order on open: read-only inspection (foreign, newer, damaged, half-migrated are refused
untouched), then the lock on the file, then - if the schema is older - a migration of a
private copy that replaces the file whole, the original kept as the backup.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from dealmaker.storage.authorship import author_of
from dealmaker.storage.derived import install_derived
from dealmaker.storage.errors import install_error_translation
from dealmaker.storage.fileguard import APPLICATION_ID, inspect_file, readonly_connect
from dealmaker.storage.forgetting import finish_on_open
from dealmaker.storage.journal import AUTHOR, DEVICE, install_journal
from dealmaker.storage.lock import PRIVATE_MODE, WorkspaceLock, note_closed, note_open
from dealmaker.storage.migrate import SCHEMA_VERSION, migrate_file, upgrade_to_head
from dealmaker.storage.models.journal import EDIT, LocalDevice
from dealmaker.storage.replace import (
    backup_name,
    discard,
    discard_leftovers,
    publish,
    scratch_lock,
)
from dealmaker.storage.uow import UnitOfWork
from dealmaker.storage.verify import BackgroundCheck

#: how long a write waits for another connection's write (SQLite's busy timeout)
BUSY_WAIT_S = 30


def _set_pragmas(dbapi_conn: Any, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    # what a write frees is zeroed, so a forgotten value leaves no old bytes (schema 8)
    cur.execute("PRAGMA secure_delete = ON")
    # 32 MB of page cache instead of SQLite's 2 MB: a pull or import of thousands of
    # rows otherwise spills dirty pages to the WAL before it commits
    cur.execute("PRAGMA cache_size = -32768")
    cur.close()


def make_engine(path: Path) -> Engine:
    """A SQLAlchemy engine on the file with WAL and foreign keys on every connection."""
    # hide_parameters: an error's text never carries a row's values (personal data)
    # a save that meets a sync applying a large pull waits for it (30 s), not 5 s and
    # "bezet": the sync holds the file's write lock only while it applies
    engine = create_engine(f"sqlite:///{path}", hide_parameters=True,
                           connect_args={"timeout": BUSY_WAIT_S})
    event.listen(engine, "connect", _set_pragmas)
    install_error_translation(engine, path)
    return engine


def backup_file(path: Path, reason: str) -> Path:
    """Copy the workspace consistently (SQLite backup API) beside it; return the copy.

    The copy is private (owner only) and never more open than the workspace itself.
    """
    target = backup_name(path, reason)
    mode = stat.S_IMODE(os.stat(path).st_mode) & PRIVATE_MODE
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE))
    src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    os.chmod(target, mode)
    return target


def _device_of(engine: Engine) -> str | None:
    with engine.connect() as conn:
        found = conn.execute(select(LocalDevice.id).limit(1)).scalar()
    return None if found is None else str(found)


class Workspace:
    """An open workspace: its path, engine, session factory and process lock."""

    def __init__(self, path: Path, engine: Engine, lock: WorkspaceLock | None) -> None:
        self.path = path
        self.engine = engine
        self._lock = lock
        self._open_key = note_open(path)  # never a second descriptor of it (``lock``)
        #: the page-by-page check still running after a background open (else None)
        self.check: BackgroundCheck | None = None
        #: this copy's id (``local_device``); None until the first write makes one
        self.device_id: str | None = _device_of(engine)
        with engine.connect() as conn:
            author = author_of(conn)
        #: the sessions' info: the author and device their operations are journalled with
        self._info: dict[str, str] = {AUTHOR: author} | (
            {DEVICE: self.device_id} if self.device_id else {})
        self.sessions: sessionmaker[Session] = sessionmaker(
            engine, expire_on_commit=False, info=self._info)
        install_journal(self.sessions)
        install_derived(self.sessions)

    @property
    def author(self) -> str:
        """Who writes here: the OS user, or the PostgreSQL role once the workspace is
        shared (``storage.authorship``); undo offers only this author's operations."""
        return self._info[AUTHOR]

    @author.setter
    def author(self, name: str) -> None:
        self._info[AUTHOR] = name  # sessions made from now on journal with it

    def uow(self, name: str, *, kind: str = EDIT, reverts: str | None = None) -> UnitOfWork:
        """A unit of work whose writes are journalled as operation ``name``."""
        return UnitOfWork(self.sessions, name, kind=kind, reverts=reverts)

    def read(self) -> Session:
        """A session for reading (services use it in a ``with`` block)."""
        return self.sessions()

    def close(self) -> None:
        self.engine.dispose()
        note_closed(self._open_key)
        self._open_key = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _write_schema(path: Path) -> None:
    engine = make_engine(path)
    try:
        with engine.begin() as conn:
            upgrade_to_head(conn)
            conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
    finally:
        engine.dispose()


def new_workspace_file(path: Path, purpose: str) -> WorkspaceLock:
    """A locked scratch file beside ``path`` holding an empty workspace at head, to be
    filled and then published (``replace.publish``) or swapped in (``replace_with``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    guard = scratch_lock(path, purpose)
    try:
        _write_schema(guard.workspace)
    except BaseException:
        discard(guard)
        raise
    return guard


def create_workspace(path: Path, *, lock: bool = True) -> Workspace:
    """Create a new, empty workspace at ``path`` (which must not exist).

    Built in a scratch file and linked into place whole: a kill leaves no half file.
    """
    if path.exists():
        raise FileExistsError(path)
    guard = new_workspace_file(path, "nieuw")
    try:
        publish(guard, path)
    except BaseException:
        discard(guard)
        raise
    if not lock:
        guard.release()
    return Workspace(path, make_engine(path), guard if lock else None)


def _recorded_version(path: Path) -> int:
    conn = readonly_connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def open_workspace(path: Path, *, lock: bool = True, check: bool = True,
                   background: bool = False) -> Workspace:
    """Open an existing workspace, migrating it (atomically, see ``migrate``) if older.

    ``background``: read every page after opening instead of before (``verify``): a
    cold start shows its first page in a fraction of the time; writes wait for it."""
    later = check and background
    facts = inspect_file(path, pages=not later) if check else None
    if later and facts is not None and facts.schema_version < SCHEMA_VERSION:
        facts, later = inspect_file(path), False  # a migration reads every page anyway
    older = facts is not None and facts.schema_version < SCHEMA_VERSION
    guard = WorkspaceLock(path) if lock or older else None  # a migration always locks
    if guard is not None:
        guard.acquire()
    try:
        if guard is not None:
            discard_leftovers(path)
        if guard is not None and older:
            found = _recorded_version(path)  # another process may have migrated it meanwhile
            if found < SCHEMA_VERSION:
                migrate_file(path, guard, found)
    except BaseException:
        if guard is not None:
            guard.release()
        raise
    if guard is not None and not lock:
        guard.release()
        guard = None
    ws = Workspace(path, make_engine(path), guard)
    if later:
        ws.check = BackgroundCheck(path)
        ws.check.guard_writes(ws.engine)
    # a "Vergeten" that a crash interrupted is completed first (backups included)
    finish_on_open(ws, lambda copy: open_workspace(copy, lock=False))
    return ws
