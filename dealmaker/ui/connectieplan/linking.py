"""Drawing a relation: Shift-drag from a person or organisation onto another person,
organisation or opgave (an opgave onto a person or organisation works too).

While dragging, a dashed line follows the mouse; on release over a valid target the
``requested`` callback receives (source id, target id). Anything else cancels.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsView

from dealmaker.graph.model import OPGAVE, ORGANISATION, PERSON
from dealmaker.ui.connectieplan.items import NodeItem


class LinkDrag:
    def __init__(self, view: QGraphicsView, requested: Callable[[str, str], None]) -> None:
        self._view = view
        self._requested = requested
        self._source: NodeItem | None = None
        self._line: QGraphicsLineItem | None = None

    @property
    def active(self) -> bool:
        return self._source is not None

    def node_at(self, at: QPointF) -> NodeItem | None:
        for item in self._view.items(at.toPoint()):
            if isinstance(item, NodeItem):
                return item
        return None

    def start(self, at: QPointF) -> bool:
        """Begin at the person under ``at`` (view coordinates); False if there is none."""
        node = self.node_at(at)
        if node is None or node.node.kind not in (PERSON, ORGANISATION, OPGAVE):
            return False
        self._source = node
        pen = QPen(Qt.GlobalColor.darkGreen, 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self._line = self._view.scene().addLine(QLineF(node.pos(), node.pos()), pen)
        return True

    def move(self, at: QPointF) -> None:
        if self._source is not None and self._line is not None:
            self._line.setLine(QLineF(self._source.pos(), self._view.mapToScene(at.toPoint())))

    def finish(self, at: QPointF) -> None:
        source, self._source = self._source, None
        if self._line is not None:
            self._view.scene().removeItem(self._line)
            self._line = None
        target = self.node_at(at)
        if source is None or target is None or target is source or \
                target.node.kind not in (PERSON, ORGANISATION, OPGAVE) or \
                source.node.kind == target.node.kind == OPGAVE:
            return
        self._requested(source.node.id, target.node.id)
