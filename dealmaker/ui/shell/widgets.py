"""Small widget helpers shared by the screens: read-only tables, empty-state texts, widths."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QWidget


def readonly_table(model: QAbstractItemModel, *, row_height: int = 24,
                   sortable: bool = False) -> QTableView:
    """A row-selecting, non-editable table without row numbers (the look of every list)."""
    view = QTableView()
    view.setModel(model)
    if sortable:
        view.setSortingEnabled(True)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(row_height)
    view.horizontalHeader().setHighlightSections(False)
    return view


def empty_text() -> QLabel:
    """The sentence shown instead of a table that has no rows."""
    label = QLabel()
    label.setObjectName("emptyText")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


MIN_COLUMN_WIDTH = 90
SHRINK_FLOOR = 120


def fit_widths(widths: list[int], stretch: list[int], available: int) -> list[int]:
    """Column widths for ``available`` pixels: spare room goes to the ``stretch`` columns.

    When short, the other columns are capped first (not below ``SHRINK_FLOOR``), then all
    of them (not below ``MIN_COLUMN_WIDTH``); capped texts elide, the tooltip has them.
    """
    spare = available - sum(widths)
    if spare >= 0:
        out = list(widths)
        for i in stretch:
            out[i] += spare // len(stretch)
        return out

    def capped(cap: int, which: set[int]) -> list[int]:
        return [min(w, cap) if i in which else w for i, w in enumerate(widths)]

    others = set(range(len(widths))) - set(stretch)
    for which, floor in ((others, SHRINK_FLOOR), (set(range(len(widths))), MIN_COLUMN_WIDTH)):
        cap = max(widths)
        while cap > floor and sum(capped(cap, which)) > available:
            cap = max(cap - 4, floor)
        widths = capped(cap, which)
        if sum(widths) <= available:
            break
    return widths


def fit_to_screen(widget: QWidget, width: int, height: int, margin: int = 40) -> None:
    """Resize a dialog to ``width`` x ``height``, but never past its screen's free area
    (a 1024 x 768 laptop): Opslaan and Sluiten stay on screen."""
    screen = widget.screen()
    if screen is not None:
        free = screen.availableGeometry()
        width, height = min(width, free.width() - margin), min(height, free.height() - margin)
    widget.resize(max(width, widget.minimumSizeHint().width()), height)
