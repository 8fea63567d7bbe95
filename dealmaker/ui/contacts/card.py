"""The contact card: a window per person with the editable form beside everything known.

A separate (non-modal) window rather than a side panel: the dealmaker opens it from the
list, from quick-find on any page, or from another card (a relation), keeps two side by
side when comparing or before merging, and the list keeps its full width meanwhile.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox, QSplitter, QVBoxLayout, QWidget

from dealmaker.services.changes import Changes
from dealmaker.services.contact_card import PersonCard, person_card
from dealmaker.services.people import ValidationError, update_person
from dealmaker.ui.contacts.card_edits import CardEdits
from dealmaker.ui.contacts.card_form import PersonForm
from dealmaker.ui.contacts.card_header import CardButtons, CardHeader
from dealmaker.ui.contacts.card_sections import CardTabs
from dealmaker.ui.contacts.card_tables import card_tables
from dealmaker.ui.contacts.tag_dialog import open_tag_dialog
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.widgets import fit_to_screen

#: tables whose changes can alter what a card shows
CARD_TABLES = ("person", "position", "organisation", "relation", "interaction",
               "interaction_participant", "interaction_deal", "commitment", "pledge", "deal",
               "deal_party", "tag", "person_tag", "theme", "cadence_rule", "workspace_setting")


class PersonCardDialog(QDialog):
    """``reload()`` fetches the card off the UI thread; saving goes through
    ``update_person`` and announces the change on the signal bus."""

    #: The card's data is shown (after each load).
    loaded = Signal()
    #: The user asked for the card of a related person (carries the id).
    person_requested = Signal(str)
    #: The edits were saved.
    saved = Signal()

    def __init__(self, context: AppContext, person_id: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("personCard")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Contactkaart"))
        self.setSizeGripEnabled(True)
        fit_to_screen(self, 1100, 680)  # 1100 wide, less on a 1024 px laptop
        self.person_id = person_id
        context.share_undo(self)
        self._context = context
        #: the bus of the window the card belongs to
        self.signals = context.signals
        self._token = 0
        self._close_after_save = False
        self.card: PersonCard | None = None

        self.header = CardHeader()
        self.form = PersonForm()
        self.tabs = CardTabs()
        self.edits = CardEdits(context, self.tabs, lambda: self.card, person_id)
        self.buttons = CardButtons()
        lists = QWidget()
        column = QVBoxLayout(lists)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.edits)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.form)
        splitter.addWidget(lists)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 660])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(self.header)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

        b = self.buttons
        b.save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        b.save.clicked.connect(self.save)
        b.revert.clicked.connect(self._revert)
        b.close_button.clicked.connect(self.reject)
        commands = context.commands
        b.moment.clicked.connect(lambda: commands.log_contact_moment(self, [self.person_id]))
        b.history.clicked.connect(lambda: commands.show_history(self, "person", self.person_id))
        b.export.clicked.connect(lambda: commands.export_person(self, self.person_id))
        b.forget.clicked.connect(lambda: commands.forget_person(self, self.person_id))
        b.tags.clicked.connect(lambda: open_tag_dialog(self, context, [self.person_id]))
        self.form.dirty_changed.connect(self._on_dirty)
        self.tabs.row_activated.connect(self._open_related)
        self._on_dirty(False)
        context.signals.changes_applied.connect(self._on_changes)

    # ---------------------------------------------------------------- loading

    def reload(self) -> None:
        ws = self._context.workspace()
        if ws is None:
            return
        self._token += 1
        token = self._token
        self._context.tasks.run(person_card, ws, self.person_id,
                                on_done=lambda card: self._show(token, card),
                                on_error=lambda exc: self._load_failed(token, exc))

    def _show(self, token: int, card: PersonCard) -> None:
        if token != self._token:
            return
        self.card = card
        self.setWindowTitle(self.tr("Contactkaart — {name}").format(name=card.display_name))
        self.header.set_card(card, date.today())
        if not self.form.dirty:
            self.form.set_card(card)
        self.tabs.set_tables(card_tables(card, date.today()))
        self.buttons.setEnabled(True)
        self.form.setEnabled(True)
        self.loaded.emit()

    def _load_failed(self, token: int, exc: Exception) -> None:
        if token != self._token:
            return
        if isinstance(exc, LookupError):
            text = self.tr("Dit contact bestaat niet meer (verwijderd, samengevoegd of "
                           "vergeten).")
        else:
            text = self.tr("De contactkaart kon niet worden geladen: {error}").format(error=exc)
        self.header.show_message(text)
        self.form.setEnabled(False)
        self.buttons.set_gone()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*CARD_TABLES):
            self.reload()

    def _open_related(self, table: str, row_id: str) -> None:
        kind, _, rest = row_id.partition(":")
        if table == "relations" and kind == "person":
            self.person_requested.emit(rest.split(":")[0])
        elif table == "timeline":
            self._context.commands.open_contact_moment(self, row_id)

    # ---------------------------------------------------------------- saving

    def save(self) -> None:
        """Check the form; save the changed fields through ``update_person``."""
        ws = self._context.workspace()
        if ws is None or not self.form.validate():
            self._close_after_save = False
            return
        changed = self.form.changed()
        if not changed:
            self._finish_save()
            return
        self.buttons.save.setEnabled(False)
        self._context.tasks.run(partial(update_person, ws, self.person_id, **changed),
                                write=True, on_done=self._saved, on_error=self._save_failed)

    def _saved(self, changes: Changes) -> None:
        self.form.mark_saved()
        self._context.signals.status_message.emit(self.tr("Contact opgeslagen."))
        self._context.signals.changes_applied.emit(changes)
        self.saved.emit()
        self._finish_save()

    def _finish_save(self) -> None:
        if self._close_after_save:
            self._close_after_save = False
            super().reject()

    def _save_failed(self, exc: Exception) -> None:
        self._close_after_save = False
        self._on_dirty(self.form.dirty)
        if isinstance(exc, ValidationError):
            self.form.show_error(exc.field, str(exc))
            return
        QMessageBox.warning(self, self.tr("Opslaan mislukt"),
                            self.tr("Het contact kon niet worden opgeslagen: {error}")
                            .format(error=exc))

    def _revert(self) -> None:
        if self.card is not None:
            self.form.set_card(self.card)

    def _on_dirty(self, dirty: bool) -> None:
        self.buttons.save.setEnabled(dirty)
        self.buttons.revert.setEnabled(dirty)

    def reject(self) -> None:
        """Closing with unsaved edits asks first: save, discard or stay."""
        if self.form.dirty and self.form.isEnabled():
            box = QMessageBox.question(
                self, self.tr("Wijzigingen opslaan?"),
                self.tr("U hebt gegevens van dit contact gewijzigd. Wilt u ze opslaan?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if box == QMessageBox.StandardButton.Cancel:
                return
            if box == QMessageBox.StandardButton.Save:
                self._close_after_save = True
                self.save()
                return
        super().reject()

