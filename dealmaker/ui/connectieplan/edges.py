"""All edges of one style in one path item: 10,000 edges are a handful of items.

Moving a node rebuilds only the paths of the styles that touch it. Hit-testing an edge
would ask the model, not the scene (edges are not selectable).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from dealmaker.graph.model import Edge
from dealmaker.ui.connectieplan.look import edge_style, pen_for

Style = tuple[str, int, bool]


class EdgeLayer:
    def __init__(self, scene: QGraphicsScene, edges: list[Edge],
                 position: Callable[[str], QPointF | None]) -> None:
        self._position = position
        self._by_style: dict[Style, list[Edge]] = defaultdict(list)
        self._styles_of: dict[str, set[Style]] = defaultdict(set)
        for e in edges:
            style = edge_style(e)
            self._by_style[style].append(e)
            self._styles_of[e.source].add(style)
            self._styles_of[e.target].add(style)
        self.items: dict[Style, QGraphicsPathItem] = {}
        for style in sorted(self._by_style):
            item = QGraphicsPathItem()
            item.setPen(pen_for(style))
            item.setZValue(-1 if style[0] != "relatie" else 0)
            scene.addItem(item)
            self.items[style] = item
        self.rebuild()

    def rebuild(self, node_id: str | None = None) -> None:
        """Redraw every style, or only those touching ``node_id``."""
        styles = self._by_style if node_id is None else self._styles_of.get(node_id, set())
        for style in styles:
            path = QPainterPath()
            for e in self._by_style[style]:
                a, b = self._position(e.source), self._position(e.target)
                if a is None or b is None:
                    continue
                path.moveTo(a)
                path.lineTo(b)
            self.items[style].setPath(path)

    def drawn(self) -> int:
        """How many edges are drawn now (both ends visible)."""
        return sum(1 for edges in self._by_style.values() for e in edges
                   if self._position(e.source) is not None
                   and self._position(e.target) is not None)
