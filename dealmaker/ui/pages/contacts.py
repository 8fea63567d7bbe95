"""Sidebar page 'Contacten': live counts and recent records (full feature in a later issue)."""

from __future__ import annotations

from dealmaker.ui.pages.base import SummaryPage


class ContactsPage(SummaryPage):
    key = "contacten"

    def title(self) -> str:
        return self.tr("Contacten")

    def intro(self) -> str:
        return self.tr("Personen aan Rijks- en regiokant, met hun huidige functie, en de "
                       "laatste contactmomenten.")
