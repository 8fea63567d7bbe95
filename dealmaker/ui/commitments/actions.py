"""What can be done to the selected commitments: open, new, next step, lapse, delete,
history. Step (Ctrl+→) and delete (Del) are shortcuts on the table; Enter and Ctrl+N
are handled by the view."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from dealmaker.domain.commitment_states import forward
from dealmaker.domain.enums import CommitmentState
from dealmaker.services.changes import Changes
from dealmaker.services.commitments.records import delete_commitments
from dealmaker.services.commitments.register import CommitmentRow
from dealmaker.services.commitments.states import step_commitment
from dealmaker.ui.commitments.dialog import CommitmentDialog
from dealmaker.ui.shell.context import AppContext


class CommitmentActions(QObject):
    def __init__(self, host: QWidget, table: QWidget, context: AppContext,
                 selected: Callable[[], list[CommitmentRow]],
                 on_error: Callable[[str], None]) -> None:
        super().__init__(host)
        self._host, self._table = host, table
        self._context, self._selected = context, selected
        self._on_error = on_error
        self.open = self._action(self.tr("&Openen"), "", self.open_selected)
        # Ctrl+N is also the window's "new workspace": the view claims it (ShortcutOverride)
        self.new = self._action(self.tr("&Nieuwe toezegging…  (Ctrl+N)"), "",
                                self.new_commitment)
        self.step = self._action(self.tr("Volgende &stap"), "Ctrl+Right", self.next_step)
        self.lapse = self._action(self.tr("&Vervallen…"), "", self.lapse_selected)
        self.delete = self._action(self.tr("&Verwijderen"), QKeySequence.StandardKey.Delete,
                                   self.delete_selected)
        self.history = self._action(self.tr("&Geschiedenis…"), "", self.show_history)

    def _action(self, text: str, keys: Any, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self._host)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self._table.addAction(action)
        return action

    def update_enabled(self) -> None:
        rows = self._selected()
        one = len(rows) == 1
        self.open.setEnabled(one)
        self.history.setEnabled(one)
        self.step.setEnabled(one and forward(rows[0].state) is not None)
        self.lapse.setEnabled(one and rows[0].state.is_open)
        self.delete.setEnabled(bool(rows))

    def menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        for action in (self.open, self.step, self.lapse, None, self.new, self.delete,
                       None, self.history):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        return menu

    def _run(self, fn: Callable[..., Changes], *args: Any, said: str = "") -> None:
        ws = self._context.workspace()
        if ws is None:
            return
        signals = self._context.signals

        def done(changes: Changes) -> None:
            if said:
                signals.status_message.emit(said)
            signals.changes_applied.emit(changes)

        self._context.tasks.run(fn, ws, *args, write=True, on_done=done,
                                on_error=lambda exc: self._on_error(str(exc)))

    def open_selected(self) -> None:
        rows = self._selected()
        if len(rows) == 1:
            CommitmentDialog(self._context, rows[0].id, self._host.window()).exec()

    def new_commitment(self, deal_id: str | None = None) -> None:
        if self._context.workspace() is not None:
            CommitmentDialog(self._context, None, self._host.window(), deal_id=deal_id).exec()

    def next_step(self) -> None:
        rows = self._selected()
        if len(rows) == 1 and (new := forward(rows[0].state)) is not None:
            self._run(step_commitment, rows[0].id, new, date.today(), "")

    def lapse_selected(self) -> None:
        rows = self._selected()
        if len(rows) != 1 or not rows[0].state.is_open:
            return
        note, ok = QInputDialog.getText(self._host.window(), self.tr("Vervallen"),
                                        self.tr("Waarom is '{title}' vervallen?")
                                        .format(title=rows[0].title))
        if ok:
            self._run(step_commitment, rows[0].id, CommitmentState.VERVALLEN, date.today(),
                      note)

    def delete_selected(self) -> None:
        rows = self._selected()
        if rows:  # undoable (Ctrl+Z), so no "are you sure"; but said, with how to undo
            said = (self.tr("Toezegging '{title}' verwijderd").format(title=rows[0].title)
                    if len(rows) == 1 else
                    self.tr("{n} toezeggingen verwijderd").format(n=len(rows)))
            self._run(delete_commitments, [r.id for r in rows],
                      said=said + self.tr(" (Ctrl+Z maakt het ongedaan)."))

    def show_history(self) -> None:
        rows = self._selected()
        if len(rows) == 1:
            self._context.commands.show_history(self._host.window(), "commitment", rows[0].id)
