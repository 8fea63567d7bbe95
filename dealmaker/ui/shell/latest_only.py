"""One read at a time on the task runner, and only the newest answer counts.

Search-as-you-type asks for a new first page on every keystroke. Running them all would
queue work behind stale queries; cancelling a running SQLite query is not possible. So:
at most one query runs, a newer request *replaces* the one waiting, and when a query ends
its answer is delivered only if nothing newer was asked meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from dealmaker.ui.shell.tasks import TaskRunner

Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


class LatestOnly(QObject):
    def __init__(self, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._serial = 0
        self._busy = False
        self._waiting: tuple[int, Callable[[], Any], Done, Failed] | None = None

    @property
    def busy(self) -> bool:
        """A query runs or waits."""
        return self._busy

    def submit(self, fn: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        """Run ``fn()`` off the UI thread; ``on_done(result)`` if still the newest."""
        self._serial += 1
        job = (self._serial, fn, on_done, on_error)
        if self._busy:
            self._waiting = job
        else:
            self._start(job)

    def drop(self) -> None:
        """Forget every request made so far (their answers will be ignored)."""
        self._serial += 1
        self._waiting = None

    def _start(self, job: tuple[int, Callable[[], Any], Done, Failed]) -> None:
        serial, fn, on_done, on_error = job
        self._busy = True

        def done(result: Any) -> None:
            self._next()
            if serial == self._serial:
                on_done(result)

        def failed(exc: Exception) -> None:
            self._next()
            if serial == self._serial:
                on_error(exc)

        self._tasks.run(fn, on_done=done, on_error=failed)

    def _next(self) -> None:
        self._busy = False
        if self._waiting is not None:
            job, self._waiting = self._waiting, None
            self._start(job)
