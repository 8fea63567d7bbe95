"""Overleggen: search, kind and deal filters, the lazily filled table, new / open / delete."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
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
from dealmaker.ui.shell.register_actions import RegisterActions


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
        self.record_actions = RegisterActions(
            context, self.table, entity="meeting", new_text=self.tr("&Nieuw overleg…"),
            new=self.new_meeting, open_=self.open_selected, delete=delete_meetings,
            selected=lambda: [r.id for r in self.selected_rows()], on_error=self._show_error,
            watch=(self.search,),
            deleted=lambda n: (self.tr("1 overleg verwijderd") if n == 1 else
                               self.tr("{n} overleggen verwijderd").format(n=n)))


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
