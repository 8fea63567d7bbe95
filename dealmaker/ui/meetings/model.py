"""The Overleggen table: meetings fetched page by page (``ui.shell.paged_model``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from dealmaker.domain.dates import format_date
from dealmaker.services.meetings.register import (
    MeetingQuery,
    MeetingRow,
    MeetingSort,
    count_meetings,
    query_meetings,
)
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.shell.actions import QT_TRANSLATE_NOOP
from dealmaker.ui.shell.paged_model import Index, PagedQueryModel
from dealmaker.ui.shell.table_model import ObjectRole, SortRole
from dealmaker.ui.shell.tasks import TaskRunner

CONTEXT = "meetings"


@dataclass(frozen=True)
class MeetingColumn:
    label: str
    sort: MeetingSort | None
    width: int
    numeric: bool = False


DATE, KIND, TITLE, DEAL, PEOPLE, DECISIONS, MADE = range(7)
COLUMNS = (
    MeetingColumn(QT_TRANSLATE_NOOP(CONTEXT, "Datum"), MeetingSort.DATE, 11),
    MeetingColumn(QT_TRANSLATE_NOOP(CONTEXT, "Soort"), MeetingSort.KIND, 18),
    MeetingColumn(QT_TRANSLATE_NOOP(CONTEXT, "Titel"), MeetingSort.TITLE, 28),
    MeetingColumn(QT_TRANSLATE_NOOP(CONTEXT, "Deal"), MeetingSort.DEAL, 16),
    MeetingColumn(QT_TRANSLATE_NOOP(CONTEXT, "Deelnemers"), None, 10, True),
    MeetingColumn(QT_TRANSLATE_NOOP(CONTEXT, "Besluiten"), None, 9, True),
    MeetingColumn(QT_TRANSLATE_NOOP(CONTEXT, "Toezeggingen"), None, 11, True),
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def _display(row: MeetingRow, col: int) -> str:
    return (format_date(row.held_on), row.kind.label, row.title, row.deal,
            str(row.participants), str(row.decisions), str(row.commitments))[col]


class MeetingTableModel(PagedQueryModel[MeetingQuery, MeetingRow]):
    first_page_size = 60
    page_size = 200
    columns = COLUMNS

    def __init__(self, tasks: TaskRunner, workspace: Callable[[], Workspace | None],
                 parent: Any = None) -> None:
        super().__init__(tasks, workspace, MeetingQuery(), parent)

    def fetch(self, ws: Workspace, query: MeetingQuery, offset: int,
              limit: int) -> list[MeetingRow]:
        return query_meetings(ws, query, offset, limit)

    def count(self, ws: Workspace, query: MeetingQuery) -> int:
        return count_meetings(ws, query)

    def failed_text(self, exc: Exception) -> str:
        return QCoreApplication.translate(
            CONTEXT, "De overleggen konden niet worden geladen: {error}").format(error=exc)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (cell := self.cell(index)) is None:
            return None
        row, col = cell
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _display(row, col)
        if role == SortRole:
            return row.held_on if col == DATE else _display(row, col).casefold()
        if role == ObjectRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if COLUMNS[col].numeric else _LEFT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, COLUMNS[section].label)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if COLUMNS[section].numeric else _LEFT
        return None
