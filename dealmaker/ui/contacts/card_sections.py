"""The card's tabs: one small sortable table per list, or a sentence when it is empty."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QStackedWidget,
    QTabWidget,
)

from dealmaker.services.overview import RecentTable
from dealmaker.ui.shell.header_fit import header_floors, squeeze
from dealmaker.ui.shell.table_model import ObjectRole, RecentProxyModel, RecentTableModel
from dealmaker.ui.shell.widgets import empty_text, readonly_table

MAX_COLUMN_WIDTH = 280
#: a column whose texts are this narrow (dates, kinds) is never narrower than them
SHORT_FACT = 84
#: the main column (report, organisation) gives way down to this width first
MAIN_FLOOR = 120


class CardTable(QStackedWidget):
    """A read-only table of one ``RecentTable``; ``activated_id`` on double-click/Enter."""

    #: A row was activated; carries its ``RecentRow.id``.
    activated_id = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = RecentTableModel(self)
        self.proxy = RecentProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.view = readonly_table(self.proxy, sortable=True)
        self.view.viewport().installEventFilter(self)
        self._widths: list[int] = []
        self._floors: list[int] = []
        self.view.activated.connect(self._on_activated)
        self.empty = empty_text()
        self.addWidget(self.view)
        self.addWidget(self.empty)

    def set_table(self, table: RecentTable) -> None:
        self.model.set_table(table)
        self.empty.setText(QCoreApplication.translate("overview", table.empty_text))
        self.setCurrentWidget(self.view if table.rows else self.empty)
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        sizes = [header.sectionSize(i) + 8 for i in range(self.model.columnCount())]
        # a short fact (a date, a kind) keeps its whole text; longer texts elide
        self._floors = [max(floor, min(size, SHORT_FACT))
                        for floor, size in zip(header_floors(self.view), sizes, strict=True)]
        self._widths = [max(min(size, MAX_COLUMN_WIDTH), floor)
                        for size, floor in zip(sizes, self._floors, strict=True)]
        self._distribute()

    def _distribute(self) -> None:
        """Contents widths; the table's main column takes the spare room, or the others
        give way (their texts elide, the tooltip has them)."""
        if len(self._widths) != self.model.columnCount():
            return
        stretch = [i for i, c in enumerate(self.model.columns) if c.stretch]
        header = self.view.horizontalHeader()
        available = self.view.viewport().width()
        for i, width in enumerate(squeeze(self._widths, stretch, available, self._floors,
                                               MAIN_FLOOR, main_first=True)):
            header.resizeSection(i, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._distribute()
        return False

    def _on_activated(self, index: QModelIndex) -> None:
        row_id = index.data(ObjectRole)
        if isinstance(row_id, str):
            self.activated_id.emit(row_id)


class CardTabs(QTabWidget):
    """One ``CardTable`` per list; tab titles carry the number of rows."""

    #: A row of a table was activated; carries the table key and the row id.
    row_activated = Signal(str, str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        # a narrow card: the tabs scroll (arrows) instead of squeezing their titles
        self.setUsesScrollButtons(True)
        self.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.tables: dict[str, CardTable] = {}

    def set_tables(self, tables: list[RecentTable]) -> None:
        for table in tables:
            widget = self.tables.get(table.key)
            if widget is None:
                widget = self.tables[table.key] = CardTable(self)
                widget.activated_id.connect(
                    lambda row_id, key=table.key: self.row_activated.emit(key, row_id))
                self.addTab(widget, "")
            widget.set_table(table)
            title = QCoreApplication.translate("overview", table.title)
            self.setTabText(self.indexOf(widget), f"{title} ({len(table.rows)})")
