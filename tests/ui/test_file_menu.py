"""Bestand: new (empty and demo), open, recent, back-up; a refused file keeps the current."""

from __future__ import annotations

import sqlite3
import sys
import types
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from dealmaker.storage.workspace import create_workspace, open_workspace
from dealmaker.ui.shell import actions as A


@pytest.fixture
def warnings_shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes are recorded instead of shown (they would block)."""
    shown: list[str] = []

    def warning(parent: Any, title: str, text: str, *args: Any) -> Any:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return shown


def answer_open(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))


def answer_save(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))


def test_open_switches_workspace_and_releases_the_old(
        make_main_window: Any, empty_path: Path, filled_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_main_window()
    answer_open(monkeypatch, empty_path)
    window.actions_by_key[A.OPEN_WORKSPACE].trigger()
    assert window.controller.workspace.path == empty_path
    assert empty_path.name in window.windowTitle()
    assert window.current_page().counts.values()["Contacten"] == "0"
    assert "Werkruimte geopend" in window.statusBar().currentMessage()
    open_workspace(filled_path).close()  # the old one is no longer locked


def test_recent_lists_opened_files(make_main_window: Any, empty_path: Path,
                                   filled_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_main_window()
    answer_open(monkeypatch, empty_path)
    window.actions_by_key[A.OPEN_WORKSPACE].trigger()
    recent = [a.data() for a in window.recent_menu.actions() if a.data()]
    assert recent == [str(empty_path.resolve()), str(filled_path.resolve())]
    texts = [a.text() for a in window.recent_menu.actions() if a.data()]
    assert texts[0].startswith("&1 leeg.dealmaker")
    # choosing an entry opens it again
    next(a for a in window.recent_menu.actions() if a.data() == str(filled_path.resolve())
         ).trigger()
    assert window.controller.workspace.path == filled_path.resolve()
    # and the list survives a restart of the window
    window.close()
    window.controller.close()
    again = make_main_window(empty_path)
    assert [a.data() for a in again.recent_menu.actions() if a.data()][:2] == [
        str(empty_path.resolve()), str(filled_path.resolve())]
    again.actions_by_key[A.CLEAR_RECENT].trigger()
    assert [a.data() for a in again.recent_menu.actions() if a.data()] == [
        str(empty_path.resolve())]


def test_foreign_file_shows_the_error_and_keeps_the_current(
        make_main_window: Any, filled_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, warnings_shown: list[str]) -> None:
    window = make_main_window()
    title = window.windowTitle()
    foreign = tmp_path / "boodschappen.dealmaker"
    foreign.write_text("melk, brood, kaas\n", encoding="utf-8")
    answer_open(monkeypatch, foreign)
    window.actions_by_key[A.OPEN_WORKSPACE].trigger()
    assert len(warnings_shown) == 1
    assert "geen dealmaker-werkruimte" in warnings_shown[0]
    assert "\n" not in warnings_shown[0]
    assert window.controller.workspace.path == filled_path
    assert window.windowTitle() == title
    assert window.current_page().counts.values()["Contacten"] == "3"
    assert foreign.read_text(encoding="utf-8") == "melk, brood, kaas\n"
    assert str(foreign.resolve()) not in [a.data() for a in window.recent_menu.actions()]


def test_opening_the_current_file_again_is_harmless(
        make_main_window: Any, filled_path: Path, monkeypatch: pytest.MonkeyPatch,
        warnings_shown: list[str]) -> None:
    window = make_main_window()
    answer_open(monkeypatch, filled_path)
    window.actions_by_key[A.OPEN_WORKSPACE].trigger()
    assert warnings_shown == []
    assert "al geopend" in window.statusBar().currentMessage()


def test_new_workspace_creates_an_empty_one(make_main_window: Any, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_main_window()
    target = tmp_path / "nieuw" / "mijn-regio"  # suffix is added
    answer_save(monkeypatch, target)
    window.actions_by_key[A.NEW_WORKSPACE].trigger()
    created = target.with_suffix(".dealmaker")
    assert created.exists()
    assert window.controller.workspace.path == created
    assert "mijn-regio.dealmaker" in window.windowTitle()
    assert window.current_page().counts.values()["Contacten"] == "0"


def test_new_workspace_never_overwrites(make_main_window: Any, filled_path: Path,
                                        empty_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        warnings_shown: list[str]) -> None:
    window = make_main_window()
    before = empty_path.read_bytes()
    answer_save(monkeypatch, empty_path)
    window.actions_by_key[A.NEW_WORKSPACE].trigger()
    assert "bestaat al" in warnings_shown[0]
    assert empty_path.read_bytes() == before
    assert window.controller.workspace.path == filled_path


def test_backup_writes_a_consistent_copy(make_main_window: Any, filled_path: Path) -> None:
    window = make_main_window()
    window.actions_by_key[A.BACKUP].trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith("Back-up gemaakt: ")
    copy = Path(message.removeprefix("Back-up gemaakt: "))
    assert copy.exists() and copy.parent == filled_path.parent
    with sqlite3.connect(copy) as con:
        assert con.execute("SELECT count(*) FROM person").fetchone()[0] == 3
        assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_backup_runs_off_the_ui_thread(make_main_window: Any, qtbot: QtBot) -> None:
    window = make_main_window(inline=False)
    with qtbot.waitSignal(window.controller.signals.status_message, timeout=5000,
                          check_params_cb=lambda text: text.startswith("Back-up gemaakt")):
        window.actions_by_key[A.BACKUP].trigger()


# --------------------------------------------------------------------------- demo


@dataclass(frozen=True)
class FakeStep:
    done: int
    total: int
    label: str


@pytest.fixture
def fake_demo(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """A stand-in for ``dealmaker.services.demo``: same contract, instant."""
    state: dict[str, Any] = {"calls": [], "closed": False, "hold": None}

    def demo_steps(path: Path, size: str = "small", seed: int = 2026) -> Iterator[FakeStep]:
        state["calls"].append((path, size, seed))
        create_workspace(path, lock=False).close()
        try:
            for i in range(3):
                if state["hold"] is not None:
                    state["hold"].wait(5)
                yield FakeStep(i + 1, 3, f"Stap {i + 1}")
        except GeneratorExit:
            state["closed"] = True
            path.unlink(missing_ok=True)
            raise

    module = types.ModuleType("dealmaker.services.demo")
    module.demo_steps = demo_steps  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "dealmaker.services.demo", module)
    return state


def test_new_demo_workspace_is_generated_then_opened(
        make_main_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        fake_demo: dict[str, Any]) -> None:
    window = make_main_window()
    target = tmp_path / "demo.dealmaker"
    answer_save(monkeypatch, target)
    window.actions_by_key[A.NEW_DEMO_WORKSPACE].trigger()
    assert fake_demo["calls"] == [(target, "small", 2026)]
    assert window.controller.workspace.path == target
    assert not window.controller.busy


def test_cancelling_the_demo_keeps_the_current_workspace(
        make_main_window: Any, filled_path: Path, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, fake_demo: dict[str, Any]) -> None:
    import threading

    from PySide6.QtWidgets import QProgressDialog, QPushButton

    fake_demo["hold"] = threading.Event()
    window = make_main_window(inline=False)
    target = tmp_path / "demo.dealmaker"
    answer_save(monkeypatch, target)
    window.actions_by_key[A.NEW_DEMO_WORKSPACE].trigger()
    dialog = window.findChild(QProgressDialog)
    assert dialog is not None
    assert dialog.labelText() == "Demowerkruimte maken"
    qtbot.waitUntil(target.exists, timeout=5000)  # the generator is running
    cancel = dialog.findChild(QPushButton)
    assert cancel.text() == "Annuleren"
    cancel.click()
    fake_demo["hold"].set()
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=5000)
    assert fake_demo["closed"]
    assert not target.exists()
    assert window.controller.workspace.path == filled_path
    assert "afgebroken" in window.statusBar().currentMessage()


def test_opening_runs_off_the_ui_thread(make_main_window: Any, empty_path: Path,
                                        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_main_window(inline=False)
    answer_open(monkeypatch, empty_path)
    window.actions_by_key[A.OPEN_WORKSPACE].trigger()
    assert "controleren" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.controller.workspace.path == empty_path, timeout=5000)
    qtbot.waitUntil(lambda: window.current_page().counts.values().get("Contacten") == "0",
                    timeout=5000)


def test_a_missing_recent_file_is_dropped_from_the_list(
        make_main_window: Any, empty_path: Path, filled_path: Path,
        warnings_shown: list[str]) -> None:
    window = make_main_window()
    window.controller.open_path(empty_path, window)
    window.controller.open_path(filled_path, window)
    empty_path.unlink()
    entry = next(a for a in window.recent_menu.actions() if a.data() == str(empty_path))
    entry.trigger()
    assert "bestaat niet" in warnings_shown[0]
    assert str(empty_path) not in [a.data() for a in window.recent_menu.actions()]
    assert window.controller.workspace.path == filled_path


def test_damage_found_after_opening_is_said_and_nothing_is_saved(
        make_main_window: Any, empty_path: Path, monkeypatch: pytest.MonkeyPatch,
        warnings_shown: list[str], qtbot: QtBot) -> None:
    """Opening reads every page in the background (a cold start shows at once); when
    that check finds damage, the user is told and the file is never written."""
    con = sqlite3.connect(empty_path)
    size = con.execute("PRAGMA page_size").fetchone()[0]
    pages = [r[0] for r in con.execute("SELECT pageno FROM dbstat WHERE name = 'person'")]
    con.close()
    data = bytearray(empty_path.read_bytes())
    for page in pages:
        data[(page - 1) * size:(page - 1) * size + 200] = b"\xff" * 200
    empty_path.write_bytes(bytes(data))
    before = empty_path.read_bytes()
    window = make_main_window()
    answer_open(monkeypatch, empty_path)
    window.actions_by_key[A.OPEN_WORKSPACE].trigger()
    assert window.controller.workspace.path == empty_path
    qtbot.waitUntil(lambda: any("beschadigd" in w for w in warnings_shown), timeout=20_000)
    assert "beschadigd" in window.statusBar().currentMessage()
    window.controller.close()
    assert empty_path.read_bytes() == before
