"""Where the user's data lives: one module owns the paths.

The default workspace is ``<user data dir>/werkruimte.dealmaker``. ``DEALMAKER_DATA_DIR``
moves the whole data directory (tests use it); ``DEALMAKER_DB`` or ``--db`` picks a
workspace file directly.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from dealmaker import APP_NAME
from dealmaker.logsetup import private_dir

WORKSPACE_SUFFIX = ".dealmaker"
DEFAULT_WORKSPACE_NAME = "werkruimte" + WORKSPACE_SUFFIX
#: the demo made at first start, beside (never in place of) the user's own workspace
DEMO_WORKSPACE_NAME = "demo" + WORKSPACE_SUFFIX


def data_dir_path() -> Path:
    """Where the user data directory is (not created)."""
    override = os.environ.get("DEALMAKER_DATA_DIR")
    return Path(override) if override else user_data_path(APP_NAME, appauthor=False)


def data_dir() -> Path:
    """The user data directory (created on demand, private to the user)."""
    override = os.environ.get("DEALMAKER_DATA_DIR")
    path = data_dir_path()
    # 0700: it holds the workspace, its backups and the log (personal data)
    return private_dir(path, tighten=not override)


def default_workspace() -> Path:
    """The workspace used when none is named: ``DEALMAKER_DB`` or the data directory's."""
    env = os.environ.get("DEALMAKER_DB")
    return Path(env) if env else data_dir() / DEFAULT_WORKSPACE_NAME


def settings_file() -> Path:
    """INI file for window state only (geometry, recent files); never domain data."""
    return data_dir() / "venster.ini"
