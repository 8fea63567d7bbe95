"""Who took part: a list, a person to add (searchable over everyone), remove."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dealmaker.ui.shell.fields import LazyCombo, chosen


class ParticipantsEditor(QWidget):
    def __init__(self, people: list[tuple[str, object]], parent: Any = None) -> None:
        super().__init__(parent)
        self._names = {pid: name for name, pid in people}
        self.list = QListWidget()
        self.list.setObjectName("participants")
        self.list.setMaximumHeight(90)
        self.person = LazyCombo("participantChoice", editable=True)
        self.person.set_choices((self.tr("(kies een persoon)"), None), list(people))
        self.add_button = QPushButton(self.tr("&Toevoegen"))
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton(self.tr("Verwij&deren"))
        self.remove_button.clicked.connect(self._remove)
        row = QHBoxLayout()
        row.addWidget(self.person, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def set_ids(self, ids: tuple[str, ...]) -> None:
        self.list.clear()
        for pid in ids:
            self.add(pid)

    def add(self, pid: str) -> None:
        if pid in self.ids():
            return
        item = QListWidgetItem(self._names.get(pid, "?"))
        item.setData(Qt.ItemDataRole.UserRole, pid)
        self.list.addItem(item)

    def ids(self) -> tuple[str, ...]:
        return tuple(self.list.item(i).data(Qt.ItemDataRole.UserRole)
                     for i in range(self.list.count()))

    def _add(self) -> None:
        if (pid := chosen(self.person)) is not None:
            self.add(pid)
            self.person.setCurrentIndex(0)

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
