"""Ask the date and note of one state step (a card moved on the board)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from dealmaker.domain.dates import parse_date
from dealmaker.domain.enums import CommitmentState
from dealmaker.ui.shell.fields import DateField


class StepDialog(QDialog):
    """Date (today) and note of the step to ``state``; ``step()`` is what was typed."""

    def __init__(self, title: str, state: CommitmentState, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepDialog")
        self.setWindowTitle(self.tr("Naar '{state}'").format(state=state.label))
        self.state = state
        intro = QLabel(self.tr("'{title}' gaat naar '{state}'.").format(
            title=title, state=state.label))
        intro.setWordWrap(True)
        self.on = DateField()
        self.on.setObjectName("stepDate")
        self.on.set_value(date.today())
        self.note = QLineEdit()
        self.note.setObjectName("stepNote")
        self.note.setPlaceholderText(
            self.tr("Waarom is de toezegging vervallen?") if state is CommitmentState.VERVALLEN
            else self.tr("Notitie bij deze stap (mag leeg)"))
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Stap &vastleggen"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Datum"), self.on)
        form.addRow(self.tr("&Notitie"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.note.setFocus()
        self.resize(420, self.sizeHint().height())

    def _check(self) -> None:
        try:
            parse_date(self.on.text())
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.on.setFocus()
            return
        self.accept()

    def step(self) -> tuple[date, str]:
        return parse_date(self.on.text()), self.note.text()
