"""Dates shown as dd-mm-jjjj and parsed from the Dutch formats users type."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")


def format_date(value: date | datetime | None) -> str:
    """``date(2026, 3, 1)`` -> ``01-03-2026``; ``None`` -> empty string."""
    if value is None:
        return ""
    return value.strftime("%d-%m-%Y")


def parse_date(text: str) -> date:
    """Parse ``1-3-2026``, ``01/03/26``, ``01.03.2026`` or ISO ``2026-03-01``."""
    raw = text.strip()
    if m := _ISO.match(raw):
        y, mo, d = (int(g) for g in m.groups())
    elif m := _DMY.match(raw):
        d, mo, y = (int(g) for g in m.groups())
        if y < 100:
            y += 2000 if y < 70 else 1900
    else:
        raise ValueError(f"ongeldige datum: {text!r} (verwacht dd-mm-jjjj)")
    try:
        return date(y, mo, d)
    except ValueError as exc:
        raise ValueError(f"ongeldige datum: {text!r} (verwacht dd-mm-jjjj)") from exc


def utcnow() -> datetime:
    """The current moment, timezone-aware, in UTC."""
    return datetime.now(UTC)
