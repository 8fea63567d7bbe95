"""A table model over a short list of rows held in full (a deal's goals, projects,
measurements, bijsturingen: tens at most), its columns given as small specs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from dealmaker.ui.shell.table_model import ATTENTION, AttentionRole, ObjectRole, SortRole

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
CONTEXT = "monitoring"
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Col(Generic[R]):
    label: str
    text: Callable[[R], str]
    width: int
    numeric: bool = False
    #: a longer explanation (tooltip of the cell); default: the text
    tip: Callable[[R], str] | None = None
    #: the cell needs attention (red)
    warn: Callable[[R], bool] | None = None
    header_tip: str = ""


class RowsModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Col[R]], row_id: Callable[[R], str],
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._row_id = row_id
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def row_of(self, row_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if self._row_id(r) == row_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], self.columns[index.column()]
        warn = col.warn is not None and col.warn(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (col.tip(row) if col.tip is not None else col.text(row)) or None
        if role == SortRole:
            return col.text(row).casefold()
        if role == ObjectRole:
            return self._row_id(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if col.numeric else LEFT
        if role == AttentionRole:
            return warn
        if role == Qt.ItemDataRole.ForegroundRole and warn:
            return ATTENTION
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, col.label)
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.header_tip or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if col.numeric else LEFT
        return None
