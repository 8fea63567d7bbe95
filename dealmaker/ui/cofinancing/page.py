"""Sidebar page 'Cofinanciering': the ledger, reloaded on change when in view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from dealmaker.services.changes import Changes
from dealmaker.ui.cofinancing.view import LedgerView
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.page import Freshness

TABLES = ("pledge", "deal", "organisation")


class CofinancingPage(QWidget):
    key = "cofinanciering"
    shortcut = ""

    #: The ledger shows fresh rows.
    loaded = Signal()

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{self.key}")
        self._context = context
        self._fresh = Freshness(self.refresh)
        self.ledger = LedgerView(context)
        self.ledger.rows_loaded.connect(self.loaded)
        # in a very small window the page scrolls instead of forcing the window's size
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.ledger)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.setFocusProxy(self.ledger.table)
        context.signals.changes_applied.connect(self._on_changes)

    def title(self) -> str:
        return self.tr("Cofinanciering")

    def widget(self) -> QWidget:
        return self

    def set_active(self, active: bool) -> None:
        self._fresh.set_active(active)

    def refresh(self) -> None:
        if self._context.workspace() is None:
            self._fresh.stale = True
            return
        self._fresh.stale = False
        self.ledger.reload()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*TABLES):
            self._fresh.changed()
