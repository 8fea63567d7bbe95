"""Mandaten: search, the register table, and new / open / delete (each undoable)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dealmaker.services.mandates.records import MandateRow, delete_mandates, list_mandates
from dealmaker.ui.mandates import model as M
from dealmaker.ui.mandates.dialog import MandateDialog
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.fitted_table import FittedTable
from dealmaker.ui.shell.new_key import claims_new
from dealmaker.ui.shell.table_model import SortRole


class MandatesView(QWidget):
    #: The register shows fresh rows.
    rows_loaded = Signal()

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("mandatesView")
        self._context = context
        self.model = M.MandateTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        title = QLabel(self.tr("Mandaten"))
        title.setObjectName("pageTitle")
        intro = QLabel(self.tr("Wat iemand mag toezeggen, tot welk bedrag en door wie verleend. "
                               "Een toezegging boven het mandaat van de eigenaar wordt "
                               "gemarkeerd."))
        intro.setObjectName("pageIntro")
        intro.setWordWrap(True)
        self.count = QLabel()
        self.search = QLineEdit()
        self.search.setObjectName("mandateSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Zoeken in onderwerp, houder of verlener"))
        self.new_button = QPushButton(self.tr("&Nieuw mandaat…"))
        self.new_button.setObjectName("newMandate")
        self.new_button.setToolTip(self.tr("Een mandaat vastleggen (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_mandate)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.table = FittedTable("mandatesTable", [w for _l, w in M.COLUMNS], [M.TOPIC],
                                 optional=[M.DEAL, M.GRANTED_BY])
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(M.HOLDER, Qt.SortOrder.AscendingOrder)
        self.open_action = self._action(self.tr("&Openen"), "", self.open_selected)
        self.delete_action = self._action(self.tr("&Verwijderen"),
                                          QKeySequence.StandardKey.Delete, self.delete_selected)
        self.history_action = self._action(self.tr("&Geschiedenis…"), "", self.show_history)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.count, 0, Qt.AlignmentFlag.AlignBottom)
        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        tools.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        for part in (head, intro, tools, self.error, self.table):
            if isinstance(part, QHBoxLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part, 1 if part is self.table else 0)
        self.search.textChanged.connect(lambda _t: self.reload())
        self.table.activated.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.installEventFilter(self)
        self.search.installEventFilter(self)

    def _action(self, text: str, keys: Any, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _c=False: slot())
        self.table.addAction(action)
        return action

    def reload(self) -> None:
        ws = self._context.workspace()
        if ws is not None:
            self._context.tasks.run(list_mandates, ws, self.search.text(), on_done=self._show,
                                    on_error=lambda exc: self._show_error(str(exc)))

    def _show(self, rows: list[MandateRow]) -> None:
        self.model.set_rows(rows)
        self.error.hide()
        self.count.setText(self.tr("{n} mandaten").format(n=len(rows)))
        self.rows_loaded.emit()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def selected_rows(self) -> list[MandateRow]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.row_at(r) for r in sorted(rows)]

    def new_mandate(self) -> None:
        if self._context.workspace() is not None:
            MandateDialog(self._context, None, self.window()).exec()

    def open_selected(self) -> None:
        if len(rows := self.selected_rows()) == 1:
            MandateDialog(self._context, rows[0].id, self.window()).exec()

    def delete_selected(self) -> None:
        ws = self._context.workspace()
        if ws is not None and (rows := self.selected_rows()):  # undoable: no "are you sure"
            self._context.tasks.run(delete_mandates, ws, [r.id for r in rows], write=True,
                                    on_done=self._context.signals.changes_applied.emit,
                                    on_error=lambda exc: self._show_error(str(exc)))

    def show_history(self) -> None:
        if len(rows := self.selected_rows()) == 1:
            self._context.commands.show_history(self.window(), "mandate", rows[0].id)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.selectRow(index.row())
            self.open_selected()

    def _menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addAction(self.tr("&Nieuw mandaat…"), self.new_mandate)
        menu.addAction(self.delete_action)
        menu.addSeparator()
        menu.addAction(self.history_action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+N here is a new mandate (not a new workspace)."""
        if claims_new(event, self.new_mandate):
            return True
        return super().eventFilter(watched, event)
