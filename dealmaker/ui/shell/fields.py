"""Small field widgets shared by the editors: a money field read by ``parse_eur`` and a
date field (dd-mm-jjjj), each saying in Dutch what is wrong instead of guessing."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit

from dealmaker.domain.dates import format_date, parse_date
from dealmaker.domain.money import format_eur, parse_eur


class MoneyField(QLineEdit):
    """Empty is ``None``; anything else must be an exact amount (``value`` raises)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("bijv. 2,5 mln of € 250.000"))

    def value(self) -> int | None:
        text = self.text().strip()
        return None if not text else parse_eur(text)

    def set_value(self, cents: int | None) -> None:
        self.setText(format_eur(cents) if cents is not None else "")


class DateField(QLineEdit):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("dd-mm-jjjj"))

    def value(self) -> date | None:
        text = self.text().strip()
        return None if not text else parse_date(text)

    def set_value(self, value: date | None) -> None:
        self.setText(format_date(value))


def searchable_combo(name: str) -> QComboBox:
    """A combo the user can type in to find an entry (long lists of parties)."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setMaxVisibleItems(20)
    combo.setMinimumWidth(240)
    return combo


def choose(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def chosen(combo: QComboBox) -> Any:
    """The data of the chosen entry; a typed text matching no entry counts as none."""
    index = combo.findText(combo.currentText())
    return combo.itemData(index) if index >= 0 else None
