"""Sidebar page 'Conflicten': values that lost a synchronisation conflict.

One row per open conflict: record, field, the current value and who wrote it, the other
value, who wrote it and when (the writer's laptop clock: shown, never used to decide).
"Neem deze waarde" puts the other value in place (one undoable step, synchronised like
any edit) and the row goes away.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dealmaker.services.changes import Changes
from dealmaker.services.sync.conflicts import ConflictRow, conflict_rows, take_loser
from dealmaker.ui.shell.busy import warn
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.frame import PageFrame
from dealmaker.ui.shell.page import Freshness
from dealmaker.ui.shell.widgets import empty_text

HEADERS = ("Record", "Veld", "Huidige waarde", "Door", "Andere waarde", "Door",
           "Geschreven op")
#: columns that share the width left over (the values and the record)
_STRETCH = (0, 2, 4)
_TIPS = {3: "Wie de huidige waarde schreef",
         5: "Wie de andere waarde schreef",
         6: "Wanneer de andere waarde werd geschreven, volgens de klok van die laptop (die "
            "kan afwijken; welke waarde won hangt daar nooit van af)"}


def tr(text: str) -> str:
    return QCoreApplication.translate("sync", text)


class ConflictsPage(QWidget):
    key = "conflicten"
    shortcut = ""

    loaded = Signal()

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{self.key}")
        self._context = context
        self._fresh = Freshness(self.refresh)
        self.rows: list[ConflictRow] = []
        self.frame = PageFrame(self, self.title(), tr(
            "Waarden die bij het synchroniseren verloren: twee mensen wijzigden hetzelfde "
            "veld zonder elkaars wijziging te zien, of iemand wijzigde wat een ander "
            "verwijderde. De eerste die synchroniseerde won; de andere waarde staat hier. "
            "'Neem deze waarde' zet haar terug (ongedaan te maken met Ctrl+Z)."))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("conflictTable")
        self.table.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        for col, tip in _TIPS.items():
            head = QTableWidgetItem(tr(HEADERS[col]))
            head.setToolTip(tr(tip))
            self.table.setHorizontalHeaderItem(col, head)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for col in range(len(HEADERS)):
            mode = QHeaderView.ResizeMode.Stretch if col in _STRETCH else \
                QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(col, mode)
        self.take = QPushButton(tr("&Neem deze waarde"))
        self.take.setObjectName("takeOtherValue")
        self.take.setEnabled(False)
        self.take.clicked.connect(self.take_selected)
        self.table.itemSelectionChanged.connect(
            lambda: self.take.setEnabled(bool(self.table.selectedItems())))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.take)
        self.empty = empty_text()
        self.empty.setText(tr("Geen open conflicten: alle waarden van uw collega's en u "
                              "staan op elkaar afgestemd."))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack)
        layout.addLayout(buttons)
        self.frame.splitter.addWidget(body)
        context.signals.changes_applied.connect(lambda _c: self._fresh.changed())
        context.signals.workspace_opened.connect(lambda _ws: self._fresh.changed())

    def title(self) -> str:
        return tr("Conflicten")

    def widget(self) -> QWidget:
        return self

    def set_active(self, active: bool) -> None:
        self._fresh.set_active(active)

    def refresh(self) -> None:
        ws = self._context.workspace()
        if ws is None:
            self._fresh.stale = True
            return
        self._fresh.stale = False
        self._context.tasks.run(conflict_rows, ws, on_done=self._show,
                                on_error=lambda exc: self.frame.show_error(str(exc)))

    def _show(self, rows: list[ConflictRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = (row.record, row.field, row.current, row.current_who, row.other,
                      row.who, row.when)
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.take.setEnabled(bool(self.table.selectedItems()))
        self.stack.setCurrentWidget(self.table if rows else self.empty)
        self.loaded.emit()

    def take_selected(self) -> None:
        ws = self._context.workspace()
        at = self.table.currentRow()
        if ws is None or not 0 <= at < len(self.rows):
            return
        conflict = self.rows[at]
        self.take.setEnabled(False)
        self._context.tasks.run(
            take_loser, ws, conflict.id, write=True,
            on_done=lambda op: self._context.signals.changes_applied.emit(
                Changes(frozenset({"sync_conflict", "person"}), op, everything=True)),
            on_error=lambda exc: warn(self, tr("Conflicten"), str(exc)))
