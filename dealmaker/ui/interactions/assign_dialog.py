"""'Toewijzen aan…': choose the colleague who does the chosen follow-ups.

Type a name (completion over all persons, Enter picks the best match); "Niemand" hands
them back to nobody in particular. ``ask_owner`` returns the choice, or ``CANCELLED``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from dealmaker.services.quickfind import Hit, complete_persons
from dealmaker.ui.interactions.chooser import searcher
from dealmaker.ui.interactions.completion import CompletingLineEdit

if TYPE_CHECKING:
    from dealmaker.ui.shell.context import AppContext

#: ``ask_owner`` when the user cancelled (None means: to nobody)
CANCELLED: Final = "<geannuleerd>"


class AssignDialog(QDialog):
    def __init__(self, context: AppContext, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assignFollowUps")
        self.setWindowTitle(self.tr("Toewijzen aan"))
        self.owner_id: str | None = None
        self.person = CompletingLineEdit(searcher(context, complete_persons))
        self.person.setObjectName("assignPerson")
        self.person.setPlaceholderText(self.tr("Typ een naam; Enter kiest"))
        self.person.setMinimumWidth(320)
        self.person.chosen.connect(self._chosen)
        self.person.textEdited.connect(lambda _t: self._set_owner(None))
        self.nobody = QCheckBox(self.tr("&Niemand: terug naar wie het contactmoment vastlegde"))
        self.nobody.setObjectName("assignNobody")
        self.nobody.toggled.connect(self._nobody)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Wie doet {n} opvolging(en)?").format(n=count)))
        form.addRow(self.tr("&Collega:"), self.person)
        form.addRow(self.nobody)
        form.addRow(self.error)
        form.addRow(self.buttons)

    def _set_owner(self, owner_id: str | None) -> None:
        self.owner_id = owner_id

    def _chosen(self, hit: Hit) -> None:
        self.owner_id = hit.id
        self.person.setText(hit.label)
        self.error.hide()

    def _nobody(self, on: bool) -> None:
        self.person.setEnabled(not on)
        self.error.hide()

    def _accept(self) -> None:
        if self.nobody.isChecked():
            self.owner_id = None
            self.accept()
        elif self.owner_id is not None:
            self.accept()
        else:
            self.error.setText(self.tr("Kies een collega uit de lijst, of kies Niemand."))
            self.error.show()


def ask_owner(context: AppContext, parent: QWidget | None, count: int) -> str | None:
    """The chosen owner's id, None for nobody, or ``CANCELLED``."""
    dialog = AssignDialog(context, count, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return CANCELLED
    return dialog.owner_id
