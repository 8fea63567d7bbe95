"""A node on the canvas: a cached shape whose label is painted only when zoomed in enough."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from dealmaker.graph.model import DEAL, OPGAVE, ORGANISATION, Node
from dealmaker.ui.connectieplan.look import node_colour, node_size

#: below this zoom level a node paints no label (2,000 labels far out are noise)
LABEL_LOD = 0.45
LABEL_FONT = QFont()
LABEL_FONT.setPointSizeF(8.5)


class NodeItem(QGraphicsItem):
    """A person (circle), organisation (rounded square), opgave (diamond) or deal."""

    def __init__(self, node: Node, moved: Callable[[NodeItem], None]) -> None:
        super().__init__()
        self.node = node
        self._moved = moved
        self._size = node_size(node)
        self._colour = node_colour(node)
        self._label = node.label if len(node.label) <= 30 else node.label[:28] + "…"
        metrics = QFontMetricsF(LABEL_FONT)
        self._label_width = metrics.horizontalAdvance(self._label)
        self._label_height = metrics.height()
        flags = (QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                 | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                 | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setFlags(flags)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(f"{node.label}\n{node.detail.replace('_', ' ')}".strip())
        self.setZValue(2 if node.kind in (OPGAVE, DEAL) else 1)

    def set_colour_mode(self, mode: str) -> None:
        colour = node_colour(self.node, mode)
        if colour != self._colour:
            self._colour = colour
            self.update()  # also drops the cached pixmap

    def boundingRect(self) -> QRectF:
        half = self._size / 2 + 2
        width = max(self._size + 4, self._label_width + 4)
        return QRectF(-width / 2, -half, width, self._size + 4 + self._label_height + 2)

    def shape_rect(self) -> QRectF:
        half = self._size / 2
        return QRectF(-half, -half, self._size, self._size)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.isSelected()
        painter.setPen(QPen(Qt.GlobalColor.black if selected else self._colour.darker(140),
                            2.0 if selected else 1.0))
        painter.setBrush(QBrush(self._colour))
        rect = self.shape_rect()
        if self.node.kind == OPGAVE:
            c, h = rect.center(), rect.width() / 2
            painter.drawPolygon(QPolygonF([QPointF(c.x(), c.y() - h), QPointF(c.x() + h, c.y()),
                                           QPointF(c.x(), c.y() + h), QPointF(c.x() - h, c.y())]))
        elif self.node.kind == ORGANISATION:
            painter.drawRoundedRect(rect, 4, 4)
        elif self.node.kind == DEAL:
            painter.drawRect(rect)
        else:
            painter.drawEllipse(rect)
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod >= LABEL_LOD or selected:
            painter.setFont(LABEL_FONT)
            painter.setPen(Qt.GlobalColor.black)
            painter.drawText(QRectF(-self._label_width / 2 - 2, rect.bottom() + 1,
                                    self._label_width + 4, self._label_height),
                             Qt.AlignmentFlag.AlignCenter, self._label)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self._moved(self)
        return value  # what the base class returns; calling it while the scene clears crashes
