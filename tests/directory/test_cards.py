"""The contact card and the organisation card."""

from __future__ import annotations

from datetime import date

import pytest

from dealmaker.domain.enums import (
    CommitmentKind,
    ContributionForm,
    OrgKind,
    PartyRole,
    RelationKind,
    Sector,
)
from dealmaker.services.contact_card import person_card
from dealmaker.services.organisations import organisation_card
from dealmaker.storage.models import Commitment, Pledge
from dealmaker.storage.workspace import Workspace
from directory.factory import Factory


@pytest.fixture
def world(make: Factory) -> dict[str, str]:
    bzk = make.org("Ministerie van BZK", OrgKind.MINISTERIE, short="BZK")
    regio = make.org("Directie Regio", OrgKind.DIRECTIE, parent=bzk)
    emmen = make.org("Gemeente Emmen", short="Emmen")
    anna = make.person("Anna", "Berg", tv="van den", at=emmen, title="Wethouder",
                       start=date(2022, 1, 1))
    bert = make.person("Bert", "Aalders", at=emmen, title="Wethouder",
                       start=date(2026, 1, 1))
    # Anna's former position at BZK, succeeded by Bert's former position there
    bert_old = make.position(bert, regio, "Dealmaker", start=date(2019, 1, 1),
                             end=date(2025, 12, 31))
    make.position(anna, regio, "Beleidsmedewerker", start=date(2015, 1, 1),
                  end=date(2018, 12, 31), successor=bert_old)
    deal = make.deal("Zuid- en Oost-Drenthe", dealmaker=anna)
    make.party(deal, emmen, PartyRole.ONDERTEKENAAR, joined_on=date(2019, 3, 1))
    return {"bzk": bzk, "regio": regio, "emmen": emmen, "anna": anna, "bert": bert,
            "deal": deal}


def test_person_card_positions_with_successor(workspace: Workspace,
                                              world: dict[str, str]) -> None:
    card = person_card(workspace, world["anna"], today=date(2026, 6, 1))
    assert card.display_name == "Anna van den Berg"
    current, former = card.positions
    assert (current.organisation, current.title, current.current) == (
        "Gemeente Emmen", "Wethouder", True)
    assert (former.title, former.start_date, former.end_date, former.current) == (
        "Beleidsmedewerker", date(2015, 1, 1), date(2018, 12, 31), False)
    assert former.successor is not None
    assert (former.successor.name, former.successor.title,
            former.successor.organisation) == ("Bert Aalders", "Dealmaker", "Directie Regio")
    bert = person_card(workspace, world["bert"])
    old = next(p for p in bert.positions if not p.current)
    assert old.predecessor is not None and old.predecessor.name == "Anna van den Berg"


def test_person_card_deals_relations_and_timeline(workspace: Workspace, make: Factory,
                                                  world: dict[str, str]) -> None:
    anna, bert = world["anna"], world["bert"]
    make.relation(anna, person=bert, kind=RelationKind.BESTUURLIJK, strength=5)
    make.relation(bert, person=anna, kind=RelationKind.INFORMEEL, strength=2)
    make.relation(anna, org=world["bzk"])
    for day in range(1, 26):
        make.contact([anna, bert], date(2026, 1, day), summary=f"{day}")
    card = person_card(workspace, anna)
    assert [(d.name, d.role) for d in card.deals] == [
        ("Zuid- en Oost-Drenthe", "Dealmaker"), ("Zuid- en Oost-Drenthe", "Ondertekenaar")]
    rel = [(r.outgoing, r.other_kind, r.other_name, r.kind) for r in card.relations]
    assert rel == [(True, "person", "Bert Aalders", RelationKind.BESTUURLIJK),
                   (True, "organisation", "Ministerie van BZK", RelationKind.WERKRELATIE),
                   (False, "person", "Bert Aalders", RelationKind.INFORMEEL)]
    assert len(card.timeline) == 20 and card.timeline[0].summary == "25"
    assert [p.name for p in card.timeline[0].participants] == ["Bert Aalders",
                                                               "Anna van den Berg"]


def test_commitments_and_pledges_on_both_cards(workspace: Workspace, make: Factory,
                                               world: dict[str, str]) -> None:
    anna, bert = world["anna"], world["bert"]
    make.add(Commitment(title="Capaciteit programmabureau", kind=CommitmentKind.CAPACITEIT,
                        from_organisation_id=world["bzk"], to_organisation_id=world["emmen"],
                        owner_id=bert, counterpart_id=anna, confirmed_by_id=anna,
                        deal_id=world["deal"], due_on=date(2026, 9, 1)))
    make.add(Commitment(title="Cofinanciering", kind=CommitmentKind.FINANCIEEL,
                        from_organisation_id=world["emmen"], to_organisation_id=world["bzk"],
                        owner_id=bert, amount_cents=250_000_00))
    make.add(Pledge(deal_id=world["deal"], organisation_id=world["emmen"],
                    sector=Sector.PUBLIEK, form=ContributionForm.IN_CASH, year=2026,
                    pledged_cents=1_000_000_00, realised_cents=400_000_00))
    card = person_card(workspace, anna)
    [c] = card.commitments
    assert (c.title, c.roles, c.deal_name) == ("Capaciteit programmabureau",
                                               ("tegenpartij", "bevestigd door"),
                                               "Zuid- en Oost-Drenthe")
    [p] = card.pledges  # Emmen's pledge: Anna holds a current position there
    assert (p.pledged_cents, p.realised_cents, p.organisation) == (1_000_000_00,
                                                                   400_000_00, "Emmen")
    assert len(person_card(workspace, bert).commitments) == 2
    org = organisation_card(workspace, world["emmen"])
    assert [(x.title, x.roles) for x in org.commitments] == [
        ("Capaciteit programmabureau", ("aan",)), ("Cofinanciering", ("van",))]
    assert [x.pledged_cents for x in org.pledges] == [1_000_000_00]
    assert org.commitments[1].amount_cents == 250_000_00


def test_organisation_card_people_children_deals(workspace: Workspace,
                                                 world: dict[str, str]) -> None:
    emmen = organisation_card(workspace, world["emmen"])
    assert [(p.name, p.current) for p in emmen.people] == [("Bert Aalders", True),
                                                           ("Anna van den Berg", True)]
    assert [(d.name, d.role, d.joined_on) for d in emmen.deals] == [
        ("Zuid- en Oost-Drenthe", PartyRole.ONDERTEKENAAR, date(2019, 3, 1))]
    regio = organisation_card(workspace, world["regio"])
    assert regio.parent is not None and regio.parent.short_name == "BZK"
    assert [(p.name, p.current, p.end_date) for p in regio.people] == [
        ("Bert Aalders", False, date(2025, 12, 31)),
        ("Anna van den Berg", False, date(2018, 12, 31))]
    bzk = organisation_card(workspace, world["bzk"])
    assert [c.name for c in bzk.children] == ["Directie Regio"] and bzk.parent is None


def test_unknown_ids(workspace: Workspace) -> None:
    with pytest.raises(LookupError):
        person_card(workspace, "weg")
    with pytest.raises(LookupError):
        organisation_card(workspace, "weg")
