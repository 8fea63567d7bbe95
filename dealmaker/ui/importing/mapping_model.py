"""The mapping step's table: file column, a sample value, and the field it fills."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from dealmaker.services.importing import FIELDS
from dealmaker.ui.importing.columns import FileColumns
from dealmaker.ui.importing.combo_delegate import ChoicesRole

Index = QModelIndex | QPersistentModelIndex

HEADER, SAMPLE, FIELD = range(3)
#: the combo value of "not imported" (a combo box item cannot hold None reliably)
IGNORED = ""
MUTED = QColor("#767676")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportMapping", text)


class MappingModel(QAbstractTableModel):
    """One row per column of the file; the third column is chosen with a combo box."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._samples: list[str] = []
        self._fields: list[str] = []
        self._choices = [(IGNORED, _tr("— niet importeren —")),
                         *((key, _tr(label)) for key, label in FIELDS.items())]

    def set_columns(self, columns: FileColumns) -> None:
        self.beginResetModel()
        self._headers = list(columns.headers)
        self._samples = list(columns.samples)
        self._fields = [columns.mapping.get(h) or IGNORED for h in columns.headers]
        self.endResetModel()

    def mapping(self) -> dict[str, str | None]:
        """Header -> field (None: not imported), as the user left it."""
        return {h: (f or None) for h, f in zip(self._headers, self._fields, strict=True)}

    def mapped_count(self) -> int:
        return sum(1 for f in self._fields if f)

    def field_label(self, row: int) -> str:
        return dict(self._choices)[self._fields[row]]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == FIELD:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._headers):
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == HEADER:
                return self._headers[row]
            if col == SAMPLE:
                sample = self._samples[row]
                if role == Qt.ItemDataRole.ToolTipRole:
                    return sample or None
                return sample or _tr("(leeg)")
            return self.field_label(row)
        if role == Qt.ItemDataRole.EditRole and col == FIELD:
            return self._fields[row]
        if role == ChoicesRole and col == FIELD:
            return self._choices
        if role == Qt.ItemDataRole.ForegroundRole and col == SAMPLE and not self._samples[row]:
            return MUTED
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid()
                or index.column() != FIELD or not 0 <= index.row() < len(self._fields)):
            return False
        field = str(value or IGNORED)
        if field != IGNORED and field not in FIELDS:
            return False
        self._fields[index.row()] = field
        self.dataChanged.emit(index, index)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_tr("Kolom in het bestand"), _tr("Voorbeeld"),
                _tr("Wordt in dealmaker"))[section] if 0 <= section < 3 else None
