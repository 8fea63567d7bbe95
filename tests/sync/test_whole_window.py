"""The Conflicten page after a colleague deleted what Bob edited: the contact and the
commitment are named, and "Neem deze waarde" brings the contact back whole."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dealmaker.domain.enums import CommitmentKind, OrgKind, Side
from dealmaker.services.commitments.records import (
    CommitmentData,
    create_commitment,
    delete_commitments,
    update_commitment,
)
from dealmaker.services.organisations import OrganisationData, create_organisation
from dealmaker.services.people import delete_persons, update_person
from dealmaker.services.sync.engine import sync
from dealmaker.storage.workspace import open_workspace
from dealmaker.ui.compose import build_window
from dealmaker.ui.shell.main_window import MainWindow
from dealmaker.ui.shell.signals import AppSignals
from dealmaker.ui.shell.tasks import TaskRunner
from dealmaker.ui.shell.workspace_controller import WorkspaceController
from dealmaker.ui.sync import ConflictsPage
from tests.sync.pgserver import Server
from tests.sync.test_delete_whole import WHOLE, _live, _setup

SHOTS = Path("/work/brief/shots")
pytestmark = [pytest.mark.postgres,
              pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")]


def _shoot(window: MainWindow, name: str) -> None:
    if not SHOTS.is_dir():
        return
    for w, h in ((1280, 800), (1024, 768)):
        window.resize(w, h)
        for _ in range(5):
            QApplication.processEvents()
        window.grab().save(str(SHOTS / f"revive-{name}-{w}x{h}.png"))


def test_taking_bobs_edit_in_the_window_brings_the_contact_back_whole(
        pg: Server, team, copy_of, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEALMAKER_DATA_DIR", str(tmp_path / "ui-data"))
    a, b, ids = _setup(pg, team, copy_of, tmp_path)
    with open_workspace(a) as ws:
        rijk, _ = create_organisation(ws, OrganisationData("BZK", OrgKind.MINISTERIE, Side.RIJK))
        data = CommitmentData("Rijk-regio overleg plannen", CommitmentKind.PROCES, rijk,
                              rijk)
        cid, _ = create_commitment(ws, data)
        sync(ws)
    with open_workspace(b) as ws:
        sync(ws)
    with open_workspace(a) as ws:  # Anna deletes both
        delete_persons(ws, [ids["wiersma"]])
        delete_commitments(ws, [cid])
        sync(ws)
    ws = open_workspace(b)  # Bob, not pulled yet, edits both
    update_person(ws, ids["wiersma"], phone="06 22222222")
    update_commitment(ws, cid, CommitmentData("Rijk-regio overleg plannen (met Bob)",
                                              CommitmentKind.PROCES, rijk, rijk))
    assert sync(ws).conflicts == 2
    controller = WorkspaceController(ws, AppSignals(), TaskRunner(inline=True))
    window = build_window(controller)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        page = window.context.pages.show("conflicten")
        assert isinstance(page, ConflictsPage)
        table = page.table
        records = [table.item(r, 0).text() for r in range(table.rowCount())]
        assert sorted(records) == ["contact 'Annemarie Wiersma'",
                                   "toezegging 'Rijk-regio overleg plannen'"]
        row = records.index("contact 'Annemarie Wiersma'")
        table.selectRow(row)
        _shoot(window, "conflicten")
        page.take.click()
        assert [table.item(r, 0).text() for r in range(table.rowCount())] == [
            "toezegging 'Rijk-regio overleg plannen'"]
    finally:
        window.close()
        controller.tasks.shutdown()
        controller.close()
    assert _live(b, ids) == WHOLE
