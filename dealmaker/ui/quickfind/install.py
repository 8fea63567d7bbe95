"""Adds 'Snel zoeken…' (Ctrl+K) to the Bewerken menu of the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from dealmaker.ui.pages.base import PageContext
from dealmaker.ui.quickfind.jump import go_to_hit
from dealmaker.ui.quickfind.popup import QuickFindPopup

if TYPE_CHECKING:
    from dealmaker.ui.main_window import MainWindow

QUICK_FIND = "quick_find"


def install_quickfind(window: MainWindow) -> QAction:
    controller = window.controller
    context = PageContext(controller.signals, controller.tasks, lambda: controller.workspace)
    popup = QuickFindPopup(context, window)
    popup.hit_chosen.connect(lambda hit: go_to_hit(window, context, hit))
    action = QAction(window.tr("&Snel zoeken…"), window)
    action.setObjectName(QUICK_FIND)
    action.setShortcut(QKeySequence("Ctrl+K"))
    action.setStatusTip(window.tr("Een persoon, organisatie of deal zoeken en openen"))
    action.triggered.connect(lambda _checked=False: popup.popup(window))
    window.edit_menu.addAction(action)
    return action
