"""Exporteren and Afdrukken of the view as it is on screen: the nodes and edges the
filters leave, where the user put them. PNG and PDF are drawn by the canvas; SVG is
written without Qt (names as text) from the same nodes, edges and positions."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from dealmaker.services.connectieplan import PlanDrawing
from dealmaker.services.connectieplan.export import write_whole
from dealmaker.services.connectieplan.svg import write_svg
from dealmaker.ui.connectieplan.render import shown_rect, write_scene
from dealmaker.ui.connectieplan.scene import PlanScene
from dealmaker.ui.connectieplan.toolbar import tr

FILTERS = {".png": "PNG-afbeelding (*.png)", ".svg": "SVG-tekening (*.svg)",
           ".pdf": "PDF-document (*.pdf)"}


def shown_drawing(scene: PlanScene, drawing: PlanDrawing) -> PlanDrawing:
    """The drawing as shown: visible nodes at their current places, drawn edges only."""
    visible = {i.node.id for i in scene.visible_nodes()}
    edges = scene.edges.visible_edges() if scene.edges is not None else []
    plan = replace(drawing.plan, nodes=[n for n in drawing.plan.nodes if n.id in visible],
                   edges=edges)
    positions = {n: (scene.nodes[n].pos().x(), scene.nodes[n].pos().y()) for n in visible}
    return replace(drawing, plan=plan, positions=positions)


def export_view(scene: PlanScene, drawing: PlanDrawing, out: Path) -> None:
    """Write the view to ``out``; the suffix (.png, .svg, .pdf) picks the format."""
    suffix = out.suffix.lower()
    if suffix not in FILTERS:
        raise ValueError(tr("Kies .png, .svg of .pdf; er is niets geschreven."))
    if suffix == ".svg":
        shown = shown_drawing(scene, drawing)
        write_whole(out, lambda tmp: write_svg(shown, tmp))
    else:
        write_scene(scene, out, f"Connectieplan {drawing.plan.title}")


def ask_target(parent: QWidget, suffix: str, title: str) -> Path | None:
    name = f"Connectieplan {title}{suffix}".replace("/", "-")
    path, _chosen = QFileDialog.getSaveFileName(parent, tr("Connectieplan exporteren"),
                                                name, FILTERS[suffix])
    if not path:
        return None
    out = Path(path)
    return out if out.suffix.lower() == suffix else out.with_name(out.name + suffix)


def print_view(scene: PlanScene, printer: QPrinter) -> None:
    """Draw the view on ``printer``'s page, as large as fits."""
    for item in scene.nodes.values():
        item.setCacheMode(item.CacheMode.NoCache)
    if scene.edges is not None:
        scene.edges.set_smooth(True)
    painter = QPainter(printer)
    try:
        scene.render(painter, QRectF(), shown_rect(scene))
    finally:
        painter.end()
        for item in scene.nodes.values():
            item.setCacheMode(item.CacheMode.DeviceCoordinateCache)
        if scene.edges is not None:
            scene.edges.set_smooth(scene.edges.smooth_on_screen)


def ask_print(parent: QWidget, scene: PlanScene, title: str) -> bool:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(f"Connectieplan {title}")
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    print_view(scene, printer)
    return True
