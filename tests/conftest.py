"""Shared fixtures: every test gets its own data directory and cheap fresh workspaces."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
import time_machine

from dealmaker.storage.workspace import Workspace, create_workspace, open_workspace


def pytest_configure(config: pytest.Config) -> None:
    """The run starts at noon of today: tests fix "today" when they are collected and the
    app asks the clock when it runs, so a run that crossed midnight compared a follow-up
    due "today" with tomorrow's date. The clock ticks on; subprocesses keep the real one.
    """
    noon = datetime.combine(date.today(), time(12, 0), tzinfo=UTC)
    time_machine.travel(noon, tick=True).start()


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches the real user data directory or a real workspace."""
    data = tmp_path / "userdata"
    monkeypatch.setenv("DEALMAKER_DATA_DIR", str(data))
    monkeypatch.delenv("DEALMAKER_DB", raising=False)
    return data


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated empty workspace per test session; tests copy it (fast)."""
    path = tmp_path_factory.mktemp("template") / "leeg.dealmaker"
    create_workspace(path, lock=False).close()
    return path


@pytest.fixture
def workspace_path(tmp_path: Path, empty_template: Path) -> Path:
    """A fresh, empty, migrated workspace file (not opened)."""
    path = tmp_path / "test.dealmaker"
    shutil.copyfile(empty_template, path)
    return path


@pytest.fixture
def workspace(workspace_path: Path) -> Iterator[Workspace]:
    """A fresh, empty, open workspace (locked like the app locks it)."""
    ws = open_workspace(workspace_path)
    yield ws
    ws.close()
