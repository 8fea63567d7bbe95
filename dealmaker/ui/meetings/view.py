"""Overleggen: search, kind and deal filters, the lazily filled table, new / open / delete."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dealmaker.domain.enums import MeetingKind
from dealmaker.services.commitments.choices import editor_choices
from dealmaker.services.meetings.records import delete_meetings
from dealmaker.services.meetings.register import MeetingRow
from dealmaker.ui.meetings import model as M
from dealmaker.ui.meetings.dialog import MeetingDialog
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.fields import LazyCombo
from dealmaker.ui.shell.fitted_table import FittedTable
from dealmaker.ui.shell.new_key import claims_new


class MeetingsView(QWidget):
    #: The first rows of the current query are in the table.
    rows_loaded = Signal()

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingsView")
        self._context = context
        self.model = M.MeetingTableModel(context.tasks, context.workspace, self)
        title = QLabel(self.tr("Overleggen"))
        title.setObjectName("pageTitle")
        self.count = QLabel()
        self.search = QLineEdit()
        self.search.setObjectName("meetingSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Zoeken in titel, agenda, besluiten of deal"))
        self.kind = QComboBox()
        self.kind.setObjectName("kindFilter")
        self.kind.addItem(self.tr("Alle soorten"), None)
        for kind in MeetingKind:
            self.kind.addItem(kind.label, kind.value)
        self.deal = LazyCombo("dealFilter")
        self.deal.setMinimumWidth(160)
        self.new_button = QPushButton(self.tr("&Nieuw overleg…"))
        self.new_button.setObjectName("newMeeting")
        self.new_button.setToolTip(self.tr("Een overleg vastleggen (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_meeting)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.table = FittedTable("meetingsTable", [c.width for c in M.COLUMNS], [M.TITLE],
                                 optional=[M.DECISIONS, M.PEOPLE])
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(M.DATE, Qt.SortOrder.DescendingOrder)
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
        tools.addWidget(self.kind)
        tools.addWidget(self.deal)
        tools.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addLayout(tools)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        self.search.textChanged.connect(self._apply_query)
        self.kind.currentIndexChanged.connect(self._apply_query)
        self.deal.currentIndexChanged.connect(self._apply_query)
        self.model.rows_loaded.connect(self._on_rows_loaded)
        self.model.load_failed.connect(self._show_error)
        self.table.activated.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)
        self.table.customContextMenuRequested.connect(self._menu)
        for widget in (self.table, self.search):
            widget.installEventFilter(self)

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
        if ws is None:
            return
        self.deal.set_loader((self.tr("Alle deals"), None),
                             lambda: [(d.name, d.id) for d in editor_choices(ws).deals])
        self.model.reload()

    def _apply_query(self) -> None:
        kind = self.kind.currentData()
        query = replace(self.model.query, search=self.search.text(),
                        kind=MeetingKind(kind) if kind else None, deal_id=self.deal.currentData())
        if query != self.model.query:
            self.model.set_query(query)

    def _on_rows_loaded(self) -> None:
        self.error.hide()
        self.count.setText(self.tr("{n} overleggen").format(
            n=f"{self.model.total:,}".replace(",", ".")))
        self.rows_loaded.emit()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def selected_rows(self) -> list[MeetingRow]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.row_at(r) for r in rows if r < self.model.rowCount()]

    def new_meeting(self) -> None:
        if self._context.workspace() is not None:
            MeetingDialog(self._context, None, self.window(),
                          deal_id=self.deal.currentData()).exec()

    def open_selected(self) -> None:
        if len(rows := self.selected_rows()) == 1:
            MeetingDialog(self._context, rows[0].id, self.window()).exec()

    def delete_selected(self) -> None:
        ws = self._context.workspace()
        if ws is not None and (rows := self.selected_rows()):  # undoable: no "are you sure"
            self._context.tasks.run(delete_meetings, ws, [r.id for r in rows], write=True,
                                    on_done=self._context.signals.changes_applied.emit,
                                    on_error=lambda exc: self._show_error(str(exc)))

    def show_history(self) -> None:
        if len(rows := self.selected_rows()) == 1:
            self._context.commands.show_history(self.window(), "meeting", rows[0].id)

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
        menu.addAction(self.tr("&Nieuw overleg…"), self.new_meeting)
        menu.addAction(self.delete_action)
        menu.addSeparator()
        menu.addAction(self.history_action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+N here is a new meeting (not a new workspace)."""
        if claims_new(event, self.new_meeting):
            return True
        return super().eventFilter(watched, event)
