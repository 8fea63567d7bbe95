"""A returned cell read as what its column holds, or a one-line Dutch refusal.

Numbers as exact decimals (a float from the file by its shortest repr, at most 6
decimals), money through ``parse_eur`` when typed as text (exact cents, never rounded),
dates as dates or typed as dd-mm-jjjj, text stripped (empty is no value).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from dealmaker.domain.dates import format_date, parse_date
from dealmaker.domain.enums import CommitmentState
from dealmaker.domain.money import MoneyError, parse_eur
from dealmaker.export.workbook.model import DATE, EURO, NUMBER, Value

MAX_DECIMALS = 6


class CellRefused(ValueError):
    """The cell cannot be read as its column's kind; ``str()`` says why (Dutch)."""


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def number(value: Any) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (bool, datetime | date)):
        raise CellRefused(f"geen getal ({_shown(value)})")
    if isinstance(value, str):
        raise CellRefused(f"tekst waar een getal hoort ('{_shown(value.strip())}')")
    try:
        exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, ValueError):
        raise CellRefused(f"geen getal ({_shown(value)})") from None
    if not exact.is_finite():
        raise CellRefused(f"geen getal ({_shown(value)})")
    if -exact.as_tuple().exponent > MAX_DECIMALS:  # type: ignore[operator]
        raise CellRefused(f"meer dan {MAX_DECIMALS} decimalen ({_shown(value)})")
    return exact


def cents(value: Any) -> int | None:
    """Money: a number in euros, or text as people type it ('2,5 mln'); exact cents."""
    if isinstance(value, str) and value.strip():
        try:
            return int(parse_eur(value))
        except MoneyError as exc:
            raise CellRefused(str(exc).rstrip(".")) from None
    euros = number(value)
    if euros is None:
        return None
    amount = euros * 100
    if amount != amount.to_integral_value():
        raise CellRefused(f"bedrag met een fractie van een cent ({_shown(value)})")
    return int(amount)


def day(value: Any) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return parse_date(value)
        except ValueError:
            pass
    raise CellRefused(f"geen datum ('{_shown(value)}'; verwacht dd-mm-jjjj)")


def text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return format_date(value)
    shown = str(value).strip()
    return shown or None


def state(value: Any) -> CommitmentState | None:
    shown = text(value)
    if shown is None:
        return None
    for s in CommitmentState:
        if shown.casefold() in (s.label.casefold(), s.value):
            return s
    allowed = ", ".join(s.label for s in CommitmentState)
    raise CellRefused(f"onbekende status '{_shown(shown)}' (kies uit: {allowed})")


def read(kind: str, value: Any) -> Value:
    """A cell of a column of ``kind`` (money in cents as int)."""
    if kind == NUMBER:
        return number(value)
    if kind == EURO:
        return cents(value)
    if kind == DATE:
        return day(value)
    return text(value)
