"""Work off the UI thread, results back on it; step generators become a progress dialog.

Reads run on a small pool; anything that writes (a new demo workspace, a back-up) runs
on one single-worker lane, because SQLite has one writer. Callbacks always run on the
UI thread. ``TaskRunner(inline=True)`` runs everything synchronously, for tests.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Generator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from dealmaker.storage.errors import user_error

log = logging.getLogger(__name__)


def _for_user(exc: Exception) -> Exception:
    """A database or disk error as one Dutch line without SQL or values (the original,
    safely formatted, goes to the log)."""
    shown = user_error(exc)
    if shown is not exc:
        log.warning("taak mislukt: %s", type(exc).__name__, exc_info=exc)
    return shown


def _alive(callback: Callable[..., Any] | None) -> bool:
    """False when ``callback`` is a method of a Qt object deleted meanwhile (a window
    closed while its work ran): calling it would raise RuntimeError."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class Step(Protocol):
    """One progress step of a Qt-free generator (e.g. ``DemoStep``)."""

    @property
    def done(self) -> int: ...
    @property
    def total(self) -> int: ...
    @property
    def label(self) -> str: ...


class _Relay(QObject):
    """Lives on the UI thread; a callable emitted from any thread runs there."""

    call = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.call.connect(self._invoke, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _invoke(self, fn: Callable[[], None]) -> None:
        fn()


class TaskRunner(QObject):
    """``run(fn, ...)`` for functions, ``run_steps(gen, ...)`` for generators of steps."""

    def __init__(self, parent: QObject | None = None, *, inline: bool = False) -> None:
        super().__init__(parent)
        self.inline = inline
        self._relay = _Relay(self)
        self._reads = ThreadPoolExecutor(2, thread_name_prefix="dealmaker-lezen")
        self._writes = ThreadPoolExecutor(1, thread_name_prefix="dealmaker-schrijven")
        self._cancels: set[threading.Event] = set()
        self._closed = False

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None],
            on_error: Callable[[Exception], None] | None = None, write: bool = False) -> None:
        """Call ``fn(*args)`` off the UI thread, then ``on_done(result)`` on it."""
        def work() -> None:
            try:
                result = fn(*args)
            except Exception as exc:
                shown = _for_user(exc)
                self._to_ui(lambda e=shown: self._fail(e, on_error))  # type: ignore[misc]
                return
            self._to_ui(lambda: on_done(result) if _alive(on_done) else None)

        if self.inline:
            work()
        else:
            (self._writes if write else self._reads).submit(work)

    def run_steps(self, steps: Generator[Step, None, Any], *, title: str,
                  parent: QWidget | None, on_done: Callable[[Any], None],
                  on_cancel: Callable[[], None] | None = None,
                  on_error: Callable[[Exception], None] | None = None) -> None:
        """Drive ``steps`` on the write lane behind a progress dialog with Annuleren.

        Cancelling closes the generator (in its own thread), then calls ``on_cancel``.
        ``on_done`` receives the generator's return value.
        """
        cancel = threading.Event()
        dialog: QProgressDialog | None = None
        if not self.inline:
            dialog = QProgressDialog(title, self.tr("Annuleren"), 0, 0, parent)
            dialog.setWindowTitle(title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setMinimumWidth(420)
            dialog.canceled.connect(cancel.set)
        self._cancels.add(cancel)

        def progress(step: Step) -> None:
            if dialog is not None and not cancel.is_set():
                dialog.setMaximum(max(step.total, 1))
                dialog.setValue(min(step.done, step.total))
                dialog.setLabelText(step.label)

        def finish(callback: Callable[[], None]) -> None:
            self._cancels.discard(cancel)
            if dialog is not None:
                dialog.canceled.disconnect(cancel.set)
                dialog.hide()
                dialog.deleteLater()
            callback()

        def work() -> None:
            try:
                while True:
                    if cancel.is_set():
                        steps.close()
                        self._to_ui(lambda: finish(on_cancel or (lambda: None)))
                        return
                    try:
                        step = next(steps)
                    except StopIteration as stop:
                        result = stop.value
                        break
                    self._to_ui(lambda s=step: progress(s))  # type: ignore[misc]
            except Exception as exc:
                shown = _for_user(exc)
                self._to_ui(lambda e=shown: finish(  # type: ignore[misc]
                    lambda: self._fail(e, on_error)))
                return
            self._to_ui(lambda: finish(lambda: on_done(result)))

        if self.inline:
            work()
        else:
            self._writes.submit(work)

    def shutdown(self) -> None:
        """Cancel running step generators, wait for all work; later results are dropped."""
        for cancel in list(self._cancels):
            cancel.set()
        self._closed = True
        self._reads.shutdown(wait=True, cancel_futures=True)
        self._writes.shutdown(wait=True, cancel_futures=True)

    def _to_ui(self, fn: Callable[[], None]) -> None:
        if self.inline:
            fn()
        elif not self._closed:
            self._relay.call.emit(lambda: None if self._closed else fn())

    @staticmethod
    def _fail(exc: Exception, on_error: Callable[[Exception], None] | None) -> None:
        if on_error is None:
            log.error("achtergrondtaak mislukt", exc_info=exc)
            raise exc
        if _alive(on_error):
            on_error(exc)
