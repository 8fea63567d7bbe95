"""Fixtures for window tests: headless Qt, an isolated data dir, inline tasks, a window
factory and a small workspace with a bit of everything."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import shutil
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dealmaker.domain.enums import (
    CommitmentKind,
    CommitmentState,
    ContributionForm,
    DealPhase,
    IndicatorLevel,
    InteractionKind,
    MeetingKind,
    OrgKind,
    RelationKind,
    Sector,
    Side,
)
from dealmaker.domain.money import eur
from dealmaker.storage.models import (
    Commitment,
    Deal,
    Indicator,
    Interaction,
    InteractionParticipant,
    Meeting,
    Organisation,
    Person,
    Pledge,
    Position,
    Relation,
)
from dealmaker.storage.workspace import create_workspace, open_workspace

#: The offscreen platform cannot pass a window's minimum size on; Qt warns about it
#: whenever a main window is laid out. Not a fault of ours, so not a test failure.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def ui_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings (venster.ini) and data of window tests live in the test's tmp dir."""
    data = tmp_path / "ui-data"
    monkeypatch.setenv("DEALMAKER_DATA_DIR", str(data))
    monkeypatch.delenv("DEALMAKER_DB", raising=False)
    monkeypatch.delenv("DEALMAKER_EXIT_AFTER_SHOW", raising=False)
    return data


def fill_workspace(path: Path) -> None:
    """3 contacts, 3 organisations, 2 deals (one breaks the cofinancing rule), 3
    commitments (one open and overdue), pledges, a relation, interactions, monitoring."""
    today = date.today()
    ws = open_workspace(path, lock=False)
    try:
        with ws.uow("Testgegevens") as uow:
            s = uow.session
            bzk = Organisation(name="Ministerie van BZK", short_name="BZK",
                               kind=OrgKind.MINISTERIE, side=Side.RIJK)
            twente = Organisation(name="Regio Twente", kind=OrgKind.SAMENWERKINGSVERBAND,
                                  side=Side.REGIO)
            enschede = Organisation(name="Gemeente Enschede", kind=OrgKind.GEMEENTE,
                                    side=Side.REGIO)
            anna = Person(first_name="Anna", tussenvoegsel="van den", last_name="Berg",
                          email="anna@bzk.example")
            bram = Person(first_name="Bram", last_name="Jansen", email="bram@twente.example")
            cas = Person(first_name="Cas", last_name="de Vries")
            s.add_all([bzk, twente, enschede, anna, bram, cas])
            s.flush()
            s.add(Position(person_id=anna.id, organisation_id=bzk.id, title="Dealmaker"))
            ok = Deal(name="Regio Deal Twente", tranche="II", phase=DealPhase.UITVOERING,
                      granted_cents=eur(20_000_000), signed_on=date(2020, 3, 1))
            bad = Deal(name="Regio Deal Achterhoek", tranche="II", phase=DealPhase.UITWERKING,
                       granted_cents=eur(45_000_000))
            s.add_all([ok, bad])
            s.flush()
            s.add_all([
                Pledge(deal_id=ok.id, organisation_id=twente.id, sector=Sector.PUBLIEK,
                       form=ContributionForm.IN_CASH, year=2021,
                       pledged_cents=eur(15_000_000), realised_cents=eur(1_000_000)),
                Pledge(deal_id=ok.id, organisation_id=enschede.id, sector=Sector.PUBLIEK,
                       form=ContributionForm.IN_NATURA, year=2022,
                       pledged_cents=eur(6_000_000)),
                Commitment(deal_id=ok.id, title="Capaciteit OCW", kind=CommitmentKind.CAPACITEIT,
                           from_organisation_id=bzk.id, to_organisation_id=twente.id,
                           due_on=today - timedelta(days=10), state=CommitmentState.AFGESPROKEN),
                Commitment(deal_id=ok.id, title="Cofinanciering provincie",
                           kind=CommitmentKind.FINANCIEEL, from_organisation_id=twente.id,
                           to_organisation_id=bzk.id, amount_cents=eur(2_500_000),
                           due_on=today + timedelta(days=30), state=CommitmentState.BEVESTIGD),
                Commitment(deal_id=bad.id, title="Knelpunt regelgeving",
                           kind=CommitmentKind.INHOUDELIJK, from_organisation_id=bzk.id,
                           to_organisation_id=enschede.id, due_on=today - timedelta(days=5),
                           state=CommitmentState.NAGEKOMEN),
                Relation(source_person_id=anna.id, target_person_id=bram.id,
                         kind=RelationKind.WERKRELATIE, strength=4),
                Indicator(deal_id=ok.id, level=IndicatorLevel.PROGRAMMA,
                          name="Banen in de techniek", unit="banen"),
                Meeting(deal_id=ok.id, kind=MeetingKind.RIJK_REGIO_OVERLEG,
                        held_on=today - timedelta(days=20), title="Jaarlijks overleg"),
            ])
            first = Interaction(occurred_on=today - timedelta(days=3),
                                kind=InteractionKind.OVERLEG, summary="Voortgang besproken",
                                follow_up_on=today - timedelta(days=1))
            second = Interaction(occurred_on=today - timedelta(days=40),
                                 kind=InteractionKind.TELEFOON, summary="Kennismaking")
            s.add_all([first, second])
            s.flush()
            s.add_all([InteractionParticipant(interaction_id=first.id, person_id=anna.id),
                       InteractionParticipant(interaction_id=first.id, person_id=bram.id),
                       InteractionParticipant(interaction_id=second.id, person_id=cas.id)])
            uow.commit()
    finally:
        ws.close()


@pytest.fixture(scope="session")
def filled_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ui-template") / "gevuld.dealmaker"
    create_workspace(path, lock=False).close()
    fill_workspace(path)
    return path


@pytest.fixture
def filled_path(tmp_path: Path, filled_template: Path) -> Path:
    """A fresh copy of the small filled workspace (not opened)."""
    path = tmp_path / "werk" / "twente.dealmaker"
    path.parent.mkdir()
    shutil.copyfile(filled_template, path)
    return path


@pytest.fixture
def empty_path(tmp_path: Path) -> Path:
    """A fresh, empty workspace file (not opened)."""
    path = tmp_path / "leeg" / "leeg.dealmaker"
    create_workspace(path, lock=False).close()
    return path


@pytest.fixture
def make_main_window(qtbot: QtBot, filled_path: Path) -> Iterator[Callable[..., object]]:
    """``make_main_window(path=None, inline=True, show=True)``: a MainWindow on a workspace
    (the filled one by default) with its own controller, bus and task runner."""
    from dealmaker.ui.compose import build_window
    from dealmaker.ui.shell.main_window import MainWindow
    from dealmaker.ui.shell.signals import AppSignals
    from dealmaker.ui.shell.tasks import TaskRunner
    from dealmaker.ui.shell.workspace_controller import WorkspaceController

    made: list[tuple[MainWindow, WorkspaceController]] = []

    def make(path: Path | None = None, *, inline: bool = True,
             show: bool = True) -> MainWindow:
        ws = open_workspace(path or filled_path)
        controller = WorkspaceController(ws, AppSignals(), TaskRunner(inline=inline))
        window = build_window(controller)
        qtbot.addWidget(window)
        if show:
            window.show()
            qtbot.waitExposed(window)
        made.append((window, controller))
        return window

    yield make
    for window, controller in made:
        window.close()
        controller.tasks.shutdown()
        controller.close()
