"""Use case ``dealmaker check``: is this workspace healthy, and what is in it."""

from __future__ import annotations

from pathlib import Path

from dealmaker.storage.health import Health, workspace_health

__all__ = ["Health", "check_workspace"]


def check_workspace(path: Path, *, full: bool = False) -> Health:
    """Health of the file at ``path``; raises ``WorkspaceError`` when it is refused."""
    return workspace_health(path, full=full)
