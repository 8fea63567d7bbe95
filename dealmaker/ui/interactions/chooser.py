"""A field to choose several records: type with completion, the chosen ones as chips."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from dealmaker.services.quickfind import Hit
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.interactions.chosen import ChosenList
from dealmaker.ui.interactions.completion import CompletingLineEdit, Search

if TYPE_CHECKING:
    from dealmaker.ui.shell.context import AppContext

#: suggestions shown (a few more are asked, as chosen ones are left out)
LIMIT = 8
#: a completion service: ``complete(ws, text, limit)``
Complete = Callable[[Workspace, str, int], list[Hit]]


def searcher(context: AppContext, complete: Complete) -> Search:
    """Ask ``complete`` on the task runner (the completer shows the newest answer)."""
    def search(text: str, deliver: Callable[[list[Hit]], None]) -> None:
        ws = context.workspace()
        if ws is not None:
            context.tasks.run(complete, ws, text, LIMIT + 4, on_done=deliver,
                              on_error=lambda _exc: deliver([]))
    return search


class ChooserField(QWidget):
    """``edit`` above ``chips``; a pick becomes a chip and the field empties for the next."""

    def __init__(self, context: AppContext, complete: Complete, placeholder: str,
                 chips_name: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.chips = ChosenList()
        self.chips.setAccessibleName(chips_name)
        self.edit = CompletingLineEdit(searcher(context, complete),
                                       exclude=lambda: set(self.chips.chosen.ids()))
        self.edit.setPlaceholderText(placeholder)
        self.edit.chosen.connect(self._chosen)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.edit)
        column.addWidget(self.chips)
        self.setFocusProxy(self.edit)

    def _chosen(self, hit: Hit) -> None:
        self.chips.chosen.add(hit)
        self.edit.clear()

    def ids(self) -> list[str]:
        return self.chips.chosen.ids()

    def labels(self) -> list[str]:
        return self.chips.chosen.labels()
