"""The Organisaties tree: grouping, hierarchy, filter, drag-and-drop re-parenting."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from pytestqt.qtbot import QtBot

from dealmaker.services.organisations import organisation_tree
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.organisations.page import OrganisationsPage
from dealmaker.ui.organisations.tree_filter import OrgFilterProxy
from dealmaker.ui.organisations.tree_model import ObjectRole, OrgTreeModel

from .conftest import Orgs

MOVE = Qt.DropAction.MoveAction


def names(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def outline(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[Any]:
    """The whole tree as nested (name, [children]) pairs."""
    parent = parent or QModelIndex()
    out = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        out.append((index.data(), outline(model, index)))
    return out


def child(model: QAbstractItemModel, parent: QModelIndex, name: str) -> QModelIndex:
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if str(index.data()).startswith(name):
            return index
    raise AssertionError(f"{name!r} not under {parent.data()!r}: {names(model, parent)}")


def test_model_passes_the_model_tester(qtmodeltester: Any, workspace: Workspace,
                                       orgs: Orgs) -> None:
    model = OrgTreeModel()
    model.set_nodes(organisation_tree(workspace))
    qtmodeltester.check(model)
    proxy = OrgFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_text("innov")
    qtmodeltester.check(proxy)


def test_rijk_hierarchy_and_regional_parties_grouped_by_kind(workspace: Workspace,
                                                             orgs: Orgs) -> None:
    model = OrgTreeModel()
    model.set_nodes(organisation_tree(workspace))
    assert names(model) == ["Rijk (2)", "Provincies (1)", "Gemeenten (2)", "Bedrijven (1)"]
    rijk = model.index(0, 0)
    assert names(model, rijk) == ["Ministerie van Economische Zaken en Klimaat (EZK)",
                                  "Ministerie van LNV (LNV)"]
    ezk = child(model, rijk, "Ministerie van Economische")
    dg = child(model, ezk, "DG Bedrijfsleven")
    directie = child(model, dg, "Directie Innovatie")
    assert names(model, directie) == ["Afdeling Regio"]
    assert directie.siblingAtColumn(1).data() == "2"  # two current people, not the former
    assert names(model, model.index(2, 0)) == ["Gemeente Emmen", "Gemeente Enschede"]
    assert ezk.data(ObjectRole) == orgs.ezk and rijk.data(ObjectRole) is None
    assert model.index_of(orgs.afdeling).parent().data() == "Directie Innovatie"


def test_drop_onto_an_organisation_makes_it_the_parent(page: OrganisationsPage, qtbot: QtBot,
                                                       workspace: Workspace,
                                                       orgs: Orgs) -> None:
    model = page.view.panel.model
    data = model.mimeData([model.index_of(orgs.enschede)])
    with qtbot.waitSignal(page._context.signals.changes_applied) as applied:
        assert model.dropMimeData(data, MOVE, -1, -1, model.index_of(orgs.overijssel))
    assert applied.args[0].touches("organisation")
    parents = {n.id: n.parent_id for n in organisation_tree(workspace)}
    assert parents[orgs.enschede] == orgs.overijssel
    # the tree was reloaded: Enschede now hangs under Overijssel, and is selected
    overijssel = model.index_of(orgs.overijssel)
    assert names(model, overijssel) == ["Gemeente Enschede"]
    assert names(model, model.group_index("gemeente")) == ["Gemeente Emmen"]
    assert page.view.panel.current_id() == orgs.enschede
    assert page.view.panel.view.isExpanded(page.view.panel.proxy.mapFromSource(overijssel))


def test_drop_onto_a_group_or_the_empty_area_detaches(page: OrganisationsPage,
                                                      workspace: Workspace,
                                                      orgs: Orgs) -> None:
    model = page.view.panel.model
    data = model.mimeData([model.index_of(orgs.dg)])
    assert model.dropMimeData(data, MOVE, -1, -1, model.group_index("rijk"))
    assert {n.id: n.parent_id for n in organisation_tree(workspace)}[orgs.dg] is None
    assert "DG Bedrijfsleven en Innovatie" in names(model, model.group_index("rijk"))
    # back under EZK through the view's proxy, then off again onto the empty area
    proxy = page.view.panel.proxy
    ezk = proxy.mapFromSource(model.index_of(orgs.ezk))
    assert proxy.dropMimeData(proxy.mimeData([proxy.mapFromSource(model.index_of(orgs.dg))]),
                              MOVE, -1, -1, ezk)
    assert model.index_of(orgs.dg).parent().data(ObjectRole) == orgs.ezk
    assert model.dropMimeData(model.mimeData([model.index_of(orgs.dg)]), MOVE, -1, -1,
                              QModelIndex())
    assert model.index_of(orgs.dg).parent().data(ObjectRole) is None


def test_refused_cycle_shows_the_dutch_message_and_keeps_the_tree(
        page: OrganisationsPage, qtbot: QtBot, workspace: Workspace, orgs: Orgs) -> None:
    model = page.view.panel.model
    before = outline(model)
    changes: list[object] = []
    page._context.signals.changes_applied.connect(changes.append)
    data = model.mimeData([model.index_of(orgs.ezk)])
    model.dropMimeData(data, MOVE, -1, -1, model.index_of(orgs.afdeling))
    assert outline(model) == before and changes == []
    message = page.view.panel.message
    assert message.isVisible()
    assert "Niet verplaatst" in message.text() and "kring" in message.text()
    assert {n.id: n.parent_id for n in organisation_tree(workspace)}[orgs.ezk] is None
    # onto itself or its own parent: nothing is asked at all
    assert not model.dropMimeData(data, MOVE, -1, -1, model.index_of(orgs.ezk))
    assert not model.dropMimeData(model.mimeData([model.index_of(orgs.dg)]), MOVE, -1, -1,
                                  model.index_of(orgs.ezk))
    # the next successful move clears the message
    model.dropMimeData(model.mimeData([model.index_of(orgs.emmen)]), MOVE, -1, -1,
                       model.index_of(orgs.overijssel))
    assert not message.isVisible()


def test_cut_and_paste_moves_with_the_keyboard(page: OrganisationsPage, qtbot: QtBot,
                                               orgs: Orgs) -> None:
    panel = page.view.panel
    panel.select(orgs.bedrijf)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    panel.select(orgs.enschede)
    qtbot.keyClick(panel.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    model = panel.model
    assert model.index_of(orgs.bedrijf).parent().data(ObjectRole) == orgs.enschede
    assert model.group_index("bedrijf").isValid() is False  # the group is empty now
    page.view.edits.actions_by_key["top"].trigger()
    assert model.index_of(orgs.bedrijf).parent().data() == "Bedrijven (1)"


def test_filter_keeps_the_path_to_matches(page: OrganisationsPage, qtbot: QtBot,
                                          orgs: Orgs) -> None:
    panel = page.view.panel
    qtbot.keyClicks(panel.filter, "innov")
    proxy = panel.proxy
    assert outline(proxy) == [("Rijk (2)", [
        ("Ministerie van Economische Zaken en Klimaat (EZK)", [
            ("DG Bedrijfsleven en Innovatie", [("Directie Innovatie", [])])])])]
    assert panel.view.isExpanded(proxy.index(0, 0))
    panel.filter.clear()
    qtbot.keyClicks(panel.filter, "gem ensch")  # every word starts a word of the name
    assert outline(proxy) == [("Gemeenten (2)", [("Gemeente Enschede", [])])]
    panel.filter.clear()
    assert len(names(proxy)) == 4
    qtbot.keyClicks(panel.filter, "Enschede")
    panel.select(orgs.lnv)  # selecting a hidden organisation clears the filter
    assert panel.filter.text() == "" and panel.current_id() == orgs.lnv


def test_page_counts_and_quick_find_selection(page: OrganisationsPage, orgs: Orgs) -> None:
    assert page.counts.values() == {"Organisaties": "9", "Rijk": "5", "Regio": "4"}
    page.select_organisation(orgs.afdeling)
    panel = page.view.panel
    assert panel.current_id() == orgs.afdeling
    index = panel.view.currentIndex()
    assert panel.view.isExpanded(index.parent())  # its branch was opened
    assert page.view.card.card is not None and page.view.card.card.name == "Afdeling Regio"


def test_selection_waits_for_the_tree(qtbot: QtBot, context: Any, orgs: Orgs) -> None:
    page = OrganisationsPage(context)
    qtbot.addWidget(page)
    page.select_organisation(orgs.lnv)  # the page has not loaded yet
    assert page.view.panel.current_id() is None
    page.set_active(True)
    assert page.view.panel.current_id() == orgs.lnv


def test_loads_and_moves_off_the_ui_thread(qtbot: QtBot, workspace: Workspace,
                                           orgs: Orgs) -> None:
    from dealmaker.ui.shell.context import AppContext
    from dealmaker.ui.shell.signals import AppSignals
    from dealmaker.ui.shell.tasks import TaskRunner

    tasks = TaskRunner()  # real threads, as in the app
    page = OrganisationsPage(AppContext(AppSignals(), tasks, lambda: workspace))
    qtbot.addWidget(page)
    try:
        with qtbot.waitSignal(page.loaded, timeout=5000):
            page.set_active(True)
        model = page.view.panel.model
        page.select_organisation(orgs.bedrijf)
        qtbot.waitUntil(lambda: page.view.card.card is not None
                        and page.view.card.card.id == orgs.bedrijf)
        with qtbot.waitSignal(page.loaded, timeout=5000):
            model.dropMimeData(model.mimeData([model.index_of(orgs.bedrijf)]), MOVE, -1, -1,
                               model.index_of(orgs.enschede))
        assert model.index_of(orgs.bedrijf).parent().data(ObjectRole) == orgs.enschede
        assert page.view.panel.current_id() == orgs.bedrijf
    finally:
        tasks.shutdown()
