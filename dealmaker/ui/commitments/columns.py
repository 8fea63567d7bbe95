"""The columns of the Toezeggingen register: header, the service's sort key, width."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dealmaker.domain.dates import format_date
from dealmaker.domain.money import format_eur, format_eur_short
from dealmaker.services.commitments.register import CommitmentRow, CommitmentSort
from dealmaker.ui.shell.actions import QT_TRANSLATE_NOOP

CONTEXT = "commitments"


@dataclass(frozen=True)
class RegisterColumn:
    label: str
    sort: CommitmentSort | None
    width: int
    numeric: bool = False


TITLE, STATE, DEAL, FROM, TO, OWNER, AMOUNT, DUE, KIND, MANDATE = range(10)

COLUMNS: tuple[RegisterColumn, ...] = (
    RegisterColumn(QT_TRANSLATE_NOOP(CONTEXT, "Toezegging"), CommitmentSort.TITLE, 30),
    RegisterColumn(QT_TRANSLATE_NOOP(CONTEXT, "Status"), CommitmentSort.STATE, 10),
    RegisterColumn(QT_TRANSLATE_NOOP(CONTEXT, "Deal"), CommitmentSort.DEAL, 13),
    RegisterColumn(QT_TRANSLATE_NOOP(CONTEXT, "Van"), CommitmentSort.FROM, 14),
    RegisterColumn(QT_TRANSLATE_NOOP(CONTEXT, "Aan"), CommitmentSort.TO, 14),
    RegisterColumn(QT_TRANSLATE_NOOP(CONTEXT, "Eigenaar"), CommitmentSort.OWNER, 12),
    RegisterColumn(QT_TRANSLATE_NOOP(CONTEXT, "Bedrag"), CommitmentSort.AMOUNT, 11, True),
    RegisterColumn(QT_TRANSLATE_NOOP(CONTEXT, "Uiterlijk"), CommitmentSort.DUE, 12),
    RegisterColumn(QT_TRANSLATE_NOOP(CONTEXT, "Soort"), None, 9),
    RegisterColumn(QT_TRANSLATE_NOOP(CONTEXT, "Mandaat"), None, 8),
)


def mandate_flag(row: CommitmentRow) -> str:
    """'⚠ boven' when beyond the owner's registered mandate, '⚠' when marked so by hand."""
    return "⚠ boven" if row.mandate else ("⚠" if not row.within_mandate else "")


def display(row: CommitmentRow, column: int) -> str:
    values = (row.title, row.state.label, row.deal, row.from_org, row.to_org, row.owner,
              format_eur_short(row.amount_cents), format_date(row.due_on), row.kind.label,
              mandate_flag(row))
    return values[column]


def tooltip(row: CommitmentRow, column: int, today: date) -> str:
    if column == AMOUNT:
        return format_eur(row.amount_cents)
    if column == DUE and row.overdue(today):
        return f"Verlopen sinds {format_date(row.due_on)}"
    if column == MANDATE and row.mandate:
        return row.mandate[0].upper() + row.mandate[1:]
    if column in (TITLE, MANDATE) and not row.within_mandate:
        return f"{row.title} (buiten mandaat, zo aangegeven)"
    return display(row, column)


def sort_value(row: CommitmentRow, column: int) -> object:
    if column == AMOUNT:
        return row.amount_cents
    if column == DUE:
        return row.due_on
    return display(row, column).casefold()
