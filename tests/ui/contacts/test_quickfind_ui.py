"""Quick-find (Ctrl+K): keyboard only, and each kind of hit leads to the right place."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from dealmaker.ui.contacts.cards import open_cards
from dealmaker.ui.quickfind.popup import QuickFindPopup


def open_popup(window: Any, qtbot: QtBot, text: str) -> QuickFindPopup:
    action = window.findChild(QAction, "quick_find")
    action.trigger()
    popup = window.findChild(QuickFindPopup)
    assert popup.isVisible() and popup.search.hasFocus()
    qtbot.keyClicks(popup.search, text)
    qtbot.waitUntil(lambda: popup.model.rowCount() > 0 or "Niets" in popup.hint.text(),
                    timeout=1000)
    return popup


def labels(popup: QuickFindPopup) -> list[str]:
    return [popup.model.index(r, 0).data() for r in range(popup.model.rowCount())]


def test_ctrl_k_is_in_the_bewerken_menu(make_main_window: Any) -> None:
    window = make_main_window()
    action = window.findChild(QAction, "quick_find")
    assert action.shortcut().toString() == "Ctrl+K"
    assert action in window.edit_menu.actions()
    assert action.text().replace("&", "") == "Snel zoeken…"


def test_enter_on_a_person_opens_the_contact_card(make_main_window: Any,
                                                  qtbot: QtBot) -> None:
    window = make_main_window()
    popup = open_popup(window, qtbot, "anna")
    assert labels(popup) == ["Anna van den Berg"]
    qtbot.keyClick(popup.search, Qt.Key.Key_Return)
    assert not popup.isVisible()
    cards = open_cards()
    assert [c.header.name.text() for c in cards] == ["Anna van den Berg"]
    for card in cards:
        card.close()


def test_arrows_choose_an_organisation_selected_on_its_page(
        make_main_window: Any, qtbot: QtBot) -> None:
    window = make_main_window()
    chosen: list[str] = []
    page = window.page("organisaties")
    page.select_organisation = chosen.append  # what the Organisaties page offers
    popup = open_popup(window, qtbot, "twente")
    assert labels(popup)[:2] == ["Regio Deal Twente", "Regio Twente"]  # deal, then org
    qtbot.keyClick(popup.search, Qt.Key.Key_Down)
    qtbot.keyClick(popup.search, Qt.Key.Key_Return)
    assert window.current_page() is page
    assert len(chosen) == 1


def test_a_deal_switches_to_the_deals_page(make_main_window: Any, qtbot: QtBot) -> None:
    window = make_main_window()
    popup = open_popup(window, qtbot, "achterhoek")
    assert labels(popup) == ["Regio Deal Achterhoek"]
    qtbot.keyClick(popup.search, Qt.Key.Key_Enter)
    assert window.current_page().key == "deals"
    portfolio = window.current_page().portfolio
    selected = portfolio.selected_id()
    assert selected is not None
    assert portfolio.model.row_at(portfolio.proxy.mapToSource(
        portfolio.table.selectionModel().selectedRows()[0]).row()).name == \
        "Regio Deal Achterhoek"


def test_escape_closes_and_nothing_found_says_so(make_main_window: Any,
                                                 qtbot: QtBot) -> None:
    window = make_main_window()
    popup = open_popup(window, qtbot, "xyzzy")
    assert labels(popup) == []
    assert "Niets gevonden voor ‘xyzzy’" in popup.hint.text()
    qtbot.keyClick(popup.search, Qt.Key.Key_Return)  # nothing to open: stays
    assert popup.isVisible()
    qtbot.keyClick(popup.search, Qt.Key.Key_Escape)
    assert not popup.isVisible()


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_text_shows_the_hint(make_main_window: Any, qtbot: QtBot, text: str) -> None:
    window = make_main_window()
    window.findChild(QAction, "quick_find").trigger()
    popup = window.findChild(QuickFindPopup)
    popup.search.setText(text)
    assert popup.model.rowCount() == 0
    assert "Typ een deel van een naam" in popup.hint.text()
    popup.close()


def test_contacten_page_in_the_window_lists_and_searches(make_main_window: Any,
                                                        qtbot: QtBot) -> None:
    window = make_main_window()
    window.show_page(1)
    contacts = window.current_page().contacts
    assert contacts.model.rowCount() == 3
    qtbot.keyClicks(contacts.search, "jans")
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 1)
    contacts.view.selectRow(0)
    assert window.current_page().selected_person_ids() == contacts.selected_ids()
