"""What can be done to the selected card: next state (Ctrl+→), any state (refused with
the reason when not allowed), lapse, open, history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from dealmaker.domain.commitment_states import forward
from dealmaker.domain.enums import CommitmentState
from dealmaker.services.commitments.register import CommitmentRow
from dealmaker.ui.commitments.dialog import CommitmentDialog
from dealmaker.ui.shell.context import AppContext


class BoardActions(QObject):
    def __init__(self, host: QWidget, context: AppContext,
                 selected: Callable[[], CommitmentRow | None],
                 move: Callable[[str, CommitmentState], None],
                 on_error: Callable[[str], None]) -> None:
        super().__init__(host)
        self._host, self._context = host, context
        self._selected, self._move, self._on_error = selected, move, on_error
        self.next = self._action(self.tr("&Volgende status"), "Ctrl+Right", self.next_state)
        self.lapse = self._action(self.tr("Ver&vallen…"), "",
                                  lambda: self._to(CommitmentState.VERVALLEN))
        self.open = self._action(self.tr("&Openen"), "", self.open_selected)
        self.history = self._action(self.tr("&Geschiedenis…"), "", self.show_history)

    def _action(self, text: str, keys: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self._host)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self._host.addAction(action)
        return action

    def update_enabled(self) -> None:
        row = self._selected()
        for action in (self.next, self.lapse, self.open, self.history):
            action.setEnabled(row is not None)

    def menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        menu.addAction(self.next)
        to = menu.addMenu(self.tr("&Naar status"))
        row = self._selected()
        for state in CommitmentState:
            if row is not None and state is not row.state:
                to.addAction(state.label).triggered.connect(
                    lambda _c=False, s=state: self._to(s))
        to.setEnabled(row is not None)
        menu.addAction(self.lapse)
        menu.addSeparator()
        menu.addAction(self.open)
        menu.addAction(self.history)
        return menu

    def next_state(self) -> None:
        row = self._selected()
        if row is None:
            return
        new = forward(row.state)
        if new is None:
            self._on_error(self.tr("'{state}' is een eindtoestand: er volgt geen stap meer.")
                           .format(state=row.state.label))
            return
        self._move(row.id, new)

    def _to(self, state: CommitmentState) -> None:
        if (row := self._selected()) is not None:
            self._move(row.id, state)

    def open_selected(self) -> None:
        if (row := self._selected()) is not None:
            CommitmentDialog(self._context, row.id, self._host.window()).exec()

    def show_history(self) -> None:
        if (row := self._selected()) is not None:
            self._context.commands.show_history(self._host.window(), "commitment", row.id)
