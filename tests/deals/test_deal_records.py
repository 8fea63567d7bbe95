"""A deal with its parties is one undoable step; the portfolio and the dossier."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from dealmaker.domain.enums import (
    ContributionForm,
    MeetingKind,
    OrgKind,
    PartyRole,
    Sector,
)
from dealmaker.domain.money import eur, parse_eur
from dealmaker.services.deals.dossier import deal_dossier
from dealmaker.services.deals.portfolio import portfolio
from dealmaker.services.deals.records import DealData, PartyData, save_deal
from dealmaker.services.people import ValidationError
from dealmaker.services.undo import redo, undo
from dealmaker.storage.models import Deal, DealParty, Meeting, Pledge
from deals.conftest import Scene


def _live(scene: Scene, model: type[Deal] | type[DealParty]) -> int:
    with scene.ws.read() as s:
        return len(s.scalars(select(model).where(model.deleted_at.is_(None))).all())


def test_one_undo_removes_the_deal_and_its_three_parties(scene: Scene) -> None:
    deals, parties = _live(scene, Deal), _live(scene, DealParty)
    gem = scene.make.org("Gemeente Hengelo", OrgKind.GEMEENTE)
    deal_id, _ = save_deal(scene.ws, None, DealData(
        "Regio Deal Noord-Twente", aliases=("Noord-Twente",), tranche="IV",
        requested_cents=parse_eur("7,5 mln"), dealmaker_id=scene.maker), [
        PartyData(scene.twente, PartyRole.INDIENER, date(2026, 1, 1)),
        PartyData(scene.enschede, PartyRole.COFINANCIER),
        PartyData(gem, PartyRole.ONDERTEKENAAR)])
    assert (_live(scene, Deal), _live(scene, DealParty)) == (deals + 1, parties + 3)
    dossier = deal_dossier(scene.ws, deal_id)
    assert dossier.data.requested_cents == 750_000_000
    assert {p.organisation for p in dossier.parties} == {
        "Regio Twente", "Gemeente Enschede", "Gemeente Hengelo"}
    undo(scene.ws)
    assert (_live(scene, Deal), _live(scene, DealParty)) == (deals, parties)
    redo(scene.ws)
    assert (_live(scene, Deal), _live(scene, DealParty)) == (deals + 1, parties + 3)


def test_editing_parties_adds_changes_and_removes_in_one_step(scene: Scene) -> None:
    deal_id, _ = save_deal(scene.ws, None, DealData("D"), [
        PartyData(scene.twente, PartyRole.INDIENER), PartyData(scene.enschede,
                                                               PartyRole.COFINANCIER)])
    rows = deal_dossier(scene.ws, deal_id).parties
    keep = next(r for r in rows if r.organisation == "Regio Twente")
    save_deal(scene.ws, deal_id, DealData("D", phase=deal_dossier(scene.ws, deal_id).data.phase),
              [PartyData(keep.organisation_id, PartyRole.ONDERTEKENAAR, id=keep.id),
               PartyData(scene.bzk, PartyRole.ADVISEUR)])
    after = {(r.organisation, r.role) for r in deal_dossier(scene.ws, deal_id).parties}
    assert after == {("Regio Twente", PartyRole.ONDERTEKENAAR),
                     ("Ministerie van BZK", PartyRole.ADVISEUR)}
    undo(scene.ws)
    before = {(r.organisation, r.role) for r in deal_dossier(scene.ws, deal_id).parties}
    assert before == {("Regio Twente", PartyRole.INDIENER),
                      ("Gemeente Enschede", PartyRole.COFINANCIER)}


@pytest.mark.parametrize(("data", "parties", "field"), [
    (DealData("  "), [], "name"),
    (DealData("D", signed_on=date(2026, 5, 1), ends_on=date(2026, 4, 1)), [], "ends_on"),
    (DealData("D", requested_cents=-1), [], "requested_cents"),
])
def test_refusals_name_the_field(scene: Scene, data: DealData, parties: list[PartyData],
                                 field: str) -> None:
    with pytest.raises(ValidationError) as info:
        save_deal(scene.ws, None, data, parties)
    assert info.value.field == field


def test_twice_the_same_party_in_the_same_role_is_refused(scene: Scene) -> None:
    with pytest.raises(ValidationError, match="twee keer"):
        save_deal(scene.ws, None, DealData("D"), [
            PartyData(scene.twente, PartyRole.INDIENER),
            PartyData(scene.twente, PartyRole.INDIENER)])


def test_portfolio_splits_money_and_explains_breaches(scene: Scene) -> None:
    today = date(2026, 6, 1)
    with scene.ws.uow("Testdata") as uow:
        s = uow.session
        deal = s.get(Deal, scene.deal)
        assert deal is not None
        deal.requested_cents, deal.granted_cents = eur(12_000_000), eur(10_000_000)
        for org, sector, form, cents in (
                (scene.twente, Sector.PUBLIEK, ContributionForm.IN_CASH, eur(4_000_000)),
                (scene.enschede, Sector.PRIVAAT, ContributionForm.IN_CASH, eur(2_000_000)),
                (scene.enschede, Sector.PUBLIEK, ContributionForm.IN_NATURA, eur(1_000_000)),
                (scene.bzk, Sector.PUBLIEK, ContributionForm.IN_CASH, eur(9_000_000))):
            s.add(Pledge(deal_id=scene.deal, organisation_id=org, sector=sector, form=form,
                         year=2026, pledged_cents=cents, realised_cents=0))
        s.add(Meeting(deal_id=scene.deal, kind=MeetingKind.RIJK_REGIO_OVERLEG,
                      held_on=date(2026, 3, 3)))
        uow.commit()
    scene.commitment(due=today - timedelta(days=1))
    scene.commitment(due=today + timedelta(days=1))
    [row] = portfolio(scene.ws, today)
    assert (row.rijk, row.split.public, row.split.private, row.split.in_natura) == (
        eur(10_000_000), eur(4_000_000), eur(2_000_000), eur(1_000_000))  # Rijk's own not
    assert str(row.share) == "58.82"
    assert {c.code for c in row.broken} == {"rijk_share", "regional_share"}
    assert (row.open_commitments, row.overdue_commitments) == (2, 1)
    assert row.last_overleg == date(2026, 3, 3)
