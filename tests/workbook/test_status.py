"""The indicator status rule at its boundaries (exact arithmetic, either direction)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from dealmaker.domain.progress import Reading, Status, expected_share, status

START, END = date(2024, 1, 1), date(2025, 1, 1)  # 366 days
HALF = date(2024, 7, 2)  # day 183: exactly half the period


def _reading(latest: str | None, *, on: date = HALF, higher: bool = True,
             baseline: str | None = "100", target: str | None = "200") -> Reading:
    return Reading(None if baseline is None else D(baseline),
                   None if target is None else D(target),
                   None if latest is None else D(latest), higher, START, END, on)


def test_expected_share_is_exact_and_clamped() -> None:
    assert expected_share(START, END, HALF) * 2 == 1
    assert expected_share(START, END, date(2023, 1, 1)) == 0
    assert expected_share(START, END, date(2030, 1, 1)) == 1
    assert expected_share(None, END, HALF) == 1


@pytest.mark.parametrize(("latest", "expected"), [
    ("150", Status.OP_KOERS),           # progress 0.5 == expected 0.5
    ("149.999999", Status.ACHTER),      # just below expected
    ("125.000001", Status.ACHTER),      # just above expected - 0.25
    ("125", Status.UIT_KOERS),          # exactly 25 points behind
    ("100", Status.UIT_KOERS),          # no progress at half time
    ("99", Status.UIT_KOERS),           # worse than the nulmeting
    ("250", Status.OP_KOERS),           # past the target
])
def test_higher_is_better_boundaries(latest: str, expected: Status) -> None:
    assert status(_reading(latest)) is expected


@pytest.mark.parametrize(("latest", "expected"), [
    ("50", Status.OP_KOERS), ("50.000001", Status.ACHTER), ("75", Status.UIT_KOERS),
    ("101", Status.UIT_KOERS)])
def test_lower_is_better_uses_the_same_rule(latest: str, expected: Status) -> None:
    assert status(_reading(latest, higher=False, target="0")) is expected


def test_early_in_the_period_a_little_progress_is_enough() -> None:
    assert status(_reading("100", on=START)) is Status.OP_KOERS
    assert status(_reading("99.9", on=START)) is Status.UIT_KOERS


def test_missing_data_is_geen_gegevens() -> None:
    assert status(_reading(None)) is Status.GEEN_GEGEVENS
    assert status(_reading("150", baseline=None)) is Status.GEEN_GEGEVENS
    assert status(_reading("150", target=None)) is Status.GEEN_GEGEVENS


def test_target_equal_to_nulmeting_counts_the_side() -> None:
    assert status(_reading("100", target="100")) is Status.OP_KOERS
    assert status(_reading("99", target="100")) is Status.UIT_KOERS
    assert status(_reading("99", target="100", higher=False)) is Status.OP_KOERS
