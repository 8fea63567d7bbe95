"""The plan as a scene: node items at the layout's positions, edges as path layers, filters
and search."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF
from PySide6.QtWidgets import QGraphicsScene

from dealmaker.graph.model import PERSON
from dealmaker.services.connectieplan import PlanDrawing
from dealmaker.ui.connectieplan.edges import EdgeLayer
from dealmaker.ui.connectieplan.items import NodeItem


class PlanScene(QGraphicsScene):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # no BSP index: nodes move (layout, drag); the index pays off only for still scenes
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.nodes: dict[str, NodeItem] = {}
        self.edges: EdgeLayer | None = None
        self.show_persons = True
        self.side: str | None = None
        #: ego view: only these nodes (None: all)
        self.only: set[str] | None = None

    def set_only(self, ids: set[str] | None) -> None:
        """Show only ``ids`` (the ego view of a node), or every node again (None)."""
        self.only = ids
        self.apply_filter()

    def show_drawing(self, drawing: PlanDrawing) -> None:
        # Edges first: clearing the scene reports item changes, which must not reach a
        # path item that is already gone.
        self.edges = None
        self.clear()
        self.nodes = {}
        self.only = None
        for node in drawing.plan.nodes:
            item = NodeItem(node, self._moved)
            x, y = drawing.positions.get(node.id, (0.0, 0.0))
            item.setPos(x, y)
            self.addItem(item)
            self.nodes[node.id] = item
        self.edges = EdgeLayer(self, drawing.plan.edges, self.position)
        self.apply_filter()

    def position(self, node_id: str) -> QPointF | None:
        item = self.nodes.get(node_id)
        return item.pos() if item is not None and item.isVisible() else None

    def set_filter(self, *, show_persons: bool | None = None, side: str | bool | None = False
                   ) -> None:
        """Show or hide persons; show one side only (``side``: 'rijk', 'regio' or None)."""
        if show_persons is not None:
            self.show_persons = show_persons
        if side is not False:
            self.side = side  # type: ignore[assignment]
        self.apply_filter()

    def apply_filter(self) -> None:
        for item in self.nodes.values():
            node = item.node
            visible = (self.show_persons or node.kind != PERSON) and (
                self.side is None or node.side in (None, self.side)) and (
                self.only is None or node.id in self.only)
            item.setVisible(visible)
        if self.edges is not None:
            self.edges.rebuild()

    def visible_nodes(self) -> list[NodeItem]:
        return [i for i in self.nodes.values() if i.isVisible()]

    def find(self, text: str) -> NodeItem | None:
        """The visible node whose name starts with, or else contains, ``text`` (case
        ignored), the shortest name first."""
        needle = text.strip().casefold()
        if not needle:
            return None
        hits = [i for i in self.visible_nodes() if needle in i.node.label.casefold()]
        hits.sort(key=lambda i: (not i.node.label.casefold().startswith(needle),
                                 len(i.node.label), i.node.label))
        return hits[0] if hits else None

    def _moved(self, item: NodeItem) -> None:
        if self.edges is not None:
            self.edges.rebuild(item.node.id)
