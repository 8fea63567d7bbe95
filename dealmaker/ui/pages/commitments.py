"""Sidebar page 'Toezeggingen': live counts and recent records (full feature in a later issue)."""

from __future__ import annotations

from dealmaker.ui.pages.base import SummaryPage


class CommitmentsPage(SummaryPage):
    key = "toezeggingen"

    def title(self) -> str:
        return self.tr("Toezeggingen")

    def intro(self) -> str:
        return self.tr("Afspraken over en weer tussen Rijk en regio: wie wat heeft toegezegd "
                       "en wanneer het af moet zijn.")
