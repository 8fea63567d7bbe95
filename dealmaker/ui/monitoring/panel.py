"""A titled table with its buttons: Enter or a double click runs the first (edit) action,
Del the delete action; the same actions in the context menu."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from dealmaker.ui.shell.fitted_table import FittedTable
from dealmaker.ui.shell.open_rows import connect_open


class ListPanel(QWidget):
    def __init__(self, name: str, title: str, widths: Sequence[int], stretch: Sequence[int],
                 parent: Any = None, *, optional: Sequence[int] = ()) -> None:
        super().__init__(parent)
        self.title = QLabel(title)
        self.title.setObjectName("sectionTitle")
        self.note = QLabel()
        self.note.setObjectName("panelNote")
        self.table = FittedTable(name, widths, stretch, optional=optional)
        self.table.customContextMenuRequested.connect(self._menu)
        connect_open(self.table, self._activated)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(6)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.note, 1)
        head.addLayout(self.buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)
        self._actions: list[tuple[str, Callable[[], None], bool]] = []
        self._edit: Callable[[], None] | None = None
        self.button_list: list[QPushButton] = []

    def add_button(self, name: str, text: str, slot: Callable[[], None], *,
                   needs_row: bool = False, edit: bool = False, delete: bool = False
                   ) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        self.button_list.append(button)
        self._actions.append((text, slot, needs_row))
        if edit:
            self._edit = slot
        if delete:
            action = QAction(text, self.table)
            action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.table.addAction(action)
        return button

    def enable(self, on: bool) -> None:
        """The buttons work only with a deal chosen."""
        for button in self.button_list:
            button.setEnabled(on)

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() \
            else []
        return rows[0].row() if rows else -1

    def select(self, row: int) -> None:
        if 0 <= row < self.table.model().rowCount():
            self.table.selectRow(row)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid() and self._edit is not None:
            self._edit()

    def _menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            self.table.selectRow(index.row())
        menu = QMenu(self)
        for text, slot, needs_row in self._actions:
            action = menu.addAction(text)
            action.setEnabled(index.isValid() or not needs_row)
            action.triggered.connect(slot)
        menu.popup(self.table.viewport().mapToGlobal(pos))
