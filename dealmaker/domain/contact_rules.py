"""When is an e-mail address or phone number plausible? One rule for form, import, service.

Deliberately lenient (people type numbers in many ways; short government numbers such as
14 070 exist), strict enough to catch a name typed in the e-mail field.
"""

from __future__ import annotations

import re

_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\".]+(\.[^@\s<>()\[\],;:\".]+)+$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]+(?:(?:ext|x|toestel|tst)\.?\s*\d+)?$", re.IGNORECASE)
#: 3 digits (a short number) up to 15 (E.164), not counting an extension
PHONE_DIGITS = (3, 15)
_EXTENSION = re.compile(r"(?:ext|x|toestel|tst)\.?\s*\d+$", re.IGNORECASE)


def is_email(text: str) -> bool:
    """'naam@organisatie.nl' yes; 'Jan Jansen', 'a@b', 'a..b@c.nl' no."""
    value = text.strip()
    return bool(_EMAIL.match(value)) and ".." not in value


def is_phone(text: str) -> bool:
    """'06-12345678', '+31 (0)70 123 4567', '14 070', '070 123 4567 toestel 12' yes."""
    value = " ".join(text.split())
    digits = sum(ch.isdigit() for ch in _EXTENSION.sub("", value))
    low, high = PHONE_DIGITS
    return bool(_PHONE.match(value)) and low <= digits <= high
