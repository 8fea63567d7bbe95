"""The Opvolgen table: follow-ups page by page (there can be tens of thousands).

The first page comes with the count; the view asks for more as it scrolls
(``canFetchMore``/``fetchMore``), each page fetched off the UI thread by the ``Fetch``
the screen hands over. Overdue follow-ups are red, finished ones grey.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from dealmaker.domain.dates import format_date
from dealmaker.services.interactions import FollowUpRow
from dealmaker.ui.shell.table_model import ATTENTION, AttentionRole, ObjectRole

Index = QModelIndex | QPersistentModelIndex
#: ``fetch(offset, limit, deliver)``: rows ``offset..offset+limit`` of the list, then
#: ``deliver(rows)`` on the UI thread
Fetch = Callable[[int, int, Callable[[list[FollowUpRow]], None]], None]

PAGE = 200
DUE, ACTION, WITH, DEALS, MOMENT, OWNER, DONE = range(7)
HEADERS = ("Opvolgen op", "Actie", "Met", "Deals", "Contactmoment", "Door", "Afgerond op")


def _tr(text: str) -> str:
    return QCoreApplication.translate("follow_ups", text)


class FollowUpsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[FollowUpRow] = []
        self._total = 0
        self._fetch: Fetch | None = None
        self._serial = 0
        self._loading = False

    def reset(self, total: int, first: list[FollowUpRow], fetch: Fetch) -> None:
        """A new list: its length, its first page and how to get the rest."""
        self.beginResetModel()
        self._serial += 1
        self._rows = list(first[:total])
        self._total = max(total, len(self._rows))
        self._fetch = fetch
        self._loading = False
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> FollowUpRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def loaded_rows(self) -> list[FollowUpRow]:
        return list(self._rows)

    def replace(self, row: int, new: FollowUpRow) -> None:
        self._rows[row] = new
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._total -= 1
        self.endRemoveRows()

    # ------------------------------------------------------------------ lazy rows

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return (not parent.isValid() and self._fetch is not None and not self._loading
                and len(self._rows) < self._total)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self._fetch is None:
            return
        self._loading = True
        serial = self._serial
        self._fetch(len(self._rows), PAGE, lambda rows: self._more(serial, rows))

    def _more(self, serial: int, rows: list[FollowUpRow]) -> None:
        if serial != self._serial:
            return  # the list was replaced meanwhile
        self._loading = False
        rows = rows[: self._total - len(self._rows)]
        if not rows:  # fewer than counted (changed meanwhile): stop asking
            self._total = len(self._rows)
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    # ------------------------------------------------------------------ model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row, col)
        if role == ObjectRole:
            return row.interaction_id
        if role == AttentionRole:
            return row.overdue
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.done_on is not None:
                return QApplication.palette().brush(QPalette.ColorGroup.Disabled,
                                                    QPalette.ColorRole.Text)
            return ATTENTION if row.overdue else None
        return None

    @staticmethod
    def _text(row: FollowUpRow, col: int) -> str:
        if col == DUE:
            return format_date(row.follow_up_on)
        if col == ACTION:
            return row.action or row.summary or _tr("(geen actie opgegeven)")
        if col == WITH:
            return row.participants_text
        if col == DEALS:
            return row.deals_text
        if col == MOMENT:
            return f"{format_date(row.occurred_on)} · {row.kind.label}"
        if col == OWNER:
            return row.owner.name if row.owner is not None else ""
        return format_date(row.done_on)

    def _tip(self, row: FollowUpRow, col: int) -> str:
        moment = _tr("Contactmoment ({kind}) van {date}").format(
            kind=row.kind.label.lower(), date=format_date(row.occurred_on))
        lines = [self._text(row, col)] if col != MOMENT else []
        lines.append(f"{moment}: {row.summary}" if row.summary else moment)
        if row.overdue:
            lines.append(_tr("Verlopen: had {date} moeten gebeuren.").format(
                date=format_date(row.follow_up_on)))
        return "\n".join(x for x in lines if x)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return _tr(HEADERS[section])
        return None
