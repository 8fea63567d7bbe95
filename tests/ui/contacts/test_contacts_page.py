"""The Contacten view: every filter, search as you type, the count, keys, context menu."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui.contacts.kit import add_many, shown_names

from dealmaker.storage.workspace import Workspace
from dealmaker.ui.contacts import cards
from dealmaker.ui.contacts.view import ContactsView

ALL = ["Bert Aalders", "Anna van den Berg", "Dirk Berg", "Eva Visser", "Cees Zwart"]


def test_shows_all_contacts_by_name_with_the_count(world: dict[str, str],
                                                   view: ContactsView) -> None:
    assert shown_names(view) == ALL
    assert view.count.text() == "5 contacten"


@pytest.mark.parametrize(("combo", "value", "expected"), [
    ("side", "rijk", ["Anna van den Berg"]),
    ("side", "regio", ["Bert Aalders", "Dirk Berg", "Cees Zwart"]),
    ("kind", "gemeente", ["Dirk Berg", "Cees Zwart"]),
    ("kind", "provincie", ["Bert Aalders"]),
])
def test_side_and_kind_filters(world: dict[str, str], view: ContactsView, combo: str,
                               value: str, expected: list[str]) -> None:
    view.filters.select(getattr(view.filters, combo), value)
    assert shown_names(view) == expected
    assert view.count.text() == f"{len(expected)} van 5 contacten"
    assert view.filters.clear_button.isEnabled()


def test_deal_and_tag_filters_offer_the_workspace_lists(world: dict[str, str],
                                                        view: ContactsView) -> None:
    deals = [view.filters.deal.itemText(i) for i in range(view.filters.deal.count())]
    assert deals == ["Alle deals", "Zuid- en Oost-Drenthe"]
    view.filters.select(view.filters.deal, world["deal"])
    # the dealmaker, and the persons at a party of the deal (Emmen)
    assert shown_names(view) == ["Anna van den Berg", "Dirk Berg", "Cees Zwart"]
    view.filters.select(view.filters.deal, None)
    tags = [view.filters.tag.itemText(i) for i in range(view.filters.tag.count())]
    assert tags == ["Alle tags", "vip"]
    view.filters.select(view.filters.tag, world["vip"])
    assert shown_names(view) == ["Eva Visser", "Cees Zwart"]


def test_cold_filter_shows_who_was_not_spoken_within_their_cadence(
        world: dict[str, str], view: ContactsView, qtbot: QtBot) -> None:
    qtbot.mouseClick(view.filters.cold, Qt.MouseButton.LeftButton)
    # Dirk and Eva never, Cees 400 days ago (default cadence 90 days)
    assert shown_names(view) == ["Dirk Berg", "Eva Visser", "Cees Zwart"]
    view.filters.clear_button.click()
    assert shown_names(view) == ALL
    assert not view.filters.cold.isChecked()
    assert view.count.text() == "5 contacten"


def test_filters_combine(world: dict[str, str], view: ContactsView) -> None:
    view.filters.select(view.filters.side, "regio")
    view.filters.select(view.filters.tag, world["vip"])
    assert shown_names(view) == ["Cees Zwart"]


@pytest.mark.parametrize(("typed", "expected"), [
    ("berg", ["Anna van den Berg", "Dirk Berg"]),
    ("fryslan", ["Bert Aalders"]),  # accent-insensitive: Provincie Fryslân
    ("FRYSLÂN", ["Bert Aalders"]),
    ("ezk beleid", ["Anna van den Berg"]),  # organisation and function
    ("anna@ezk", ["Anna van den Berg"]),  # e-mail
    ("0612345678", ["Bert Aalders"]),  # phone
    ("zeilen", ["Bert Aalders"]),  # notes
    ("wethouder", ["Cees Zwart"]),
])
def test_search_narrows_as_you_type(world: dict[str, str], view: ContactsView,
                                    qtbot: QtBot, typed: str, expected: list[str]) -> None:
    qtbot.keyClicks(view.search, typed)
    qtbot.waitUntil(lambda: shown_names(view) == expected, timeout=1000)
    assert view.count.text() == f"{len(expected)} van 5 contacten"


def test_every_keystroke_updates_the_table(world: dict[str, str], view: ContactsView,
                                           qtbot: QtBot) -> None:
    seen = []
    for char in "zwa":
        qtbot.keyClick(view.search, char)
        qtbot.waitUntil(lambda: view.model.query.search == view.search.text(), timeout=500)
        seen.append(len(shown_names(view)))
    assert seen[-1] == 1
    qtbot.keyClick(view.search, "x")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=500)
    assert view.stack.currentWidget() is view.empty
    assert "Geen contacten gevonden" in view.empty.text()
    assert view.count.text() == "Geen contacten gevonden"


def test_ctrl_f_focuses_the_search_field(world: dict[str, str], view: ContactsView,
                                         qtbot: QtBot) -> None:
    view.view.setFocus()
    view.activateWindow()
    qtbot.keyClick(view.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is view.search


def test_down_from_the_search_goes_to_the_first_row(world: dict[str, str],
                                                    view: ContactsView, qtbot: QtBot) -> None:
    qtbot.keyClicks(view.search, "berg")
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert view.view.hasFocus()
    assert view.selected_ids() == [world["anna"]]


def test_enter_and_double_click_open_the_card(world: dict[str, str], view: ContactsView,
                                              qtbot: QtBot) -> None:
    view.view.setFocus()
    view.view.selectRow(1)
    qtbot.keyClick(view.view, Qt.Key.Key_Return)
    opened = cards.open_cards()
    assert [c.person_id for c in opened] == [world["anna"]]
    opened[0].close()
    rect = view.view.visualRect(view.model.index(4, 0))
    qtbot.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [c.person_id for c in cards.open_cards()] == [world["cees"]]
    for card in cards.open_cards():
        card.close()


def test_context_menu_actions_reach_the_other_features(
        world: dict[str, str], view: ContactsView,
        fake_features: list[tuple[str, tuple[Any, ...]]]) -> None:
    actions = view.contact_actions
    view.view.selectRow(1)  # Anna
    menu = actions.menu(view)
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Contactkaart openen", "Contactmoment vastleggen…", "Tags…",
                     "Geschiedenis…", "Samenvoegen…", "Exporteren als vCard…",
                     "Gegevens exporteren (AVG)…", "Persoon vergeten (AVG)…",
                     "Nieuw contact…", "Verwijderen…"]
    assert not actions.merge.isEnabled()  # needs exactly two
    actions.history.trigger()
    actions.export.trigger()
    actions.forget.trigger()
    actions.log_moment.trigger()
    anna = world["anna"]
    assert fake_features == [("show_history", ("person", anna)), ("export_person", (anna,)),
                             ("forget_person", (anna,)), ("log_contact_moment", ([anna],))]
    view.view.selectionModel().clear()
    view.view.selectRow(1)
    view.view.selectionModel().select(
        view.model.index(2, 0), view.view.selectionModel().SelectionFlag.Select
        | view.view.selectionModel().SelectionFlag.Rows)
    actions.update_enabled()
    assert actions.merge.isEnabled() and not actions.history.isEnabled()
    actions.merge.trigger()
    assert fake_features[-1] == ("start_merge", ([anna, world["dirk"]],))
    actions.vcard.trigger()  # the selected contacts, as vCards
    assert fake_features[-1] == ("export_vcards", ([anna, world["dirk"]],))


def test_right_click_selects_the_row_under_the_mouse(world: dict[str, str],
                                                     view: ContactsView,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMenu
    popped: list[QPoint] = []
    monkeypatch.setattr(QMenu, "popup", lambda self, pos, at=None: popped.append(pos))
    rect = view.view.visualRect(view.model.index(3, 0))
    view.view.customContextMenuRequested.emit(rect.center())
    assert view.selected_ids() == [world["eva"]] and popped


def test_empty_workspace_explains_itself(view: ContactsView) -> None:
    assert view.model.rowCount() == 0
    assert view.stack.currentWidget() is view.empty
    assert "Nog geen contacten" in view.empty.text()
    assert view.count.text() == "0 contacten"
    assert not view.open_button.isEnabled()


def test_reload_keeps_the_selection_and_the_rows_shown(workspace: Workspace,
                                                       view: ContactsView) -> None:
    add_many(workspace, 250)
    view.reload()
    view.model.fetchMore()
    view.view.selectRow(120)
    chosen = view.selected_ids()
    view.reload()
    assert view.model.rowCount() >= 150
    assert view.selected_ids() == chosen
