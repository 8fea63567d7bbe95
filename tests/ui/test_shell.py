"""The shell's extension points: a page plugs in by implementing ``Page`` and registering
itself; features reach each other only through ``context.commands``; the menus are the
ones users know."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from dealmaker.storage.workspace import open_workspace
from dealmaker.ui.compose import INSTALLERS, build_window
from dealmaker.ui.shell.context import AppContext, Commands
from dealmaker.ui.shell.page import Page
from dealmaker.ui.shell.signals import AppSignals
from dealmaker.ui.shell.tasks import TaskRunner
from dealmaker.ui.shell.workspace_controller import WorkspaceController


class NotesPage(QWidget):
    """The smallest screen: what a later issue writes to add one."""

    key = "notities"
    shortcut = ""
    loaded = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.activations: list[bool] = []

    def title(self) -> str:
        return "Notities"

    def widget(self) -> QWidget:
        return self

    def set_active(self, active: bool) -> None:
        self.activations.append(active)


def test_a_page_plugs_in_by_implementing_page_and_registering(qtbot: QtBot,
                                                              filled_path: Path) -> None:
    notes = NotesPage()
    page: Page = notes  # mypy checks the protocol here

    def install(context: AppContext) -> None:
        context.pages.register(page)

    controller = WorkspaceController(open_workspace(filled_path), AppSignals(),
                                     TaskRunner(inline=True))
    window = build_window(controller, (*INSTALLERS, install))
    qtbot.addWidget(window)
    try:
        assert window.sidebar.titles()[-1] == "Notities"  # not in SIDEBAR: last
        go = window.findChild(QAction, "page_14")
        assert go is not None and go.text() == "Notities" and go.shortcut().isEmpty()
        assert window.context is not None
        assert window.context.pages.show("notities") is notes
        assert window.current_page() is notes and notes.activations[-1] is True
        assert window.context.pages.current() is notes
    finally:
        window.close()
        controller.tasks.shutdown()
        controller.close()


def test_a_command_nobody_offers_says_which_one() -> None:
    with pytest.raises(LookupError, match="show_history"):
        Commands().show_history(None, "person", "x")


def test_the_window_has_every_command_filled_in(make_main_window: Any) -> None:
    window = make_main_window()
    commands = window.context.commands
    missing = [f.name for f in fields(Commands)
               if getattr(commands, f.name).__name__ == "missing"]
    assert missing == []


#: the menus as they were before the features became plug-ins (undo text varies)
MENUS = {
    "&Bestand": ["new_workspace Ctrl+N", "new_demo_workspace Ctrl+Shift+N",
                 "open_workspace Ctrl+O", "&Recent geopend", "-", "import_contacts Ctrl+I",
                 "export_vcards", "share_workspace", "join_workspace", "-",
                 "backup Ctrl+Shift+B", "-", "quit Ctrl+Q"],
    "Be&werken": ["undo Ctrl+Z", "redo Ctrl+Shift+Z", "-", "quick_find Ctrl+K",
                  "settings Ctrl+,", "-",
                  "avg_review", "-", "log_contact_moment Ctrl+L", "cadence"],
    "&Ga naar": [*(f"page_{n} Ctrl+{n % 10}" for n in range(1, 11)), "page_11", "page_12",
                 "page_13"],
    "&Help": ["about"],
}


def test_menus_keep_their_entries_order_and_keys(make_main_window: Any) -> None:
    window = make_main_window()
    found = {}
    for top in window.menuBar().actions():
        entries = []
        for action in top.menu().actions():
            if action.isSeparator():
                entries.append("-")
                continue
            name = action.objectName() or action.text()
            keys = action.shortcut().toString()
            entries.append(f"{name} {keys}" if keys else name)
        # Qt hides a separator that follows another; drop those as the user sees it
        found[top.text()] = [e for i, e in enumerate(entries)
                             if not (e == "-" and i > 0 and entries[i - 1] == "-")]
    assert found == MENUS
