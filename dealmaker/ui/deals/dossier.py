"""A deal's dossier: tabs Deal (fields and parties, editable), Geld en regels,
Toezeggingen and Bijdragen. Saving writes the deal with its parties as one undoable step.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dealmaker.services.changes import Changes
from dealmaker.services.commitments.choices import editor_choices
from dealmaker.services.deals.dossier import DealDossier, deal_dossier, dealmaker_choices
from dealmaker.services.deals.records import save_deal
from dealmaker.ui.deals.deal_form import DealForm, FieldError
from dealmaker.ui.deals.dossier_tabs import commitments_tab, money_tab, pledges_tab
from dealmaker.ui.deals.parties_editor import PartiesEditor
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.table_model import ObjectRole


class DealDossierDialog(QDialog):
    def __init__(self, context: AppContext, deal_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dealDossier")
        self._context = context
        ws = context.workspace()
        assert ws is not None
        self._ws = ws
        self.deal_id = deal_id
        self.dossier: DealDossier | None = deal_dossier(ws, deal_id) if deal_id else None
        self.setWindowTitle(self.dossier.data.name if self.dossier else self.tr("Nieuwe deal"))
        self.form = DealForm(dealmaker_choices(ws))
        self.parties = PartiesEditor(lambda: editor_choices(ws).parties)
        self.tabs = QTabWidget()
        deal_tab = QWidget()
        deal_layout = QVBoxLayout(deal_tab)
        deal_layout.addWidget(self.form)
        deal_layout.addWidget(QLabel(self.tr("Partijen")))
        deal_layout.addWidget(self.parties, 1)
        self.tabs.addTab(deal_tab, self.tr("&Deal"))
        if self.dossier is not None:
            d = self.dossier
            self.form.load(d.data)
            for p in d.parties:
                self.parties.add(p.data(), p.organisation)
            broken = sum(1 for c in d.checks if not c.kept and not c.warning)
            self.tabs.addTab(money_tab(d), self.tr("Geld en &regels") +
                             (f" ({broken} ✘)" if broken else ""))
            self.commitments = commitments_tab(d)
            self.commitments.doubleClicked.connect(self._open_commitment)
            self.tabs.addTab(self.commitments, self.tr("&Toezeggingen ({n})").format(
                n=len(d.commitments)))
            self.tabs.addTab(pledges_tab(d), self.tr("&Bijdragen ({n})").format(
                n=len(d.pledges)))
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(860, 720)

    def _open_commitment(self, index: QModelIndex) -> None:
        table = self.sender()
        if isinstance(table, QTableWidget) and index.isValid():
            item = table.item(index.row(), 0)
            if item is not None:
                self._context.commands.open_commitment(self, item.data(ObjectRole))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def save(self) -> None:
        try:
            data = self.form.data()
            parties = self.parties.parties()
        except FieldError as exc:
            exc.field.setFocus()
            self._show_error(str(exc))
            return
        except ValueError as exc:
            self._show_error(str(exc))
            return
        self._context.tasks.run(save_deal, self._ws, self.deal_id, data, parties, write=True,
                                on_done=self._saved,
                                on_error=lambda exc: self._show_error(str(exc)))

    def _saved(self, result: tuple[str, Changes]) -> None:
        self.deal_id = result[0]
        self._context.signals.changes_applied.emit(result[1])
        self.accept()


def open_dossier(context: AppContext, deal_id: str | None, parent: Any = None) -> str | None:
    """Show the dossier (modal); the id of the deal saved, or None when cancelled."""
    dialog = DealDossierDialog(context, deal_id, parent)
    return dialog.deal_id if dialog.exec() == QDialog.DialogCode.Accepted else None
