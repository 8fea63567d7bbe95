"""Reading a plan: which organisations, persons, opgaven and relations belong to a deal.

A deal's scope is its current parties, the Rijk units below its Rijk parties, and the
units owning its opgaven. Its persons are the dealmaker, everyone linked to one of its
opgaven (owns it, works on it) and everyone in a relation whose both ends lie in that
scope; organisations linked to an opgave are shown too, and organisation relations
between shown organisations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from dealmaker.graph.model import DEAL, PARTY, Edge, Node, Plan
from dealmaker.services.connectieplan.links import (
    add_opgaven,
    add_org_relations,
    opgave_links,
    theme_names,
)
from dealmaker.services.connectieplan.people import add_people
from dealmaker.services.connectieplan.scope import load_orgs
from dealmaker.storage.models import Deal, DealOpgave, DealParty, Opgave, Theme
from dealmaker.storage.workspace import Workspace


@dataclass(frozen=True)
class DealChoice:
    id: str
    name: str


def deal_choices(ws: Workspace) -> list[DealChoice]:
    """The live deals by name."""
    with ws.read() as s:
        rows = s.execute(select(Deal.id, Deal.name).where(Deal.deleted_at.is_(None))
                         .order_by(func.lower(Deal.name), Deal.id)).all()
    return [DealChoice(r.id, r.name) for r in rows]


def find_deal(ws: Workspace, name: str) -> DealChoice | None:
    """The deal named ``name`` or with that alias (case ignored)."""
    wanted = name.strip().casefold()
    with ws.read() as s:
        rows = s.execute(select(Deal.id, Deal.name, Deal.aliases)
                         .where(Deal.deleted_at.is_(None))).all()
    for r in sorted(rows, key=lambda r: (r.name.casefold(), r.id)):
        if wanted == r.name.casefold() or wanted in (a.casefold() for a in r.aliases or []):
            return DealChoice(r.id, r.name)
    return None


def load_plan(ws: Workspace, deal_id: str | None, today: date | None = None) -> Plan:
    """The plan of ``deal_id``; ``None``: every deal, party and relation in the workspace."""
    today = today or date.today()
    with ws.read() as s:
        return _load(s, deal_id, today)


def _load(s: Session, deal_id: str | None, today: date) -> Plan:
    plan = Plan(deal_id=deal_id)
    deals = s.execute(select(Deal.id, Deal.name, Deal.dealmaker_id).where(
        Deal.deleted_at.is_(None), *([Deal.id == deal_id] if deal_id else []))).all()
    if deal_id is not None and not deals:
        raise LookupError("deze deal bestaat niet (meer)")
    deal_ids = [d.id for d in deals]
    plan.title = deals[0].name if deal_id is not None else "Alle deals"
    plan.dealmaker_id = deals[0].dealmaker_id if deal_id is not None else None
    plan.nodes += [Node(d.id, DEAL, d.name) for d in deals]
    orgs = load_orgs(s)
    parties = s.execute(select(DealParty.deal_id, DealParty.organisation_id, DealParty.role)
                        .where(DealParty.deleted_at.is_(None), DealParty.deal_id.in_(deal_ids),
                               or_(DealParty.left_on.is_(None), DealParty.left_on >= today))
                        ).all()
    opgaven = s.execute(select(DealOpgave.deal_id, Opgave.id, Opgave.name, Opgave.theme_id,
                               Opgave.owner_organisation_id)
                        .join(Opgave, Opgave.id == DealOpgave.opgave_id)
                        .where(DealOpgave.deleted_at.is_(None), Opgave.deleted_at.is_(None),
                               DealOpgave.deal_id.in_(deal_ids))).all()
    links = opgave_links(s, [o.id for o in opgaven], today)
    shown = {p.organisation_id for p in parties if p.organisation_id in orgs.rows}
    shown |= {o.owner_organisation_id for o in opgaven if o.owner_organisation_id in orgs.rows}
    shown |= {k.organisation_id for k in links if k.organisation_id in orgs.rows}
    scope = orgs.below(shown)
    extra = {d.dealmaker_id for d in deals} | {k.person_id for k in links}
    persons = add_people(s, plan, orgs, scope, extra - {None}, today)
    shown |= persons.organisations
    plan.nodes += orgs.nodes(orgs.with_ancestors(shown))
    plan.edges += orgs.unit_edges(orgs.with_ancestors(shown))
    plan.edges += [Edge(p.organisation_id, p.deal_id, PARTY, label=p.role.label)
                   for p in parties if p.organisation_id in orgs.rows]
    add_opgaven(plan, opgaven, links)
    add_org_relations(s, plan, orgs, orgs.with_ancestors(shown), persons, today)
    theme_names(s, plan)
    return plan


def theme_choices(ws: Workspace) -> list[DealChoice]:
    """The live themes by name (a relation is about one of them)."""
    with ws.read() as s:
        rows = s.execute(select(Theme.id, Theme.name).where(Theme.deleted_at.is_(None))
                         .order_by(func.lower(Theme.name), Theme.id)).all()
    return [DealChoice(r.id, r.name) for r in rows]
