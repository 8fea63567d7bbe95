"""The canvas: zoom with the wheel or +/-, pan by dragging the background or with the
arrow keys, 0 fits the plan in view; ``focus`` centres and selects one node; Shift-drag
from a person to another person or an organisation asks for a new relation."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from dealmaker.ui.connectieplan.items import NodeItem
from dealmaker.ui.connectieplan.linking import LinkDrag
from dealmaker.ui.connectieplan.scene import PlanScene

ZOOM_STEP = 1.2
MIN_SCALE, MAX_SCALE = 0.03, 6.0
PAN_STEP = 80


class PlanView(QGraphicsView):
    #: the user drew a relation from a person (first id) to a person or organisation
    relation_requested = Signal(str, str)

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
