"""Why a workspace file was refused. Each message is one Dutch line for the user."""

from __future__ import annotations

from pathlib import Path


class WorkspaceError(Exception):
    """A workspace cannot be opened; ``str(exc)`` is the message for the user."""


class NotAWorkspace(WorkspaceError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is geen dealmaker-werkruimte; het bestand is niet gewijzigd.")


class NewerWorkspace(WorkspaceError):
    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"{path} is gemaakt met een nieuwere versie van dealmaker (schema {found}, "
            f"deze versie kent t/m {supported}); werk dealmaker bij. "
            "Het bestand is niet gewijzigd.")


class DamagedWorkspace(WorkspaceError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"{path} is beschadigd ({detail}); het bestand is niet gewijzigd. "
            "Gebruik een back-up.")


class WorkspaceLocked(WorkspaceError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} is al geopend in een ander dealmaker-venster of -proces; "
            "sluit dat eerst.")


class WorkspaceMissing(WorkspaceError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} bestaat niet.")
