"""A deal's dossier: Deal (fields and parties) and Opgaven en thema's, editable and saved
as one undoable step; Geld en regels, Bijdragen, Toezeggingen, Contactmomenten,
Overleggen, Indicatoren and Ministeries en coalitie, each row opening its record through
``context.commands`` (the long lists are read when their tab is first shown).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from dealmaker.services.changes import Changes
from dealmaker.services.commitments.choices import editor_choices
from dealmaker.services.commitments.vocabulary import vocabulary
from dealmaker.services.deals.dossier import DealDossier, deal_dossier, dealmaker_choices
from dealmaker.services.deals.links import opgave_choices, theme_choices
from dealmaker.services.deals.records import save_deal
from dealmaker.ui.deals.deal_form import DealForm, FieldError
from dealmaker.ui.deals.dossier_pages import DossierPages
from dealmaker.ui.deals.links_editor import LinksEditor
from dealmaker.ui.deals.parties_editor import PartiesEditor
from dealmaker.ui.deals.sections import SectionTabs
from dealmaker.ui.shell.context import AppContext


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
        self.form = DealForm(lambda: dealmaker_choices(ws))
        self.parties = PartiesEditor(lambda: editor_choices(ws).parties,
                                     roles=vocabulary(ws).roles)
        self.links = LinksEditor(lambda: opgave_choices(ws), lambda: theme_choices(ws))
        self.tabs = SectionTabs()
        deal_tab = QWidget()
        deal_layout = QVBoxLayout(deal_tab)
        deal_layout.setContentsMargins(0, 0, 0, 0)
        deal_layout.addWidget(self.form)
        deal_layout.addWidget(QLabel(self.tr("Partijen")))
        deal_layout.addWidget(self.parties, 1)
        self.tabs.addTab(deal_tab, self.tr("Deal"))
        self.tabs.addTab(self.links, self.tr("Opgaven en thema's"))
        self.pages: DossierPages | None = None
        if self.dossier is not None:
            d = self.dossier
            self.form.load(d.data, d.dealmaker)
            for p in d.parties:
                self.parties.add(p.data(), p.organisation)
            self.links.load(d.opgaven, d.themes)
            self.pages = DossierPages(context, self.tabs, d, self)
            self.commitments = self.pages.commitments
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
        self.resize(940, 720)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def save(self) -> None:
        try:
            data = self.form.data()
            parties = self.parties.parties()
        except FieldError as exc:
            self.tabs.setCurrentIndex(0)
            exc.field.setFocus()
            self._show_error(str(exc))
            return
        except ValueError as exc:
            self._show_error(str(exc))
            return
        opgaven, themes = self.links.opgave_ids(), self.links.theme_ids()

        def write() -> tuple[str, Changes]:
            return save_deal(self._ws, self.deal_id, data, parties, opgaven=opgaven,
                             themes=themes)

        self._context.tasks.run(write, write=True, on_done=self._saved,
                                on_error=lambda exc: self._show_error(str(exc)))

    def _saved(self, result: tuple[str, Changes]) -> None:
        self.deal_id = result[0]
        self._context.signals.changes_applied.emit(result[1])
        self.accept()


def open_dossier(context: AppContext, deal_id: str | None, parent: Any = None,
                 on_open: Callable[[DealDossierDialog], None] | None = None) -> str | None:
    """Show the dossier (modal); the id of the deal saved, or None when cancelled."""
    dialog = DealDossierDialog(context, deal_id, parent)
    if on_open is not None:
        on_open(dialog)
    saved = dialog.deal_id if dialog.exec() == QDialog.DialogCode.Accepted else None
    dialog.deleteLater()  # else it lives on as the window's child, following every change
    return saved
