"""The task runner: results on the UI thread, progress, cancel closes the generator."""

from __future__ import annotations

import threading
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from dealmaker.ui.shell.tasks import TaskRunner


@dataclass(frozen=True)
class Step:
    done: int
    total: int
    label: str


@pytest.fixture
def runner() -> Any:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


def test_function_runs_off_the_ui_thread_result_on_it(runner: TaskRunner,
                                                      qtbot: QtBot) -> None:
    seen: dict[str, Any] = {}

    def work(x: int) -> int:
        seen["worker"] = threading.current_thread()
        return x * 2

    def done(result: int) -> None:
        seen["result"] = result
        seen["callback"] = threading.current_thread()

    runner.run(work, 21, on_done=done)
    qtbot.waitUntil(lambda: "result" in seen, timeout=3000)
    assert seen["result"] == 42
    assert seen["worker"] is not threading.main_thread()
    assert seen["callback"] is threading.main_thread()


def test_errors_go_to_on_error(runner: TaskRunner, qtbot: QtBot) -> None:
    errors: list[Exception] = []

    def boom() -> None:
        raise ValueError("kapot")

    runner.run(boom, on_done=lambda _r: None, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=3000)
    assert str(errors[0]) == "kapot"


def test_steps_show_progress_and_return_the_result(runner: TaskRunner, qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    results: list[Any] = []

    def steps() -> Generator[Step, None, str]:
        for i in range(5):
            yield Step(i + 1, 5, f"stap {i + 1}")
        return "klaar"

    runner.run_steps(steps(), title="Bezig", parent=parent, on_done=results.append)
    dialog = parent.findChild(QProgressDialog)
    assert dialog.findChild(QPushButton).text() == "Annuleren"
    qtbot.waitUntil(lambda: bool(results), timeout=3000)
    assert results == ["klaar"]


def test_cancel_closes_the_generator_in_its_thread(runner: TaskRunner, qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    started, release = threading.Event(), threading.Event()
    state: dict[str, Any] = {}

    def steps() -> Generator[Step, None, None]:
        try:
            started.set()
            release.wait(5)
            for i in range(1000):
                yield Step(i, 1000, "bezig")
        finally:
            state["closed_in"] = threading.current_thread()

    runner.run_steps(steps(), title="Bezig", parent=parent, on_done=lambda _r: None,
                     on_cancel=lambda: state.setdefault("cancelled", True))
    assert started.wait(5)
    parent.findChild(QProgressDialog).findChild(QPushButton).click()
    release.set()
    qtbot.waitUntil(lambda: "cancelled" in state, timeout=3000)
    assert state["closed_in"] is not threading.main_thread()


def test_inline_mode_is_synchronous() -> None:
    tasks = TaskRunner(inline=True)
    out: list[Any] = []
    tasks.run(lambda: 7, on_done=out.append)
    assert out == [7]

    def steps() -> Generator[Step, None, int]:
        yield Step(1, 1, "een")
        return 1

    tasks.run_steps(steps(), title="x", parent=None, on_done=out.append)
    assert out == [7, 1]
    tasks.shutdown()


def test_a_result_for_a_closed_window_is_dropped(qtbot: QtBot) -> None:
    """A window deleted while its work ran (a contact moment's detail window after
    Verwijderen) gets no callback: calling into it would raise RuntimeError."""
    import shiboken6
    from PySide6.QtWidgets import QLabel

    from dealmaker.ui.shell.tasks import TaskRunner

    runner = TaskRunner()
    label, other = QLabel(), QLabel()
    qtbot.addWidget(other)
    runner.run(lambda: "klaar", on_done=label.setText)
    runner.run(lambda: "klaar", on_done=other.setText)
    shiboken6.delete(label)
    qtbot.waitUntil(lambda: other.text() == "klaar")

