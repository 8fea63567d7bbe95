"""Two layouts, both deterministic: the connectieplan columns and force-directed (igraph).

Connectieplan: the Rijk on the left (ministry > DG > directie > persons, as a tidy tree
whose parents sit beside the middle of their children), the region on the right
(organisations beside their persons), the deal's opgaven in the middle, ordered by where
the people working on them are, and the deal above them. Positions are scene pixels.
"""

from __future__ import annotations

import math
import random
import threading
from collections import defaultdict
from collections.abc import Sequence

from dealmaker.graph.model import DEAL, OPGAVE, ORGANISATION, PERSON, REGIO, RIJK, Node, Plan

Positions = dict[str, tuple[float, float]]
_RNG_LOCK = threading.Lock()
COLUMN = 230.0
ROW = 34.0
#: x of each column, in units of COLUMN
RIJK_TOP, RIJK_STEP, RIJK_PERSON, REGIO_PERSON, REGIO_ORG = -5.0, 0.95, -1.2, 1.2, 2.4


def connectieplan_layout(plan: Plan) -> Positions:
    pos: Positions = {}
    rijk_rows = _tree_side(plan, RIJK, pos)
    regio_rows = _tree_side(plan, REGIO, pos)
    height = max(rijk_rows, regio_rows, 1) * ROW
    neighbours: dict[str, list[str]] = defaultdict(list)
    for e in plan.edges:
        neighbours[e.source].append(e.target)
        neighbours[e.target].append(e.source)

    def centre(n: Node) -> float:
        ys = [pos[m][1] for m in neighbours[n.id] if m in pos]
        return sum(ys) / len(ys) if ys else height / 2

    middle = sorted((n for n in plan.nodes if n.kind == OPGAVE or
                     (n.kind not in (DEAL,) and n.id not in pos)),
                    key=lambda n: (centre(n), n.label.casefold(), n.id))
    gap = max(height / (len(middle) + 1), ROW * 1.5)
    top = (height - gap * (len(middle) - 1)) / 2
    for i, n in enumerate(middle):
        pos[n.id] = (0.0, top + i * gap)
    for k, n in enumerate(n for n in plan.nodes if n.kind == DEAL):
        pos[n.id] = (0.0, min((p[1] for p in pos.values()), default=0.0) - 3 * ROW - k * ROW)
    return pos


def _tree_side(plan: Plan, side: str, pos: Positions) -> int:
    """Place one side's organisations and persons; return the number of rows used."""
    nodes = {n.id: n for n in plan.nodes if n.side == side and n.kind in (PERSON, ORGANISATION)}
    children: dict[str | None, list[Node]] = defaultdict(list)
    for n in nodes.values():
        parent = n.parent if n.parent in nodes else None
        children[parent].append(n)
    for group in children.values():  # persons first, then sub-units; each by name
        group.sort(key=lambda n: (n.kind != PERSON, n.label.casefold(), n.id))
    row = 0
    roots = sorted(children[None], key=lambda n: (n.kind == PERSON, n.detail, n.label.casefold(),
                                                   n.id))

    def place(n: Node, depth: int) -> float:
        nonlocal row
        ys = [place(c, depth + 1) for c in children.get(n.id, [])]
        if ys:
            y = sum(ys) / len(ys)
        else:
            y = row * ROW
            row += 1
        pos[n.id] = (_x(n, side, depth) * COLUMN, y)
        return y

    for root in roots:
        place(root, 0)
    return row


def _x(n: Node, side: str, depth: int) -> float:
    if side == RIJK:
        return RIJK_PERSON if n.kind == PERSON else RIJK_TOP + RIJK_STEP * min(depth, 3)
    return REGIO_PERSON if n.kind == PERSON else REGIO_ORG


def force_layout(nodes: Sequence[str], edges: Sequence[tuple[str, str]], *, seed: int = 1,
                 iterations: int = 300) -> Positions:
    """Fruchterman-Reingold by igraph from seeded start positions: the same input and seed
    give the same positions. Scaled so that nodes sit about 60 pixels apart."""
    import igraph

    index = {n: i for i, n in enumerate(nodes)}
    n = len(nodes)
    if n == 0:
        return {}
    rnd = random.Random(seed)
    spread = math.sqrt(n)
    # igraph's own start square: a wider one makes every iteration slower (grid cells)
    start = [[rnd.uniform(-spread / 2, spread / 2), rnd.uniform(-spread / 2, spread / 2)]
             for _ in range(n)]
    g = igraph.Graph(n=n, edges=[(index[a], index[b]) for a, b in edges
                                 if a in index and b in index and a != b])
    with _RNG_LOCK:  # igraph draws from one process-wide generator: seed it, then restore
        igraph.set_random_number_generator(random.Random(seed))
        try:
            coords = g.layout_fruchterman_reingold(seed=start, niter=iterations, grid="auto")
        finally:
            igraph.set_random_number_generator(random)
    xs = [c[0] for c in coords]
    ys = [c[1] for c in coords]
    width = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    scale = 60.0 * spread / width * 1.6
    return {node: ((coords[i][0] - min(xs)) * scale, (coords[i][1] - min(ys)) * scale)
            for node, i in index.items()}


def plan_force_layout(plan: Plan, *, seed: int = 1) -> Positions:
    return force_layout([n.id for n in plan.nodes],
                        [(e.source, e.target) for e in plan.edges], seed=seed)
