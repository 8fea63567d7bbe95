"""The table model of a page's recent-records list, and its sort/filter proxy."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from dealmaker.services.overview import Column, RecentRow, RecentTable, SortValue

Index = QModelIndex | QPersistentModelIndex

#: typed value to sort on (date, amount in cents, casefolded text), not the display text
SortRole = Qt.ItemDataRole.UserRole + 1
#: the record id
ObjectRole = Qt.ItemDataRole.UserRole + 2
#: True when the cell needs attention (overdue, rule broken); shown in red
AttentionRole = Qt.ItemDataRole.UserRole + 3
ATTENTION = QBrush(QColor("#b3261e"))

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class RecentTableModel(QAbstractTableModel):
    """Rows of a ``RecentTable``; the columns come with the table (``Column`` specs).

    Small by construction (the service returns at most ``RECENT_LIMIT`` rows), so the
    rows are kept in full; the later full lists will fetch lazily.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._columns: tuple[Column, ...] = ()
        self._rows: tuple[RecentRow, ...] = ()

    def set_table(self, table: RecentTable) -> None:
        self.beginResetModel()
        self._columns = table.columns
        self._rows = table.rows
        self.endResetModel()

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    def column_index(self, key: str) -> int:
        """Index of the column with ``key`` (``ValueError`` if absent)."""
        for i, col in enumerate(self._columns):
            if col.key == key:
                return i
        raise ValueError(key)

    def sort_value(self, row: int, column: int) -> SortValue:
        return self._rows[row].sort_values[column]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.values[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col in row.attention:
                return QCoreApplication.translate("overview", "Vraagt aandacht: {text}") \
                    .format(text=row.values[col])
            return row.values[col] or None  # the whole text, also when the cell elides
        if role == SortRole:
            return row.sort_values[col]
        if role == ObjectRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if self._columns[col].numeric else _LEFT)
        if role == Qt.ItemDataRole.ForegroundRole and col in row.attention:
            return ATTENTION
        if role == AttentionRole:
            return col in row.attention
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("overview", column.label)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if column.numeric else _LEFT)
        return None


def _less(a: SortValue, b: SortValue, descending: bool = False) -> bool:
    """Typed comparison; empty values sort after all others, in either direction."""
    if a is None or b is None:
        return (a is None and b is not None) if descending else (a is not None and b is None)
    try:
        return bool(a < b)  # type: ignore[operator]
    except TypeError:
        return str(a) < str(b)


class RecentProxyModel(QSortFilterProxyModel):
    """Sorts on the typed ``SortRole`` values; filters on any column's text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def lessThan(self, left: Index, right: Index) -> bool:
        source = self.sourceModel()
        if isinstance(source, RecentTableModel):
            return _less(source.sort_value(left.row(), left.column()),
                         source.sort_value(right.row(), right.column()),
                         self.sortOrder() == Qt.SortOrder.DescendingOrder)
        return super().lessThan(left, right)
