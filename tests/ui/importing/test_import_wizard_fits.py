"""The import wizard fits a laptop screen at every step (1024x768 with scaling, 1280x800).

It once opened 1,180 px wide on a 1024 px screen, Volgende off the edge. Every step's
smallest size must fit 1024x768 less a taskbar, the dialog opens inside the screen's
free area, and at the size it takes on each laptop no label, button or column header of
any step is cut off (cells elide, their tooltip holds the text). With DEALMAKER_SHOTS
set, each step is saved as a picture at both sizes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTableView
from pytestqt.qtbot import QtBot
from ui.importing.test_import_known_person import OUTLOOK
from ui.importing.test_import_wizard import open_dialog

from dealmaker.services.importing import ACTIONS
from dealmaker.ui.importing.preview_model import ACTION
from dealmaker.ui.importing.texts import action_label
from dealmaker.ui.importing.wizard import FILE, MAPPING, PREVIEW, RESULT, SUMMARY

#: 1024x768 less a taskbar of 40 px
LAPTOP = (1024, 728)
#: screen -> the size the dialog takes there (its free area less a margin, at most
#: 1180 x 680: ImportDialog._fit_to_screen)
SIZES = {(1280, 800): (1180, 680), (1024, 768): (984, 680)}
LAPTOP_SCREEN = (1024, 768)
NAMES = {FILE: "file", MAPPING: "mapping", PREVIEW: "preview", SUMMARY: "summary",
         RESULT: "result"}


def _shoot(dialog: Any, screen: tuple[int, int]) -> None:
    folder = os.environ.get("DEALMAKER_SHOTS")
    if folder:
        dialog.grab().save(str(Path(folder) / (
            f"corpus-import-{NAMES[dialog.step()]}-{screen[0]}x{screen[1]}.png")))


def _cut_headers(dialog: Any) -> list[str]:
    """Column headers of the visible tables narrower than their text."""
    found = []
    for view in dialog.findChildren(QTableView):
        if not view.isVisible():
            continue
        header, model = view.horizontalHeader(), view.model()
        for column in range(model.columnCount()):
            text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            needed = header.fontMetrics().horizontalAdvance(text) + 12
            if text and not header.isSectionHidden(column) and (
                    header.sectionSize(column) < needed):
                found.append(text)
    return found


def _cut_off(dialog: Any) -> list[str]:
    """Labels and buttons of the current step whose text is wider than they are shown."""
    found = []
    for widget in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton):
        if not widget.isVisible() or not widget.text():
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or "\n" in widget.text()
                                           or widget.textFormat() == Qt.TextFormat.RichText):
            continue
        needed = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", ""))
        if needed > widget.contentsRect().width() + 1:
            found.append(widget.text())
    return found


def test_every_step_fits_a_laptop_screen(make_main_window: Any, qtbot: QtBot,
                                         tmp_path: Path) -> None:
    window = make_main_window()
    path = tmp_path / "Contactpersonen collega.csv"
    path.write_bytes(OUTLOOK.encode("cp1252"))
    dialog = open_dialog(window)
    dialog.file_step.path_edit.setText(str(path))
    for step in (FILE, MAPPING, PREVIEW, SUMMARY, RESULT):
        assert dialog.step() == step
        QApplication.processEvents()
        hint = dialog.minimumSizeHint()
        assert hint.width() <= SIZES[LAPTOP_SCREEN][0] and hint.height() <= LAPTOP[1], (
            step, hint)
        for screen, size in SIZES.items():
            dialog.resize(*size)
            QApplication.processEvents()
            assert (_cut_off(dialog), _cut_headers(dialog)) == ([], []), (step, screen)
            if step == PREVIEW:  # the action chosen per row reads whole in its column
                view = dialog.preview_step.view
                widest = max(view.fontMetrics().horizontalAdvance(action_label(a))
                             for a in ACTIONS)
                assert view.horizontalHeader().sectionSize(ACTION) >= widest + 30
            _shoot(dialog, screen)
        if step != RESULT:
            qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
