"""Choosing a person (or an organisation) in the card's forms: type, the matches appear
below, Down/click picks one. Searches run on the task runner; the newest answer wins."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dealmaker.services.organisations import organisation_tree
from dealmaker.services.quickfind import Hit, complete_persons, quick_find
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.fields import LazyCombo

LIMIT = 8
Find = Callable[[Workspace, str, int], list[Hit]]


def persons_or_organisations(ws: Workspace, text: str, limit: int) -> list[Hit]:
    return [h for h in quick_find(ws, text, limit * 2) if h.kind != "deal"][:limit]


def persons(ws: Workspace, text: str, limit: int) -> list[Hit]:
    return complete_persons(ws, text, limit)


class RecordPicker(QWidget):
    """``value()`` is the chosen id (None: nothing chosen); ``set_value`` shows one."""

    changed = Signal()

    def __init__(self, context: AppContext, find: Find, placeholder: str,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._context, self._find = context, find
        self._asked = 0
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.matches = QListWidget()
        self.matches.setMaximumHeight(5 * self.fontMetrics().lineSpacing() + 12)
        self.matches.hide()
        self._chosen: Hit | None = None
        self.edit.textEdited.connect(self._search)
        self.matches.itemActivated.connect(self._pick)
        self.matches.itemClicked.connect(self._pick)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.edit)
        column.addWidget(self.matches)
        self.setFocusProxy(self.edit)

    def value(self) -> str | None:
        return self._chosen.id if self._chosen is not None else None

    @property
    def pending(self) -> bool:
        """Text typed that is not a chosen record."""
        return bool(self.edit.text().strip()) and self._chosen is None

    def set_value(self, hit: Hit | None) -> None:
        self._chosen = hit
        self.edit.setText(hit.label if hit else "")
        self.matches.hide()

    def _search(self, text: str) -> None:
        self._chosen = None
        self.changed.emit()
        ws = self._context.workspace()
        if ws is None or not text.strip():
            self.matches.hide()
            return
        self._asked += 1
        asked = self._asked
        self._context.tasks.run(self._find, ws, text, LIMIT,
                                on_done=lambda hits: self._show(asked, hits),
                                on_error=lambda _exc: self._show(asked, []))

    def _show(self, asked: int, hits: list[Hit]) -> None:
        if asked != self._asked:
            return
        self.matches.clear()
        for hit in hits:
            label = f"{hit.label} — {hit.detail}" if hit.detail else hit.label
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, hit)
            item.setToolTip(label)
            self.matches.addItem(item)
        self.matches.setVisible(bool(hits))
        if hits:
            self.matches.setCurrentRow(0)

    def choose_first(self) -> None:
        """Pick the highlighted match (Enter in the field)."""
        item = self.matches.currentItem()
        if item is not None and self.matches.isVisible():
            self._pick(item)

    def _pick(self, item: QListWidgetItem) -> None:
        self.set_value(item.data(Qt.ItemDataRole.UserRole))
        self.changed.emit()


def organisation_combo(context: AppContext, name: str, first: str) -> LazyCombo:
    """All live organisations (by name), loaded when the combo is first opened."""
    combo = LazyCombo(name, editable=True)
    # long names must not make the form wider than the screen (its labels would be cut)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(28)

    def load() -> list[tuple[str, object]]:
        ws = context.workspace()
        if ws is None:
            return []
        return [(f"{o.name} ({o.short_name})" if o.short_name else o.name, o.id)
                for o in organisation_tree(ws)]

    combo.set_loader((first, None), load)
    return combo
