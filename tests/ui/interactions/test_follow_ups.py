"""The Opvolgen page: due and overdue follow-ups, mark done, periods, .ics export."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from directory.factory import Factory
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dealmaker.domain.enums import InteractionKind
from dealmaker.services.interactions import FollowUpRow, follow_ups
from dealmaker.services.interactions import PersonRef as Ref
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.interactions import follow_ups_bar, ics
from dealmaker.ui.interactions.follow_ups_model import DONE, FollowUpsModel
from dealmaker.ui.interactions.follow_ups_page import FollowUpsPage
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.settings import window_settings
from dealmaker.ui.shell.table_model import ATTENTION, AttentionRole, ObjectRole

from .conftest import People

TODAY = date.today()


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


@pytest.fixture
def moments(make: Factory, people: People) -> dict[str, str]:
    """Overdue (3 days), due today, in 40 days, done, and one without follow-up."""
    return {
        "late": make.contact([people.anna, people.bert], ago(10), follow_up_on=ago(3),
                             action="Notitie sturen", deals=[people.deal],
                             summary="Woningbouw"),
        "today": make.contact([people.cas], ago(2), follow_up_on=TODAY, action="Bellen",
                              kind=InteractionKind.TELEFOON),
        "later": make.contact([people.bert], ago(1), follow_up_on=TODAY + timedelta(days=40),
                              action="Agenda stuurgroep"),
        "done": make.contact([people.cas], ago(30), follow_up_on=ago(20), action="Klaar",
                             done_on=ago(19)),
        "none": make.contact([people.anna], ago(5)),
    }


@pytest.fixture
def page(qtbot: QtBot, context: AppContext, moments: dict[str, str]) -> Iterator[FollowUpsPage]:
    # these tests start from "deze week"; a first start shows everything (test below)
    window_settings().setValue(follow_ups_bar.PERIOD_KEY, follow_ups_bar.WEEK)
    page = FollowUpsPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    page.set_active(True)
    yield page


def test_first_start_lists_every_open_follow_up(qtbot: QtBot, context: AppContext,
                                                moments: dict[str, str]) -> None:
    fresh = FollowUpsPage(context)
    qtbot.addWidget(fresh)
    assert fresh.bar.period.currentData() == follow_ups_bar.ALL


def column(page: FollowUpsPage, col: int) -> list[str]:
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]


def test_due_follow_ups_with_overdue_in_red(page: FollowUpsPage, people: People,
                                            moments: dict[str, str]) -> None:
    assert page.bar.period.currentData() == follow_ups_bar.WEEK
    # due today first, then the late one
    assert column(page, 1) == ["Bellen", "Notitie sturen"]
    first = [page.model.index(1, c).data() for c in range(5)]
    assert first == [ago(3).strftime("%d-%m-%Y"),
                     "Notitie sturen", "Bert Aalders, Anna van den Berg (Emmen)",
                     "Zuid- en Oost-Drenthe", f"{ago(10).strftime('%d-%m-%Y')} · Overleg"]
    late, due = page.model.index(1, 0), page.model.index(0, 0)
    assert late.data(AttentionRole) and late.data(Qt.ItemDataRole.ForegroundRole) == ATTENTION
    assert not due.data(AttentionRole) and due.data(Qt.ItemDataRole.ForegroundRole) is None
    assert late.data(ObjectRole) == moments["late"]
    assert "Woningbouw" in page.model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert page.counts.values() == {"Open opvolgingen": "3", "Verlopen": "1",
                                    "In deze lijst": "2"}
    assert page.view.isColumnHidden(DONE)


def test_periods_and_finished_ones(page: FollowUpsPage, moments: dict[str, str]) -> None:
    bar = page.bar
    bar.period.setCurrentIndex(bar.period.findData(follow_ups_bar.ALL))
    assert column(page, 1) == ["Bellen", "Agenda stuurgroep", "Notitie sturen"]
    assert window_settings().value(follow_ups_bar.PERIOD_KEY) == follow_ups_bar.ALL
    bar.show_done.setChecked(True)
    assert column(page, 1) == ["Bellen", "Agenda stuurgroep", "Notitie sturen", "Klaar"]
    assert not page.view.isColumnHidden(DONE)
    assert page.model.index(3, DONE).data() == ago(19).strftime("%d-%m-%Y")
    assert page.model.index(3, 0).data(AttentionRole) is False  # done is never overdue
    bar.period.setCurrentIndex(bar.period.findData(follow_ups_bar.MONTH))
    end = follow_ups_bar.period_end(follow_ups_bar.MONTH, TODAY)
    assert end.month == TODAY.month and (end + timedelta(days=1)).day == 1
    assert follow_ups_bar.period_end(follow_ups_bar.WEEK, TODAY).weekday() == 6


def test_space_marks_done_and_moves_to_the_next(page: FollowUpsPage, qtbot: QtBot,
                                                workspace: Workspace,
                                                moments: dict[str, str]) -> None:
    view = page.view
    view.setFocus()
    assert view.currentIndex().row() == 0
    changes: list[Any] = []
    page._context.signals.changes_applied.connect(changes.append)
    view.setCurrentIndex(page.model.index(1, 0))  # the late one
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert column(page, 1) == ["Bellen"]
    assert view.currentIndex().row() == 0  # the next one, ready for another Space
    assert changes and changes[0].touches("interaction")
    assert page.counts.values()["Verlopen"] == "0"
    open_ids = [r.interaction_id for r in follow_ups(workspace, date.max)]
    assert moments["late"] not in open_ids
    page.bar.done_button.click()
    assert page.model.rowCount() == 0 and page.table.currentWidget() is page.table.empty
    assert "Geen opvolgingen tot en met" in page.table.empty.text()


def test_a_finished_one_can_be_reopened(page: FollowUpsPage, qtbot: QtBot,
                                        workspace: Workspace,
                                        moments: dict[str, str]) -> None:
    page.bar.show_done.setChecked(True)
    page.view.setCurrentIndex(page.model.index(2, 0))
    assert page.bar.done_button.text().replace("&", "") == "Heropenen (spatie)"
    page.bar.done_button.click()
    assert page.model.index(2, 5).data() == ""
    assert page.model.index(2, 0).data(AttentionRole) is True  # open again, and late
    assert moments["done"] in [r.interaction_id for r in follow_ups(workspace, TODAY)]


def test_export_writes_the_listed_follow_ups(page: FollowUpsPage, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             moments: dict[str, str]) -> None:
    target = tmp_path / "agenda" / "opvolgen.ics"
    target.parent.mkdir()
    asked: list[Path] = []

    def fake_dialog(parent: Any, title: str, start: str, filters: str) -> tuple[str, str]:
        asked.append(Path(start))
        return str(target.with_suffix("")), filters  # no suffix typed: .ics is added

    monkeypatch.setattr(ics.QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    messages: list[str] = []
    page._context.signals.status_message.connect(messages.append)
    page.bar.export_button.click()
    text = target.read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.count("BEGIN:VEVENT") == 2
    assert f"UID:{moments['late']}@dealmaker" in text and "SUMMARY:Notitie sturen" in text
    assert f"DTSTART;VALUE=DATE:{ago(3).strftime('%Y%m%d')}" in text
    assert "Agenda stuurgroep" not in text  # not in this week's list
    assert messages[-1] == "2 opvolgingen geëxporteerd naar opvolgen.ics."
    assert window_settings().value(ics.FOLDER_KEY) == str(target.parent)
    page.bar.export_button.click()
    assert asked[-1] == target.parent / ics.FILE_NAME  # the folder is remembered


def test_model_fetches_more_as_the_view_scrolls(qtmodeltester: Any) -> None:
    def row(n: int) -> FollowUpRow:
        on = date(2026, 1, 1) + timedelta(days=n)
        return FollowUpRow(f"id{n}", on, f"actie {n}", n < 3, None, on, InteractionKind.EMAIL,
                           "", (Ref("p", "Anna"),), ())

    rows = [row(n) for n in range(450)]
    asked: list[tuple[int, int]] = []

    def fetch(offset: int, limit: int, deliver: Any) -> None:
        asked.append((offset, limit))
        deliver(rows[offset:offset + limit])

    model = FollowUpsModel()
    model.reset(len(rows), rows[:200], fetch)
    assert model.rowCount() == 200 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert asked == [(200, 200), (400, 200)] and model.rowCount() == 450
    assert not model.canFetchMore()
    qtmodeltester.check(model)


def test_opvolgen_is_the_tenth_page_with_ctrl_0(make_main_window: Any) -> None:
    window = make_main_window()
    assert window.sidebar.titles()[9] == "Opvolgen"  # Overleggen, Mandaten, Conflicten follow
    go = next(a for a in window.findChildren(type(window.actions_by_key["quit"]))
              if a.objectName() == "page_10")
    assert go.shortcut().toString() == "Ctrl+0"
    go.trigger()
    assert window.current_page().key == "opvolgen"
    assert window.current_page().model.rowCount() == 1


def test_ctrl_7_in_the_list_postpones_and_elsewhere_goes_to_page_7(
        make_main_window: Any, qtbot: QtBot) -> None:
    """Ctrl+7 is "+7 dagen" in the Opvolgen list (it was ambiguous with Ga naar 7 there,
    and did nothing) and still page 7 anywhere else."""
    window = make_main_window()
    window.activateWindow()
    qtbot.waitActive(window)
    window.show_page(9)
    page = window.current_page()
    assert page.key == "opvolgen" and page.model.rowCount() == 1
    before = page.model.row_at(0).follow_up_on
    page.view.setFocus()
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_page().key == "opvolgen"
                    and page.model.rowCount() == 1
                    and page.model.row_at(0).follow_up_on == TODAY + timedelta(days=7))
    assert before != TODAY + timedelta(days=7)
    go = next(a for a in window.findChildren(type(window.actions_by_key["quit"]))
              if a.objectName() == "page_7")
    assert go.shortcut().toString() == "Ctrl+7"  # elsewhere still Ga naar 7


def test_filter_by_person_and_deal(page: FollowUpsPage, people: People, qtbot: QtBot,
                                   moments: dict[str, str]) -> None:
    bar = page.bar
    bar.period.setCurrentIndex(bar.period.findData(follow_ups_bar.ALL))
    bar.person.fill()
    bar.person.setCurrentIndex(bar.person.findData(people.bert))
    assert column(page, 1) == ["Agenda stuurgroep", "Notitie sturen"]
    bar.person.setCurrentIndex(0)
    bar.deal.setCurrentIndex(bar.deal.findData(people.deal))
    assert column(page, 1) == ["Notitie sturen"]


def test_postpone_a_selection_a_week_as_one_step(page: FollowUpsPage, workspace: Workspace,
                                                 moments: dict[str, str]) -> None:
    from dealmaker.services.undo import undo

    page.bar.period.setCurrentIndex(page.bar.period.findData(follow_ups_bar.ALL))
    page.view.selectAll()
    page.bar.week_button.click()
    week = TODAY + timedelta(days=7)
    rows = follow_ups(workspace, date.max)
    assert sorted(r.follow_up_on for r in rows) == [week, week, week]
    assert column(page, 1) and page.model.index(0, 0).data() == week.strftime("%d-%m-%Y")
    undo(workspace)  # one Ctrl+Z puts all three back
    assert sorted(r.follow_up_on for r in follow_ups(workspace, date.max)) == [
        ago(3), TODAY, TODAY + timedelta(days=40)]


def test_close_old_ones_in_one_go(page: FollowUpsPage, workspace: Workspace,
                                  monkeypatch: pytest.MonkeyPatch,
                                  moments: dict[str, str]) -> None:
    from PySide6.QtWidgets import QMessageBox

    from dealmaker.ui.interactions import follow_ups_actions

    monkeypatch.setattr(follow_ups_actions, "ask_date", lambda *a: ago(1))
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes))
    page.bar.old_button.click()
    assert asked and asked[0].startswith("1 opvolgingen van vóór")
    assert [r.interaction_id for r in follow_ups(workspace, date.max)] == [
        moments["today"], moments["later"]]


def test_hand_a_selection_to_a_colleague(page: FollowUpsPage, workspace: Workspace,
                                         people: People, qtbot: QtBot,
                                         moments: dict[str, str]) -> None:
    """Toewijzen aan…: type a colleague's name, Enter picks, OK; the Door column and
    filter show it, one Ctrl+Z undoes it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from dealmaker.services.undo import undo
    from dealmaker.ui.interactions.assign_dialog import AssignDialog
    from dealmaker.ui.interactions.follow_ups_model import OWNER

    bar = page.bar
    bar.period.setCurrentIndex(bar.period.findData(follow_ups_bar.ALL))
    page.view.selectAll()
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AssignDialog)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()  # nobody chosen yet
        seen.append(dialog.error.text())
        qtbot.keyClicks(dialog.person, "Cas")
        qtbot.waitUntil(lambda: dialog.person.model.rowCount() > 0)
        qtbot.keyClick(dialog.person, Qt.Key.Key_Return)
        seen.append(dialog.person.text())
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    QTimer.singleShot(0, answer)
    bar.assign_button.click()
    assert seen[0].startswith("Kies een collega") and seen[1].startswith("Cas")
    qtbot.waitUntil(lambda: page.model.index(0, OWNER).data() == seen[1].split(" (")[0])
    assert {page.model.index(r, OWNER).data() for r in range(3)} == {seen[1].split(" (")[0]}
    bar.owner.fill()
    assert bar.owner.findData(people.cas) > 0
    bar.owner.setCurrentIndex(bar.owner.findData(""))  # niet toegewezen
    assert column(page, 1) == []
    undo(workspace)
    page.refresh()
    qtbot.waitUntil(lambda: column(page, 1) == ["Bellen", "Agenda stuurgroep",
                                                "Notitie sturen"])


def test_enter_opens_the_contact_moment(page: FollowUpsPage, qtbot: QtBot,
                                        moments: dict[str, str]) -> None:
    opened: list[str] = []
    page._context.commands.open_contact_moment = lambda _parent, iid: opened.append(iid)
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(1, 0))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert opened == [moments["late"]]


def test_a_double_click_opens_the_contact_moment_once(page: FollowUpsPage, qtbot: QtBot,
                                                      moments: dict[str, str]) -> None:
    opened: list[str] = []
    page._context.commands.open_contact_moment = lambda _parent, iid: opened.append(iid)
    rect = page.view.visualRect(page.model.index(1, 1))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.wait(20)
    assert opened == [moments["late"]]
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # Enter still opens it
    assert opened == [moments["late"], moments["late"]]
