"""The connectieplan's nodes and edges as plain data, and the networkx graph built from it.

Node kinds: ``person``, ``organisation`` (Rijk units carry their ``parent``), ``opgave``
and ``deal``. Edge kinds: ``relation`` (strength 1-5, last contact, cold or warm),
``position`` (person at organisation), ``unit`` (unit in its parent), ``party`` (deal
party), ``owner`` (a unit or person owns an opgave), ``opgave`` (deal has an opgave) and
``works_on`` (a person or unit works on an opgave). A ``relation`` runs person to person,
person to organisation or organisation to organisation; ``record_table`` and ``record_id``
name the row behind an edge the user can edit (``relation``, ``organisation_relation``,
``opgave_link``; the opgave's own owner column has ``opgave``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

PERSON, ORGANISATION, OPGAVE, DEAL = "person", "organisation", "opgave", "deal"
RELATION, POSITION, UNIT, PARTY, OWNER, HAS_OPGAVE, WORKS_ON = (
    "relation", "position", "unit", "party", "owner", "opgave", "works_on")
RIJK, REGIO = "rijk", "regio"
#: a relation this strong or stronger, and not cold, is warm
WARM_STRENGTH = 3
#: tables of the rows behind edges the user edits from the canvas
EDITABLE = frozenset({"relation", "organisation_relation", "opgave_link"})


@dataclass(frozen=True)
class Node:
    id: str
    kind: str
    label: str
    #: 'rijk', 'regio' or None (opgaven and deals sit between the sides)
    side: str | None = None
    #: organisation kind ('ministerie', 'directie', 'gemeente', ...) or a person's function
    detail: str = ""
    #: the unit above a Rijk organisation; a person's (first current) organisation
    parent: str | None = None
    levensgemeenschap: str | None = None
    #: an opgave's theme id
    theme: str | None = None


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str
    #: relations: 1 (weak) to 5 (strong); other edges 0
    strength: int = 0
    label: str = ""
    last_contact: date | None = None
    #: relations: no contact moment within the cadence of the persons involved
    cold: bool = False
    #: the row behind the edge, so the view can edit or delete it
    record_id: str | None = None
    record_table: str | None = None
    #: the theme id the relation is about
    theme: str | None = None

    @property
    def editable(self) -> bool:
        return self.record_table in EDITABLE and self.record_id is not None

    @property
    def warm(self) -> bool:
        return self.kind == RELATION and not self.cold and self.strength >= WARM_STRENGTH


@dataclass
class Plan:
    """One deal's connectieplan (or the whole workspace's when ``deal_id`` is None)."""

    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    deal_id: str | None = None
    title: str = ""
    #: the dealmaker of the deal, if known (the start of "hoe bereik ik ...")
    dealmaker_id: str | None = None
    #: theme id -> name, of every theme an edge or opgave of the plan is about
    themes: dict[str, str] = field(default_factory=dict)

    def by_id(self) -> dict[str, Node]:
        """The nodes by id (a new dict: the plan may still grow)."""
        return {n.id: n for n in self.nodes}


def to_networkx(plan: Plan) -> nx.Graph:
    """An undirected graph: node attributes from ``Node``, edge attributes from ``Edge``.

    Two edges between the same pair keep the strongest (a relation beats structure).
    """
    import networkx as nx

    g: Any = nx.Graph()
    for n in plan.nodes:
        g.add_node(n.id, kind=n.kind, label=n.label, side=n.side, detail=n.detail,
                   parent=n.parent)
    for e in plan.edges:
        if e.source not in g or e.target not in g or e.source == e.target:
            continue
        old = g.get_edge_data(e.source, e.target)
        if old is not None and _rank(old["edge"]) >= _rank(e):
            continue
        g.add_edge(e.source, e.target, kind=e.kind, strength=e.strength, cold=e.cold,
                   edge=e)
    return g


def _rank(e: Edge) -> tuple[int, int]:
    return (1 if e.kind == RELATION else 0, e.strength)
