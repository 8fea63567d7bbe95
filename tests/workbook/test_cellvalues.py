"""Returned cells read exactly: numbers by their shortest repr, money through parse_eur."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealmaker.domain.dates import format_date
from dealmaker.domain.money import format_eur
from dealmaker.services.workbook.cellvalues import CellRefused, cents, day, number, state

#: what a spreadsheet float holds exactly enough: up to 15 significant digits, 6 decimals
DECIMALS = st.decimals(min_value=Decimal("-999999999"), max_value=Decimal("999999999"),
                       places=6, allow_nan=False, allow_infinity=False)


@given(DECIMALS)
def test_a_number_cell_reads_back_as_the_exact_decimal(value: Decimal) -> None:
    assert number(float(value)) == value


@given(st.integers(min_value=0, max_value=10**13))
def test_money_as_number_or_as_typed_text_is_exact_cents(amount: int) -> None:
    assert cents(float(Decimal(amount) / 100)) == amount
    assert cents(format_eur(amount)) == amount


@given(st.dates(min_value=date(1900, 3, 1), max_value=date(2200, 1, 1)))
def test_dates_as_cells_or_typed_dd_mm_jjjj(on: date) -> None:
    assert day(on) == day(datetime(on.year, on.month, on.day)) == on
    assert day(format_date(on)) == on


@pytest.mark.parametrize(("value", "reason"), [
    ("veel", "tekst waar een getal hoort ('veel')"), (True, "geen getal (True)"),
    (0.1234567, "meer dan 6 decimalen (0.1234567)")])
def test_what_is_not_a_number_is_refused(value: object, reason: str) -> None:
    with pytest.raises(CellRefused, match=reason.replace("(", r"\(").replace(")", r"\)")):
        number(value)


def test_money_refusals_are_parse_eurs_words_and_cents_stay_whole() -> None:
    with pytest.raises(CellRefused, match="Ongeldig bedrag '2,5 mjn'"):
        cents("2,5 mjn")
    with pytest.raises(CellRefused, match="fractie van een cent"):
        cents(1.005)
    assert cents("2,5 mln") == 250_000_000 and cents(None) is None


def test_state_by_label_or_value_in_any_case() -> None:
    assert state("BEVESTIGD").value == "bevestigd" and state(" ") is None
    with pytest.raises(CellRefused, match="onbekende status 'klaar'"):
        state("klaar")
