"""The Contacten table model: rows fetched lazily from ``query_contacts``, page by page,
off the UI thread (``ui.shell.paged_model``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from dealmaker.services.directory import ContactQuery, ContactRow, count_contacts, query_contacts
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.contacts import columns as C
from dealmaker.ui.shell.paged_model import Index, PagedQueryModel
from dealmaker.ui.shell.table_model import ATTENTION, AttentionRole, ObjectRole, SortRole
from dealmaker.ui.shell.tasks import TaskRunner

#: rows of a new query (a screenful and more; fewer rows answer a keystroke sooner)
FIRST_PAGE = 50
#: rows per ``fetchMore``
PAGE_SIZE = 100

_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def _tr(text: str) -> str:
    return QCoreApplication.translate(C.CONTEXT, text)


class ContactTableModel(PagedQueryModel[ContactQuery, ContactRow]):
    """Contacts of the current ``query``; ``total`` is how many match in all."""

    first_page_size = FIRST_PAGE
    page_size = PAGE_SIZE
    columns = C.COLUMNS

    def __init__(self, tasks: TaskRunner, workspace: Callable[[], Workspace | None],
                 parent: Any = None) -> None:
        super().__init__(tasks, workspace, ContactQuery(), parent)

    def fetch(self, ws: Workspace, query: ContactQuery, offset: int,
              limit: int) -> list[ContactRow]:
        return query_contacts(ws, query, offset, limit)

    def count(self, ws: Workspace, query: ContactQuery) -> int:
        return count_contacts(ws, query)

    def failed_text(self, exc: Exception) -> str:
        return _tr("De contacten konden niet worden geladen: {error}").format(error=exc)

    def person_ids(self) -> list[str]:
        return [r.person_id for r in self._rows]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (cell := self.cell(index)) is None:
            return None
        row, col = cell
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
        if role == Qt.ItemDataRole.ToolTipRole:
            if C.COLUMNS[section].sort is None:
                return _tr("Op deze kolom wordt niet gesorteerd")
            if section == C.NEXT_FOLLOW_UP:
                return _tr("Volgende opvolging")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT
        return None
