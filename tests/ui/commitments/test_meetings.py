"""Overleggen: a meeting with participants, agenda and decisions, undoable; a decision
becomes a commitment made at the meeting in one undoable step; open_meeting opens it."""

from __future__ import annotations

from datetime import date

import pytest
from deals.conftest import Scene
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dealmaker.domain.enums import CommitmentState, MeetingKind
from dealmaker.services.commitments.records import commitment_record
from dealmaker.services.meetings.records import (
    MeetingData,
    create_meeting,
    meeting_record,
    update_meeting,
)
from dealmaker.services.meetings.register import MeetingQuery, count_meetings, query_meetings
from dealmaker.services.undo import undo
from dealmaker.ui.commitments.dialog import CommitmentDialog
from dealmaker.ui.commitments.install import install as install_commitments
from dealmaker.ui.meetings import model as M
from dealmaker.ui.meetings.dialog import MeetingDialog
from dealmaker.ui.meetings.page import MeetingsPage
from dealmaker.ui.meetings.page import install as install_meetings
from dealmaker.ui.shell.context import AppContext

DECISIONS = "Knelpunt huisvesting agenderen bij BZK\n- OCW levert een kwartiermaker\n"


@pytest.fixture
def meeting(scene: Scene) -> str:
    bert = scene.make.person("Bert", "Smit")
    mid, _ = create_meeting(scene.ws, MeetingData(
        MeetingKind.RIJK_REGIO_OVERLEG, date(2026, 3, 12), "Jaarlijks overleg", scene.deal,
        "Voortgang; cofinanciering", DECISIONS, (scene.maker, bert)))
    return mid


def test_meeting_record_list_and_undo_of_an_edit(scene: Scene, meeting: str) -> None:
    record = meeting_record(scene.ws, meeting)
    assert [n for _i, n in record.participants] == ["Anna Berg", "Bert Smit"]
    assert record.data.decision_lines() == ["Knelpunt huisvesting agenderen bij BZK",
                                            "OCW levert een kwartiermaker"]
    [row] = query_meetings(scene.ws, MeetingQuery(search="cofinanciering"))
    assert (row.deal, row.participants, row.decisions) == ("Regio Deal Twente", 2, 2)
    update_meeting(scene.ws, meeting, MeetingData(
        MeetingKind.STUURGROEP, date(2026, 3, 12), "Stuurgroep", None, "", "", (scene.maker,)))
    assert meeting_record(scene.ws, meeting).data.participant_ids == (scene.maker,)
    undo(scene.ws)
    assert meeting_record(scene.ws, meeting).data == record.data
    assert count_meetings(scene.ws, MeetingQuery(kind=MeetingKind.STUURGROEP)) == 0


def test_a_decision_becomes_a_commitment_in_one_undoable_step(
        qtbot: QtBot, context: AppContext, scene: Scene, meeting: str) -> None:
    install_commitments(context)
    dialog = MeetingDialog(context, meeting)
    qtbot.addWidget(dialog)
    cursor = dialog.decisions.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Down)
    dialog.decisions.setTextCursor(cursor)
    assert dialog.current_decision() == "OCW levert een kwartiermaker"
    made: list[str] = []

    def fill_in() -> None:
        editor = QApplication.activeModalWidget()
        assert isinstance(editor, CommitmentDialog)
        f = editor.form
        assert f.title.text() == "OCW levert een kwartiermaker"
        assert f.deal.currentData() == scene.deal
        assert editor.made_at.text().startswith("Gemaakt in overleg: ")
        f.from_org.setCurrentIndex(f.from_org.findData(scene.bzk))
        f.to_org.setCurrentIndex(f.to_org.findData(scene.twente))
        editor.save()
        made.append(editor.commitment_id or "")

    QTimer.singleShot(0, fill_in)
    dialog.to_commitment.click()
    [cid] = made
    record = commitment_record(scene.ws, cid)
    assert record.data.meeting_id == meeting
    assert record.steps == ((CommitmentState.CONCEPT, date(2026, 3, 12), ""),)
    assert dialog.made.count() == 1
    assert dialog.made.item(0).text() == "OCW levert een kwartiermaker (Concept)"
    undo(scene.ws)  # one step: the commitment is gone, the meeting stays
    with pytest.raises(LookupError):
        commitment_record(scene.ws, cid)
    assert meeting_record(scene.ws, meeting).commitments == ()


def test_page_lists_every_meeting_new_one_and_open_meeting_command(
        qtbot: QtBot, context: AppContext, scene: Scene, meeting: str) -> None:
    install_meetings(context)
    page = context.pages.get("overleggen")
    assert isinstance(page, MeetingsPage)
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    page.set_active(True)
    m = page.register.model
    assert (m.index(0, M.KIND).data(), m.index(0, M.DATE).data()) == (
        "Rijk-regio overleg", "12-03-2026")
    dialog = MeetingDialog(context, None, page)
    qtbot.addWidget(dialog)
    dialog.title.setText("Kernteam")
    dialog.held_on.setText("1-4-2026")
    dialog.kind.setCurrentIndex(dialog.kind.findData("kernteam"))
    dialog.save()
    assert m.rowCount() == 2
    assert m.index(0, M.TITLE).data() == "Kernteam"
    opened: list[str] = []

    def close_it() -> None:
        w = QApplication.activeModalWidget()
        if isinstance(w, MeetingDialog):
            opened.append(w.title.text())
            w.reject()

    QTimer.singleShot(0, close_it)
    context.commands.open_meeting(None, meeting)
    assert opened == ["Jaarlijks overleg"]


def test_keys_on_the_table_new_delete_and_undo(qtbot: QtBot, context: AppContext,
                                              scene: Scene, meeting: str) -> None:
    """The register's shared actions: Ctrl+N in the table is a new meeting (not a new
    workspace), Delete removes the selected one, Ctrl+Z brings it back."""
    from PySide6.QtCore import Qt

    install_meetings(context)
    page = context.pages.get("overleggen")
    assert isinstance(page, MeetingsPage)
    qtbot.addWidget(page)
    page.show()
    page.set_active(True)
    view = page.register
    seen: list[str] = []

    def close_it() -> None:
        w = QApplication.activeModalWidget()
        if isinstance(w, MeetingDialog):
            seen.append(w.windowTitle())
            w.reject()

    QTimer.singleShot(0, close_it)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1
    view.table.selectRow(0)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: count_meetings(scene.ws, MeetingQuery()) == 0)
    undo(scene.ws)
    assert count_meetings(scene.ws, MeetingQuery()) == 1
