"""Owns the current workspace: open, create (empty or demo), back up, switch.

A workspace that cannot be opened never replaces the current one: the user sees the
one-line Dutch message and keeps working where they were.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from dealmaker.services.changes import Changes
from dealmaker.storage.errors import WorkspaceError
from dealmaker.storage.workspace import Workspace, backup_file, create_workspace, open_workspace
from dealmaker.ui.settings import RecentFiles, window_settings
from dealmaker.ui.signals import AppSignals
from dealmaker.ui.tasks import TaskRunner

DEMO_SEED = 2026
STATUS_TIMEOUT_MS = 15_000


class WorkspaceController(QObject):
    """The current workspace and the File-menu use cases on it."""

    #: The list of recently opened workspaces changed.
    recent_changed = Signal()

    def __init__(self, workspace: Workspace, signals: AppSignals, tasks: TaskRunner,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.signals = signals
        self.tasks = tasks
        self.recent = RecentFiles(window_settings())
        self.recent.add(workspace.path)
        #: a demo is being generated: no second one meanwhile
        self.busy = False

    @property
    def workspace(self) -> Workspace:
        return self._workspace

    def open_path(self, path: Path, parent: QWidget | None) -> bool:
        """Open ``path`` and make it current; on refusal show why and keep the current."""
        if _same(path, self._workspace.path):
            self._status(self.tr("{path} is al geopend.").format(path=path))
            return True
        try:
            ws = open_workspace(path)
        except WorkspaceError as exc:
            self._warn(parent, self.tr("Werkruimte openen"), str(exc))
            return False
        self._switch(ws)
        self._status(self.tr("Werkruimte geopend: {path}").format(path=ws.path))
        return True

    def create_empty(self, path: Path, parent: QWidget | None) -> bool:
        """Create an empty workspace at ``path`` and make it current."""
        if path.exists():
            self._warn(parent, self.tr("Nieuwe werkruimte"), _exists_message(path))
            return False
        try:
            ws = create_workspace(path)
        except (WorkspaceError, OSError) as exc:
            self._warn(parent, self.tr("Nieuwe werkruimte"),
                       self.tr("{path} kon niet worden gemaakt: {error}")
                       .format(path=path, error=exc))
            return False
        self._switch(ws)
        self._status(self.tr("Nieuwe, lege werkruimte: {path}").format(path=ws.path))
        return True

    def create_demo(self, path: Path, parent: QWidget | None, size: str = "small") -> None:
        """Generate a demo workspace at ``path`` with a progress dialog, then open it."""
        title = self.tr("Demowerkruimte maken")
        if path.exists():
            self._warn(parent, title, _exists_message(path))
            return
        try:
            from dealmaker.services.demo import demo_steps
        except ImportError:
            self._warn(parent, title, self.tr("Demogegevens zijn in deze versie niet "
                                              "beschikbaar."))
            return

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
        path = self._workspace.path
        self._status(self.tr("Back-up maken…"))
        self.tasks.run(
            backup_file, path, "backup", write=True,
            on_done=lambda target: self._status(
                self.tr("Back-up gemaakt: {path}").format(path=target)),
            on_error=lambda exc: self._warn(
                parent, self.tr("Back-up maken"),
                self.tr("De back-up is mislukt: {error}").format(error=exc)))

    def close(self) -> None:
        self._workspace.close()

    def _switch(self, ws: Workspace) -> None:
        old, self._workspace = self._workspace, ws
        self.recent.add(ws.path)
        self.recent_changed.emit()
        self.signals.workspace_opened.emit(ws)
        self.signals.changes_applied.emit(Changes.all())
        old.close()

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
