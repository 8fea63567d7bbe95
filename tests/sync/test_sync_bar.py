"""The status bar says why a sync waits, in the window's own words and short enough to
read at 1024 px: a mass deletion waiting for a yes, a server that is newer."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from dealmaker.services.people import PersonData, add_person, update_person
from dealmaker.services.sync import remote
from dealmaker.services.sync.engine import sync
from dealmaker.services.sync.snapshot import join_workspace, publish_workspace
from dealmaker.services.sync.status import SyncStatus
from dealmaker.storage.models import Person
from dealmaker.storage.workspace import open_workspace
from dealmaker.ui.compose import build_window
from dealmaker.ui.shell.main_window import MainWindow
from dealmaker.ui.shell.signals import AppSignals
from dealmaker.ui.shell.tasks import TaskRunner
from dealmaker.ui.shell.workspace_controller import WorkspaceController
from dealmaker.ui.sync import SyncControl
from dealmaker.ui.sync.control import status_text
from tests.sync.pgserver import Server

SHOTS = Path("/work/brief/shots")
pytestmark = [pytest.mark.postgres,
              pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")]


@pytest.fixture
def bob(pg: Server, team, copy_of, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[MainWindow, SyncControl, str]]:
    """Bob's window; anna deleted 60 of the 80 contacts and synced; bob edited one."""
    monkeypatch.setenv("DEALMAKER_DATA_DIR", str(tmp_path / "ui-data"))
    name, (anna, bob_role, _carl) = team
    a, b = copy_of("anna"), tmp_path / "bob.dealmaker"
    with open_workspace(a) as ws:
        ids = [add_person(ws, PersonData(last_name=f"Mens{i}"))[0] for i in range(80)]
        publish_workspace(ws, pg.url(anna), name)
    join_workspace(pg.url(bob_role), b, name)
    with open_workspace(a) as ws:
        with ws.uow("60 contacten verwijderen") as uow:
            for pid in ids[:60]:
                person = uow.session.get(Person, pid)
                assert person is not None
                person.deleted_at = datetime.now(UTC)
            uow.commit()
        sync(ws)
    ws = open_workspace(b)
    update_person(ws, ids[70], email="mens70@bob.example")
    controller = WorkspaceController(ws, AppSignals(), TaskRunner(inline=True))
    window = build_window(controller)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    control = window.findChild(SyncControl)
    assert control is not None
    yield window, control, anna
    window.close()
    controller.tasks.shutdown()
    controller.close()


def _fits_at_1024(window: MainWindow, name: str) -> bool:
    """Whether the bar's message is whole beside the sync status at 1024 px (shots)."""
    fits = True
    for w, h in ((1280, 800), (1024, 768)):
        window.resize(w, h)
        for _ in range(5):
            QApplication.processEvents()
        bar = window.statusBar()
        control = window.findChild(SyncControl)
        assert control is not None
        room = bar.width() - control.width() - 30  # margins and the size grip
        fits = fits and bar.fontMetrics().horizontalAdvance(bar.currentMessage()) <= room
        if SHOTS.is_dir():
            window.grab().save(str(SHOTS / f"steady-{name}-{w}x{h}.png"))
    return fits


def test_a_background_sync_says_it_waits_for_a_yes_and_the_question_says_who(
        bob: tuple[MainWindow, SyncControl, str], monkeypatch: pytest.MonkeyPatch) -> None:
    window, control, anna = bob
    control.start(quiet=True)  # the 5-minute timer
    assert window.statusBar().currentMessage() == "Synchroniseren wacht op uw bevestiging."
    assert control.label.text().endswith("· 1 te versturen · wacht op bevestiging")
    assert control.label.toolTip() == (
        f"{anna} heeft 60 contacten verwijderd. Klik op Synchroniseren om dat te bevestigen; "
        "tot dan worden ook uw eigen wijzigingen niet verstuurd.")
    assert _fits_at_1024(window, "wacht-op-bevestiging")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda _p, _t, text, *_a: asked.append(text) or QMessageBox.StandardButton.Yes))
    control.button.click()
    assert asked == [f"{anna} heeft 60 contacten verwijderd. Synchroniseren verwijdert ze ook "
                     "in deze werkruimte; er is nog niets gewijzigd.\n\nToch synchroniseren?"]
    assert "wacht" not in control.label.text() and "0 te versturen" in control.label.text()
    assert control.label.toolTip() == ""


def test_a_newer_server_is_said_short_in_the_bar_and_whole_in_the_tooltip(
        bob: tuple[MainWindow, SyncControl, str], monkeypatch: pytest.MonkeyPatch) -> None:
    window, control, _anna = bob
    monkeypatch.setattr(remote, "SCHEMA_VERSION", remote.SCHEMA_VERSION - 1)
    control.start(quiet=True)
    assert window.statusBar().currentMessage() == "Werk dealmaker bij: de server is nieuwer."
    assert control.label.toolTip() == (
        f"Werk dealmaker bij: de server gebruikt schemaversie {remote.SCHEMA_VERSION + 1}, "
        f"deze versie {remote.SCHEMA_VERSION}. U kunt offline doorwerken.")
    assert _fits_at_1024(window, "server-nieuwer")


def test_a_sync_of_today_is_said_by_its_time_only() -> None:
    """The status keeps room for the messages beside it at 1024 px."""
    now = datetime.now(UTC)
    today = status_text(SyncStatus(True, "Regio Deal Noord", last_sync_at=now,
                                   open_conflicts=1), False)
    assert today == (f"Gedeeld (Regio Deal Noord) · laatst {now.astimezone():%H:%M} · "
                     "0 te versturen · 1 conflict")
    earlier = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
    assert f"laatst {earlier.astimezone():%d-%m-%Y %H:%M} ·" in status_text(
        SyncStatus(True, "Team", last_sync_at=earlier), False)
