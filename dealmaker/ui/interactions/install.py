"""Plugs contact moments into the shell: Bewerken > Contactmoment vastleggen… (Ctrl+L)
and Contactfrequentie…, the Opvolgen page (Ctrl+0) and ``commands.log_contact_moment``.
On a page that has a person selection (Contacten), Ctrl+L starts with those persons."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dealmaker.ui.interactions import actions as IA
from dealmaker.ui.interactions import log_contact_moment
from dealmaker.ui.interactions.cadence_dialog import CadenceDialog
from dealmaker.ui.interactions.follow_ups_page import FollowUpsPage
from dealmaker.ui.interactions.moment_detail import open_moment
from dealmaker.ui.shell.context import AppContext, Parent
from dealmaker.ui.shell.page import SelectsPersons


def install(context: AppContext) -> None:
    def log_with(parent: Parent, person_ids: list[str] | None) -> None:
        log_contact_moment(parent, context, person_ids)

    def log() -> None:
        page = context.pages.current()
        ids = page.selected_person_ids() if isinstance(page, SelectsPersons) else None
        log_contact_moment(context.window, context, list(ids) if ids else None)

    def cadence() -> None:
        if context.workspace() is not None:
            dialog = CadenceDialog(context, context.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    def open_moment_of(parent: Parent, interaction_id: str) -> None:
        open_moment(parent or context.window, context, interaction_id)

    context.commands.log_contact_moment = log_with
    context.commands.open_contact_moment = open_moment_of
    handlers = {IA.LOG_CONTACT_MOMENT: log, IA.CADENCE: cadence}
    edit = context.window_menus().edit
    edit.addSeparator()
    for spec in IA.SPECS:
        context.add_action(edit, spec, handlers[spec.key])
    context.pages.register(FollowUpsPage(context))
