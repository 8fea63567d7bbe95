"""Connectieplan (per opgave, and every edge) and Contacten (work details only)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealmaker.export.workbook.model import DATE, INT, Column, Table
from dealmaker.graph.analysis import opgave_findings, opgave_views
from dealmaker.graph.model import PERSON, Plan
from dealmaker.storage.models import Person

_KINDS = {"person": "persoon", "organisation": "organisatie", "opgave": "opgave",
          "deal": "deal"}
_EDGES = {"relation": "relatie", "position": "functie", "unit": "onderdeel van",
          "party": "dealpartij", "owner": "eigenaar", "opgave": "opgave",
          "works_on": "werkt aan"}
OPGAVEN = (Column("Deal"), Column("Opgave", max_width=50), Column("Eigenaar (Rijk)"),
           Column("Rijkscontacten", max_width=60), Column("Regionale contacten", max_width=60),
           Column("Warm"), Column("Bevindingen", max_width=80))
EDGES = (Column("Deal"), Column("Van"), Column("Soort van"), Column("Naar"),
         Column("Soort naar"), Column("Verbinding"), Column("Toelichting"),
         Column("Sterkte", INT), Column("Laatste contact", DATE), Column("Koud"))
CONTACTS = (Column("Naam"), Column("Organisatie", max_width=50), Column("Functie"),
            Column("Zijde"), Column("E-mail (werk)"), Column("Telefoon (werk)"))


def connectieplan_table(plan: Plan, deal: str) -> Table:
    """One sheet: the opgaven first, then (below a blank line) the edge list."""
    nodes = plan.by_id()
    table = Table("Connectieplan verbindingen", EDGES)
    for e in plan.edges:
        a, b = nodes.get(e.source), nodes.get(e.target)
        if a is None or b is None:
            continue
        table.rows.append((deal, a.label, _KINDS.get(a.kind, a.kind), b.label,
                           _KINDS.get(b.kind, b.kind), _EDGES.get(e.kind, e.kind),
                           e.label or None, e.strength or None, e.last_contact,
                           ("ja" if e.cold else "nee") if e.kind == "relation" else None))
    return table


def opgaven_table(plan: Plan, deal: str) -> Table:
    """Per opgave: the Rijk owner, contacts on both sides, warmth and the graph's findings."""
    table = Table("Connectieplan", OPGAVEN)
    for view in opgave_views(plan):
        table.rows.append((
            deal, view.opgave.label, "; ".join(o.label for o in view.owners) or None,
            "; ".join(p.label for p in view.rijk) or None,
            "; ".join(p.label for p in view.regio) or None, "ja" if view.warm else "nee",
            "\n".join(f.text for f in opgave_findings(view)) or None))
    return table


def contacts_table(s: Session, plan: Plan) -> Table:
    """The persons in the plan with their work e-mail and phone (nothing private)."""
    nodes = plan.by_id()
    ids = [n.id for n in plan.nodes if n.kind == PERSON]
    table = Table("Contacten", CONTACTS)
    people = {p.id: p for p in s.scalars(select(Person).where(Person.id.in_(ids),
                                                               Person.deleted_at.is_(None)))}
    for pid in sorted(people, key=lambda i: (people[i].last_name, people[i].full_name)):
        p, node = people[pid], nodes[pid]
        org = nodes.get(node.parent) if node.parent else None
        table.rows.append((p.full_name, org.label if org else None, node.detail or None,
                           node.side, p.email or None, p.phone or None))
    return table
