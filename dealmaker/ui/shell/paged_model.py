"""A table model over a query answered page by page by a service, off the UI thread.

The first page of a new query (or a reload, keeping as many rows as were shown) and each
further page (``fetchMore``, as the view scrolls) go through a ``LatestOnly`` lane: only
the newest answer counts, and an answer for an older query or another workspace is
dropped. Sorting is a new query (the service sorts in SQL). A subclass names its service
(``fetch``, ``count``), its columns, the id of a row and how a cell looks (``data``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from dealmaker.storage.workspace import Workspace
from dealmaker.ui.shell.latest_only import LatestOnly
from dealmaker.ui.shell.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
Q = TypeVar("Q")
R = TypeVar("R")


class Column(Protocol):
    @property
    def sort(self) -> Any: ...


@dataclass(frozen=True)
class FirstPage(Generic[R]):
    rows: list[R]
    #: all rows the query has
    total: int


def first_page(fetch: Callable[[Workspace, Q, int, int], list[R]],
               count: Callable[[Workspace, Q], int],
               ws: Workspace, query: Q, limit: int) -> FirstPage[R]:
    """The first ``limit`` rows and the count (not counted again when all fit)."""
    rows = fetch(ws, query, 0, limit)
    total = len(rows) if len(rows) < limit else count(ws, query)
    return FirstPage(rows, total)


class PagedQueryModel(QAbstractTableModel, Generic[Q, R]):
    """Rows of the current ``query``; ``total`` is how many match in all."""

    #: The first rows of a new query (or a reload) are in the table.
    rows_loaded = Signal()
    #: A query failed; carries the Dutch message.
    load_failed = Signal(str)

    #: rows of a new query, rows per ``fetchMore``, most rows a reload fetches again
    first_page_size = 50
    page_size = 100
    max_keep = 2_000
    columns: Sequence[Column] = ()

    def __init__(self, tasks: TaskRunner, workspace: Callable[[], Workspace | None],
                 query: Q, parent: Any = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._lane = LatestOnly(tasks, self)
        self._rows: list[R] = []
        self._total = 0
        self._query = query
        self._generation = 0
        self._loading = self._fetching = False
        self._today = date.today()

    # ------------------------------------------------------------ what a subclass says

    def fetch(self, ws: Workspace, query: Q, offset: int, limit: int) -> list[R]:
        raise NotImplementedError

    def count(self, ws: Workspace, query: Q) -> int:
        raise NotImplementedError

    def failed_text(self, exc: Exception) -> str:
        raise NotImplementedError

    def today_of(self, query: Q) -> date:
        """The day overdue and cold are judged against (for a new page of rows)."""
        return date.today()

    # ------------------------------------------------------------ the query

    @property
    def query(self) -> Q:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    @property
    def loading(self) -> bool:
        """A new query was asked for and its rows are not in yet."""
        return self._loading

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def set_query(self, query: Q, *, keep: int = 0) -> None:
        """Show ``query``: fetch its first page (at least ``keep`` rows) off the UI thread."""
        self._query = query
        self._generation += 1
        generation, ws = self._generation, self._workspace()
        if ws is None:
            self._loading = False
            return
        self._loading = True
        limit = max(self.first_page_size, min(keep, self.max_keep))
        self._lane.submit(lambda: first_page(self.fetch, self.count, ws, query, limit),
                          lambda page: self._reset(generation, ws, page), self._failed)

    def reload(self) -> None:
        """The same query again (data changed), keeping as many rows as were shown."""
        self.set_query(self._query, keep=len(self._rows))

    def _reset(self, generation: int, ws: Workspace, page: FirstPage[R]) -> None:
        if generation != self._generation or ws is not self._workspace():
            return
        self.beginResetModel()
        self._rows, self._total = list(page.rows), page.total
        self._loading = self._fetching = False
        self._today = self.today_of(self._query)
        self.endResetModel()
        self.rows_loaded.emit()

    def _failed(self, exc: Exception) -> None:
        self._loading = self._fetching = False
        self.load_failed.emit(self.failed_text(exc))

    # ------------------------------------------------------------ lazy fetching

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return (not parent.isValid() and not self._loading and not self._fetching
                and len(self._rows) < self._total)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        ws = self._workspace()
        if not self.canFetchMore(parent) or ws is None:
            return
        self._fetching = True
        generation, offset, query = self._generation, len(self._rows), self._query
        self._lane.submit(lambda: self.fetch(ws, query, offset, self.page_size),
                          lambda rows: self._append(generation, offset, rows), self._failed)

    def _append(self, generation: int, offset: int, rows: list[R]) -> None:
        if generation != self._generation or offset != len(self._rows):
            return
        self._fetching = False
        if not rows:  # fewer rows than counted (deleted meanwhile)
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    # ------------------------------------------------------------ sorting in SQL

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` in the service; columns without a sort key are ignored."""
        key = self.columns[column].sort if 0 <= column < len(self.columns) else None
        if key is None:
            return
        query = replace(self._query, sort=key,  # type: ignore[type-var]
                        descending=order == Qt.SortOrder.DescendingOrder)
        if query != self._query:
            self.set_query(query)

    # ------------------------------------------------------------ the table

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def cell(self, index: Index) -> tuple[R, int] | None:
        """The row and column of a valid index, for ``data``."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()], index.column()
