"""The demo says it is the demo, and leads to the user's own workspace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from dealmaker.services.demo import create_demo


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "demo.dealmaker"
    create_demo(path, 40)
    return path


def test_the_demo_is_marked_and_offers_an_own_workspace(
        make_main_window: Any, demo_path: Path, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    own = tmp_path / "werkruimte.dealmaker"
    monkeypatch.setenv("DEALMAKER_DB", str(own))
    window = make_main_window(demo_path)
    qtbot.waitUntil(window.welcome.isVisible)
    assert window.windowTitle().startswith("Demowerkruimte")
    window.welcome.own.click()
    qtbot.waitUntil(lambda: window.controller.workspace.path == own)
    assert own.exists() and not window.welcome.isVisible()
    assert not window.windowTitle().startswith("Demowerkruimte")
    assert window.page("overzicht").counts.values()["Contacten"] == "0"


def test_import_from_the_demo_banner_starts_in_the_own_workspace(
        make_main_window: Any, demo_path: Path, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    own = tmp_path / "werkruimte.dealmaker"
    monkeypatch.setenv("DEALMAKER_DB", str(own))
    window = make_main_window(demo_path)
    qtbot.waitUntil(window.welcome.isVisible)
    started: list[Path] = []
    action = window.context.actions["import_contacts"]
    action.triggered.disconnect()
    action.triggered.connect(lambda: started.append(window.controller.workspace.path))
    window.welcome.importing.click()
    qtbot.waitUntil(lambda: bool(started))
    assert started == [own]


def test_an_own_workspace_shows_no_banner(make_main_window: Any, qtbot: QtBot) -> None:
    window = make_main_window()
    qtbot.wait(50)
    assert not window.welcome.isVisible()
