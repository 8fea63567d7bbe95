"""Shared fixtures: every test gets its own data directory and cheap fresh workspaces."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from dealmaker.storage.workspace import Workspace, create_workspace, open_workspace


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
