"""Cell text to checked field values: e-mail, phone, Dutch dates, tags, lengths."""

from __future__ import annotations

import re
from datetime import date

from dealmaker.domain.contact_rules import is_email, is_phone
from dealmaker.domain.dates import format_date, parse_date

_ANGLE = re.compile(r"<([^<>]+@[^<>]+)>")
_TAG_SPLIT = re.compile(r"\s*(?:,|;|:::)\s*")
_SYSTEM_TAGS = {"mycontacts", "starred"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: RFC 3966 ';ext=102' and the dial pauses ',,312' that phones use for an extension
_DIAL_EXTENSION = re.compile(r"\s*(?:;ext=|,+|;+)\s*(\d+)$", re.IGNORECASE)
_CONTEXT = re.compile(r";phone-context=[^;]*", re.IGNORECASE)

#: Longest value per field (the columns of the person, tag and position tables).
MAX_LENGTH = {"first_name": 100, "tussenvoegsel": 30, "last_name": 100, "email": 200,
              "phone": 40, "organisation": 255, "function": 255}
TAG_LENGTH = 60

_MONTHS = {
    "jan": 1, "januari": 1, "january": 1, "feb": 2, "februari": 2, "february": 2,
    "mrt": 3, "maart": 3, "mar": 3, "march": 3, "apr": 4, "april": 4, "mei": 5, "may": 5,
    "jun": 6, "juni": 6, "june": 6, "jul": 7, "juli": 7, "july": 7, "aug": 8,
    "augustus": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "okt": 10,
    "oktober": 10, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}
_NAMED = re.compile(r"^(\d{1,2})[\s\-./]+([^\W\d_]+)\.?[\s\-./]+(\d{2}|\d{4})$")


def clean_email(raw: str) -> tuple[str, bool]:
    """('jan@x.nl', True) from 'Jan <mailto:Jan@x.nl>'; the text and False if invalid."""
    text = raw.strip()
    if m := _ANGLE.search(text):
        text = m.group(1).strip()
    text = text.removeprefix("mailto:").removeprefix("MAILTO:").strip()
    return text, is_email(text)


def clean_phone(raw: str) -> tuple[str, bool]:
    """A phone number as typed (tel: removed, an extension written as 'ext. 102');
    False when it is not a phone number."""
    text = " ".join(raw.strip().removeprefix("tel:").removeprefix("TEL:").split())
    text = _CONTEXT.sub("", text)
    text = _DIAL_EXTENSION.sub(r" ext. \1", text)
    return text, is_phone(text)


def visible(text: str) -> str:
    """Text without control characters (to tell an empty row from one with text)."""
    return _CONTROL.sub("", text)


def cell_value(text: str) -> str:
    """A cell as imported: a NUL is dropped; other control characters stay exactly as
    they are (shown as symbols wherever the text is written out)."""
    return text.replace("\x00", "")


def several(texts: list[str]) -> list[str]:
    """Cells that may hold several values (one a line, or Google's ' ::: ')."""
    out: list[str] = []
    for text in texts:
        for line in text.splitlines():
            out.extend(part.strip() for part in line.split(":::") if part.strip())
    return out


def parse_import_date(text: str) -> date:
    """Dutch and English date forms: 1-3-2026, 01/03/26, 2026-03-01, 1 mrt 2026, 1 Mar 2026.

    Raises ``ValueError`` with a Dutch message.
    """
    raw = " ".join(text.split())
    try:
        return parse_date(raw)
    except ValueError:
        pass
    if m := _NAMED.match(raw):
        month = _MONTHS.get(m.group(2).lower())
        year = int(m.group(3))
        year += (2000 if year < 70 else 1900) if year < 100 else 0
        if month:
            try:
                return date(year, month, int(m.group(1)))
            except ValueError:
                pass
    raise ValueError(f"ongeldige datum: '{text}' (verwacht dd-mm-jjjj)")


def split_tags(texts: list[str]) -> tuple[str, ...]:
    """'Zeeland, Bestuur' / Google's '* myContacts ::: Zeeland' -> ('Zeeland', 'Bestuur')."""
    seen: dict[str, str] = {}
    for text in texts:
        for part in _TAG_SPLIT.split(text):
            tag = " ".join(part.strip().removeprefix("* ").split())
            if tag and tag.lower() not in _SYSTEM_TAGS:
                seen.setdefault(tag.casefold(), tag)
    return tuple(seen.values())


def note_lines(notes: list[str], url: str, connected_on: str) -> str:
    """The notes of a contact, plus a profile address and a 'connected on' date."""
    lines = [n.replace("\r\n", "\n").replace("\r", "\n").strip() for n in notes]
    if url:
        lines.append(f"{'LinkedIn' if 'linkedin.' in url.lower() else 'Website'}: {url}")
    if connected_on:
        try:
            shown = format_date(parse_import_date(connected_on))
        except ValueError:
            shown = connected_on
        lines.append(f"Verbonden op {shown}")
    return "\n".join(line for line in lines if line)


def too_long(field: str, value: str) -> str | None:
    """The Dutch problem text when ``value`` is longer than ``field`` may be."""
    limit = MAX_LENGTH.get(field)
    if limit is not None and len(value) > limit:
        return f"te lang: {len(value)} tekens (maximaal {limit})"
    return None
