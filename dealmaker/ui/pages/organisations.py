"""Sidebar page 'Organisaties': counts, the organisation tree and the organisation card."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dealmaker.services.changes import Changes
from dealmaker.services.organisations import OrgNode
from dealmaker.services.overview import Count
from dealmaker.ui.pages.base import PageContext, SummaryPage

if TYPE_CHECKING:
    from dealmaker.ui.organisations.view import OrganisationsView


def _count(label: str, value: int) -> Count:
    return Count(label, value, f"{value:,}".replace(",", "."))


class OrganisationsPage(SummaryPage):
    """Hosts ``ui.organisations``; the counts come from the tree it loads (no summary)."""

    key = "organisaties"

    def __init__(self, context: PageContext, parent: Any = None) -> None:
        super().__init__(context, parent)
        # Imported here: ui.organisations uses the pages' table model, and importing it
        # at module level would import this package while it is still being imported.
        from dealmaker.ui.organisations.view import CARD_TABLES, TREE_TABLES, OrganisationsView

        self._tree_tables, self._card_tables = TREE_TABLES, CARD_TABLES
        self.view: OrganisationsView = OrganisationsView(context, self)
        self.view.tree_loaded.connect(self._show_tree)
        self.view.failed.connect(self._show_failure)
        self.splitter.addWidget(self.view)

    def title(self) -> str:
        return self.tr("Organisaties")

    def intro(self) -> str:
        return self.tr("Ministeries met hun DG's, directies en afdelingen; provincies, "
                       "gemeenten, bedrijven en andere partijen per soort. Sleep een "
                       "organisatie op een andere om haar daaronder te plaatsen.")

    def select_organisation(self, org_id: str) -> None:
        """Open the branch of ``org_id``, select it and show its card (also when the tree
        is still loading: it is selected as soon as it is there)."""
        self.view.select(org_id)

    def refresh(self) -> None:
        if self._context.workspace() is None:
            self._stale = True
            return
        self._stale = False
        self.view.reload()

    def _on_changes(self, changes: Changes) -> None:
        tree = changes.touches(*self._tree_tables)
        card = changes.touches(*self._card_tables)
        if not (tree or card):
            return
        if self._active:
            self.view.reload(tree=tree, card=card)
        else:
            self._stale = True

    def _show_tree(self, nodes: list[OrgNode]) -> None:
        self.error.hide()
        rijk = sum(1 for n in nodes if n.side == "rijk")
        self.counts.set_counts([_count("Organisaties", len(nodes)), _count("Rijk", rijk),
                                _count("Regio", len(nodes) - rijk)])
        self.loaded.emit()

    def _show_failure(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self._context.signals.status_message.emit(text)
