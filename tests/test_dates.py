from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealmaker.domain.dates import format_date, parse_date


def test_format() -> None:
    assert format_date(date(2026, 3, 1)) == "01-03-2026"
    assert format_date(None) == ""


@pytest.mark.parametrize("text", ["1-3-2026", "01/03/2026", "01.03.26", "2026-03-01"])
def test_parse(text: str) -> None:
    assert parse_date(text) == date(2026, 3, 1)


@pytest.mark.parametrize("text", ["31-02-2026", "morgen", "2026/13/01", ""])
def test_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="dd-mm-jjjj"):
        parse_date(text)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(9999, 12, 31)))
def test_roundtrip(d: date) -> None:
    assert parse_date(format_date(d)) == d
