"""Fixtures of the directory tests: ``make`` builds small hand-made data."""

from __future__ import annotations

import pytest

from dealmaker.storage.workspace import Workspace
from directory.factory import Factory


@pytest.fixture
def make(workspace: Workspace) -> Factory:
    return Factory(workspace)
