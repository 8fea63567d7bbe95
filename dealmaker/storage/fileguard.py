"""Read-only checks of a workspace file before anything may write to it.

Every check opens the file read-only (``mode=ro``), so a refused file keeps its bytes.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from dealmaker.storage.errors import (
    DamagedWorkspace,
    HalfMigratedWorkspace,
    NewerWorkspace,
    NotAWorkspace,
    WorkspaceMissing,
    explain,
)
from dealmaker.storage.fingerprint import expected_fingerprint, file_fingerprint
from dealmaker.storage.lock import open_here
from dealmaker.storage.migrate import SCHEMA_VERSION

#: PRAGMA application_id of a dealmaker workspace: "DMK1".
APPLICATION_ID = 0x444D4B31
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileFacts:
    """What the read-only inspection found."""

    schema_version: int
    integrity: str


#: SQLITE_READONLY, SQLITE_CANTOPEN and SQLITE_READONLY_* extended codes
_READ_ONLY_MEDIA = frozenset({8, 14, 264, 520, 776, 1032, 1288, 1544})


def readonly_connect(path: Path) -> sqlite3.Connection:
    """A read-only connection that cannot create, migrate or checkpoint the file.

    On read-only media (a backup on a write-protected stick) SQLite cannot make the
    WAL index beside the file; nobody can write there either, so the file is read as
    ``immutable`` instead of being refused.
    """
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA user_version").fetchone()
    except sqlite3.OperationalError as exc:
        conn.close()
        if getattr(exc, "sqlite_errorcode", None) not in _READ_ONLY_MEDIA:
            raise
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
    return conn


def _newest_backup(path: Path, version: int) -> Path | None:
    found = sorted(path.parent.glob(f"{path.stem}.v{version}-*{path.suffix}.bak"))
    return found[-1] if found else None


def inspect_file(path: Path, *, full_check: bool = False, pages: bool = True) -> FileFacts:
    """Refuse foreign, newer, damaged or half-migrated files; return the schema version.

    ``full_check`` runs ``PRAGMA integrity_check`` instead of the faster ``quick_check``;
    ``pages=False`` reads neither (header, version and tables only: milliseconds, where
    reading every page of a large file from disk takes many seconds; see ``verify``).
    """
    if not path.exists():
        raise WorkspaceMissing(path)
    opened = open_here(path)  # then SQLite reads its header (see ``lock``), not open()
    if not opened:
        with open(path, "rb") as fh:
            header = fh.read(100)
        if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
            raise NotAWorkspace(path)
        if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
            raise NotAWorkspace(path)
    try:
        conn = readonly_connect(path)
        try:
            if opened and conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                raise NotAWorkspace(path)
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise NewerWorkspace(path, version, SCHEMA_VERSION)
            pragma = "integrity_check" if full_check else "quick_check"
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}(5)")] if pages else ["ok"]
            expected = expected_fingerprint(version, SCHEMA_VERSION)
            matches = rows != ["ok"] or not expected or file_fingerprint(conn) == expected
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:  # read-only folder, no access: said as such
        raise explain(exc, path) or DamagedWorkspace(path, str(exc)) from None
    if rows != ["ok"]:
        raise DamagedWorkspace(path, "; ".join(rows)[:200])
    if not matches:  # a migration of an older release was interrupted halfway
        raise HalfMigratedWorkspace(path, version, _newest_backup(path, version))
    return FileFacts(schema_version=version, integrity="ok")
