"""Sidebar page 'Cofinanciering': live counts and recent records (full feature in a later issue)."""

from __future__ import annotations

from dealmaker.ui.pages.base import SummaryPage


class CofinancingPage(SummaryPage):
    key = "cofinanciering"

    def title(self) -> str:
        return self.tr("Cofinanciering")

    def intro(self) -> str:
        return self.tr("Bijdragen van publieke en private partijen, toegezegd en gerealiseerd,"
                       " in cash en in natura.")
