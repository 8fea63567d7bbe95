"""The bottom row of the import dialog: a busy bar with its text, Terug, Volgende,
Annuleren."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class StepButtons(QWidget):
    """Buttons of a step-by-step dialog; the dialog sets their texts and state."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # no steps to count: a moving bar
        self.busy_bar.setMaximumWidth(140)
        self.busy_bar.hide()
        self.busy_label = QLabel()
        self.back = QPushButton(self.tr("< &Terug"))
        self.next = QPushButton(self.tr("&Volgende >"))
        self.next.setDefault(True)
        self.cancel = QPushButton(self.tr("Annuleren"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.busy_bar)
        row.addWidget(self.busy_label, 1)
        for button in (self.back, self.next, self.cancel):
            row.addWidget(button)

    def set_busy(self, label: str) -> None:
        """Show the bar and ``label`` while work runs; an empty label hides them."""
        self.busy_label.setText(label)
        self.busy_bar.setVisible(bool(label))
