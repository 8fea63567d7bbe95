"""Export the Opvolgen list to an agenda file (.ics); the folder is remembered."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from dealmaker import config
from dealmaker.export.ics import export_follow_ups_ics
from dealmaker.services.interactions import follow_ups
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.shell.settings import window_settings

FOLDER_KEY = "opvolgen/ics_map"
FILE_NAME = "opvolgen.ics"


def last_folder() -> Path:
    saved = str(window_settings().value(FOLDER_KEY, "") or "")
    folder = Path(saved) if saved else Path.home()
    return folder if folder.is_dir() else config.data_dir()


def remember_folder(folder: Path) -> None:
    settings = window_settings()
    settings.setValue(FOLDER_KEY, str(folder))
    settings.sync()


def ask_path(parent: QWidget | None) -> Path | None:
    """Where to write the agenda file (".ics" added when missing); remembers the folder."""
    tr = QCoreApplication.translate
    name, _ = QFileDialog.getSaveFileName(
        parent, tr("follow_ups", "Exporteren naar agenda"), str(last_folder() / FILE_NAME),
        tr("follow_ups", "Agendabestand (*.ics);;Alle bestanden (*)"))
    if not name:
        return None
    path = Path(name)
    path = path if path.suffix else path.with_suffix(".ics")
    remember_folder(path.parent)
    return path


def export(ws: Workspace, until: date, include_done: bool, today: date, path: Path) -> int:
    """All follow-ups of the list (not only the loaded rows) to ``path``; how many."""
    return export_follow_ups_ics(follow_ups(ws, until, include_done, today), path)
