"""The board by state: a column per state, a card per commitment; drag a card to the
next column, or select it and press Ctrl+→ (or the menu "Volgende status"). Each move
asks the date and a note and goes through the state service, so an illegal step is
refused with its reason; Ctrl+Z undoes it like any edit. The board loads a few dozen
cards per column of the register's query, never all 10,000."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QVBoxLayout, QWidget

from dealmaker.domain.commitment_states import refusal
from dealmaker.domain.enums import CommitmentState
from dealmaker.services.commitments.board import BOARD_STATES, BoardColumn, board_columns
from dealmaker.services.commitments.register import CommitmentQuery, CommitmentRow
from dealmaker.services.commitments.states import step_commitment
from dealmaker.ui.commitments.board_actions import BoardActions
from dealmaker.ui.commitments.board_column import BoardColumnWidget
from dealmaker.ui.commitments.board_model import RowRole
from dealmaker.ui.commitments.step_dialog import StepDialog
from dealmaker.ui.shell.context import AppContext


class CommitmentBoard(QWidget):
    #: The board shows the cards of the current query.
    rows_loaded = Signal()
    #: "n meer" in a column: show the register filtered on this state.
    list_requested = Signal(object)

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("commitmentBoard")
        self._context = context
        self.query = CommitmentQuery()
        self._keep: str | None = None
        #: the open "date and note" dialog of a step being taken, if any
        self.step_dialog: StepDialog | None = None
        #: how many commitments the query matches over all columns
        self.total = 0
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.columns = [BoardColumnWidget(state) for state in BOARD_STATES]
        row = QHBoxLayout()
        row.setSpacing(8)
        for col in self.columns:
            row.addWidget(col, 1)
            col.more_requested.connect(self.list_requested)
            col.model.step_requested.connect(self.step_card)
            col.cards.installEventFilter(self)
            col.cards.activated.connect(self._open)
            col.cards.customContextMenuRequested.connect(
                lambda pos, c=col: self._menu(c.cards, pos))
            col.cards.selectionModel().currentChanged.connect(
                lambda cur, _prev, c=col: self._focus_column(c, cur))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error)
        layout.addLayout(row, 1)
        self.card_actions = BoardActions(self, context, self.selected, self.step_card,
                                    self.show_error)

    def _open(self, _index: QModelIndex) -> None:
        self.card_actions.open_selected()

    # loading -------------------------------------------------------------------------
    def set_query(self, query: CommitmentQuery) -> None:
        self.query = replace(query, state=None)
        self.reload()

    def reload(self) -> None:
        ws = self._context.workspace()
        if ws is None:
            return
        self._context.tasks.run(board_columns, ws, self.query, on_done=self._show,
                                on_error=lambda exc: self.show_error(str(exc)))

    def _show(self, columns: tuple[BoardColumn, ...]) -> None:
        keep = self._keep or (row.id if (row := self.selected()) else None)
        self._keep = None
        self.total = sum(c.total for c in columns)
        for widget, column in zip(self.columns, columns, strict=True):
            widget.show_column(column)
        if keep is not None:
            self.select(keep)
        self.card_actions.update_enabled()
        self.rows_loaded.emit()

    # selection -----------------------------------------------------------------------
    def column_of(self, state: CommitmentState) -> BoardColumnWidget:
        return self.columns[BOARD_STATES.index(state)]

    def select(self, commitment_id: str) -> bool:
        """Select (and focus) the card of ``commitment_id``; False if it is not shown."""
        for col in self.columns:
            for i, row in enumerate(col.model.rows()):
                if row.id == commitment_id:
                    col.cards.setCurrentIndex(col.model.index(i))
                    col.cards.setFocus()
                    return True
        return False

    def selected(self) -> CommitmentRow | None:
        for col in self.columns:
            index = col.cards.currentIndex()
            if index.isValid() and col.cards.selectionModel().isSelected(index):
                row = index.data(RowRole)
                return row if isinstance(row, CommitmentRow) else None
        return None

    def _focus_column(self, column: BoardColumnWidget, current: QModelIndex) -> None:
        if current.isValid():
            for other in self.columns:
                if other is not column:
                    other.cards.clearSelection()
                    other.cards.setCurrentIndex(QModelIndex())
        self.card_actions.update_enabled()

    # moving a card -------------------------------------------------------------------
    def step_card(self, commitment_id: str, state: CommitmentState) -> None:
        """Step ``commitment_id`` to ``state``: a refusal says why, else date and note are
        asked and the state service takes the step."""
        row = next((r for c in self.columns for r in c.model.rows() if r.id == commitment_id),
                   None)
        if row is None:
            return
        today = date.today()
        # the transition itself first (the same rule the service applies), so nobody
        # types a note for a step that cannot be taken
        why = refusal(row.state, state, today, None, today, note="-")
        if why is not None:
            self.show_error(why)
            return
        dialog = StepDialog(row.title, state, self.window())
        dialog.accepted.connect(lambda: self._take_step(row.id, state, *dialog.step()))
        dialog.finished.connect(dialog.deleteLater)
        self.step_dialog = dialog
        dialog.open()  # window-modal, no nested event loop

    def _take_step(self, commitment_id: str, state: CommitmentState, on: date,
                   note: str) -> None:
        self.step_dialog = None
        ws = self._context.workspace()
        if ws is None:
            return
        self.error.hide()
        self._keep = commitment_id
        self._context.tasks.run(step_commitment, ws, commitment_id, state, on, note,
                                write=True,
                                on_done=self._context.signals.changes_applied.emit,
                                on_error=lambda exc: self.show_error(str(exc)))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self._context.signals.status_message.emit(text)

    def _menu(self, cards: QListView, pos: QPoint) -> None:
        index = cards.indexAt(pos)
        if index.isValid():
            cards.setCurrentIndex(index)
        self.card_actions.menu(self).popup(cards.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """← and → (without Ctrl) go to the card beside in the next column."""
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QListView):
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
            if step and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self._neighbour(watched, step)
                return True
        return super().eventFilter(watched, event)

    def _neighbour(self, cards: QListView, step: int) -> None:
        at = next(i for i, c in enumerate(self.columns) if c.cards is cards)
        row = max(cards.currentIndex().row(), 0)
        i = at + step
        while 0 <= i < len(self.columns):
            col = self.columns[i]
            if n := col.model.rowCount():
                col.cards.setCurrentIndex(col.model.index(min(row, n - 1)))
                col.cards.setFocus()
                return
            i += step
