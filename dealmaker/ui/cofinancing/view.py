"""The Cofinanciering ledger: pledges per deal, party and year with pledged and realised
totals; filters by deal, year, sector and form; Enter edits, Ctrl+N adds, Del deletes
(undoable)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dealmaker.domain.enums import ContributionForm, Sector
from dealmaker.domain.money import format_eur
from dealmaker.services.cofinancing import Ledger, LedgerQuery, delete_pledges, ledger, ledger_years
from dealmaker.services.commitments.choices import editor_choices
from dealmaker.services.deals.money_charts import year_chart
from dealmaker.ui.cofinancing.dialog import PledgeDialog
from dealmaker.ui.cofinancing.model import DEAL, NOTE, PARTY, SECTOR, WIDTHS, LedgerModel
from dealmaker.ui.shell.charts import ChartView
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.fields import LazyCombo
from dealmaker.ui.shell.fitted_table import FittedTable
from dealmaker.ui.shell.new_key import claims_new
from dealmaker.ui.shell.open_rows import connect_open


class LedgerView(QWidget):
    #: The ledger shows fresh rows.
    rows_loaded = Signal()

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledgerView")
        self._context = context
        self.model = LedgerModel(self)
        title = QLabel(self.tr("Cofinanciering"))
        title.setObjectName("pageTitle")
        self.totals = QLabel()
        self.totals.setObjectName("ledgerTotals")
        self.deal = LazyCombo("ledgerDeal")
        self.year = QComboBox()
        self.year.setObjectName("ledgerYear")
        self.sector = QComboBox()
        self.sector.addItem(self.tr("Publiek en privaat"), None)
        for s in Sector:
            self.sector.addItem(s.label, s.value)
        self.form = QComboBox()
        self.form.addItem(self.tr("In cash en in natura"), None)
        for f in ContributionForm:
            self.form.addItem(f.label, f.value)
        self.new_button = QPushButton(self.tr("&Nieuwe bijdrage…"))
        self.new_button.setObjectName("newPledge")
        self.new_button.setToolTip(self.tr("Een toezegging van cofinanciering vastleggen "
                                           "(Ctrl+N)"))
        self.new_button.clicked.connect(self.new_pledge)
        self.chart_button = QPushButton(self.tr("&Grafiek"))
        self.chart_button.setObjectName("ledgerChartButton")
        self.chart_button.setToolTip(self.tr("Toegezegd en gerealiseerd per jaar, voor wat "
                                             "de filters tonen"))
        self.chart_button.setCheckable(True)
        self.chart = ChartView()
        self.chart.setObjectName("ledgerChart")
        self.chart.hide()
        self.chart_button.toggled.connect(self._toggle_chart)
        self.table = FittedTable("ledgerTable", WIDTHS, [DEAL, PARTY],
                                 optional=[SECTOR, NOTE])
        self.table.setModel(self.model)
        connect_open(self.table, self._open)
        self.table.customContextMenuRequested.connect(self._menu)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.totals, 0, Qt.AlignmentFlag.AlignBottom)
        tools = QHBoxLayout()
        for w in (self.deal, self.year, self.sector, self.form):
            tools.addWidget(w)
        tools.addStretch(1)
        tools.addWidget(self.chart_button)
        tools.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addLayout(tools)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.chart, 2)
        for combo in (self.deal, self.year, self.sector, self.form):
            combo.currentIndexChanged.connect(self.reload_rows)
        self.delete_action = QAction(self.tr("&Verwijderen"), self.table)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(self.delete_action)
        self.table.installEventFilter(self)

    def query(self) -> LedgerQuery:
        sector, form = self.sector.currentData(), self.form.currentData()
        return LedgerQuery(deal_id=self.deal.currentData(), year=self.year.currentData(),
                           sector=Sector(sector) if sector else None,
                           form=ContributionForm(form) if form else None)

    def _deal_loader(self) -> None:
        ws = self._context.workspace()
        if ws is not None:
            self.deal.set_loader((self.tr("Alle deals"), None),
                                 lambda: [(d.name, d.id) for d in editor_choices(ws).deals])

    def show_deal(self, deal_id: str) -> None:
        """Filter on one deal (the portfolio's figures open the ledger so)."""
        if self.deal.count() <= 1:
            self._deal_loader()
        self.deal.setCurrentIndex(max(self.deal.findData(deal_id), 0))

    def reload(self) -> None:
        ws = self._context.workspace()
        if ws is None:
            return
        deal = self.deal.currentData()
        self.deal.blockSignals(True)
        self._deal_loader()  # a deal chosen before stays chosen
        if deal is not None:
            self.deal.setCurrentIndex(max(self.deal.findData(deal), 0))
        self.deal.blockSignals(False)
        year = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("Alle jaren"), None)
        for y in ledger_years(ws):
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(max(self.year.findData(year), 0))
        self.year.blockSignals(False)
        self.reload_rows()

    def reload_rows(self) -> None:
        ws = self._context.workspace()
        if ws is not None:
            self._context.tasks.run(ledger, ws, self.query(), on_done=self._show,
                                    on_error=lambda e: self._context.signals.status_message
                                    .emit(str(e)))

    def _toggle_chart(self, on: bool) -> None:
        self.chart.setVisible(on)
        if on:
            self._load_chart()

    def _load_chart(self) -> None:
        ws = self._context.workspace()
        if ws is not None and self.chart_button.isChecked():
            self._context.tasks.run(year_chart, ws, self.query(), on_done=self.chart.set_chart,
                                    on_error=lambda e: self._context.signals.status_message
                                    .emit(str(e)))

    def _show(self, result: Ledger) -> None:
        self.model.set_rows(result.rows, result.since_overleg)
        self._load_chart()
        self.totals.setText(self.tr("{n} bijdragen · toegezegd {p} · gerealiseerd {r}").format(
            n=len(result.rows), p=format_eur(result.pledged_cents),
            r=format_eur(result.realised_cents)))
        self.rows_loaded.emit()

    def selected_ids(self) -> list[str]:
        return [self.model.row_at(i.row()).id
                for i in self.table.selectionModel().selectedRows()]

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            PledgeDialog(self._context, self.model.row_at(index.row()).id,
                         self.window()).exec()

    def new_pledge(self) -> None:
        if self._context.workspace() is not None:
            PledgeDialog(self._context, None, self.window(),
                         deal_id=self.deal.currentData()).exec()

    def delete_selected(self) -> None:
        ws, ids = self._context.workspace(), self.selected_ids()
        if ws is not None and ids:  # undoable (Ctrl+Z)
            self._context.tasks.run(delete_pledges, ws, ids, write=True,
                                    on_done=self._context.signals.changes_applied.emit)

    def _menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())
        menu = QMenu(self)
        for text, slot, on in ((self.tr("&Openen"), lambda: self._open(index), index.isValid()),
                               (self.tr("&Nieuwe bijdrage…"), self.new_pledge, True),
                               (self.tr("&Verwijderen"), self.delete_selected,
                                index.isValid())):
            action = menu.addAction(text)
            action.setEnabled(on)
            action.triggered.connect(slot)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+N here means a new pledge (not a new workspace)."""
        if claims_new(event, self.new_pledge):
            return True
        return super().eventFilter(watched, event)
