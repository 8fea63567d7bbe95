"""The sidebar: the registered pages, in order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

WIDTH = 200


class Sidebar(QListWidget):
    """A plain list of page titles; ``currentRowChanged`` selects the page."""

    def __init__(self, titles: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setFixedWidth(WIDTH)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Onderdelen"))
        for title in titles:
            self.add_title(title)

    def add_title(self, title: str) -> None:
        item = QListWidgetItem(title)
        item.setSizeHint(QSize(WIDTH - 8, 36))
        self.addItem(item)

    def titles(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]
