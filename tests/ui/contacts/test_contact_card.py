"""The contact card: what it shows, editing with checks, saving, following changes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from directory.factory import Factory
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from ui.contacts.kit import days_ago, shown_names

from dealmaker.domain.dates import utcnow
from dealmaker.services.contact_card import person_card
from dealmaker.storage.models import Person
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.contacts.card import PersonCardDialog
from dealmaker.ui.contacts.cards import open_cards, open_person_card
from dealmaker.ui.contacts.page import ContactsPage
from dealmaker.ui.contacts.validation import email_error, phone_error
from dealmaker.ui.shell.context import AppContext


@pytest.fixture
def card(world: dict[str, str], context: AppContext,
         qtbot: QtBot) -> Iterator[PersonCardDialog]:
    dialog = open_person_card(None, context, world["anna"])  # type: ignore[arg-type]
    yield dialog
    if shiboken6.isValid(dialog):  # not qtbot.addWidget: it closes before this runs
        dialog.form.mark_saved()  # closing must not ask about unsaved edits
        dialog.close()


def cells(card: PersonCardDialog, key: str) -> list[list[str]]:
    model = card.tabs.tables[key].model
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_card_shows_name_positions_with_successor_and_timeline(
        card: PersonCardDialog) -> None:
    assert card.header.name.text() == "Anna van den Berg"
    assert card.windowTitle() == "Contactkaart — Anna van den Berg"
    assert card.header.function.text() == "Senior beleidsmedewerker — Directie Regionale " \
                                          "Economie"
    assert "Laatste contact: " + days_ago(10).strftime("%d-%m-%Y") in card.header.status.text()
    tabs = [card.tabs.tabText(i) for i in range(card.tabs.count())]
    assert tabs == ["Tijdlijn (2)", "Functies (2)", "Relaties (0)", "Toezeggingen (0)",
                    "Bijdragen (0)", "Deals (1)"]
    current, former = cells(card, "positions")
    assert current[:4] == ["Senior beleidsmedewerker", "Directie Regionale Economie",
                           "01-01-2021", "huidig"]
    assert former[:4] == ["Beleidsadviseur", "Gemeente Emmen", "01-01-2016", "31-12-2018"]
    assert former[4] == "Dirk Berg (Beleidsadviseur)"  # the successor
    timeline = cells(card, "timeline")
    assert [row[0] for row in timeline] == [days_ago(10).strftime("%d-%m-%Y"),
                                            days_ago(30).strftime("%d-%m-%Y")]
    assert "Kennismaking Fryslân" in timeline[0][2]
    assert "Bert Aalders" in timeline[0][3]  # the other participant
    assert "Stukken sturen" in timeline[0][5]
    assert cells(card, "deals") == [["Zuid- en Oost-Drenthe", "Dealmaker"]]
    assert card.tabs.tables["relations"].currentWidget() is card.tabs.tables["relations"].empty
    assert not card.header.badge.isVisible()


def test_form_holds_the_saved_values(card: PersonCardDialog) -> None:
    edits = card.form.edits
    assert (edits["first_name"].text(), edits["tussenvoegsel"].text(),
            edits["last_name"].text(), edits["email"].text()) == (
        "Anna", "van den", "Berg", "anna@ezk.example")
    assert not card.form.dirty
    assert not card.buttons.save.isEnabled()
    assert "elke 90 dagen" in card.form.cadence_hint.text()


def test_editing_saves_and_the_table_refreshes(world: dict[str, str], page: ContactsPage,
                                               workspace: Workspace, qtbot: QtBot) -> None:
    view = page.contacts
    view.view.selectRow(1)
    view.open_card(world["anna"])
    card = open_cards()[0]
    qtbot.addWidget(card)
    card.form.edits["last_name"].setText("Bergen")
    qtbot.keyClicks(card.form.edits["phone"], "070 123 4567")
    assert card.form.dirty and card.buttons.save.isEnabled()
    with qtbot.waitSignal(view.model.rows_loaded):
        qtbot.mouseClick(card.buttons.save, Qt.MouseButton.LeftButton)
    saved = person_card(workspace, world["anna"])
    assert (saved.last_name, saved.phone) == ("Bergen", "070 123 4567")
    assert "Anna van den Bergen" in shown_names(view)  # the list reloaded
    assert view.selected_ids() == [world["anna"]]  # and kept the selection
    assert not card.form.dirty
    assert card.header.name.text() == "Anna van den Bergen"


def test_invalid_email_is_flagged_in_dutch_and_not_saved(
        card: PersonCardDialog, workspace: Workspace, world: dict[str, str],
        qtbot: QtBot) -> None:
    saved: list[object] = []
    card.saved.connect(lambda: saved.append(True))
    card.form.edits["email"].setText("anna@@ezk")
    card.save()
    error = card.form.errors["email"]
    assert error.isVisibleTo(card)
    assert "geen geldig e-mailadres" in error.text()
    assert card.form.edits["email"].property("invalid") is True
    assert not saved
    assert person_card(workspace, world["anna"]).email == "anna@ezk.example"
    card.form.edits["email"].setText("anna@bzk.example")  # fixing it clears the message
    assert not error.isVisibleTo(card)
    card.save()
    assert saved and person_card(workspace, world["anna"]).email == "anna@bzk.example"


def test_invalid_phone_is_flagged_when_leaving_the_field(card: PersonCardDialog,
                                                         qtbot: QtBot) -> None:
    phone = card.form.edits["phone"]
    qtbot.keyClicks(phone, "bel mij")
    phone.editingFinished.emit()
    assert "geen geldig telefoonnummer" in card.form.errors["phone"].text()
    assert card.form.errors["phone"].isVisibleTo(card)


def test_a_person_needs_a_name(card: PersonCardDialog, workspace: Workspace,
                               world: dict[str, str]) -> None:
    card.form.edits["first_name"].clear()
    card.form.edits["last_name"].clear()
    card.save()
    assert "minstens een naam" in card.form.errors["last_name"].text()
    assert person_card(workspace, world["anna"]).last_name == "Berg"


@pytest.mark.parametrize("text", ["", "anna@ezk.nl", "a.b-c+d@sub.minbzk.nl",
                                  "j.de.vries@provincie.frl"])
def test_valid_email_addresses(text: str) -> None:
    assert email_error(text) is None


@pytest.mark.parametrize("text", ["anna", "anna@", "@ezk.nl", "anna@ezk", "a b@ezk.nl",
                                  "anna@@ezk.nl", "anna@ezk..nl"])
def test_invalid_email_addresses(text: str) -> None:
    assert email_error(text) is not None


@pytest.mark.parametrize("text", ["", "06-12345678", "+31 6 1234 5678", "(050) 123 45 67",
                                  "070-1234567", "14 050", "+32 2 123 45 67"])
def test_valid_phone_numbers(text: str) -> None:
    assert phone_error(text) is None


@pytest.mark.parametrize("text", ["bel mij", "06-1234567x", "12", "++31 6 12345678",
                                  "1234567890123456", "06 12+34"])
def test_invalid_phone_numbers(text: str) -> None:
    assert phone_error(text) is not None


def test_closing_with_unsaved_edits_asks(card: PersonCardDialog, workspace: Workspace,
                                         world: dict[str, str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: answers.pop(0)))
    card.form.notes.setPlainText("Spreekt graag af in Leeuwarden")
    card.reject()
    assert card.isVisible()  # Cancel: stays open
    card.reject()
    assert not card.isVisible()  # Save: saved, then closed
    assert person_card(workspace, world["anna"]).notes == "Spreekt graag af in Leeuwarden"


def test_card_buttons_reach_the_other_features(
        card: PersonCardDialog, world: dict[str, str],
        fake_features: list[tuple[str, tuple[Any, ...]]]) -> None:
    for button in (card.buttons.moment, card.buttons.history, card.buttons.export,
                   card.buttons.forget):
        button.click()
    anna = world["anna"]
    assert fake_features == [("log_contact_moment", ([anna],)),
                             ("show_history", ("person", anna)), ("export_person", (anna,)),
                             ("forget_person", (anna,))]


def test_card_follows_changes(card: PersonCardDialog, make: Factory, world: dict[str, str],
                              context: AppContext, workspace: Workspace) -> None:
    from dealmaker.services.changes import Changes
    make.contact([world["anna"]], days_ago(1), summary="Telefoontje over de tranche")
    context.signals.changes_applied.emit(Changes(frozenset({"interaction"})))
    assert card.tabs.tabText(0) == "Tijdlijn (3)"
    with workspace.uow("Verwijderen") as uow:
        person = uow.session.get(Person, world["anna"])
        assert person is not None
        person.deleted_at = utcnow()
        uow.commit()
    context.signals.changes_applied.emit(Changes(frozenset({"person"})))
    assert "bestaat niet meer" in card.header.message.text()
    assert not card.form.isEnabled() and not card.buttons.save.isEnabled()


def test_opening_a_card_again_brings_the_same_window(card: PersonCardDialog,
                                                     context: AppContext,
                                                     world: dict[str, str]) -> None:
    again = open_person_card(None, context, world["anna"])  # type: ignore[arg-type]
    assert again is card
    card.close()
    assert card not in open_cards()
