"""What the workbook writer takes: plain tables, no database, no Qt.

A ``Table`` is one sheet: a header row, data rows and optionally a "Totaal" row whose
cells are =SUM formulas over the columns named in ``totals`` (their values are also
stored in the file, for readers that do not recompute). ``notes`` are lines of text
below the table (the status rule, a legend).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

TEXT, EURO, DATE, INT, NUMBER, PERCENT = "text", "euro", "date", "int", "number", "percent"
#: a hidden column holding the row's record id (the round trip finds the row by it)
KEY = "key"

#: what a cell may hold (money as Decimal euros, exact)
Value = str | int | Decimal | date | None


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = TEXT
    #: cap for the fitted width (characters)
    max_width: int = 50
    #: the region may fill this column in; it is read back (header marked, value kept)
    editable: bool = False


@dataclass
class Table:
    name: str
    columns: Sequence[Column]
    rows: list[tuple[Value, ...]] = field(default_factory=list)
    #: headers of the columns summed in the Totaal row; empty: no Totaal row
    totals: Sequence[str] = ()
    #: header of a column whose values get a status colour
    status_column: str | None = None
    notes: Sequence[str] = ()
    #: (year, pledged, realised) in euros: a money table and bar chart below the notes
    money_by_year: list[tuple[int, Decimal, Decimal]] = field(default_factory=list)

    def keyed(self) -> bool:
        return any(c.kind == KEY for c in self.columns)


@dataclass(frozen=True)
class SummaryLine:
    """One line of the Samenvatting: a label and its value (a blank label: a heading)."""

    label: str
    value: Value = None
    kind: str = TEXT


@dataclass
class Summary:
    title: str
    lines: list[SummaryLine] = field(default_factory=list)
    #: (year, pledged, realised) in euros, for the money chart
    money_by_year: list[tuple[int, Decimal, Decimal]] = field(default_factory=list)


@dataclass
class Book:
    #: the one-page Samenvatting of a deal; None: the first table is the Samenvatting
    summary: Summary | None
    tables: list[Table] = field(default_factory=list)
    #: what the round trip checks: app marker, workspace, deal, year (hidden in the file)
    identity: dict[str, str] = field(default_factory=dict)

    def table(self, name: str) -> Table:
        return next(t for t in self.tables if t.name == name)
