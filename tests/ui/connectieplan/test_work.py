"""Working in the connectieplan: dragged nodes and Ctrl+Z, context menus, edge edits,
filters, colour, export and print, layout off the UI thread."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from graph.workspace_kit import build
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from dealmaker.services.connectieplan.positions import saved_positions
from dealmaker.services.connectieplan.relations import RelationData
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.connectieplan.export_view import print_view
from dealmaker.ui.connectieplan.page import ConnectieplanPage
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.signals import AppSignals
from dealmaker.ui.shell.tasks import TaskRunner
from dealmaker.ui.undo.undo_redo import UndoRedo


@pytest.fixture
def shown(workspace: Workspace, qtbot: QtBot) -> tuple[ConnectieplanPage, dict[str, str],
                                                       UndoRedo]:
    ids = build(workspace)
    context = AppContext(AppSignals(), TaskRunner(inline=True), lambda: workspace)
    window = QWidget()
    qtbot.addWidget(window)
    undo_redo = UndoRedo(window, context)  # the window's Ctrl+Z / Ctrl+Shift+Z
    page = ConnectieplanPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.set_active(True)
    return page, ids, undo_redo


def _drag(page: ConnectieplanPage, node: str, by: QPoint) -> None:
    view, item = page.view, page.scene.nodes[node]
    start = view.mapFromScene(item.sceneBoundingRect().center() + QPointF(0, -4))
    left = Qt.MouseButton.LeftButton
    for kind, at, buttons in ((QEvent.Type.MouseButtonPress, start, left),
                              (QEvent.Type.MouseMove, start + by / 2, left),
                              (QEvent.Type.MouseMove, start + by, left),
                              (QEvent.Type.MouseButtonRelease, start + by,
                               Qt.MouseButton.NoButton)):
        button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else left
        QApplication.sendEvent(view.viewport(), QMouseEvent(
            kind, QPointF(at), QPointF(view.viewport().mapToGlobal(at)), button, buttons,
            Qt.KeyboardModifier.NoModifier))


def test_a_dragged_node_is_saved_and_ctrl_z_puts_it_back(shown: Any,
                                                        workspace: Workspace) -> None:
    page, ids, undo_redo = shown
    item = page.scene.nodes[ids["cees"]]
    home = item.pos()
    _drag(page, ids["cees"], QPoint(60, 40))
    moved = item.pos()
    assert moved != home
    deal = ids["deal"]
    assert saved_positions(workspace, deal, "connectieplan") == {
        ids["cees"]: (moved.x(), moved.y())}
    assert undo_redo.undo_action.text() == "&Ongedaan maken: Knoop verplaatsen"
    undo_redo.undo_action.trigger()
    assert item.pos() == home
    assert saved_positions(workspace, deal, "connectieplan") == {}
    undo_redo.redo_action.trigger()
    assert item.pos() == moved
    # the position survives a reload of the plan
    page.draw()
    assert page.scene.nodes[ids["cees"]].pos() == moved


def test_undo_takes_the_newest_step_of_either_kind(shown: Any) -> None:
    page, ids, undo_redo = shown
    item = page.scene.nodes[ids["cees"]]
    home = item.pos()
    _drag(page, ids["cees"], QPoint(50, 0))
    page.work.add_relation(ids["dirk"], ids["bedrijf"])  # a journalled edit after the drag
    assert page.counts.values()["Relaties"] == "3"
    assert undo_redo.undo_action.text() == "&Ongedaan maken: Relatie leggen"
    undo_redo.undo_action.trigger()
    assert page.counts.values()["Relaties"] == "2"
    assert page.scene.nodes[ids["cees"]].pos() != home  # the drag is older: still there
    undo_redo.undo_action.trigger()
    assert page.scene.nodes[ids["cees"]].pos() == home


def test_edge_menu_edits_and_deletes_undoably(shown: Any) -> None:
    page, ids, undo_redo = shown
    warm = next(e for e in page.drawing.plan.edges if e.record_id == ids["warm"])
    menu = page.edge_menu(warm)
    texts = [a.text() for a in menu.actions() if a.isEnabled()]
    assert texts == ["Relatie wijzigen…", "Relatie verwijderen"]
    page.work.edit_edge(warm, RelationData(strength=5, theme_id=warm.theme))
    edited = next(e for e in page.drawing.plan.edges if e.record_id == ids["warm"])
    assert edited.strength == 5
    undo_redo.undo_action.trigger()
    assert next(e for e in page.drawing.plan.edges
                if e.record_id == ids["warm"]).strength == 4
    page.work.delete_edge(warm)
    assert ids["warm"] not in {e.record_id for e in page.drawing.plan.edges}
    undo_redo.undo_action.trigger()
    assert ids["warm"] in {e.record_id for e in page.drawing.plan.edges}
    # structure (a position) is not edited here
    position = next(e for e in page.drawing.plan.edges if e.kind == "position")
    assert not any(a.isEnabled() for a in page.edge_menu(position).actions())


def test_an_edge_is_found_under_the_mouse(shown: Any) -> None:
    page, ids, _undo = shown
    a = page.scene.nodes[ids["anna"]].pos()
    c = page.scene.nodes[ids["cees"]].pos()
    middle = page.view.mapFromScene((a + c) / 2)
    edge = page.view.edge_at(middle)
    assert edge is not None and edge.record_id == ids["warm"]


def test_node_menu_reaches_the_other_features(shown: Any) -> None:
    page, ids, _undo = shown
    calls: list[Any] = []
    commands = page._context.commands
    commands.open_person = lambda _parent, pid: calls.append(("kaart", pid))
    commands.log_contact_moment = lambda _parent, pids: calls.append(("contact", pids))
    menu = page.node_menu(ids["cees"])
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert {"Kaart openen", "Contactmoment vastleggen…", "Relatie toevoegen…",
            "Omgeving tonen", "Hoe bereik ik Cees Regio?"} <= set(actions)
    actions["Kaart openen"].trigger()
    actions["Contactmoment vastleggen…"].trigger()
    assert calls == [("kaart", ids["cees"]), ("contact", [ids["cees"]])]
    actions["Omgeving tonen"].trigger()
    assert {i.node.id for i in page.scene.visible_nodes()} == {
        ids["cees"], ids["anna"], ids["prov"], ids["wonen"]}
    # an opgave has no card and no contact moments
    opgave = {a.text(): a.isEnabled() for a in page.node_menu(ids["wonen"]).actions()}
    assert not opgave["Kaart openen"] and not opgave["Contactmoment vastleggen…"]


def test_filters_theme_strength_and_recency(shown: Any) -> None:
    page, ids, _undo = shown
    bar, layer = page.toolbar, page.scene.edges
    everything = layer.drawn()
    bar.theme.setCurrentIndex(bar.theme.findText("Wonen"))
    visible = {i.node.id for i in page.scene.visible_nodes()}
    assert ids["wonen"] in visible and ids["stikstof"] not in visible
    relations = [e for e in page.scene.edges.visible_edges() if e.kind == "relation"]
    assert [e.record_id for e in relations] == [ids["warm"]]  # the cold one has no theme
    bar.theme.setCurrentIndex(0)
    bar.strength.setValue(4)  # the cold relation is 3 strong
    assert {e.record_id for e in layer.visible_edges() if e.kind == "relation"} == {
        ids["warm"]}
    bar.strength.setValue(1)
    assert layer.drawn() == everything
    bar.recency.setCurrentIndex(bar.recency.findData(30))  # Anna and Cees met 3 days ago
    assert {e.record_id for e in layer.visible_edges() if e.kind == "relation"} == {
        ids["warm"]}


def test_colour_by_levensgemeenschap_changes_the_legend(shown: Any) -> None:
    page, _ids, _undo = shown
    assert "Rijk" in page.panel.legend.text()
    page.toolbar.colour.setCurrentIndex(page.toolbar.colour.findData("levensgemeenschap"))
    assert "Economisch" in page.panel.legend.text() and "Rijk</" not in page.panel.legend.text()
    page.toolbar.panel.setChecked(False)
    assert not page.side.isVisible()


def test_the_view_exports_and_prints(shown: Any, tmp_path: Path) -> None:
    page, _ids, _undo = shown
    page.toolbar.persons.setChecked(False)  # the export shows what the view shows
    svg = page.work.export(".svg", tmp_path / "plan.svg")
    assert svg is not None
    text = svg.read_text(encoding="utf-8")
    assert ">Wonen</text>" in text and "Cees" not in text
    png = page.work.export(".png", tmp_path / "plan.png")
    assert png is not None and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pdf = page.work.export(".pdf", tmp_path / "plan.pdf")
    assert pdf is not None and pdf.read_bytes()[:5] == b"%PDF-"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "afdruk.pdf"))
    print_view(page.scene, printer)
    assert (tmp_path / "afdruk.pdf").read_bytes()[:5] == b"%PDF-"


def test_layout_runs_off_the_ui_thread_with_progress(workspace: Workspace, qtbot: QtBot,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from dealmaker.services.connectieplan import drawing

    build(workspace)
    threads: list[str] = []
    real = drawing.lay_out

    def spy(*args: Any, **kw: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real(*args, **kw)

    monkeypatch.setattr(drawing, "lay_out", spy)
    tasks = TaskRunner()
    page = ConnectieplanPage(AppContext(AppSignals(), tasks, lambda: workspace))
    qtbot.addWidget(page)
    steps: list[tuple[int, int, str]] = []
    page._progress.step.connect(lambda *s: steps.append(s))
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.set_active(True)
    tasks.shutdown()
    assert threads and all(t.startswith("dealmaker-lezen") for t in threads)
    assert [s[0] for s in steps] == [0, 1, 2, 3]
    assert steps[2][2] == "Schikken…"
    assert not page.toolbar.busy.isVisible()


def test_nothing_is_cut_beside_the_sidebar_at_1024x768(shown: Any, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QScrollArea

    page, _ids, _undo = shown
    page.resize(824, 727)  # 1024x768 less the sidebar, menu bar and status bar
    qtbot.wait(10)
    content = page.findChild(QWidget, "pageContent")
    scroll = next(s for s in page.findChildren(QScrollArea) if s.widget() is content)
    assert content.height() <= scroll.viewport().height()  # no page scrolling
    assert content.width() <= scroll.viewport().width()
    assert page.toolbar.minimumSizeHint().width() <= 824 - 48
    page.toolbar.panel.setChecked(False)  # the canvas takes the panel's room
    qtbot.wait(10)
    assert page.view.width() > 700


def test_a_new_edit_ends_what_could_be_redone(shown: Any) -> None:
    page, ids, undo_redo = shown
    _drag(page, ids["cees"], QPoint(50, 0))
    undo_redo.undo_action.trigger()
    assert undo_redo.redo_action.text() == "O&pnieuw: Knoop verplaatsen"
    page.work.add_relation(ids["dirk"], ids["bedrijf"])
    assert not undo_redo.redo_action.isEnabled()


def test_the_relation_dialog_fits_the_target(shown: Any) -> None:
    from dealmaker.domain.enums import OpgaveRole, RelationKind
    from dealmaker.ui.connectieplan.dialog import RelationDialog

    page, ids, _undo = shown
    nodes = page.drawing.plan.by_id()
    dialog = RelationDialog(page, nodes[ids["anna"]], page.work._themes(),
                            targets=page.drawing.plan.nodes)
    dialog.to.setCurrentIndex(dialog.to.findData(ids["wonen"]))
    assert dialog.role.isEnabled() and not dialog.kind.isEnabled()
    assert dialog.data().role == OpgaveRole.WERKT_AAN
    dialog.to.setCurrentIndex(dialog.to.findData(ids["cees"]))
    assert dialog.kind.isEnabled() and not dialog.role.isEnabled()
    warm = next(e for e in page.drawing.plan.edges if e.record_id == ids["warm"])
    edit = RelationDialog(page, nodes[ids["anna"]], page.work._themes(), edge=warm)
    data = edit.data()
    assert (data.kind, data.strength, data.theme_id) == (RelationKind.WERKRELATIE, 4,
                                                         warm.theme)
