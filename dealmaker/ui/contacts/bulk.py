"""Nieuw contact and Verwijderen on the Contacten list (the selection may be many rows).

Deleting asks first, names who (or how many), and is soft: one operation that Ctrl+Z
takes back whole, functions, tags and relations included.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from dealmaker.services.changes import Changes
from dealmaker.services.people import delete_persons
from dealmaker.ui.contacts.new_contact import NewContactDialog
from dealmaker.ui.shell.context import AppContext


def _tr(text: str) -> str:
    return QCoreApplication.translate("contacts", text)


def new_contact(host: QWidget, context: AppContext,
                made: Callable[[str, str], None]) -> NewContactDialog | None:
    """The dialog; once saved, ``made(person id, name)`` (the list selects it)."""
    if context.workspace() is None:
        context.signals.status_message.emit(_tr("Open eerst een werkruimte."))
        return None
    dialog = NewContactDialog(context, host.window())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def accepted() -> None:
        if dialog.saved_id is not None:
            made(dialog.saved_id, " ".join(v for v in (
                dialog.data().first_name, dialog.data().tussenvoegsel,
                dialog.data().last_name) if v))

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


def delete_contacts(host: QWidget, context: AppContext, person_ids: list[str]) -> None:
    """Ask, then soft-delete the chosen contacts as one undoable operation."""
    ws = context.workspace()
    if ws is None or not person_ids:
        return
    n = len(person_ids)
    question = (_tr("Dit contact verwijderen, met zijn functies, tags en relaties?") if n == 1
                else _tr("Deze {n} contacten verwijderen, met hun functies, tags en "
                         "relaties?").format(n=n))
    answer = QMessageBox.question(
        host, _tr("Contacten verwijderen?") if n > 1 else _tr("Contact verwijderen?"),
        question + "\n" + _tr("Contactmomenten blijven bewaard. Ongedaan maken kan met "
                              "Ctrl+Z."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return

    def done(changes: Changes) -> None:
        context.signals.status_message.emit(
            (_tr("1 contact verwijderd") if n == 1 else
             _tr("{n} contacten verwijderd").format(n=n)) + _tr(" (Ctrl+Z maakt het ongedaan)."))
        context.signals.changes_applied.emit(changes)

    context.tasks.run(partial(delete_persons, ws, person_ids), write=True, on_done=done,
                      on_error=lambda exc: context.signals.status_message.emit(str(exc)))
