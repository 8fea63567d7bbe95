"""Column types that keep the workspace file small and exact, and portable to PostgreSQL.

Python sees plain values (ids as canonical UUID text, aware UTC datetimes, Decimals); the
file holds their compact form. On SQLite: ids are 16-byte BLOBs (not 36 characters of
text), timestamps INTEGER microseconds since 1970-01-01 UTC (not 32 characters of ISO
text) and decimals integers scaled by ``10**DECIMAL_SCALE`` (exact, and ``MAX``/``ORDER
BY`` compare them as numbers, which text did not). On PostgreSQL the native ``uuid``,
``timestamptz`` and ``numeric`` types hold the same values.

Raw SQL (``text()``, driver cursors) does not pass through these types by itself: bind ids
with ``bindparam(..., type_=UUIDKey())`` and declare id columns read back with
``text(...).columns(...)``, or use :func:`uuid_bytes` / :func:`micros` at driver level.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, BindParameter, Dialect, LargeBinary, Numeric, Text, bindparam
from sqlalchemy.dialects import postgresql
from sqlalchemy.types import TypeDecorator, TypeEngine

#: Decimal places an ``ExactDecimal`` keeps (stored as an integer number of millionths).
DECIMAL_SCALE = 6
_FACTOR = 10**DECIMAL_SCALE
_UNIX = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)


def uuid_bytes(value: str) -> bytes:
    """The 16 bytes of a UUID given as text (any form ``uuid.UUID`` accepts)."""
    if len(value) == 36:  # the canonical form: the fast path (per bound id)
        try:
            raw = bytes.fromhex(value.replace("-", ""))
        except ValueError:
            raw = b""
        if len(raw) == 16:
            return raw
    return uuid.UUID(value).bytes


def uuid_text(raw: bytes) -> str:
    """Canonical lowercase UUID text of 16 bytes (what ``str(uuid.UUID(bytes=raw))`` gives)."""
    if len(raw) != 16:
        raise ValueError(f"geen UUID van 16 bytes: {raw!r}")
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def micros(value: datetime) -> int:
    """Microseconds since 1970-01-01 UTC, exactly; a naive datetime counts as UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return (value - _UNIX) // _MICRO


def from_micros(value: int) -> datetime:
    """The aware UTC datetime of :func:`micros`."""
    return _UNIX + timedelta(microseconds=value)


def scaled(value: Decimal | int | str) -> int:
    """An exact decimal as an integer number of millionths; more decimals -> ValueError."""
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"geen eindig getal: {value}")
    units = number.scaleb(DECIMAL_SCALE)
    if units != units.to_integral_value():
        raise ValueError(f"meer dan {DECIMAL_SCALE} decimalen: {value}")
    result = int(units)
    if not -(2**63) <= result < 2**63:
        raise ValueError(f"getal te groot: {value}")
    return result


def unscaled(units: int) -> Decimal:
    """The Decimal of :func:`scaled`, without trailing zeros (``12.5``, ``100``)."""
    whole, rest = divmod(units, _FACTOR)
    if rest == 0:
        return Decimal(whole)
    exact: Decimal = Decimal(units).scaleb(-DECIMAL_SCALE).normalize()
    return exact


#: Recently converted ids both ways: screens bind and read the same ids again and again
#: (a page of contacts, each keystroke). Bounded; emptied when full.
_TO_BYTES: dict[str, bytes] = {}
_TO_TEXT: dict[bytes, str] = {}
_MEMO = 50_000


def _bind_id(value: str | None) -> bytes | str | None:
    if value is None:
        return None
    raw = _TO_BYTES.get(value)
    if raw is not None:
        return raw
    try:
        raw = uuid_bytes(value)
    except ValueError:
        # Not a UUID ("bestaat-niet" from a stale screen): bound as text, which equals no
        # stored id, so lookups find nothing and a reference fails its foreign key.
        return value
    if len(_TO_BYTES) >= _MEMO:
        _TO_BYTES.clear()
    _TO_BYTES[value] = raw
    return raw


def _id_text(value: Any, _hex: Any = bytes.hex) -> str | None:
    if value.__class__ is bytes and len(value) == 16:
        text = _TO_TEXT.get(value)
        if text is None:
            h: str = _hex(value)
            text = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
            if len(_TO_TEXT) >= _MEMO:
                _TO_TEXT.clear()
            _TO_TEXT[value] = text
        return text
    if value is None:
        return None
    if isinstance(value, bytes | memoryview):
        return uuid_text(bytes(value))
    return str(value)


class _Blob(LargeBinary):
    """``BLOB`` handed to and from the driver as it is (no memoryview wrapping)."""

    def bind_processor(self, dialect: Dialect) -> None:
        return None

    def result_processor(self, dialect: Dialect, coltype: object) -> None:
        return None


class UUIDKey(TypeDecorator[str]):
    """A UUID, ``str`` in Python: BLOB(16) on SQLite, native ``uuid`` on PostgreSQL."""

    impl = _Blob(16)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(postgresql.UUID(as_uuid=False))
        return dialect.type_descriptor(_Blob(16))

    def process_bind_param(self, value: str | None, dialect: Dialect) -> Any:
        return value if dialect.name == "postgresql" else _bind_id(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return _id_text(value)

    # Plain functions instead of the composed TypeDecorator processors: ids are bound and
    # read by the thousand per screen (a contacts page binds 400 and reads 550).
    def bind_processor(self, dialect: Dialect) -> Any:
        return None if dialect.name == "postgresql" else _bind_id

    def result_processor(self, dialect: Dialect, coltype: object) -> Any:
        return _id_text

    def process_literal_param(self, value: str | None, dialect: Dialect) -> str:
        if value is None:
            return "NULL"
        if dialect.name == "postgresql":
            return f"'{uuid.UUID(value)}'"
        return f"X'{uuid_bytes(value).hex()}'"


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime: INTEGER microseconds on SQLite, ``timestamptz`` on PostgreSQL."""

    impl = BigInteger
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(postgresql.TIMESTAMP(timezone=True))
        return dialect.type_descriptor(BigInteger())

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if dialect.name == "postgresql":
            return value if value.tzinfo else value.replace(tzinfo=UTC)
        return micros(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, datetime):
            return value.astimezone(UTC)
        return from_micros(int(value))


class ExactDecimal(TypeDecorator[Decimal]):
    """A Decimal with up to 6 decimals, never a float: scaled BIGINT on SQLite (sorts and
    aggregates as a number), ``numeric(24, 6)`` on PostgreSQL."""

    impl = BigInteger
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(Numeric(24, DECIMAL_SCALE, asdecimal=True))
        return dialect.type_descriptor(BigInteger())

    def process_bind_param(self, value: Decimal | int | str | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        units = scaled(value)  # the same limits on every database
        return unscaled(units) if dialect.name == "postgresql" else units

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        if dialect.name == "postgresql":
            return unscaled(scaled(value))
        return unscaled(int(value))


class JSONList(TypeDecorator[list[str]]):
    """A short list of strings (aliases), stored as JSON text."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: list[str] | None, dialect: Dialect) -> str:
        return json.dumps(list(value or []), ensure_ascii=False)

    def process_result_value(self, value: str | None, dialect: Dialect) -> list[str]:
        return list(json.loads(value)) if value else []

    def copy_value(self, value: Any) -> Any:
        return list(value) if value is not None else None


def id_list(name: str) -> BindParameter[str]:
    """Ids for raw SQL: ``text("... WHERE id IN :ids").bindparams(id_list("ids"))``."""
    return bindparam(name, expanding=True, type_=UUIDKey())


def id_param(name: str) -> BindParameter[str]:
    """One id for raw SQL: ``text("... id = :p").bindparams(id_param("p"))``."""
    return bindparam(name, type_=UUIDKey())
