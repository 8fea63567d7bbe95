"""Nieuw contact (Ctrl+N on Contacten): name, e-mail, phone and, if known, the
organisation and function, saved as one operation (Ctrl+Z removes it again)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtWidgets import QLineEdit

from dealmaker.services.changes import Changes
from dealmaker.services.people import PersonData, add_contact
from dealmaker.ui.contacts.pickers import organisation_combo
from dealmaker.ui.contacts.record_dialog import RecordDialog
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.fields import chosen


class NewContactDialog(RecordDialog):
    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(context, self.tr("Nieuw contact"), parent)
        self.setObjectName("newContactDialog")
        self.edits: dict[str, QLineEdit] = {}
        labels = (("first_name", self.tr("&Voornaam:")),
                  ("tussenvoegsel", self.tr("&Tussenvoegsel:")),
                  ("last_name", self.tr("&Achternaam:")), ("email", self.tr("&E-mail:")),
                  ("phone", self.tr("Tele&foon:")))
        for name, label in labels:
            edit = QLineEdit()
            edit.setObjectName(f"new_{name}")
            self.edits[name] = edit
            self.form.addRow(label, edit)
        self.organisation = organisation_combo(context, "newOrganisation",
                                               self.tr("(geen organisatie)"))
        self.function = QLineEdit()
        self.function.setObjectName("new_function")
        self.form.addRow(self.tr("&Organisatie:"), self.organisation)
        self.form.addRow(self.tr("F&unctie:"), self.function)
        self.edits["first_name"].setFocus()

    def data(self) -> PersonData:
        text = {k: " ".join(e.text().split()) for k, e in self.edits.items()}
        return PersonData(last_name=text["last_name"], first_name=text["first_name"],
                          tussenvoegsel=text["tussenvoegsel"], email=text["email"],
                          phone=text["phone"])

    def task(self) -> Callable[[], Changes | tuple[str, Changes]]:
        ws = self._context.workspace()
        assert ws is not None
        org = chosen(self.organisation)
        if org is None and self.function.text().strip():
            raise ValueError(self.tr("Een functie hoort bij een organisatie: kies die ook."))
        return partial(add_contact, ws, self.data(), org, self.function.text())

    def done_message(self) -> str:
        return self.tr("Contact toegevoegd (Ctrl+Z maakt het ongedaan).")
