"""Geschiedenis of a contact in a shared workspace, as the window shows it: my own
changes under my role (pushed or not), a colleague's under theirs, newest first."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dealmaker.services.people import PersonData, add_person, update_person
from dealmaker.services.sync.engine import sync
from dealmaker.services.sync.snapshot import join_workspace, publish_workspace
from dealmaker.storage.workspace import open_workspace
from dealmaker.ui.compose import build_window
from dealmaker.ui.history.dialog import NEW, OPERATION, WHEN, WHO, show_history
from dealmaker.ui.shell.signals import AppSignals
from dealmaker.ui.shell.tasks import TaskRunner
from dealmaker.ui.shell.workspace_controller import WorkspaceController
from tests.sync.pgserver import Server

SHOTS = Path("/work/brief/shots")
pytestmark = [pytest.mark.postgres,
              pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")]


def test_history_names_my_role_and_my_colleagues_newest_first(
        pg: Server, team, copy_of, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEALMAKER_DATA_DIR", str(tmp_path / "ui-data"))
    name, (anna, bob, _carl) = team
    a, b = copy_of("anna"), tmp_path / "bob.dealmaker"
    with open_workspace(a) as ws:
        pid, _ = add_person(ws, PersonData(last_name="Bakker", first_name="Esther",
                                           email="esther@oud.example"))
        publish_workspace(ws, pg.url(anna), name)
    join_workspace(pg.url(bob), b, name)
    with open_workspace(b) as ws:
        update_person(ws, pid, email="esther@bob.example")
        sync(ws)
    with open_workspace(a) as ws:
        sync(ws)
        update_person(ws, pid, phone="06 11112222")
        sync(ws)
    ws = open_workspace(b)
    sync(ws)
    update_person(ws, pid, notes="Belt liever dan dat ze mailt")  # not pushed yet
    controller = WorkspaceController(ws, AppSignals(), TaskRunner(inline=True))
    window = build_window(controller)
    qtbot.addWidget(window)
    try:
        dialog = show_history(window, window.context, "person", pid)
        assert dialog is not None
        view = dialog.view
        model = view.model()

        def cell(row: int, col: int) -> str:
            return str(model.data(model.index(row, col)))

        rows = [(cell(r, OPERATION), cell(r, NEW), cell(r, WHO))
                for r in range(model.rowCount())]
        assert rows[0] == ("Contact bewerken", "Belt liever dan dat ze mailt", bob)  # newest
        assert ("Contact bewerken", "06 11112222", anna) in rows
        assert ("Contact bewerken", "esther@bob.example", bob) in rows
        assert {who for _op, _new, who in rows} == {anna, bob}
        assert view.horizontalHeader().sortIndicatorSection() == WHEN
        assert view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        if SHOTS.is_dir():
            for w, h in ((1280, 800), (1024, 768)):
                window.resize(w, h)
                window.show()
                for _ in range(5):
                    QApplication.processEvents()
                dialog.grab().save(str(SHOTS / f"author-geschiedenis-{w}x{h}.png"))
        dialog.close()
    finally:
        window.close()
        controller.tasks.shutdown()
        controller.close()
