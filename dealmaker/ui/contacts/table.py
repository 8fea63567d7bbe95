"""The Contacten table view: rows selectable in bulk, columns sized to their headers,
sorting by header click passed to the model (which asks the service to sort in SQL)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from dealmaker.ui.contacts import columns as C
from dealmaker.ui.contacts.model import ContactTableModel
from dealmaker.ui.shell.header_fit import header_floors, squeeze

ROW_HEIGHT = 26
#: names and organisations give way down to this width when the window is narrow
MAIN_FLOOR = 130
#: the columns that take spare width
STRETCH = [C.NAME, C.ORGANISATION]


class ContactsTable(QTableView):
    def __init__(self, model: ContactTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactsTable")
        self.setModel(model)
        self._model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        char = self.fontMetrics().averageCharWidth()
        #: a header is never cut: its text and the sort arrow are each column's floor
        self._floors = header_floors(self)
        self._widths = [max(column.width * char, self._floors[i]) + 8
                        for i, column in enumerate(C.COLUMNS)]
        header.setSortIndicator(C.NAME, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Columns fill the width: names and organisations get the spare room, or the
        other columns give way first (texts elide; the tooltip has them)."""
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            header = self.horizontalHeader()
            for i, width in enumerate(squeeze(self._widths, STRETCH, self.viewport().width(),
                                              self._floors, MAIN_FLOOR)):
                header.resizeSection(i, width)
        return super().eventFilter(watched, event)

    def _on_sort_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        """Columns the service cannot sort keep the indicator where the sort really is."""
        if C.COLUMNS[column].sort is None:
            query = self._model.query
            header = self.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(C.column_of(query.sort), Qt.SortOrder.DescendingOrder
                                    if query.descending else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
