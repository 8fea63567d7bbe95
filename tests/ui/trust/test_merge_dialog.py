"""The merge dialog: field choices from the preview, links shown, merge, undo."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QMessageBox, QRadioButton, QWidget
from pytestqt.qtbot import QtBot
from trust.factories import build_world
from trust_ui_kit import live_names, make_bus, person

from dealmaker.services.undo import undo
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.merge import start_merge


def _shoot(widget: QWidget, name: str) -> None:
    """With DEALMAKER_SHOTS set: the widget as a PNG, over a window of each laptop size."""
    folder = os.environ.get("DEALMAKER_SHOTS")
    if not folder:
        return
    for width, height in ((1280, 800), (1024, 768)):
        holder = widget.parentWidget()
        if holder is not None:
            holder.resize(width, height)
            holder.show()
            QApplication.processEvents()
            shot = holder.grab()
            painter = QPainter(shot)
            painter.drawPixmap((width - widget.width()) // 2, (height - widget.height()) // 3,
                               widget.grab())
            painter.end()
        else:
            shot = widget.grab()
        shot.save(str(Path(folder) / f"files-{name}-{width}x{height}.png"))


def radio(dialog: Any, field: str, choice: str) -> QRadioButton:
    found = dialog.findChild(QRadioButton, f"merge_{field}_{choice}")
    assert found is not None, (field, choice)
    return found


def test_merge_applies_the_choices_and_one_undo_reverts(workspace: Workspace,
                                                        qtbot: QtBot) -> None:
    world = build_world(workspace)
    bus = make_bus(workspace)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = start_merge(parent, bus.context, [world.anna, world.ann])
    assert dialog is not None and dialog.merge_button.isEnabled()
    assert dialog.preview is not None
    assert dialog.preview.survivor_name == "Anna van den Berg"
    # defaults from the preview: the survivor's value, notes both
    assert radio(dialog, "first_name", "survivor").isChecked()
    assert radio(dialog, "phone", "survivor").text() == "053 481 1234"
    assert radio(dialog, "notes", "both").isChecked()
    assert dialog.findChild(QRadioButton, "merge_last_name_survivor") is None  # equal
    assert dialog.links_title.text().endswith("gaan allemaal over naar Anna van den Berg")

    qtbot.mouseClick(radio(dialog, "phone", "other"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(radio(dialog, "notes", "survivor"), Qt.MouseButton.LeftButton)
    assert dialog.choices()["phone"] == "other"
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)

    anna = person(workspace, world.anna)
    assert (anna.phone, anna.notes) == ("06-12345678", "Houdt van fietsen")
    assert person(workspace, world.ann).deleted_at is not None
    assert len(bus.changes) == 1 and bus.changes[0].touches("person")
    assert bus.status[-1].startswith(
        "Samengevoegd: Anna van den Berg blijft; Ann van den Berg is opgegaan in dit contact; "
        "overgenomen: telefoon")
    # a summary says which record was kept and what came from the other
    box = dialog.summary_box
    assert box is not None and box.isVisible() and box.objectName() == "mergeSummary"
    assert box.text() == "Anna van den Berg blijft; Ann van den Berg is erin opgegaan."
    assert "• Telefoon: van Ann van den Berg" in box.informativeText()
    _shoot(box, "merge-summary")
    box.accept()
    # the journal names the survivor (ids only), so forget can find the merged person
    from sqlalchemy import select

    from dealmaker.storage.models import Operation
    with workspace.read() as s:
        detail = s.get(Operation, bus.changes[0].operation_id).detail
    assert json.loads(detail)["samengevoegd"]["blijft"] == world.anna
    assert json.loads(detail)["samengevoegd"]["opgegaan"] == world.ann
    assert "Ann" not in detail and select is not None

    undo(workspace)
    assert "Ann van den Berg" in live_names(workspace)
    assert person(workspace, world.anna).phone == "053 481 1234"


def test_swap_keeps_the_other_contact(workspace: Workspace, qtbot: QtBot) -> None:
    world = build_world(workspace)
    bus = make_bus(workspace)
    dialog = start_merge(None, bus.context, [world.anna, world.ann])
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.swap_button, Qt.MouseButton.LeftButton)
    assert dialog.preview is not None and dialog.preview.survivor_name == "Ann van den Berg"
    dialog.accept()
    assert person(workspace, world.anna).deleted_at is not None
    assert person(workspace, world.ann).email == "anna.vandenberg@enschede.example"


def test_needs_exactly_two_contacts(workspace: Workspace,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    world = build_world(workspace)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(
        lambda parent, title, text, *a: shown.append(text)))
    bus = make_bus(workspace)
    assert start_merge(None, bus.context, [world.anna]) is None
    assert start_merge(None, bus.context, [world.anna, world.anna]) is None
    assert shown == ["Kies precies twee verschillende contacten om samen te voegen."] * 2
