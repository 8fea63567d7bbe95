"""Measurements typed the Dutch way are read exactly or refused, never rounded."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealmaker.domain.charts import format_decimal
from dealmaker.domain.numbers import NumberError, parse_decimal

exact = st.decimals(min_value=-10**12, max_value=10**12, places=6, allow_nan=False,
                    allow_infinity=False)


@given(exact)
def test_what_the_screen_shows_reads_back_exactly(value: Decimal) -> None:
    assert parse_decimal(format_decimal(value)) == value


@pytest.mark.parametrize(("text", "value"), [
    ("12,5", "12.5"), ("1.234,5", "1234.5"), ("0.75", "0.75"), ("−3", "-3"),
    ("1.234", "1234"), ("12 345,6", "12345.6"), ("4,500000", "4.5")])
def test_dutch_forms(text: str, value: str) -> None:
    assert parse_decimal(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "1.2.3", "0,1234567", "12,5%", "1,"])
def test_refused_with_a_dutch_line(text: str) -> None:
    with pytest.raises(NumberError):
        parse_decimal(text)
