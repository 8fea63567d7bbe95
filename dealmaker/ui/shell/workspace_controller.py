"""Owns the current workspace: open, create (empty or demo), back up, switch.

File work runs on the task runner's write lane, never on the UI thread: opening a large
workspace first reads all of it (``PRAGMA quick_check``), creating one runs migrations.
A workspace that cannot be opened never replaces the current one: the user sees the
one-line Dutch message and keeps working where they were.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from dealmaker.services.changes import Changes
from dealmaker.storage.errors import WorkspaceError, WorkspaceMissing
from dealmaker.storage.workspace import Workspace, backup_file, create_workspace, open_workspace
from dealmaker.ui.shell.settings import RecentFiles, window_settings
from dealmaker.ui.shell.signals import AppSignals
from dealmaker.ui.shell.tasks import TaskRunner

DEMO_SEED = 2026
STATUS_TIMEOUT_MS = 15_000


class WorkspaceController(QObject):
    """The current workspace (None while the first one is still being opened) and the
    File-menu use cases on it."""

    #: The list of recently opened workspaces changed.
    recent_changed = Signal()

    def __init__(self, workspace: Workspace | None, signals: AppSignals, tasks: TaskRunner,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.signals = signals
        self.tasks = tasks
        self.recent = RecentFiles(window_settings())
        if workspace is not None:
            self.recent.add(workspace.path)
        #: a workspace is being opened, created or generated: no second one meanwhile
        self.busy = False

    @property
    def workspace(self) -> Workspace | None:
        return self._workspace

    def adopt(self, ws: Workspace) -> None:
        """Make the opened ``ws`` current (closing the previous one) and tell everyone."""
        old, self._workspace = self._workspace, ws
        self.recent.add(ws.path)
        self.recent_changed.emit()
        self.signals.workspace_opened.emit(ws)
        self.signals.changes_applied.emit(Changes.all())
        if old is not None:
            old.close()
        if ws.check is not None:  # on the write lane, so writes wait for it too
            self.tasks.run(ws.check.wait, write=True, on_done=lambda _none: None,
                           on_error=self._damaged)

    def _damaged(self, exc: Exception) -> None:
        """The background check found damage: say so; every write is refused already."""
        self._status(self.tr("Werkruimte beschadigd: er wordt niets opgeslagen."))
        self._warn(None, self.tr("Werkruimte beschadigd"), str(exc))

    def open_path(self, path: Path, parent: QWidget | None) -> None:
        """Open ``path`` off the UI thread and make it current; on refusal say why."""
        if self._workspace is not None and _same(path, self._workspace.path):
            self._status(self.tr("{path} is al geopend.").format(path=path))
            return
        title = self.tr("Werkruimte openen")
        self._status(self.tr("Werkruimte openen en controleren: {path}…").format(path=path))
        self._in_background(partial(open_workspace, background=True), path, parent=parent,
                            title=title,
                            done=self.tr("Werkruimte geopend: {path}"))

    def begin_own(self, parent: QWidget | None) -> None:
        """Open the user's own workspace (the default one), made empty if it is new."""
        from dealmaker.config import default_workspace

        own = default_workspace()
        if own.exists():
            self.open_path(own, parent)
        else:
            self.create_empty(own, parent)

    def create_empty(self, path: Path, parent: QWidget | None) -> None:
        """Create an empty workspace at ``path`` (never over a file) and make it current."""
        title = self.tr("Nieuwe werkruimte")
        if path.exists():
            self._warn(parent, title, _exists_message(path))
            return
        self._in_background(create_workspace, path, parent=parent, title=title,
                            done=self.tr("Nieuwe, lege werkruimte: {path}"))

    def create_demo(self, path: Path, parent: QWidget | None, size: str = "small") -> None:
        """Generate a demo workspace at ``path`` with a progress dialog, then open it."""
        title = self.tr("Demowerkruimte maken")
        if path.exists():
            self._warn(parent, title, _exists_message(path))
            return
        from dealmaker.services.demo import demo_steps

        def done(_result: object) -> None:
            self.busy = False
            self.open_path(path, parent)

        def cancelled() -> None:
            self.busy = False
            self._status(self.tr("Demowerkruimte maken afgebroken."))

        def failed(exc: Exception) -> None:
            self.busy = False
            self._warn(parent, title, self.tr("De demowerkruimte kon niet worden gemaakt: "
                                              "{error}").format(error=exc))

        self.busy = True
        self.tasks.run_steps(demo_steps(path, size, DEMO_SEED), title=title, parent=parent,
                             on_done=done, on_cancel=cancelled, on_error=failed)

    def backup(self, parent: QWidget | None) -> None:
        """Write a consistent copy beside the workspace; say where in the status bar."""
        if self._workspace is None:
            return
        self._status(self.tr("Back-up maken…"))
        self.tasks.run(
            backup_file, self._workspace.path, "backup", write=True,
            on_done=lambda target: self._status(
                self.tr("Back-up gemaakt: {path}").format(path=target)),
            on_error=lambda exc: self._warn(
                parent, self.tr("Back-up maken"),
                self.tr("De back-up is mislukt: {error}").format(error=exc)))

    def close(self) -> None:
        if self._workspace is not None:
            self._workspace.close()

    def _in_background(self, fn: Callable[[Path], Workspace], path: Path, *,
                       parent: QWidget | None, title: str, done: str) -> None:
        """Run ``fn(path)`` on the write lane; adopt the workspace it returns."""
        self.busy = True

        def opened(ws: Workspace) -> None:
            self.busy = False
            self._status(done.format(path=ws.path))  # first: a damage report follows it
            self.adopt(ws)

        def failed(exc: Exception) -> None:
            self.busy = False
            if isinstance(exc, WorkspaceMissing):  # a stale Recent geopend entry
                self.recent.remove(path)
                self.recent_changed.emit()
            if isinstance(exc, WorkspaceError):
                text = str(exc)
            else:
                text = self.tr("{path}: {error}").format(path=path, error=exc)
            self._status("")
            self._warn(parent, title, text)

        self.tasks.run(fn, path, write=True, on_done=opened, on_error=failed)

    def _status(self, text: str) -> None:
        self.signals.status_message.emit(text)

    @staticmethod
    def _warn(parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _exists_message(path: Path) -> str:
    return QCoreApplication.translate(
        "WorkspaceController", "{path} bestaat al; kies een nieuwe naam. Een bestaand "
        "bestand wordt nooit overschreven.").format(path=path)
