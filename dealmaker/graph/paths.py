"""Ego view and "hoe bereik ik ...": the shortest warm path through relations."""

from __future__ import annotations

from typing import Any

from dealmaker.graph.model import POSITION, RELATION, Plan, to_networkx

#: a cold relation counts as this many extra steps
COLD_PENALTY = 4


def ego(plan: Plan, node_id: str, radius: int = 1) -> set[str]:
    """The nodes within ``radius`` steps (1 to 3) of ``node_id``, itself included."""
    import networkx as nx

    g = to_networkx(plan)
    if node_id not in g:
        return set()
    return set(nx.single_source_shortest_path_length(g, node_id, cutoff=max(1, min(radius, 3))))


def warm_path(plan: Plan, source: str, target: str) -> list[str]:
    """The person-to-person path along relations that is warmest (strong, recent) and short;
    empty when there is none. Steps through organisations (positions) are allowed."""
    import networkx as nx

    g = to_networkx(plan)
    if source not in g or target not in g:
        return []

    def cost(_a: Any, _b: Any, data: dict[str, Any]) -> float | None:
        if data["kind"] == POSITION:
            return 3.0
        if data["kind"] != RELATION:
            return None  # no shortcuts through a deal, an opgave or the hierarchy
        return 1.0 + (5 - int(data["strength"])) * 0.5 + (COLD_PENALTY if data["cold"] else 0)

    try:
        return list(nx.dijkstra_path(g, source, target, weight=cost))
    except nx.NetworkXNoPath:
        return []
