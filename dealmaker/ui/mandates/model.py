"""The mandate register's table: every mandate (a workspace holds tens to hundreds)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from dealmaker.domain.dates import format_date
from dealmaker.domain.money import format_eur
from dealmaker.services.mandates.records import MandateRow
from dealmaker.ui.shell.actions import QT_TRANSLATE_NOOP
from dealmaker.ui.shell.table_model import ATTENTION, ObjectRole, SortRole

CONTEXT = "mandates"
TOPIC, HOLDER, LIMIT, GRANTED_BY, FROM, TO, DEAL = range(7)
#: (header, width in characters)
COLUMNS = (
    (QT_TRANSLATE_NOOP(CONTEXT, "Onderwerp"), 28), (QT_TRANSLATE_NOOP(CONTEXT, "Houder"), 16),
    (QT_TRANSLATE_NOOP(CONTEXT, "Max. bedrag"), 16),
    (QT_TRANSLATE_NOOP(CONTEXT, "Verleend door"), 16),
    (QT_TRANSLATE_NOOP(CONTEXT, "Geldig vanaf"), 12),
    (QT_TRANSLATE_NOOP(CONTEXT, "tot en met"), 12),
    (QT_TRANSLATE_NOOP(CONTEXT, "Deal"), 14))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
Index = QModelIndex | Any


def _display(row: MandateRow, col: int) -> str:
    limit = format_eur(row.limit_cents) if row.limit_cents is not None else "zonder bedrag"
    return (row.topic, row.holder, limit, row.granted_by, format_date(row.valid_from),
            format_date(row.valid_to), row.deal or "alle deals")[col]


class MandateTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MandateRow] = []

    def set_rows(self, rows: list[MandateRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> MandateRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], index.column()
        expired = not row.in_force(date.today())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = _display(row, col)
            if role == Qt.ItemDataRole.ToolTipRole and expired and col in (FROM, TO):
                return f"{text} (niet geldig op {format_date(date.today())})"
            return text
        if role == SortRole:
            return {LIMIT: row.limit_cents if row.limit_cents is not None else 10**18,
                    FROM: row.valid_from or date.min,
                    TO: row.valid_to or date.max}.get(col, _display(row, col).casefold())
        if role == ObjectRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == LIMIT:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and expired and col in (FROM, TO):
            return ATTENTION
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, COLUMNS[section][0])
        if role == Qt.ItemDataRole.TextAlignmentRole and section == LIMIT:
            return _RIGHT
        return None
