"""The window shell: title, sidebar, pages with live data, refresh on change, state."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dealmaker.services.changes import Changes
from dealmaker.services.people import PersonData, add_person
from dealmaker.ui.shell import actions as A
from dealmaker.ui.shell.table_model import ObjectRole

SIDEBAR = ["Overzicht", "Contacten", "Organisaties", "Deals", "Toezeggingen",
           "Cofinanciering", "Connectieplan", "Monitoring", "Export", "Opvolgen", "Overleggen",
           "Mandaten", "Conflicten"]


def test_title_shows_workspace_file_and_folder(make_main_window: Any,
                                               filled_path: Path) -> None:
    window = make_main_window()
    assert filled_path.name in window.windowTitle()
    assert str(filled_path.parent) in window.windowTitle()
    assert window.windowFilePath() == str(filled_path)


def test_sidebar_has_the_dutch_pages(make_main_window: Any) -> None:
    window = make_main_window()
    assert window.sidebar.titles() == SIDEBAR
    assert [p.title() for p in window.pages] == SIDEBAR
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["Bestand", "Bewerken", "Ga naar", "Help"]


def test_pages_show_live_counts(make_main_window: Any) -> None:
    window = make_main_window()
    expected = {
        "overzicht": {"Contacten": "3", "Open toezeggingen": "2",
                      "Verlopen toezeggingen": "1", "Deals buiten cofinancieringsregel": "1"},
        "contacten": {"Contacten": "3", "Contactmomenten": "2", "Open opvolgingen": "1",
                      "Verlopen opvolgingen": "1"},
        "organisaties": {"Organisaties": "3", "Rijk": "1", "Regio": "2"},
        "deals": {"Deals": "2", "In uitvoering": "1", "Buiten cofinancieringsregel": "1",
                  "Rijksbijdrage toegekend": "€ 65.000.000,00"},
        "toezeggingen": {"Toezeggingen": "3", "Open": "2", "Verlopen": "1"},
        "cofinanciering": {"Bijdragen": "2", "Toegezegd": "€ 21.000.000,00",
                           "Gerealiseerd": "€ 1.000.000,00"},
        # the first deal (Achterhoek) has no parties or people: only the deal itself
        "connectieplan": {"Knopen": "1", "Relaties": "0", "Koud": "0"},
        "export": {"Deals": "2", "Toezeggingen": "3", "Bijdragen": "2"},
        "opvolgen": {"Open opvolgingen": "1", "Verlopen": "1", "In deze lijst": "1"},
    }
    rows = {"overzicht": 1, "contacten": 3, "organisaties": 3, "deals": 2,
            "toezeggingen": 3, "cofinanciering": 2, "connectieplan": 1, "monitoring": 1,
            "export": 3, "opvolgen": 1,  # export: the 2 deals and "Alle deals"
            "overleggen": 1, "mandaten": 0}
    for index, page in enumerate(window.pages):
        window.show_page(index)
        assert window.current_page() is page
        if page.key == "contacten":  # the full list instead of counts and recent records
            assert page.contacts.model.rowCount() == rows[page.key]
            assert page.contacts.count.text() == "3 contacten"
            continue
        if page.key == "deals":  # the portfolio of all deals
            assert page.portfolio.model.rowCount() == rows[page.key]
            assert page.portfolio.count.text() == "2 deals · 1 buiten de regels"
            continue
        if page.key == "cofinanciering":  # the ledger of all pledges
            assert page.ledger.model.rowCount() == rows[page.key]
            assert page.ledger.totals.text().startswith("2 bijdragen · toegezegd € 21.000.000,00")
            continue
        if page.key == "toezeggingen":  # the register over all commitments
            assert page.register.model.rowCount() == rows[page.key]
            assert page.register.count.text() == "3 toezeggingen"
            continue
        if page.key == "monitoring":  # indicators of all deals, with goals, projects, ...
            assert page.monitoring.indicators.model.total == rows[page.key]
            continue
        if page.key in ("overleggen", "mandaten"):  # the full lists
            assert page.register.model.rowCount() == rows[page.key]
            continue
        if page.key == "export":  # a form that writes the overleg workbook of a deal
            assert page.deal.count() == rows[page.key]
            continue
        if page.key == "conflicten":  # sync conflicts: none in a workspace never shared
            assert page.table.rowCount() == 0
            continue
        shown = page.counts.values()
        for label, text in expected[page.key].items():
            assert shown[label] == text, (page.key, label)
        if page.key == "organisaties":  # the tree and the card instead of recent records
            assert len(page.view.panel.model.orgs()) == rows[page.key]
            continue
        if page.key == "connectieplan":  # a drawing instead of recent records
            assert len(page.scene.nodes) == rows[page.key]
            continue
        if page.key == "opvolgen":  # the full list of follow-ups
            assert page.model.rowCount() == rows[page.key]
            continue
        first = next(iter(page.sections.values()))
        assert first.model.rowCount() == rows[page.key], page.key
        assert first.view.isVisible()


def test_clicking_the_sidebar_switches_pages(make_main_window: Any, qtbot: QtBot) -> None:
    window = make_main_window()
    assert window.stack.currentIndex() == 0
    deals = window.sidebar.item(SIDEBAR.index("Deals"))
    rect = window.sidebar.visualItemRect(deals)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert window.current_page().key == "deals"
    assert window.current_page().isVisible()
    go_menu = window.menuBar().actions()[2].menu()
    to_contacts = go_menu.actions()[1]
    assert to_contacts.text() == "Contacten"
    assert to_contacts.shortcut().toString() == "Ctrl+2"
    to_contacts.trigger()
    assert window.current_page().key == "contacten"
    assert window.sidebar.currentRow() == 1


def test_pages_load_only_when_shown(make_main_window: Any) -> None:
    window = make_main_window()
    assert window.page("overzicht").summary is not None
    indicators = window.page("monitoring").monitoring.indicators.model
    assert indicators.rowCount() == 0
    window.show_page(SIDEBAR.index("Monitoring"))
    assert indicators.rowCount() == 1


def test_changes_applied_refreshes_the_pages(make_main_window: Any) -> None:
    window = make_main_window()
    ws = window.controller.workspace
    window.show_page(1)
    contacts = window.page("contacten").contacts
    assert contacts.model.total == 3
    _, changes = add_person(ws, PersonData(last_name="Visser", first_name="Vera"))
    with_signal = window.controller.signals
    with_signal.changes_applied.emit(changes)
    assert contacts.model.total == 4
    names = [contacts.model.index(r, 0).data() for r in range(contacts.model.rowCount())]
    assert "Vera Visser" in names
    # a page out of view reloads when it is shown again
    overview = window.page("overzicht")
    assert overview.counts.values()["Contacten"] == "3"
    window.show_page(0)
    assert overview.counts.values()["Contacten"] == "4"


def test_changes_to_other_tables_do_not_reload(make_main_window: Any) -> None:
    window = make_main_window()
    window.show_page(SIDEBAR.index("Monitoring"))
    monitoring = window.current_page()
    loads: list[bool] = []
    monitoring.loaded.connect(lambda: loads.append(True))
    window.controller.signals.changes_applied.emit(Changes(frozenset({"relation"})))
    assert loads == []
    window.controller.signals.changes_applied.emit(Changes(frozenset({"measurement"})))
    assert loads == [True]


def test_object_role_gives_the_record_id(make_main_window: Any) -> None:
    window = make_main_window()
    window.show_page(SIDEBAR.index("Overzicht"))
    section = next(iter(window.current_page().sections.values()))
    ids = {section.proxy.index(r, 0).data(ObjectRole) for r in range(section.proxy.rowCount())}
    assert ids == {row.id for row in window.current_page().summary.rows}


def test_filter_field_narrows_the_table(make_main_window: Any, qtbot: QtBot) -> None:
    window = make_main_window()
    window.show_page(SIDEBAR.index("Contacten"))
    contacts = window.current_page().contacts
    qtbot.keyClicks(contacts.search, "bzk")
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 1)
    assert contacts.model.index(0, 0).data() == "Anna van den Berg"


def test_geometry_and_page_are_remembered(make_main_window: Any) -> None:
    window = make_main_window()
    window.resize(720, 560)
    window.show_page(SIDEBAR.index("Toezeggingen"))
    window.close()
    window.controller.close()  # release the workspace for the second window
    again = make_main_window()
    assert (again.width(), again.height()) == (720, 560)
    assert again.current_page().key == "toezeggingen"


def test_default_size_on_first_start(make_main_window: Any) -> None:
    window = make_main_window()
    assert (window.width(), window.height()) == (1280, 800)


def test_actions_registry_shortcuts(make_main_window: Any) -> None:
    window = make_main_window()
    shortcuts = {key: a.shortcut().toString() for key, a in window.actions_by_key.items()}
    assert shortcuts[A.NEW_WORKSPACE] == "Ctrl+N"
    assert shortcuts[A.OPEN_WORKSPACE] == "Ctrl+O"
    assert shortcuts[A.QUIT] == "Ctrl+Q"
    texts = {a.text().replace("&", "") for a in window.actions_by_key.values()}
    assert {"Nieuwe werkruimte…", "Openen…", "Back-up maken", "Afsluiten",
            "Over dealmaker"} <= texts


def test_about_shows_the_version(make_main_window: Any, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    import dealmaker

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about",
                        staticmethod(lambda parent, title, text: shown.append(title + text)))
    window = make_main_window()
    window.actions_by_key[A.ABOUT].trigger()
    assert shown and "Over dealmaker" in shown[0] and dealmaker.__version__ in shown[0]


def test_empty_workspace_explains_itself(make_main_window: Any, empty_path: Path) -> None:
    window = make_main_window(empty_path)
    page = window.current_page()
    assert page.counts.values()["Contacten"] == "0"
    section = page.sections["today_follow_ups"]
    assert section.stack.currentWidget() is section.empty
    assert "Contacten importeren" in section.empty.text()
    assert "demowerkruimte" in section.empty.text()
