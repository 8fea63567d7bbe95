"""Benchmark: the connectieplan graph at 2,000 nodes and 10,000 edges (issue 9).

Each figure is printed beside a baseline measured in the same run, with the ratio:
- layout: ``graph.layout.force_layout`` (igraph Fruchterman-Reingold, seeded; < 0.3 s)
  beside networkx's own ``spring_layout``;
- laid out and drawn: that layout, the canvas's scene built (``PlanScene``) and rendered
  once offscreen at 1280x800 (< 1 s), beside networkx's layout with the same drawing;
- betweenness: ``graph.brokers.betweenness`` (igraph; < 0.5 s) beside networkx's
  ``betweenness_centrality``;
- panning: the 2,000-node graph in the canvas, zoomed in, scrolled 40 times by a
  scripted scroll; each viewport repaint timed (max frame < 50 ms), beside a bare
  QGraphicsView holding 2,000 ellipse items and 10,000 line items;
- a demo deal's connectieplan opening (read, analyse, lay out, draw in the scene;
  < 300 ms), beside networkx's spring layout and betweenness of the same plan.
Run: .venv/bin/python bench/bench_graph.py [--db PATH] [--nodes 2000 --edges 10000]
(without --db a small demo workspace is made in a temporary folder).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def timed(fn: Callable[[], Any], runs: int = 1) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def line(what: str, ours: float, base: float, target: float, base_name: str = "networkx"
         ) -> None:
    verdict = "ok" if ours < target else "TE TRAAG"
    print(f"{what:<24} ours {ours * 1000:8.1f} ms   {base_name} {base * 1000:8.1f} ms   "
          f"ratio {base / ours:6.1f}x   (doel < {target * 1000:.0f} ms: {verdict})")


def spring(g: Any) -> Any:
    """networkx's spring layout; without scipy (not a dependency), networkx's own dense
    Fruchterman-Reingold, which is what ``spring_layout`` runs below 500 nodes."""
    import networkx as nx

    try:
        import scipy  # noqa: F401
    except ImportError:
        from networkx.drawing.layout import _fruchterman_reingold

        return _fruchterman_reingold(nx.to_numpy_array(g), seed=1)
    return nx.spring_layout(g, seed=1)


def _nl(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def random_plan(n: int, m: int) -> tuple[Any, Any]:
    """A networkx graph and the same graph as a ``Plan`` of persons on both sides."""
    import networkx as nx

    from dealmaker.graph.model import PERSON, REGIO, RELATION, RIJK, Edge, Node, Plan

    g = nx.gnm_random_graph(n, m, seed=42)
    nodes = [Node(str(v), PERSON, f"Persoon {v}", side=RIJK if v % 2 else REGIO)
             for v in g.nodes]
    edges = [Edge(str(a), str(b), RELATION, strength=1 + (a + b) % 5, cold=(a * b) % 3 == 0)
             for a, b in g.edges]
    return g, Plan(nodes, edges, title="bench")


def draw(plan: Any, positions: dict[str, tuple[float, float]], app: Any) -> Any:
    """Build the canvas's scene and render one 1280x800 frame offscreen."""
    from PySide6.QtGui import QImage, QPainter

    from dealmaker.services.connectieplan import FORCE, PlanDrawing
    from dealmaker.ui.connectieplan.scene import PlanScene

    scene = PlanScene()
    scene.show_drawing(PlanDrawing(plan, positions, [], FORCE))
    image = QImage(1280, 800, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    scene.render(painter)
    painter.end()
    return scene


def graph_bench(n: int, m: int) -> None:
    import networkx as nx
    from PySide6.QtWidgets import QApplication

    from dealmaker.graph.brokers import betweenness
    from dealmaker.graph.layout import force_layout

    app = QApplication.instance() or QApplication([])
    g, plan = random_plan(n, m)
    nodes = [n.id for n in plan.nodes]
    edges = [(e.source, e.target) for e in plan.edges]
    print(f"graaf: {_nl(len(nodes))} knopen, {_nl(len(edges))} kanten")
    ours = timed(lambda: force_layout(nodes, edges, seed=1), runs=3)
    if os.environ.get("BENCH_GRAPH_PAN_ONLY"):
        pan_bench(plan, force_layout(nodes, edges, seed=1), app)
        raise SystemExit(0)
    started = time.perf_counter()
    raw = spring(g)
    base = time.perf_counter() - started
    line("layout", ours, base, 0.3)
    nx_positions = {str(v): (float(raw[i][0]) * 1000, float(raw[i][1]) * 1000)
                    for i, v in enumerate(g.nodes)} if not isinstance(raw, dict) else {
        str(v): (float(p[0]) * 1000, float(p[1]) * 1000) for v, p in raw.items()}
    ours = timed(lambda: draw(plan, force_layout(nodes, edges, seed=1), app), runs=3)
    drawn_base = base + timed(lambda: draw(plan, nx_positions, app))
    line("layout en getekend", ours, drawn_base, 1.0)
    ours = timed(lambda: betweenness(nodes, edges), runs=3)
    base = timed(lambda: nx.betweenness_centrality(g))
    line("betweenness", ours, base, 0.5)
    pan_bench(plan, force_layout(nodes, edges, seed=1), app)


def _frames(view: Any, app: Any, steps: int = 40, *, full: bool = False,
            clock: Callable[[], float] = time.perf_counter) -> list[float]:
    """Scroll the view by 40 pixels at a time (a hand dragging the canvas) and time each
    frame: the scroll and the viewport repaint it causes (``full``: the whole viewport
    repainted, as after a zoom)."""
    bar = view.horizontalScrollBar()
    vbar = view.verticalScrollBar()
    bar.setValue((bar.minimum() + bar.maximum()) // 3)
    vbar.setValue((vbar.minimum() + vbar.maximum()) // 2)
    app.processEvents()
    times = []
    for i in range(steps):
        started = clock()
        bar.setValue(bar.value() + (40 if i % 20 < 10 else -40))
        vbar.setValue(vbar.value() + (20 if i % 10 < 5 else -20))
        if full:
            view.viewport().repaint()
        else:
            app.processEvents()
        times.append(clock() - started)
    return times


def pan_bench(plan: Any, positions: dict[str, tuple[float, float]], app: Any) -> None:
    from PySide6.QtGui import QPainter, QPen
    from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

    from dealmaker.services.connectieplan import FORCE, PlanDrawing
    from dealmaker.ui.connectieplan.scene import PlanScene
    from dealmaker.ui.connectieplan.view import PlanView

    scene = PlanScene()
    scene.show_drawing(PlanDrawing(plan, positions, [], FORCE))
    view = PlanView(scene)
    view.resize(1280, 800)
    view.show()
    view.fit()
    view.zoom(4.0)  # zoomed in enough that labels are painted
    app.processEvents()
    ours = _frames(view, app)
    ours_cpu = _frames(view, app, clock=time.thread_time)
    ours_full = _frames(view, app, full=True)
    bare = QGraphicsScene()
    bare.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
    pen = QPen()
    pen.setCosmetic(True)
    for e in plan.edges:
        (x1, y1), (x2, y2) = positions[e.source], positions[e.target]
        bare.addLine(x1, y1, x2, y2, pen)
    for node_id, (x, y) in positions.items():
        bare.addEllipse(x - 7, y - 7, 14, 14).setToolTip(node_id)
    bare_view = QGraphicsView(bare)
    bare_view.setRenderHint(QPainter.RenderHint.Antialiasing)
    bare_view.resize(1280, 800)
    bare_view.show()
    bare_view.setTransform(view.transform())
    app.processEvents()
    base = _frames(bare_view, app)
    base_cpu = _frames(bare_view, app, clock=time.thread_time)
    base_full = _frames(bare_view, app, full=True)
    print(f"  (belasting van de machine: {os.getloadavg()[0]:.1f} op {os.cpu_count()} "
          "kernen; 'cpu' telt alleen de rekentijd van de UI-draad, zonder wachten op de cpu)")
    for what, mine, bare_times, target in (("pannen (beeld)", ours, base, 0.05),
                                           ("pannen (cpu)", ours_cpu, base_cpu, 0.05),
                                           ("hele viewport", ours_full, base_full, None)):
        mine.sort()
        bare_times.sort()
        verdict = "" if target is None else (
            f"   (doel: geen beeld > 50 ms: {'ok' if mine[-1] < target else 'TE TRAAG'})")
        print(f"{what:<24} ours max {mine[-1] * 1000:6.1f} ms, mediaan "
              f"{mine[len(mine) // 2] * 1000:5.1f} ms   kale QGraphicsView max "
              f"{bare_times[-1] * 1000:6.1f} ms   ratio {bare_times[-1] / mine[-1]:5.1f}x"
              + verdict)
    view.close()
    bare_view.close()


def plan_bench(db: Path) -> None:
    import networkx as nx
    from PySide6.QtWidgets import QApplication

    from dealmaker.graph.model import to_networkx
    from dealmaker.services.connectieplan import deal_choices, draw_plan
    from dealmaker.storage.workspace import open_workspace
    from dealmaker.ui.connectieplan.scene import PlanScene

    app = QApplication.instance() or QApplication([])
    ws = open_workspace(db)
    try:
        scene = PlanScene()
        worst, name, size, plan = 0.0, "", 0, None
        for deal in deal_choices(ws):
            start = time.perf_counter()
            drawing = draw_plan(ws, deal.id)
            scene.show_drawing(drawing)
            app.processEvents()
            took = time.perf_counter() - start
            if took > worst:
                worst, name, size, plan = took, deal.name, len(drawing.plan.nodes), drawing.plan
        assert plan is not None
        g = to_networkx(plan)
        base = timed(lambda: (spring(g), nx.betweenness_centrality(g)))
        line(f"plan openen ({size} kn.)", worst, base, 0.3)
        print(f"  (traagste deal: {name}; networkx: spring layout en betweenness van "
              "hetzelfde plan)")
    finally:
        ws.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=10_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    graph_bench(args.nodes, args.edges)
    if args.db is not None:
        plan_bench(args.db)
        return
    from dealmaker.services.demo import create_demo

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.dealmaker"
        create_demo(db)
        plan_bench(db)


if __name__ == "__main__":
    main()
