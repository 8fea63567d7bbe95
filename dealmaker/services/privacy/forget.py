"""Vergeet persoon (AVG, right to erasure): remove a person's data from every copy.

Decisions:
- The person row is *anonymised and soft-deleted*, not hard-deleted: name becomes
  "Vergeten persoon", e-mail, phone, notes and cadence are cleared. Contact moments,
  commitments, relations and positions keep pointing at it, so counts (contact moments
  of a deal, participants of an overleg) stay right and no link has to be cut.
- Free text anywhere (every text column of every table, the journal included) that
  contains any full name, e-mail or phone number the person ever had is rewritten with
  "[vergeten persoon]"; journal rows about the person lose their values (action
  ``scrubbed``), which also makes those operations impossible to undo.
- These writes bypass the journal (it would copy the data again); one operation
  "Persoon vergeten" without personal data records that it happened.
- Backups beside the workspace (``<stem>.<reden>-<tijd><suffix>.bak``, made by
  ``backup_file``) in the current format get the same treatment, so they stay usable;
  a backup in an older format (from before a migration) is deleted, because this
  version cannot safely rewrite a schema it no longer knows.
- Finally ``secure_delete``, FTS5 optimize, VACUUM, index rebuild and a truncating WAL
  checkpoint make sure no old bytes stay in the file, its -wal or its -shm.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from dealmaker.domain.dates import utcnow
from dealmaker.services.changes import Changes
from dealmaker.storage.errors import WorkspaceError
from dealmaker.storage.journal import SUPPRESS
from dealmaker.storage.migrate import SCHEMA_VERSION
from dealmaker.storage.models import Change, Operation, Person
from dealmaker.storage.revert import SCRUBBED
from dealmaker.storage.scrub import (
    compact,
    identity_strings,
    replace_everywhere,
    scrub_journal,
    secure_delete,
)
from dealmaker.storage.workspace import Workspace, open_workspace

FORGOTTEN_NAME = "Vergeten persoon"
FORGET_OPERATION = "Persoon vergeten"


@dataclass(frozen=True)
class ForgetResult:
    person_id: str
    #: free-text cells (in the workspace) where a name or address was replaced
    texts_replaced: int
    #: journal rows about the person whose values were wiped
    journal_rows_scrubbed: int
    backups_forgotten: tuple[Path, ...]
    backups_deleted: tuple[Path, ...]
    changes: Changes
    #: False when another open connection kept the -wal file from being emptied; the
    #: old bytes then go at the next checkpoint (the UI may ask to close other windows)
    fully_compacted: bool = True


def _anonymise(person: Person) -> None:
    person.first_name = person.tussenvoegsel = person.email = person.phone = ""
    person.notes = ""
    person.last_name = FORGOTTEN_NAME
    person.cadence_days = None
    person.deleted_at = person.deleted_at or utcnow()


def _scrub(ws: Workspace, conn: Connection, person_id: str, needles: set[str],
           record: bool) -> tuple[int, int]:
    needles = needles | identity_strings(conn, person_id)
    conn.commit()  # end the read, so that the session owns (and commits) its transaction
    session = ws.sessions(bind=conn)
    session.info[SUPPRESS] = True  # the journal would store the data again
    with session:
        person = session.get(Person, person_id)
        if person is not None:
            _anonymise(person)
        session.flush()
        texts = replace_everywhere(session.connection(), needles)
        rows = scrub_journal(session.connection(), person_id, SCRUBBED)
        if record:
            op = Operation(name=FORGET_OPERATION)
            session.add(op)
            session.flush()
            session.add(Change(operation_id=op.id, seq=1, entity="person",
                               entity_id=person_id, action=SCRUBBED))
        session.commit()
    return texts, rows


def _forget_in(ws: Workspace, person_id: str, needles: set[str], *,
               record: bool) -> tuple[int, int, bool]:
    """Forget in one open workspace, then compact it: (texts, journal rows, compacted)."""
    with ws.engine.connect() as conn, secure_delete(conn):
        texts, rows = _scrub(ws, conn, person_id, needles, record)
        clean = compact(conn)
    return texts, rows, clean


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


def _forget_backups(path: Path, person_id: str,
                    needles: set[str]) -> tuple[list[Path], list[Path]]:
    forgotten: list[Path] = []
    deleted: list[Path] = []
    for backup in backups_of(path):
        try:
            if _schema_version(backup) == SCHEMA_VERSION:
                with open_workspace(backup, lock=False) as copy:
                    _forget_in(copy, person_id, needles, record=False)
                forgotten.append(backup)
                continue
        except (WorkspaceError, SQLAlchemyError, sqlite3.Error):
            pass  # a copy that cannot be rewritten must not keep the data either
        for leftover in (backup, Path(f"{backup}-wal"), Path(f"{backup}-shm")):
            leftover.unlink(missing_ok=True)
        deleted.append(backup)
    return forgotten, deleted


def forget_person(ws: Workspace, person_id: str) -> ForgetResult:
    """Remove the person's data from the workspace, its journal and its backups."""
    with ws.read() as session:
        if session.get(Person, person_id) is None:
            raise LookupError("Dit contact bestaat niet.")
    with ws.engine.connect() as conn:
        needles = identity_strings(conn, person_id)
    texts, rows, clean = _forget_in(ws, person_id, needles, record=True)
    forgotten, deleted = _forget_backups(ws.path, person_id, needles)
    return ForgetResult(person_id, texts, rows, tuple(forgotten), tuple(deleted),
                        Changes.all(), clean)
