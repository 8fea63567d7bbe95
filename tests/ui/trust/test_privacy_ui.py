"""AVG per person from the window: export to a chosen folder, forget after a serious
confirmation (answered here by monkeypatching QMessageBox), and the review list."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from trust.factories import build_world
from trust_ui_kit import live_names, make_bus, person

from dealmaker.services.privacy import FORGOTTEN_NAME
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.privacy import export_person, forget_person, open_review


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Message boxes answered without showing: the confirmation by ``answer``."""
    seen: dict[str, Any] = {"answer": "Definitief vergeten", "asked": [], "info": []}

    def exec_(box: QMessageBox) -> int:
        seen["asked"].append((box.windowTitle(), box.text(), box.informativeText(),
                              box.defaultButton().text()))
        next(b for b in box.buttons() if b.text() == seen["answer"]).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "information", staticmethod(
        lambda parent, title, text, *a: seen["info"].append(text)))
    return seen


def choose_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: str(folder)))


def test_export_writes_xlsx_and_json(workspace: Workspace, qtbot: QtBot, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    world = build_world(workspace)
    bus = make_bus(workspace)
    choose_folder(monkeypatch, tmp_path)
    export_person(None, bus.context, world.anna)
    stem = f"AVG-inzage Anna van den Berg {date.today():%Y-%m-%d}"
    data = json.loads((tmp_path / f"{stem}.json").read_text(encoding="utf-8"))
    assert data["persoon"] == "Anna van den Berg"
    assert (tmp_path / f"{stem}.xlsx").stat().st_size > 0
    assert bus.status[-1] == (f"Gegevens van Anna van den Berg geschreven in {tmp_path}: "
                              f"{stem}.xlsx en {stem}.json")
    export_person(None, bus.context, world.anna)  # never over an earlier export
    assert (tmp_path / f"{stem} (2).json").exists()


def test_forget_after_confirmation_removes_the_name(workspace: Workspace, qtbot: QtBot,
                                                    boxes: dict[str, Any]) -> None:
    world = build_world(workspace)
    bus = make_bus(workspace)
    forget_person(None, bus.context, world.anna)
    title, text, informative, default = boxes["asked"][0]
    assert title == "Persoon vergeten (AVG)"
    assert text == "‘Anna van den Berg’ definitief vergeten?"
    assert "niet ongedaan worden gemaakt" in informative and "back-ups" in informative
    assert "zonder accenten" in informative and "geen ander contact zo heet" in informative
    assert default == "Annuleren"
    assert person(workspace, world.anna).last_name == FORGOTTEN_NAME
    assert "Anna van den Berg" not in live_names(workspace)
    assert boxes["info"][0].startswith("‘Anna van den Berg’ is vergeten.")
    assert "Back-ups opgeschoond: 0" in boxes["info"][0]
    assert bus.changes and bus.changes[-1].everything


def test_forget_cancelled_changes_nothing(workspace: Workspace, boxes: dict[str, Any]) -> None:
    world = build_world(workspace)
    boxes["answer"] = "Annuleren"
    bus = make_bus(workspace)
    forget_person(None, bus.context, world.anna, name="Anna van den Berg")
    assert person(workspace, world.anna).first_name == "Anna"
    assert not bus.changes and not boxes["info"]


def test_review_list_by_years_then_forget_the_selected(
        workspace: Workspace, qtbot: QtBot, qtmodeltester: Any,
        boxes: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_world(workspace)  # contact moments in 2025; everyone entered just now
    bus = make_bus(workspace)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = open_review(parent, bus.context)
    assert dialog is not None
    qtmodeltester.check(dialog.model)
    dialog.years.setValue(40)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)
    assert dialog.count.text() == "0 contacten"
    dialog.years.setValue(0)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)
    view = dialog.view
    shown = {view.model().index(r, 0).data(): view.model().index(r, 1).data()
             for r in range(3)}
    assert shown == {"Anna van den Berg": "04-03-2025", "Ann van den Berg": "01-06-2025",
                     "Bert Jansen": "04-03-2025"}
    assert not dialog.forget_button.isEnabled()

    row = next(r for r in range(3) if view.model().index(r, 0).data() == "Bert Jansen")
    view.selectionModel().select(view.model().index(row, 0),
                                 QItemSelectionModel.SelectionFlag.ClearAndSelect
                                 | QItemSelectionModel.SelectionFlag.Rows)
    assert dialog.export_button.isEnabled()
    choose_folder(monkeypatch, tmp_path)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert any(p.suffix == ".xlsx" and "Bert Jansen" in p.name for p in tmp_path.iterdir())
    qtbot.mouseClick(dialog.forget_button, Qt.MouseButton.LeftButton)
    assert boxes["asked"][-1][1] == "‘Bert Jansen’ definitief vergeten?"
    assert dialog.model.rowCount() == 2  # reloaded after the change
    assert "Bert Jansen" not in live_names(workspace)
