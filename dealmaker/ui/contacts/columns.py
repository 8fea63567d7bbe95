"""The columns of the Contacten table: header, the service's sort key (None: not sortable)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dealmaker.domain.dates import format_date
from dealmaker.services.directory import ContactRow, ContactSort
from dealmaker.ui.shell.actions import QT_TRANSLATE_NOOP

CONTEXT = "contacts"

SortValue = str | date | None


@dataclass(frozen=True)
class ContactColumn:
    key: str
    label: str
    sort: ContactSort | None
    #: width in average characters when the table is first shown
    width: int


NAME, FUNCTION, ORGANISATION, SIDE, DEALS, LAST_CONTACT, NEXT_FOLLOW_UP, TAGS = range(8)

COLUMNS: tuple[ContactColumn, ...] = (
    ContactColumn("name", QT_TRANSLATE_NOOP(CONTEXT, "Naam"), ContactSort.NAME, 24),
    ContactColumn("function", QT_TRANSLATE_NOOP(CONTEXT, "Functie"), ContactSort.FUNCTION, 24),
    ContactColumn("organisation", QT_TRANSLATE_NOOP(CONTEXT, "Organisatie"),
                  ContactSort.ORGANISATION, 26),
    ContactColumn("side", QT_TRANSLATE_NOOP(CONTEXT, "Kant"), ContactSort.SIDE, 7),
    ContactColumn("deals", QT_TRANSLATE_NOOP(CONTEXT, "Deals"), None, 20),
    ContactColumn("last_contact", QT_TRANSLATE_NOOP(CONTEXT, "Laatste contact"),
                  ContactSort.LAST_CONTACT, 13),
    ContactColumn("next_follow_up", QT_TRANSLATE_NOOP(CONTEXT, "Opvolging"),
                  ContactSort.NEXT_FOLLOW_UP, 15),
    ContactColumn("tags", QT_TRANSLATE_NOOP(CONTEXT, "Tags"), None, 16),
)


def column_of(sort: ContactSort) -> int:
    return next(i for i, c in enumerate(COLUMNS) if c.sort is sort)


def display(row: ContactRow, column: int) -> str:
    if column == NAME:
        return row.display_name
    if column == FUNCTION:
        return row.function
    if column == ORGANISATION:
        return row.organisation
    if column == SIDE:
        return row.side.label if row.side is not None else ""
    if column == DEALS:
        return row.deals_text
    if column == LAST_CONTACT:
        return format_date(row.last_contact_on)
    if column == NEXT_FOLLOW_UP:
        return format_date(row.next_follow_up_on)
    return row.tags_text


def sort_value(row: ContactRow, column: int) -> SortValue:
    """The typed value the column sorts on (dates as ``date``, names as the sort name)."""
    if column == NAME:
        return row.sort_name
    if column == LAST_CONTACT:
        return row.last_contact_on
    if column == NEXT_FOLLOW_UP:
        return row.next_follow_up_on
    return display(row, column).casefold() or None


def follow_up_overdue(row: ContactRow, today: date) -> bool:
    return row.next_follow_up_on is not None and row.next_follow_up_on < today
