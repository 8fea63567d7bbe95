"""A sidebar page: title, live counts and recent-record tables, reloaded on change.

Data comes from ``services.overview.page_summary`` on the task runner (never on the UI
thread). A page reloads when a ``Changes`` it cares about arrives on the signal bus and
it is the page in view; otherwise it only remembers to reload when it is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from dealmaker.services.changes import Changes
from dealmaker.services.overview import PAGE_TABLES, PageSummary, page_summary
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.pages.counts import CountStrip
from dealmaker.ui.pages.section import TableSection
from dealmaker.ui.signals import AppSignals
from dealmaker.ui.tasks import TaskRunner

TABLES_MIN_HEIGHT = 280


@dataclass(frozen=True)
class PageContext:
    """What a page needs: the bus, the task runner and the current workspace."""

    signals: AppSignals
    tasks: TaskRunner
    workspace: Callable[[], Workspace | None]


class SummaryPage(QWidget):
    """Base of the nine pages; subclasses set ``key`` and give ``title`` and ``intro``."""

    key: ClassVar[str]

    #: The page shows fresh data (after a load finished).
    loaded = Signal()

    def __init__(self, context: PageContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{self.key}")
        self._context = context
        self._active = False
        self._stale = True
        self._token = 0
        self.summary: PageSummary | None = None
        self.sections: dict[str, TableSection] = {}

        heading = QLabel(self.title())
        heading.setObjectName("pageTitle")
        intro = QLabel(self.intro())
        intro.setObjectName("pageIntro")
        intro.setWordWrap(True)
        self.counts = CountStrip()
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setMinimumHeight(TABLES_MIN_HEIGHT)

        # In a small window the page scrolls instead of forcing the window's size.
        content = QWidget()
        content.setObjectName("pageContent")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.counts)
        layout.addWidget(self.error)
        layout.addWidget(self.splitter, 1)
        context.signals.changes_applied.connect(self._on_changes)

    def title(self) -> str:
        raise NotImplementedError

    def intro(self) -> str:
        return ""

    def set_active(self, active: bool) -> None:
        """The main window tells the page whether it is the one in view."""
        self._active = active
        if active and self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Reload counts and tables off the UI thread; stale answers are dropped."""
        ws = self._context.workspace()
        if ws is None:  # the first workspace is still being opened
            self._stale = True
            return
        self._stale = False
        self._token += 1
        token = self._token
        self._context.tasks.run(
            page_summary, ws, self.key,
            on_done=lambda summary: self._show(token, ws, summary),
            on_error=lambda exc: self._show_error(token, exc))

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*PAGE_TABLES[self.key]):
            self._stale = True
            if self._active:
                self.refresh()

    def _show(self, token: int, ws: Workspace, summary: PageSummary) -> None:
        if token != self._token or ws is not self._context.workspace():
            return
        self.summary = summary
        self.error.hide()
        self.counts.set_counts(summary.counts)
        for table in summary.tables:
            section = self.sections.get(table.key)
            if section is None:
                section = self.sections[table.key] = TableSection(table.key)
                self.splitter.addWidget(section)
                # the first list is the page's main one; later ones get less room
                self.splitter.setStretchFactor(len(self.sections) - 1,
                                               3 if len(self.sections) == 1 else 2)
            section.set_table(table)
        self.loaded.emit()

    def _show_error(self, token: int, exc: Exception) -> None:
        if token != self._token:
            return
        self.error.setText(self.tr("De gegevens konden niet worden geladen: {error}")
                           .format(error=exc))
        self.error.show()
        self._context.signals.status_message.emit(self.error.text())
