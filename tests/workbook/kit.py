"""A small hand-made deal for the workbook tests: exact cents, hostile text, known status."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from dealmaker.domain.enums import (
    CommitmentKind,
    CommitmentState,
    ContributionForm,
    IndicatorDirection,
    IndicatorLevel,
    OrgKind,
    PartyRole,
    RelationKind,
    Sector,
    Side,
)
from dealmaker.storage.models import (
    Adjustment,
    Commitment,
    Deal,
    DealParty,
    Indicator,
    Measurement,
    Organisation,
    Person,
    Pledge,
    Position,
    Project,
    Relation,
)
from dealmaker.storage.workspace import Workspace

DEAL = "=Regio Deal Kanaalzone"
DDE = "=cmd|' /C calc'!A0"
PHONE = "+31 6 1234 5678"
#: (sector, form, year, pledged cents, realised cents) per organisation index
PLEDGES = [(0, Sector.PUBLIEK, ContributionForm.IN_CASH, 2024, 1, 0),
           (0, Sector.PUBLIEK, ContributionForm.IN_NATURA, 2024, 250_000_01, 99_99),
           (1, Sector.PRIVAAT, ContributionForm.IN_CASH, 2025, 999_999_999_99, 3),
           (1, Sector.PRIVAAT, ContributionForm.IN_CASH, 2026, 10, 10)]


@dataclass
class Made:
    deal_id: str
    pledged: int = 0
    realised: int = 0
    extra: dict[str, str] = field(default_factory=dict)


def make_deal(ws: Workspace) -> Made:
    with ws.uow("Testdeal") as u:
        s = u.session
        orgs = [Organisation(name=DDE, kind=OrgKind.GEMEENTE, side=Side.REGIO),
                Organisation(name="@Bedrijf BV", kind=OrgKind.BEDRIJF, side=Side.REGIO)]
        deal = Deal(name=DEAL, granted_cents=7_500_000_00, tranche="4")
        s.add_all([*orgs, deal])
        s.flush()
        made = Made(deal.id)
        s.add_all([DealParty(deal_id=deal.id, organisation_id=o.id, role=PartyRole.COFINANCIER)
                   for o in orgs])
        for i, sector, form, year, pledged, realised in PLEDGES:
            s.add(Pledge(deal_id=deal.id, organisation_id=orgs[i].id, sector=sector, form=form,
                         year=year, pledged_cents=pledged, realised_cents=realised))
            made.pledged += pledged
            made.realised += realised
        people = [Person(first_name="=Piet", last_name="Jansen", phone=PHONE,
                         email="piet@gemeente.example", notes="privé: niet exporteren"),
                  Person(first_name="Els", last_name="-Bakker", phone="")]
        s.add_all(people)
        s.flush()
        s.add_all([Position(person_id=p.id, organisation_id=o.id, title="Adviseur")
                   for p, o in zip(people, orgs, strict=True)])
        s.add(Relation(source_person_id=people[0].id, target_person_id=people[1].id,
                       kind=RelationKind.WERKRELATIE, strength=4))
        s.add_all([
            Commitment(deal_id=deal.id, title="+Subsidie aanvragen", kind=CommitmentKind.PROCES,
                       from_organisation_id=orgs[0].id, to_organisation_id=orgs[1].id,
                       due_on=date(2025, 3, 1), state=CommitmentState.AFGESPROKEN,
                       amount_cents=12_34),
            Commitment(deal_id=deal.id, title="Rapport", kind=CommitmentKind.INHOUDELIJK,
                       from_organisation_id=orgs[1].id, to_organisation_id=orgs[0].id,
                       due_on=date(2025, 6, 1), state=CommitmentState.NAGEKOMEN),
            Commitment(deal_id=deal.id, title="Later", kind=CommitmentKind.PROCES,
                       from_organisation_id=orgs[1].id, to_organisation_id=orgs[0].id,
                       due_on=date(2027, 6, 1), state=CommitmentState.CONCEPT)])
        project = Project(deal_id=deal.id, name="Haven")
        ind = Indicator(deal_id=deal.id, level=IndicatorLevel.PROGRAMMA, name="Banen",
                        baseline_value=Decimal("100"), baseline_on=date(2024, 1, 1),
                        target_value=Decimal("200"), target_on=date(2026, 1, 1),
                        direction=IndicatorDirection.HOGER_IS_BETER)
        empty = Indicator(deal_id=deal.id, level=IndicatorLevel.PROJECT, name="Leeg")
        s.add_all([project, ind, empty])
        s.flush()
        s.add_all([Measurement(indicator_id=ind.id, measured_on=date(2025, 1, 1),
                               value=Decimal("160.5"), note="@let op"),
                   Measurement(indicator_id=ind.id, measured_on=date(2026, 6, 1),
                               value=Decimal("90"), note="na het jaar")])
        s.add(Adjustment(deal_id=deal.id, decided_on=date(2025, 2, 1),
                         level=IndicatorLevel.PROJECT, reason="=1+1 herplannen",
                         project_id=project.id))
        u.commit()
    return made
