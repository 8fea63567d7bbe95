"""Sidebar page 'Contacten': the searchable, filterable list of all contacts.

The page keeps the ``SummaryPage`` interface the window uses (title, activation, reload
on change) but shows ``ui.contacts.ContactsView`` instead of the summary tables: the
list is the page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout

from dealmaker.services.changes import Changes
from dealmaker.ui.pages.base import PageContext, SummaryPage

#: tables whose changes can alter a row of the list or its filter choices
CONTACT_TABLES = ("person", "position", "organisation", "tag", "person_tag", "deal",
                  "deal_party", "interaction", "interaction_participant", "cadence_rule",
                  "workspace_setting")


class ContactsPage(SummaryPage):
    key = "contacten"

    def __init__(self, context: PageContext, parent: Any = None) -> None:
        super().__init__(context, parent)
        # imported here: ui.contacts uses ui.pages modules (no import cycle at start-up)
        from dealmaker.ui.contacts.page import ContactsView

        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        item = outer.takeAt(0)  # the summary's scroll area: not used on this page
        summary = item.widget() if item is not None else None
        if summary is not None:
            summary.hide()
        self.contacts = ContactsView(context)
        self.contacts.rows_loaded.connect(self.loaded)
        # in a very small window the page scrolls instead of forcing the window's size
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.contacts)
        outer.addWidget(scroll)
        self.setFocusProxy(self.contacts.search)

    def title(self) -> str:
        return self.tr("Contacten")

    def intro(self) -> str:
        return self.tr("Personen aan Rijks- en regiokant, met hun huidige functie, en de "
                       "laatste contactmomenten.")

    def selected_person_ids(self) -> list[str]:
        """The selected contacts (Bewerken > Contactmoment vastleggen starts with them)."""
        return self.contacts.selected_ids()

    def refresh(self) -> None:
        if self._context.workspace() is None:
            self._stale = True
            return
        self._stale = False
        self.contacts.reload()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*CONTACT_TABLES):
            self._stale = True
            if self._active:
                self.refresh()
