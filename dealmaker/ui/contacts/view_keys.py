"""The keys and mouse of the Contacten screen: Down/Enter from the search into the table,
Enter or double-click opens a card, the context menu, and Ctrl+N as Nieuw contact.

A base class of ``ContactsView``, which provides the widgets named below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

if TYPE_CHECKING:
    from dealmaker.ui.contacts.actions import ContactActions
    from dealmaker.ui.contacts.model import ContactTableModel
    from dealmaker.ui.contacts.table import ContactsTable


class ContactsKeys(QWidget):
    search: QLineEdit
    model: ContactTableModel
    view: ContactsTable
    contact_actions: ContactActions
    #: Down/Enter in the search: go to the rows once they are loaded
    _to_table: bool

    def open_card(self, person_id: str) -> None:
        raise NotImplementedError

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid() and not self.view.selectionModel().isRowSelected(index.row()):
            self.view.selectRow(index.row())
        self.contact_actions.menu(self).popup(self.view.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down or Enter in the search field moves to the first row of the table."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._to_table = True
                if not self.model.loading:
                    self._enter_table()
                return True
        return super().eventFilter(watched, event)

    def _enter_table(self) -> None:
        self._to_table = False
        if self.model.rowCount() > 0:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.view.selectionModel().hasSelection():
                self.view.selectRow(0)

    def event(self, event: QEvent) -> bool:
        """Ctrl+N here is Nieuw contact, not the window's Nieuwe werkruimte."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.matches(QKeySequence.StandardKey.New):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.New):
            self.contact_actions.new.trigger()
            return
        super().keyPressEvent(event)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_card(self.model.row_at(index.row()).person_id)
