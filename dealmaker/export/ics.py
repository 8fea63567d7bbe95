"""Follow-ups as an iCalendar file (RFC 5545) that Outlook, Apple Agenda and Google open.

One all-day VEVENT per follow-up (Outlook ignores VTODO on import), transparent so it
does not block the day. The UID is the contact moment's id ``@dealmaker``, so a second
export updates the same entries instead of duplicating them. Text is escaped
(``\\ ; , newline``), lines end in CRLF and are folded at 75 octets without splitting a
UTF-8 character. The file is written to a temporary file and then replaced atomically.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Protocol

from dealmaker.export.text import plain

PRODID = "-//Dealmaker//Opvolgen//NL"
CRLF = "\r\n"


class FollowUpLike(Protocol):
    """What an entry needs (``services.interactions.FollowUpRow`` has it)."""

    @property
    def interaction_id(self) -> str: ...
    @property
    def follow_up_on(self) -> date: ...
    @property
    def action(self) -> str: ...
    @property
    def summary(self) -> str: ...
    @property
    def occurred_on(self) -> date: ...
    @property
    def participants_text(self) -> str: ...
    @property
    def deals_text(self) -> str: ...


def escape_text(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped; other control
    characters (which TEXT may not hold) shown as their pictures."""
    value = plain(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\n", "\\n")


def fold_line(line: str) -> str:
    """Fold a content line into chunks of at most 75 octets (continuations start with a
    space, which counts), never inside a UTF-8 sequence; joined with CRLF."""
    parts: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        n = len(char.encode("utf-8"))
        if size + n > limit:
            parts.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += n
    parts.append(current)
    return CRLF.join(parts)


def _event(row: FollowUpLike, stamp: str) -> list[str]:
    day = row.follow_up_on
    end = date.fromordinal(day.toordinal() + 1)
    what = row.action.strip() or "Opvolgen"
    moment = f"Contactmoment van {row.occurred_on.strftime('%d-%m-%Y')}"
    details = [f"Met: {row.participants_text}" if row.participants_text else "",
               f"Deals: {row.deals_text}" if row.deals_text else "",
               f"{moment}: {row.summary.strip()}" if row.summary.strip() else moment]
    return [
        "BEGIN:VEVENT",
        f"UID:{row.interaction_id}@dealmaker",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{end.strftime('%Y%m%d')}",
        f"SUMMARY:{escape_text(what)}",
        f"DESCRIPTION:{escape_text(chr(10).join(d for d in details if d))}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def calendar_text(rows: Iterable[FollowUpLike], now: datetime | None = None) -> str:
    """The whole calendar as text with CRLF line endings (folded)."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", "X-WR-CALNAME:Opvolgen (dealmaker)"]
    for row in rows:
        lines += _event(row, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + CRLF for line in lines)


def export_follow_ups_ics(rows: Iterable[FollowUpLike], path: Path,
                          now: datetime | None = None) -> int:
    """Write the follow-ups to ``path``; returns the number of entries written."""
    items = list(rows)
    data = calendar_text(items, now).encode("utf-8")
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(items)
