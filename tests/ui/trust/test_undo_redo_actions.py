"""Bewerken > Ongedaan maken / Opnieuw: texts, enabled state, keys, refusals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from trust_ui_kit import live_names

from dealmaker.services.people import PersonData, add_person
from dealmaker.services.undo import UndoError
from dealmaker.ui.undo import undo_redo


def actions(window: Any) -> tuple[QAction, QAction]:
    return window.findChild(QAction, "undo"), window.findChild(QAction, "redo")


def add_zoe(window: Any) -> None:
    _pid, changes = add_person(window.controller.workspace,
                               PersonData(first_name="Zoë", last_name="Meijer"))
    window.controller.signals.changes_applied.emit(changes)


def test_texts_and_enabled_state_follow_the_journal(make_main_window: Any) -> None:
    window = make_main_window()
    undo, redo = actions(window)
    edit_menu = window.edit_menu.actions()
    assert edit_menu[0] is undo and edit_menu[1] is redo
    assert undo.shortcut().toString() == "Ctrl+Z"
    assert redo.shortcut().toString() == "Ctrl+Shift+Z"
    assert (undo.text(), undo.isEnabled()) == ("&Ongedaan maken: Testgegevens", True)
    assert (redo.text(), redo.isEnabled()) == ("O&pnieuw", False)

    add_zoe(window)
    assert undo.text() == "&Ongedaan maken: Contact toevoegen"
    undo.trigger()
    assert "Zoë Meijer" not in live_names(window.controller.workspace)
    assert window.statusBar().currentMessage() == "Ongedaan gemaakt: Contact toevoegen"
    assert (undo.text(), undo.isEnabled()) == ("&Ongedaan maken: Testgegevens", True)
    assert (redo.text(), redo.isEnabled()) == ("O&pnieuw: Contact toevoegen", True)
    redo.trigger()
    assert "Zoë Meijer" in live_names(window.controller.workspace)
    assert redo.isEnabled() is False
    assert undo.text() == "&Ongedaan maken: Contact toevoegen"


def test_workspace_switch_updates_the_actions(make_main_window: Any, empty_path: Path) -> None:
    window = make_main_window()
    window.controller.open_path(empty_path, window)
    undo, redo = actions(window)
    assert (undo.text(), undo.isEnabled()) == ("&Ongedaan maken", False)
    assert (redo.text(), redo.isEnabled()) == ("O&pnieuw", False)


def test_refusal_is_shown_in_dutch(make_main_window: Any,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_main_window()
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda parent, title, text, *a: shown.append((title, text))))
    message = "'Testgegevens' kan niet ongedaan gemaakt worden: contact 'Anna' is gewijzigd."

    def refuse(ws: Any) -> None:
        raise UndoError(message)

    monkeypatch.setattr(undo_redo, "undo", refuse)
    undo, _redo = actions(window)
    undo.trigger()
    assert shown == [("Ongedaan maken", message)]
    assert undo.isEnabled()  # nothing changed, so it can be tried again
    assert len(live_names(window.controller.workspace)) == 3


def test_ctrl_z_in_a_line_edit_undoes_the_typing_not_the_workspace(
        make_main_window: Any, qtbot: QtBot) -> None:
    window = make_main_window()
    add_zoe(window)
    field = QLineEdit(window.centralWidget())
    field.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    field.setFocus()
    qtbot.keyClicks(field, "Twente")
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == ""
    assert "Zoë Meijer" in live_names(window.controller.workspace)
    qtbot.keyClicks(field, "x")
    qtbot.keyClick(field, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # no redo either
    assert "Zoë Meijer" in live_names(window.controller.workspace)

    window.sidebar.setFocus()  # not a text field: the keys act on the workspace
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Zoë Meijer" not in live_names(window.controller.workspace)
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert "Zoë Meijer" in live_names(window.controller.workspace)
