"""The Connectieplan page on a small workspace: what it draws, filters, search, drag."""

from __future__ import annotations

from typing import Any

import pytest
from graph.workspace_kit import build
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dealmaker.storage.workspace import Workspace
from dealmaker.ui.connectieplan.page import ConnectieplanPage
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.signals import AppSignals
from dealmaker.ui.shell.tasks import TaskRunner


@pytest.fixture
def shown(workspace: Workspace, qtbot: QtBot) -> tuple[ConnectieplanPage, dict[str, str]]:
    ids = build(workspace)
    page = ConnectieplanPage(AppContext(AppSignals(), TaskRunner(inline=True),
                                        lambda: workspace))
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.set_active(True)
    return page, ids


def test_the_first_deal_is_drawn_with_its_findings(shown: Any) -> None:
    page, ids = shown
    assert page.toolbar.deal.currentText() == "Achterhoek"
    assert len(page.scene.nodes) == 10
    assert page.counts.values() == {"Knopen": "10", "Relaties": "2", "Koud": "1",
                                    "Bevindingen": str(page.panel.list.count())}
    texts = [page.panel.list.item(i).text() for i in range(page.panel.list.count())]
    assert "Stikstof: geen eigenaar bij het Rijk" in texts
    # a finding links to its node: clicking it selects that node
    row = texts.index("Stikstof: geen eigenaar bij het Rijk")
    page.panel.list.itemClicked.emit(page.panel.list.item(row))
    assert [i.node.id for i in page.scene.selectedItems()] == [ids["stikstof"]]


def test_choosing_another_deal_draws_its_plan(shown: Any) -> None:
    page, ids = shown
    page.toolbar.deal.setCurrentIndex(page.toolbar.deal.findText("Twente"))
    assert set(page.scene.nodes) == {ids["other"], ids["lnv"]}
    page.toolbar.deal.setCurrentIndex(page.toolbar.deal.findText("Alle deals"))
    assert ids["xavier"] in page.scene.nodes


def test_filters_hide_persons_and_a_side(shown: Any) -> None:
    page, ids = shown
    page.toolbar.persons.setChecked(False)
    visible = {i.node.id for i in page.scene.visible_nodes()}
    assert len(visible) == 7 and not {ids["anna"], ids["cees"], ids["dirk"]} & visible
    # left: the unit, 3 parties, 2 opgaven of the deal and the owner
    assert page.scene.edges is not None and page.scene.edges.drawn() == 7
    page.toolbar.persons.setChecked(True)
    page.toolbar.side.setCurrentIndex(page.toolbar.side.findText("Alleen regio"))
    visible = {i.node.id for i in page.scene.visible_nodes()}
    assert ids["cees"] in visible and not {ids["anna"], ids["bzk"], ids["directie"]} & visible
    assert ids["wonen"] in visible  # opgaven belong to both sides


def test_search_focuses_a_node(shown: Any) -> None:
    page, ids = shown
    assert page.focus_text("cee")
    assert [i.node.id for i in page.scene.selectedItems()] == [ids["cees"]]
    assert not page.focus_text("niemand")


def _mouse(widget: Any, kind: QEvent.Type, at: QPoint, buttons: Any) -> None:
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else \
        Qt.MouseButton.LeftButton
    event = QMouseEvent(kind, QPointF(at), QPointF(widget.mapToGlobal(at)), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def test_dragging_a_node_moves_it_and_its_edges(shown: Any) -> None:
    page, ids = shown
    view, item = page.view, page.scene.nodes[ids["cees"]]
    edges = page.scene.edges
    relation_paths = [it for style, it in edges.items.items() if style[0] == "relatie"]
    before_pos = item.pos()
    before_paths = [p.boundingRect() for p in relation_paths]
    start = view.mapFromScene(item.sceneBoundingRect().center() + QPointF(0, -4))
    end = start + QPoint(60, 40)
    left = Qt.MouseButton.LeftButton
    _mouse(view.viewport(), QEvent.Type.MouseButtonPress, start, left)
    for step in range(1, 6):
        _mouse(view.viewport(), QEvent.Type.MouseMove, start + (end - start) * step / 5, left)
    _mouse(view.viewport(), QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)
    moved = item.pos() - before_pos
    scale = view.transform().m11()
    assert abs(moved.x() - 60 / scale) < 2 / scale and abs(moved.y() - 40 / scale) < 2 / scale
    assert [p.boundingRect() for p in relation_paths] != before_paths


def test_keys_zoom_pan_and_fit(shown: Any, qtbot: QtBot) -> None:
    page, _ids = shown
    view = page.view
    fitted = view.transform().m11()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.transform().m11() == pytest.approx(fitted * 1.2)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.transform().m11() == pytest.approx(fitted / 1.2)
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert view.transform().m11() == pytest.approx(fitted, rel=0.1)  # scroll bars may differ


def test_shift_drag_lays_a_relation_and_undo_takes_it_back(shown: Any, workspace: Workspace
                                                           ) -> None:
    from dealmaker.services.undo import undo

    page, ids = shown
    view = page.view
    applied: list[Any] = []
    page._context.signals.changes_applied.connect(applied.append)
    dirk_at = page.scene.nodes[ids["dirk"]].pos()
    source = view.mapFromScene(dirk_at)
    target = view.mapFromScene(page.scene.nodes[ids["bedrijf"]].pos())
    shift = Qt.KeyboardModifier.ShiftModifier
    left = Qt.MouseButton.LeftButton
    for kind, at, button, buttons in (
            (QEvent.Type.MouseButtonPress, source, left, left),
            (QEvent.Type.MouseMove, (source + target) / 2, Qt.MouseButton.NoButton, left),
            (QEvent.Type.MouseButtonRelease, target, left, Qt.MouseButton.NoButton)):
        QApplication.sendEvent(view.viewport(), QMouseEvent(
            kind, QPointF(at), QPointF(view.viewport().mapToGlobal(at)), button, buttons, shift))
    assert len(applied) == 1  # one journalled operation; the page reloaded from it
    assert page.scene.nodes[ids["dirk"]].pos() == dirk_at  # Shift-drag draws, not moves
    assert page.counts.values()["Relaties"] == "3"
    relation = next(e for e in page.drawing.plan.edges
                    if (e.source, e.target) == (ids["dirk"], ids["bedrijf"]))
    assert relation.kind == "relation" and relation.strength == 3
    page._context.signals.changes_applied.emit(undo(workspace))  # what Ctrl+Z does
    assert page.counts.values()["Relaties"] == "2"


def test_ego_view_and_how_to_reach(shown: Any) -> None:
    page, ids = shown
    messages: list[str] = []
    page._context.signals.status_message.connect(messages.append)
    page.focus_node(ids["dirk"])
    page.toolbar.steps.setValue(1)
    visible = {i.node.id for i in page.scene.visible_nodes()}
    assert visible == {ids["dirk"], ids["anna"], ids["prov"]}
    page.toolbar.steps.setValue(0)
    assert len(page.scene.visible_nodes()) == 10
    # from the dealmaker (Anna) to Cees: their warm relation
    assert page.reach("Cees") == [ids["anna"], ids["cees"]]
    assert messages[-1] == "Zo bereikt u Cees Regio: Anna Rijk → Cees Regio"
    assert {i.node.id for i in page.scene.selectedItems()} == {ids["anna"], ids["cees"]}
    assert page.reach("Bedrijf") == []
    assert messages[-1] == "Geen weg via relaties naar Bedrijf."
