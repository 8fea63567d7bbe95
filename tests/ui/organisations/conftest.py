"""A small hand-made workspace for the Organisaties screen, and the page on it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from directory.factory import Factory
from pytestqt.qtbot import QtBot

from dealmaker.domain.enums import (
    CommitmentKind,
    CommitmentState,
    ContributionForm,
    OrgKind,
    PartyRole,
    Sector,
)
from dealmaker.storage.models import Commitment, Pledge
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.organisations.page import OrganisationsPage
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.signals import AppSignals
from dealmaker.ui.shell.tasks import TaskRunner


@dataclass
class Orgs:
    ezk: str
    dg: str
    directie: str
    afdeling: str
    lnv: str
    overijssel: str
    enschede: str
    emmen: str
    bedrijf: str
    deal: str
    anna: str
    bram: str


@pytest.fixture
def orgs(workspace: Workspace) -> Orgs:
    """EZK > DG > directie > afdeling and LNV; a provincie, two gemeenten, a bedrijf;
    people (one former) at the directie; a deal with pledges and commitments."""
    make = Factory(workspace)
    ezk = make.org("Ministerie van Economische Zaken en Klimaat", OrgKind.MINISTERIE,
                   short="EZK")
    dg = make.org("DG Bedrijfsleven en Innovatie", OrgKind.DG, parent=ezk)
    directie = make.org("Directie Innovatie", OrgKind.DIRECTIE, parent=dg)
    afdeling = make.org("Afdeling Regio", OrgKind.AFDELING, parent=directie)
    lnv = make.org("Ministerie van LNV", OrgKind.MINISTERIE, short="LNV")
    overijssel = make.org("Provincie Overijssel", OrgKind.PROVINCIE)
    enschede = make.org("Gemeente Enschede", OrgKind.GEMEENTE)
    emmen = make.org("Gemeente Emmen", OrgKind.GEMEENTE)
    bedrijf = make.org("Kennispark Twente BV", OrgKind.BEDRIJF)
    anna = make.person("Anna", "Berg", tv="van den", at=directie, title="Directeur",
                       start=date(2021, 2, 1))
    bram = make.person("Bram", "Jansen", at=directie, title="Beleidsmedewerker")
    cas = make.person("Cas", "de Vries")
    make.position(cas, directie, "Programmamanager", start=date(2018, 1, 1),
                  end=date(2022, 6, 30))
    deal = make.deal("Regio Deal Twente", tranche="II")
    make.party(deal, ezk, PartyRole.ONDERTEKENAAR, joined_on=date(2019, 7, 1))
    make.party(deal, enschede, PartyRole.COFINANCIER)
    make.add(Pledge(deal_id=deal, organisation_id=enschede, sector=Sector.PUBLIEK,
                    form=ContributionForm.IN_CASH, year=2021, pledged_cents=123_456,
                    realised_cents=100_000))
    make.add(Pledge(deal_id=deal, organisation_id=enschede, sector=Sector.PUBLIEK,
                    form=ContributionForm.IN_NATURA, year=2022, pledged_cents=500_000_000,
                    realised_cents=0))
    make.add(Commitment(deal_id=deal, title="Ruimte in de regelgeving",
                        kind=CommitmentKind.INHOUDELIJK, from_organisation_id=ezk,
                        to_organisation_id=enschede, state=CommitmentState.AFGESPROKEN,
                        due_on=date.today() - timedelta(days=3)))
    make.add(Commitment(deal_id=deal, title="Cofinanciering stadshart",
                        kind=CommitmentKind.FINANCIEEL, from_organisation_id=enschede,
                        to_organisation_id=ezk, state=CommitmentState.BEVESTIGD,
                        amount_cents=250_000_000, due_on=date.today() + timedelta(days=30)))
    return Orgs(ezk, dg, directie, afdeling, lnv, overijssel, enschede, emmen, bedrijf,
                deal, anna, bram)


@pytest.fixture
def context(workspace: Workspace) -> Iterator[AppContext]:
    tasks = TaskRunner(inline=True)
    yield AppContext(AppSignals(), tasks, lambda: workspace)
    tasks.shutdown()


@pytest.fixture
def page(qtbot: QtBot, context: AppContext, orgs: Orgs) -> OrganisationsPage:
    """The Organisaties page, shown and loaded (tasks run inline)."""
    page = OrganisationsPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    qtbot.waitExposed(page)
    page.set_active(True)
    return page
