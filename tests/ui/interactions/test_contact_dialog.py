"""Logging a contact moment with the keyboard: completion, chips, save, checks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from dealmaker.domain.dates import format_date
from dealmaker.domain.enums import Direction, InteractionKind
from dealmaker.services.interactions import timeline
from dealmaker.services.quickfind import Hit
from dealmaker.storage.models import Person
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.interactions import log_contact_moment, open_contact_moment_dialog
from dealmaker.ui.interactions.chosen import ChosenModel
from dealmaker.ui.interactions.completion import SuggestionListModel
from dealmaker.ui.interactions.dialog import ContactMomentDialog
from dealmaker.ui.shell.context import AppContext

from .conftest import People

ENTER = Qt.Key.Key_Return


def last_contact(ws: Workspace, person_id: str) -> tuple[date | None, date | None]:
    with ws.read() as s:
        p = s.get(Person, person_id)
        assert p is not None
        return p.last_contact_on, p.next_follow_up_on


@pytest.fixture
def dialog(qtbot: QtBot, context: AppContext,
           people: People) -> Iterator[ContactMomentDialog]:
    parent = QWidget()  # qtbot only holds a weak reference: kept alive by this frame
    qtbot.addWidget(parent)
    parent.show()
    found = open_contact_moment_dialog(parent, context)
    qtbot.waitExposed(found)
    yield found
    if isValid(found) and found.isVisible():  # left open, it would block the next test
        found.reject()


def pick(qtbot: QtBot, edit: Any, text: str) -> None:
    edit.setFocus()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, ENTER)


def test_log_with_the_keyboard_resets_the_clock(qtbot: QtBot, dialog: ContactMomentDialog,
                                                workspace: Workspace, people: People,
                                                context: AppContext) -> None:
    assert dialog.form.date.text() == format_date(date.today())
    assert QApplication.focusWidget() is dialog.form.participant_edit
    qtbot.keyClicks(dialog.form.participant_edit, "ann")
    assert [h.label for h in dialog.form.participant_edit.model.hits()] == ["Anna van den Berg"]
    assert dialog.form.participant_edit.model.hits()[0].detail == "Wethouder, Emmen"
    qtbot.keyClick(dialog.form.participant_edit, ENTER)
    pick(qtbot, dialog.form.participant_edit, "aal")
    assert dialog.form.participants.chosen.labels() == ["Anna van den Berg", "Bert Aalders"]
    assert dialog.form.participant_edit.text() == ""
    qtbot.keyClick(dialog.form.participant_edit, ENTER)  # empty: on to the next field
    assert QApplication.focusWidget() is not dialog.form.participant_edit
    pick(qtbot, dialog.form.deal_edit, "zuid oost")
    assert dialog.form.deals.chosen.labels() == ["Zuid- en Oost-Drenthe"]
    pick(qtbot, dialog.form.theme, "won")
    assert dialog.form.theme.text() == "Wonen"
    dialog.form.kind.setCurrentIndex(dialog.form.kind.findData(InteractionKind.TELEFOON.value))
    qtbot.keyClicks(dialog.form.summary, "Over de woningbouw")
    dialog.form.follow_up.setFocus()
    qtbot.keyClicks(dialog.form.follow_up, "+7")
    qtbot.keyClick(dialog.form.follow_up, ENTER)  # on to Actie; "+7" is spelled out
    assert dialog.form.follow_up.text() == format_date(date.today() + timedelta(days=7))
    assert QApplication.focusWidget() is dialog.form.action
    with qtbot.waitSignal(context.signals.changes_applied) as applied:
        qtbot.keyClicks(dialog.form.action, "Notitie sturen")
        qtbot.keyClick(dialog.form.action, ENTER)  # Enter in the last field saves
    assert applied.args[0].touches("interaction", "person")
    assert dialog.result() == ContactMomentDialog.DialogCode.Accepted
    today = date.today()
    assert last_contact(workspace, people.anna) == (today, today + timedelta(days=7))
    assert last_contact(workspace, people.bert)[0] == today
    assert last_contact(workspace, people.cas) == (None, None)
    [entry] = timeline(workspace, people.anna)
    assert entry.kind == InteractionKind.TELEFOON and entry.direction == Direction.WEDERZIJDS
    assert [p.id for p in entry.participants] == [people.bert, people.anna]
    assert [d.id for d in entry.deals] == [people.deal] and entry.theme == "Wonen"
    assert (entry.summary, entry.follow_up_action) == ("Over de woningbouw", "Notitie sturen")


def test_ctrl_enter_saves_from_any_field(qtbot: QtBot, dialog: ContactMomentDialog,
                                         workspace: Workspace, people: People) -> None:
    pick(qtbot, dialog.form.participant_edit, "cas")
    dialog.form.summary.setFocus()
    qtbot.keyClicks(dialog.form.summary, "Kort gebeld")
    qtbot.keyClick(dialog.form.summary, ENTER, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == ContactMomentDialog.DialogCode.Accepted
    assert last_contact(workspace, people.cas)[0] == date.today()
    assert timeline(workspace, people.cas)[0].summary == "Kort gebeld"


def test_delete_removes_a_chosen_participant(qtbot: QtBot, dialog: ContactMomentDialog,
                                             people: People) -> None:
    pick(qtbot, dialog.form.participant_edit, "anna")
    pick(qtbot, dialog.form.participant_edit, "bert")
    pick(qtbot, dialog.form.participant_edit, "anna")  # already chosen: not offered again
    assert dialog.form.participant_edit.model.hits() == []
    assert dialog.form.participants.chosen.labels() == ["Anna van den Berg", "Bert Aalders"]
    chips = dialog.form.participants
    chips.setFocus()
    chips.setCurrentIndex(chips.chosen.index(0))
    qtbot.keyClick(chips, Qt.Key.Key_Delete)
    assert chips.chosen.labels() == ["Bert Aalders"]
    assert chips.currentIndex().row() == 0  # the next chip, ready for another Delete
    qtbot.keyClick(chips, Qt.Key.Key_Backspace)
    assert chips.chosen.labels() == []


@pytest.mark.parametrize(("setup", "field", "message"), [
    ({}, "participant_edit", "Kies minstens één deelnemer."),
    ({"date": ""}, "date", "Vul de datum van het contactmoment in."),
    ({"date": "31-02-2026"}, "date", "'31-02-2026' is geen geldige datum: gebruik dd-mm-jjjj."),
    ({"typed": "zzz"}, "participant_edit", "'zzz' is nog geen deelnemer"),
    ({"follow": "morgen", "anna": True}, "follow_up", "'morgen' is geen geldige datum"),
    ({"follow": "01-01-2000", "anna": True}, "follow_up",
     "De opvolgdatum ligt vóór de datum van het contactmoment."),
    ({"action": "Bellen", "anna": True}, "follow_up", "Geef een datum voor de opvolging."),
])
def test_checks_in_dutch(qtbot: QtBot, dialog: ContactMomentDialog, workspace: Workspace,
                         people: People, setup: dict[str, Any], field: str,
                         message: str) -> None:
    if "date" in setup:
        dialog.form.date.setText(setup["date"])
        pick(qtbot, dialog.form.participant_edit, "anna")
    if setup.get("anna"):
        pick(qtbot, dialog.form.participant_edit, "anna")
    if "typed" in setup:
        qtbot.keyClicks(dialog.form.participant_edit, setup["typed"])
    dialog.form.follow_up.setText(setup.get("follow", ""))
    dialog.form.action.setText(setup.get("action", ""))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible()
    assert dialog.error.isVisible() and dialog.error.text().startswith(message)
    assert QApplication.focusWidget() is getattr(dialog.form, field)
    assert timeline(workspace, people.anna) == []


def test_escape_cancels(qtbot: QtBot, dialog: ContactMomentDialog, workspace: Workspace,
                        people: People) -> None:
    pick(qtbot, dialog.form.participant_edit, "anna")
    qtbot.keyClicks(dialog.form.participant_edit, "be")  # the suggestions are open
    qtbot.keyClick(dialog.form.participant_edit.suggestions.popup(), Qt.Key.Key_Escape)
    assert dialog.isVisible()  # the first Esc closed the suggestions only
    qtbot.keyClick(dialog.form.participant_edit, Qt.Key.Key_Escape)
    assert dialog.result() == ContactMomentDialog.DialogCode.Rejected
    assert not dialog.isVisible()
    assert timeline(workspace, people.anna) == []


def test_entry_point_prefills_the_persons(qtbot: QtBot, context: AppContext,
                                          people: People) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    log_contact_moment(parent, context, [people.anna, people.cas, "verwijderd"])
    [found] = parent.findChildren(ContactMomentDialog)
    assert found.form.participants.chosen.labels() == ["Anna van den Berg", "Cas de Vries"]
    found.reject()


def test_ctrl_l_in_the_window_opens_the_form(make_main_window: Any, qtbot: QtBot) -> None:
    window = make_main_window()
    action = next(a for a in window.edit_menu.actions()
                  if a.text().replace("&", "") == "Contactmoment vastleggen…")
    assert action.shortcut().toString() == "Ctrl+L"
    action.trigger()
    [found] = window.findChildren(ContactMomentDialog)
    assert found.isVisible()
    found.reject()


def test_models_pass_the_model_tester(qtmodeltester: Any) -> None:
    hits = SuggestionListModel()
    hits.set_hits([Hit("person", "1", "Anna", "Wethouder"), Hit("person", "2", "Bert", "")])
    qtmodeltester.check(hits)
    chosen = ChosenModel()
    chosen.add(Hit("deal", "d", "Twente", ""))
    chosen.add(Hit("deal", "d", "Twente", ""))
    assert chosen.rowCount() == 1
    qtmodeltester.check(chosen)
