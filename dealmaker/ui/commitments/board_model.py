"""One column of the board: its cards as a list model that can be dragged from and
dropped on. A drop asks for a state step (``step_requested``); the model itself never
moves a card: the step goes through the state service and the board reloads."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, Qt, Signal

from dealmaker.domain.enums import CommitmentState
from dealmaker.services.commitments.register import CommitmentRow
from dealmaker.ui.shell.table_model import ObjectRole

#: the drag payload: the commitment's id
MIME = "application/x-dealmaker-toezegging"
#: the card's ``CommitmentRow``
RowRole = Qt.ItemDataRole.UserRole + 20
Index = QModelIndex | Any


class CardListModel(QAbstractListModel):
    #: A card was dropped here: (commitment id, this column's state).
    step_requested = Signal(str, object)

    def __init__(self, state: CommitmentState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self._rows: list[CommitmentRow] = []

    def set_rows(self, rows: tuple[CommitmentRow, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[CommitmentRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == ObjectRole:
            return row.id
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.title}\n{row.from_org} → {row.to_org}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        ids = [self._rows[i.row()].id for i in indexes if i.isValid()]
        data.setData(MIME, QByteArray(ids[0].encode() if ids else b""))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return data.hasFormat(MIME) and not any(r.id == _id(data) for r in self._rows)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        self.step_requested.emit(_id(data), self.state)
        return False  # nothing moves here: the board reloads after the step


def _id(data: QMimeData) -> str:
    return bytes(data.data(MIME).data()).decode()
