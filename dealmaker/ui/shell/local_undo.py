"""Steps the window undoes that are not in the workspace's journal.

Where a user dragged a node in the connectieplan is kept locally, outside the journal
(nothing a colleague needs), yet Ctrl+Z must put the node back like any edit. A feature
pushes such a step here with its undo and redo; Bewerken > Ongedaan maken then takes the
newest step of either kind. Order comes from the journal's ``sequence``: a local step
remembers the newest sequence the window knew when it was taken (``mark``), so it is
newer than every operation up to that one and older than any after it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class LocalStep:
    label: str
    undo: Callable[[], None]
    redo: Callable[[], None]
    #: the newest journal sequence when the step was taken (undone: when it was undone)
    after: int


class LocalUndo:
    """The window's local undo and redo stacks (one per window, in ``AppContext``)."""

    def __init__(self) -> None:
        self._undo: list[LocalStep] = []
        self._redo: list[LocalStep] = []
        #: the newest journal sequence the window knows of (kept by ``ui.undo``)
        self.mark = 0
        #: called after every change of the stacks (the undo actions relabel)
        self.listeners: list[Callable[[], None]] = []

    def push(self, label: str, undo: Callable[[], None], redo: Callable[[], None]) -> None:
        """A step just taken; a new step clears what could be redone."""
        self._undo.append(LocalStep(label, undo, redo, self.mark))
        self._redo.clear()
        self._changed()

    def next_undo(self, journal_sequence: int | None) -> LocalStep | None:
        """The local step to undo before the journal's operation at ``journal_sequence``
        (None: the journal has nothing to undo), or None when that operation is newer."""
        if not self._undo:
            return None
        top = self._undo[-1]
        return top if journal_sequence is None or top.after >= journal_sequence else None

    def next_redo(self, journal_sequence: int | None) -> LocalStep | None:
        if not self._redo:
            return None
        top = self._redo[-1]
        return top if journal_sequence is None or top.after >= journal_sequence else None

    def undo(self) -> LocalStep | None:
        if not self._undo:
            return None
        step = self._undo.pop()
        step.undo()
        self._redo.append(LocalStep(step.label, step.undo, step.redo, self.mark))
        self._changed()
        return step

    def redo(self) -> LocalStep | None:
        if not self._redo:
            return None
        step = self._redo.pop()
        step.redo()
        self._undo.append(LocalStep(step.label, step.undo, step.redo, self.mark))
        self._changed()
        return step

    def edited(self, newest_edit: int | None) -> None:
        """The journal's newest edit: one newer than a local undo clears the local redo
        stack (a new edit ends what could be redone, as in any editor)."""
        if newest_edit is not None and self._redo and self._redo[-1].after < newest_edit:
            self._redo.clear()
            self._changed()

    def clear(self) -> None:
        """Another workspace: its steps mean nothing there."""
        self._undo.clear()
        self._redo.clear()
        self._changed()

    def _changed(self) -> None:
        for listener in list(self.listeners):
            listener()
