"""A strip of count cards: a big number with its label, red when it needs attention."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from dealmaker.services.overview import Count

CARDS_PER_ROW = 6
MIN_COLUMNS = 1
CARD_MIN_WIDTH = 120
SPACING = 10


class CountCard(QFrame):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("countCard")
        self.value = QLabel()
        self.value.setObjectName("countValue")
        self.caption = QLabel()
        self.caption.setObjectName("countCaption")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(2)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addStretch(1)
        # every card as tall as a two-line caption, so a row of cards lines up
        caption_lines = 2 * self.caption.fontMetrics().lineSpacing()
        self.setFixedHeight(self.value.sizeHint().height() + caption_lines + 26)
        self.setMinimumWidth(CARD_MIN_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_count(self, count: Count) -> None:
        self.value.setText(count.text)
        self.caption.setText(QCoreApplication.translate("overview", count.label))
        self.value.setProperty("warning", count.warning)
        self.value.style().unpolish(self.value)
        self.value.style().polish(self.value)


class CountStrip(QWidget):
    """Shows a page's ``Count`` list as cards that flow onto more rows when narrow.

    Its minimum width is one card; the page scrolls when the cards need more height.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(SPACING)
        self._grid.setVerticalSpacing(SPACING)
        self._cards: list[CountCard] = []
        self._counts: tuple[Count, ...] = ()
        self._columns = 0

    def set_counts(self, counts: Sequence[Count]) -> None:
        while len(self._cards) < len(counts):
            self._cards.append(CountCard(self))
        for i, card in enumerate(self._cards):
            card.setVisible(i < len(counts))
            if i < len(counts):
                card.set_count(counts[i])
        self._counts = tuple(counts)
        self._relayout(self._columns_for(self.width()))

    def values(self) -> dict[str, str]:
        """Shown texts by (untranslated) label, for tests and accessibility checks."""
        return {c.label: c.text for c in self._counts}

    def minimumSizeHint(self) -> QSize:
        return QSize(self._card_width(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        columns = self._columns_for(event.size().width())
        if columns != self._columns:
            self._relayout(columns)

    def _visible(self) -> list[CountCard]:
        return self._cards[: len(self._counts)]

    def _card_width(self) -> int:
        return max((c.minimumSizeHint().width() for c in self._visible()),
                   default=CARD_MIN_WIDTH)

    def _columns_for(self, width: int) -> int:
        """As many cards a row as fit, spread evenly: 4 cards are 4 or 2+2, never 3+1."""
        fits = (width + SPACING) // (self._card_width() + SPACING)
        fits = max(MIN_COLUMNS, min(CARDS_PER_ROW, fits))
        count = max(1, len(self._visible()))
        rows = -(-count // fits)
        return -(-count // rows)

    def _relayout(self, columns: int) -> None:
        self._columns = columns
        for card in self._cards:
            self._grid.removeWidget(card)
        for i, card in enumerate(self._visible()):
            self._grid.addWidget(card, i // columns, i % columns)
        for col in range(self._grid.columnCount()):
            self._grid.setColumnStretch(col, 1 if col < columns else 0)
        self.updateGeometry()
