"""Files with personal data are the user's alone, whatever the umask (022 here)."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from dealmaker import config
from dealmaker.logsetup import configure_logging
from dealmaker.services.privacy import export_person_data
from dealmaker.storage.workspace import Workspace
from trust.factories import World


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_avg_export_is_private(world: World, workspace: Workspace, tmp_path: Path) -> None:
    xlsx, js = tmp_path / "inzage.xlsx", tmp_path / "inzage.json"
    export_person_data(workspace, world.anna, xlsx, js)
    assert (mode(xlsx), mode(js)) == (0o600, 0o600)


def test_data_folder_and_log_are_private(isolated_data_dir: Path) -> None:
    assert not isolated_data_dir.exists()
    assert mode(config.data_dir()) == 0o700
    path = configure_logging(isolated_data_dir)
    try:
        logging.getLogger("dealmaker.proef").warning("iets ging mis")
        assert path is not None and mode(path) == 0o600
        assert "iets ging mis" in path.read_text(encoding="utf-8")
    finally:
        configure_logging(None)
