"""``DashboardPage``: one of the ``DASHBOARDS`` (counts and recent-record tables).

Data comes from ``services.overview.page_summary`` on the task runner (never on the UI
thread). The page reloads when a ``Changes`` it cares about arrives on the signal bus and
it is the page in view; otherwise it only remembers to reload when it is shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from dealmaker.services.changes import Changes
from dealmaker.services.overview import PAGE_TABLES, PageSummary, page_summary
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.dashboard.section import TableSection
from dealmaker.ui.dashboard.sections import CONTEXT, Dashboard
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.frame import PageFrame
from dealmaker.ui.shell.page import Freshness


class DashboardPage(QWidget):
    """A ``Page`` showing ``dashboard``'s counts and tables."""

    #: The page shows fresh data (after a load finished).
    loaded = Signal()

    def __init__(self, context: AppContext, dashboard: Dashboard, parent: Any = None) -> None:
        super().__init__(parent)
        self.key = dashboard.key
        self.shortcut = ""
        self.setObjectName(f"page_{self.key}")
        self._dashboard = dashboard
        self._context = context
        self._fresh = Freshness(self.refresh)
        self._token = 0
        self.summary: PageSummary | None = None
        self.sections: dict[str, TableSection] = {}
        self.frame = PageFrame(self, self.title(), QCoreApplication.translate(
            CONTEXT, dashboard.intro))
        self.counts, self.splitter = self.frame.counts, self.frame.splitter
        context.signals.changes_applied.connect(self._on_changes)

    def title(self) -> str:
        return QCoreApplication.translate(CONTEXT, self._dashboard.title)

    def widget(self) -> QWidget:
        return self

    def set_active(self, active: bool) -> None:
        self._fresh.set_active(active)

    def refresh(self) -> None:
        """Reload counts and tables off the UI thread; stale answers are dropped."""
        ws = self._context.workspace()
        if ws is None:  # the first workspace is still being opened
            self._fresh.stale = True
            return
        self._fresh.stale = False
        self._token += 1
        token = self._token
        self._context.tasks.run(
            page_summary, ws, self.key,
            on_done=lambda summary: self._show(token, ws, summary),
            on_error=lambda exc: self._show_error(token, exc))

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*PAGE_TABLES[self.key]):
            self._fresh.changed()

    def _show(self, token: int, ws: Workspace, summary: PageSummary) -> None:
        if token != self._token or ws is not self._context.workspace():
            return
        self.summary = summary
        self.frame.error.hide()
        self.counts.set_counts(summary.counts)
        for table in summary.tables:
            section = self.sections.get(table.key)
            if section is None:
                section = self.sections[table.key] = TableSection(table.key)
                section.open_requested.connect(self._open_record)
                self.splitter.addWidget(section)
                # the first list is the page's main one; later ones get less room
                self.splitter.setStretchFactor(len(self.sections) - 1,
                                               3 if len(self.sections) == 1 else 2)
            section.set_table(table)
        self.loaded.emit()

    def _open_record(self, kind: str, record_id: str) -> None:
        """A row was opened: its card, editor or page, through the features' commands."""
        commands = self._context.commands
        if kind == "person":
            commands.open_person(self, record_id)
        elif kind == "contact_moment":
            commands.open_contact_moment(self, record_id)
        elif kind == "commitment":
            commands.open_commitment(self, record_id)
        elif kind == "deal":
            commands.open_deal(record_id)
        elif kind == "meeting":  # offered by the meetings screen once it is installed
            open_meeting = getattr(commands, "open_meeting", None)
            if callable(open_meeting):
                open_meeting(self, record_id)

    def _show_error(self, token: int, exc: Exception) -> None:
        if token != self._token:
            return
        self.frame.show_error(self.tr("De gegevens konden niet worden geladen: {error}")
                              .format(error=exc))
        self._context.signals.status_message.emit(self.frame.error.text())
