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

from dealmaker.domain.numbers import format_count
from dealmaker.services.changes import Changes
from dealmaker.services.sync.connect import (
    CancelToken,
    LoginFailed,
    Offline,
    with_password,
)
from dealmaker.services.sync.engine import Cancelled, MassDeletion, SyncResult, sync
from dealmaker.services.sync.status import SyncStatus, sync_status
from dealmaker.ui.shell.busy import warn
from dealmaker.ui.shell.context import AppContext

#: quiet background sync interval
AUTO_SYNC_MS = 5 * 60 * 1000


def tr(text: str) -> str:
    return QCoreApplication.translate("sync", text)


class _Relay(QObject):
    step = Signal(str)


def status_text(status: SyncStatus, offline: bool) -> str:
    """'Gedeeld (Team) · laatst 05-12-2026 02:10 · 3 te versturen · 1 conflict'
    (or '2 conflicten')."""
    if not status.shared:
        return tr("Niet gedeeld")
    parts = [tr("Gedeeld ({name})").format(name=status.workspace_name)]
    if status.last_sync_at is not None:
        parts.append(tr("laatst {at}").format(
            at=status.last_sync_at.astimezone().strftime("%d-%m-%Y %H:%M")))
    parts.append(tr("{n} te versturen").format(n=format_count(status.pending)))
    if status.open_conflicts:
        parts.append(tr("1 conflict") if status.open_conflicts == 1 else
                     tr("{n} conflicten").format(n=format_count(status.open_conflicts)))
    if offline:
        parts.append(tr("offline"))
    return " · ".join(parts)


def synced_text(result: SyncResult) -> str:
    """'Gesynchroniseerd: 1 verstuurd, 2 ontvangen, 1 nieuw conflict'."""
    text = tr("Gesynchroniseerd: {p} verstuurd, {q} ontvangen").format(
        p=format_count(result.pushed), q=format_count(result.pulled))
    if result.conflicts == 1:
        text += tr(", 1 nieuw conflict")
    elif result.conflicts:
        text += tr(", {n} nieuwe conflicten").format(n=format_count(result.conflicts))
    return text


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
        self.label.setText(status_text(status, self.offline))
        self.button.setEnabled(status.shared and not self.busy)
        self.button.setToolTip(tr("Wijzigingen versturen en ophalen ({server})").format(
            server=status.server) if status.shared else tr(
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
            self.offline = False
            self._context.signals.changes_applied.emit(Changes.all())
            self._context.signals.status_message.emit(synced_text(result))
            self.refresh()
            self.synced.emit(result)

        def failed(exc: Exception) -> None:
            finish()
            self.offline = isinstance(exc, Offline)
            self.refresh()
            if isinstance(exc, Cancelled) or cancel.is_set():  # the user knows: no modal
                self._context.signals.status_message.emit(tr(
                    "Synchronisatie afgebroken; er is niets gewijzigd."))
            elif isinstance(exc, MassDeletion) and not quiet:
                self._ask_mass_delete(str(exc))
            elif isinstance(exc, LoginFailed) and not quiet:
                self._ask_password(str(exc))
            elif not quiet and not self.offline:
                warn(self.window(), tr("Synchroniseren"), str(exc))
            else:
                self._context.signals.status_message.emit(str(exc))
            self.synced.emit(exc)

        # not on the write lane: saves go on while the sync waits for the server
        self._context.tasks.run(
            lambda: sync(ws, None, allow_mass_delete=allow_mass_delete,
                         step=self._relay.step.emit, cancel=cancel),
            on_done=done, on_error=failed)

    def stop(self) -> None:
        """Cancel a running sync (the window closes: do not wait for the server)."""
        self._cancel.set()

    def _ask_password(self, text: str) -> None:
        """The server refused the login (a new password, or the first sync after a
        restart: passwords are never stored): ask, keep it for this session, try again."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        password, ok = QInputDialog.getText(
            self.window(), tr("Wachtwoord voor de server"),
            text + "\n" + tr("Wachtwoord van {server}:").format(server=self.status.server),
            QLineEdit.EchoMode.Password)
        if ok and password:
            with_password(self.status.server, password)
            self.start(quiet=False)

    def _ask_mass_delete(self, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self.window(), tr("Veel verwijderingen"),
            text.replace("(--bevestig-verwijderen)", "") + "\n\n" + tr("Toch synchroniseren?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.start(quiet=False, allow_mass_delete=True)
