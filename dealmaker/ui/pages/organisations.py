"""Sidebar page 'Organisaties': live counts and recent records (full feature in a later issue)."""

from __future__ import annotations

from dealmaker.ui.pages.base import SummaryPage


class OrganisationsPage(SummaryPage):
    key = "organisaties"

    def title(self) -> str:
        return self.tr("Organisaties")

    def intro(self) -> str:
        return self.tr("Ministeries, directies, provincies, gemeenten, bedrijven, "
                       "kennisinstellingen en andere partijen.")
