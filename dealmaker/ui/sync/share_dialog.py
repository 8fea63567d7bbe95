"""Bestand > Werkruimte delen…: the first upload of this workspace to a shared one.

The same as ``dealmaker sync --publish``: every row goes to the empty shared workspace
the administrator made (``server-init --workspace``), in one server transaction, with
the tables and rows shown as they go; Annuleren leaves the server and the file as they
were. Afterwards the status bar says "Gedeeld (naam)" and Synchroniseren works.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from dealmaker.services.changes import Changes
from dealmaker.services.sync.connect import SyncError
from dealmaker.services.sync.snapshot import publish_workspace
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.sync.team_dialog import Progress, TeamDialog, records, tr


class ShareDialog(TeamDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            context, tr("Werkruimte delen"), tr("&Delen"),
            tr("naam op de server (leeg: de enige lege)"),
            tr("De hele werkruimte gaat als eerste versie naar de gedeelde werkruimte die "
               "de beheerder op de server maakte (dealmaker server-init). Daarna "
               "synchroniseert u met de knop Synchroniseren onderin het venster; "
               "collega's halen haar op met 'Gedeelde werkruimte openen…'."), parent)
        self.go.setObjectName("shareGo")

    def prepare(self) -> Callable[[Progress], Any]:
        ws = self.context.workspace()
        if ws is None:
            raise SyncError(tr("Open eerst de werkruimte die u wilt delen."))
        address, name = self.form.address(), self.form.shared_name()
        return lambda progress: publish_workspace(ws, address, name, step=progress)

    def done_with(self, result: Any) -> None:
        name, counts = result
        self.context.signals.changes_applied.emit(Changes.all())
        self.context.signals.status_message.emit(
            tr("Gedeeld als '{name}': {n} verstuurd.").format(
                name=name, n=records(sum(counts.values()))))
        self.accept()


def open_share_dialog(context: AppContext, parent: QWidget | None) -> ShareDialog:
    dialog = ShareDialog(context, parent)
    dialog.open()
    return dialog
