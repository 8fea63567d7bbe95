"""Spreadsheet cells that say what they hold: text stays text, never a formula.

A name, title or note that starts with = + - or @ is a formula to a spreadsheet once the
cell is edited (=HYPERLINK, DDE). Such text is written as a string cell with the quote
prefix set, so it shows, sorts and edits as typed ("+31 6 ..." stays exactly as typed).
Control characters XML 1.0 cannot hold become their Unicode pictures (ESC as "␛").
"""

from __future__ import annotations

import re
from typing import Any

DATE_FORMAT = "dd-mm-yyyy"
DATETIME_FORMAT = "dd-mm-yyyy hh:mm"
EURO_FORMAT = '"€" #,##0.00;"€" -#,##0.00'
#: Characters XML 1.0 cannot hold; shown as their control pictures (ESC as "␛")
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: A text starting like this is a formula to a spreadsheet once the cell is edited
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def xml_text(value: str) -> str:
    """Text as XML allows it: a control character becomes its picture (␛)."""
    return _ILLEGAL_XML.sub(lambda m: chr(0x2400 + ord(m.group())), value)


def keep_text(cell: Any) -> None:
    """Make an openpyxl cell holding a ``str`` a string cell, quoted when formula-like."""
    value = cell.value
    if isinstance(value, str):
        cell.data_type = "s"
        cell.quotePrefix = value.startswith(FORMULA_START)
