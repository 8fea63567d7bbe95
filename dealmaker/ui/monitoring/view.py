"""The Monitoring screen: choose a deal (or all deals, for the indicators), then its
Indicatoren, Doelen en projecten, Bijsturing and Geld per jaar on tabs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from dealmaker.services.commitments.choices import editor_choices
from dealmaker.services.monitoring.charts import money_chart
from dealmaker.services.monitoring.goals import DealPlan, deal_plan
from dealmaker.ui.monitoring.adjustments_tab import AdjustmentsTab
from dealmaker.ui.monitoring.indicators_tab import IndicatorsTab
from dealmaker.ui.monitoring.plan_tab import PlanTab
from dealmaker.ui.shell.charts import ChartView
from dealmaker.ui.shell.context import AppContext


class MonitoringView(QWidget):
    #: the indicators of the chosen deal are shown
    rows_loaded = Signal()

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("monitoringView")
        self._context = context
        title = QLabel(self.tr("Monitoring"))
        title.setObjectName("pageTitle")
        self.deal = QComboBox()
        self.deal.setObjectName("monitoringDeal")
        self.deal.setMaxVisibleItems(25)
        self.deal.setMinimumWidth(260)
        self.deal.setToolTip(self.tr("Doelen, projecten, bijsturing en geld horen bij één "
                                     "deal; indicatoren kunnen ook over alle deals."))
        self.hint = QLabel()
        self.hint.setObjectName("emptyText")
        self.indicators = IndicatorsTab(context)
        self.indicators.loaded.connect(self.rows_loaded)
        self.plan = PlanTab(context)
        self.adjustments = AdjustmentsTab(context)
        self.money = ChartView()
        self.money.setObjectName("moneyChart")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("monitoringTabs")
        self.tabs.addTab(self.indicators, self.tr("&Indicatoren"))
        self.tabs.addTab(self.plan, self.tr("&Doelen en projecten"))
        self.tabs.addTab(self.adjustments, self.tr("&Bijsturing"))
        self.tabs.addTab(self.money, self.tr("&Geld per jaar"))
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(16)
        head.addWidget(self.deal)
        head.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        self.deal.currentIndexChanged.connect(self.reload_deal)
        self._filled = False

    def deal_id(self) -> str | None:
        value = self.deal.currentData()
        return str(value) if value else None

    def reload(self) -> None:
        ws = self._context.workspace()
        if ws is None:
            return
        deals = [(d.name, d.id) for d in editor_choices(ws).deals]
        current = self.deal.currentData() if self._filled else None
        self.deal.blockSignals(True)
        self.deal.clear()
        self.deal.addItem(self.tr("Alle deals"), None)
        for name, deal_id in deals:
            self.deal.addItem(name, deal_id)
        index = self.deal.findData(current)
        self.deal.setCurrentIndex(max(index, 0))
        self.deal.blockSignals(False)
        self._filled = True
        self.reload_deal()

    def show_deal(self, deal_id: str | None) -> None:
        index = self.deal.findData(deal_id)
        if index >= 0:
            self.deal.setCurrentIndex(index)

    def reload_deal(self) -> None:
        ws, deal_id = self._context.workspace(), self.deal_id()
        if ws is None:
            return
        self.hint.setText("" if deal_id else self.tr(
            "Kies een deal voor doelen, projecten, bijsturing en geld."))
        if deal_id is None:
            self._plan_loaded(None, DealPlan((), ()))
            self.money.set_chart(None)
            return
        self._context.tasks.run(deal_plan, ws, deal_id,
                                on_done=lambda plan: self._plan_loaded(deal_id, plan))
        self._context.tasks.run(money_chart, ws, deal_id, on_done=self.money.set_chart)

    def _plan_loaded(self, deal_id: str | None, plan: DealPlan) -> None:
        if deal_id != self.deal_id():
            return
        self.plan.load(deal_id, plan)
        self.indicators.load(deal_id, plan)
        self.adjustments.load(deal_id, plan)
