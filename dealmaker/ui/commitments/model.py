"""The register's table model: rows fetched lazily from ``query_commitments``, page by
page, off the UI thread through a ``LatestOnly`` lane (only the newest answer counts)."""

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

from dealmaker.services.commitments.register import (
    CommitmentQuery,
    CommitmentRow,
    count_commitments,
    query_commitments,
)
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.commitments import columns as C
from dealmaker.ui.shell.latest_only import LatestOnly
from dealmaker.ui.shell.table_model import ATTENTION, AttentionRole, ObjectRole, SortRole
from dealmaker.ui.shell.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
FIRST_PAGE = 60
PAGE_SIZE = 200
MAX_KEEP = 2_000
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class FirstPage:
    rows: list[CommitmentRow]
    total: int


def load_first(ws: Workspace, query: CommitmentQuery, limit: int) -> FirstPage:
    rows = query_commitments(ws, query, 0, limit)
    total = len(rows) if len(rows) < limit else count_commitments(ws, query)
    return FirstPage(rows, total)


class CommitmentTableModel(QAbstractTableModel):
    """Commitments of ``query``; ``total`` is how many match in all."""

    #: The first rows of a new query (or a reload) are in the table.
    rows_loaded = Signal()
    #: A query failed; carries the Dutch message.
    load_failed = Signal(str)

    def __init__(self, tasks: TaskRunner, workspace: Callable[[], Workspace | None],
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._lane = LatestOnly(tasks, self)
        self._rows: list[CommitmentRow] = []
        self._total = 0
        self._query = CommitmentQuery()
        self._generation = 0
        self._loading = self._fetching = False
        self._today = date.today()

    @property
    def query(self) -> CommitmentQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    @property
    def loading(self) -> bool:
        return self._loading

    def row_at(self, row: int) -> CommitmentRow:
        return self._rows[row]

    def ids(self) -> list[str]:
        return [r.id for r in self._rows]

    def set_query(self, query: CommitmentQuery, *, keep: int = 0) -> None:
        self._query = query
        self._generation += 1
        generation, ws = self._generation, self._workspace()
        if ws is None:
            self._loading = False
            return
        self._loading = True
        limit = max(FIRST_PAGE, min(keep, MAX_KEEP))
        self._lane.submit(lambda: load_first(ws, query, limit),
                          lambda page: self._reset(generation, page), self._failed)

    def reload(self) -> None:
        self.set_query(self._query, keep=len(self._rows))

    def _reset(self, generation: int, page: FirstPage) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._rows, self._total = list(page.rows), page.total
        self._loading = self._fetching = False
        self._today = self._query.today or date.today()
        self.endResetModel()
        self.rows_loaded.emit()

    def _failed(self, exc: Exception) -> None:
        self._loading = self._fetching = False
        self.load_failed.emit(QCoreApplication.translate(
            C.CONTEXT, "De toezeggingen konden niet worden geladen: {error}").format(error=exc))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return (not parent.isValid() and not self._loading and not self._fetching
                and len(self._rows) < self._total)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        ws = self._workspace()
        if not self.canFetchMore(parent) or ws is None:
            return
        self._fetching = True
        generation, offset, query = self._generation, len(self._rows), self._query
        self._lane.submit(lambda: query_commitments(ws, query, offset, PAGE_SIZE),
                          lambda rows: self._append(generation, offset, rows), self._failed)

    def _append(self, generation: int, offset: int, rows: list[CommitmentRow]) -> None:
        if generation != self._generation or offset != len(self._rows):
            return
        self._fetching = False
        if not rows:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = C.COLUMNS[column].sort if 0 <= column < len(C.COLUMNS) else None
        if key is None:
            return
        query = replace(self._query, sort=key,
                        descending=order == Qt.SortOrder.DescendingOrder)
        if query != self._query:
            self.set_query(query)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(C.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], index.column()
        late = col == C.DUE and row.overdue(self._today)
        if role == Qt.ItemDataRole.DisplayRole:
            return C.display(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return C.tooltip(row, col, self._today) or None
        if role == SortRole:
            return C.sort_value(row, col)
        if role == ObjectRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if C.COLUMNS[col].numeric else _LEFT
        if role == AttentionRole:
            return late
        if role == Qt.ItemDataRole.ForegroundRole:
            return ATTENTION if late else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(C.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(C.CONTEXT, C.COLUMNS[section].label)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if C.COLUMNS[section].numeric else _LEFT
        return None
