"""The organisation card beside the tree, and the new/rename form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dealmaker.domain.enums import OrgKind, Side
from dealmaker.services.organisations import organisation_card, organisation_tree
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.organisations.card_table import CardTable
from dealmaker.ui.organisations.form import OrganisationForm
from dealmaker.ui.organisations.page import OrganisationsPage
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.table_model import ATTENTION

from .conftest import Orgs


def rows(table: CardTable) -> list[list[str]]:
    model = table.proxy
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def tab_titles(page: OrganisationsPage) -> list[str]:
    tabs = page.view.card.tabs
    return [tabs.tabText(i) for i in range(tabs.count())]


def test_card_of_a_directie_lists_current_and_former_people(page: OrganisationsPage,
                                                            orgs: Orgs) -> None:
    page.select_organisation(orgs.directie)
    card = page.view.card
    assert card.name.text() == "Directie Innovatie"
    assert "Directie · Rijk · valt onder" in card.facts.text()
    assert "DG Bedrijfsleven en Innovatie" in card.facts.text()
    people = card.tables["people"]
    assert rows(people) == [["Anna van den Berg", "Directeur", "01-02-2021", ""],
                            ["Bram Jansen", "Beleidsmedewerker", "", ""],
                            ["Cas de Vries", "Programmamanager", "01-01-2018", "30-06-2022"]]
    former = people.proxy.index(2, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert former is not None and people.proxy.index(0, 0).data(
        Qt.ItemDataRole.ForegroundRole) is None
    assert tab_titles(page)[:2] == ["Personen (2 huidig, 1 voormalig)", "Onderdelen (1)"]
    assert rows(card.tables["children"]) == [["Afdeling Regio", "Afdeling", ""]]
    # the parent link and a double-clicked unit select that organisation in the tree
    card.facts.linkActivated.emit(f"org:{orgs.dg}")
    assert page.view.panel.current_id() == orgs.dg
    # the DG counts the people of its units
    assert "2 personen, waarvan 2 in onderdelen" in card.facts.text()
    assert rows(card.tables["children"]) == [["Directie Innovatie", "Directie", "2"]]
    page.select_organisation(orgs.directie)
    card.tables["children"].activated_id.emit(orgs.afdeling)
    assert page.view.panel.current_id() == orgs.afdeling


def test_card_shows_deals_pledges_in_euros_and_commitments(page: OrganisationsPage,
                                                           orgs: Orgs) -> None:
    page.select_organisation(orgs.enschede)
    card = page.view.card
    assert tab_titles(page) == ["Personen (0)", "Onderdelen (0)", "Deals (1)",
                                "Bijdragen (2)", "Toezeggingen (2)"]
    assert card.tabs.currentIndex() == 2  # the people list is empty: the first filled one
    assert rows(card.tables["deals"]) == [["Regio Deal Twente", "Cofinancier", "", ""]]
    assert rows(card.tables["pledges"]) == [
        ["Regio Deal Twente", "2021", "Publiek", "In cash", "€ 1.234,56", "€ 1.000,00"],
        ["Regio Deal Twente", "2022", "Publiek", "In natura", "€ 5.000.000,00",
         "€ 0,00"]]
    assert card.totals.text() == ("Totaal toegezegd: € 5.001.234,56 · gerealiseerd: "
                                  "€ 1.000,00")
    commitments = card.tables["commitments"]
    found = rows(commitments)
    assert [r[:5] for r in found] == [
        ["Ruimte in de regelgeving", "aan", "Ministerie van Economische Zaken en Klimaat",
         "Regio Deal Twente", "Afgesproken"],
        ["Cofinanciering stadshart", "van", "Ministerie van Economische Zaken en Klimaat",
         "Regio Deal Twente", "Bevestigd"]]
    assert found[1][5] == "€ 2.500.000,00"
    late = commitments.proxy.index(0, 6)
    assert late.data(Qt.ItemDataRole.ForegroundRole) == ATTENTION
    page.select_organisation(orgs.ezk)
    assert rows(card.tables["deals"]) == [["Regio Deal Twente", "Ondertekenaar",
                                           "01-07-2019", ""]]


def test_card_table_model_passes_the_model_tester(page: OrganisationsPage, orgs: Orgs,
                                                  qtmodeltester: Any) -> None:
    page.select_organisation(orgs.directie)
    people = page.view.card.tables["people"]
    qtmodeltester.check(people.model)
    qtmodeltester.check(people.proxy)


def test_a_group_or_nothing_explains_itself(page: OrganisationsPage) -> None:
    panel = page.view.panel
    panel.view.setCurrentIndex(panel.proxy.mapFromSource(panel.model.group_index("gemeente")))
    card = page.view.card
    assert card.currentWidget() is card.placeholder
    assert card.placeholder.text().startswith("Gemeenten: kies een organisatie")
    assert not panel.rename_button.isEnabled()


def test_new_organisation_under_the_selected_one(page: OrganisationsPage, qtbot: QtBot,
                                                 workspace: Workspace, orgs: Orgs) -> None:
    page.select_organisation(orgs.directie)
    page.view.panel.view.setFocus()
    qtbot.keyClick(page.view.panel.view, Qt.Key.Key_Insert)
    [form] = page.findChildren(OrganisationForm)
    assert form.kind.currentData() == OrgKind.AFDELING.value  # below a directie
    assert form.side.currentData() == Side.RIJK.value
    assert form.parent_choice.currentData() == orgs.directie
    form.accept()  # no name yet
    assert form.isVisible() and form.error.text() == "Een organisatie heeft een naam nodig."
    qtbot.keyClicks(form.name, "Afdeling  Data ")
    qtbot.keyClicks(form.short_name, "AD")
    form.accept()
    assert not form.isVisible()
    new = next(n for n in organisation_tree(workspace) if n.name == "Afdeling Data")
    assert (new.parent_id, new.kind, new.short_name) == (orgs.directie, OrgKind.AFDELING, "AD")
    assert page.view.panel.current_id() == new.id  # the tree shows and selects it
    assert page.counts.values()["Organisaties"] == "10"


def test_rename_with_f2(page: OrganisationsPage, qtbot: QtBot, workspace: Workspace,
                        orgs: Orgs) -> None:
    page.select_organisation(orgs.lnv)
    page.view.panel.view.setFocus()
    qtbot.keyClick(page.view.panel.view, Qt.Key.Key_F2)
    [form] = page.findChildren(OrganisationForm)
    assert form.name.text() == "Ministerie van LNV" and not form.kind.isVisible()
    form.name.setText("Ministerie van Landbouw, Natuur en Voedselkwaliteit")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    assert not form.isVisible()
    assert organisation_card(workspace, orgs.lnv).name.startswith("Ministerie van Landbouw")
    assert page.view.card.name.text() == (
        "Ministerie van Landbouw, Natuur en Voedselkwaliteit (LNV)")


def test_form_shows_the_service_refusal(qtbot: QtBot, page: OrganisationsPage,
                                        monkeypatch: Any, orgs: Orgs) -> None:
    from dealmaker.services.people import ValidationError
    from dealmaker.ui.organisations import edits as edits_module

    def refuse(*_args: Any) -> Any:
        raise ValidationError("name", "Die naam bestaat al.")

    monkeypatch.setattr(edits_module, "create_organisation", refuse)
    form = page.view.edits.new_organisation()
    assert form is not None
    form.name.setText("Gemeente Emmen")
    form.accept()
    assert form.isVisible() and form.error.text() == "Die naam bestaat al."
    form.reject()


def test_history_of_an_organisation_lists_its_rename(page: OrganisationsPage, qtbot: QtBot,
                                                     workspace: Workspace, orgs: Orgs,
                                                     context: AppContext) -> None:
    from dealmaker.services.organisations import rename_organisation
    from dealmaker.ui import history
    from dealmaker.ui.history.dialog import HistoryDialog

    history.install(context)  # the history feature answers commands.show_history
    rename_organisation(workspace, orgs.lnv, "Ministerie van LVVN")
    page.select_organisation(orgs.lnv)
    page.view.edits.actions_by_key["history"].trigger()
    [dialog] = page.findChildren(HistoryDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    texts = {dialog.model.index(r, c).data() for r in range(dialog.model.rowCount())
             for c in range(dialog.model.columnCount())}
    assert "Ministerie van LVVN" in texts
    dialog.close()
