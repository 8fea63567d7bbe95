"""A read-only row table whose columns always fill its width (``fit_widths``): the
stretch columns take spare room, the others give way first when short (texts elide;
the tooltips hold them)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from dealmaker.ui.shell.widgets import fit_widths

ROW_HEIGHT = 26


class FittedTable(QTableView):
    def __init__(self, name: str, chars: Sequence[int], stretch: Sequence[int],
                 parent: Any = None, *, optional: Sequence[int] = ()) -> None:
        """``optional``: columns hidden, in this order, while the others do not fit."""
        super().__init__(parent)
        self.setObjectName(name)
        self._chars, self._stretch = list(chars), list(stretch)
        self._optional = list(optional)
        #: columns not shown at all (e.g. Deal while the screen shows one deal)
        self.always_hidden: set[int] = set()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.viewport().installEventFilter(self)

    def _widths(self) -> list[int]:
        # a digit's width: amounts and dates must fit whole, and digits are wide
        char = self.fontMetrics().horizontalAdvance("0")
        header = self.horizontalHeader()
        model = self.model()
        return [max(c * char, header.fontMetrics().horizontalAdvance(
            str(model.headerData(i, Qt.Orientation.Horizontal) if model else "")) + 24)
            for i, c in enumerate(self._chars)]

    def _fit(self, available: int) -> None:
        widths = self._widths()
        hidden: set[int] = set(self.always_hidden)
        for col in self._optional:
            if sum(w for i, w in enumerate(widths) if i not in hidden) <= available:
                break
            hidden.add(col)
        shown = [i for i in range(len(widths)) if i not in hidden]
        fitted = fit_widths([widths[i] for i in shown],
                            [shown.index(i) for i in self._stretch if i in shown], available)
        header = self.horizontalHeader()
        for i in range(len(widths)):
            self.setColumnHidden(i, i in hidden)
        for i, width in zip(shown, fitted, strict=True):
            header.resizeSection(i, width)

    def refit(self) -> None:
        self._fit(self.viewport().width())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self._fit(self.viewport().width())
        return super().eventFilter(watched, event)
