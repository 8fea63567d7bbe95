"""The import dialog end to end through its widgets: mapping, preview, summary, result."""

from __future__ import annotations

import csv
import hashlib
import io
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QComboBox, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from dealmaker.services.changes import Changes
from dealmaker.storage.models import Person, Position
from dealmaker.ui.importing.mapping_model import FIELD, SAMPLE
from dealmaker.ui.importing.preview_model import ACTION, EMAIL, MATCH, REMARKS, ROW
from dealmaker.ui.importing.wizard import FILE, MAPPING, PREVIEW, RESULT, SUMMARY, ImportDialog

HEAD = ["Voornaam", "Achternaam", "E-mailadres", "Bedrijf", "Functie"]
ROWS = [
    ["Anna", "van den Berg", "anna@bzk.example", "Ministerie van BZK", "Directeur"],  # dubbel
    ["Dirk", "Bakker", "dirk@zwolle.example", "Gemeente Zwolle", "Wethouder"],
    ["Eva", "Smit", "geen-adres", "Gemeente Zwolle", ""],                          # fout
    ["Fleur", "Visser", "fleur@visser.example", "", ""],
]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def fingerprint(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def live_people(window: Any) -> int:
    with window.controller.workspace.read() as s:
        return int(s.scalar(select(func.count()).select_from(Person)
                            .where(Person.deleted_at.is_(None))) or 0)


def open_dialog(window: Any) -> ImportDialog:
    window.findChild(QAction, "import_contacts").trigger()
    dialog = window.findChild(ImportDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def choose_in_cell(qtlog: Any, view: QTableView, index: QModelIndex, value: str) -> None:
    """Open the cell's combo box as a click would, see its list open, pick ``value``."""
    view.scrollTo(index)
    view.edit(index)
    editor = view.indexWidget(index)
    assert isinstance(editor, QComboBox)
    # The list opens at once; the offscreen platform cannot raise that popup or give it
    # the keyboard and warns about it (a limit of the platform, not a fault of ours).
    with qtlog.disabled():
        QApplication.processEvents()
        assert editor.view().isVisible()
        editor.setCurrentIndex(editor.findData(value))
        editor.activated.emit(editor.currentIndex())
        QApplication.processEvents()


def proxy_index(view: QTableView, row_number: int, column: int) -> QModelIndex:
    model = view.model()
    for r in range(model.rowCount()):
        if model.index(r, ROW).data(Qt.ItemDataRole.DisplayRole) == str(row_number):
            return model.index(r, column)
    raise LookupError(row_number)


def test_wizard_imports_good_rows_merges_duplicate_and_undoes_in_one_step(
        make_main_window: Any, qtbot: QtBot, qtlog: Any, tmp_path: Path) -> None:
    window = make_main_window()
    applied: list[Changes] = []
    window.controller.signals.changes_applied.connect(applied.append)
    path = write_csv(tmp_path / "contacten.csv", [HEAD, *ROWS])
    dialog = open_dialog(window)
    assert dialog.step() == FILE and not dialog.next_button.isEnabled()

    dialog.file_step.path_edit.setText(str(path))
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.step() == MAPPING
    mapping = dialog.mapping_step.model
    assert dialog.mapping_step.mapping() == {
        "Voornaam": "first_name", "Achternaam": "last_name", "E-mailadres": "email",
        "Bedrijf": "organisation", "Functie": "function"}
    assert mapping.index(0, SAMPLE).data() == "Anna"
    assert mapping.index(3, FIELD).data() == "Organisatie"
    assert "5 van 5 kolommen gekoppeld, 4 rijen" in dialog.mapping_step.count.text()

    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.step() == PREVIEW
    view = dialog.preview_step.view
    anna_action = proxy_index(view, 2, ACTION)
    assert anna_action.data() == "Aanvullen"  # the default: add what is new
    assert anna_action.flags() & Qt.ItemFlag.ItemIsEditable
    assert proxy_index(view, 2, MATCH).data() == "Anna van den Berg"
    assert "Functie: Directeur (toegevoegd)" in proxy_index(
        view, 2, REMARKS).data()
    assert not proxy_index(view, 3, ACTION).flags() & Qt.ItemFlag.ItemIsEditable
    kept = proxy_index(view, 4, EMAIL)  # not an address: kept in the notes, amber
    assert kept.data() == "geen-adres"
    assert kept.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#7a4b00"
    tip = kept.data(Qt.ItemDataRole.ToolTipRole)
    assert "contacten.csv, rij 4, kolom E-mailadres" in tip and "in de notities" in tip
    assert proxy_index(view, 4, ACTION).data() == "Nieuw"

    choose_in_cell(qtlog, view, anna_action, "skip")
    assert dialog.plan is not None and dialog.plan.rows[0].action == "skip"
    assert "(niet overgenomen)" in proxy_index(view, 2, REMARKS).data()
    choose_in_cell(qtlog, view, proxy_index(view, 2, ACTION), "merge")
    assert "3 nieuw · 1 aanvullen · 0 overschrijven · 0 overslaan · 0 leeg of onleesbaar" in \
        dialog.preview_step.counts.text()
    dialog.preview_step.attention_only.setChecked(True)
    assert view.model().rowCount() == 2  # Anna (bekend) and Eva (melding)

    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.step() == SUMMARY
    assert dialog.summary_step.counts.values == {
        "Nieuwe contacten": "3", "Bestaande contacten aanvullen": "1",
        "Bestaande contacten overschrijven": "0", "Overslaan (al bekend)": "0",
        "Met meldingen": "1", "Leeg of onleesbaar": "0"}
    assert dialog.next_button.text() == "&Importeren"
    assert dialog.cancel_button.isEnabled()

    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.step() == RESULT
    result = dialog.import_result
    assert result is not None
    assert (result.created, result.merged, result.skipped) == (3, 1, 0)
    assert dialog.result_step.counts.values["Meldingen"] == "1"
    details = dialog.result_step.details.toPlainText()
    assert "rij 2, Anna van den Berg: functie ‘Directeur, Ministerie van BZK’ toegevoegd " \
           "(‘Dealmaker’ blijft)" in details
    assert "rij 4, kolom E-mailadres" in details
    assert [c.operation_id for c in applied] == [result.changes.operation_id]
    assert "3 contacten aangemaakt, 1 aangevuld" in window.statusBar().currentMessage()
    assert live_people(window) == 6  # 3 + Dirk, Eva and Fleur
    with window.controller.workspace.read() as s:
        titles = set(s.scalars(select(Position.title)))
    assert {"Wethouder", "Directeur", "Dealmaker"} <= titles

    undo = window.findChild(QAction, "undo")
    assert undo.text() == "&Ongedaan maken: Contacten importeren (contacten.csv)"
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # Sluiten
    undo.trigger()
    assert live_people(window) == 3
    with window.controller.workspace.read() as s:
        assert set(s.scalars(select(Position.title).where(
            Position.deleted_at.is_(None)))) == {"Dealmaker"}  # undo soft-deletes the rest
    assert window.findChild(QAction, "redo").isEnabled()


def test_cancel_at_the_summary_writes_nothing(make_main_window: Any, qtbot: QtBot,
                                             tmp_path: Path, filled_path: Path) -> None:
    window = make_main_window()
    before = fingerprint(filled_path)
    dialog = open_dialog(window)
    dialog.file_step.path_edit.setText(str(write_csv(tmp_path / "c.csv", [HEAD, *ROWS])))
    for _ in range(3):
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.step() == SUMMARY
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert fingerprint(filled_path) == before


def last_cell_xlsx() -> bytes:
    """1.5 KB claiming one cell at XFD1048576: the Rust reader used to take the window down."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Blad1"
    book.active["XFD1048576"] = "x"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("kapot.xlsx", b"PK\x03\x04" + bytes(range(200)), "kapot.xlsx: geen geldig Excel-bestand"),
    ("laatste.xlsx", last_cell_xlsx(), "laatste.xlsx: werkblad 'Blad1' loopt tot kolom XFD"),
    ("leeg.csv", b"", "leeg.csv: het bestand is leeg"),
    ("weg.csv", None, "weg.csv: het bestand bestaat niet"),
])
def test_bad_file_is_named_and_nothing_changes(make_main_window: Any, qtbot: QtBot,
                                               tmp_path: Path, filled_path: Path, name: str,
                                               content: bytes | None, expected: str) -> None:
    window = make_main_window()
    before = fingerprint(filled_path)
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    dialog = open_dialog(window)
    dialog.file_step.path_edit.setText(str(path))
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.step() == FILE
    assert dialog.file_step.error.isVisible()
    assert expected in dialog.file_step.error.text()
    assert fingerprint(filled_path) == before


def test_missing_name_column_names_file_and_row_and_mapping_fixes_it(
        make_main_window: Any, qtbot: QtBot, qtlog: Any, tmp_path: Path) -> None:
    window = make_main_window()
    path = write_csv(tmp_path / "lijst.csv", [["Wie", "E-mailadres"],
                                              ["Gert Jan de Boer", "gj@example.nl"]])
    dialog = open_dialog(window)
    dialog.file_step.path_edit.setText(str(path))
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.mapping_step.mapping() == {"Wie": None, "E-mailadres": "email"}
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.step() == MAPPING
    assert "lijst.csv, rij 1: geen kolom voor de naam" in dialog.mapping_step.error.text()

    choose_in_cell(qtlog, dialog.mapping_step.view, dialog.mapping_step.model.index(0, FIELD),
                   "full_name")
    assert dialog.mapping_step.mapping()["Wie"] == "full_name"
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.step() == PREVIEW
    row = dialog.plan.rows[0].values if dialog.plan else None
    assert row is not None and (row.first_name, row.tussenvoegsel, row.last_name) == (
        "Gert Jan", "de", "Boer")


def test_bulk_buttons_set_every_duplicate(make_main_window: Any, qtbot: QtBot,
                                          tmp_path: Path, qtmodeltester: Any) -> None:
    window = make_main_window()
    rows = [HEAD, ["Anna", "van den Berg", "anna@bzk.example", "", ""],
            ["Bram", "Jansen", "bram@twente.example", "", ""], ["Nina", "Kok", "", "", ""]]
    dialog = open_dialog(window)
    dialog.file_step.path_edit.setText(str(write_csv(tmp_path / "d.csv", rows)))
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    step = dialog.preview_step
    qtmodeltester.check(step.model)
    qtbot.mouseClick(step.bulk_buttons["merge"], Qt.MouseButton.LeftButton)
    assert dialog.plan is not None
    assert [r.action for r in dialog.plan.rows] == ["merge", "merge", "create"]
    qtbot.mouseClick(step.bulk_buttons["create"], Qt.MouseButton.LeftButton)
    assert dialog.plan.counts() == {"create": 3, "merge": 0, "overwrite": 0, "skip": 0,
                                    "invalid": 0}
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.step() == MAPPING
    qtmodeltester.check(dialog.mapping_step.model)
