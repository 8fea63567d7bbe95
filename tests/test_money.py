from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealmaker.domain.money import (
    MAX_CENTS,
    MoneyError,
    eur,
    format_eur,
    format_eur_short,
    parse_eur,
)
from dealmaker.domain.rules import cofinancing_breaches

amounts = st.integers(min_value=-MAX_CENTS + 1, max_value=MAX_CENTS - 1)


def test_format_dutch() -> None:
    assert format_eur(123456789) == "€ 1.234.567,89"
    assert format_eur(5) == "€ 0,05"
    assert format_eur(-100) == "€ -1,00"
    assert format_eur(None) == ""


@pytest.mark.parametrize(("cents", "text"), [
    (1_440_000_000, "€ 14,4 mln"), (500_000_000, "€ 5 mln"), (4_000_000_000, "€ 40 mln"),
    (1_445_000_000, "€ 14,5 mln"), (-250_000_000, "€ -2,5 mln"),
    (25_000_000, "€ 250.000"), (12_345, "€ 123,45"), (None, ""),
])
def test_format_short(cents: int | None, text: str) -> None:
    assert format_eur_short(cents) == text


@pytest.mark.parametrize(("text", "cents"), [
    # what the issue lists, as typed
    ("1,5 mln", 150_000_000), ("€ 7,5 miljoen", 750_000_000), ("250k", 25_000_000),
    ("EUR 2.000.000,00", 200_000_000), ("€ 40.000.000", 4_000_000_000),
    ("1.000,-", 100_000), ("2,5 mln", 250_000_000),
    # and its neighbours
    ("EUR 1.234.567,89", 123456789), ("€ 1.234,5", 123450), ("1234567.89", 123456789),
    ("5.000.000", 500000000), ("-12,00", -1200), ("0,01", 1), ("12.50", 1250),
    ("1.000", 100_000), ("1.000,--", 100_000), ("1000,=", 100_000), ("€1000", 100_000),
    ("5 miljoen euro", 500_000_000), ("2 mld", 200_000_000_000), ("0,5K", 50_000),
    ("1 000 000", 100_000_000), ("-€ 3", -300), ("€ -3", -300), ("\u20ac\u00a012", 1200),
    ("1,2345 mln", 123_450_000), ("12 euro", 1200), ("1.5 mln", 150_000_000),
])
def test_parse_what_people_type(text: str, cents: int) -> None:
    assert parse_eur(text) == cents


@pytest.mark.parametrize(("text", "why"), [
    ("", "Vul een bedrag in"), ("abc", "verwacht een getal"), ("EUR", "verwacht een getal"),
    ("1,234", "fijner dan een cent"), ("0,001", "fijner dan een cent"),
    ("1,000", "onduidelijk of de komma duizendtallen"), ("€ 12,500", "duizendtallen"),
    ("1,2345678901 mln", "fijner dan een cent"),
    ("1,234,567", "meer dan één komma"), ("12,3,4", "meer dan één komma"),
    ("1.2345", "onduidelijk"), ("1234.567", "onduidelijk"),
    ("12.34.5", "per drie cijfers"), ("1 5", "per drie cijfers"),
    ("5 meter", "geen bekende eenheid"), ("1.000,-5", "verwacht een getal"),
    ("--5", "twee mintekens"), ("1,", "na de komma horen cijfers"),
    ("10000000 mld", "te groot"),
])
def test_parse_refuses_with_dutch_reason(text: str, why: str) -> None:
    with pytest.raises(MoneyError, match=why) as info:
        parse_eur(text)
    assert "bedrag" in str(info.value).lower()


@given(amounts)
def test_format_parse_roundtrip(cents: int) -> None:
    assert parse_eur(format_eur(cents)) == cents
    assert parse_eur(format_eur(cents, symbol=False)) == cents


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_short_form_of_whole_euros_reads_back(euros: int) -> None:
    if abs(euros) < 1_000_000:
        assert parse_eur(format_eur_short(euros * 100)) == euros * 100


@given(st.decimals(min_value=0, max_value=10**6, places=8))
def test_millions_with_decimals_exact_or_refused(mln: Decimal) -> None:
    text = f"{mln:f}".replace(".", ",") + " mln"
    exact = mln * 100_000_000
    if exact == exact.to_integral_value():
        assert parse_eur(text) == int(exact)
    else:
        with pytest.raises(MoneyError, match="fijner dan een cent"):
            parse_eur(text)


@given(st.lists(amounts, max_size=30))
def test_sums_are_exact(parts: list[int]) -> None:
    total = sum(parse_eur(format_eur(p)) for p in parts)
    assert total == sum(parts)
    assert Decimal(total) / 100 == sum((Decimal(p) / 100 for p in parts), Decimal(0))


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2))
def test_eur_is_exact(amount: Decimal) -> None:
    assert Decimal(eur(amount)) / 100 == amount


def test_cofinancing_rules() -> None:
    assert cofinancing_breaches(eur(10_000_000), [eur(10_000_000)]) == []
    codes = {b.code for b in cofinancing_breaches(eur(4_000_000), [eur(1_000_000)])}
    assert codes == {"rijk_min", "rijk_share"}
    assert {b.code for b in cofinancing_breaches(eur(41_000_000), [eur(50_000_000)])} == {
        "rijk_max"}
