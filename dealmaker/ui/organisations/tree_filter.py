"""The filter box over the Organisaties tree: matches keep their ancestors visible."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from dealmaker.services.quickfind import words
from dealmaker.ui.organisations.tree_model import WordsRole


class OrgFilterProxy(QSortFilterProxyModel):
    """Every typed word must start a word of the name or short name, ignoring case and
    accents ("zaken bin" finds "Binnenlandse Zaken"), like quick-find."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._query: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._query = words(text)
        self.endFilterChange()

    @property
    def active(self) -> bool:
        return bool(self._query)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._query:
            return True
        source = self.sourceModel()
        found = source.index(source_row, 0, source_parent).data(WordsRole)
        if not found:  # a grouping node: shown when one of its organisations matches
            return False
        return all(any(w.startswith(q) for w in found) for q in self._query)
