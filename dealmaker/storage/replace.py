"""Build a workspace beside its place, then move it in whole: scratch files and backups.

Every new or rewritten workspace (a new one, a demo, a migration) is written to a
scratch file ``<naam>.<doel>.tmp`` in the same folder, locked by its writer, synced, and
only then renamed into place (``os.replace``, atomic on one file system). A kill at any
moment leaves the old file or the new one at the path, never a mix; a leftover scratch
file is discarded by the next writer. A workspace that is replaced is first kept as a
backup by a hard link (no second full copy), so nothing is lost.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import stat
from pathlib import Path

from dealmaker.domain.dates import utcnow
from dealmaker.storage.errors import WorkspaceLocked
from dealmaker.storage.lock import PRIVATE_MODE, WorkspaceLock, sync_dir

PURPOSES = ("nieuw", "demo", "migreren")
SIDECARS = ("-wal", "-shm", "-journal")


def scratch_path(path: Path, purpose: str) -> Path:
    return path.with_name(f"{path.name}.{purpose}.tmp")


def scratch_lock(path: Path, purpose: str) -> WorkspaceLock:
    """A locked, empty, private scratch file for ``path`` (a stale one is emptied)."""
    lock = WorkspaceLock(scratch_path(path, purpose))
    lock.acquire(create=True)  # WorkspaceLocked: another process is writing it right now
    try:
        for suffix in SIDECARS:
            Path(f"{lock.workspace}{suffix}").unlink(missing_ok=True)
        os.truncate(lock.workspace, 0)
        os.chmod(lock.workspace, PRIVATE_MODE)
    except BaseException:
        lock.release()
        raise
    return lock


def discard(lock: WorkspaceLock) -> None:
    """Delete a scratch file (and its SQLite side files) that will not be used."""
    try:
        for suffix in ("", *SIDECARS):
            Path(f"{lock.workspace}{suffix}").unlink(missing_ok=True)
    finally:
        lock.release()


def discard_leftovers(path: Path) -> None:
    """Remove scratch files a killed writer left beside ``path`` (none in use)."""
    for purpose in PURPOSES:
        if scratch_path(path, purpose).exists():
            with contextlib.suppress(WorkspaceLocked, OSError):
                discard(scratch_lock(path, purpose))


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(lock: WorkspaceLock, target: Path) -> None:
    """Give the locked, complete scratch file the name ``target``; never over a file."""
    fsync_file(lock.workspace)
    scratch = lock.workspace
    try:
        os.link(scratch, target)  # FileExistsError if someone made ``target`` meanwhile
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (FAT): rename, checked first
        if target.exists():
            raise FileExistsError(target) from None
        os.replace(scratch, target)
    else:
        os.unlink(scratch)
    sync_dir(target.parent)
    lock.moved_to(target)


def backup_name(path: Path, reason: str) -> Path:
    stamp = utcnow().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.{reason}-{stamp}{path.suffix}.bak")


def _backups(path: Path, reason: str) -> list[Path]:
    pattern = re.compile(
        rf"{re.escape(path.stem)}\.{re.escape(reason)}-\d{{8}}-\d{{6}}"
        rf"{re.escape(path.suffix)}\.bak")
    return [p for p in path.parent.iterdir() if pattern.fullmatch(p.name)]


def checkpoint(path: Path) -> None:
    """Move the -wal into the file (the caller holds the lock). Not a SQLite file: no-op."""
    with contextlib.suppress(sqlite3.Error):
        conn = sqlite3.connect(path)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()


def retire(path: Path, reason: str) -> Path:
    """Keep the locked workspace at ``path`` as a backup before it is replaced.

    A hard link (the old bytes stay where they are), private like its original or more;
    a -wal (or -journal) that could not be checkpointed travels with it. A link to this
    very file left by an interrupted earlier attempt is reused: retries pile up nothing.
    """
    checkpoint(path)
    mode = stat.S_IMODE(os.stat(path).st_mode) & PRIVATE_MODE
    target = next((p for p in _backups(path, reason) if os.path.samefile(p, path)), None)
    if target is None:
        target = backup_name(path, reason)
        try:
            os.link(path, target)
        except OSError:  # no hard links here: a full copy
            import shutil

            shutil.copyfile(path, target)
    for suffix in SIDECARS:
        side = Path(f"{path}{suffix}")
        if side.exists() and suffix != "-shm" and side.stat().st_size:
            os.replace(side, Path(f"{target}{suffix}"))
        else:
            side.unlink(missing_ok=True)
    os.chmod(target, mode)
    sync_dir(path.parent)
    return target
