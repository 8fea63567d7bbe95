"""The filter row of the register: view (verlopen, deze maand, ...), owner, deal, party,
Rijk -> regio only."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QPushButton, QWidget

from dealmaker.domain.enums import Side
from dealmaker.services.commitments.register import (
    Choice,
    CommitmentQuery,
    CommitmentView,
    RegisterOptions,
)
from dealmaker.ui.shell.fields import LazyCombo

COMBO_MAX_WIDTH = 220


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
        for combo in (self.view, self.owner, self.deal, self.party):
            row.addWidget(combo)
            combo.currentIndexChanged.connect(self._on_change)
        row.addWidget(self.rijk)
        row.addStretch(1)
        row.addWidget(self.clear_button)
        self.clear_button.setEnabled(False)

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
        return self.rijk.isChecked() or any(
            c.currentIndex() > 0 for c in (self.view, self.owner, self.deal, self.party))

    def reset(self) -> None:
        for combo in (self.view, self.owner, self.deal, self.party, self.rijk):
            combo.blockSignals(True)
        for combo in (self.view, self.owner, self.deal, self.party):
            combo.setCurrentIndex(0)
        self.rijk.setChecked(False)
        for combo in (self.view, self.owner, self.deal, self.party, self.rijk):
            combo.blockSignals(False)
        self._on_change()

    def apply(self, query: CommitmentQuery) -> CommitmentQuery:
        return replace(query, view=CommitmentView(self.view.currentData()),
                       owner_id=self.owner.currentData(), deal_id=self.deal.currentData(),
                       party_id=self.party.currentData(),
                       from_side=Side.RIJK if self.rijk.isChecked() else None)
