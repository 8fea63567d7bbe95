"""Findings across the plan: brokers (betweenness, by igraph), isolated partners and
ministries that matter to the deal but have no relation at all."""

from __future__ import annotations

from dealmaker.graph.finding import (
    BROKER,
    ISOLATED,
    MINISTRY_UNLINKED,
    Finding,
    units_below,
)
from dealmaker.graph.model import OPGAVE, OWNER, PARTY, PERSON, POSITION, RELATION, RIJK, Plan

#: at most this many brokers are named
TOP_BROKERS = 5


def betweenness(nodes: list[str], edges: list[tuple[str, str]]) -> dict[str, float]:
    """Normalised betweenness (as networkx's ``betweenness_centrality``), computed by igraph."""
    import igraph

    index = {n: i for i, n in enumerate(nodes)}
    g = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in edges])
    g.simplify()
    raw = g.betweenness(directed=False)
    n = len(nodes)
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    return {node: raw[i] * scale for i, node in enumerate(nodes)}


def relation_graph(plan: Plan) -> tuple[list[str], list[tuple[str, str]]]:
    """The nodes touched by relations (sorted) and the relation edges between them."""
    edges = [(e.source, e.target) for e in plan.edges
             if e.kind == RELATION and e.source != e.target]
    nodes = sorted({end for pair in edges for end in pair})
    return nodes, edges


def brokers(plan: Plan) -> list[tuple[str, float]]:
    """The persons with the highest betweenness in the relation network (above zero)."""
    kinds = {n.id: n.kind for n in plan.nodes}
    scores = betweenness(*relation_graph(plan))
    ranked = sorted(((s, node) for node, s in scores.items()
                     if s > 0 and kinds.get(node) == PERSON), key=lambda t: (-t[0], t[1]))
    return [(node, s) for s, node in ranked[:TOP_BROKERS]]


def plan_findings(plan: Plan) -> list[Finding]:
    nodes = plan.by_id()
    out = [Finding(BROKER, node, f"Makelaar: {nodes[node].label} verbindt mensen die elkaar "
                                 f"anders niet bereiken (betweenness {_num(score)})")
           for node, score in brokers(plan)]
    related = {end for e in plan.edges if e.kind == RELATION for end in (e.source, e.target)}
    positioned: dict[str, set[str]] = {}
    for e in plan.edges:
        if e.kind == POSITION:
            positioned.setdefault(e.target, set()).add(e.source)
    rijk_ends: set[str] = set()
    for e in plan.edges:
        if e.kind == RELATION:
            for a, b in ((e.source, e.target), (e.target, e.source)):
                if nodes.get(b) is not None and nodes[b].side == RIJK:
                    rijk_ends.add(a)
    # party edges run organisation -> deal
    parties = sorted({e.source for e in plan.edges if e.kind == PARTY and e.source in nodes},
                     key=lambda i: (nodes[i].label.casefold(), i))
    below = units_below(plan)
    owners = {e.source for e in plan.edges if e.kind == OWNER
              and nodes.get(e.target) is not None and nodes[e.target].kind == OPGAVE}
    for org_id in parties:
        org = nodes[org_id]
        if org.side != RIJK:
            people = positioned.get(org_id, set())
            if org_id not in rijk_ends and not people & rijk_ends:
                out.append(Finding(ISOLATED, org_id, f"{org.label}: geïsoleerde partner, "
                                                     "geen relatie met het Rijk"))
    for org_id in sorted(owners | {p for p in parties if nodes[p].side == RIJK},
                         key=lambda i: (nodes[i].label.casefold(), i)):
        org = nodes[org_id]
        if org.detail != "ministerie":
            continue
        units = below[org_id]
        people = set().union(*(positioned.get(u, set()) for u in units))
        if not (units | people) & related:
            out.append(Finding(MINISTRY_UNLINKED, org_id, f"{org.label}: relevant voor de "
                                                          "deal, maar geen enkele relatie"))
    return out


def _num(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")
