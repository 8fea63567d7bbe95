"""The filter row of the register: view (verlopen, deze maand, ...), owner, deal, party,
Rijk -> regio only."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QPushButton, QWidget

from dealmaker.domain.enums import CommitmentState, Side
from dealmaker.services.commitments.register import (
    Choice,
    CommitmentQuery,
    CommitmentView,
    RegisterOptions,
)
from dealmaker.ui.shell.fields import LazyCombo

COMBO_MAX_WIDTH = 220
#: the view combo's data prefix of "only this state"
STATE = "status:"


class RegisterFilters(QWidget):
    #: The user changed a filter.
    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.view = self._combo("viewFilter", self.tr("Welke toezeggingen"))
        for text, value in ((self.tr("Alle"), CommitmentView.ALL),
                            (self.tr("Open"), CommitmentView.OPEN),
                            (self.tr("Verlopen"), CommitmentView.OVERDUE),
                            (self.tr("Deze maand af"), CommitmentView.THIS_MONTH)):
            self.view.addItem(text, value.value)
        self.view.insertSeparator(self.view.count())
        for state in CommitmentState:  # one state: what the board shows as a column
            self.view.addItem(self.tr("Status: {state}").format(state=state.label),
                              STATE + state.value)
        self.owner = self._combo("ownerFilter", self.tr("Eigenaar (mijn toezeggingen)"))
        self.deal = self._combo("dealFilter", self.tr("Deal"), LazyCombo("dealFilter"))
        self.party = self._combo("partyFilter", self.tr("Partij (van of aan)"),
                                 LazyCombo("partyFilter"))
        self.rijk = QCheckBox(self.tr("Alleen Rijk → &regio"))
        self.rijk.setObjectName("rijkFilter")
        self.rijk.setToolTip(self.tr("Alleen wat het Rijk aan de regio heeft toegezegd"))
        self.rijk.toggled.connect(self._on_change)
        self.clear_button = QPushButton(self.tr("Filters &wissen"))
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.clicked.connect(self.reset)
        self.set_options(RegisterOptions((), (), (), 0))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for combo in self._combos():
            row.addWidget(combo)
            combo.currentIndexChanged.connect(self._on_change)
        row.addWidget(self.rijk)
        row.addStretch(1)
        row.addWidget(self.clear_button)
        self.clear_button.setEnabled(False)

    def _combos(self) -> tuple[QComboBox, ...]:
        return (self.view, self.owner, self.deal, self.party)

    def _combo(self, name: str, tip: str, combo: QComboBox | None = None) -> QComboBox:
        combo = combo or QComboBox()
        combo.setObjectName(name)
        combo.setToolTip(tip)
        combo.setAccessibleName(tip)
        combo.setMaximumWidth(COMBO_MAX_WIDTH)
        combo.setMinimumWidth(90)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def set_options(self, options: RegisterOptions) -> None:
        """New choices; the current ones stay chosen when they still exist."""
        for combo, everyone, choices in (
                (self.owner, self.tr("Alle eigenaren"), options.owners),
                (self.deal, self.tr("Alle deals"), options.deals),
                (self.party, self.tr("Alle partijen"), options.parties)):
            self._fill(combo, everyone, choices)

    def _fill(self, combo: QComboBox, everyone: str, choices: tuple[Choice, ...]) -> None:
        current = combo.currentData()
        if isinstance(combo, LazyCombo):  # long lists: filled when opened
            combo.set_choices((everyone, None), [(c.name, c.id) for c in choices])
            if current is not None and combo.currentData() != current:
                self._on_change()
            return
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everyone, None)
        for choice in choices:
            combo.addItem(choice.name, choice.id)
        found = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)
        if current is not None and found < 0:
            self._on_change()

    def _on_change(self) -> None:
        self.clear_button.setEnabled(self.active())
        self.changed.emit()

    def active(self) -> bool:
        return self.rijk.isChecked() or any(c.currentIndex() > 0 for c in self._combos())

    def reset(self) -> None:
        for widget in (*self._combos(), self.rijk):
            widget.blockSignals(True)
        for combo in self._combos():
            combo.setCurrentIndex(0)
        self.rijk.setChecked(False)
        for widget in (*self._combos(), self.rijk):
            widget.blockSignals(False)
        self._on_change()

    def show_state(self, state: CommitmentState | None) -> None:
        """Filter on ``state`` (the board's "n meer" opens the list so)."""
        self.view.setCurrentIndex(max(self.view.findData(STATE + state.value) if state else 0,
                                      0))

    def apply(self, query: CommitmentQuery) -> CommitmentQuery:
        view = str(self.view.currentData())
        state = CommitmentState(view[len(STATE):]) if view.startswith(STATE) else None
        return replace(query, view=CommitmentView.ALL if state else CommitmentView(view),
                       state=state,
                       owner_id=self.owner.currentData(), deal_id=self.deal.currentData(),
                       party_id=self.party.currentData(),
                       from_side=Side.RIJK if self.rijk.isChecked() else None)
