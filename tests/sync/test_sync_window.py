"""The window: sync button and status in the status bar, the Conflicten page."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, update

from dealmaker.services.people import PersonData, add_person, update_person
from dealmaker.services.sync.engine import sync
from dealmaker.services.sync.snapshot import join_workspace, publish_workspace
from dealmaker.storage.models import Operation, Person
from dealmaker.storage.workspace import open_workspace
from dealmaker.ui.compose import build_window
from dealmaker.ui.shell.main_window import MainWindow
from dealmaker.ui.shell.signals import AppSignals
from dealmaker.ui.shell.tasks import TaskRunner
from dealmaker.ui.shell.workspace_controller import WorkspaceController
from dealmaker.ui.sync import ConflictsPage, SyncControl
from tests.sync.pgserver import Server

SHOTS = Path("/work/brief/shots")
TYPED = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
pytestmark = [pytest.mark.postgres,
              pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")]


@pytest.fixture
def bob_window(pg: Server, team: tuple[str, tuple[str, ...]], copy_of, tmp_path: Path,
               qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
               ) -> Iterator[tuple[MainWindow, str, tuple[str, str]]]:
    monkeypatch.setenv("DEALMAKER_DATA_DIR", str(tmp_path / "ui-data"))
    name, (anna, bob, _carl) = team
    anna_path, bob_path = copy_of("anna"), tmp_path / "bob.dealmaker"
    with open_workspace(anna_path) as ws:
        pid, _ = add_person(ws, PersonData(last_name="Smit", first_name="Joke",
                                           email="joke@oud.example"))
        publish_workspace(ws, pg.url(anna), name)
    join_workspace(pg.url(bob), bob_path, name)
    with open_workspace(anna_path) as ws:
        update_person(ws, pid, email="joke@anna.example")
        sync(ws)
    ws = open_workspace(bob_path)
    update_person(ws, pid, email="joke@bob.example")
    with ws.engine.begin() as conn:  # bob typed it offline, a week before he synced
        conn.execute(update(Operation).where(Operation.sequence == conn.execute(
            select(func.max(Operation.sequence))).scalar()).values(at=TYPED))
    controller = WorkspaceController(ws, AppSignals(), TaskRunner(inline=True))
    window = build_window(controller)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window, pid, (anna, bob)
    window.close()
    controller.tasks.shutdown()
    controller.close()


def _shoot(window: MainWindow, name: str) -> None:
    if not SHOTS.is_dir():
        return
    for w, h in ((1280, 800), (1024, 768)):
        window.resize(w, h)
        for _ in range(5):  # layout requests of the status bar come in a later round
            QApplication.processEvents()
        window.grab().save(str(SHOTS / f"author-{name}-{w}x{h}.png"))


def test_sync_button_shows_the_conflict_and_one_click_takes_the_other_value(
        bob_window: tuple[MainWindow, str, tuple[str, str]]) -> None:
    window, pid, (anna, bob) = bob_window
    control = window.findChild(SyncControl)
    assert control is not None and control.button.isEnabled()
    assert "1 te versturen" in control.label.text()
    assert control.label.text().startswith("Gedeeld (Team")
    _shoot(window, "status")
    control.button.click()
    assert control.label.text().endswith("· 1 conflict")
    assert "0 te versturen" in control.label.text()
    page = window.context.pages.show("conflicten")
    assert isinstance(page, ConflictsPage)
    table = page.table
    assert table.rowCount() == 1
    cells = [table.item(0, c).text() for c in range(table.columnCount())]
    assert cells[:5] == ["contact 'Joke Smit'", "E-mail", "joke@anna.example",
                         anna, "joke@bob.example"]  # who wrote each value
    assert cells[5] == bob
    assert cells[6] == TYPED.astimezone().strftime("%d-%m-%Y %H:%M")  # when bob typed it
    table.selectRow(0)
    _shoot(window, "conflicten")
    page.take.click()
    assert page.table.rowCount() == 0
    assert page.stack.currentWidget() is page.empty  # says there is nothing to decide
    ws = window.context.workspace()
    assert ws is not None
    with ws.read() as s:
        person = s.get(Person, pid)
        assert person is not None and person.email == "joke@bob.example"
    undo_action = window.findChild(QAction, "undo")
    assert undo_action is not None
    undo_action.trigger()  # Ctrl+Z: taking the value is one undoable step of mine ...
    with ws.read() as s:
        person = s.get(Person, pid)
        assert person is not None and person.email == "joke@anna.example"
    assert page.table.rowCount() == 1  # ... and the conflict is back in the list
    assert page.table.item(0, 4).text() == "joke@bob.example"
    assert control.label.text().endswith("· 1 conflict")
