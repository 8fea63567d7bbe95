"""The writes of the Organisaties screen: move (drag and drop; Ctrl+X and Ctrl+V; to the
top level), new organisation and rename. Each runs the service on the task runner's write
lane, then emits ``changes_applied`` (the screen reloads on it) and tells which
organisation to select; a refusal is shown in Dutch and changes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from dealmaker.services.changes import Changes
from dealmaker.services.organisations import (
    create_organisation,
    rename_organisation,
    reparent_organisation,
)
from dealmaker.services.people import ValidationError
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.organisations.form import OrganisationForm
from dealmaker.ui.organisations.tree_panel import OrgTreePanel

if TYPE_CHECKING:
    from dealmaker.ui.shell.context import AppContext

log = logging.getLogger(__name__)


def user_error(exc: Exception) -> str:
    """The Dutch text of a refusal (a rule or a record deleted meanwhile), or of a fault."""
    if isinstance(exc, ValidationError | LookupError):
        return str(exc)
    log.error("organisatie niet opgeslagen", exc_info=exc)
    return QCoreApplication.translate("organisations", "Er ging iets mis: {error}").format(
        error=exc)


class OrgEdits(QObject):
    """Also puts its actions (Insert, F2, Ctrl+X, Ctrl+V, ...) on the tree view."""

    #: A write succeeded; select this organisation once the tree has reloaded.
    select_after = Signal(str)

    def __init__(self, context: AppContext, panel: OrgTreePanel, host: QWidget) -> None:
        super().__init__(host)
        self._context, self.panel, self._host = context, panel, host
        self._cut_id: str | None = None
        panel.model.move_requested.connect(self.move_organisation)
        panel.new_button.clicked.connect(self.new_organisation)
        panel.rename_button.clicked.connect(self.rename_organisation)
        self.actions_by_key: dict[str, QAction] = {}
        for key, text, keys, slot in (
                ("new", self.tr("Nieuwe organisatie hieronder…"), "Ins",
                 self.new_organisation),
                ("rename", self.tr("Hernoemen…"), "F2", self.rename_organisation),
                ("cut", self.tr("Knippen (om te verplaatsen)"), QKeySequence.StandardKey.Cut,
                 self._cut),
                ("paste", self.tr("Hieronder plakken"), QKeySequence.StandardKey.Paste,
                 self._paste),
                ("top", self.tr("Naar het bovenste niveau"), "", self._to_top),
                ("history", self.tr("Geschiedenis…"), "", self._history)):
            action = QAction(text, panel.view)
            self.actions_by_key[key] = action
            if keys:
                action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            panel.view.addAction(action)

    def set_enabled(self, has_organisation: bool) -> None:
        """Rename, cut and to-the-top need an organisation (not a grouping node)."""
        self.panel.rename_button.setEnabled(has_organisation)
        for key in ("rename", "cut", "top", "history"):
            self.actions_by_key[key].setEnabled(has_organisation)

    def _history(self) -> None:
        """Every recorded change of the chosen organisation (undone ones greyed)."""
        org_id = self.panel.current_id()
        if org_id is not None:
            self._context.commands.show_history(self._host, "organisation", org_id)

    def _ws(self) -> Workspace | None:
        return self._context.workspace()

    def _run(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None],
             on_error: Callable[[Exception], None], write: bool = False) -> None:
        self._context.tasks.run(fn, *args, on_done=on_done, on_error=on_error, write=write)

    def _written(self, changes: Changes, message: str, select: str) -> None:
        self.panel.show_message("")
        self.select_after.emit(select)
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

    def _cut(self) -> None:
        """Ctrl+X: remember the organisation; Ctrl+V on another puts it under that one
        (the keyboard way to drag and drop)."""
        self._cut_id = self.panel.current_id()

    def _paste(self) -> None:
        moved, self._cut_id = self._cut_id, None
        if moved is not None and self.panel.model.org(moved) is not None:
            self.move_organisation(moved, self.panel.current_id())

    def _to_top(self) -> None:
        org_id = self.panel.current_id()
        if org_id is not None:
            self.move_organisation(org_id, None)

    def new_organisation(self) -> OrganisationForm | None:
        if self._ws() is None:
            return None
        current = self.panel.current_id()
        form = OrganisationForm(self._create, new=True, parent=self._host,
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
        form = OrganisationForm(lambda f: self._rename(f, org.id), new=False, parent=self._host,
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
