"""The Toezeggingen register: search, filters, count and the lazily filled table."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dealmaker.domain.enums import CommitmentState
from dealmaker.services.commitments.register import (
    CommitmentQuery,
    CommitmentRow,
    RegisterOptions,
    register_options,
)
from dealmaker.ui.commitments import columns as C
from dealmaker.ui.commitments.actions import CommitmentActions
from dealmaker.ui.commitments.board import CommitmentBoard
from dealmaker.ui.commitments.filters import RegisterFilters
from dealmaker.ui.commitments.model import CommitmentTableModel
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.fitted_table import FittedTable
from dealmaker.ui.shell.new_key import claims_new
from dealmaker.ui.shell.open_rows import connect_open


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class CommitmentsView(QWidget):
    #: The first rows of the current query are in the table.
    rows_loaded = Signal()

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("commitmentsView")
        self._context = context
        self._all = 0
        self.model = CommitmentTableModel(context.tasks, context.workspace, self)
        title = QLabel(self.tr("Toezeggingen"))
        title.setObjectName("pageTitle")
        self.count = QLabel()
        self.count.setObjectName("commitmentCount")
        self.search = QLineEdit()
        self.search.setObjectName("commitmentSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr(
            "Zoeken in omschrijving, toelichting, partij of deal  (Ctrl+F)"))
        self.filters = RegisterFilters()
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.table = FittedTable("commitmentsTable", [c.width for c in C.COLUMNS],
                                 [C.TITLE], optional=[C.KIND, C.OWNER])
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(C.DUE, Qt.SortOrder.AscendingOrder)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.ops = CommitmentActions(self, self.table, context, self.selected_rows,
                                         self._show_error)
        self.new_button = QPushButton(self.tr("&Nieuwe toezegging…"))
        self.new_button.setObjectName("newCommitment")
        self.new_button.setToolTip(self.tr("Een toezegging vastleggen (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.ops.new_commitment())
        self.step_button = QPushButton(self.tr("Volgende &stap"))
        self.step_button.setToolTip(self.tr("De gekozen toezegging één stap verder, "
                                            "gedateerd vandaag (Ctrl+→)"))
        self.step_button.clicked.connect(self.ops.next_step)
        self.board = CommitmentBoard(context)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.board)
        self.list_button = self._toggle("showList", self.tr("&Lijst"),
                                        self.tr("Het register als lijst"))
        self.board_button = self._toggle("showBoard", self.tr("&Bord"),
                                         self.tr("Een bord met een kolom per status"))
        self.list_button.setChecked(True)
        group = QButtonGroup(self)
        group.setExclusive(True)
        for button in (self.list_button, self.board_button):
            group.addButton(button)
        self.board_button.toggled.connect(self._show_board)

        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(16)
        head.addWidget(self.list_button, 0, Qt.AlignmentFlag.AlignBottom)
        head.addWidget(self.board_button, 0, Qt.AlignmentFlag.AlignBottom)
        head.addStretch(1)
        head.addWidget(self.count, 0, Qt.AlignmentFlag.AlignBottom)
        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        tools.addWidget(self.step_button)
        tools.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addLayout(tools)
        layout.addWidget(self.filters)
        layout.addWidget(self.error)
        layout.addWidget(self.stack, 1)

        self.search.textChanged.connect(self._apply_query)
        self.filters.changed.connect(self._apply_query)
        self.model.rows_loaded.connect(self._on_rows_loaded)
        self.model.load_failed.connect(self._show_error)
        self.board.rows_loaded.connect(self._on_board_loaded)
        self.board.list_requested.connect(self.show_list_of)
        connect_open(self.table, self._open_index)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._update_enabled)
        for widget in (self.table, self.search):
            widget.installEventFilter(self)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)
        self._update_enabled()

    def _toggle(self, name: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setCheckable(True)
        button.setToolTip(tip)
        return button

    def board_shown(self) -> bool:
        return self.stack.currentWidget() is self.board

    def _show_board(self, on: bool) -> None:
        self.stack.setCurrentWidget(self.board if on else self.table)
        self.step_button.setVisible(not on)
        query = self._query()
        if on:
            self.board.set_query(query)
        elif query != self.model.query:
            self.model.set_query(query)
        else:
            self.model.reload()

    def show_list_of(self, state: CommitmentState) -> None:
        """The list with the board's filters and only ``state`` ("n meer" on the board)."""
        self.list_button.setChecked(True)
        self.filters.show_state(state)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def reload(self) -> None:
        ws = self._context.workspace()
        if ws is None:
            return
        self._context.tasks.run(register_options, ws, on_done=self._set_options,
                                on_error=lambda exc: self._show_error(str(exc)))
        if self.board_shown():
            self.board.reload()
        else:
            self.model.reload()

    def _set_options(self, options: RegisterOptions) -> None:
        self._all = options.total
        self.filters.set_options(options)
        self._update_count()

    def _query(self) -> CommitmentQuery:
        return self.filters.apply(replace(self.model.query, search=self.search.text()))

    def _apply_query(self) -> None:
        query = self._query()
        if self.board_shown():  # the list follows when it is shown again
            self.board.set_query(query)
        elif query != self.model.query:
            self.model.set_query(query)

    def _on_rows_loaded(self) -> None:
        self.error.hide()
        self._update_count()
        self._update_enabled()
        self.rows_loaded.emit()

    def _on_board_loaded(self) -> None:
        self._update_count()
        self.rows_loaded.emit()

    def _update_count(self) -> None:
        n = self.board.total if self.board_shown() else self.model.total
        filtered = bool(self.search.text().strip()) or self.filters.active()
        self.count.setText(self.tr("{n} van {all} toezeggingen").format(
            n=_count(n), all=_count(max(n, self._all))) if filtered else
            self.tr("{n} toezeggingen").format(n=_count(n)))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self._context.signals.status_message.emit(text)

    def selected_rows(self) -> list[CommitmentRow]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.row_at(r) for r in rows if r < self.model.rowCount()]

    def _update_enabled(self) -> None:
        self.ops.update_enabled()
        self.step_button.setEnabled(self.ops.step.isEnabled())

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.selectRow(index.row())
            self.ops.open_selected()

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())
        self.ops.menu(self).popup(self.table.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+N here means a new commitment (not a new workspace); Down in the search
        moves to the table."""
        if claims_new(event, self.ops.new_commitment):
            return True
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            if (watched is self.search and event.type() == QEvent.Type.KeyPress
                    and event.key() == Qt.Key.Key_Down and self.model.rowCount()):
                self.table.setFocus()
                self.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)
