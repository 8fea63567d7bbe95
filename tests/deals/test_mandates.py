"""The mandate rule at its boundaries, and the mandate register as undoable records."""

from __future__ import annotations

from datetime import date

import pytest

from dealmaker.domain.mandates import MandateTerms, mandate_breach
from dealmaker.domain.money import eur
from dealmaker.services.mandates.records import (
    MandateData,
    create_mandate,
    delete_mandates,
    list_mandates,
    mandate_record,
    update_mandate,
)
from dealmaker.services.mandates.terms import mandate_terms
from dealmaker.services.people import ValidationError
from dealmaker.services.undo import undo
from deals.conftest import Scene

ON = date(2026, 6, 1)
MILLION = MandateTerms("m1", "anna", "Financiële toezeggingen", eur(1_000_000), "Piet Smit",
                       date(2026, 1, 1), date(2026, 12, 31))


@pytest.mark.parametrize(("amount", "flagged"), [
    (eur(1_000_000), False), (eur(1_000_000) + 1, True), (0, False), (None, False)])
def test_exactly_the_limit_is_within_a_cent_more_is_not(amount: int | None,
                                                        flagged: bool) -> None:
    why = mandate_breach([MILLION], "anna", amount, ON)
    assert (why is not None) is flagged
    if flagged:
        assert why == ("boven mandaat 'Financiële toezeggingen' (max € 1.000.000,00, "
                       "verleend door Piet Smit)")


@pytest.mark.parametrize(("on", "valid"), [
    (date(2026, 1, 1), True), (date(2026, 12, 31), True),
    (date(2025, 12, 31), False), (date(2027, 1, 1), False)])
def test_validity_dates_are_inclusive(on: date, valid: bool) -> None:
    why = mandate_breach([MILLION], "anna", eur(5), on)
    assert (why is None) is valid
    if not valid:
        assert why == ("geen geldig mandaat op " + on.strftime("%d-%m-%Y")
                       + " ('Financiële toezeggingen' geldt 01-01-2026 t/m 31-12-2026)")


def test_any_covering_mandate_suffices_and_the_highest_is_named() -> None:
    small = MandateTerms("m2", "anna", "Klein", eur(250_000))
    process = MandateTerms("m3", "anna", "Procesafspraken", None, "Piet Smit")
    assert mandate_breach([small, MILLION], "anna", eur(600_000), ON) is None
    assert "'Financiële toezeggingen'" in (mandate_breach([small, MILLION], "anna",
                                                          eur(2_000_000), ON) or "")
    # a mandate without a limit is for promises without money
    assert mandate_breach([small, process], "anna", eur(300_000), ON) == (
        "boven mandaat 'Klein' (max € 250.000,00)")
    assert mandate_breach([process], "anna", eur(1), ON) == (
        "boven mandaat 'Procesafspraken' (zonder bedrag, verleend door Piet Smit)")
    assert mandate_breach([process], "anna", 0, ON) is None
    assert mandate_breach([process], "anna", None, ON) is None


def test_nothing_to_check_without_owner_or_own_mandate_and_per_deal() -> None:
    assert mandate_breach([MILLION], None, eur(2_000_000), ON) is None
    assert mandate_breach([MILLION], "bert", eur(2_000_000), ON) is None
    for_deal = MandateTerms("m4", "anna", "Twente", eur(10), deal_id="twente")
    assert mandate_breach([for_deal], "anna", eur(20), ON, "twente") is not None
    assert mandate_breach([for_deal], "anna", eur(20), ON, "zeeland") is None


def test_mandate_register_create_edit_delete_each_undoable(scene: Scene) -> None:
    piet = scene.make.person("Piet", "Smit")
    data = MandateData(scene.maker, "Financiële toezeggingen", eur(1_000_000), piet,
                       date(2026, 1, 1), date(2026, 12, 31))
    mid, _ = create_mandate(scene.ws, data)
    [row] = list_mandates(scene.ws)
    assert (row.topic, row.holder, row.granted_by, row.limit_cents) == (
        "Financiële toezeggingen", "Anna Berg", "Piet Smit", eur(1_000_000))
    [terms] = mandate_terms(scene.ws, [scene.maker])
    assert terms.granted_by == "Piet Smit"
    update_mandate(scene.ws, mid, MandateData(scene.maker, "Alles", eur(5)))
    assert mandate_record(scene.ws, mid).topic == "Alles"
    undo(scene.ws)
    assert mandate_record(scene.ws, mid) == data
    delete_mandates(scene.ws, [mid])
    assert list_mandates(scene.ws) == []
    undo(scene.ws)
    assert list_mandates(scene.ws, "financ")[0].id == mid
    undo(scene.ws)
    assert list_mandates(scene.ws) == []


@pytest.mark.parametrize(("data", "field"), [
    (MandateData("", "X"), "holder_id"),
    (MandateData("maker", " "), "topic"),
    (MandateData("maker", "X", -1), "limit_cents"),
    (MandateData("maker", "X", None, None, date(2026, 2, 1), date(2026, 1, 1)), "valid_to"),
])
def test_refusals_name_the_field(scene: Scene, data: MandateData, field: str) -> None:
    if data.holder_id == "maker":
        data = MandateData(scene.maker, *[getattr(data, f) for f in (
            "topic", "limit_cents", "granted_by_id", "valid_from", "valid_to")])
    with pytest.raises(ValidationError) as err:
        create_mandate(scene.ws, data)
    assert err.value.field == field
