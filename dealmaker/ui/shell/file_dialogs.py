"""The file questions the File menu asks (separate so tests can answer them)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from dealmaker.config import WORKSPACE_SUFFIX


def _filter() -> str:
    return QCoreApplication.translate("files", "dealmaker-werkruimte (*{suffix});;"
                                      "Alle bestanden (*)").format(suffix=WORKSPACE_SUFFIX)


def ask_new_workspace(parent: QWidget | None, title: str, start: Path) -> Path | None:
    """A path for a new workspace (suffix added when missing), or None."""
    name, _ = QFileDialog.getSaveFileName(
        parent, title, str(start), _filter(),
        options=QFileDialog.Option.DontConfirmOverwrite)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(WORKSPACE_SUFFIX)


def ask_open_workspace(parent: QWidget | None, start: Path) -> Path | None:
    """An existing file to open, or None."""
    title = QCoreApplication.translate("files", "Werkruimte openen")
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start), _filter())
    return Path(name) if name else None
