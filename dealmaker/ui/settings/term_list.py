"""One extendable list: the defaults (kept), what the user added, a field to add one and
a button to take a user-added one off again; each change one undoable operation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from dealmaker.domain.enums import OpenLabeled
from dealmaker.services.commitments.vocabulary import Vocab


class TermList(QGroupBox):
    #: Add this text to the list.
    add_requested = Signal(object, str)
    #: Take this user-added value off the list.
    remove_requested = Signal(object, str)

    def __init__(self, which: Vocab, title: str, parent: Any = None) -> None:
        super().__init__(title, parent)
        self.which = which
        self.setObjectName(f"terms_{which.value}")
        self.list = QListWidget()
        self.list.setObjectName("terms")
        self.field = QLineEdit()
        self.field.setObjectName("newTerm")
        self.field.setMaxLength(40)
        self.field.setPlaceholderText(self.tr("Nieuwe waarde"))
        self.field.returnPressed.connect(self._add)
        self.add_button = QPushButton(self.tr("Toevoegen"))
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton(self.tr("Verwijderen"))
        self.remove_button.clicked.connect(self._remove)
        self.list.currentItemChanged.connect(lambda *_: self._update())
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)

    def show_terms(self, terms: Sequence[OpenLabeled]) -> None:
        self.list.clear()
        for term in terms:
            text = term.label + (self.tr("  (standaard)") if term.is_default else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, term.value)
            item.setData(Qt.ItemDataRole.UserRole + 1, term.is_default)
            if term.is_default:
                item.setForeground(self.palette().placeholderText())
            self.list.addItem(item)
        self._update()

    def terms(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count())]

    def _update(self) -> None:
        item = self.list.currentItem()
        self.remove_button.setEnabled(item is not None
                                      and not item.data(Qt.ItemDataRole.UserRole + 1))

    def _add(self) -> None:
        if self.field.text().strip():
            self.add_requested.emit(self.which, self.field.text())

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is not None and not item.data(Qt.ItemDataRole.UserRole + 1):
            self.remove_requested.emit(self.which, item.data(Qt.ItemDataRole.UserRole))
