"""Organisaties: the tree beside the card. Both load on the task runner; the writes
(``edits``) emit ``changes_applied`` and the screen reloads when that signal comes back,
as every page does, keeping open branches and selecting what was written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from dealmaker.services.organisations import (
    OrganisationCard,
    OrgNode,
    organisation_card,
    organisation_tree,
)
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.organisations.card import OrganisationCardView
from dealmaker.ui.organisations.edits import OrgEdits
from dealmaker.ui.organisations.tree_model import group_label
from dealmaker.ui.organisations.tree_panel import OrgTreePanel

if TYPE_CHECKING:
    from dealmaker.ui.shell.context import AppContext

log = logging.getLogger(__name__)

TREE_TABLES = ("organisation", "position")
CARD_TABLES = ("organisation", "position", "person", "deal", "deal_party", "pledge",
               "commitment")


class OrganisationsView(QWidget):
    #: The tree was (re)loaded; carries the ``OrgNode`` list (for the page's counts).
    tree_loaded = Signal(object)
    #: Loading failed; carries the Dutch message.
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self._tokens = {"tree": 0, "card": 0}
        self._pending: str | None = None
        self.panel = OrgTreePanel()
        self.card = OrganisationCardView()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.panel)
        splitter.addWidget(self.card)
        # the card gets a little more: its five tabs should fit without scroll arrows
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([460, 580])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.edits = OrgEdits(context, self.panel, self)
        self.edits.select_after.connect(self._select_after)
        self.panel.current_changed.connect(lambda _id: self.reload_card())
        self.card.organisation_activated.connect(self.select)

    def _ws(self) -> Workspace | None:
        return self._context.workspace()

    def _run(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None],
             on_error: Callable[[Exception], None], write: bool = False) -> None:
        self._context.tasks.run(fn, *args, on_done=on_done, on_error=on_error, write=write)

    # ------------------------------------------------------------------ reading

    def reload(self, tree: bool = True, card: bool = True) -> None:
        if tree:
            self.reload_tree()
        elif card:
            self.reload_card()

    def reload_tree(self) -> None:
        ws = self._ws()
        if ws is None:
            return
        self._tokens["tree"] += 1
        token = self._tokens["tree"]
        self._run(organisation_tree, ws,
                  on_done=lambda nodes: self._tree_done(token, ws, nodes),
                  on_error=self._load_failed)

    def _tree_done(self, token: int, ws: Workspace, nodes: list[OrgNode]) -> None:
        if token != self._tokens["tree"] or ws is not self._ws():
            return
        self.panel.set_nodes(nodes)
        if self._pending is not None:  # gone meanwhile: forget it rather than jump later
            self.panel.select(self._pending)
            self._pending = None
        self.reload_card()
        self.tree_loaded.emit(nodes)

    def reload_card(self) -> None:
        ws, org_id = self._ws(), self.panel.current_id()
        self.edits.set_enabled(org_id is not None)
        self._tokens["card"] += 1
        token = self._tokens["card"]
        if ws is None or org_id is None:
            group = self.panel.current_group()
            self.card.show_empty(
                self.tr("Kies links een organisatie om haar kaart te zien.") if group is None
                else self.tr("{group}: kies een organisatie in deze groep om haar kaart te "
                             "zien, of sleep er een organisatie op om haar los te maken van "
                             "haar bovenliggende organisatie.").format(group=group_label(group)))
            return
        self._run(organisation_card, ws, org_id,
                  on_done=lambda card: self._card_done(token, card),
                  on_error=self._load_failed)

    def _card_done(self, token: int, card: OrganisationCard) -> None:
        if token == self._tokens["card"]:
            self.card.show_card(card)

    def _load_failed(self, exc: Exception) -> None:
        if isinstance(exc, LookupError):  # deleted meanwhile; the reload that follows shows it
            return
        self.failed.emit(self.tr("De organisaties konden niet worden geladen: {error}")
                         .format(error=exc))

    def _select_after(self, org_id: str) -> None:
        self._pending = org_id

    def select(self, org_id: str) -> None:
        """Show ``org_id`` (now, or as soon as the tree has loaded)."""
        if not self.panel.select(org_id):
            self._pending = org_id
