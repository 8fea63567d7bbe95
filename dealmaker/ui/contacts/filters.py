"""The filter row above the Contacten table: side, organisation kind, deal, tag, koud."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QPushButton, QWidget

from dealmaker.domain.enums import OrgKind, Side
from dealmaker.services.directory import ContactQuery
from dealmaker.ui.contacts.options import FilterOptions

COMBO_MAX_WIDTH = 230
COMBO_MIN_WIDTH = 90
#: the arrow and frame of a combo beside its text
COMBO_CHROME = 44


class FilterBar(QWidget):
    """Emits ``changed`` when the user picks another filter; ``apply`` puts them in a query."""

    #: The user changed a filter.
    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.clear_button = QPushButton(self.tr("Filters &wissen"))
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.clicked.connect(self.reset)
        self.clear_button.setEnabled(False)
        self.side = self._combo("sideFilter", self.tr("Kant"))
        self.side.addItem(self.tr("Rijk en regio"), None)
        for side in Side:
            self.side.addItem(side.label, side.value)
        self.kind = self._combo("kindFilter", self.tr("Soort organisatie"))
        self.kind.addItem(self.tr("Alle soorten organisaties"), None)
        for kind in OrgKind:
            self.kind.addItem(kind.label, kind.value)
        self.deal = self._combo("dealFilter", self.tr("Deal"))
        self.deal.addItem(self.tr("Alle deals"), None)
        self.tag = self._combo("tagFilter", self.tr("Tag"))
        self.tag.addItem(self.tr("Alle tags"), None)
        self.cold = QCheckBox(self.tr("Alleen &koud"))
        self.cold.setObjectName("coldFilter")
        self.cold.setToolTip(self.tr("Alleen contacten die u niet hebt gesproken binnen hun "
                                     "contactfrequentie (of nog nooit)"))
        self.cold.toggled.connect(self._on_change)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        for combo in (self.side, self.kind, self.deal, self.tag):
            row.addWidget(combo)
        row.addWidget(self.cold)
        row.addStretch(1)
        row.addWidget(self.clear_button)
        for combo in (self.side, self.kind, self.deal, self.tag):
            combo.currentIndexChanged.connect(self._on_change)
            # the 'all' entry always fits (a long deal or tag name chosen may elide)
            combo.setMinimumWidth(min(COMBO_MAX_WIDTH, combo.fontMetrics().horizontalAdvance(
                combo.itemText(0)) + COMBO_CHROME))

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setToolTip(tip)
        combo.setAccessibleName(tip)
        combo.setMaximumWidth(COMBO_MAX_WIDTH)
        combo.setMinimumWidth(COMBO_MIN_WIDTH)  # raised to the "all" entry once filled
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _on_change(self) -> None:
        self.clear_button.setEnabled(self.active())
        self.changed.emit()

    def active(self) -> bool:
        """Any filter set?"""
        return self.cold.isChecked() or any(
            c.currentIndex() > 0 for c in (self.side, self.kind, self.deal, self.tag))

    def reset(self) -> None:
        """All filters off (one ``changed``)."""
        for widget in (self.side, self.kind, self.deal, self.tag, self.cold):
            widget.blockSignals(True)
        for combo in (self.side, self.kind, self.deal, self.tag):
            combo.setCurrentIndex(0)
        self.cold.setChecked(False)
        for widget in (self.side, self.kind, self.deal, self.tag, self.cold):
            widget.blockSignals(False)
        self._on_change()

    def set_options(self, options: FilterOptions) -> None:
        """Fill the deal and tag lists, keeping the chosen ones when they still exist."""
        for combo, items in ((self.deal, options.deals), (self.tag, options.tags)):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for item_id, name in items:
                combo.addItem(name, item_id)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
            combo.blockSignals(False)
            if chosen and combo.currentData() != chosen:  # it was deleted
                self._on_change()

    def select(self, combo: QComboBox, value: str | None) -> None:
        """Choose the entry with ``value`` (``None``: the 'all' entry)."""
        combo.setCurrentIndex(0 if value is None else max(0, combo.findData(value)))

    def apply(self, query: ContactQuery) -> ContactQuery:
        """``query`` with the chosen filters."""
        side, kind = self.side.currentData(), self.kind.currentData()
        return replace(query, side=Side(side) if side else None,
                       org_kind=OrgKind(kind) if kind else None,
                       deal_id=self.deal.currentData() or None,
                       tag=self.tag.currentData() or None, cold_only=self.cold.isChecked())
