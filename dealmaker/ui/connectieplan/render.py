"""A deal's plan drawn by the canvas into a .png or .pdf (``dealmaker connectieplan``).

The same scene as on screen, rendered without a window (offscreen platform when no
display is set); the file is written beside the target and moved into place.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from dealmaker.services.connectieplan import PlanDrawing
from dealmaker.services.connectieplan.export import check_target, drawing_of, write_whole
from dealmaker.storage.workspace import open_workspace

if TYPE_CHECKING:
    from PySide6.QtCore import QRectF

    from dealmaker.ui.connectieplan.scene import PlanScene

MARGIN = 40.0
#: pixels per scene unit in a .png
PNG_SCALE = 1.5


def render_command(db: Path, deal: str, out: Path) -> int:
    check_target(out)
    with open_workspace(db) as ws:
        drawing = drawing_of(ws, deal)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    render_file(drawing, out)
    print(f"Connectieplan van {drawing.plan.title} geschreven naar {out}")
    return 0


def render_file(drawing: PlanDrawing, out: Path) -> None:
    from dealmaker.ui.connectieplan.scene import PlanScene

    scene = PlanScene()
    scene.show_drawing(drawing)
    write_scene(scene, out, f"Connectieplan {drawing.plan.title}")
    scene.edges = None
    scene.clear()


def write_scene(scene: PlanScene, out: Path, title: str) -> None:
    """The visible part of ``scene`` as .png or .pdf, whole or not at all."""
    from PySide6.QtCore import QRectF, QSizeF
    from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter

    rect = shown_rect(scene)
    cached = {item: item.cacheMode() for item in scene.nodes.values()}
    for item in cached:  # vector shapes and text in the file, not pixmaps
        item.setCacheMode(item.CacheMode.NoCache)
    if scene.edges is not None:
        scene.edges.set_smooth(True)

    def png(tmp: Path) -> None:
        image = QImage(max(1, int(rect.width() * PNG_SCALE)),
                       max(1, int(rect.height() * PNG_SCALE)), QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        scene.render(painter, QRectF(image.rect()), rect)
        painter.end()
        if not image.save(str(tmp)):
            raise OSError(f"{out} kon niet worden geschreven")

    def pdf(tmp: Path) -> None:
        writer = QPdfWriter(str(tmp))
        writer.setTitle(title)
        writer.setPageSize(QPageSize(QSizeF(rect.width(), rect.height()),
                                     QPageSize.Unit.Point))
        painter = QPainter(writer)
        scene.render(painter, QRectF(), rect)
        painter.end()

    try:
        write_whole(out, png if out.suffix.lower() == ".png" else pdf)
    finally:
        for item, mode in cached.items():
            item.setCacheMode(mode)
        if scene.edges is not None:
            scene.edges.set_smooth(scene.edges.smooth_on_screen)


def shown_rect(scene: PlanScene) -> QRectF:
    """The visible nodes with a margin (hidden ones are not drawn, so not framed)."""
    from PySide6.QtCore import QRectF

    rect = QRectF()
    for item in scene.visible_nodes():
        rect = rect.united(item.sceneBoundingRect())
    return rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
