"""One list of the organisation card: a small sortable table, or a sentence when empty."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QStackedWidget,
)

from dealmaker.services.overview import RecentTable
from dealmaker.ui.shell.table_model import ObjectRole, RecentProxyModel, RecentTableModel
from dealmaker.ui.shell.widgets import empty_text, readonly_table

MAX_COLUMN_WIDTH = 260


class MutedTableModel(RecentTableModel):
    """A ``RecentTableModel`` whose rows in ``muted`` (ids) are drawn greyed out (e.g.
    people who no longer work there)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.muted: frozenset[str] = frozenset()

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.ForegroundRole and self.muted and index.isValid()
                and super().data(index, ObjectRole) in self.muted
                and not super().data(index, role)):
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled,
                                                QPalette.ColorRole.Text)
        return super().data(index, role)


class CardTable(QStackedWidget):
    """Read-only; ``activated_id`` on double-click or Enter."""

    #: A row was activated; carries its id.
    activated_id = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = MutedTableModel(self)
        self.proxy = RecentProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.view = readonly_table(self.proxy, sortable=True)
        self.view.activated.connect(self._on_activated)
        self.empty = empty_text()
        self.addWidget(self.view)
        self.addWidget(self.empty)

    def set_table(self, table: RecentTable, muted: frozenset[str] = frozenset()) -> None:
        self.model.muted = muted
        self.model.set_table(table)
        self.proxy.sort(-1)  # the service's order until the user clicks a header
        self.empty.setText(QCoreApplication.translate("organisations", table.empty_text))
        self.setCurrentWidget(self.view if table.rows else self.empty)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.resizeColumnsToContents()
        stretch = next((i for i, c in enumerate(table.columns) if c.stretch), 0)
        for i in range(self.model.columnCount()):
            if i != stretch:
                header.resizeSection(i, min(header.sectionSize(i) + 12, MAX_COLUMN_WIDTH))
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def _on_activated(self, index: QModelIndex) -> None:
        row_id = index.data(ObjectRole)
        if isinstance(row_id, str):
            self.activated_id.emit(row_id)
