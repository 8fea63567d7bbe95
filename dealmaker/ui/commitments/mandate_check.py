"""The editor's mandate flag: checked on every change of amount, owner, due date or deal,
against the owner's mandates (read once per owner, then checked in memory)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from dealmaker.domain.mandates import MandateTerms, mandate_breach
from dealmaker.services.mandates.terms import mandate_terms
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.commitments.form import CommitmentForm
from dealmaker.ui.shell.fields import chosen


class MandateCheck(QObject):
    #: The flag appeared or went (the dialog makes room for it).
    shown_changed = Signal()

    def __init__(self, ws: Workspace, form: CommitmentForm, parent: Any = None) -> None:
        super().__init__(parent)
        self._ws, self._form = ws, form
        self._owner: str | None = None
        self._terms: list[MandateTerms] = []
        #: the "binnen mandaat" box was unticked by this check (not by the user)
        self._unticked = False
        self.flag = QLabel()
        self.flag.setObjectName("errorText")
        self.flag.setWordWrap(True)
        self.flag.hide()
        form.amount.textChanged.connect(self.check)
        form.due.textChanged.connect(self.check)
        form.owner.currentIndexChanged.connect(self.check)
        form.deal.currentIndexChanged.connect(self.check)

    def breach(self) -> str | None:
        form = self._form
        owner = form.owner.currentData()
        if owner != self._owner:
            self._owner = owner
            self._terms = mandate_terms(self._ws, [owner]) if owner else []
        try:
            amount, due = form.amount.value(), form.due.value()
        except ValueError:  # the field itself says what is wrong when saved
            return None
        return mandate_breach(self._terms, owner, amount, due or date.today(),
                              chosen(form.deal))

    def check(self) -> None:
        why = self.breach()
        box = self._form.within_mandate
        if why:
            self.flag.setText("⚠ " + self.tr("Let op: {why}").format(why=why))
            if box.isChecked():
                box.setChecked(False)
                self._unticked = True
        elif self._unticked:
            box.setChecked(True)
            self._unticked = False
        if self.flag.isHidden() == bool(why):
            self.flag.setVisible(bool(why))
            self.shown_changed.emit()
