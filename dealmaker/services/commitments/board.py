"""The board by state: per state column the first cards of the register's query and how
many there are in all, so a board over 10,000 commitments loads a few dozen cards.

A column that holds more than it shows says so ("n meer"); the register then opens on
that state with the same filters. Moving a card is a state step and goes through
``services.commitments.states`` like every other step.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from dealmaker.domain.enums import CommitmentState
from dealmaker.services.commitments.register import (
    CommitmentQuery,
    CommitmentRow,
    CommitmentSort,
    count_by_state,
    rows_in,
    with_mandates,
)
from dealmaker.storage.workspace import Workspace

#: the columns, left to right: the main line, then the side exit
BOARD_STATES: tuple[CommitmentState, ...] = (
    CommitmentState.CONCEPT, CommitmentState.AFGESPROKEN, CommitmentState.BEVESTIGD,
    CommitmentState.NAGEKOMEN, CommitmentState.VERVALLEN)
#: cards per column; the rest is behind "n meer"
PER_COLUMN = 40


@dataclass(frozen=True)
class BoardColumn:
    state: CommitmentState
    cards: tuple[CommitmentRow, ...]
    #: how many commitments of ``query`` are in this state
    total: int

    @property
    def more(self) -> int:
        """How many are not shown as cards."""
        return max(0, self.total - len(self.cards))


def board_columns(ws: Workspace, query: CommitmentQuery,
                  per_column: int = PER_COLUMN) -> tuple[BoardColumn, ...]:
    """The columns of ``query`` (its own state filter is replaced by each column's), cards
    sorted by due date (the most urgent on top)."""
    today = query.today or date.today()
    base = replace(query, sort=CommitmentSort.DUE, descending=False)
    with ws.read() as s:
        counts = count_by_state(s, base, today)
        cards = {state: rows_in(s, replace(base, state=state), today, 0, per_column,
                                mandates=False) if counts.get(state) else []
                 for state in BOARD_STATES}
        checked = iter(with_mandates(s, [r for st in BOARD_STATES for r in cards[st]], today))
    return tuple(BoardColumn(state, tuple(next(checked) for _ in cards[state]),
                             counts.get(state, 0)) for state in BOARD_STATES)
