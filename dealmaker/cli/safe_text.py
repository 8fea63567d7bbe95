"""Text from files and workspaces shown on a terminal as text, never as terminal codes.

An imported name or e-mail address can hold an ANSI escape (``ESC[2J`` clears the
screen, ``ESC]8;;`` makes a link), a carriage return that overwrites the start of the
line, or a bidirectional override that shows the line reversed. :func:`shown` writes
every such character as a visible escape (``\\x1b``, ``\\r``, ``\\u202e``); all other
text, accents and emoji included, is left as it is.
"""

from __future__ import annotations

import re

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# C0 and C1 control characters, DEL, and the bidirectional marks and overrides
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: object) -> str:
    """``text`` with control characters written as escapes, safe to print."""
    return _UNSAFE.sub(_escape, str(text))


def say(*parts: object) -> None:
    """``print`` for lines that may hold imported text."""
    print(*(shown(p) for p in parts))
