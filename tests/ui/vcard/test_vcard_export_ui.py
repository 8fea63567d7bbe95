"""Bestand > Contacten exporteren als vCard, and the entry point for selected contacts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from dealmaker.export.vcard import person_ids_matching
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.vcard import export_vcards_for
from dealmaker.ui.vcard.dialog import VCardExportDialog


def answer_save(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def save(parent: Any, title: str, start: str, *args: Any, **kw: Any) -> tuple[str, str]:
        asked.append(start)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    return asked


def context_of(window: Any) -> AppContext:
    context = window.context
    assert isinstance(context, AppContext)
    return context


def test_menu_exports_contacts_matching_a_search(make_main_window: Any, qtbot: QtBot,
                                                 tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_main_window()
    window.findChild(QAction, "export_vcards").trigger()
    dialog = window.findChild(VCardExportDialog)
    assert dialog.count.text() == "3 contacten worden geëxporteerd."
    dialog.search.setText("Anna")
    assert dialog.matching.isChecked()
    qtbot.waitUntil(lambda: dialog.count.text() == "1 contact wordt geëxporteerd.")
    dialog.search.setText("Niemand")
    qtbot.waitUntil(lambda: dialog.count.text() == "Geen contacten gevonden.")
    assert not dialog.export_button.isEnabled()
    dialog.search.setText("anna")
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled())

    target = tmp_path / "uit" / "anna"
    asked = answer_save(monkeypatch, target)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    written = target.with_suffix(".vcf").read_text(encoding="utf-8")
    assert asked[0].endswith("contacten.vcf")
    assert written.count("BEGIN:VCARD") == 1 and "FN:Anna van den Berg" in written
    assert "1 contact geëxporteerd naar" in window.statusBar().currentMessage()


def test_all_contacts_and_selected_ones(make_main_window: Any, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_main_window()
    context = context_of(window)
    answer_save(monkeypatch, tmp_path / "alle.vcf")
    window.findChild(QAction, "export_vcards").trigger()
    window.findChild(VCardExportDialog).accept()
    assert (tmp_path / "alle.vcf").read_text(encoding="utf-8").count("BEGIN:VCARD") == 3

    ids = person_ids_matching(window.controller.workspace, "Bram") + person_ids_matching(
        window.controller.workspace, "Cas")
    answer_save(monkeypatch, tmp_path / "twee.vcf")
    export_vcards_for(window, context, ids)
    text = (tmp_path / "twee.vcf").read_text(encoding="utf-8")
    assert "FN:Bram Jansen" in text and "FN:Cas de Vries" in text and "Anna" not in text
    assert "2 contacten geëxporteerd naar" in window.statusBar().currentMessage()

    export_vcards_for(window, context, [])
    assert window.statusBar().currentMessage() == "Geen contacten gekozen om te exporteren."
