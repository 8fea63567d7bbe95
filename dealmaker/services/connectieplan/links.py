"""The plan's own edges: who owns or works on each opgave (``opgave_link`` and the
opgave's owning unit) and organisations working together (``organisation_relation``).

An organisation relation's last contact is the latest contact moment shared by anyone in
the plan at one end (or a unit below it) with anyone at the other; it is cold when that
lies further back than the workspace's default cadence, or there is none. A link or
relation whose ``until`` date has passed is not drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from dealmaker.domain.enums import OpgaveRole
from dealmaker.graph.model import HAS_OPGAVE, OPGAVE, OWNER, RELATION, WORKS_ON, Edge, Node, Plan
from dealmaker.services.connectieplan.people import Persons
from dealmaker.services.connectieplan.scope import Orgs
from dealmaker.storage.models import OpgaveLink, OrganisationRelation, Theme


def opgave_links(s: Session, opgave_ids: Sequence[str], today: date) -> list[Any]:
    if not opgave_ids:
        return []
    return list(s.execute(select(OpgaveLink.id, OpgaveLink.opgave_id, OpgaveLink.person_id,
                                 OpgaveLink.organisation_id, OpgaveLink.role,
                                 OpgaveLink.strength)
                          .where(OpgaveLink.deleted_at.is_(None),
                                 OpgaveLink.opgave_id.in_(sorted(set(opgave_ids))),
                                 or_(OpgaveLink.until.is_(None), OpgaveLink.until >= today))
                          .order_by(OpgaveLink.id)).all())


def add_opgaven(plan: Plan, opgaven: Sequence[Any], links: Sequence[Any]) -> None:
    """The deal's opgaven in the middle: each linked to its deal, the unit owning it (the
    opgave's own owner) and everyone with an opgave link."""
    seen: set[str] = set()
    have = {n.id for n in plan.nodes}
    for o in opgaven:
        plan.edges.append(Edge(o.deal_id, o.id, HAS_OPGAVE))
        if o.id in seen:
            continue
        seen.add(o.id)
        plan.nodes.append(Node(o.id, OPGAVE, o.name, theme=o.theme_id))
        if o.owner_organisation_id in have:
            plan.edges.append(Edge(o.owner_organisation_id, o.id, OWNER, label="eigenaar",
                                   record_id=o.id, record_table="opgave"))
    for link in links:
        end = link.person_id or link.organisation_id
        if end not in have or link.opgave_id not in seen:
            continue
        owner = link.role == OpgaveRole.EIGENAAR
        plan.edges.append(Edge(end, link.opgave_id, OWNER if owner else WORKS_ON,
                               strength=link.strength, label=OpgaveRole(link.role).label,
                               record_id=link.id, record_table="opgave_link"))


def add_org_relations(s: Session, plan: Plan, orgs: Orgs, shown: set[str],
                      persons: Persons, today: date) -> None:
    if not shown:
        return
    ids = sorted(shown)
    rows = s.execute(select(OrganisationRelation).where(
        OrganisationRelation.deleted_at.is_(None),
        OrganisationRelation.source_organisation_id.in_(ids),
        OrganisationRelation.target_organisation_id.in_(ids),
        or_(OrganisationRelation.until.is_(None), OrganisationRelation.until >= today))
        .order_by(OrganisationRelation.id)).scalars()
    for r in rows:
        a = _staff(orgs, persons, r.source_organisation_id)
        b = _staff(orgs, persons, r.target_organisation_id)
        days = [persons.last[k] for x in a for y in b if x != y
                and (k := (x, y) if x < y else (y, x)) in persons.last]
        contact = max(days, default=None)
        cold = contact is None or contact < today - timedelta(days=persons.default_cadence)
        plan.edges.append(Edge(r.source_organisation_id, r.target_organisation_id, RELATION,
                               strength=r.strength, label=r.kind.label, last_contact=contact,
                               cold=cold, record_id=r.id,
                               record_table="organisation_relation", theme=r.theme_id))


def _staff(orgs: Orgs, persons: Persons, org_id: str) -> set[str]:
    out: set[str] = set()
    for unit in orgs.below([org_id]):
        out |= persons.at_org.get(unit, set())
    return out


def theme_names(s: Session, plan: Plan) -> None:
    used = {e.theme for e in plan.edges if e.theme} | {n.theme for n in plan.nodes if n.theme}
    if used:
        rows = s.execute(select(Theme.id, Theme.name).where(Theme.id.in_(sorted(used))))
        plan.themes = {r.id: r.name for r in rows}
