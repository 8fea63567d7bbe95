"""Indicatoren: the indicators (paged), the rule behind their status, and for the chosen
one its measurements and its chart against nulmeting and streefwaarde. Entering a
measurement reloads the row, so its status changes at once."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget

from dealmaker.domain.dates import format_date
from dealmaker.services.monitoring.charts import indicator_chart
from dealmaker.services.monitoring.goals import DealPlan
from dealmaker.services.monitoring.indicators import IndicatorRow, delete_indicator
from dealmaker.services.monitoring.measurements import (
    MeasurementRow,
    delete_measurement,
    measurements,
)
from dealmaker.ui.monitoring.indicator_dialog import IndicatorDialog
from dealmaker.ui.monitoring.indicator_model import (
    COLUMNS,
    DEAL,
    LEVEL,
    NAME,
    SOURCE,
    THEME,
    IndicatorModel,
)
from dealmaker.ui.monitoring.look import RULE_SHORT, RULE_TIP, STATUS_COLOURS, number
from dealmaker.ui.monitoring.measurement_dialog import MeasurementDialog
from dealmaker.ui.monitoring.panel import ListPanel
from dealmaker.ui.monitoring.rows_model import Col, RowsModel
from dealmaker.ui.shell.actions import QT_TRANSLATE_NOOP
from dealmaker.ui.shell.charts import ChartView
from dealmaker.ui.shell.context import AppContext

C = "monitoring"


def _columns(unit: str) -> list[Col[MeasurementRow]]:
    return [Col(QT_TRANSLATE_NOOP(C, "Datum"), lambda m: format_date(m.measured_on), 10),
            Col(QT_TRANSLATE_NOOP(C, "Waarde"), lambda m: number(m.value, unit), 10, True),
            Col(QT_TRANSLATE_NOOP(C, "Toelichting"), lambda m: m.note.replace("\n", " "), 24,
                tip=lambda m: m.note)]


class IndicatorsTab(QWidget):
    loaded = Signal()

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self.deal_id: str | None = None
        self.plan = DealPlan((), ())
        self.current: IndicatorRow | None = None
        self._wanted: str | None = None
        self.model = IndicatorModel(context.tasks, context.workspace, self)
        self.model.rows_loaded.connect(self._rows_loaded)
        self.model.load_failed.connect(context.signals.status_message)
        self.list = ListPanel("indicatorsTable", self.tr("Indicatoren"),
                              [c.width for c in COLUMNS], [NAME],
                              optional=[SOURCE, THEME, LEVEL, DEAL])
        self.list.table.setModel(self.model)
        self.list.table.selectionModel().selectionChanged.connect(self._selected)
        self.search = QLineEdit()
        self.search.setObjectName("indicatorSearch")
        self.search.setPlaceholderText(self.tr("Zoek indicator…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.list.buttons.addWidget(self.search)
        self.new_button = self.list.add_button("newIndicator", self.tr("Nieuwe indicator…"),
                                               self.new_indicator)
        self.list.add_button("editIndicator", self.tr("Wijzigen…"), self.edit_indicator,
                             needs_row=True, edit=True)
        self.list.add_button("deleteIndicator", self.tr("Verwijderen"),
                             self.delete_indicator, needs_row=True, delete=True)
        self.rule = QLabel(RULE_SHORT)
        self.rule.setObjectName("statusRule")
        self.rule.setWordWrap(True)
        self.rule.setToolTip(RULE_TIP)
        self.heading = QLabel()
        self.heading.setObjectName("indicatorHeading")
        self.heading.setWordWrap(True)
        self.measured = RowsModel(_columns(""), lambda m: m.id, self)
        self.points = ListPanel("measurementsTable", self.tr("Metingen"), [10, 10, 24], [2])
        self.points.table.setModel(self.measured)
        self.add_button = self.points.add_button("addMeasurement",
                                                 self.tr("Meting toevoegen…"),
                                                 self.add_measurement)
        self.points.add_button("editMeasurement", self.tr("Wijzigen…"),
                               self.edit_measurement, needs_row=True, edit=True)
        self.points.add_button("deleteMeasurement", self.tr("Verwijderen"),
                               self.delete_measurement, needs_row=True, delete=True)
        self.chart = ChartView()
        self.chart.setObjectName("indicatorChart")
        detail = QWidget()
        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addWidget(self.points, 1)
        row = QHBoxLayout(detail)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left, 1)
        row.addWidget(self.chart, 1)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.list, 1)
        top_layout.addWidget(self.rule)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(detail)
        split.setChildrenCollapsible(False)
        split.setSizes([300, 320])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(split)
        self._show_detail(None)
        # the default order (deal, then level and name) is the model's first query
        self.list.table.horizontalHeader().setSortIndicator(DEAL, Qt.SortOrder.AscendingOrder)
        self.list.table.setSortingEnabled(True)

    # ------------------------------------------------------------ loading

    def load(self, deal_id: str | None, plan: DealPlan) -> None:
        self.deal_id, self.plan = deal_id, plan
        self.new_button.setEnabled(deal_id is not None)
        self.list.table.always_hidden = {DEAL} if deal_id is not None else set()
        self.list.table.refit()
        self._wanted = self.current.id if self.current else None
        query = replace(self.model.query, deal_id=deal_id)
        self.model.set_query(query, keep=self.model.rowCount())

    def _search(self, text: str) -> None:
        self.model.set_query(replace(self.model.query, search=text))

    def _rows_loaded(self) -> None:
        n = self.model.total
        self.list.note.setText(self.tr("{n} indicatoren").format(n=n) if n != 1 else
                               self.tr("1 indicator"))
        row = self.model.row_of(self._wanted) if self._wanted else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.list.select(row)
            self._show_detail(self.model.row_at(row))
        else:
            self._show_detail(None)
        self.loaded.emit()

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        row = self.list.current_row()
        chosen = self.model.row_at(row) if row >= 0 else None
        if chosen is not None and (self.current is None or chosen.id != self.current.id):
            self._show_detail(chosen)

    def _show_detail(self, row: IndicatorRow | None) -> None:
        self.current = row
        self._wanted = row.id if row else None
        for w in self.points.button_list:
            w.setEnabled(row is not None)
        ws = self._context.workspace()
        if row is None or ws is None:
            self.heading.setText(self.tr("Kies een indicator om zijn metingen te zien."))
            self.measured.set_rows([])
            self.chart.set_chart(None)
            return
        colour = STATUS_COLOURS[row.status]
        self.heading.setText(
            f"<b>{_html(row.name)}</b> · status <b style='color:{colour}'>"
            f"{row.status.value}</b>")
        self.heading.setToolTip(RULE_TIP)
        self.measured.columns = _columns(row.unit)
        self._context.tasks.run(measurements, ws, row.id, on_done=self.measured.set_rows)
        self._context.tasks.run(indicator_chart, ws, row.id, on_done=self.chart.set_chart)

    # ------------------------------------------------------------ actions

    def _changed(self, result: Any) -> None:
        self._context.signals.changes_applied.emit(result)

    def new_indicator(self) -> None:
        if self.deal_id is not None:
            IndicatorDialog(self._context, self.deal_id, self.plan, None, self.window()).exec()

    def edit_indicator(self) -> None:
        if self.current is not None:
            plan = self.plan if self.current.deal_id == self.deal_id else DealPlan((), ())
            IndicatorDialog(self._context, self.current.deal_id, plan, self.current.id,
                            self.window()).exec()

    def delete_indicator(self) -> None:
        ws = self._context.workspace()
        if ws is not None and self.current is not None:
            self._context.tasks.run(delete_indicator, ws, self.current.id, write=True,
                                    on_done=self._changed)

    def add_measurement(self) -> None:
        if self.current is not None:
            dialog = MeasurementDialog(self._context, self.current.id, self.current.name,
                                       self.current.unit, None, self.window())
            dialog.exec()
            self._announce(dialog)

    def _announce(self, dialog: MeasurementDialog) -> None:
        """Say the (new) status in the status bar too."""
        saved = dialog.saved()
        if saved is not None:
            self._context.signals.status_message.emit(self.tr(
                "Meting opgeslagen; status: {status}").format(status=saved.status.value))

    def edit_measurement(self) -> None:
        row = self.points.current_row()
        if self.current is not None and row >= 0:
            dialog = MeasurementDialog(self._context, self.current.id, self.current.name,
                                       self.current.unit, self.measured.row_at(row),
                                       self.window())
            dialog.exec()
            self._announce(dialog)

    def delete_measurement(self) -> None:
        ws, row = self._context.workspace(), self.points.current_row()
        if ws is not None and row >= 0:
            self._context.tasks.run(delete_measurement, ws, self.measured.row_at(row).id,
                                    write=True, on_done=self._changed)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
