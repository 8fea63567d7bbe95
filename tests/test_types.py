"""The compact column types: exact round trips, numeric order, portable DDL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Column, MetaData, Table, create_engine, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.schema import CreateTable

from dealmaker.storage.types import (
    DECIMAL_SCALE,
    ExactDecimal,
    UTCDateTime,
    UUIDKey,
    micros,
    scaled,
    unscaled,
    uuid_bytes,
    uuid_text,
)

META = MetaData()
ROWS = Table("t", META, Column("id", UUIDKey(), primary_key=True),
             Column("at", UTCDateTime()), Column("value", ExactDecimal()))
ENGINE = create_engine("sqlite://")
META.create_all(ENGINE)

decimals = st.decimals(min_value=Decimal("-9e12"), max_value=Decimal("9e12"),
                       allow_nan=False, allow_infinity=False, places=DECIMAL_SCALE)
moments = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1),
                       timezones=st.just(UTC))


def _round_trip(uid: str, at: datetime | None, value: Decimal | None) -> tuple[object, ...]:
    with ENGINE.begin() as conn:
        conn.execute(ROWS.delete())
        conn.execute(insert(ROWS).values(id=uid, at=at, value=value))
        return tuple(conn.execute(select(ROWS)).one())


@given(st.uuids(), moments, decimals)
def test_values_come_back_exactly(uid: uuid.UUID, at: datetime, value: Decimal) -> None:
    assert _round_trip(str(uid), at, value) == (str(uid), at, value)


@given(st.lists(decimals, min_size=1, max_size=20))
def test_decimals_sort_and_aggregate_as_numbers(values: list[Decimal]) -> None:
    with ENGINE.begin() as conn:
        conn.execute(ROWS.delete())
        conn.execute(insert(ROWS), [{"id": str(uuid.uuid4()), "value": v} for v in values])
        assert conn.scalar(select(func.max(ROWS.c.value))) == max(values)
        assert list(conn.scalars(select(ROWS.c.value).order_by(ROWS.c.value))) \
            == sorted(values)


def test_max_is_numeric_not_text() -> None:
    """The large demo's text decimals made MAX('999', '8247') = '999'."""
    with ENGINE.begin() as conn:
        conn.execute(ROWS.delete())
        conn.execute(insert(ROWS), [{"id": str(uuid.uuid4()), "value": Decimal(v)}
                                    for v in ("999", "8247", "12.5")])
        assert conn.scalar(select(func.max(ROWS.c.value))) == Decimal("8247")
        assert conn.exec_driver_sql("SELECT max(value) FROM t").scalar() == 8247 * 10**6


def test_stored_forms_are_compact() -> None:
    uid = "0190c2a4-6f1e-7a3b-8c4d-5e6f708192a3"
    at = datetime(2026, 11, 25, 10, 15, 0, 123456, tzinfo=UTC)
    _round_trip(uid, at, Decimal("12.5"))
    with ENGINE.connect() as conn:
        raw = conn.exec_driver_sql("SELECT id, at, value FROM t").one()
    assert raw == (uuid.UUID(uid).bytes, int(at.timestamp()) * 10**6 + 123_456, 12_500_000)


def test_naive_datetimes_count_as_utc_and_zones_are_converted() -> None:
    naive = datetime(2026, 1, 2, 3, 4, 5, 6)
    cet = datetime(2026, 1, 2, 4, 4, 5, 6, tzinfo=timezone(timedelta(hours=1)))
    assert micros(naive) == micros(naive.replace(tzinfo=UTC)) == micros(cet)


@pytest.mark.parametrize("bad", ["1.0000001", "1e-7", "NaN", "Infinity", "1e19"])
def test_more_decimals_or_too_large_are_refused_not_rounded(bad: str) -> None:
    with pytest.raises(ValueError):
        scaled(Decimal(bad))


def test_decimals_come_back_without_trailing_zeros() -> None:
    assert str(unscaled(scaled(Decimal("12.50")))) == "12.5"
    assert str(unscaled(scaled(Decimal("100")))) == "100"
    assert str(unscaled(scaled(Decimal("-0.000001")))) == "-0.000001"


@given(st.uuids())
def test_uuid_text_and_bytes(uid: uuid.UUID) -> None:
    assert uuid_bytes(str(uid)) == uid.bytes
    assert uuid_bytes(str(uid).upper()) == uid.bytes
    assert uuid_text(uid.bytes) == str(uid)


def test_a_non_uuid_finds_nothing_instead_of_failing() -> None:
    _round_trip(str(uuid.uuid4()), None, None)
    with ENGINE.connect() as conn:
        assert conn.execute(select(ROWS).where(ROWS.c.id == "bestaat-niet")).first() is None


def test_ddl_is_native_on_postgresql_and_compact_on_sqlite() -> None:
    pg = str(CreateTable(ROWS).compile(dialect=postgresql.dialect()))
    lite = str(CreateTable(ROWS).compile(dialect=sqlite.dialect()))
    assert "id UUID" in pg and "at TIMESTAMP WITH TIME ZONE" in pg
    assert f"value NUMERIC(24, {DECIMAL_SCALE})" in pg
    assert "id BLOB" in lite and "at BIGINT" in lite and "value BIGINT" in lite


def test_postgresql_binds_native_values() -> None:
    dialect = postgresql.dialect()
    uid = str(uuid.uuid4())
    assert UUIDKey().process_bind_param(uid, dialect) == uid
    at = datetime(2026, 1, 1, tzinfo=UTC)
    assert UTCDateTime().process_bind_param(at, dialect) == at
    assert ExactDecimal().process_bind_param(Decimal("12.50"), dialect) == Decimal("12.5")
