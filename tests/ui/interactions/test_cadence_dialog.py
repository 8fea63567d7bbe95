"""Bewerken > Contactfrequentie…: the workspace default and the rules per tag / function."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dealmaker.services.cadence import cadence_rules, default_cadence, set_cadence_rule
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.interactions.cadence_dialog import TAG, CadenceDialog
from dealmaker.ui.interactions.cadence_model import CadenceRulesModel
from dealmaker.ui.shell.context import AppContext

from .conftest import People


@pytest.fixture
def dialog(qtbot: QtBot, context: AppContext, people: People) -> Iterator[CadenceDialog]:
    found = CadenceDialog(context)
    qtbot.addWidget(found)
    found.show()
    qtbot.waitExposed(found)
    yield found


def texts(dialog: CadenceDialog) -> list[tuple[str, str]]:
    m = dialog.model
    return [(m.index(r, 0).data(), m.index(r, 1).data()) for r in range(m.rowCount())]


def test_default_is_saved_when_the_field_is_left(dialog: CadenceDialog, qtbot: QtBot,
                                                 workspace: Workspace,
                                                 context: AppContext) -> None:
    assert dialog.default_days.value() == 90
    changes: list[Any] = []
    context.signals.changes_applied.connect(changes.append)
    dialog.default_days.setFocus()
    dialog.default_days.selectAll()
    qtbot.keyClicks(dialog.default_days, "45")
    qtbot.keyClick(dialog.default_days, Qt.Key.Key_Return)
    assert default_cadence(workspace) == 45
    assert len(changes) == 1 and changes[0].touches("workspace_setting")
    dialog.default_days.editingFinished.emit()  # unchanged: nothing is written
    assert len(changes) == 1


def test_add_and_remove_rules(dialog: CadenceDialog, qtbot: QtBot, workspace: Workspace,
                              people: People) -> None:
    dialog.rule_days.setValue(30)
    qtbot.keyClicks(dialog.title_text, "wethouder")
    qtbot.keyClick(dialog.title_text, Qt.Key.Key_Return)
    dialog.match.setCurrentIndex(dialog.match.findData(TAG))
    assert dialog.tag.currentText() == "bestuurder"
    dialog.rule_days.setValue(60)
    dialog.add_button.click()
    assert texts(dialog) == [("functie bevat 'wethouder'", "30"),
                             ("contacten met de tag 'bestuurder'", "60")]
    assert [(r.days, r.tag_id, r.title_contains) for r in cadence_rules(workspace)] == [
        (30, None, "wethouder"), (60, people.tag, None)]
    dialog.view.setFocus()
    dialog.view.setCurrentIndex(dialog.model.index(0, 0))
    qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)
    assert texts(dialog) == [("contacten met de tag 'bestuurder'", "60")]
    assert len(cadence_rules(workspace)) == 1


def test_refusals_are_shown(dialog: CadenceDialog, workspace: Workspace) -> None:
    dialog.add_button.click()  # no text for the function title
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Kies een tag óf geef een tekst uit de functietitel op."
    assert cadence_rules(workspace) == []


def test_rules_model_passes_the_model_tester(qtmodeltester: Any, workspace: Workspace,
                                             people: People) -> None:
    set_cadence_rule(workspace, days=14, title_contains="gedeputeerde")
    set_cadence_rule(workspace, days=60, tag_id=people.tag)
    model = CadenceRulesModel()
    model.set_rules(cadence_rules(workspace))
    qtmodeltester.check(model)


def test_menu_opens_the_dialog(make_main_window: Any) -> None:
    window = make_main_window()
    action = next(a for a in window.edit_menu.actions()
                  if a.text().replace("&", "") == "Contactfrequentie…")
    action.trigger()
    [found] = window.findChildren(CadenceDialog)
    assert found.isVisible() and found.default_days.value() == 90
    found.reject()
