"""Text for the files the app writes: control characters shown, never passed on.

A value imported from a hostile file can hold ESC, BEL or a vertical tab. A vCard or
calendar reader may choke on them or pass them to a terminal; they are written as
their Unicode control pictures (ESC as "␛"), so nothing is silently lost. Line breaks
stay (the writers escape them as ``\\n``), and so do tabs; CR LF and a lone CR become LF.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    return "\u2421" if code == 0x7F else chr(0x2400 + code)


def plain(value: str) -> str:
    """``value`` with line breaks as LF, other control characters (not tab) as pictures."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(_picture, value)
