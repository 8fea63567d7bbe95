"""All edges of one style in one item: 10,000 edges are a handful of items.

Moving a node rebuilds only the paths of the styles that touch it. Edges are not items,
so a click on an edge asks this layer (``edge_at``), not the scene.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from dealmaker.graph.model import Edge
from dealmaker.ui.connectieplan.look import edge_style, pen_for

Style = tuple[str, int, bool]
#: a plan with more edges than this is drawn on screen without antialiasing: smooth
#: wide lines cost twice the time per frame, and a frame must stay under 50 ms while
#: panning 10,000 edges (files and prints are always smooth)
SMOOTH_UP_TO = 3000


class EdgeBundle(QGraphicsItem):
    """The edges of one style as straight lines, drawn in one ``drawLines`` call (much
    cheaper than stroking one big path). A repaint draws only the lines that cross the
    exposed rectangle (panning exposes a strip), found with numpy; dashed lines are cut
    to it, because Qt strokes a wide dashed line over its whole length."""

    def __init__(self, pen: QPen) -> None:
        super().__init__()
        self.pen = pen
        self._dashed = pen.style() != Qt.PenStyle.SolidLine
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.lines: list[QLineF] = []
        self.smooth = True
        self._coords: Any = None  # numpy (n, 4), made at the first paint
        self._rect = QRectF()

    def set_lines(self, lines: list[QLineF]) -> None:
        self.prepareGeometryChange()
        self.lines = lines
        self._coords = None
        rect = QRectF()
        if lines:
            xs = [v for line in lines for v in (line.x1(), line.x2())]
            ys = [v for line in lines for v in (line.y1(), line.y2())]
            rect = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        self._rect = rect.adjusted(-4, -4, 4, 4)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if not self.lines:
            return
        import numpy as np

        if self._coords is None:
            self._coords = np.array([(ln.x1(), ln.y1(), ln.x2(), ln.y2())
                                     for ln in self.lines], dtype=float)
        keep, t0, t1 = _crossing(self._coords, option.exposedRect)
        if not keep.any():
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, self.smooth)
        painter.setPen(self.pen)
        if not self._dashed:
            painter.drawLines([self.lines[i] for i in np.flatnonzero(keep)])
            return
        # each cut starts a whole number of dash periods from its line's start, so the
        # dashes do not crawl while panning
        scale = max(painter.worldTransform().m11(), 1e-9)
        period = sum(self.pen.dashPattern()) * max(self.pen.widthF(), 1.0) / scale
        c = self._coords[keep]
        dx, dy = c[:, 2] - c[:, 0], c[:, 3] - c[:, 1]
        length = np.hypot(dx, dy)
        start = np.where(length > 0, np.floor(t0[keep] * length / period) * period
                         / np.maximum(length, 1e-12), 0.0)
        end = t1[keep]
        painter.drawLines([QLineF(a, b, x, y) for a, b, x, y in zip(
            c[:, 0] + start * dx, c[:, 1] + start * dy, c[:, 0] + end * dx,
            c[:, 1] + end * dy, strict=True)])


def _crossing(c: Any, rect: QRectF) -> tuple[Any, Any, Any]:
    """Liang-Barsky over all lines at once: (crosses ``rect``, t entering, t leaving)."""
    import numpy as np

    x1, y1 = c[:, 0], c[:, 1]
    dx, dy = c[:, 2] - x1, c[:, 3] - y1
    t0 = np.zeros(len(c))
    t1 = np.ones(len(c))
    keep = np.ones(len(c), dtype=bool)
    for p, q in ((-dx, x1 - rect.left()), (dx, rect.right() - x1),
                 (-dy, y1 - rect.top()), (dy, rect.bottom() - y1)):
        keep &= ~((p == 0) & (q < 0))
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.where(p != 0, q / np.where(p != 0, p, 1.0), 0.0)
        t0 = np.where(p < 0, np.maximum(t0, t), t0)
        t1 = np.where(p > 0, np.minimum(t1, t), t1)
    return keep & (t0 <= t1), t0, t1


class EdgeLayer:
    def __init__(self, scene: QGraphicsScene, edges: list[Edge],
                 position: Callable[[str], QPointF | None],
                 shown: Callable[[Edge], bool] = lambda _e: True) -> None:
        self._position = position
        self._shown = shown
        self._by_style: dict[Style, list[Edge]] = defaultdict(list)
        self._styles_of: dict[str, set[Style]] = defaultdict(set)
        for e in edges:
            style = edge_style(e)
            self._by_style[style].append(e)
            self._styles_of[e.source].add(style)
            self._styles_of[e.target].add(style)
        self.items: dict[Style, EdgeBundle] = {}
        for style in sorted(self._by_style):
            item = EdgeBundle(pen_for(style))
            item.setZValue(-1 if style[0] == "structuur" else 0)
            scene.addItem(item)
            self.items[style] = item
        self.smooth_on_screen = len(edges) <= SMOOTH_UP_TO
        self.set_smooth(self.smooth_on_screen)
        self.rebuild()

    def set_smooth(self, smooth: bool) -> None:
        """Antialiased lines (always for a file or a print)."""
        for item in self.items.values():
            if item.smooth != smooth:
                item.smooth = smooth
                item.update()

    def _ends(self, e: Edge) -> tuple[QPointF, QPointF] | None:
        a, b = self._position(e.source), self._position(e.target)
        if a is None or b is None or not self._shown(e):
            return None
        return a, b

    def rebuild(self, node_id: str | None = None) -> None:
        """Redraw every style, or only those touching ``node_id``."""
        styles = self._by_style if node_id is None else self._styles_of.get(node_id, set())
        for style in styles:
            lines = []
            for e in self._by_style[style]:
                ends = self._ends(e)
                if ends is not None:
                    lines.append(QLineF(*ends))
            self.items[style].set_lines(lines)

    def visible_edges(self) -> list[Edge]:
        return [e for edges in self._by_style.values() for e in edges
                if self._ends(e) is not None]

    def drawn(self) -> int:
        """How many edges are drawn now (both ends visible, not filtered out)."""
        return len(self.visible_edges())

    def edge_at(self, at: QPointF, tolerance: float) -> Edge | None:
        """The drawn edge nearest to ``at`` (scene units) within ``tolerance``; an edge the
        user can edit wins over structure (a right click is for editing)."""
        best: tuple[int, float, Edge] | None = None
        for e in self.visible_edges():
            a, b = self._position(e.source), self._position(e.target)
            assert a is not None and b is not None
            d = _distance(at, a, b)
            if d <= tolerance:
                key = (0 if e.editable else 1, d, e)
                if best is None or key[:2] < best[:2]:
                    best = key
        return None if best is None else best[2]


def _distance(p: QPointF, a: QPointF, b: QPointF) -> float:
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p.x() - a.x()) * dx
                                                   + (p.y() - a.y()) * dy) / length))
    cx, cy = a.x() + t * dx, a.y() + t * dy
    return float(((p.x() - cx) ** 2 + (p.y() - cy) ** 2) ** 0.5)
