"""The portfolio's context menu: the record actions, then the rows behind a deal's
figures (the same as a double-click on the figure), then the rules per tranche."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from dealmaker.ui.deals.portfolio_model import OPEN, OVERDUE, RIJK, RULES


def drill_actions() -> list[tuple[str, int]]:
    t = QCoreApplication.translate
    return [(t("deals", "Regels &uitleggen…"), RULES),
            (t("deals", "&Bijdragen in Cofinanciering"), RIJK),
            (t("deals", "Open &toezeggingen"), OPEN),
            (t("deals", "&Verlopen toezeggingen"), OVERDUE)]


def portfolio_menu(parent: QWidget, on_row: bool,
                   record: Sequence[tuple[str, Callable[[], None], bool]],
                   drill: Callable[[int], None], rules: Callable[[], None]) -> QMenu:
    """``record``: (text, slot, needs a row); ``drill`` gets the figure's column."""
    menu = QMenu(parent)
    for text, slot, needs_row in record:
        action = QAction(text, menu)
        action.setEnabled(on_row or not needs_row)
        action.triggered.connect(slot)
        menu.addAction(action)
    menu.addSeparator()
    for text, column in drill_actions():
        action = QAction(text, menu)
        action.setEnabled(on_row)
        action.triggered.connect(lambda _=False, c=column: drill(c))
        menu.addAction(action)
    menu.addSeparator()
    edit = QAction(QCoreApplication.translate("deals", "Cofinancierings&regels…"), menu)
    edit.triggered.connect(rules)
    menu.addAction(edit)
    return menu
