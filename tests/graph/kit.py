"""Small hand-built plans with known answers."""

from __future__ import annotations

from dealmaker.graph.model import (
    DEAL,
    HAS_OPGAVE,
    OPGAVE,
    ORGANISATION,
    OWNER,
    PARTY,
    PERSON,
    POSITION,
    REGIO,
    RELATION,
    RIJK,
    UNIT,
    WORKS_ON,
    Edge,
    Node,
    Plan,
)


def org(i: str, side: str, kind: str = "directie", parent: str | None = None) -> Node:
    return Node(i, ORGANISATION, i, side=side, detail=kind, parent=parent)


def person(i: str, side: str, at: str) -> Node:
    return Node(i, PERSON, i, side=side, parent=at)


def rel(a: str, b: str, strength: int = 4, cold: bool = False) -> Edge:
    return Edge(a, b, RELATION, strength=strength, cold=cold)


def sample() -> Plan:
    """BZK > Regio directie (Anna, Bart); LNV (nobody); Provincie (Cees, Dirk), Gemeente
    (Eva), Bedrijf (no one). Opgaven: Wonen (owned by the directie; Anna-Cees warm and
    Bart-Dirk cold), Stikstof (owned by nobody; Bart works on it, Eva works on it, only a
    cold Bart-Eva relation). Bart is the only link to the Gemeente."""
    nodes = [
        Node("deal", DEAL, "Deal"),
        org("BZK", RIJK, "ministerie"), org("Regio", RIJK, "directie", parent="BZK"),
        org("LNV", RIJK, "ministerie"),
        org("Provincie", REGIO, "provincie"), org("Gemeente", REGIO, "gemeente"),
        org("Bedrijf", REGIO, "bedrijf"),
        person("Anna", RIJK, "Regio"), person("Bart", RIJK, "Regio"),
        person("Cees", REGIO, "Provincie"), person("Dirk", REGIO, "Provincie"),
        person("Eva", REGIO, "Gemeente"),
        Node("Wonen", OPGAVE, "Wonen"), Node("Stikstof", OPGAVE, "Stikstof"),
    ]
    edges = [
        Edge("Regio", "BZK", UNIT),
        *(Edge(p, o, POSITION) for p, o in (("Anna", "Regio"), ("Bart", "Regio"),
                                            ("Cees", "Provincie"), ("Dirk", "Provincie"),
                                            ("Eva", "Gemeente"))),
        *(Edge(o, "deal", PARTY) for o in ("BZK", "LNV", "Provincie", "Gemeente", "Bedrijf")),
        Edge("deal", "Wonen", HAS_OPGAVE), Edge("deal", "Stikstof", HAS_OPGAVE),
        Edge("Regio", "Wonen", OWNER),
        Edge("Cees", "Wonen", WORKS_ON), Edge("Dirk", "Wonen", WORKS_ON),
        Edge("Bart", "Stikstof", WORKS_ON), Edge("Eva", "Stikstof", WORKS_ON),
        rel("Anna", "Cees", 4), rel("Bart", "Dirk", 4, cold=True),
        rel("Bart", "Eva", 5, cold=True), rel("Anna", "Bart", 3),
    ]
    return Plan(nodes, edges, deal_id="deal", title="Deal")
