"""Sidebar page 'Overzicht': live counts and recent records (full feature in a later issue)."""

from __future__ import annotations

from dealmaker.ui.pages.base import SummaryPage


class OverviewPage(SummaryPage):
    key = "overzicht"

    def title(self) -> str:
        return self.tr("Overzicht")

    def intro(self) -> str:
        return self.tr("Alles in deze werkruimte in één oogopslag: wat er openstaat, wat "
                       "verlopen is en welke deals de cofinancieringsregel breken.")
