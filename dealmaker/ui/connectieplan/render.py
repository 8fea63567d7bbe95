"""A deal's plan drawn by the canvas into a .png or .pdf (``dealmaker connectieplan``).

The same scene as on screen, rendered without a window (offscreen platform when no
display is set); the file is written beside the target and moved into place.
"""

from __future__ import annotations

import os
from pathlib import Path

from dealmaker.services.connectieplan import PlanDrawing
from dealmaker.services.connectieplan.export import check_target, drawing_of, write_whole
from dealmaker.storage.workspace import open_workspace

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
    from PySide6.QtCore import QRectF, QSizeF
    from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter

    from dealmaker.ui.connectieplan.scene import PlanScene

    scene = PlanScene()
    scene.show_drawing(drawing)
    for item in scene.nodes.values():  # vector shapes and text in the file, not pixmaps
        item.setCacheMode(item.CacheMode.NoCache)
    rect = scene.itemsBoundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)

    def png(tmp: Path) -> None:
        image = QImage(int(rect.width() * PNG_SCALE), int(rect.height() * PNG_SCALE),
                       QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        scene.render(painter, QRectF(image.rect()), rect)
        painter.end()
        if not image.save(str(tmp)):
            raise OSError(f"{out} kon niet worden geschreven")

    def pdf(tmp: Path) -> None:
        writer = QPdfWriter(str(tmp))
        writer.setTitle(f"Connectieplan {drawing.plan.title}")
        writer.setPageSize(QPageSize(QSizeF(rect.width(), rect.height()),
                                     QPageSize.Unit.Point))
        painter = QPainter(writer)
        scene.render(painter, QRectF(), rect)
        painter.end()

    write_whole(out, png if out.suffix.lower() == ".png" else pdf)
    scene.edges = None
    scene.clear()
