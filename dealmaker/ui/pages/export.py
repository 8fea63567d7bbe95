"""Sidebar page 'Export': live counts and recent records (full feature in a later issue)."""

from __future__ import annotations

from dealmaker.ui.pages.base import SummaryPage


class ExportPage(SummaryPage):
    key = "export"

    def title(self) -> str:
        return self.tr("Export")

    def intro(self) -> str:
        return self.tr("Wat er per deal beschikbaar is voor een rapportage of het Rijk-regio "
                       "overleg.")
