"""Fixtures of the Deals screen tests: the register scene plus money, and the page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from deals.conftest import Scene
from directory.factory import Factory
from pytestqt.qtbot import QtBot

from dealmaker.domain.enums import ContributionForm, OrgKind, Sector
from dealmaker.domain.money import eur
from dealmaker.storage.models import Deal, Pledge
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.deals.page import DealsPage
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.signals import AppSignals
from dealmaker.ui.shell.tasks import TaskRunner


@pytest.fixture
def scene(workspace: Workspace) -> Scene:
    make = Factory(workspace)
    bzk = make.org("Ministerie van BZK", OrgKind.MINISTERIE)
    twente = make.org("Regio Twente", OrgKind.SAMENWERKINGSVERBAND)
    enschede = make.org("Gemeente Enschede", OrgKind.GEMEENTE)
    maker = make.person("Anna", "Berg", at=bzk, title="dealmaker")
    deal = make.deal("Regio Deal Twente", tranche="II", dealmaker=maker)
    make.deal("Regio Deal Zeeland", tranche="I")
    with workspace.uow("Testdata") as uow:
        d = uow.session.get(Deal, deal)
        assert d is not None
        d.granted_cents = eur(41_000_000)
        uow.session.add(Pledge(deal_id=deal, organisation_id=twente, sector=Sector.PUBLIEK,
                               form=ContributionForm.IN_CASH, year=2025,
                               pledged_cents=eur(20_000_000), realised_cents=0))
        uow.commit()
    return Scene(make, workspace, bzk, twente, enschede, deal, maker)


@pytest.fixture
def context(workspace: Workspace) -> Iterator[AppContext]:
    tasks = TaskRunner(inline=True)
    yield AppContext(AppSignals(), tasks, lambda: workspace)
    tasks.shutdown()


@pytest.fixture
def page(qtbot: QtBot, context: AppContext, scene: Scene) -> DealsPage:
    widget = DealsPage(context)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_active(True)
    return widget
