"""Mandaten: search, the register table, and new / open / delete (each undoable)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dealmaker.services.mandates.records import MandateRow, delete_mandates, list_mandates
from dealmaker.ui.mandates import model as M
from dealmaker.ui.mandates.dialog import MandateDialog
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.fitted_table import FittedTable
from dealmaker.ui.shell.register_actions import RegisterActions
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
        self.record_actions = RegisterActions(
            context, self.table, entity="mandate", new_text=self.tr("&Nieuw mandaat…"),
            new=self.new_mandate, open_=self.open_selected, delete=delete_mandates,
            selected=lambda: [r.id for r in self.selected_rows()], on_error=self._show_error,
            watch=(self.search,),
            deleted=lambda n: (self.tr("1 mandaat verwijderd") if n == 1 else
                               self.tr("{n} mandaten verwijderd").format(n=n)))
        self.delete_action = self.record_actions.delete_action

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
