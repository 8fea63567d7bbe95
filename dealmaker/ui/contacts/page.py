"""Sidebar page 'Contacten': the searchable, filterable list of all contacts is the page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from dealmaker.services.changes import Changes
from dealmaker.ui.contacts.view import ContactsView
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.page import Freshness

#: tables whose changes can alter a row of the list or its filter choices
CONTACT_TABLES = ("person", "position", "organisation", "tag", "person_tag", "deal",
                  "deal_party", "interaction", "interaction_participant", "cadence_rule",
                  "workspace_setting")


class ContactsPage(QWidget):
    """A ``Page``: ``ContactsView`` in a scroll area, reloaded on change when in view."""

    key = "contacten"
    shortcut = ""

    #: The list shows fresh rows.
    loaded = Signal()

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{self.key}")
        self._context = context
        self._fresh = Freshness(self.refresh)
        self.contacts = ContactsView(context)
        self.contacts.rows_loaded.connect(self.loaded)
        # in a very small window the page scrolls instead of forcing the window's size
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.contacts)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setFocusProxy(self.contacts.search)
        context.signals.changes_applied.connect(self._on_changes)

    def title(self) -> str:
        return self.tr("Contacten")

    def widget(self) -> QWidget:
        return self

    def set_active(self, active: bool) -> None:
        self._fresh.set_active(active)

    def selected_person_ids(self) -> list[str]:
        """The selected contacts (Bewerken > Contactmoment vastleggen starts with them)."""
        return self.contacts.selected_ids()

    def refresh(self) -> None:
        if self._context.workspace() is None:
            self._fresh.stale = True
            return
        self._fresh.stale = False
        self.contacts.reload()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*CONTACT_TABLES):
            self._fresh.changed()
