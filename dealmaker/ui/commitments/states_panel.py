"""The dated steps of a commitment and the form for the next step (date, note)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from dealmaker.domain.commitment_states import NEXT
from dealmaker.domain.dates import format_date
from dealmaker.domain.enums import CommitmentState
from dealmaker.ui.shell.fields import DateField


class StatesPanel(QGroupBox):
    #: The user asks for a step: (state, date text, note).
    step_requested = Signal(object, str, str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(self.tr("Status en stappen"), parent)
        self.steps = QListWidget()
        self.steps.setObjectName("steps")
        self.steps.setMaximumHeight(96)
        self.next_state = QComboBox()
        self.next_state.setObjectName("nextState")
        self.on = DateField()
        self.on.setObjectName("stepDate")
        self.on.setMaximumWidth(110)
        self.note = QLineEdit()
        self.note.setObjectName("stepNote")
        self.note.setPlaceholderText(self.tr("Notitie bij deze stap"))
        self.take = QPushButton(self.tr("Stap &vastleggen"))
        self.take.setObjectName("takeStep")
        self.take.clicked.connect(self._request)
        row = QHBoxLayout()
        for w in (self.next_state, self.on):
            row.addWidget(w)
        row.addWidget(self.note, 1)
        row.addWidget(self.take)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addLayout(row)

    def show_steps(self, current: CommitmentState,
                   steps: tuple[tuple[CommitmentState, date, str], ...]) -> None:
        self.steps.clear()
        for state, on, note in steps:
            self.steps.addItem(" · ".join(x for x in (format_date(on), state.label, note) if x))
        self.next_state.clear()
        for state in NEXT[current]:
            self.next_state.addItem(state.label, state.value)
        final = not NEXT[current]
        for w in (self.next_state, self.on, self.note, self.take):
            w.setEnabled(not final)
        self.on.set_value(date.today())
        self.note.clear()
        self.setTitle(self.tr("Status: {state}").format(state=current.label)
                      + (self.tr(" (eindtoestand)") if final else ""))

    def _request(self) -> None:
        data = self.next_state.currentData()
        if data is not None:
            self.step_requested.emit(CommitmentState(data), self.on.text(), self.note.text())
