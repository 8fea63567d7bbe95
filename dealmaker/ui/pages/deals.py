"""Sidebar page 'Deals': live counts and recent records (full feature in a later issue)."""

from __future__ import annotations

from dealmaker.ui.pages.base import SummaryPage


class DealsPage(SummaryPage):
    key = "deals"

    def title(self) -> str:
        return self.tr("Deals")

    def intro(self) -> str:
        return self.tr("De Regio Deals met fase, Rijksbijdrage en regionale cofinanciering.")
