"""Ego view and "hoe bereik ik …" on the page: both work on the plan already drawn."""

from __future__ import annotations

from dealmaker.graph.paths import ego, warm_path
from dealmaker.services.connectieplan import PlanDrawing
from dealmaker.ui.connectieplan.scene import PlanScene
from dealmaker.ui.connectieplan.toolbar import tr


def show_ego(scene: PlanScene, drawing: PlanDrawing | None, steps: int) -> None:
    """Only the nodes within ``steps`` of the selected node (0 or nothing selected: all)."""
    chosen = [i for i in scene.selectedItems() if hasattr(i, "node")]
    if drawing is None or steps == 0 or not chosen:
        scene.set_only(None)
        return
    scene.set_only(ego(drawing.plan, chosen[0].node.id, steps))


def reach(scene: PlanScene, drawing: PlanDrawing | None, text: str) -> tuple[list[str], str]:
    """Select the warmest path from the deal's dealmaker to the node found by ``text``;
    returns the path's node ids and one Dutch sentence about it."""
    if drawing is None:
        return [], tr("Er is nog geen connectieplan geladen.")
    target = scene.find(text)
    if target is None:
        return [], tr("Niets gevonden in dit connectieplan: {text}").format(text=text)
    start = drawing.plan.dealmaker_id
    if start is None or start not in scene.nodes:
        return [], tr("Deze deal heeft geen dealmaker in het plan om van uit te gaan.")
    path = warm_path(drawing.plan, start, target.node.id)
    if not path:
        return [], tr("Geen weg via relaties naar {name}.").format(name=target.node.label)
    scene.set_only(None)
    scene.clearSelection()
    for node_id in path:
        scene.nodes[node_id].setSelected(True)
    names = " → ".join(scene.nodes[n].node.label for n in path)
    return path, tr("Zo bereikt u {name}: {path}").format(name=target.node.label, path=names)
