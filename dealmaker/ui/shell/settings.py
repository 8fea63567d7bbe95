"""Window state in an INI file (``config.settings_file()``): geometry and recent files.

Never domain data: that lives in the workspace.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from dealmaker import config

MAX_RECENT = 8


def window_settings() -> QSettings:
    """The INI settings of the window (a new object each time; cheap)."""
    return QSettings(str(config.settings_file()), QSettings.Format.IniFormat)


class RecentFiles:
    """The most recently opened workspaces, newest first, without duplicates."""

    KEY = "recent/files"

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def paths(self) -> list[Path]:
        raw = self._settings.value(self.KEY, [])
        if isinstance(raw, str):  # an INI list of one comes back as a plain string
            raw = [raw] if raw else []
        if not isinstance(raw, list):
            return []
        return [Path(str(p)) for p in raw if p]

    def add(self, path: Path) -> None:
        path = path.resolve()
        paths = [path] + [p for p in self.paths() if p != path]
        self._store(paths[:MAX_RECENT])

    def remove(self, path: Path) -> None:
        self._store([p for p in self.paths() if p != path.resolve()])

    def clear(self) -> None:
        self._store([])

    def _store(self, paths: list[Path]) -> None:
        self._settings.setValue(self.KEY, [str(p) for p in paths])
        self._settings.sync()
