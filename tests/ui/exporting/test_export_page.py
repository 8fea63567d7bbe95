"""The Export page: choose a deal and a year, save the overleg workbook (inline tasks)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from workbook.kit import DEAL, make_deal

from dealmaker.storage.workspace import Workspace
from dealmaker.ui.exporting.page import ExportPage
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.signals import AppSignals
from dealmaker.ui.shell.tasks import TaskRunner


@pytest.fixture
def page(workspace: Workspace, qtbot: QtBot) -> ExportPage:
    make_deal(workspace)
    shown = ExportPage(AppContext(AppSignals(), TaskRunner(inline=True), lambda: workspace))
    qtbot.addWidget(shown)
    shown.show()
    shown.set_active(True)
    return shown


def _save_as(monkeypatch: pytest.MonkeyPatch, answer: str) -> list[str]:
    asked: list[str] = []

    def fake(_parent: Any, _title: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(start)
        return answer, ""

    monkeypatch.setattr("dealmaker.ui.exporting.page.QFileDialog.getSaveFileName", fake)
    return asked


def test_werkmap_maken_writes_the_chosen_deal_and_year(
        page: ExportPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    assert page.deal.currentText() == DEAL and page.make.isEnabled()
    page.year.setValue(2025)
    page.contacts.setChecked(True)
    out = tmp_path / "mijn overleg"  # the suffix is added
    asked = _save_as(monkeypatch, str(out))
    page.make.click()
    assert Path(asked[0]).name == f"Overleg {DEAL} 2025.xlsx"
    written = tmp_path / "mijn overleg.xlsx"
    assert page.result.text() == f"Werkmap geschreven: {written}"
    book = load_workbook(written)
    assert "Contacten" in book.sheetnames
    assert book["Samenvatting"]["A1"].value == f"Rijk-regio overleg 2025: {DEAL}"
    assert page.make.isEnabled()


def test_cancelling_the_save_dialog_writes_nothing(
        page: ExportPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _save_as(monkeypatch, "")
    page.make.click()
    assert list(tmp_path.glob("*.xlsx")) == [] and page.result.text() == ""


def test_a_failure_is_one_dutch_line_and_no_file(
        page: ExportPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _save_as(monkeypatch, str(tmp_path / "bestaat-niet" / "o.xlsx"))
    page.make.click()
    assert page.frame.error.text().startswith("De werkmap kon niet worden geschreven")
    assert not (tmp_path / "bestaat-niet").exists() and page.make.isEnabled()
