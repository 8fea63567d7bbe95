"""Fixtures of the register tests: a scene with commitments and the real page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from deals.conftest import Scene
from directory.factory import Factory
from pytestqt.qtbot import QtBot

from dealmaker.domain.enums import OrgKind
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.commitments.page import CommitmentsPage
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.signals import AppSignals
from dealmaker.ui.shell.tasks import TaskRunner

TODAY = date.today()


@pytest.fixture
def scene(workspace: Workspace) -> Scene:
    make = Factory(workspace)
    bzk = make.org("Ministerie van BZK", OrgKind.MINISTERIE)
    twente = make.org("Regio Twente", OrgKind.SAMENWERKINGSVERBAND)
    enschede = make.org("Gemeente Enschede", OrgKind.GEMEENTE)
    maker = make.person("Anna", "Berg", at=bzk, title="dealmaker")
    make.person("Bert", "Smit", at=twente, title="programmamanager")
    deal = make.deal("Regio Deal Twente", tranche="II", dealmaker=maker)
    sc = Scene(make, workspace, bzk, twente, enschede, deal, maker)
    sc.commitment("Knelpunt huisvesting wegnemen", due=TODAY - timedelta(days=3),
                  owner=maker, on=TODAY - timedelta(days=30))
    sc.commitment("Cofinanciering provincie bevestigen", rijk_to_regio=False,
                  due=TODAY + timedelta(days=40), on=TODAY - timedelta(days=20))
    sc.commitment("Toegang tot OCW regelen", due=TODAY + timedelta(days=90), deal=None,
                  on=TODAY - timedelta(days=10))
    return sc


@pytest.fixture
def context(workspace: Workspace) -> Iterator[AppContext]:
    tasks = TaskRunner(inline=True)
    yield AppContext(AppSignals(), tasks, lambda: workspace)
    tasks.shutdown()


@pytest.fixture
def page(qtbot: QtBot, context: AppContext, scene: Scene) -> CommitmentsPage:
    widget = CommitmentsPage(context)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_active(True)
    return widget
