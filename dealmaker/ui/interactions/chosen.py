"""The chosen participants or deals of the form, shown as chips; Delete removes one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView

from dealmaker.services.quickfind import Hit

Index = QModelIndex | QPersistentModelIndex
#: rows of chips shown before the list scrolls
MAX_ROWS = 3
CHIP_STYLE = """
QListView#chips { border: none; background: transparent; }
QListView#chips::item { border: 1px solid palette(mid); border-radius: 10px;
    padding: 1px 8px; margin: 2px; background: palette(base); color: palette(text); }
QListView#chips::item:selected { background: palette(highlight);
    color: palette(highlighted-text); border-color: palette(highlight); }
"""


class ChosenModel(QAbstractListModel):
    """Chosen ``Hit``s in the order they were picked, each once."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[Hit] = []

    def add(self, hit: Hit) -> bool:
        if hit.id in self.ids():
            return False
        self.beginInsertRows(QModelIndex(), len(self._items), len(self._items))
        self._items.append(hit)
        self.endInsertRows()
        return True

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._items):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._items[row]
            self.endRemoveRows()

    def set_items(self, hits: Sequence[Hit]) -> None:
        self.beginResetModel()
        self._items = list({h.id: h for h in hits}.values())
        self.endResetModel()

    def ids(self) -> list[str]:
        return [h.id for h in self._items]

    def labels(self) -> list[str]:
        return [h.label for h in self._items]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        hit = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.label}  ✕"
        if role == Qt.ItemDataRole.ToolTipRole:
            detail = f"{hit.detail}\n" if hit.detail else ""
            return detail + self.tr("Verwijderen: Delete (of klik op het kruisje)")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return hit.label
        return None


class ChosenList(QListView):
    """Chips in rows; Delete or Backspace (or a click on a chip's ✕) removes one."""

    #: The list changed (a chip was removed).
    removed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("chips")
        self.setStyleSheet(CHIP_STYLE)
        self.chosen = ChosenModel(self)
        self.setModel(self.chosen)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(1)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._row_height = self.fontMetrics().height() + 12
        self.setFixedHeight(self._height_for(0))
        for change in (self.chosen.rowsInserted, self.chosen.rowsRemoved,
                       self.chosen.modelReset):
            change.connect(self._fit)

    def _height_for(self, rows: int) -> int:
        return max(1, min(rows, MAX_ROWS)) * self._row_height + 6

    def _fit(self) -> None:
        """As tall as the chips need (one row at least, then it scrolls)."""
        width = max(1, self.viewport().width())
        rows, used = (1 if self.chosen.rowCount() else 0), 0
        for row in range(self.chosen.rowCount()):
            w = self.sizeHintForIndex(self.chosen.index(row)).width() + 2 * self.spacing()
            if used and used + w > width:
                rows, used = rows + 1, 0
            used += w
        self.setFixedHeight(self._height_for(rows))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_current()
            event.accept()
            return
        super().keyPressEvent(event)

    def remove_current(self) -> None:
        row = self.currentIndex().row()
        if row < 0:
            return
        self.chosen.remove(row)
        if self.chosen.rowCount():
            self.setCurrentIndex(self.chosen.index(min(row, self.chosen.rowCount() - 1)))
        self.removed.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click on the ✕ at the end of a chip removes it."""
        pos = event.position().toPoint()
        index = self.indexAt(pos)
        rect = self.visualRect(index)
        if index.isValid() and pos.x() >= rect.right() - \
                self.fontMetrics().horizontalAdvance("✕") - 14:
            self.setCurrentIndex(index)
            self.remove_current()
            event.accept()
            return
        super().mouseReleaseEvent(event)
