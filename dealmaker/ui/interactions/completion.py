"""A line edit that completes as you type from a service (persons, deals, themes).

The service is asked off the UI thread on every edit; only the answer to the newest text
is shown, in the completer's popup with the first match highlighted, so "ann" Enter picks
Anna. The line edit never inserts the completion itself (the completer is attached with
``setWidget``): ``chosen`` says what was picked and the form decides what to show.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit

from dealmaker.services.quickfind import Hit

Index = QModelIndex | QPersistentModelIndex
#: the ``Hit`` of a row
HitRole = Qt.ItemDataRole.UserRole + 20
#: ``search(text, deliver)``: look ``text`` up (off the UI thread), then ``deliver(hits)``
Search = Callable[[str, Callable[[list[Hit]], None]], None]


class SuggestionListModel(QAbstractListModel):
    """The suggestions: label and detail (function and organisation, tranche, ...)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []

    def set_hits(self, hits: Sequence[Hit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hits(self) -> list[Hit]:
        return list(self._hits)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return f"{hit.label} — {hit.detail}" if hit.detail else hit.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.detail or None
        if role == HitRole:
            return hit
        return None


class CompletingLineEdit(QLineEdit):
    """Type, see matches, Enter (or a click) picks one: ``chosen(Hit)``."""

    #: The user picked a suggestion; carries the ``Hit``.
    chosen = Signal(object)
    #: Enter in the empty field: the user is done here (the form moves on).
    advance = Signal()

    def __init__(self, search: Search, *, exclude: Callable[[], set[str]] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._search = search
        self._exclude = exclude or set
        self._serial = 0
        self._answered: str | None = None  # the text the suggestions belong to
        self._pick_when_answered = False
        self.model = SuggestionListModel(self)
        self.suggestions = QCompleter(self.model, self)
        self.suggestions.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.suggestions.setMaxVisibleItems(8)
        self.suggestions.setWidget(self)
        self.suggestions.activated[QModelIndex].connect(  # type: ignore[index]
            self._activated)
        self.textEdited.connect(self.lookup)
        self.returnPressed.connect(self._enter)

    def lookup(self, text: str) -> None:
        """Ask for suggestions for ``text`` (the newest request wins)."""
        self._serial += 1
        serial = self._serial
        self._answered = None
        self._pick_when_answered = False
        if not text.strip():
            self.model.set_hits([])
            self._popup().hide()
            return
        self._search(text, lambda hits: self._answer(serial, text, hits))

    def _answer(self, serial: int, text: str, hits: list[Hit]) -> None:
        if serial != self._serial:
            return
        skip = self._exclude()
        self.model.set_hits([h for h in hits if h.id not in skip])
        self._answered = text
        if self._pick_when_answered:
            self._pick_when_answered = False
            self.pick_first()
            return
        popup = self._popup()
        if self.model.rowCount() and self.isVisible():
            self.suggestions.complete()
            popup.setCurrentIndex(self.suggestions.completionModel().index(0, 0))
        else:
            popup.hide()

    def _popup(self) -> QAbstractItemView:
        popup = self.suggestions.popup()
        assert popup is not None  # a completer always has one
        return popup

    def pick_first(self) -> bool:
        """Choose the best suggestion for the current text; False when there is none."""
        hits = self.model.hits()
        if not hits or self._answered != self.text():
            return False
        self._choose(hits[0])
        return True

    def _activated(self, index: QModelIndex) -> None:
        hit = index.data(HitRole)
        if isinstance(hit, Hit):
            self._choose(hit)

    def _choose(self, hit: Hit) -> None:
        self._popup().hide()
        self.chosen.emit(hit)

    def _enter(self) -> None:
        if not self.text().strip():
            self.advance.emit()
        elif not self.pick_first() and self._answered is None:
            self._pick_when_answered = True  # Enter before the answer came: pick it then

    @property
    def pending_text(self) -> str:
        """Typed text that has not been turned into a choice."""
        return self.text().strip()
