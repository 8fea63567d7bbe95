"""Fixtures for the trust features (undo, history, merge, privacy)."""

from __future__ import annotations

import pytest

from dealmaker.storage.workspace import Workspace
from trust.factories import World, build_world


@pytest.fixture
def world(workspace: Workspace) -> World:
    """Anna, her duplicate Ann and Bert, linked in every way the model allows."""
    return build_world(workspace)
