"""The frame of the two team dialogs (delen, gedeelde werkruimte openen).

The work runs on the write lane while the dialog stays open: a progress bar with what is
being sent or fetched, Annuleren stops it (the service rolls back: nothing changed, no
half file), and a refusal (wrong password, no server, no access) is shown in the dialog
in one Dutch line, so the user can correct it and try again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dealmaker.domain.numbers import format_count
from dealmaker.services.sync.connect import Offline, SyncError
from dealmaker.services.sync.engine import Cancelled
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.sync.server_form import ServerForm, note

Progress = Callable[[int, int, str], None]


def tr(text: str) -> str:
    return QCoreApplication.translate("sync", text)


def records(n: int) -> str:
    """'1 record', '2.375.228 records'."""
    return tr("1 record") if n == 1 else tr("{n} records").format(n=format_count(n))


class _Relay(QObject):
    step = Signal(int, int, str)


class TeamDialog(QDialog):
    """Form + note + error line + progress; ``work(progress)`` runs on 'go'."""

    finished_work = Signal(object)  # the result, or the exception (tests wait on it)

    def __init__(self, context: AppContext, title: str, go: str, name_hint: str,
                 text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.context = context
        self.form = ServerForm(name_hint)
        self.error = QLabel()
        self.error.setObjectName("teamError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a4262c;")
        self.error.hide()
        self.bar = QProgressBar()
        self.bar.setObjectName("teamProgress")
        self.bar.hide()
        self.step_label = QLabel()
        self.step_label.hide()
        self.buttons = QDialogButtonBox()
        self.go: QPushButton = self.buttons.addButton(go, QDialogButtonBox.ButtonRole.AcceptRole)
        self.go.setObjectName("teamGo")
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel.setText(tr("Annuleren"))
        self.go.clicked.connect(self.start)
        self.cancel.clicked.connect(self._cancel)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.form)
        self.layout_.addWidget(note(text))
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.step_label)
        self.layout_.addWidget(self.bar)
        self.layout_.addWidget(self.buttons)
        self._stop = threading.Event()
        self._relay = _Relay(self)
        self._relay.step.connect(self._show_step)
        self.running = False

    # subclasses: what to run, and what to do when it is done
    def work(self, progress: Progress) -> Any:
        raise NotImplementedError

    def done_with(self, result: Any) -> None:
        self.accept()

    def start(self) -> None:
        if self.running:
            return
        try:
            job = self.prepare()
        except SyncError as exc:
            self.show_error(str(exc))
            return
        self.error.hide()
        self.running = True
        self._stop.clear()
        self.form.setEnabled(False)
        self.go.setEnabled(False)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.step_label.show()

        def progress(done: int, total: int, label: str) -> None:
            if self._stop.is_set():
                raise Cancelled(tr("Afgebroken; er is niets gewijzigd."))
            self._relay.step.emit(done, total, label)

        self.context.tasks.run(lambda: job(progress), write=True, on_done=self._ok,
                               on_error=self._failed)

    def prepare(self) -> Callable[[Progress], Any]:
        """Check the fields (``SyncError`` in Dutch) and return the work to run."""
        return self.work

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _show_step(self, done: int, total: int, label: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))
        self.step_label.setText(label)

    def _idle(self) -> None:
        self.running = False
        self.form.setEnabled(True)
        self.go.setEnabled(True)
        self.bar.hide()
        self.step_label.hide()

    def _ok(self, result: Any) -> None:
        self._idle()
        self.done_with(result)
        self.finished_work.emit(result)

    def _failed(self, exc: Exception) -> None:
        self._idle()
        if isinstance(exc, Cancelled):
            self.reject()
        elif isinstance(exc, Offline):
            self.show_error(tr("Server niet bereikbaar: controleer het adres en de "
                               "netwerkverbinding."))
        else:
            self.show_error(str(exc))
        self.finished_work.emit(exc)

    def _cancel(self) -> None:
        if self.running:
            self._stop.set()
            self.step_label.setText(tr("Afbreken…"))
        else:
            self.reject()

    def reject(self) -> None:
        if self.running:  # Esc while working: stop first, close when it has stopped
            self._cancel()
            return
        super().reject()
