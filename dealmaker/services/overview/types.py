"""Display-ready plain data a page shows: counts, columns, recent rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from dealmaker.domain.enums import CommitmentState

#: How many recent records a page table shows.
RECENT_LIMIT = 50

SortValue = str | int | date | datetime | Decimal | None

OPEN_STATES = tuple(s for s in CommitmentState if s.is_open)


@dataclass(frozen=True)
class Count:
    """One figure on a page: a label, its value and how to show it."""

    label: str
    value: int
    text: str
    #: draws attention (overdue, rule broken) when the value is not zero
    warning: bool = False


@dataclass(frozen=True)
class Column:
    """A table column: stable key, Dutch header, numeric (right-aligned), widest column."""

    key: str
    label: str
    numeric: bool = False
    stretch: bool = False


@dataclass(frozen=True)
class RecentRow:
    """One record: its id, the texts to show and typed values to sort on."""

    id: str
    values: tuple[str, ...]
    sort_values: tuple[SortValue, ...]
    #: indexes of the columns that need attention (overdue, rule broken)
    attention: frozenset[int] = frozenset()


@dataclass(frozen=True)
class RecentTable:
    """A titled list of recent records of one kind."""

    key: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[RecentRow, ...]
    #: shown when there are no rows
    empty_text: str = "Nog niets vastgelegd."
    #: what a row's id opens ('person', 'contact_moment', 'commitment', 'deal', 'meeting';
    #: '' for nothing)
    opens: str = ""


@dataclass(frozen=True)
class PageSummary:
    """What a sidebar page shows: counts and one or more recent-record tables."""

    key: str
    counts: tuple[Count, ...]
    tables: tuple[RecentTable, ...] = field(default_factory=tuple)

    @property
    def columns(self) -> list[str]:
        """Headers of the first table."""
        return [c.label for c in self.tables[0].columns] if self.tables else []

    @property
    def rows(self) -> tuple[RecentRow, ...]:
        """Rows of the first table."""
        return self.tables[0].rows if self.tables else ()

    def count(self, label: str) -> int:
        """The value of the count called ``label`` (KeyError if absent)."""
        for c in self.counts:
            if c.label == label:
                return c.value
        raise KeyError(label)


# --------------------------------------------------------------------------- formatting


