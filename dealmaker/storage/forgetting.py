"""Forget persons in one transaction, and finish the clean-up even after a crash.

Step 1, one transaction (all or nothing): the persons are anonymised and soft-deleted,
every mention elsewhere becomes "[vergeten persoon]", their journal rows lose their
values, and a bookkeeping setting ``vergeten_bezig`` (person ids only, never names) is
written. Step 2, ``finish_pending_forget``: the backups beside the workspace get step 1
too (their own rows say what to look for), then VACUUM with ``secure_delete``, an FTS
merge and a truncating WAL checkpoint leave no old bytes in the file or its -wal; only
then is the setting removed. A kill -9 anywhere leaves either the person as it was
(before step 1 committed) or the setting, and ``open_workspace`` runs step 2 again.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from dealmaker.domain.dates import utcnow
from dealmaker.storage.errors import WorkspaceError
from dealmaker.storage.journal import SUPPRESS, record_redaction
from dealmaker.storage.models import Person
from dealmaker.storage.models.settings import WorkspaceSetting
from dealmaker.storage.namematch import FORGOTTEN_NAME, REPLACEMENT, Mentions
from dealmaker.storage.revert import SCRUBBED
from dealmaker.storage.scrub import (
    compact,
    mentions_of,
    replace_everywhere,
    scrub_journal,
    secure_delete,
)

log = logging.getLogger(__name__)
PENDING_KEY = "vergeten_bezig"


class Workspace(Protocol):
    """What this module needs of ``storage.workspace.Workspace`` (which imports us)."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]

    def read(self) -> Session: ...


#: opens a backup copy as a workspace, unlocked (``open_workspace(p, lock=False)``)
Opener = Callable[[Path], AbstractContextManager[Workspace]]


@dataclass(frozen=True)
class Forgotten:
    """What step 1 did in one file."""

    texts_replaced: int
    journal_rows_scrubbed: int


@dataclass(frozen=True)
class Finished:
    """What step 2 did."""

    backups_forgotten: tuple[Path, ...] = ()
    backups_deleted: tuple[Path, ...] = ()
    #: False when another open connection kept the -wal file from being emptied
    fully_compacted: bool = True


def _anonymise(person: Person) -> None:
    person.first_name = person.tussenvoegsel = person.email = person.phone = ""
    person.notes = ""
    person.last_name = FORGOTTEN_NAME
    person.cadence_days = None
    person.deleted_at = person.deleted_at or utcnow()


def _setting(session: Session) -> WorkspaceSetting | None:
    return session.scalar(select(WorkspaceSetting).where(WorkspaceSetting.key == PENDING_KEY))


def _mark(session: Session, person_ids: set[str]) -> None:
    setting = _setting(session)
    if setting is None:
        setting = WorkspaceSetting(key=PENDING_KEY, value="[]")
        session.add(setting)
    setting.value = json.dumps(sorted(set(json.loads(setting.value)) | person_ids))


def mark_pulled(conn: Connection, person_ids: set[str]) -> None:
    """In the caller's transaction (a sync that applied a colleague's forget): step 2 is
    due for these persons, so a kill before it ran is finished at the next open."""
    with Session(bind=conn) as session:  # not journalled: bookkeeping of this copy only
        _mark(session, person_ids)
        session.flush()


def forget_rows(ws: Workspace, person_ids: set[str], mentions: Mentions, *,
                operation: str | None, mark: bool) -> Forgotten:
    """Step 1 in one transaction; ``operation`` names the journal entry (None: none)."""
    with ws.engine.connect() as conn, secure_delete(conn):
        session = ws.sessions(bind=conn)
        session.info[SUPPRESS] = True  # the journal would store the data again
        with session:
            for person_id in sorted(person_ids):
                person = session.get(Person, person_id)
                if person is not None:
                    _anonymise(person)
            session.flush()
            texts = replace_everywhere(session.connection(), mentions)
            rows = sum(scrub_journal(session.connection(), pid, SCRUBBED)
                       for pid in sorted(person_ids))
            if operation is not None:  # one 'redaction': ids and placeholders, never data
                record_redaction(session, operation, [
                    p for pid in sorted(person_ids) if (p := session.get(Person, pid))],
                    REPLACEMENT)
            if mark:
                _mark(session, person_ids)
            session.commit()
    return Forgotten(texts, rows)


def pending_forget(ws: Workspace) -> set[str]:
    """Ids of persons whose forgetting still has to be finished (step 2)."""
    with ws.read() as session:
        setting = _setting(session)
        return set(json.loads(setting.value)) if setting is not None else set()


def backups_of(path: Path) -> list[Path]:
    """The backup copies ``backup_file`` made of this workspace."""
    pattern = re.compile(
        rf"{re.escape(path.stem)}\.[^.]+-\d{{8}}-\d{{6}}{re.escape(path.suffix)}\.bak")
    return sorted(p for p in path.parent.iterdir() if pattern.fullmatch(p.name))


def _schema_version(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def _forget_backup(backup: Path, person_ids: set[str], open_copy: Opener) -> bool:
    """Step 1 and the compaction in a backup; False when it could not be rewritten."""
    from dealmaker.storage.migrate import SCHEMA_VERSION

    try:
        if _schema_version(backup) != SCHEMA_VERSION:
            return False
        with open_copy(backup) as copy:
            with copy.engine.connect() as conn:
                mentions = mentions_of(conn, person_ids)
            forget_rows(copy, person_ids, mentions, operation=None, mark=False)
            with copy.engine.connect() as conn, secure_delete(conn):
                return compact(conn, vacuum=True)  # a backup: rewritten whole
    except (WorkspaceError, SQLAlchemyError, sqlite3.Error):
        return False


def _forget_backups(path: Path, person_ids: set[str],
                    open_copy: Opener) -> tuple[list[Path], list[Path]]:
    forgotten: list[Path] = []
    deleted: list[Path] = []
    for backup in backups_of(path):
        if backup.samefile(path):
            continue  # a hard link to the workspace itself (an interrupted replace)
        if _forget_backup(backup, person_ids, open_copy):
            forgotten.append(backup)
            continue
        # a copy that cannot be rewritten (older format, damaged) must not keep the data
        for leftover in (backup, Path(f"{backup}-wal"), Path(f"{backup}-shm")):
            leftover.unlink(missing_ok=True)
        deleted.append(backup)
    return forgotten, deleted


def finish_pending_forget(ws: Workspace, open_copy: Opener) -> Finished:
    """Step 2 for every pending forget: backups, VACUUM, checkpoint; then the mark goes."""
    person_ids = pending_forget(ws)
    if not person_ids:
        return Finished()
    forgotten, deleted = _forget_backups(ws.path, person_ids, open_copy)
    with ws.engine.connect() as conn, secure_delete(conn):
        clean = compact(conn)
        if clean:
            session = ws.sessions(bind=conn)
            session.info[SUPPRESS] = True
            with session:
                setting = _setting(session)
                if setting is not None:
                    session.delete(setting)
                session.commit()
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return Finished(tuple(forgotten), tuple(deleted), clean)


def finish_on_open(ws: Workspace, open_copy: Opener) -> None:
    """At open: finish a forget that a crash interrupted; a failure (a full disk) is
    logged and retried at the next open rather than refusing the workspace."""
    try:
        finish_pending_forget(ws, open_copy)
    except (WorkspaceError, SQLAlchemyError, sqlite3.Error, OSError) as exc:
        log.warning("vergeten afmaken mislukt (%s); opnieuw bij het volgende openen",
                    type(exc).__name__)
