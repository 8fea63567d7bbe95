"""An indicator's status, computed from progress toward its target (never typed in).

progress = (latest - nulmeting) / (target - nulmeting): 0 at the nulmeting, 1 at the
target, whichever way "better" points. expected = the part of the period from the
nulmeting date to the target date that has passed on the date of the latest measurement
(1 when either date is missing). Exact arithmetic (Fraction), so the boundaries hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

#: how far (as a share of the whole way) an indicator may lag and still be "achter"
LAG_ALLOWED = Fraction(1, 4)

#: the rule as shown to the user, one sentence a line
RULE_LINES = (
    "Status wordt berekend, niet ingevuld.",
    "Voortgang = (laatste meting − nulmeting) / (streefwaarde − nulmeting).",
    "Verwacht = verstreken deel van de periode van nulmeting tot streefdatum, "
    "op de datum van de laatste meting.",
    "Op koers: voortgang ≥ verwacht.",
    "Achter: voortgang minder dan 25 procentpunt onder verwacht, en niet achteruit.",
    "Uit koers: verder achter, of verslechterd ten opzichte van de nulmeting.",
    "Geen gegevens: nulmeting, streefwaarde of meting ontbreekt.",
    "Is de streefwaarde gelijk aan de nulmeting, dan telt of de meting aan de goede kant ligt.",
)
RULE_TEXT = " ".join(RULE_LINES)


class Status(StrEnum):
    OP_KOERS = "op koers"
    ACHTER = "achter"
    UIT_KOERS = "uit koers"
    GEEN_GEGEVENS = "geen gegevens"


@dataclass(frozen=True)
class Reading:
    """What the status rule needs of an indicator."""

    baseline: Decimal | None
    target: Decimal | None
    latest: Decimal | None
    higher_is_better: bool = True
    baseline_on: date | None = None
    target_on: date | None = None
    latest_on: date | None = None


def expected_share(start: date | None, end: date | None, on: date | None) -> Fraction:
    """The part of ``start``..``end`` passed on ``on`` (0..1; 1 without the dates)."""
    if start is None or end is None or on is None or end <= start:
        return Fraction(1)
    passed = Fraction((on - start).days, (end - start).days)
    return min(Fraction(1), max(Fraction(0), passed))


def progress(r: Reading) -> Fraction | None:
    """(latest - nulmeting) / (target - nulmeting); None when it cannot be computed."""
    if r.baseline is None or r.target is None or r.latest is None or r.target == r.baseline:
        return None
    return Fraction(r.latest - r.baseline) / Fraction(r.target - r.baseline)


def status(r: Reading) -> Status:
    """Op koers / achter / uit koers / geen gegevens (see ``RULE_TEXT``)."""
    if r.baseline is None or r.target is None or r.latest is None:
        return Status.GEEN_GEGEVENS
    if r.target == r.baseline:
        good = r.latest >= r.target if r.higher_is_better else r.latest <= r.target
        return Status.OP_KOERS if good else Status.UIT_KOERS
    done = progress(r)
    assert done is not None
    expected = expected_share(r.baseline_on, r.target_on, r.latest_on)
    if done >= expected:
        return Status.OP_KOERS
    if done >= 0 and done > expected - LAG_ALLOWED:
        return Status.ACHTER
    return Status.UIT_KOERS
