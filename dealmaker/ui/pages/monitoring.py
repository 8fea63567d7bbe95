"""Sidebar page 'Monitoring': live counts and recent records (full feature in a later issue)."""

from __future__ import annotations

from dealmaker.ui.pages.base import SummaryPage


class MonitoringPage(SummaryPage):
    key = "monitoring"

    def title(self) -> str:
        return self.tr("Monitoring")

    def intro(self) -> str:
        return self.tr("Indicatoren, metingen, projecten en overleggen: de voortgang van de "
                       "deals.")
