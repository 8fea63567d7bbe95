"""How big a demo workspace is: ``small``, ``large`` or a number of persons."""

from __future__ import annotations

from dataclasses import dataclass

from dealmaker.services.demo.catalog import ALL_DEALS, NAMED_COUNT

SMALL_PERSONS = 360
INTERACTIONS_PER_PERSON = 10
COMMITMENTS_PER_PERSON = 0.2
MIN_COMMITMENTS_PER_DEAL = 5


@dataclass(frozen=True)
class Scale:
    """Row counts that drive the generator."""

    persons: int
    deals: int
    interactions: int
    commitments: int
    #: span, in years before the reference date, of contacts, pledges and measurements
    years: int


def scale_for(size: str | int) -> Scale:
    """The scale of ``"small"``, ``"large"`` or N persons (other counts proportional)."""
    if isinstance(size, str):
        size = parse_size(size)
    if size == "small":
        return _proportional(SMALL_PERSONS)
    if size == "large":
        return Scale(persons=50_000, deals=len(ALL_DEALS), interactions=500_000,
                     commitments=10_000, years=5)
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise ValueError(f"Ongeldige omvang: {size!r}. Kies small, large of een positief "
                         "aantal personen.")
    return _proportional(size)


def _proportional(persons: int) -> Scale:
    deals = max(NAMED_COUNT, min(len(ALL_DEALS), round(persons / 1000)))
    commitments = max(round(persons * COMMITMENTS_PER_PERSON), deals * MIN_COMMITMENTS_PER_DEAL)
    return Scale(persons=persons, deals=deals, interactions=persons * INTERACTIONS_PER_PERSON,
                 commitments=commitments, years=3)


def parse_size(text: str) -> str | int:
    """``"small"``, ``"large"`` (also ``klein``/``groot``) or a positive whole number."""
    raw = text.strip().lower()
    if raw in ("small", "klein"):
        return "small"
    if raw in ("large", "groot"):
        return "large"
    digits = raw.replace(".", "").replace("_", "")
    if digits.isdigit() and int(digits) > 0:
        return int(digits)
    raise ValueError(f"Ongeldige omvang {text!r}: kies small, large of een positief aantal "
                     "personen (bijvoorbeeld 5000).")
