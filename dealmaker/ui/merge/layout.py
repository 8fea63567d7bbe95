"""Small layout and text helpers for the merge dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLayout


def clear_grid(grid: QGridLayout | QLayout) -> None:
    """Remove and delete every widget in ``grid``."""
    while grid.count():
        item = grid.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()


def one_line(text: str, width: int) -> str:
    """``text`` on one line ('/' between lines), shortened to ``width`` with '…'."""
    flat = " / ".join(part.strip() for part in text.splitlines() if part.strip())
    return flat if len(flat) <= width else flat[:width - 1].rstrip() + "…"
