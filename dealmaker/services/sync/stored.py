"""How the workspace file stores a column's value, for the bulk paths that move stored
forms without Python per value (``upload`` from the file, ``download`` into it): one
classification, so both directions know the same column types."""

from __future__ import annotations

from enum import Enum, auto
from typing import Any

from sqlalchemy import BigInteger, Boolean, Column, Date, DateTime, Integer, String, Text
from sqlalchemy import Enum as SAEnum

from dealmaker.storage.models.base import OpenEnum
from dealmaker.storage.types import ExactDecimal, JSONList, UTCDateTime, UUIDKey


class Form(Enum):
    ID = auto()  #: 16 bytes
    MICROS = auto()  #: a moment: whole microseconds since 1970 UTC
    SCALED = auto()  #: an exact decimal: whole millionths
    JSON_LIST = auto()  #: JSON text of a list
    DATE = auto()  #: 'YYYY-MM-DD'
    WHOLE = auto()  #: an integer (also a boolean)
    TEXT = auto()  #: text (also an enum's value)


_WHOLE_TYPES = (Integer, BigInteger, Boolean)
_TEXT_TYPES = (String, Text, SAEnum, OpenEnum)


def stored_form(col: Column[Any]) -> Form | None:
    """The stored form of ``col``'s values; None for a type with no rule here (the
    caller then takes the typed, per-value path)."""
    kind = col.type
    if isinstance(kind, UUIDKey):
        return Form.ID
    if isinstance(kind, UTCDateTime):
        return Form.MICROS
    if isinstance(kind, ExactDecimal):
        return Form.SCALED
    if isinstance(kind, JSONList):
        return Form.JSON_LIST
    if isinstance(kind, Date) and not isinstance(kind, DateTime):
        return Form.DATE
    if type(kind) in _WHOLE_TYPES:
        return Form.WHOLE
    if type(kind) in _TEXT_TYPES:
        return Form.TEXT
    return None
