"""A field for an exact number typed the Dutch way (``12,5``), read by ``parse_decimal``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QLineEdit

from dealmaker.domain.charts import format_decimal
from dealmaker.domain.numbers import parse_decimal


class NumberField(QLineEdit):
    """Empty is ``None``; anything else must be an exact number (``value`` raises)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("bijv. 12,5"))

    def value(self) -> Decimal | None:
        text = self.text().strip()
        return None if not text else parse_decimal(text)

    def set_value(self, value: Decimal | None) -> None:
        self.setText("" if value is None else format_decimal(value))
