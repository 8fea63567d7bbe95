"""Contact moments: the form to log one (Ctrl+L), the Opvolgen page and the cadence
settings (Bewerken > Contactfrequentie…).

Entry points: ``log_contact_moment`` (offered to the other features as
``commands.log_contact_moment``) and ``install.install``, which also registers the
Opvolgen page (``follow_ups_page.FollowUpsPage``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from dealmaker.ui.interactions.dialog import ContactMomentDialog
    from dealmaker.ui.shell.context import AppContext


def open_contact_moment_dialog(parent: QWidget | None, context: AppContext,
                               person_ids: list[str] | None = None) -> ContactMomentDialog:
    """The form, opened window-modal (returns at once); it deletes itself when closed."""
    from dealmaker.ui.interactions.dialog import ContactMomentDialog

    dialog = ContactMomentDialog(context, person_ids, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def log_contact_moment(parent: QWidget | None, context: AppContext,
                       person_ids: list[str] | None = None) -> None:
    """Let the user log a contact moment, with ``person_ids`` already as participants."""
    if context.workspace() is None:
        context.signals.status_message.emit(QCoreApplication.translate(
            "interactions", "Open eerst een werkruimte."))
        return
    open_contact_moment_dialog(parent, context, person_ids)
