"""The shape of the Organisaties tree, built from the flat ``OrgNode`` list (Qt-free).

Every organisation hangs under its parent; roots hang under a grouping node: "Rijk"
(ministries and any other Rijk root), then one per regional kind ("Provincies",
"Gemeenten", ...). Regional organisations of a Rijk kind go to "Overige".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from dealmaker.domain.enums import OrgKind, Side
from dealmaker.services.organisations import OrgNode
from dealmaker.services.quickfind import words

RIJK = "rijk"
OTHER = OrgKind.OVERIG.value
#: grouping nodes in this order, with their (Dutch, translatable) labels
GROUPS: dict[str, str] = {
    RIJK: "Rijk",
    OrgKind.PROVINCIE.value: "Provincies",
    OrgKind.GEMEENTE.value: "Gemeenten",
    OrgKind.WATERSCHAP.value: "Waterschappen",
    OrgKind.SAMENWERKINGSVERBAND.value: "Samenwerkingsverbanden",
    OrgKind.BEDRIJF.value: "Bedrijven",
    OrgKind.KENNISINSTELLING.value: "Kennisinstellingen",
    OrgKind.MAATSCHAPPELIJK.value: "Maatschappelijke organisaties",
    OrgKind.KOEPEL.value: "Koepels",
    OrgKind.INWONERSINITIATIEF.value: "Inwonersinitiatieven",
    OTHER: "Overige",
}


def group_of(org: OrgNode) -> str:
    if org.side == Side.RIJK:
        return RIJK
    return org.kind.value if org.kind.value in GROUPS else OTHER


def title(org: OrgNode) -> str:
    """Name with the short name: "Ministerie van Economische Zaken en Klimaat (EZK)"."""
    short = org.short_name
    return f"{org.name} ({short})" if short and short != org.name else org.name


@dataclass(eq=False)
class Node:
    """One row: an organisation or a grouping node; ``serial`` is its index id."""

    serial: int
    org: OrgNode | None = None
    group: str | None = None
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    row: int = 0
    #: folded words of name and short name (the filter matches on them)
    words: tuple[str, ...] = ()


class Tree:
    """All nodes (``nodes[serial]``), the invisible root and the organisations by id."""

    def __init__(self, orgs: Sequence[OrgNode] = ()) -> None:
        self.root = Node(0)
        self.nodes: list[Node] = [self.root]
        self.by_org = {o.id: self._new(org=o, words=tuple(words(
            f"{o.name} {o.short_name or ''}"))) for o in orgs}
        self.groups: dict[str, Node] = {}
        for org in orgs:  # in name order, so every list of children is too
            node = self.by_org[org.id]
            parent = self.by_org.get(org.parent_id) if org.parent_id else None
            self._attach(node, parent or self._group(group_of(org)))
        self._rescue_cycles()
        self._number(self.root)

    def _new(self, *, org: OrgNode | None = None, group: str | None = None,
             parent: Node | None = None, words: tuple[str, ...] = ()) -> Node:
        node = Node(len(self.nodes), org, group, parent, words=words)
        self.nodes.append(node)
        return node

    def _group(self, key: str) -> Node:
        if key not in self.groups:
            self.groups[key] = self._new(group=key, parent=self.root)
            self.root.children = [self.groups[k] for k in GROUPS if k in self.groups]
        return self.groups[key]

    @staticmethod
    def _attach(node: Node, parent: Node) -> None:
        node.parent = parent
        parent.children.append(node)

    def _rescue_cycles(self) -> None:
        """Organisations in a parent cycle (bad data) cannot be reached from the root:
        list them under their group instead of losing them."""
        seen: set[int] = set()
        todo = [self.root]
        while todo:
            node = todo.pop()
            seen.add(node.serial)
            todo.extend(node.children)
        for node in self.by_org.values():
            if node.serial not in seen and node.org is not None and node.parent is not None:
                node.parent.children.remove(node)
                self._attach(node, self._group(group_of(node.org)))

    def _number(self, node: Node) -> None:
        for row, child in enumerate(node.children):
            child.row = row
            self._number(child)
