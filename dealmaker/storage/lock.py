"""One process per workspace: an OS lock on the workspace *file*, not on a path.

Linux: ``flock`` on a descriptor of the workspace file itself, so the same file reached
through a symbolic link, a hard link or another spelling of its path is one lock. flock
and SQLite's own fcntl (POSIX) locks do not interfere on Linux. After locking, the lock
checks that the path still names the locked file (``fstat`` of the descriptor equals
``stat`` of the path); a file replaced meanwhile (a migration, a demo) is locked again.
Elsewhere (see ``ON_FILE``) the lock lives on ``<real path>.lock``.

The operating system releases the lock when the process ends, so a crash never leaves
a workspace stuck.

Closing *any* descriptor of a file drops every POSIX lock this process holds on it,
SQLite's included; another program (sqlite3, a backup tool) then takes the open workspace
for closed and deletes its -wal under it. So a file this process has open (``note_open``)
is never opened beside SQLite: locking it again is refused before a descriptor is made,
and ``fileguard`` reads its header through SQLite.

Replacing a workspace goes through :meth:`WorkspaceLock.replace_with`, which locks the
new file *before* it is renamed over the old one.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from dealmaker.storage.errors import WorkspaceLocked, WorkspaceMissing

#: Files the app writes hold personal data: owner read/write only.
PRIVATE_MODE = 0o600
_RETRIES = 20
#: workspace files open in this process: (device, inode) -> how many times
_OPEN: dict[tuple[int, int], int] = {}


def _key(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def note_open(path: Path) -> tuple[int, int] | None:
    """Record that SQLite has ``path`` open here; give the key for ``note_closed``."""
    key = _key(path)
    if key is not None:
        _OPEN[key] = _OPEN.get(key, 0) + 1
    return key


def note_closed(key: tuple[int, int] | None) -> None:
    if key is not None and key in _OPEN:
        _OPEN[key] -= 1
        if not _OPEN[key]:
            del _OPEN[key]


def open_here(path: Path) -> bool:
    """Is the file at ``path`` (any name of it) open as a workspace in this process?"""
    key = _key(path)
    return key is not None and key in _OPEN


class WorkspaceLock:
    """An exclusive, non-blocking lock on a workspace file, held until ``release()``."""

    def __init__(self, workspace: Path) -> None:
        self.workspace = workspace
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, *, create: bool = False) -> None:
        """Lock the file at ``workspace``; ``create`` makes an empty private file first
        when there is none (a scratch file that the caller fills and renames later)."""
        if ON_FILE and open_here(self.workspace):  # no descriptor to open and close
            raise WorkspaceLocked(self.workspace)
        for _attempt in range(_RETRIES):
            fd = _open(self.workspace, create)
            try:
                _lock(fd)
            except OSError:
                os.close(fd)
                raise WorkspaceLocked(self.workspace) from None
            if _still_named(fd, self.workspace):
                self._fd = fd
                return
            os.close(fd)  # replaced or deleted while we locked it: lock what is there now
        raise WorkspaceLocked(self.workspace)

    def replace_with(self, successor: WorkspaceLock) -> None:
        """Atomically rename the file ``successor`` holds (complete, synced) over this one.

        The new file is locked before the rename, so no other process can slip in
        between; afterwards this lock holds the new file and the old file (still reachable
        through a backup link) is unlocked.
        """
        assert self._fd is not None and successor._fd is not None, "both must be held"
        real = self.workspace.resolve()  # through a symbolic link: replace what it names
        os.replace(successor.workspace, real)
        sync_dir(real.parent)
        if ON_FILE:  # the lock travels with the file
            self.release()
            self._fd, successor._fd = successor._fd, None
        else:  # the lock is keyed on the path, which this lock already holds
            successor.release()

    def moved_to(self, target: Path) -> None:
        """The locked file was renamed or linked to ``target`` (see ``replace.publish``)."""
        if ON_FILE:
            self.workspace = target
            return
        self.release()
        self.workspace = target
        self.acquire()

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> WorkspaceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def sync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (no-op where directories cannot be opened)."""
    if sys.platform == "win32":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


#: On Linux flock and SQLite's fcntl locks are independent, so the file itself carries the
#: lock. On BSD/macOS the two kinds can meet in one lock table, and Windows has no flock:
#: there a ``<real path>.lock`` beside the resolved path carries it (symbolic links and
#: other spellings share it; a hard link does not).
ON_FILE = sys.platform.startswith("linux")


def _open(path: Path, create: bool) -> int:
    if create:
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_MODE))
    if ON_FILE:
        try:
            return os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        except FileNotFoundError:
            raise WorkspaceMissing(path) from None
    if not path.exists():
        raise WorkspaceMissing(path)
    real = path.resolve()
    return os.open(real.with_name(real.name + ".lock"), os.O_RDWR | os.O_CREAT, PRIVATE_MODE)


def _still_named(fd: int, path: Path) -> bool:
    try:
        now = os.stat(path)
    except FileNotFoundError:
        return False
    if not ON_FILE:
        return True
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (now.st_dev, now.st_ino)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
