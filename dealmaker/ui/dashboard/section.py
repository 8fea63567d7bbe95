"""One titled table of recent records, with a quick filter and an empty-state text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dealmaker.services.overview import RecentTable
from dealmaker.ui.shell.open_rows import connect_open
from dealmaker.ui.shell.table_model import ObjectRole, RecentProxyModel, RecentTableModel
from dealmaker.ui.shell.widgets import fit_widths

MAX_COLUMN_WIDTH = 320


class TableSection(QWidget):
    """Title, filter field and the table (or a sentence when there is nothing yet).

    A table whose rows open a record (``RecentTable.opens``) emits ``open_requested``
    with the kind and the row's id on Enter or a double-click."""

    #: (what it opens: 'person', 'commitment', 'deal', 'meeting'; the record's id)
    open_requested = Signal(str, str)

    def __init__(self, key: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.key = key
        self.model = RecentTableModel(self)
        self.proxy = RecentProxyModel(self)
        self.proxy.setSourceModel(self.model)

        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filteren…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setMaximumWidth(260)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.horizontalHeader().setHighlightSections(False)
        self.view.horizontalHeader().setSortIndicatorShown(False)

        self.empty = QLabel()
        self.empty.setObjectName("emptyText")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.stack, 1)
        self._sorted_by_user = False
        self._fitted = False
        self._widths: list[int] = []
        self.view.viewport().installEventFilter(self)
        self.view.horizontalHeader().sectionClicked.connect(self._on_header_clicked)
        self._opens = ""
        connect_open(self.view, self._open)

    def _open(self, index: QModelIndex) -> None:
        record = index.data(ObjectRole)
        if self._opens and record:
            self.open_requested.emit(self._opens, str(record))

    def set_table(self, table: RecentTable) -> None:
        tr = QCoreApplication.translate
        self.title.setText(tr("overview", table.title))
        self.empty.setText(tr("overview", table.empty_text))
        self.model.set_table(table)
        self._opens = table.opens
        self.view.setToolTip(tr("overview", "Enter of dubbelklik opent het record")
                             if table.opens else "")
        self.stack.setCurrentWidget(self.view if table.rows else self.empty)
        self.filter.setVisible(bool(table.rows))
        if not self._fitted and table.rows:
            self._fit_columns()
            self._fitted = True
        if not self._sorted_by_user:
            # the service's order (newest first) until the user clicks a header
            self.proxy.sort(-1)

    def _on_header_clicked(self, _section: int) -> None:
        self._sorted_by_user = True
        self.view.horizontalHeader().setSortIndicatorShown(True)

    def _fit_columns(self) -> None:
        """Columns as wide as their contents (capped); the widest gets the spare room."""
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        self._widths = [min(header.sectionSize(i) + 8, MAX_COLUMN_WIDTH)
                        for i in range(self.model.columnCount())]
        self._distribute()

    def _distribute(self) -> None:
        if len(self._widths) != self.model.columnCount():
            return
        stretch = [i for i, c in enumerate(self.model.columns) if c.stretch]
        header = self.view.horizontalHeader()
        for i, width in enumerate(fit_widths(self._widths, stretch,
                                             self.view.viewport().width())):
            header.resizeSection(i, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._distribute()
        return False
