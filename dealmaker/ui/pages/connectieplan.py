"""Sidebar page 'Connectieplan': live counts and recent records (full feature in a later issue)."""

from __future__ import annotations

from dealmaker.ui.pages.base import SummaryPage


class ConnectieplanPage(SummaryPage):
    key = "connectieplan"

    def title(self) -> str:
        return self.tr("Connectieplan")

    def intro(self) -> str:
        return self.tr("Wie met wie verbonden is, tussen Rijk en regio, en hoe sterk.")
