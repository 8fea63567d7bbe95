"""Enter and a double-click open a row: once.

A double-click makes a view emit ``doubleClicked`` and then ``activated`` (on styles that
activate on double-click), so a view listening to both opened the record twice: two
windows, or one modal editor after the other. ``connect_open`` listens to both and lets
the ``activated`` that follows a double-click pass.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import QAbstractItemView


def connect_open(view: QAbstractItemView, on_open: Callable[[QModelIndex], object], *,
                 on_double: Callable[[QModelIndex], object] | None = None) -> None:
    """``on_open(index)`` for Enter (and a click on single-click styles); for a
    double-click ``on_double`` when given, else ``on_open``; each once per gesture."""
    clicked = [False]

    def double(index: QModelIndex) -> None:
        clicked[0] = True
        QTimer.singleShot(0, lambda: clicked.__setitem__(0, False))
        (on_double or on_open)(index)

    def activated(index: QModelIndex) -> None:
        if not clicked[0]:
            on_open(index)

    view.doubleClicked.connect(double)
    view.activated.connect(activated)
