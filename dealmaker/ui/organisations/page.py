"""Sidebar page 'Organisaties': counts, the organisation tree and the organisation card."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from dealmaker.services.changes import Changes
from dealmaker.services.organisations import OrgNode
from dealmaker.services.overview import Count
from dealmaker.ui.organisations.view import CARD_TABLES, TREE_TABLES, OrganisationsView
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.frame import PageFrame
from dealmaker.ui.shell.page import Freshness


def _count(label: str, value: int) -> Count:
    return Count(label, value, f"{value:,}".replace(",", "."))


class OrganisationsPage(QWidget):
    """A ``Page`` hosting ``OrganisationsView``; its counts come from the tree it loads."""

    key = "organisaties"
    shortcut = ""

    #: The tree shows fresh data.
    loaded = Signal()

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{self.key}")
        self._context = context
        self._fresh = Freshness(self.refresh)
        self.frame = PageFrame(self, self.title(), self.tr(
            "Ministeries met hun DG's, directies en afdelingen; provincies, gemeenten, "
            "bedrijven en andere partijen per soort. Sleep een organisatie op een andere om "
            "haar daaronder te plaatsen."))
        self.counts = self.frame.counts
        self.view = OrganisationsView(context, self)
        self.view.tree_loaded.connect(self._show_tree)
        self.view.failed.connect(self._show_failure)
        self.frame.splitter.addWidget(self.view)
        context.signals.changes_applied.connect(self._on_changes)

    def title(self) -> str:
        return self.tr("Organisaties")

    def widget(self) -> QWidget:
        return self

    def set_active(self, active: bool) -> None:
        self._fresh.set_active(active)

    def select_organisation(self, org_id: str) -> None:
        """Open the branch of ``org_id``, select it and show its card (also when the tree
        is still loading: it is selected as soon as it is there)."""
        self.view.select(org_id)

    def refresh(self) -> None:
        if self._context.workspace() is None:
            self._fresh.stale = True
            return
        self._fresh.stale = False
        self.view.reload()

    def _on_changes(self, changes: Changes) -> None:
        tree = changes.touches(*TREE_TABLES)
        card = changes.touches(*CARD_TABLES)
        if not (tree or card):
            return
        if self._fresh.active:
            self.view.reload(tree=tree, card=card)
        else:
            self._fresh.stale = True

    def _show_tree(self, nodes: list[OrgNode]) -> None:
        self.frame.error.hide()
        rijk = sum(1 for n in nodes if n.side == "rijk")
        self.counts.set_counts([_count("Organisaties", len(nodes)), _count("Rijk", rijk),
                                _count("Regio", len(nodes) - rijk)])
        self.loaded.emit()

    def _show_failure(self, text: str) -> None:
        self.frame.show_error(text)
        self._context.signals.status_message.emit(text)
