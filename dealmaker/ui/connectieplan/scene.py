"""The plan as a scene: node items at the layout's positions, edges as path layers, filters
(persons, side, theme, minimum strength, recency, ego view), colour mode, search, and the
nodes the user dragged (``nodes_moved``)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from PySide6.QtCore import QObject, QPointF, Signal
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneMouseEvent

from dealmaker.graph.model import OPGAVE, OWNER, PERSON, RELATION, WORKS_ON, Edge, Node
from dealmaker.services.connectieplan import PlanDrawing
from dealmaker.ui.connectieplan.edges import EdgeLayer
from dealmaker.ui.connectieplan.items import NodeItem
from dealmaker.ui.connectieplan.look import SIDE

Point = tuple[float, float]


@dataclass(frozen=True)
class Filter:
    show_persons: bool = True
    #: 'rijk', 'regio' or None (both)
    side: str | None = None
    #: a theme id: only relations about it and opgaven of it (None: every theme)
    theme: str | None = None
    #: relations and opgave links at least this strong
    min_strength: int = 1
    #: relations with a contact moment within this many days (None: any)
    recent_days: int | None = None
    today: date | None = None

    def node(self, node: Node) -> bool:
        return (self.show_persons or node.kind != PERSON) and (
            self.side is None or node.side in (None, self.side)) and (
            self.theme is None or node.kind != OPGAVE or node.theme == self.theme)

    def edge(self, e: Edge) -> bool:
        if e.kind == RELATION:
            if self.theme is not None and e.theme != self.theme:
                return False
            if self.recent_days is not None:
                since = (self.today or date.today()) - timedelta(days=self.recent_days)
                if e.last_contact is None or e.last_contact < since:
                    return False
        if e.kind in (RELATION, OWNER, WORKS_ON) and e.strength:
            return e.strength >= self.min_strength
        return True


class PlanScene(QGraphicsScene):
    #: nodes the user dragged: (positions before, positions after), by node id
    nodes_moved = Signal(dict, dict)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # no BSP index: nodes move (layout, drag); the index pays off only for still scenes
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.nodes: dict[str, NodeItem] = {}
        self.edges: EdgeLayer | None = None
        self.filter = Filter()
        self.colour_mode = SIDE
        #: ego view: only these nodes (None: all)
        self.only: set[str] | None = None
        self._pressed: dict[str, QPointF] = {}

    @property
    def show_persons(self) -> bool:
        return self.filter.show_persons

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
            item.set_colour_mode(self.colour_mode)
            x, y = drawing.positions.get(node.id, (0.0, 0.0))
            item.setPos(x, y)
            self.addItem(item)
            self.nodes[node.id] = item
        self.edges = EdgeLayer(self, drawing.plan.edges, self.position,
                               lambda e: self.filter.edge(e))
        self.apply_filter()

    def position(self, node_id: str) -> QPointF | None:
        item = self.nodes.get(node_id)
        return item.pos() if item is not None and item.isVisible() else None

    def set_filter(self, **changes: object) -> None:
        """Change some of the filter's fields (see ``Filter``) and apply it."""
        self.filter = replace(self.filter, **changes)  # type: ignore[arg-type]
        self.apply_filter()

    def set_colour_mode(self, mode: str) -> None:
        self.colour_mode = mode
        for item in self.nodes.values():
            item.set_colour_mode(mode)

    def apply_filter(self) -> None:
        for item in self.nodes.values():
            node = item.node
            item.setVisible(self.filter.node(node) and (self.only is None
                                                        or node.id in self.only))
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

    def place(self, positions: dict[str, Point]) -> None:
        """Put nodes at these positions (an undone or redone drag)."""
        for node_id, (x, y) in positions.items():
            item = self.nodes.get(node_id)
            if item is not None:
                item.setPos(x, y)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)  # selects the node under the mouse first
        self._pressed = {i.node.id: i.pos() for i in self.selectedItems()
                         if isinstance(i, NodeItem)}

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed = self._pressed, {}
        moved = {n: p for n, p in pressed.items() if n in self.nodes
                 and self.nodes[n].pos() != p}
        if moved:
            self.nodes_moved.emit({n: (p.x(), p.y()) for n, p in moved.items()},
                                  {n: (self.nodes[n].pos().x(), self.nodes[n].pos().y())
                                   for n in moved})

    def _moved(self, item: NodeItem) -> None:
        if self.edges is not None:
            self.edges.rebuild(item.node.id)
