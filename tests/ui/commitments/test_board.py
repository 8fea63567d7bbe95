"""The board by state through the real widgets: a card moved by drag (the drop Qt makes)
and by keyboard, a refused step with its reason, Ctrl+Z puts the card back, "n meer"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from deals.conftest import Scene
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from dealmaker.domain.enums import CommitmentState as S
from dealmaker.services.commitments import board as board_service
from dealmaker.services.commitments.records import commitment_record
from dealmaker.services.undo import undo
from dealmaker.ui.commitments.board import CommitmentBoard
from dealmaker.ui.commitments.page import CommitmentsPage
from dealmaker.ui.commitments.step_dialog import StepDialog
from dealmaker.ui.shell.context import AppContext


def board_of(page: CommitmentsPage) -> CommitmentBoard:
    page.register.board_button.click()
    return page.register.board


def cards(board: CommitmentBoard, state: S) -> list[str]:
    return [r.title for r in board.column_of(state).model.rows()]


def answer_step(board: CommitmentBoard, note: str = "", *, cancel: bool = False) -> str:
    """Fill in the open step dialog; returns its title."""
    dialog = board.step_dialog
    assert isinstance(dialog, StepDialog) and dialog.isVisible()
    title = dialog.windowTitle()
    dialog.note.setText(note)
    dialog.reject() if cancel else dialog.accept()
    return title


def drag(board: CommitmentBoard, title: str, to: S) -> None:
    """What Qt does on a drop: the source's mime data dropped on the target's model."""
    for col in board.columns:
        for i, row in enumerate(col.model.rows()):
            if row.title == title:
                data = col.model.mimeData([col.model.index(i)])
                board.column_of(to).model.dropMimeData(data, Qt.DropAction.MoveAction, -1,
                                                       -1, QModelIndex())
                return
    raise AssertionError(title)


def test_columns_by_state_sorted_by_due(page: CommitmentsPage) -> None:
    board = board_of(page)
    assert cards(board, S.CONCEPT) == ["Knelpunt huisvesting wegnemen",
                                       "Cofinanciering provincie bevestigen",
                                       "Toegang tot OCW regelen"]
    assert board.column_of(S.CONCEPT).header.text() == "Concept · 3"
    assert page.register.count.text() == "3 toezeggingen"


def test_drag_to_the_next_state_asks_date_and_note_and_ctrl_z_puts_it_back(
        page: CommitmentsPage, scene: Scene, context: AppContext) -> None:
    board = board_of(page)
    drag(board, "Toegang tot OCW regelen", S.AFGESPROKEN)
    assert answer_step(board, "besproken in stuurgroep") == "Naar 'Afgesproken'"
    assert cards(board, S.AFGESPROKEN) == ["Toegang tot OCW regelen"]
    cid = board.selected().id  # type: ignore[union-attr]
    record = commitment_record(scene.ws, cid)
    assert record.state is S.AFGESPROKEN
    assert record.steps[-1] == (S.AFGESPROKEN, date.today(), "besproken in stuurgroep")
    changes = undo(scene.ws)  # what Ctrl+Z does in the window
    assert changes is not None
    context.signals.changes_applied.emit(changes)
    assert cards(board, S.AFGESPROKEN) == []
    assert "Toegang tot OCW regelen" in cards(board, S.CONCEPT)


def test_an_illegal_drop_is_refused_with_the_reason(page: CommitmentsPage) -> None:
    board = board_of(page)
    drag(board, "Toegang tot OCW regelen", S.NAGEKOMEN)
    assert board.error.isVisible()
    assert board.error.text() == ("Van 'Concept' kan een toezegging alleen naar 'Afgesproken' "
                                  "of 'Vervallen', niet naar 'Nagekomen'.")
    assert len(cards(board, S.CONCEPT)) == 3


def test_lapsing_without_a_note_is_refused_by_the_state_service(page: CommitmentsPage) -> None:
    board = board_of(page)
    drag(board, "Toegang tot OCW regelen", S.VERVALLEN)
    answer_step(board, "")
    assert board.error.text() == "Schrijf bij 'vervallen' waarom de toezegging is vervallen."
    assert cards(board, S.VERVALLEN) == []


def test_keyboard_ctrl_right_moves_the_selected_card_on(qtbot: QtBot,
                                                        page: CommitmentsPage) -> None:
    board = board_of(page)
    assert board.select(board.column_of(S.CONCEPT).model.rows()[0].id)
    cards_view = board.column_of(S.CONCEPT).cards
    qtbot.keyClick(cards_view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyRelease(cards_view, Qt.Key.Key_Control)  # else Qt keeps Ctrl as held
    answer_step(board)
    assert cards(board, S.AFGESPROKEN) == ["Knelpunt huisvesting wegnemen"]
    # the card stays selected in its new column: "Volgende status" again takes the next
    assert board.selected().title == "Knelpunt huisvesting wegnemen"  # type: ignore[union-attr]
    menu = board.card_actions.menu(board)
    assert menu.actions()[0].text() == "&Volgende status"
    board.card_actions.next.trigger()
    answer_step(board)
    assert cards(board, S.BEVESTIGD) == ["Knelpunt huisvesting wegnemen"]


def test_cancelling_the_step_changes_nothing(page: CommitmentsPage) -> None:
    board = board_of(page)
    drag(board, "Toegang tot OCW regelen", S.AFGESPROKEN)
    answer_step(board, cancel=True)
    assert cards(board, S.AFGESPROKEN) == []


def test_a_full_column_shows_n_more_which_opens_the_filtered_list(
        page: CommitmentsPage, monkeypatch: pytest.MonkeyPatch) -> None:
    real: Callable[..., object] = board_service.board_columns
    monkeypatch.setattr("dealmaker.ui.commitments.board.board_columns",
                        lambda ws, q: real(ws, q, 2))
    board = board_of(page)
    column = board.column_of(S.CONCEPT)
    assert len(cards(board, S.CONCEPT)) == 2
    assert column.more.isVisible() and column.more.text() == "1 meer…"
    column.more.click()
    view = page.register
    assert not view.board_shown()
    assert view.filters.view.currentText() == "Status: Concept"
    assert view.model.rowCount() == 3


def test_board_follows_the_filters(page: CommitmentsPage, scene: Scene) -> None:
    board = board_of(page)
    view = page.register
    view.filters.deal.setCurrentIndex(view.filters.deal.findData(scene.deal))
    assert len(cards(board, S.CONCEPT)) == 2
    view.search.setText("ocw")
    assert cards(board, S.CONCEPT) == []
    assert board.total == 0


def test_overdue_and_due_this_month_views(page: CommitmentsPage, scene: Scene) -> None:
    today = date.today()
    scene.commitment("Deze maand af", due=today.replace(day=28 if today.day <= 28 else
                                                         today.day), on=today)
    page.register.reload()
    view = page.register.filters.view
    view.setCurrentIndex(view.findData("deze_maand"))
    titles = [page.register.model.row_at(r).title
              for r in range(page.register.model.rowCount())]
    assert "Deze maand af" in titles
    assert "Toegang tot OCW regelen" not in titles  # due in 90 days
    last_month = today.replace(day=1) - timedelta(days=1)
    assert all(not (r.due_on and r.due_on <= last_month) for r in
               (page.register.model.row_at(i) for i in range(page.register.model.rowCount())))


def test_in_the_window_ctrl_z_puts_the_moved_card_back(qtbot: QtBot,
                                                       make_main_window: Any) -> None:
    window = make_main_window()
    page = window.context.pages.show("toezeggingen")
    board = board_of(page)
    agreed = board.column_of(S.AFGESPROKEN)
    title = agreed.model.rows()[0].title
    board.select(agreed.model.rows()[0].id)
    board.card_actions.next.trigger()
    answer_step(board, "bevestigd per brief")
    assert title in cards(board, S.BEVESTIGD)
    undo_action = window.context.actions["undo"]
    assert undo_action.text() == "&Ongedaan maken: Toezegging: bevestigd"
    undo_action.trigger()  # what Ctrl+Z does
    qtbot.waitUntil(lambda: title in cards(board, S.AFGESPROKEN))
    assert title not in cards(board, S.BEVESTIGD)
