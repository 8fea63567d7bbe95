"""Small field widgets shared by the editors: a money field read by ``parse_eur`` and a
date field (dd-mm-jjjj), each saying in Dutch what is wrong instead of guessing."""

from __future__ import annotations

from collections.abc import Callable
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


class LazyCombo(QComboBox):
    """A combo over a long list (thousands of organisations): it holds only the first
    entry and the chosen one until it is opened, focused or searched, so a screen with it
    opens at once."""

    def __init__(self, name: str, parent: Any = None, *, editable: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        if editable:
            self.setEditable(True)
            self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self._first: tuple[str, object] = ("", None)
        self._pending: list[tuple[str, object]] | Callable[[], list[tuple[str, object]]] | None \
            = None

    def set_loader(self, first: tuple[str, object],
                   load: Callable[[], list[tuple[str, object]]]) -> None:
        """Entries that ``load`` fetches the first time they are needed."""
        self.blockSignals(True)
        super().clear()
        self._first = first
        super().addItem(*first)
        self._pending = load
        self.blockSignals(False)

    def set_choices(self, first: tuple[str, object], choices: list[tuple[str, object]]) -> None:
        """New entries; the chosen one stays chosen when it is still among them."""
        current = self.currentData()
        self.blockSignals(True)
        super().clear()
        self._first = first
        super().addItem(*first)
        for text, data in choices:
            if data == current and current is not None:
                super().addItem(text, data)
                self.setCurrentIndex(1)
        self._pending = list(choices)
        self.blockSignals(False)

    def fill(self) -> None:
        """Put every entry in (keeping the choice); cheap when already done."""
        if self._pending is None:
            return
        pending, self._pending = self._pending, None
        if callable(pending):
            pending = pending()
        current = self.currentData()
        self.blockSignals(True)
        super().clear()
        super().addItem(*self._first)
        for text, data in pending:
            super().addItem(text, data)
        index = super().findData(current) if current is not None else 0
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)

    def findData(self, data: Any, role: int = 256, flags: Any = None) -> int:
        self.fill()
        return super().findData(data, role)

    def findText(self, text: str, flags: Any = None) -> int:
        self.fill()
        return super().findText(text)

    def showPopup(self) -> None:
        self.fill()
        super().showPopup()

    def focusInEvent(self, event: Any) -> None:
        self.fill()
        super().focusInEvent(event)
