"""Exact money: integer euro cents, shown and parsed the Dutch way (EUR 1.234.567,89)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

Cents = int

_MONEY_RE = re.compile(r"^-?\d+(?:[.,]\d{1,2})?$")


def eur(euros: int | str | Decimal) -> Cents:
    """Whole or decimal euros to cents, exactly (``eur(5_000_000)`` is five million)."""
    value = Decimal(str(euros)) * 100
    if value != value.to_integral_value():
        raise ValueError(f"bedrag heeft meer dan twee decimalen: {euros}")
    return int(value)


def format_eur(cents: Cents | None, *, symbol: bool = True) -> str:
    """``123456789`` -> ``EUR 1.234.567,89``; ``None`` -> empty string."""
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    grouped = f"{euros:,}".replace(",", ".")
    text = f"{sign}{grouped},{rest:02d}"
    return f"EUR {text}" if symbol else text


def parse_eur(text: str) -> Cents:
    """Parse a Dutch (or plain) amount to cents; raises ``ValueError`` with a Dutch message.

    Accepts ``EUR 1.234.567,89``, ``€ 1.234,5``, ``1234567.89`` (a single dot followed by
    one or two digits is read as decimal point), ``-12,00``.
    """
    raw = text.strip().replace("\u00a0", " ")
    for prefix in ("EUR", "eur", "€"):
        raw = raw.removeprefix(prefix).strip()
    raw = raw.replace(" ", "")
    if not raw:
        raise ValueError("leeg bedrag")
    if "," in raw:
        raw = raw.replace(".", "").replace(",", ".")
    elif raw.count(".") == 1 and re.search(r"\.\d{1,2}$", raw):
        pass
    else:
        raw = raw.replace(".", "")
    if not _MONEY_RE.match(raw):
        raise ValueError(f"ongeldig bedrag: {text!r}")
    try:
        return eur(Decimal(raw))
    except (InvalidOperation, ValueError) as exc:
        raise ValueError(f"ongeldig bedrag: {text!r}") from exc
