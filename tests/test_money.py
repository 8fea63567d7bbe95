from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealmaker.domain.money import eur, format_eur, parse_eur
from dealmaker.domain.rules import cofinancing_breaches


def test_format_dutch() -> None:
    assert format_eur(123456789) == "EUR 1.234.567,89"
    assert format_eur(5) == "EUR 0,05"
    assert format_eur(-100) == "EUR -1,00"
    assert format_eur(None) == ""


@pytest.mark.parametrize(("text", "cents"), [
    ("EUR 1.234.567,89", 123456789), ("€ 1.234,5", 123450), ("1234567.89", 123456789),
    ("5.000.000", 500000000), ("-12,00", -1200), ("0,01", 1),
])
def test_parse_variants(text: str, cents: int) -> None:
    assert parse_eur(text) == cents


@pytest.mark.parametrize("text", ["", "abc", "1,234", "12,3,4", "EUR"])
def test_parse_rejects_with_dutch_message(text: str) -> None:
    with pytest.raises(ValueError, match="bedrag"):
        parse_eur(text)


@given(st.integers(min_value=-10**15, max_value=10**15))
def test_format_parse_roundtrip(cents: int) -> None:
    assert parse_eur(format_eur(cents)) == cents


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2))
def test_eur_is_exact(amount: Decimal) -> None:
    assert Decimal(eur(amount)) / 100 == amount


def test_cofinancing_rules() -> None:
    assert cofinancing_breaches(eur(10_000_000), [eur(10_000_000)]) == []
    codes = {b.code for b in cofinancing_breaches(eur(4_000_000), [eur(1_000_000)])}
    assert codes == {"rijk_min", "rijk_share"}
    assert {b.code for b in cofinancing_breaches(eur(41_000_000), [eur(50_000_000)])} == {
        "rijk_max"}
