"""Dossier tab 'Grafieken': pledged beside realised per year, and the split of the deal
into Rijk, regional public, private and in natura (the shared chart widget: hover for the
exact amount, right-click to save as PNG or SVG). Read when first shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from dealmaker.domain.charts import BarChart
from dealmaker.services.cofinancing import LedgerQuery
from dealmaker.services.deals.dossier import DealDossier
from dealmaker.services.deals.money_charts import split_chart, year_chart
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.shell.charts import ChartView


def deal_charts(ws: Workspace, d: DealDossier) -> tuple[BarChart, BarChart]:
    return year_chart(ws, LedgerQuery(deal_id=d.id)), split_chart(d.money.rijk, d.split)


class ChartsTab(QWidget):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.years = ChartView()
        self.years.setObjectName("pledgesByYear")
        self.split = ChartView()
        self.split.setObjectName("dealSplit")
        layout = QVBoxLayout(self)
        layout.addWidget(self.years, 3)
        layout.addWidget(self.split, 2)

    def show_charts(self, charts: tuple[BarChart, BarChart]) -> None:
        self.years.set_chart(charts[0])
        self.split.set_chart(charts[1])

    def show_error(self, text: str) -> None:
        self.years.set_chart(None)
        self.split.set_chart(None)
        self.setToolTip(text)
