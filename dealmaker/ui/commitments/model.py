"""The register's table model: rows fetched lazily from ``query_commitments``, page by
page, off the UI thread (``ui.shell.paged_model``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from dealmaker.services.commitments.register import (
    CommitmentQuery,
    CommitmentRow,
    count_commitments,
    query_commitments,
)
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.commitments import columns as C
from dealmaker.ui.shell.paged_model import FirstPage, Index, PagedQueryModel, first_page
from dealmaker.ui.shell.table_model import ATTENTION, AttentionRole, ObjectRole, SortRole
from dealmaker.ui.shell.tasks import TaskRunner

FIRST_PAGE = 60
PAGE_SIZE = 200
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def load_first(ws: Workspace, query: CommitmentQuery,
               limit: int) -> FirstPage[CommitmentRow]:
    return first_page(query_commitments, count_commitments, ws, query, limit)


class CommitmentTableModel(PagedQueryModel[CommitmentQuery, CommitmentRow]):
    """Commitments of ``query``; ``total`` is how many match in all."""

    first_page_size = FIRST_PAGE
    page_size = PAGE_SIZE
    columns = C.COLUMNS

    def __init__(self, tasks: TaskRunner, workspace: Callable[[], Workspace | None],
                 parent: Any = None) -> None:
        super().__init__(tasks, workspace, CommitmentQuery(), parent)

    def fetch(self, ws: Workspace, query: CommitmentQuery, offset: int,
              limit: int) -> list[CommitmentRow]:
        return query_commitments(ws, query, offset, limit)

    def count(self, ws: Workspace, query: CommitmentQuery) -> int:
        return count_commitments(ws, query)

    def failed_text(self, exc: Exception) -> str:
        return QCoreApplication.translate(
            C.CONTEXT, "De toezeggingen konden niet worden geladen: {error}").format(error=exc)

    def today_of(self, query: CommitmentQuery) -> date:
        return query.today or date.today()

    def ids(self) -> list[str]:
        return [r.id for r in self._rows]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (cell := self.cell(index)) is None:
            return None
        row, col = cell
        late = (col == C.DUE and row.overdue(self._today)) or (col == C.MANDATE
                                                               and bool(C.mandate_flag(row)))
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
