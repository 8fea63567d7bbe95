"""Rules of the Regio Deals that the data can break (domain.md, 'Money')."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dealmaker.domain.money import Cents, eur, format_eur

RIJK_MIN: Cents = eur(5_000_000)
RIJK_MAX: Cents = eur(40_000_000)
RIJK_MAX_SHARE_PCT = 50


@dataclass(frozen=True)
class RuleBreach:
    """One broken rule, with a Dutch explanation."""

    code: str
    message: str


def cofinancing_breaches(rijk: Cents | None, regional: Iterable[Cents]) -> list[RuleBreach]:
    """Check a deal's Rijksbijdrage against the regional cofinancing pledged.

    The Rijk pays at most 50% of a deal, at least EUR 5 mln and at most EUR 40 mln.
    """
    if rijk is None:
        return []
    regional_total = sum(regional)
    breaches: list[RuleBreach] = []
    if rijk < RIJK_MIN:
        breaches.append(RuleBreach(
            "rijk_min", f"Rijksbijdrage {format_eur(rijk)} is lager dan {format_eur(RIJK_MIN)}"))
    if rijk > RIJK_MAX:
        breaches.append(RuleBreach(
            "rijk_max", f"Rijksbijdrage {format_eur(rijk)} is hoger dan {format_eur(RIJK_MAX)}"))
    total = rijk + regional_total
    if total > 0 and rijk * 100 > total * RIJK_MAX_SHARE_PCT:
        share = rijk * 100 // total
        breaches.append(RuleBreach(
            "rijk_share",
            f"Rijksaandeel is {share}% van de deal (maximaal {RIJK_MAX_SHARE_PCT}%): "
            f"regionale cofinanciering {format_eur(regional_total)} is te laag"))
    return breaches
