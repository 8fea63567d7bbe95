"""The cofinancing rules at their boundaries (exactly € 5 mln, € 40 mln, 50,00%), as data
per tranche, each with its explanation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dealmaker.domain.money import eur
from dealmaker.domain.rules import (
    CofinancingRules,
    DealMoney,
    breaches,
    check_deal,
    cofinancing_breaches,
)
from dealmaker.services.deals.rules import rule_book, set_tranche_rules
from dealmaker.storage.workspace import Workspace

R = CofinancingRules()


def broken(rijk: int, regional: int, rules: CofinancingRules = R) -> set[str]:
    return {c.code for c in breaches(check_deal(rules, DealMoney(rijk, regional)))}


@pytest.mark.parametrize(("rijk", "codes"), [
    (eur(5_000_000), set()), (eur(5_000_000) - 1, {"rijk_min"}),
    (eur(40_000_000), set()), (eur(40_000_000) + 1, {"rijk_max"}),
])
def test_rijksbijdrage_limits_are_inclusive(rijk: int, codes: set[str]) -> None:
    assert broken(rijk, eur(50_000_000)) == codes


def test_exactly_fifty_percent_is_allowed_a_cent_more_is_not() -> None:
    assert broken(eur(10_000_000), eur(10_000_000)) == set()
    assert broken(eur(10_000_000), eur(10_000_000) - 1) == {"rijk_share", "regional_share"}
    shares = {c.code: c.explanation for c in check_deal(R, DealMoney(eur(10_000_000),
                                                                       eur(10_000_000)))}
    assert "Rijksaandeel is 50,00% van de deal" in shares["rijk_share"]


def test_the_share_limit_is_data_and_exact() -> None:
    rules = CofinancingRules(max_rijk_share_pct=Decimal("40.00"),
                             regional_at_least_rijk=False)
    assert broken(eur(8_000_000), eur(12_000_000), rules) == set()  # exactly 40,00%
    assert broken(eur(8_000_000), eur(12_000_000) - 1, rules) == {"rijk_share"}


def test_every_rule_is_explained_and_warnings_are_not_breaches() -> None:
    checks = check_deal(R, DealMoney(eur(41_000_000), eur(30_000_000), eur(31_000_000),
                                     requested=eur(45_000_000), granted=eur(41_000_000)))
    by = {c.code: c for c in checks}
    assert by["rijk_max"].explanation == ("Rijksbijdrage € 41.000.000,00 is hoger dan "
                                          "€ 40.000.000,00")
    assert by["regional_share"].explanation.endswith("€ 11.000.000,00 tekort")
    assert by["realised_above_pledged"].warning
    assert "€ 4.000.000,00 minder" in by["granted_below_requested"].explanation
    assert {c.code for c in breaches(checks)} == {"rijk_max", "rijk_share", "regional_share"}


def test_unknown_rijksbijdrage_checks_nothing() -> None:
    assert check_deal(R, DealMoney(None, eur(1))) == []
    assert cofinancing_breaches(None, [1]) == []


def test_rules_per_tranche_are_kept_in_the_workspace(workspace: Workspace) -> None:
    assert rule_book(workspace).for_tranche("III") == R
    set_tranche_rules(workspace, "III", CofinancingRules(rijk_min=eur(2_500_000)))
    book = rule_book(workspace)
    assert book.for_tranche("III").rijk_min == eur(2_500_000)
    assert book.for_tranche("II") == R
    with pytest.raises(ValueError, match="hoger dan de maximale"):
        set_tranche_rules(workspace, "*", CofinancingRules(rijk_min=eur(50_000_000)))
