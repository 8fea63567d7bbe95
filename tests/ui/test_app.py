"""run_gui: first-start demo, refusal of a bad file, window shown, workspace closed."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from dealmaker.storage.workspace import create_workspace, open_workspace
from dealmaker.ui.app import run_gui


@dataclass(frozen=True)
class FakeStep:
    done: int
    total: int
    label: str


@pytest.fixture
def criticals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def critical(parent: Any, title: str, text: str, *args: Any) -> Any:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
    return shown


@pytest.fixture
def exit_after_show(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEALMAKER_EXIT_AFTER_SHOW", "1")


@pytest.fixture
def fake_demo(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    made: list[Path] = []

    def demo_steps(path: Path, size: str = "small", seed: int = 2026) -> Iterator[FakeStep]:
        assert size == "small"
        create_workspace(path, lock=False).close()
        made.append(path)
        yield FakeStep(1, 1, "klaar")

    module = types.ModuleType("dealmaker.services.demo")
    module.demo_steps = demo_steps  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "dealmaker.services.demo", module)
    return made


def test_shows_the_window_and_closes_the_workspace(
        filled_path: Path, exit_after_show: None, qapp: Any,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert run_gui(filled_path, first_start_demo=False) == 0
    out = capsys.readouterr().out
    assert "DEALMAKER_SHOWN" in out and "DEALMAKER_DATA" in out
    open_workspace(filled_path).close()  # lock released


def test_refused_file_shows_the_reason_and_exits_1(
        tmp_path: Path, criticals: list[str], qapp: Any) -> None:
    foreign = tmp_path / "iets.dealmaker"
    foreign.write_bytes(b"niet van ons")
    assert run_gui(foreign, first_start_demo=False) == 1
    assert len(criticals) == 1 and "geen dealmaker-werkruimte" in criticals[0]


def test_missing_file_without_first_start_demo_exits_1(
        tmp_path: Path, criticals: list[str], qapp: Any) -> None:
    assert run_gui(tmp_path / "weg.dealmaker", first_start_demo=False) == 1
    assert "bestaat niet" in criticals[0]


def test_first_start_creates_the_demo_beside_the_own_workspace_then_opens_it(
        tmp_path: Path, fake_demo: list[Path], exit_after_show: None, qapp: Any) -> None:
    path = tmp_path / "eerste" / "werkruimte.dealmaker"
    path.parent.mkdir()
    assert run_gui(path, first_start_demo=True) == 0
    demo = path.with_name("demo.dealmaker")
    assert fake_demo == [demo] and demo.exists()
    assert not path.exists()  # the user's own workspace is theirs to begin
    assert run_gui(path, first_start_demo=True) == 0  # the next start: the demo again
    assert fake_demo == [demo]


def test_first_start_demo_leaves_an_existing_file_alone(
        filled_path: Path, fake_demo: list[Path], exit_after_show: None, qapp: Any) -> None:
    assert run_gui(filled_path, first_start_demo=True) == 0
    assert fake_demo == []


def test_window_shows_while_the_workspace_is_still_being_checked(
        filled_path: Path, exit_after_show: None, qapp: Any) -> None:
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from dealmaker.ui import launch
    from dealmaker.ui.shell.tasks import TaskRunner

    release = threading.Event()
    seen: list[str] = []

    def slow_open() -> Any:
        assert release.wait(5)
        return open_workspace(filled_path)

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if w.objectName() == "mainWindow" and w.isVisible()]
        seen.extend(w.windowTitle() for w in windows)
        release.set()

    QTimer.singleShot(50, look)
    assert launch.run_window(filled_path, slow_open, TaskRunner()) == 0
    assert seen and seen[-1].startswith("Werkruimte openen")
    open_workspace(filled_path).close()
