"""Findings per opgave: who owns it at the Rijk, who works on it on each side, how warm.

An opgave's owners are the Rijk units and persons with an ``owner`` edge to it. Its Rijk
side is those owners, the Rijk persons and units working on it, every unit below an
owning or working unit, the persons positioned in any of those units and the
organisation of each person working on it; its regional side likewise from the regional
persons and organisations working on it. Its bridge is the set of relations (person or
organisation, either end) between its Rijk side and its regional side. Every finding is
one Dutch sentence linked to the node it is about.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from dealmaker.graph.brokers import plan_findings
from dealmaker.graph.finding import (
    BROKER,
    ISOLATED,
    MINISTRY_UNLINKED,
    NO_OWNER,
    NO_RIJK,
    NO_WARM,
    ONE_PERSON,
    Finding,
    units_below,
)
from dealmaker.graph.model import (
    OPGAVE,
    OWNER,
    PERSON,
    POSITION,
    REGIO,
    RELATION,
    RIJK,
    WORKS_ON,
    Edge,
    Node,
    Plan,
)


@dataclass(frozen=True)
class OpgaveView:
    """What the analysis knows about one opgave (also the rows of the workbook)."""

    opgave: Node
    owners: tuple[Node, ...]
    rijk: tuple[Node, ...]
    regio: tuple[Node, ...]
    bridge: tuple[Edge, ...]
    #: every node (persons and units) on each side of the opgave
    rijk_side: frozenset[str] = frozenset()
    regio_side: frozenset[str] = frozenset()

    @property
    def warm(self) -> bool:
        return any(e.warm for e in self.bridge)


def opgave_views(plan: Plan) -> list[OpgaveView]:
    nodes = plan.by_id()
    below = units_below(plan)
    linked: dict[str, list[tuple[str, Node]]] = defaultdict(list)  # opgave -> (kind, end)
    staff: dict[str, set[str]] = defaultdict(set)  # organisation -> persons positioned there
    for e in plan.edges:
        if e.kind in (OWNER, WORKS_ON) and e.source in nodes:
            linked[e.target].append((e.kind, nodes[e.source]))
        elif e.kind == POSITION:
            staff[e.target].add(e.source)
    relations = [e for e in plan.edges if e.kind == RELATION]
    views = []
    for op in sorted((n for n in plan.nodes if n.kind == OPGAVE), key=_order):
        own = {n.id: n for k, n in linked[op.id] if k == OWNER and n.side == RIJK}
        sides: dict[str, set[str]] = {RIJK: set(), REGIO: set()}
        for _kind, end in linked[op.id]:
            if end.side not in sides:
                continue
            sides[end.side].add(end.id)
            if end.kind == PERSON and end.parent in nodes:
                sides[end.side].add(end.parent)  # their organisation, not its staff
            for unit in below[end.id] if end.kind != PERSON else ():
                sides[end.side] |= {unit} | staff[unit]
        people = {side: {i for i in ids if nodes[i].kind == PERSON}
                  for side, ids in sides.items()}
        bridge = [e for e in relations if (e.source in sides[RIJK] and e.target in sides[REGIO])
                  or (e.source in sides[REGIO] and e.target in sides[RIJK])]
        views.append(OpgaveView(op, tuple(sorted(own.values(), key=_order)),
                                tuple(sorted((nodes[p] for p in people[RIJK]), key=_order)),
                                tuple(sorted((nodes[p] for p in people[REGIO]), key=_order)),
                                tuple(bridge), frozenset(sides[RIJK]),
                                frozenset(sides[REGIO])))
    return views


def opgave_findings(view: OpgaveView) -> list[Finding]:
    op = view.opgave
    found: list[Finding] = []
    if not view.owners:
        found.append(Finding(NO_OWNER, op.id, f"{op.label}: geen eigenaar bij het Rijk", op.id))
    if not view.rijk:
        found.append(Finding(NO_RIJK, op.id, f"{op.label}: geen contact bij het Rijk", op.id))
    if not view.warm:
        found.append(Finding(NO_WARM, op.id,
                             f"{op.label}: geen warme relatie tussen Rijk en regio", op.id))
    people = {p.id: p for p in (*view.rijk, *view.regio)}
    for side in (view.rijk_side, view.regio_side):
        # an organisation relation on the bridge is an end too: then it hangs on more
        ends = {end for e in view.bridge for end in (e.source, e.target) if end in side}
        if len(ends) == 1 and (pid := next(iter(ends))) in people:
            found.append(Finding(ONE_PERSON, pid, f"{op.label}: hangt aan één persoon: "
                                                  f"{people[pid].label}", op.id))
    return found


def findings(plan: Plan) -> list[Finding]:
    """All findings: per opgave first (in name order), then across the plan."""
    out = [f for view in opgave_views(plan) for f in opgave_findings(view)]
    return out + plan_findings(plan)


def _order(n: Node) -> tuple[str, str]:
    return (n.label.casefold(), n.id)


__all__ = ["BROKER", "ISOLATED", "MINISTRY_UNLINKED", "NO_OWNER", "NO_RIJK", "NO_WARM",
           "ONE_PERSON", "Finding", "OpgaveView", "findings", "opgave_views", "units_below"]
