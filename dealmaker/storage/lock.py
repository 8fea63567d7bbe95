"""One process per workspace: an OS file lock that dies with its process.

The lock is taken on ``<workspace>.lock`` with ``flock`` (POSIX) or ``msvcrt.locking``
(Windows). The operating system releases it when the process ends, so a crashed
instance never leaves the workspace stuck.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from dealmaker.storage.errors import WorkspaceLocked


class WorkspaceLock:
    """An exclusive, non-blocking lock on a workspace, held until ``release()``."""

    def __init__(self, workspace: Path) -> None:
        self.path = workspace.with_name(workspace.name + ".lock")
        self._handle: IO[str] | None = None
        self._workspace = workspace

    def acquire(self) -> None:
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held open
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise WorkspaceLocked(self._workspace) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None
        # The file itself stays: unlinking it would let a waiting process lock a
        # deleted inode while a third creates a fresh file and locks that too.

    def __enter__(self) -> WorkspaceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
