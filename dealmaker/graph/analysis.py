"""Findings per opgave: who owns it at the Rijk, who works on it on each side, how warm.

An opgave's Rijk contacts are the Rijk persons working on it plus the persons in the
owning unit (or a unit below it); its regional contacts are the regional persons working
on it. Its bridge is the set of relations between a Rijk contact and a regional contact.
Every finding is one Dutch sentence linked to the node it is about.
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

    @property
    def warm(self) -> bool:
        return any(e.warm for e in self.bridge)


def opgave_views(plan: Plan) -> list[OpgaveView]:
    nodes = plan.by_id()
    below = units_below(plan)
    owners: dict[str, list[Node]] = defaultdict(list)
    workers: dict[str, set[str]] = defaultdict(set)
    staff: dict[str, set[str]] = defaultdict(set)  # organisation -> persons positioned there
    for e in plan.edges:
        if e.kind == OWNER and nodes.get(e.source, None) is not None:
            owners[e.target].append(nodes[e.source])
        elif e.kind == WORKS_ON:
            workers[e.target].add(e.source)
        elif e.kind == POSITION:
            staff[e.target].add(e.source)
    relations = [e for e in plan.edges if e.kind == RELATION]
    views = []
    for op in sorted((n for n in plan.nodes if n.kind == OPGAVE), key=_order):
        own = [o for o in owners[op.id] if o.side == RIJK]
        rijk = {p for p in workers[op.id] if nodes[p].side == RIJK}
        for o in own:
            for unit in below[o.id]:
                rijk |= staff[unit]
        regio = {p for p in workers[op.id] if nodes[p].side == REGIO}
        bridge = [e for e in relations if (e.source in rijk and e.target in regio)
                  or (e.source in regio and e.target in rijk)]
        views.append(OpgaveView(op, tuple(sorted(own, key=_order)),
                                tuple(sorted((nodes[p] for p in rijk), key=_order)),
                                tuple(sorted((nodes[p] for p in regio), key=_order)),
                                tuple(bridge)))
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
    rijk_ids = {p.id for p in view.rijk}
    for side in (rijk_ids, {p.id for p in view.regio}):
        ends = {end for e in view.bridge for end in (e.source, e.target) if end in side}
        if len(ends) == 1:
            pid = next(iter(ends))
            name = next(p.label for p in (*view.rijk, *view.regio) if p.id == pid)
            found.append(Finding(ONE_PERSON, pid,
                                 f"{op.label}: hangt aan één persoon: {name}", op.id))
    return found


def findings(plan: Plan) -> list[Finding]:
    """All findings: per opgave first (in name order), then across the plan."""
    out = [f for view in opgave_views(plan) for f in opgave_findings(view)]
    return out + plan_findings(plan)


def _order(n: Node) -> tuple[str, str]:
    return (n.label.casefold(), n.id)


__all__ = ["BROKER", "ISOLATED", "MINISTRY_UNLINKED", "NO_OWNER", "NO_RIJK", "NO_WARM",
           "ONE_PERSON", "Finding", "OpgaveView", "findings", "opgave_views", "units_below"]
