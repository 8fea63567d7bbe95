"""At 1024x768 (a laptop with scaling) no column header of the contact side is cut off,
and the card's form labels fit at 900 pixels wide."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QHeaderView, QLabel, QWidget
from pytestqt.qtbot import QtBot

from dealmaker.ui.contacts.cards import open_cards

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")


def cut_headers(root: QWidget) -> list[str]:
    """Visible horizontal header sections narrower than their text."""
    cut = []
    for header in root.findChildren(QHeaderView):
        if header.orientation() != Qt.Orientation.Horizontal or not header.isVisibleTo(root):
            continue
        model = header.model()
        metrics = header.fontMetrics()
        for i in range(header.count()):
            if header.isSectionHidden(i):
                continue
            text = str(model.headerData(i, Qt.Orientation.Horizontal) or "")
            if header.sectionSize(i) < metrics.horizontalAdvance(text) + 8:
                cut.append(f"{text} ({header.sectionSize(i)} px)")
    return cut


@pytest.mark.parametrize("page", ["contacten", "organisaties"])
def test_no_header_is_cut_at_1024_by_768(make_main_window: Callable[..., Any], qtbot: QtBot,
                                         page: str) -> None:
    window = make_main_window()
    window.resize(1024, 768)
    window.context.pages.show(page)
    qtbot.wait(10)
    assert cut_headers(window) == []


def test_the_card_fits_its_labels_and_headers_at_900(make_main_window: Callable[..., Any],
                                                     qtbot: QtBot) -> None:
    window = make_main_window()
    window.resize(1024, 768)
    contacts = window.context.pages.show("contacten").contacts
    contacts.open_card(contacts.model.row_at(0).person_id)
    card = open_cards()[0]
    card.resize(900, 620)
    qtbot.wait(10)
    try:
        for key, table in card.tabs.tables.items():
            card.tabs.setCurrentWidget(table)
            qtbot.wait(1)
            assert cut_headers(table) == [], key
        form = card.form.layout()
        assert isinstance(form, QFormLayout)
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                text = label.text().replace("&", "")
                assert label.width() > label.fontMetrics().horizontalAdvance(text), text
    finally:
        if shiboken6.isValid(card):
            card.form.mark_saved()
            card.close()


def test_ctrl_n_on_contacten_is_a_new_contact_not_a_new_workspace(
        make_main_window: Callable[..., Any], qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from dealmaker.ui.contacts.new_contact import NewContactDialog
    from dealmaker.ui.shell import file_dialogs

    asked: list[str] = []
    monkeypatch.setattr(file_dialogs, "ask_new_workspace",
                        lambda _parent, title, _start: asked.append(title))
    window = make_main_window()
    contacts = window.context.pages.show("contacten").contacts
    contacts.contact_actions.menu(contacts)  # a context menu made earlier holds the action
    contacts.view.setFocus()
    qtbot.keyClick(contacts.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialogs = [d for d in window.findChildren(NewContactDialog) if d.isVisible()]
    assert len(dialogs) == 1 and asked == []
    dialogs[0].reject()
    window.context.pages.show("organisaties")
    window.actions_by_key["new_workspace"].trigger()  # elsewhere it is still the workspace
    assert asked == ["Nieuwe werkruimte"]


def test_a_new_contact_from_the_window_is_taken_back_by_ctrl_z(
        make_main_window: Callable[..., Any], qtbot: QtBot) -> None:
    from dealmaker.ui.contacts.new_contact import NewContactDialog

    window = make_main_window()
    contacts = window.context.pages.show("contacten").contacts
    contacts.view.setFocus()
    qtbot.keyClick(contacts.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    (dialog,) = [d for d in window.findChildren(NewContactDialog) if d.isVisible()]
    dialog.edits["first_name"].setText("Femke")
    dialog.edits["last_name"].setText("de Wit")
    dialog.save()
    qtbot.waitUntil(lambda: contacts.selected_ids() != [])
    names = [contacts.model.row_at(r).display_name for r in range(contacts.model.rowCount())]
    assert names == ["Femke de Wit"]
    for card in open_cards():
        card.close()
    contacts.search.clear()
    window.activateWindow()
    contacts.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(contacts.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Femke de Wit" not in [
        contacts.model.row_at(r).display_name for r in range(contacts.model.rowCount())])


def test_the_contact_card_fits_a_1024_screen(qapp: Any, monkeypatch: Any) -> None:
    """The card opened at 1100 px, past a 1024 x 768 laptop's edge (Opslaan off screen)."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QDialog

    from dealmaker.ui.shell.widgets import fit_to_screen

    dialog = QDialog()
    screen = dialog.screen()
    monkeypatch.setattr(type(screen), "availableGeometry", lambda self: QRect(0, 0, 1024, 740))
    fit_to_screen(dialog, 1100, 680)
    assert dialog.width() <= 1024 - 40 + 1 and dialog.height() <= 680
