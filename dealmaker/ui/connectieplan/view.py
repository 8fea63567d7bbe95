"""The canvas: zoom with the wheel or +/-, pan by dragging the background or with the
arrow keys, 0 fits the plan in view; ``focus`` centres and selects one node; Shift-drag
from a person to another person or an organisation asks for a new relation."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from dealmaker.ui.connectieplan.items import NodeItem
from dealmaker.ui.connectieplan.linking import LinkDrag
from dealmaker.ui.connectieplan.scene import PlanScene

ZOOM_STEP = 1.2
MIN_SCALE, MAX_SCALE = 0.03, 6.0
PAN_STEP = 80


class PlanView(QGraphicsView):
    #: the user drew a relation from a node (first id) to another
    relation_requested = Signal(str, str)
    #: right click on a node: (node id, global position)
    node_menu_requested = Signal(str, QPoint)
    #: right click on (near) an edge: (the Edge, global position)
    edge_menu_requested = Signal(object, QPoint)

    def __init__(self, scene: PlanScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.plan_scene = scene
        self.linking = LinkDrag(self, self.relation_requested.emit)
        self.setObjectName("connectieplanCanvas")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlags(QGraphicsView.OptimizationFlag.DontSavePainterState
                                  | QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(320, 240)
        self.setAccessibleName(self.tr("Connectieplan-tekening"))

    def sizeHint(self) -> QSize:
        """Small: the page frame gives the canvas whatever height is left (a large hint
        would make the whole page taller than a 768-pixel window)."""
        return QSize(480, 260)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Panning in both directions exposes two strips; Qt would clip every line of the
        whole viewport against that two-part region, which is slow. Paint each strip on
        its own (a plain rectangle clip, cheap)."""
        region = event.region()
        if region.rectCount() <= 1:
            super().paintEvent(event)
            return
        for rect in list(region):  # type: ignore[call-overload]  # (its rectangles)
            super().paintEvent(QPaintEvent(rect))

    def zoom(self, factor: float) -> None:
        scale = self.transform().m11()
        factor = max(MIN_SCALE / scale, min(MAX_SCALE / scale, factor))
        self.scale(factor, factor)

    def fit(self) -> None:
        """Fit the visible nodes in view (with a margin)."""
        rect = QRectF()
        for item in self.plan_scene.visible_nodes():
            rect = rect.united(item.sceneBoundingRect())
        if rect.isEmpty():
            return
        self.setSceneRect(rect.adjusted(-2000, -2000, 2000, 2000))
        self.fitInView(rect.adjusted(-40, -40, 40, 40), Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() > 1.5:  # a tiny plan is not blown up
            self.resetTransform()
            self.centerOn(rect.center())

    def focus(self, item: NodeItem) -> None:
        """Select ``item`` alone and bring it to the middle, zoomed in enough to read."""
        self.plan_scene.clearSelection()
        item.setSelected(True)
        if self.transform().m11() < 0.9:
            self.resetTransform()
        self.centerOn(item)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if (event.button() == Qt.MouseButton.LeftButton
                and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                and self.linking.start(event.position())):
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.linking.active:
            self.linking.move(event.position())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.linking.active:
            self.linking.finish(event.position())
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        node = self.linking.node_at(event.pos().toPointF())
        if node is not None:
            self.node_menu_requested.emit(node.node.id, event.globalPos())
            return
        edge = self.edge_at(event.pos())
        if edge is not None:
            self.edge_menu_requested.emit(edge, event.globalPos())

    def edge_at(self, at: QPoint) -> object:
        """The edge under ``at`` (viewport pixels), within 6 pixels."""
        layer = self.plan_scene.edges
        if layer is None:
            return None
        return layer.edge_at(self.mapToScene(at), 6.0 / max(self.transform().m11(), 1e-6))

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP ** steps)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        bars = {Qt.Key.Key_Left: (self.horizontalScrollBar(), -1),
                Qt.Key.Key_Right: (self.horizontalScrollBar(), 1),
                Qt.Key.Key_Up: (self.verticalScrollBar(), -1),
                Qt.Key.Key_Down: (self.verticalScrollBar(), 1)}
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.fit()
        elif key in bars:
            bar, sign = bars[key]
            bar.setValue(bar.value() + sign * PAN_STEP)
        else:
            super().keyPressEvent(event)
