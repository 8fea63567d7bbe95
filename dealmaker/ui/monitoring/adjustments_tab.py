"""Bijsturing: the deal's log of changes of course, newest first; add, edit, delete
(each undoable)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from dealmaker.domain.dates import format_date
from dealmaker.services.monitoring.adjustments import (
    AdjustmentRow,
    adjustments,
    delete_adjustment,
)
from dealmaker.services.monitoring.goals import DealPlan
from dealmaker.ui.monitoring.adjustment_dialog import AdjustmentDialog
from dealmaker.ui.monitoring.panel import ListPanel
from dealmaker.ui.monitoring.rows_model import Col, RowsModel
from dealmaker.ui.shell.actions import QT_TRANSLATE_NOOP
from dealmaker.ui.shell.context import AppContext

C = "monitoring"
COLUMNS: list[Col[AdjustmentRow]] = [
    Col(QT_TRANSLATE_NOOP(C, "Datum"), lambda a: format_date(a.decided_on), 10),
    Col(QT_TRANSLATE_NOOP(C, "Niveau"), lambda a: a.level.label, 11),
    Col(QT_TRANSLATE_NOOP(C, "Reden"), lambda a: a.reason.replace("\n", " "), 40,
        tip=lambda a: a.reason),
    Col(QT_TRANSLATE_NOOP(C, "Betreft"), lambda a: a.concerns, 26),
]


class AdjustmentsTab(QWidget):
    loaded = Signal()

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self.deal_id: str | None = None
        self.plan = DealPlan((), ())
        self.model = RowsModel(COLUMNS, lambda a: a.id, self)
        self.panel = ListPanel("adjustmentsTable", self.tr("Bijsturingen"),
                               [c.width for c in COLUMNS], [2, 3])
        self.panel.table.setModel(self.model)
        self.panel.add_button("newAdjustment", self.tr("Nieuwe bijsturing…"), self.new)
        self.panel.add_button("editAdjustment", self.tr("Wijzigen…"), self.edit,
                              needs_row=True, edit=True)
        self.panel.add_button("deleteAdjustment", self.tr("Verwijderen"), self.delete,
                              needs_row=True, delete=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.panel)

    def load(self, deal_id: str | None, plan: DealPlan) -> None:
        self.deal_id, self.plan = deal_id, plan
        ws = self._context.workspace()
        self.panel.enable(deal_id is not None)
        if ws is None or deal_id is None:
            self._show([])
            return
        self._context.tasks.run(adjustments, ws, deal_id, on_done=self._show,
                                on_error=lambda e: self._context.signals.status_message
                                .emit(str(e)))

    def _show(self, rows: list[AdjustmentRow]) -> None:
        self.model.set_rows(rows)
        self.panel.note.setText(self.tr("{n} vastgelegd").format(n=len(rows)))
        self.loaded.emit()

    def new(self) -> None:
        if self.deal_id is not None:
            AdjustmentDialog(self._context, self.deal_id, self.plan, None,
                             self.window()).exec()

    def edit(self) -> None:
        row = self.panel.current_row()
        if self.deal_id is not None and row >= 0:
            AdjustmentDialog(self._context, self.deal_id, self.plan,
                             self.model.row_at(row).id, self.window()).exec()

    def delete(self) -> None:
        ws, row = self._context.workspace(), self.panel.current_row()
        if ws is not None and row >= 0:
            self._context.tasks.run(delete_adjustment, ws, self.model.row_at(row).id,
                                    write=True,
                                    on_done=self._context.signals.changes_applied.emit)
