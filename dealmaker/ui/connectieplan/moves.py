"""Dragged nodes stay where they were put: saved for the plan in the workspace's local
``plan_position`` table (never journalled), and one local undo step per drag, so Ctrl+Z
puts the nodes back (and Ctrl+Shift+Z moves them again) without a journal row."""

from __future__ import annotations

from collections.abc import Callable

from dealmaker.services.connectieplan.positions import Point, save_positions
from dealmaker.ui.connectieplan.toolbar import tr
from dealmaker.ui.shell.context import AppContext

#: (deal id or None, layout)
PlanKey = tuple[str | None, str]


class Moves:
    def __init__(self, context: AppContext, current: Callable[[], PlanKey | None],
                 place: Callable[[dict[str, Point]], None]) -> None:
        self._context = context
        self._current = current
        self._place = place
        #: the positions saved per plan (what an undo restores; absent: the layout's)
        self.saved: dict[PlanKey, dict[str, Point]] = {}

    def loaded(self, key: PlanKey, saved: dict[str, Point]) -> None:
        self.saved[key] = dict(saved)

    def moved(self, before: dict[str, Point], after: dict[str, Point]) -> None:
        """The user dragged nodes: save where they are, and offer the step to undo."""
        key = self._current()
        if key is None:
            return
        saved = self.saved.setdefault(key, {})
        was: dict[str, Point | None] = {n: saved.get(n) for n in after}
        shown = dict(before)
        now: dict[str, Point | None] = dict(after)
        self._apply(key, now, after)
        self._context.local_undo.push(
            tr("Knoop verplaatsen") if len(after) == 1 else tr("Knopen verplaatsen"),
            undo=lambda: self._apply(key, was, shown),
            redo=lambda: self._apply(key, now, after))

    def _apply(self, key: PlanKey, stored: dict[str, Point | None],
               shown: dict[str, Point]) -> None:
        saved = self.saved.setdefault(key, {})
        for n, p in stored.items():
            if p is None:
                saved.pop(n, None)
            else:
                saved[n] = p
        if self._current() == key:
            self._place(shown)
        ws = self._context.workspace()
        if ws is not None:
            deal, layout = key
            self._context.tasks.run(save_positions, ws, deal, layout, stored, write=True,
                                    on_done=lambda _r: None,
                                    on_error=lambda exc: self._context.signals
                                    .status_message.emit(str(exc)))
