"""Benchmark: the connectieplan graph at 2,000 nodes and 10,000 edges (issue 9).

Ours: ``graph.layout.force_layout`` (igraph Fruchterman-Reingold, seeded; target < 0.3 s)
and ``graph.brokers.betweenness`` (igraph; target < 0.5 s). Baseline, the same graph in
the same run: networkx's own ``spring_layout`` and ``betweenness_centrality``.
Also, when a demo workspace is given (--db), opening one deal's plan: read, analyse and
lay out (target < 300 ms).
Run: .venv/bin/python bench/bench_graph.py [--db PATH] [--nodes 2000 --edges 10000]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def timed(fn: Callable[[], Any], runs: int = 1) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def line(what: str, ours: float, base: float, target: float) -> None:
    verdict = "ok" if ours < target else "TE TRAAG"
    print(f"{what:<22} ours {ours * 1000:8.0f} ms   networkx {base * 1000:8.0f} ms   "
          f"ratio {base / ours:6.1f}x   (doel < {target * 1000:.0f} ms: {verdict})")


def graph_bench(n: int, m: int) -> None:
    import networkx as nx

    from dealmaker.graph.brokers import betweenness
    from dealmaker.graph.layout import force_layout

    g = nx.gnm_random_graph(n, m, seed=42)
    nodes = [str(v) for v in g.nodes]
    edges = [(str(a), str(b)) for a, b in g.edges]
    print(f"graaf: {_nl(len(nodes))} knopen, {_nl(len(edges))} kanten")
    ours = timed(lambda: force_layout(nodes, edges, seed=1), runs=3)
    base = timed(lambda: spring(g))
    line("layout", ours, base, 0.3)
    ours = timed(lambda: betweenness(nodes, edges), runs=3)
    base = timed(lambda: nx.betweenness_centrality(g))
    line("betweenness", ours, base, 0.5)


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


def plan_bench(db: Path) -> None:
    from dealmaker.graph.analysis import findings
    from dealmaker.graph.layout import connectieplan_layout
    from dealmaker.services.connectieplan import deal_choices, load_plan
    from dealmaker.storage.workspace import open_workspace

    ws = open_workspace(db)
    try:
        worst, name, size = 0.0, "", 0
        for deal in deal_choices(ws):
            start = time.perf_counter()
            plan = load_plan(ws, deal.id)
            findings(plan)
            connectieplan_layout(plan)
            took = time.perf_counter() - start
            if took > worst:
                worst, name, size = took, deal.name, len(plan.nodes)
        print(f"plan van één deal openen (traagste: {name}, {size} knopen): "
              f"{worst * 1000:.0f} ms (doel < 300 ms: {'ok' if worst < 0.3 else 'TE TRAAG'})")
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


if __name__ == "__main__":
    main()
