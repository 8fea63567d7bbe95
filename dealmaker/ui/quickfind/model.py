"""The result list of quick-find: the service's hits, kind and detail as extra roles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from dealmaker.services.quickfind import Hit
from dealmaker.ui.shell.actions import QT_TRANSLATE_NOOP
from dealmaker.ui.shell.table_model import ObjectRole

Index = QModelIndex | QPersistentModelIndex

#: "person" | "organisation" | "deal"
KindRole = Qt.ItemDataRole.UserRole + 10
#: the second line (function and organisation, kind of organisation, tranche)
DetailRole = Qt.ItemDataRole.UserRole + 11
#: the Dutch name of the kind ("Persoon")
KindLabelRole = Qt.ItemDataRole.UserRole + 12

KIND_LABELS = {
    "person": QT_TRANSLATE_NOOP("quickfind", "Persoon"),
    "organisation": QT_TRANSLATE_NOOP("quickfind", "Organisatie"),
    "deal": QT_TRANSLATE_NOOP("quickfind", "Deal"),
    "theme": QT_TRANSLATE_NOOP("quickfind", "Thema"),
}


class HitListModel(QAbstractListModel):
    """The quick-find hits: label, kind and detail of each."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []

    def set_hits(self, hits: Sequence[Hit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> Hit:
        return self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        kind = QCoreApplication.translate("quickfind", KIND_LABELS.get(hit.kind, hit.kind))
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return " — ".join(x for x in (kind, hit.label, hit.detail) if x)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return " — ".join(x for x in (kind, hit.detail) if x)
        if role == ObjectRole:
            return hit.id
        if role == KindRole:
            return hit.kind
        if role == KindLabelRole:
            return kind
        if role == DetailRole:
            return hit.detail
        return None
