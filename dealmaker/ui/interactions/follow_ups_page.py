"""Sidebar page 'Opvolgen': the follow-ups that are due, overdue ones in red.

Space (or the button) marks the selected follow-up done; the row leaves the list at once
and the next one is selected, so a list can be worked through with the keyboard. The
export writes every follow-up of the chosen period (not only the rows loaded so far).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QVBoxLayout, QWidget

from dealmaker.services.changes import Changes
from dealmaker.services.follow_ups import filter_choices
from dealmaker.services.interactions import (
    FollowUpRow,
    complete_follow_up,
    count_follow_ups,
    follow_ups,
)
from dealmaker.services.overview import Count
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.interactions import ics
from dealmaker.ui.interactions.follow_ups_actions import FollowUpActions
from dealmaker.ui.interactions.follow_ups_bar import FollowUpsBar, FollowUpsTable
from dealmaker.ui.interactions.follow_ups_model import PAGE
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.frame import PageFrame
from dealmaker.ui.shell.new_key import claims
from dealmaker.ui.shell.open_rows import connect_open
from dealmaker.ui.shell.page import Freshness

TABLES = ("interaction", "interaction_participant", "interaction_deal", "person", "deal")
FOREVER = date.max


def _count(label: str, value: int, warning: bool = False) -> Count:
    return Count(label, value, f"{value:,}".replace(",", "."), warning and value > 0)


def open_counts(ws: Workspace, today: date) -> tuple[int, int]:
    """(all open follow-ups, the overdue ones among them)."""
    return (count_follow_ups(ws, FOREVER),
            count_follow_ups(ws, date.fromordinal(today.toordinal() - 1)))


def first_page(ws: Workspace, until: date, include_done: bool, today: date,
               **filters: str | None) -> tuple[int, list[FollowUpRow], int, int]:
    """(rows in the list, its first page, all open follow-ups, overdue ones), of the
    deal, person and owner in ``filters`` when given."""
    return (count_follow_ups(ws, until, include_done, **filters),
            follow_ups(ws, until, include_done, today, limit=PAGE,
                       deal_id=filters.get("deal_id"), person_id=filters.get("person_id"),
                       owner_id=filters.get("owner_id")),
            *open_counts(ws, today))


class FollowUpsPage(QWidget):
    """A ``Page``: the list of follow-ups with its period bar, counts above it."""

    key = "opvolgen"
    #: the tenth sidebar page has no Ctrl+number of its own
    shortcut = "Ctrl+0"

    #: The list shows fresh data.
    loaded = Signal()

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{self.key}")
        self._context = context
        self._fresh = Freshness(self.refresh)
        self._token = 0
        #: the workspace whose deals, persons and owners the filters offer (None: stale)
        self._choices_of: Workspace | None = None
        self.frame = PageFrame(self, self.title(), self.tr(
            "Wat u na een contactmoment zou doen: eerst wat vandaag en binnenkort komt, dan "
            "het nieuwste achterstallige (in rood). Enter opent het contactmoment, spatie rondt "
            "af, Ctrl+7 verzet een week; kies er meer met Shift of Ctrl."))
        self.counts, self.error = self.frame.counts, self.frame.error
        self._own_operations: set[str] = set()
        self.bar = FollowUpsBar()
        self.table = FollowUpsTable()
        self.model = self.table.model
        self.view = self.table.view
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(self.bar)
        column.addWidget(self.table, 1)
        self.frame.splitter.addWidget(holder)
        self.bar.changed.connect(self.refresh)
        self.bar.done_button.clicked.connect(self.toggle_done)
        self.bar.export_button.clicked.connect(self.export)
        self.bulk = FollowUpActions(context, self, self.selected_ids, self._bulk_done)
        self.bar.week_button.clicked.connect(self.bulk.postpone_week)
        self.bar.move_button.clicked.connect(self.bulk.reschedule)
        self.bar.old_button.clicked.connect(self.bulk.close_old)
        self.bar.assign_button.clicked.connect(self.bulk.assign)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        connect_open(self.view, self._open_moment)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        #: keys the list takes before the window's shortcuts (Ctrl+7 is also "Ga naar" 7)
        self._keys: list[tuple[QKeySequence, Any]] = []
        for text, key, slot in ((self.tr("Afgerond"), Qt.Key.Key_Space, self.toggle_done),
                                (self.tr("+7 dagen"), "Ctrl+7", self.bulk.postpone_week),
                                (self.tr("Verzetten naar…"), "Ctrl+Shift+D",
                                 self.bulk.reschedule),
                                (self.tr("Toewijzen aan…"), "Ctrl+Shift+W",
                                 self.bulk.assign)):
            action = QAction(text, self.view)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.view.addAction(action)
            self._keys.append((QKeySequence(key), slot))
        self.view.installEventFilter(self)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_button())
        self.model.modelReset.connect(self._update_button)
        # every column keeps its width (the table scrolls sideways on a small screen);
        # the last one shown takes what is left on a wide one
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        context.signals.changes_applied.connect(self._on_changes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and any(claims(event, key, slot) for key, slot in self._keys):
            return True
        return super().eventFilter(watched, event)

    def title(self) -> str:
        return self.tr("Opvolgen")

    def widget(self) -> QWidget:
        return self

    def set_active(self, active: bool) -> None:
        self._fresh.set_active(active)

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        ws = self._context.workspace()
        if ws is None:
            self._fresh.stale = True
            return
        self._fresh.stale = False
        self._token += 1
        token, today = self._token, date.today()
        until, include_done = self.bar.until(today), self.bar.include_done()
        filters = self.bar.filters()
        if self._choices_of is not ws:  # not on every filter change: after edits only
            self._choices_of = ws
            self._context.tasks.run(filter_choices, ws,
                                    on_done=lambda c: self.bar.set_filter_choices(*c),
                                    on_error=lambda exc: self._show_error(token, exc))

        def fetch(offset: int, limit: int, deliver: Any) -> None:
            self._context.tasks.run(
                lambda: follow_ups(ws, until, include_done, today, offset=offset,
                                   limit=limit, **filters),
                on_done=deliver, on_error=lambda exc: self._show_error(token, exc))

        def show(result: tuple[int, list[FollowUpRow], int, int]) -> None:
            if token != self._token or ws is not self._context.workspace():
                return
            total, rows, open_all, overdue = result
            self.error.hide()
            self.model.reset(total, rows, fetch)
            self.table.show_list(total, self.bar.describe(today), include_done)
            self._set_counts(open_all, overdue, total)
            self.view.setCurrentIndex(self.model.index(0, 0))
            self.loaded.emit()

        self._context.tasks.run(lambda: first_page(ws, until, include_done, today,
                                                   **filters), on_done=show,
                                on_error=lambda exc: self._show_error(token, exc))

    def _set_counts(self, open_all: int, overdue: int, shown: int) -> None:
        self.counts.set_counts([_count("Open opvolgingen", open_all),
                                _count("Verlopen", overdue, warning=True),
                                _count("In deze lijst", shown)])

    def _on_changes(self, changes: Changes) -> None:
        if changes.operation_id in self._own_operations and not changes.everything:
            return  # the list already shows it
        if changes.touches(*TABLES):
            self._choices_of = None
            self._fresh.changed()

    def _show_error(self, token: int, exc: Exception) -> None:
        if token != self._token:
            return
        self.frame.show_error(self.tr("De gegevens konden niet worden geladen: {error}")
                              .format(error=exc))
        self._context.signals.status_message.emit(self.error.text())

    # ------------------------------------------------------------------ done

    def current(self) -> tuple[int, FollowUpRow] | None:
        row = self.view.currentIndex().row()
        found = self.model.row_at(row)
        return None if found is None else (row, found)

    def _update_button(self) -> None:
        found = self.current()
        self.bar.set_done_state(found[1].done_on is not None if found else None)

    def _open_moment(self, index: QModelIndex) -> None:
        """Enter or a double-click: the contact moment behind the follow-up, in full."""
        found = self.model.row_at(index.row())
        if found is not None:
            self._context.commands.open_contact_moment(self, found.interaction_id)

    def selected_ids(self) -> list[str]:
        """The chosen follow-ups (several with Shift or Ctrl), else the current one."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        found = [item for r in rows if (item := self.model.row_at(r)) is not None]
        if not found and (current := self.current()) is not None:
            found = [current[1]]
        return [item.interaction_id for item in found]

    def _bulk_done(self, changes: Changes, message: str) -> None:
        self._context.signals.status_message.emit(message)
        self._context.signals.changes_applied.emit(changes)
        self.refresh()

    def toggle_done(self) -> None:
        """Mark the selected follow-up done (a finished one: open it again); several
        selected: mark them all done as one step."""
        ids = self.selected_ids()
        if len(ids) > 1:
            self.bulk.close(ids)
            return
        ws, found = self._context.workspace(), self.current()
        if ws is None or found is None:
            return
        row, item = found
        done_on = None if item.done_on is not None else date.today()
        self._context.tasks.run(complete_follow_up, ws, item.interaction_id, done_on,
                                write=True,
                                on_done=lambda changes: self._done(changes, row, item, done_on),
                                on_error=lambda exc: self._show_error(self._token, exc))

    def _done(self, changes: Changes, row: int, item: FollowUpRow,
              done_on: date | None) -> None:
        if changes.operation_id:
            self._own_operations.add(changes.operation_id)
        if self.model.row_at(row) == item:
            if self.bar.include_done():
                self.model.replace(row, _with_done(item, done_on))
            else:
                self.model.remove(row)
                self.view.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1),
                                                           0))
        self.table.show_list(self.model.total, self.bar.describe(date.today()),
                            self.bar.include_done())
        self._update_button()
        self._context.signals.status_message.emit(
            self.tr("Opvolging afgerond: {action}").format(action=item.action or item.summary)
            if done_on else self.tr("Opvolging heropend: {action}").format(
                action=item.action or item.summary))
        self._context.signals.changes_applied.emit(changes)
        ws = self._context.workspace()
        if ws is not None:
            self._context.tasks.run(
                open_counts, ws, date.today(),
                on_done=lambda r: self._set_counts(r[0], r[1], self.model.total),
                on_error=lambda exc: self._show_error(self._token, exc))

    # ------------------------------------------------------------------ export

    def export(self) -> None:
        ws = self._context.workspace()
        if ws is None:
            return
        path = ics.ask_path(self)
        if path is None:
            return
        today = date.today()
        until, include_done = self.bar.until(today), self.bar.include_done()
        self._context.tasks.run(
            ics.export, ws, until, include_done, today, path, write=False,
            on_done=lambda n: self._context.signals.status_message.emit(
                (self.tr("1 opvolging geëxporteerd naar {name}.") if n == 1 else
                 self.tr("{n} opvolgingen geëxporteerd naar {name}.")).format(
                    n=n, name=path.name)),
            on_error=lambda exc: self._show_error(self._token, exc))


def _with_done(item: FollowUpRow, done_on: date | None) -> FollowUpRow:
    return replace(item, done_on=done_on, overdue=done_on is None and
                   item.follow_up_on < date.today())
