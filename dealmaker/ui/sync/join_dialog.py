"""Bestand > Gedeelde werkruimte openen…: a local copy of a shared workspace, then open it.

The same as ``dealmaker join``: the server's rows are read in one consistent snapshot
into a new file (built aside and put in place whole; Annuleren leaves no file), which
the window then opens like any workspace.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from dealmaker import config
from dealmaker.services.sync.connect import SchemaMismatch, SyncError
from dealmaker.services.sync.snapshot import join_workspace
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.sync.team_dialog import Progress, TeamDialog, records, tr

SUFFIX = ".dealmaker"


class JoinDialog(TeamDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            context, tr("Gedeelde werkruimte openen"), tr("&Ophalen en openen"),
            tr("naam op de server (leeg: de enige)"),
            tr("Een kopie van de gedeelde werkruimte komt in een nieuw bestand op deze "
               "computer; u werkt daarin, ook offline, en synchroniseert met de knop "
               "Synchroniseren onderin het venster."), parent)
        self.go.setObjectName("joinGo")
        self.path = QLineEdit(str(config.data_dir() / f"gedeeld{SUFFIX}"))
        self.path.setObjectName("joinPath")
        choose = QPushButton(tr("&Kiezen…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        label = QLabel(tr("&Nieuw bestand:"))
        label.setBuddy(self.path)
        self.form.form.addRow(label, row)

    def _choose(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, tr("Nieuw bestand voor de gedeelde werkruimte"), self.path.text(),
            tr("Werkruimten (*.dealmaker)"))
        if chosen:
            self.path.setText(chosen if chosen.endswith(SUFFIX) else chosen + SUFFIX)

    def target(self) -> Path:
        text = self.path.text().strip()
        if not text:
            raise SyncError(tr("Kies een nieuw bestand voor de gedeelde werkruimte."))
        path = Path(text).expanduser()
        return path if path.name.endswith(SUFFIX) else path.with_name(path.name + SUFFIX)

    def prepare(self) -> Callable[[Progress], Any]:
        address, name, path = self.form.address(), self.form.shared_name(), self.target()
        if path.exists():
            raise SyncError(tr("{path} bestaat al; kies een nieuw bestand.").format(path=path))
        self.joined = path
        def join(progress: Progress) -> Any:
            try:
                return join_workspace(address, path, name, step=progress)
            except SchemaMismatch as exc:  # nothing to work on offline: no file was made
                raise SyncError(exc.for_join()) from exc

        return join

    def done_with(self, result: Any) -> None:
        name, counts = result
        self.context.signals.status_message.emit(
            tr("Gedeelde werkruimte '{name}' opgehaald: {n}.").format(
                name=name, n=records(sum(counts.values()))))
        self.accept()
        self.context.commands.open_workspace_file(self.parentWidget(), self.joined)


def open_join_dialog(context: AppContext, parent: QWidget | None) -> JoinDialog:
    dialog = JoinDialog(context, parent)
    dialog.open()
    return dialog
