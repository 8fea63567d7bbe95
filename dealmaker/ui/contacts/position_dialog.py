"""Add or edit a function (position) of a person: organisation, title, from/to, and who
succeeded them; 'Beëindigen' is the same form with the end date asked first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit

from dealmaker.services.changes import Changes
from dealmaker.services.contact_card import PositionRow
from dealmaker.services.positions import PositionData, add_position, edit_position
from dealmaker.services.quickfind import Hit
from dealmaker.ui.contacts.pickers import RecordPicker, organisation_combo, persons
from dealmaker.ui.contacts.record_dialog import RecordDialog
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.fields import DateField, chosen


class PositionDialog(RecordDialog):
    def __init__(self, context: AppContext, person_id: str, row: PositionRow | None = None,
                 *, ending: bool = False, parent: Any = None) -> None:
        title = (self.tr("Functie beëindigen") if ending else
                 self.tr("Functie bewerken") if row else self.tr("Functie toevoegen"))
        super().__init__(context, title, parent)
        self.setObjectName("positionDialog")
        self.person_id, self.row = person_id, row
        self.organisation = organisation_combo(context, "positionOrganisation",
                                               self.tr("(kies een organisatie)"))
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("positionTitle")
        self.start = DateField()
        self.end = DateField()
        self.successor = RecordPicker(context, persons, self.tr("Typ een naam (niet verplicht)"))
        self.successor.edit.returnPressed.connect(self.successor.choose_first)
        self.form.addRow(self.tr("&Organisatie:"), self.organisation)
        self.form.addRow(self.tr("&Functie:"), self.title_edit)
        self.form.addRow(self.tr("&Van:"), self.start)
        self.form.addRow(self.tr("&Tot:"), self.end)
        self.form.addRow(self.tr("O&pvolger:"), self.successor)
        hint = QLabel(self.tr("Heeft de opvolger nog geen functie bij deze organisatie, dan "
                              "krijgt die deze functie, vanaf de dag na 'Tot'."))
        hint.setObjectName("successorHint")
        hint.setWordWrap(True)
        hint.setEnabled(False)  # drawn grey: an explanation, not a field
        self.form.addRow("", hint)
        if row is not None:
            self.organisation.fill()
            self.organisation.setCurrentIndex(max(0, self.organisation.findData(
                row.organisation_id)))
            self.title_edit.setText(row.title)
            self.start.set_value(row.start_date)
            self.end.set_value(row.end_date or (date.today() if ending else None))
            if row.successor is not None:
                self.successor.set_value(Hit("person", row.successor.person_id,
                                             row.successor.name, row.successor.title))
        (self.end if ending else self.title_edit if row else self.organisation).setFocus()

    def task(self) -> Callable[[], Changes | tuple[str, Changes]]:
        ws = self._context.workspace()
        assert ws is not None
        if self.successor.pending:
            raise ValueError(self.tr("Kies de opvolger uit de lijst (Enter) of maak het veld "
                                     "leeg."))
        data = PositionData(chosen(self.organisation), self.title_edit.text(),
                            self.start.value(), self.end.value(), self.successor.value())
        if self.row is None:
            return partial(add_position, ws, self.person_id, data)
        return partial(edit_position, ws, self.row.position_id, data)

    def done_message(self) -> str:
        if self.successor.value():
            return self.tr("Functie opgeslagen; {name} volgt op (Ctrl+Z maakt het "
                           "ongedaan).").format(name=self.successor.edit.text())
        return self.tr("Functie opgeslagen (Ctrl+Z maakt het ongedaan).")
