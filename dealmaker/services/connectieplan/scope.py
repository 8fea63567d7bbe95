"""The organisations of a plan: all live ones read once, the hierarchy walked in Python."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealmaker.graph.model import ORGANISATION, UNIT, Edge, Node
from dealmaker.storage.models import Organisation


@dataclass
class Orgs:
    #: id -> (id, name, short_name, kind, side, parent_id, levensgemeenschap)
    rows: dict[str, Any]
    children: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def below(self, roots: Iterable[str]) -> set[str]:
        """``roots`` and every unit below them."""
        out: set[str] = set()
        todo = [r for r in roots if r in self.rows]
        while todo:
            cur = todo.pop()
            if cur not in out:
                out.add(cur)
                todo += self.children.get(cur, [])
        return out

    def with_ancestors(self, ids: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for cur in ids:
            while cur in self.rows and cur not in out:
                out.add(cur)
                cur = self.rows[cur].parent_id
        return out

    def side(self, org_id: str) -> str:
        return str(self.rows[org_id].side)

    def levensgemeenschap(self, org_id: str | None) -> str | None:
        """The organisation's levensgemeenschap, else the nearest one above it."""
        while org_id is not None and org_id in self.rows:
            value = self.rows[org_id].levensgemeenschap
            if value:
                return str(value)
            org_id = self.rows[org_id].parent_id
        return None

    def nodes(self, ids: Iterable[str]) -> list[Node]:
        out = []
        for i in sorted(ids):
            r = self.rows[i]
            out.append(Node(i, ORGANISATION, r.short_name or r.name, side=str(r.side),
                            detail=str(r.kind),
                            parent=r.parent_id if r.parent_id in self.rows else None,
                            levensgemeenschap=self.levensgemeenschap(i)))
        return out

    def unit_edges(self, ids: set[str]) -> list[Edge]:
        return [Edge(i, self.rows[i].parent_id, UNIT) for i in sorted(ids)
                if self.rows[i].parent_id in ids]


def load_orgs(s: Session) -> Orgs:
    rows = s.execute(select(Organisation.id, Organisation.name, Organisation.short_name,
                            Organisation.kind, Organisation.side, Organisation.parent_id,
                            Organisation.levensgemeenschap)
                     .where(Organisation.deleted_at.is_(None))).all()
    orgs = Orgs({r.id: r for r in rows})
    for r in rows:
        if r.parent_id is not None:
            orgs.children[r.parent_id].append(r.id)
    return orgs
