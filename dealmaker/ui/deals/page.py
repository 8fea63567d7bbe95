"""Sidebar page 'Deals': the portfolio, reloaded on change when in view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from dealmaker.services.changes import Changes
from dealmaker.ui.deals.view import PortfolioView
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.page import Freshness

TABLES = ("deal", "deal_party", "pledge", "commitment", "meeting", "organisation",
          "workspace_setting")


class DealsPage(QWidget):
    key = "deals"
    shortcut = ""

    #: The portfolio shows fresh rows.
    loaded = Signal()

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{self.key}")
        self._context = context
        self._fresh = Freshness(self.refresh)
        self.portfolio = PortfolioView(context)
        self.portfolio.rows_loaded.connect(self.loaded)
        # in a very small window the page scrolls instead of forcing the window's size
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.portfolio)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.setFocusProxy(self.portfolio.search)
        context.signals.changes_applied.connect(self._on_changes)

    def title(self) -> str:
        return self.tr("Deals")

    def widget(self) -> QWidget:
        return self

    def set_active(self, active: bool) -> None:
        self._fresh.set_active(active)

    def refresh(self) -> None:
        if self._context.workspace() is None:
            self._fresh.stale = True
            return
        self._fresh.stale = False
        self.portfolio.reload()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*TABLES):
            self._fresh.changed()
