"""One column of the board: its state and count, the cards, and "n meer" when the
column holds more than it shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLabel, QListView, QPushButton, QVBoxLayout

from dealmaker.domain.enums import CommitmentState
from dealmaker.services.commitments.board import BoardColumn
from dealmaker.ui.commitments.board_card import CardDelegate
from dealmaker.ui.commitments.board_model import CardListModel


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class BoardColumnWidget(QFrame):
    #: "n meer" was clicked: the register should open on this column's state.
    more_requested = Signal(object)

    def __init__(self, state: CommitmentState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName(f"boardColumn_{state.value}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.header = QLabel(state.label)
        self.header.setObjectName("sectionTitle")
        self.model = CardListModel(state, self)
        self.cards = QListView()
        self.cards.setObjectName(f"cards_{state.value}")
        self.cards.setAccessibleName(state.label)
        self.cards.setModel(self.model)
        self.cards.setItemDelegate(CardDelegate(self.cards))
        self.cards.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cards.setDragEnabled(True)
        self.cards.setAcceptDrops(True)
        self.cards.setDropIndicatorShown(True)
        self.cards.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.cards.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.cards.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.cards.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.cards.setMinimumWidth(110)
        self.cards.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.more = QPushButton()
        self.more.setObjectName(f"more_{state.value}")
        self.more.setFlat(True)
        self.more.setToolTip(self.tr("Alle toezeggingen met deze status in de lijst"))
        self.more.clicked.connect(lambda: self.more_requested.emit(self.state))
        self.more.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.cards, 1)
        layout.addWidget(self.more)

    def show_column(self, column: BoardColumn) -> None:
        self.model.set_rows(column.cards)
        self.header.setText(f"{self.state.label} · {_count(column.total)}")
        self.more.setText(self.tr("{n} meer…").format(n=_count(column.more)))
        self.more.setVisible(column.more > 0)
