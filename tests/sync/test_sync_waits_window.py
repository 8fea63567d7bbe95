"""In the window: while Synchroniseren waits for a hung server, saving goes on, and
Annuleren ends the wait without a late message box."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from dealmaker.services.people import update_person
from dealmaker.services.sync.engine import Cancelled
from dealmaker.services.sync.status import sync_status
from dealmaker.storage.workspace import open_workspace
from dealmaker.ui.compose import build_window
from dealmaker.ui.shell.signals import AppSignals
from dealmaker.ui.shell.tasks import TaskRunner
from dealmaker.ui.shell.workspace_controller import WorkspaceController
from dealmaker.ui.sync import SyncControl
from dealmaker.ui.sync import control as control_module
from tests.sync.pgserver import Server
from tests.sync.test_sync_waits import _shared_copy, held_log

SHOTS = Path("/work/brief/shots")
pytestmark = [pytest.mark.postgres,
              pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")]


def test_saving_goes_on_while_the_sync_waits_and_annuleren_ends_it_quietly(
        pg: Server, team, copy_of, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEALMAKER_DATA_DIR", str(tmp_path / "ui-data"))
    boxes: list[str] = []
    monkeypatch.setattr(control_module, "warn", lambda _p, _t, text: boxes.append(text))
    name, (anna, _bob, _carl) = team
    path, pid = _shared_copy(pg, team, copy_of, tmp_path)
    ws = open_workspace(path)
    update_person(ws, pid, email="joke@voor.example")
    controller = WorkspaceController(ws, AppSignals(), TaskRunner())  # real threads
    window = build_window(controller)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    control = window.findChild(SyncControl)
    assert control is not None
    qtbot.waitUntil(lambda: control.status.shared)
    try:
        with held_log(pg, name) as blocked:
            control.button.click()
            blocked(anna)
            saved: list[object] = []
            # Ctrl+S of a contact card: a write on the write lane, done while the server hangs
            controller.tasks.run(lambda: update_person(ws, pid, phone="06 12345678"),
                                 write=True, on_done=saved.append)
            qtbot.waitUntil(lambda: bool(saved), timeout=20_000)
            dialog = window.findChild(QProgressDialog)
            assert dialog is not None
            qtbot.waitUntil(dialog.isVisible)
            _shoot(window, "voortgang")
            with qtbot.waitSignal(control.synced, timeout=20_000) as finished:
                button = dialog.findChild(QPushButton)
                assert button is not None and button.text() == "Annuleren"
                button.click()
            assert isinstance(finished.args[0], Cancelled)  # while the server still hangs
        assert boxes == []  # no message box pops up later
        assert window.statusBar().currentMessage() == (
            "Synchronisatie afgebroken; er is niets gewijzigd.")
        assert sync_status(ws).pending == 2
        qtbot.waitUntil(control.button.isEnabled)
        with qtbot.waitSignal(control.synced, timeout=20_000) as again:
            control.button.click()
        assert again.args[0].pushed == 2
    finally:
        window.close()
        controller.tasks.shutdown()
        controller.close()


def _shoot(window: QWidget, name: str) -> None:
    """The window with its top-level dialogs painted where they stand."""
    if not SHOTS.is_dir():
        return
    for w, h in ((1280, 800), (1024, 768)):
        window.resize(w, h)
        for _ in range(5):
            QApplication.processEvents()
        image = window.grab()
        painter = QPainter(image)
        for top in QApplication.topLevelWidgets():
            if top is not window and top.isVisible() and top.isWindow():
                at = top.frameGeometry().topLeft() - window.frameGeometry().topLeft()
                painter.drawPixmap(at, top.grab())
        painter.end()
        image.save(str(SHOTS / f"steady-{name}-{w}x{h}.png"))
