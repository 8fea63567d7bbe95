"""The dossier's tabs as a list beside a stack: nine tabs with counts do not fit a tab
bar at 1024 px, a list does (and reads like a table of contents). The API is the part
of ``QTabWidget`` the dossier uses; a tab may be filled when first shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget


class SectionTabs(QWidget):
    #: The user went to another tab (its index).
    currentChanged = Signal(int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("dossierSections")
        self.stack = QStackedWidget()
        self._fill: dict[int, Callable[[], None]] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.stack, 1)
        self.list.currentRowChanged.connect(self._go)

    def addTab(self, widget: QWidget, label: str,
               fill: Callable[[], None] | None = None) -> int:
        """Add a tab; ``fill`` runs once, when it is first shown."""
        index = self.stack.addWidget(widget)
        self.list.addItem(label.replace("&", ""))
        if fill is not None:
            self._fill[index] = fill
        self._fit()
        if self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        return index

    def _fit(self) -> None:
        width = self.list.sizeHintForColumn(0)
        self.list.setFixedWidth(max(width + 2 * self.list.frameWidth() + 12, 120))

    def replaceTab(self, index: int, widget: QWidget) -> None:
        """Put ``widget`` in the place of tab ``index`` (the old one is deleted)."""
        old = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, widget)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self.stack.setCurrentIndex(current)

    def setTabText(self, index: int, label: str) -> None:
        item = self.list.item(index)
        if item is not None:
            item.setText(label.replace("&", ""))
            self._fit()

    def tabText(self, index: int) -> str:
        item = self.list.item(index)
        return item.text() if item is not None else ""

    def count(self) -> int:
        return self.stack.count()

    def widget(self, index: int) -> QWidget | None:
        return self.stack.widget(index)

    def currentIndex(self) -> int:
        return self.stack.currentIndex()

    def setCurrentIndex(self, index: int) -> None:
        self.list.setCurrentRow(index)

    def _go(self, index: int) -> None:
        if index < 0:
            return
        fill = self._fill.pop(index, None)
        if fill is not None:
            fill()
        self.stack.setCurrentIndex(index)
        self.currentChanged.emit(index)
