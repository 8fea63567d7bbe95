"""The sync button and status in the status bar, and background synchronisation.

"Synchroniseren" runs ``services.sync.engine.sync`` off the write lane (it takes the
file's write lock only to apply the pull, so saving never waits for the server) behind a
progress dialog with Annuleren: cancelling stops the wait for the server at once and
leaves everything as it was. When the workspace is shared, it also syncs quietly every
few minutes; a server that cannot be reached shows "offline" and the work goes on.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressDialog, QPushButton, QWidget

from dealmaker.services.changes import Changes
from dealmaker.services.sync.connect import (
    CancelToken,
    LoginFailed,
    Offline,
    plain_address,
    typed_password,
    with_password,
)
from dealmaker.services.sync.engine import Cancelled, MassDeletion, SyncResult, sync
from dealmaker.services.sync.status import SyncStatus, sync_status
from dealmaker.ui.shell.busy import warn
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.sync.texts import (
    CANCELLED,
    mass_question,
    password_prompt,
    status_text,
    synced_text,
    tr,
    waiting_tip,
)

__all__ = ["SyncControl", "status_text", "synced_text"]

#: quiet background sync interval
AUTO_SYNC_MS = 5 * 60 * 1000


class _Relay(QObject):
    step = Signal(str)


class SyncControl(QWidget):
    """Button + status label; ``synced`` after every finished sync (tests wait on it)."""

    synced = Signal(object)
    refreshed = Signal()

    def __init__(self, context: AppContext, show_conflicts: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncControl")
        self._context = context
        self._show_conflicts = show_conflicts
        self.offline = False
        self.busy = False
        self.status = SyncStatus(False)
        #: a pull that would delete a large part of the file, waiting for the user's yes
        self.held: MassDeletion | None = None
        #: the whole text of the last failure (the bar shows a short line)
        self.note = ""
        self.label = QLabel(tr("Niet gedeeld"))
        self.label.setObjectName("syncStatus")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.button = QPushButton(tr("Synchroniseren"))
        self.button.setObjectName("syncButton")
        self.button.clicked.connect(lambda: self.start(quiet=False))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self._relay = _Relay(self)
        self._cancel = CancelToken()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        self._timer = QTimer(self)
        self._timer.setInterval(AUTO_SYNC_MS)
        self._timer.timeout.connect(lambda: self.start(quiet=True))
        context.signals.workspace_opened.connect(lambda _ws: self.refresh())
        context.signals.changes_applied.connect(lambda _c: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        ws = self._context.workspace()
        if ws is None:
            self._show(SyncStatus(False))
            return
        self._context.tasks.run(sync_status, ws, on_done=self._show,
                                on_error=lambda _e: None)

    def _show(self, status: SyncStatus) -> None:
        self.status = status
        self.label.setText(status_text(status, self.offline, self.held is not None))
        self.label.setToolTip(waiting_tip(self.held.deletions) if self.held else self.note)
        self.button.setEnabled(status.shared and not self.busy)
        self.button.setToolTip(tr("Wijzigingen versturen en ophalen ({server})").format(
            server=plain_address(status.server)) if status.shared else tr(
            "Deze werkruimte is niet gedeeld: publiceer haar met 'dealmaker sync --publish' "
            "of haal een gedeelde op met 'dealmaker join'."))
        if status.shared and not self._timer.isActive():
            self._timer.start()
        self.refreshed.emit()

    def start(self, *, quiet: bool, allow_mass_delete: bool = False) -> None:
        ws = self._context.workspace()
        if ws is None or self.busy or not self.status.shared:
            return
        self.busy = True
        self.button.setEnabled(False)
        cancel = self._cancel = CancelToken()
        dialog: QProgressDialog | None = None
        if not quiet and not self._context.tasks.inline:
            dialog = QProgressDialog(tr("Synchroniseren…"), tr("Annuleren"), 0, 0, self.window())
            dialog.setWindowTitle(tr("Synchroniseren"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.setMinimumWidth(380)
            dialog.setValue(0)  # starts the 300 ms (else Qt shows it after 4 s)
            dialog.canceled.connect(cancel.set)
            self._relay.step.connect(dialog.setLabelText)

        def finish() -> None:
            self.busy = False
            if dialog is not None:
                dialog.hide()
                dialog.deleteLater()

        def done(result: SyncResult) -> None:
            finish()
            self.offline, self.held, self.note = False, None, ""
            self._context.signals.changes_applied.emit(Changes.all())
            self._context.signals.status_message.emit(synced_text(result))
            self.refresh()
            self.synced.emit(result)

        def failed(exc: Exception) -> None:
            finish()
            self.offline = isinstance(exc, Offline)
            self.note = str(exc)
            if isinstance(exc, MassDeletion):
                self.held = exc
            self.refresh()
            if isinstance(exc, Cancelled) or cancel.is_set():  # the user knows: no modal
                self.note = ""
                self._say(tr(CANCELLED))
            elif isinstance(exc, MassDeletion) and not quiet:
                self._ask_mass_delete(exc)
            elif isinstance(exc, LoginFailed) and not quiet:
                self._ask_password(str(exc))
            elif not quiet and not self.offline:
                warn(self.window(), tr("Synchroniseren"), str(exc))
            else:  # short in the bar; the whole line in the status label's tooltip
                self._say(getattr(exc, "short", None) or str(exc))
            self.synced.emit(exc)

        # not on the write lane: saves go on while the sync waits for the server
        self._context.tasks.run(
            lambda: sync(ws, None, allow_mass_delete=allow_mass_delete,
                         step=self._relay.step.emit, cancel=cancel),
            on_done=done, on_error=failed)

    def stop(self) -> None:
        """Cancel a running sync (the window closes: do not wait for the server)."""
        self._cancel.set()

    def _say(self, text: str) -> None:
        self._context.signals.status_message.emit(text)

    def _ask_password(self, text: str) -> None:
        """The server refused the login (the first sync after a restart: passwords are
        never stored; or a password typed this session is wrong): ask, keep it for this
        session, try again."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        server = self.status.server
        password, ok = QInputDialog.getText(
            self.window(), tr("Wachtwoord voor de server"),
            password_prompt(server, text if typed_password(server) else None),
            QLineEdit.EchoMode.Password)
        if ok and password:
            with_password(server, password)
            self.start(quiet=False)

    def _ask_mass_delete(self, exc: MassDeletion) -> None:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self.window(), tr("Veel verwijderingen"),
                                      mass_question(exc.deletions))
        if answer == QMessageBox.StandardButton.Yes:
            self.start(quiet=False, allow_mass_delete=True)
        else:
            self._say(tr("Niet gesynchroniseerd; er is niets gewijzigd."))
