"""Rules of the Regio Deals that the data can break (domain.md, 'Money').

The limits are data (``CofinancingRules``, one set per tranche, editable in the
workspace), not literals: the defaults are the rules of the Regio Envelop (the Rijk pays
at most 50% of a deal, at least € 5 mln and at most € 40 mln; the region brings at least
as much). ``check_deal`` explains every rule, kept or broken; ``cofinancing_breaches`` is
the short form the overview uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from dealmaker.domain.money import Cents, format_eur


@dataclass(frozen=True)
class CofinancingRules:
    """The limits one tranche's deals are checked against."""

    rijk_min: Cents = 500_000_000  # € 5 mln
    rijk_max: Cents = 4_000_000_000  # € 40 mln
    #: the Rijk's largest share of the whole deal, in percent (two decimals allowed)
    max_rijk_share_pct: Decimal = Decimal(50)
    #: the region brings at least as much as the Rijk
    regional_at_least_rijk: bool = True


DEFAULT_RULES = CofinancingRules()


@dataclass(frozen=True)
class RuleBreach:
    """One broken rule, with a Dutch explanation."""

    code: str
    message: str


@dataclass(frozen=True)
class DealMoney:
    """What a deal's rules are checked on; all cents. ``rijk``: granted, else requested."""

    rijk: Cents | None
    regional_pledged: Cents = 0
    regional_realised: Cents = 0
    requested: Cents | None = None
    granted: Cents | None = None


@dataclass(frozen=True)
class RuleCheck:
    code: str
    #: the rule, as a user reads it
    rule: str
    kept: bool
    #: why it is kept or broken, with the figures
    explanation: str
    #: a warning, not a breach of the cofinancing rules
    warning: bool = False


def share_pct(rijk: Cents, regional: Cents) -> Decimal:
    """The Rijk's share of the deal in percent, to two decimals (for display)."""
    total = rijk + regional
    return (Decimal(rijk) * 100 / total).quantize(Decimal("0.01")) if total else Decimal(0)


def _pct(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",") + "%"


@dataclass(frozen=True)
class _Checks:
    rules: CofinancingRules
    money: DealMoney
    out: list[RuleCheck] = field(default_factory=list)

    def add(self, code: str, rule: str, kept: bool, why: str, *, warning: bool = False) -> None:
        self.out.append(RuleCheck(code, rule, kept, why, warning))


def check_deal(rules: CofinancingRules, money: DealMoney) -> list[RuleCheck]:
    """Every rule with its explanation; an unknown Rijksbijdrage checks nothing."""
    c = _Checks(rules, money)
    rijk, regional = money.rijk, money.regional_pledged
    if rijk is not None:
        lo, hi = format_eur(rules.rijk_min), format_eur(rules.rijk_max)
        c.add("rijk_min", f"Rijksbijdrage minstens {lo}", rijk >= rules.rijk_min,
              f"Rijksbijdrage {format_eur(rijk)}" + (
                  "" if rijk >= rules.rijk_min else f" is lager dan {lo}"))
        c.add("rijk_max", f"Rijksbijdrage hoogstens {hi}", rijk <= rules.rijk_max,
              f"Rijksbijdrage {format_eur(rijk)}" + (
                  "" if rijk <= rules.rijk_max else f" is hoger dan {hi}"))
        total = rijk + regional
        # exact: rijk / total <= pct / 100  <=>  rijk * 100 <= total * pct
        kept = total == 0 or Decimal(rijk) * 100 <= Decimal(total) * rules.max_rijk_share_pct
        c.add("rijk_share", f"Rijksaandeel hoogstens {_pct(rules.max_rijk_share_pct)}", kept,
              f"Rijksaandeel is {_pct(share_pct(rijk, regional))} van de deal "
              f"({format_eur(rijk)} van {format_eur(total)})"
              + ("" if kept else f": regionale cofinanciering {format_eur(regional)} is te laag"))
        if rules.regional_at_least_rijk:
            ok = regional >= rijk
            c.add("regional_share", "Regio brengt minstens evenveel als het Rijk", ok,
                  f"Regionaal toegezegd {format_eur(regional)}, Rijk {format_eur(rijk)}"
                  + ("" if ok else f": {format_eur(rijk - regional)} tekort"))
    if money.regional_realised > regional:
        c.add("realised_above_pledged", "Gerealiseerd niet boven toegezegd", False,
              f"Gerealiseerd {format_eur(money.regional_realised)} is meer dan toegezegd "
              f"{format_eur(regional)}", warning=True)
    if money.granted is not None and money.requested is not None \
            and money.granted < money.requested:
        c.add("granted_below_requested", "Toegekend zoals aangevraagd", False,
              f"Toegekend {format_eur(money.granted)}, aangevraagd "
              f"{format_eur(money.requested)}: {format_eur(money.requested - money.granted)} "
              "minder", warning=True)
    return c.out


def breaches(checks: Iterable[RuleCheck]) -> list[RuleCheck]:
    """The broken cofinancing rules (warnings left out)."""
    return [x for x in checks if not x.kept and not x.warning]


def cofinancing_breaches(rijk: Cents | None, regional: Iterable[Cents],
                         rules: CofinancingRules = DEFAULT_RULES) -> list[RuleBreach]:
    """The broken rules of a deal's Rijksbijdrage against its regional cofinancing."""
    checks = check_deal(rules, DealMoney(rijk, sum(regional)))
    return [RuleBreach(x.code, x.explanation) for x in breaches(checks)
            if x.code != "regional_share"]
