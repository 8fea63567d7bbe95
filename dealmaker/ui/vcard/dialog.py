"""Contacten exporteren als vCard: all contacts, those a search text finds, or a selection.

``export_vcards_for(parent, context, person_ids)`` is the entry point for a screen with
selected contacts; the Bestand menu opens :class:`VCardExportDialog`. Writing runs on
the task runner (it reads the workspace and writes only the .vcf file).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dealmaker.export.vcard import export_vcards, person_ids_matching
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.shell.context import AppContext


def _tr(text: str) -> str:
    return QCoreApplication.translate("VCardExport", text)


def contacts(n: int) -> str:
    """'1 contact', '3 contacten'."""
    return (_tr("{n} contact") if n == 1 else _tr("{n} contacten")).format(n=n)


def _warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def ask_vcard_path(parent: QWidget | None, start: Path) -> Path | None:
    """Where to write the .vcf (suffix added when missing), or None."""
    name, _ = QFileDialog.getSaveFileName(parent, _tr("Contacten exporteren als vCard"),
                                          str(start), _tr("vCard (*.vcf)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".vcf")


def _count(ws: Workspace, search: str | None) -> int:
    return len(person_ids_matching(ws, search))


def _export_matching(ws: Workspace, search: str | None, path: Path) -> int:
    return export_vcards(ws, person_ids_matching(ws, search), path)


def _write(parent: QWidget | None, context: AppContext, fn: Any, *args: Any) -> None:
    """Run an export function returning the count; report in the status bar."""
    path: Path = args[-1]
    context.signals.status_message.emit(_tr("vCards schrijven naar {path}…").format(path=path))
    context.tasks.run(
        fn, *args,
        on_done=lambda n: context.signals.status_message.emit(
            _tr("{contacts} geëxporteerd naar {path}").format(contacts=contacts(n), path=path)),
        on_error=lambda exc: _warn(
            parent, _tr("Contacten exporteren als vCard"),
            _tr("De vCards konden niet worden geschreven naar {path}: {error}")
            .format(path=path, error=exc)))


def export_vcards_for(parent: QWidget | None, context: AppContext,
                      person_ids: Sequence[str]) -> None:
    """Ask for a .vcf file and export these contacts to it (in the background)."""
    ws = context.workspace()
    if ws is None or not person_ids:
        context.signals.status_message.emit(_tr("Geen contacten gekozen om te exporteren."))
        return
    name = "contact.vcf" if len(person_ids) == 1 else "contacten.vcf"
    path = ask_vcard_path(parent, ws.path.parent / name)
    if path is not None:
        _write(parent, context, export_vcards, ws, list(person_ids), path)


class VCardExportDialog(QDialog):
    """All contacts, or those matching a search text; shows how many."""

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("vcardExportDialog")
        self.setWindowTitle(self.tr("Contacten exporteren als vCard"))
        self.setMinimumWidth(460)
        self._context = context
        self._token = 0
        self.all_contacts = QRadioButton(self.tr("&Alle contacten"))
        self.matching = QRadioButton(self.tr("Alleen contacten die &passen bij:"))
        self.all_contacts.setChecked(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("naam, organisatie, e-mailadres…"))
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setObjectName("vcardCount")
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("&Exporteren…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.update_count)
        self.search.textChanged.connect(self._on_search)
        self.all_contacts.toggled.connect(lambda _on: self.update_count())

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Welke contacten wilt u exporteren?")))
        layout.addWidget(self.all_contacts)
        layout.addWidget(self.matching)
        layout.addWidget(self.search)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)
        self.update_count()

    def search_text(self) -> str | None:
        text = self.search.text().strip()
        return text if self.matching.isChecked() and text else None

    def _on_search(self) -> None:
        if self.search.text().strip():
            self.matching.setChecked(True)
        self._timer.start()

    def update_count(self) -> None:
        ws = self._context.workspace()
        if ws is None:
            return
        self._token += 1
        token = self._token
        self._context.tasks.run(_count, ws, self.search_text(),
                                on_done=lambda n: self._show_count(token, n),
                                on_error=lambda exc: self._show_count(token, 0))

    def _show_count(self, token: int, n: int) -> None:
        if token != self._token:
            return
        if n == 0:
            text = self.tr("Geen contacten gevonden.")
        elif n == 1:
            text = self.tr("1 contact wordt geëxporteerd.")
        else:
            text = self.tr("{n} contacten worden geëxporteerd.").format(n=n)
        self.count.setText(text)
        self.export_button.setEnabled(n > 0)

    def accept(self) -> None:
        ws = self._context.workspace()
        if ws is None:
            return
        path = ask_vcard_path(self, ws.path.parent / "contacten.vcf")
        if path is None:
            return
        _write(self.parentWidget(), self._context, _export_matching, ws, self.search_text(),
               path)
        super().accept()


def open_vcard_export(parent: QWidget | None, context: AppContext) -> VCardExportDialog | None:
    """The Bestand menu's export dialog (window-modal), or None without a workspace."""
    if context.workspace() is None:
        context.signals.status_message.emit(_tr("Open eerst een werkruimte."))
        return None
    dialog = VCardExportDialog(context, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
