"""Contact moments: the form to log one (Ctrl+L), the Opvolgen page and the cadence
settings (Bewerken > Contactfrequentie…).

Entry points for the rest of the window: ``log_contact_moment`` (the Contacten screen
calls it with the selected persons) and ``install_interactions`` (one line in
``MainWindow._install_features``). The Opvolgen page is ``follow_ups_page.FollowUpsPage``,
listed in ``ui.pages.PAGE_CLASSES``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from dealmaker.ui.interactions.dialog import ContactMomentDialog
    from dealmaker.ui.main_window import MainWindow
    from dealmaker.ui.pages.base import PageContext


def open_contact_moment_dialog(parent: QWidget | None, context: PageContext,
                               person_ids: list[str] | None = None) -> ContactMomentDialog:
    """The form, opened window-modal (returns at once); it deletes itself when closed."""
    from dealmaker.ui.interactions.dialog import ContactMomentDialog

    dialog = ContactMomentDialog(context, person_ids, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def log_contact_moment(parent: QWidget | None, context: PageContext,
                       person_ids: list[str] | None = None) -> None:
    """Let the user log a contact moment, with ``person_ids`` already as participants."""
    if context.workspace() is None:
        context.signals.status_message.emit(QCoreApplication.translate(
            "interactions", "Open eerst een werkruimte."))
        return
    open_contact_moment_dialog(parent, context, person_ids)


def install_interactions(window: MainWindow) -> None:
    """Bewerken > Contactmoment vastleggen… (Ctrl+L) and Contactfrequentie…; Ctrl+0 for
    the Opvolgen page. On a page that offers ``selected_person_ids()`` (Contacten),
    Ctrl+L starts with the selected persons."""
    from dealmaker.ui.actions import build_action
    from dealmaker.ui.interactions import actions as IA
    from dealmaker.ui.interactions.cadence_dialog import CadenceDialog
    from dealmaker.ui.pages.base import PageContext

    controller = window.controller
    context = PageContext(controller.signals, controller.tasks, lambda: controller.workspace)

    def log() -> None:
        selected = getattr(window.current_page(), "selected_person_ids", None)
        ids = selected() if callable(selected) else None
        log_contact_moment(window, context, list(ids) if ids else None)

    def cadence() -> None:
        if context.workspace() is not None:
            dialog = CadenceDialog(context, window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    handlers = {IA.LOG_CONTACT_MOMENT: log, IA.CADENCE: cadence}
    window.edit_menu.addSeparator()
    for spec in IA.SPECS:
        action = build_action(window, spec, handlers[spec.key])
        window.edit_menu.addAction(action)
    keys = [p.key for p in window.pages]
    if "opvolgen" in keys:
        go = window.findChild(QAction, f"page_{keys.index('opvolgen') + 1}")
        if go is not None and go.shortcut().isEmpty():
            go.setShortcut(IA.FOLLOW_UPS_SHORTCUT)


# The Opvolgen page (a module of this package) is one of ``ui.pages``; loading the pages
# here, after the functions above exist, lets any module of this package be imported
# first without a circular-import error.
import dealmaker.ui.pages  # noqa: E402, F401
