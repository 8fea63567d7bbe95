"""A finding: one Dutch sentence about one node; the codes; the unit hierarchy walk."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from dealmaker.graph.model import PERSON, Plan

NO_OWNER, NO_RIJK, NO_WARM, ONE_PERSON = "geen_eigenaar", "geen_rijk", "geen_warme", "één_persoon"
BROKER, ISOLATED, MINISTRY_UNLINKED = "makelaar", "geisoleerd", "ministerie_zonder_relatie"


@dataclass(frozen=True)
class Finding:
    code: str
    #: the node the finding is about (an opgave, a person, an organisation)
    node_id: str
    text: str
    #: the opgave the finding belongs to, if any
    opgave_id: str | None = None


def units_below(plan: Plan) -> dict[str, set[str]]:
    """Each organisation with itself and every unit below it (through ``parent``)."""
    below: dict[str, set[str]] = defaultdict(set)
    nodes = plan.by_id()
    for n in plan.nodes:
        if n.kind == PERSON:
            continue
        seen: set[str] = set()
        cur: str | None = n.id
        while cur is not None and cur in nodes and cur not in seen:
            seen.add(cur)
            below[cur].add(n.id)
            cur = nodes[cur].parent
    return below
