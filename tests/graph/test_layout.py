"""Layouts: the connectieplan columns (Rijk left, region right, opgaven between) and the
force-directed layout, both deterministic."""

from __future__ import annotations

import networkx as nx

from dealmaker.graph.layout import connectieplan_layout, force_layout, plan_force_layout
from graph.kit import sample


def test_connectieplan_layout_puts_rijk_left_region_right_opgaven_in_the_middle() -> None:
    plan = sample()
    pos = connectieplan_layout(plan)
    assert set(pos) == {n.id for n in plan.nodes}
    assert pos["BZK"][0] < pos["Regio"][0] < pos["Anna"][0] < pos["Wonen"][0]
    assert pos["Wonen"][0] == pos["Stikstof"][0] == 0
    assert pos["Cees"][0] > 0 and pos["Provincie"][0] > pos["Cees"][0]
    assert pos["deal"][1] < min(pos["Wonen"][1], pos["Stikstof"][1])
    # the directie sits beside the middle of its two persons
    assert pos["Regio"][1] == (pos["Anna"][1] + pos["Bart"][1]) / 2
    assert connectieplan_layout(sample()) == pos


def test_force_layout_is_deterministic_for_a_seed() -> None:
    g = nx.gnm_random_graph(200, 600, seed=3)
    nodes = [str(n) for n in g.nodes]
    edges = [(str(a), str(b)) for a, b in g.edges]
    first = force_layout(nodes, edges, seed=7)
    assert force_layout(nodes, edges, seed=7) == first
    assert force_layout(nodes, edges, seed=8) != first
    assert len(set(first.values())) == 200
    assert plan_force_layout(sample()) == plan_force_layout(sample())
