"""Organisaties: the tree beside the card, and the writes started from it (move, new,
rename). Reads and writes go through the task runner; after a write the screen emits
``changes_applied`` and reloads when that signal comes back (as every page does).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from dealmaker.services.changes import Changes
from dealmaker.services.organisations import (
    OrganisationCard,
    OrgNode,
    create_organisation,
    organisation_card,
    organisation_tree,
    rename_organisation,
    reparent_organisation,
)
from dealmaker.services.people import ValidationError
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.organisations.card import OrganisationCardView
from dealmaker.ui.organisations.form import OrganisationForm
from dealmaker.ui.organisations.tree_model import group_label
from dealmaker.ui.organisations.tree_panel import OrgTreePanel

if TYPE_CHECKING:
    from dealmaker.ui.pages.base import PageContext

log = logging.getLogger(__name__)

TREE_TABLES = ("organisation", "position")
CARD_TABLES = ("organisation", "position", "person", "deal", "deal_party", "pledge",
               "commitment")


def user_error(exc: Exception) -> str:
    """The Dutch text of a refusal (a rule or a record deleted meanwhile), or of a fault."""
    if isinstance(exc, ValidationError | LookupError):
        return str(exc)
    log.error("organisatie niet opgeslagen", exc_info=exc)
    return QCoreApplication.translate("organisations", "Er ging iets mis: {error}").format(
        error=exc)


class OrganisationsView(QWidget):
    #: The tree was (re)loaded; carries the ``OrgNode`` list (for the page's counts).
    tree_loaded = Signal(object)
    #: Loading failed; carries the Dutch message.
    failed = Signal(str)

    def __init__(self, context: PageContext, parent: Any = None) -> None:
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
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.panel.current_changed.connect(lambda _id: self.reload_card())
        self.panel.model.move_requested.connect(self.move_organisation)
        self.card.organisation_activated.connect(self.select)
        self.panel.new_button.clicked.connect(self.new_organisation)
        self.panel.rename_button.clicked.connect(self.rename_organisation)
        view = self.panel.view
        self.actions_by_key: dict[str, QAction] = {}
        for key, text, keys, slot in (
                ("new", self.tr("Nieuwe organisatie hieronder…"), "Ins",
                 self.new_organisation),
                ("rename", self.tr("Hernoemen…"), "F2", self.rename_organisation),
                ("cut", self.tr("Knippen (om te verplaatsen)"), QKeySequence.StandardKey.Cut,
                 self.panel.cut),
                ("paste", self.tr("Hieronder plakken"), QKeySequence.StandardKey.Paste,
                 self._paste),
                ("top", self.tr("Naar het bovenste niveau"), "", self._to_top)):
            action = QAction(text, view)
            self.actions_by_key[key] = action
            if keys:
                action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            view.addAction(action)

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
        if self._pending is not None and self.panel.select(self._pending):
            self._pending = None
        self.reload_card()
        self.tree_loaded.emit(nodes)

    def reload_card(self) -> None:
        ws, org_id = self._ws(), self.panel.current_id()
        self.panel.rename_button.setEnabled(org_id is not None)
        for key in ("rename", "cut", "top"):
            self.actions_by_key[key].setEnabled(org_id is not None)
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

    def select(self, org_id: str) -> None:
        """Show ``org_id`` (now, or as soon as the tree has loaded)."""
        if not self.panel.select(org_id):
            self._pending = org_id

    # ------------------------------------------------------------------ writing

    def _written(self, changes: Changes, message: str, select: str | None = None) -> None:
        self.panel.show_message("")
        if select is not None:
            self._pending = select
        self._context.signals.status_message.emit(message)
        self._context.signals.changes_applied.emit(changes)

    def _refused(self, prefix: str, exc: Exception) -> None:
        message = f"{prefix} {user_error(exc)}"
        self.panel.show_message(message)
        self._context.signals.status_message.emit(message)

    def move_organisation(self, org_id: str, new_parent_id: str | None) -> None:
        ws, model = self._ws(), self.panel.model
        moved = model.org(org_id)
        if ws is None or moved is None:
            return
        target = model.org(new_parent_id) if new_parent_id else None
        tr = QCoreApplication.translate
        message = (tr("organisations", "'{name}' valt nu onder '{parent}'.").format(
            name=moved.name, parent=target.name) if target is not None
            else tr("organisations", "'{name}' staat nu op het bovenste niveau.").format(
                name=moved.name))
        self._run(reparent_organisation, ws, org_id, new_parent_id, write=True,
                  on_done=lambda changes: self._written(changes, message, org_id),
                  on_error=lambda exc: self._refused(self.tr("Niet verplaatst:"), exc))

    def _paste(self) -> None:
        target = self.panel.paste_target()
        if target is not None:
            self.move_organisation(*target)

    def _to_top(self) -> None:
        org_id = self.panel.current_id()
        if org_id is not None:
            self.move_organisation(org_id, None)

    def new_organisation(self) -> OrganisationForm | None:
        if self._ws() is None:
            return None
        current = self.panel.current_id()
        form = OrganisationForm(self._create, new=True, parent=self,
                                parent_org=self.panel.model.org(current) if current else None,
                                group=self.panel.current_group())
        form.open()
        return form

    def _create(self, form: OrganisationForm) -> None:
        ws, data = self._ws(), form.data()
        if ws is None:
            return
        message = self.tr("Organisatie '{name}' toegevoegd.").format(name=data.name.strip())

        def done(result: tuple[str, Changes]) -> None:
            form.finish()
            self._written(result[1], message, result[0])

        self._run(create_organisation, ws, data, write=True, on_done=done,
                  on_error=lambda exc: self._form_refused(form, exc))

    def rename_organisation(self) -> OrganisationForm | None:
        org = self.panel.model.org(self.panel.current_id() or "")
        if self._ws() is None or org is None:
            return None
        form = OrganisationForm(lambda f: self._rename(f, org.id), new=False, parent=self,
                                name=org.name, short_name=org.short_name or "")
        form.open()
        return form

    def _rename(self, form: OrganisationForm, org_id: str) -> None:
        ws, data = self._ws(), form.data()
        if ws is None:
            return
        message = self.tr("Organisatie hernoemd tot '{name}'.").format(name=data.name.strip())

        def done(changes: Changes) -> None:
            form.finish()
            self._written(changes, message, org_id)

        self._run(rename_organisation, ws, org_id, data.name, data.short_name, write=True,
                  on_done=done, on_error=lambda exc: self._form_refused(form, exc))

    def _form_refused(self, form: OrganisationForm, exc: Exception) -> None:
        form.show_error(user_error(exc))
