"""Reading a returned workbook in the window: review each change, accept or reject it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from workbook.kit import make_deal

from dealmaker.domain.enums import CommitmentState
from dealmaker.services.workbook import overleg_steps, write_overleg
from dealmaker.storage.models import Commitment, Measurement
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.exporting.page import ALL_DEALS, ExportPage
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.signals import AppSignals
from dealmaker.ui.shell.tasks import TaskRunner


@pytest.fixture
def page(workspace: Workspace, qtbot: QtBot) -> ExportPage:
    shown = ExportPage(AppContext(AppSignals(), TaskRunner(inline=True), lambda: workspace))
    qtbot.addWidget(shown)
    shown.resize(1024, 768)
    shown.show()
    return shown


def _returned(ws: Workspace, tmp_path: Path, fill: Any) -> Path:
    from openpyxl import load_workbook

    made = make_deal(ws)
    path = write_overleg(ws, made.deal_id, 2025, tmp_path / "terug.xlsx",
                         today=date(2026, 12, 4))
    book = load_workbook(path)
    fill(book["Voortgang"], book["Toezeggingen"])
    book.save(path)
    return path


def _measure_and_step(v: Any, t: Any) -> None:
    v["K2"], v["L2"], v["Q2"] = 175, date(2025, 9, 1), "najaar"
    t["I2"] = "bevestigd"  # +Subsidie aanvragen: afgesproken -> bevestigd


def test_review_rejects_one_change_and_writes_the_other(
        page: ExportPage, workspace: Workspace, tmp_path: Path, qtbot: QtBot) -> None:
    path = _returned(workspace, tmp_path, _measure_and_step)
    with qtbot.waitSignal(page.returning.reviewing):
        page.returning.start(path)
    review = page.returning.review
    assert review is not None and review.table.rowCount() == 2
    shown = {review.table.item(r, 0).text(): r for r in range(2)}
    assert set(shown) == {"Voortgang!K2", "Toezeggingen!I2"}
    review.set_checked(shown["Toezeggingen!I2"], False)  # reject the state step
    with qtbot.waitSignal(page.returning.applied):
        review.save.click()
    with workspace.read() as s:
        c = s.scalars(select(Commitment).where(Commitment.title == "+Subsidie aanvragen")).one()
        assert c.state is CommitmentState.AFGESPROKEN
        m = s.scalars(select(Measurement).where(Measurement.measured_on == date(2025, 9, 1))
                      ).one()
        assert (m.value, m.note) == (Decimal("175"), "najaar")
    assert page.result.text().startswith("1 wijzigingen uit terug.xlsx opgeslagen (1 niet")


def test_refused_workbook_lists_cells_and_offers_no_save(
        page: ExportPage, workspace: Workspace, tmp_path: Path, qtbot: QtBot) -> None:
    def spoil(v: Any, _t: Any) -> None:
        v["K2"] = "ongeveer 170"

    path = _returned(workspace, tmp_path, spoil)
    with qtbot.waitSignal(page.returning.reviewing):
        page.returning.start(path)
    review = page.returning.review
    assert review is not None
    assert review.table.item(0, 0).text() == "Voortgang!K2"
    assert "tekst waar een getal hoort" in review.table.item(0, 1).text()
    assert not hasattr(review, "save")
    assert "geweigerd" in page.result.text()


def test_unchanged_workbook_says_so(page: ExportPage, workspace: Workspace,
                                    tmp_path: Path) -> None:
    path = _returned(workspace, tmp_path, lambda _v, _t: None)
    page.returning.start(path)
    assert page.result.text() == "terug.xlsx: geen wijzigingen."
    assert page.returning.review is None


def test_portfolio_entry_and_cancel_leave_no_file(
        page: ExportPage, workspace: Workspace, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    make_deal(workspace)
    make_deal(workspace)
    page.set_active(True)
    page.deal.setCurrentIndex(page.deal.findData(ALL_DEALS))
    page.year.setValue(2025)
    monkeypatch.setattr("dealmaker.ui.exporting.page.QFileDialog.getSaveFileName",
                        lambda *_a: (str(tmp_path / "alle.xlsx"), ""))
    page.make.click()
    assert load_workbook(tmp_path / "alle.xlsx")["Samenvatting"]["A1"].value == "Deal"
    # cancelling between steps (what Annuleren does) leaves nothing behind
    steps = overleg_steps(workspace, None, 2025, tmp_path / "half.xlsx")
    labels = [next(steps).label for _ in range(3)]
    assert labels[0].endswith("lezen…")
    steps.close()
    assert sorted(p.name for p in tmp_path.iterdir()
                  if "xlsx" in p.name or "tmp" in p.name) == ["alle.xlsx"]


def test_export_runs_in_the_background_and_annuleren_leaves_no_file(
        workspace: Workspace, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A real task runner: the window answers while the workbook is made (the progress
    dialog takes the click) and Annuleren stops it between steps, leaving no file."""
    import threading

    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from dealmaker.ui.exporting import page as page_module

    make_deal(workspace)
    make_deal(workspace)
    tasks = TaskRunner()
    shown = ExportPage(AppContext(AppSignals(), tasks, lambda: workspace))
    qtbot.addWidget(shown)
    shown.show()
    shown.set_active(True)
    qtbot.waitUntil(lambda: shown.make.isEnabled(), timeout=5000)
    shown.deal.setCurrentIndex(shown.deal.findData(ALL_DEALS))
    started, release = threading.Event(), threading.Event()
    real = page_module.overleg_steps

    def slow(*args: Any, **kw: Any) -> Any:
        steps = real(*args, **kw)
        yield next(steps)
        started.set()
        release.wait(5)
        yield from steps

    monkeypatch.setattr(page_module, "overleg_steps", slow)
    monkeypatch.setattr("dealmaker.ui.exporting.page.QFileDialog.getSaveFileName",
                        lambda *_a: (str(tmp_path / "alle.xlsx"), ""))
    try:
        shown.make.click()
        assert started.wait(5)
        shown.findChild(QProgressDialog).findChild(QPushButton).click()  # Annuleren
        release.set()
        qtbot.waitUntil(lambda: shown.result.text() != "", timeout=5000)
        assert shown.result.text() == "Afgebroken; er is niets geschreven."
        assert [p.name for p in tmp_path.iterdir() if "xlsx" in p.name] == []
    finally:
        release.set()
        tasks.shutdown()
