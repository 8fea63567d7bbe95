"""Why a workspace file was refused. Each message is one Dutch line for the user."""

from __future__ import annotations

from pathlib import Path
from typing import Any


class WorkspaceError(Exception):
    """A workspace cannot be opened; ``str(exc)`` is the message for the user."""


class NotAWorkspace(WorkspaceError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is geen dealmaker-werkruimte; het bestand is niet gewijzigd.")


class NewerWorkspace(WorkspaceError):
    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"{path} is gemaakt met een nieuwere versie van dealmaker (schema {found}, "
            f"deze versie kent t/m {supported}); werk dealmaker bij. "
            "Het bestand is niet gewijzigd.")


class DamagedWorkspace(WorkspaceError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"{path} is beschadigd ({detail}); het bestand is niet gewijzigd. "
            "Gebruik een back-up.")


class WorkspaceLocked(WorkspaceError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} is al geopend in een ander dealmaker-venster of -proces; "
            "sluit dat eerst.")


class WorkspaceMissing(WorkspaceError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} bestaat niet.")


class StorageFailure(WorkspaceError):
    """Reading or writing failed for a reason outside dealmaker (read-only, full disk,
    no access, busy, disk error). ``kind`` names the reason for tests and the log."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


# SQLite primary result codes (sqlite3.h); Python gives them as ``sqlite_errorcode``.
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT = 3, 5, 6, 8, 10, 11
_FULL, _CANTOPEN, _AUTH, _NOTADB = 13, 14, 23, 26
_SAVED = "Er is niets opgeslagen"
_MESSAGES = {
    "alleen-lezen": "{path} kan niet worden bijgewerkt: het bestand is alleen-lezen. "
                    + _SAVED + "; maak het schrijfbaar of werk in een kopie.",
    "map alleen-lezen": "{path} kan niet worden geopend of bijgewerkt: de map of schijf is "
                        "alleen-lezen. " + _SAVED + "; kies een schrijfbare map.",
    "schijf vol": "{path} kan niet worden bijgewerkt: de schijf is vol. " + _SAVED
                  + "; maak ruimte vrij en probeer het opnieuw.",
    "geen toegang": "Geen toegang tot {path}: de rechten staan het niet toe. " + _SAVED
                    + "; vraag toegang of kies een andere map.",
    "bezet": "{path} is bezet door een ander programma. " + _SAVED
             + "; probeer het over een ogenblik opnieuw.",
    "schijffout": "{path} kon niet worden gelezen of geschreven (schijffout). " + _SAVED
                  + "; controleer de schijf en probeer het opnieuw.",
    "bestaat niet": "{path} bestaat niet (of de map erom heen niet). " + _SAVED
                    + "; controleer de naam.",
}


def _sqlite_error(exc: BaseException) -> BaseException | None:
    """The sqlite3 error inside ``exc`` (itself, SQLAlchemy's ``orig`` or the chain)."""
    import sqlite3

    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        cur = todo.pop()
        if cur is None or id(cur) in seen:
            continue
        seen.add(id(cur))
        if isinstance(cur, sqlite3.Error):
            return cur
        todo += [getattr(cur, "orig", None), cur.__cause__, cur.__context__]
    return None


def _folder_read_only(path: Path) -> bool:
    import os

    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except OSError:
        return False
    return not os.access(folder, os.W_OK) or (path.exists() and not _can_create(folder))


def _can_create(folder: Path) -> bool:
    """Whether a file can be made in ``folder`` (root ignores permission bits)."""
    import os
    import tempfile

    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=".dealmaker-probe-")
    except OSError:
        return False
    os.close(fd)
    os.unlink(name)
    return True


def _disk_full(path: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(path.parent).free < 64 * 1024
    except OSError:
        return False


def _sqlite_kind(error: BaseException, path: Path) -> str | None:
    code = int(getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
    if code in (_CORRUPT, _NOTADB):
        return "beschadigd"
    if code == _FULL or (code == _IOERR and _disk_full(path)):
        return "schijf vol"
    if code in (_READONLY, _CANTOPEN):
        if _folder_read_only(path):
            return "map alleen-lezen"
        if code == _READONLY:
            return "alleen-lezen"
        return "bestaat niet" if not path.parent.is_dir() else "geen toegang"
    return {_PERM: "geen toegang", _AUTH: "geen toegang", _BUSY: "bezet", _LOCKED: "bezet",
            _IOERR: "schijffout"}.get(code)


def _os_kind(error: OSError) -> str | None:
    import errno

    return {errno.ENOSPC: "schijf vol", errno.EDQUOT: "schijf vol",
            errno.EROFS: "map alleen-lezen", errno.EACCES: "geen toegang",
            errno.EPERM: "geen toegang", errno.ENOENT: "bestaat niet",
            errno.EIO: "schijffout"}.get(error.errno or 0)


def explain(exc: BaseException, path: Path) -> WorkspaceError | None:
    """One true Dutch line for an error of the disk or the database, else None.

    Never the SQL, never the values of a row: only what happened to which file and
    what to do. Damage (``SQLITE_CORRUPT``/``NOTADB``) is the only case that advises a
    back-up; a read-only file or folder, a full disk or missing rights are said as such.
    """
    if isinstance(exc, WorkspaceError):
        return exc
    error = _sqlite_error(exc)
    kind: str | None = None
    if error is not None:
        kind = _sqlite_kind(error, path)
    elif isinstance(exc, OSError):
        kind = _os_kind(exc)
        path = Path(exc.filename) if exc.filename else path
    if kind is None:
        return None
    if kind == "beschadigd":
        return DamagedWorkspace(path, "het bestand is geen geldige database meer")
    return StorageFailure(kind, _MESSAGES[kind].format(path=path))


def install_error_translation(engine: Any, path: Path) -> None:
    """Errors of the disk or database on ``engine`` surface as ``StorageFailure``/
    ``DamagedWorkspace`` (one Dutch line), not as SQLAlchemy errors whose text carries
    the SQL statement and the row's values."""
    from sqlalchemy import event

    def translate(context: Any) -> None:
        failure = explain(context.original_exception, path)
        if failure is not None:
            raise failure from None

    event.listen(engine, "handle_error", translate)


def user_error(exc: Exception, path: Path | None = None) -> Exception:
    """What to show the user for ``exc``: our own errors as they are, errors of the disk
    or database as one Dutch line (``explain``), and any other database error as a
    line without its SQL and values (its text would carry both)."""
    if isinstance(exc, WorkspaceError):
        return exc
    failure = explain(exc, path or Path("de werkruimte"))
    if failure is not None:
        return failure
    if _sqlite_error(exc) is not None or type(exc).__module__.startswith("sqlalchemy"):
        return StorageFailure("onverwacht", (
            f"Onverwachte databasefout ({type(exc).__name__}); er is niets opgeslagen. "
            "De technische details (zonder persoonsgegevens) staan in het logbestand."))
    return exc


class HalfMigratedWorkspace(WorkspaceError):
    def __init__(self, path: Path, version: int, backup: Path | None) -> None:
        where = f"de back-up {backup.name}" if backup else "een back-up van vóór de migratie"
        super().__init__(
            f"{path} is half gemigreerd: de tabellen passen niet bij schemaversie {version} "
            f"(schema wijkt af); het bestand is niet gewijzigd. Gebruik {where}.")


class MigrationFailed(WorkspaceError):
    def __init__(self, path: Path, target: int, detail: str) -> None:
        super().__init__(
            f"{path} kon niet worden bijgewerkt naar schemaversie {target} ({detail}); "
            "het bestand is niet gewijzigd.")
