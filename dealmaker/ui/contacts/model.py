"""The Contacten table model: rows fetched lazily, page by page, from ``query_contacts``.

Filtering, searching and sorting happen in SQL (``services.directory``); the model only
holds the rows fetched so far. ``canFetchMore``/``fetchMore`` ask for the next page when
the view scrolls near the end. Every query runs off the UI thread through a
``LatestOnly`` lane: while the user types, only the newest query's answer is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from dealmaker.services.directory import ContactQuery, ContactRow, count_contacts, query_contacts
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.contacts import columns as C
from dealmaker.ui.shell.latest_only import LatestOnly
from dealmaker.ui.shell.table_model import ATTENTION, AttentionRole, ObjectRole, SortRole
from dealmaker.ui.shell.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex

#: rows of a new query (a screenful and more; fewer rows answer a keystroke sooner)
FIRST_PAGE = 50
#: rows per ``fetchMore``
PAGE_SIZE = 100
#: a reload (after an edit) fetches as many rows as were shown, up to this many
MAX_KEEP = 2_000

_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class FirstPage:
    rows: list[ContactRow]
    #: all rows the query has
    total: int


def load_first(ws: Workspace, query: ContactQuery, limit: int) -> FirstPage:
    """The first ``limit`` rows and the count (not counted again when all fit)."""
    rows = query_contacts(ws, query, 0, limit)
    total = len(rows) if len(rows) < limit else count_contacts(ws, query)
    return FirstPage(rows, total)


def _tr(text: str) -> str:
    return QCoreApplication.translate(C.CONTEXT, text)


class ContactTableModel(QAbstractTableModel):
    """Contacts of the current ``query``; ``total`` is how many match in all."""

    #: The first rows of a new query (or a reload) are in the table.
    rows_loaded = Signal()
    #: A query failed; carries the Dutch message.
    load_failed = Signal(str)

    def __init__(self, tasks: TaskRunner, workspace: Callable[[], Workspace | None],
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._lane = LatestOnly(tasks, self)
        self._rows: list[ContactRow] = []
        self._total = 0
        self._query = ContactQuery()
        self._generation = 0
        self._loading = False
        self._fetching = False
        self._today = date.today()

    @property
    def query(self) -> ContactQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    @property
    def loading(self) -> bool:
        """A new query was asked for and its rows are not in yet."""
        return self._loading

    def row_at(self, row: int) -> ContactRow:
        return self._rows[row]

    def person_ids(self) -> list[str]:
        return [r.person_id for r in self._rows]

    def set_query(self, query: ContactQuery, *, keep: int = 0) -> None:
        """Show ``query``: fetch its first page (at least ``keep`` rows) off the UI thread."""
        self._query = query
        self._generation += 1
        generation = self._generation
        ws = self._workspace()
        if ws is None:
            self._loading = False
            return
        self._loading = True
        limit = max(FIRST_PAGE, min(keep, MAX_KEEP))
        self._lane.submit(lambda: load_first(ws, query, limit),
                          lambda page: self._reset(generation, ws, page), self._failed)

    def reload(self) -> None:
        """The same query again (data changed), keeping as many rows as were shown."""
        self.set_query(self._query, keep=len(self._rows))

    def _reset(self, generation: int, ws: Workspace, page: FirstPage) -> None:
        if generation != self._generation or ws is not self._workspace():
            return
        self.beginResetModel()
        self._rows = list(page.rows)
        self._total = page.total
        self._loading = self._fetching = False
        self._today = date.today()
        self.endResetModel()
        self.rows_loaded.emit()

    def _failed(self, exc: Exception) -> None:
        self._loading = self._fetching = False
        self.load_failed.emit(_tr("De contacten konden niet worden geladen: {error}")
                              .format(error=exc))

    # ---------------------------------------------------------------- lazy fetching

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return (not parent.isValid() and not self._loading and not self._fetching
                and len(self._rows) < self._total)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        ws = self._workspace()
        if not self.canFetchMore(parent) or ws is None:
            return
        self._fetching = True
        generation, offset, query = self._generation, len(self._rows), self._query
        self._lane.submit(lambda: query_contacts(ws, query, offset, PAGE_SIZE),
                          lambda rows: self._append(generation, offset, rows), self._failed)

    def _append(self, generation: int, offset: int, rows: list[ContactRow]) -> None:
        if generation != self._generation or offset != len(self._rows):
            return
        self._fetching = False
        if not rows:  # fewer rows than counted (deleted meanwhile)
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    # ---------------------------------------------------------------- sorting in SQL

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` in the service; columns without a sort key are ignored."""
        key = C.COLUMNS[column].sort if 0 <= column < len(C.COLUMNS) else None
        if key is None:
            return
        query = replace(self._query, sort=key,
                        descending=order == Qt.SortOrder.DescendingOrder)
        if query != self._query:
            self.set_query(query)

    # ---------------------------------------------------------------- the table

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(C.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == C.LAST_CONTACT and row.last_contact_on is None:
                return _tr("nooit")
            return C.display(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        if role == SortRole:
            return C.sort_value(row, col)
        if role == ObjectRole:
            return row.person_id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT
        if role in (Qt.ItemDataRole.ForegroundRole, AttentionRole):
            attention = self._attention(row, col)
            if role == AttentionRole:
                return attention
            return ATTENTION if attention else None
        return None

    def _attention(self, row: ContactRow, col: int) -> bool:
        return ((col == C.LAST_CONTACT and row.cold)
                or (col == C.NEXT_FOLLOW_UP and C.follow_up_overdue(row, self._today)))

    def _tooltip(self, row: ContactRow, col: int) -> str | None:
        if col == C.LAST_CONTACT and row.cold:
            return _tr("Koud: geen contact in de laatste {days} dagen").format(
                days=row.cadence_days)
        if col == C.NEXT_FOLLOW_UP and C.follow_up_overdue(row, self._today):
            return _tr("Opvolging verlopen sinds {date}").format(
                date=C.display(row, col))
        if col == C.NAME:
            return " · ".join(x for x in (row.display_name, row.email, row.phone) if x)
        return C.display(row, col) or None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(C.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(C.COLUMNS[section].label)
        if role == Qt.ItemDataRole.ToolTipRole and C.COLUMNS[section].sort is None:
            return _tr("Op deze kolom wordt niet gesorteerd")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT
        return None
