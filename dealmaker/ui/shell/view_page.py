"""A sidebar page around one view: scrolls in a small window, reloads on change in view.

The view has ``reload()`` and a ``rows_loaded`` signal. A page names its ``key``, the
``tables`` whose changes make it stale, and its ``title()``; see ui/deals/page.py.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from dealmaker.services.changes import Changes
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.page import Freshness


class ViewPage(QWidget):
    key = ""
    shortcut = ""
    #: tables whose changes make the page stale
    tables: tuple[str, ...] = ()

    #: The view shows fresh rows.
    loaded = Signal()

    def __init__(self, context: AppContext, view: QWidget, focus: QWidget,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{self.key}")
        self._context = context
        self._view = view
        self._fresh = Freshness(self.refresh)
        view.rows_loaded.connect(self.loaded)  # type: ignore[attr-defined]
        # in a very small window the page scrolls instead of forcing the window's size
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.setFocusProxy(focus)
        context.signals.changes_applied.connect(self._on_changes)

    def title(self) -> str:
        raise NotImplementedError

    def widget(self) -> QWidget:
        return self

    def set_active(self, active: bool) -> None:
        self._fresh.set_active(active)

    def refresh(self) -> None:
        if self._context.workspace() is None:
            self._fresh.stale = True
            return
        self._fresh.stale = False
        self._view.reload()  # type: ignore[attr-defined]

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*self.tables):
            self._fresh.changed()
