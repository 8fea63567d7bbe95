"""The persons of a plan, their positions and relations, and how warm each relation is.

A relation's last contact is the latest contact moment its two persons shared (a relation
to an organisation: the person with anyone there); without one, the older of the two
persons' own last contact moments. It is cold when that lies further back than the shorter
of the two persons' cadences, or there is none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from dealmaker.graph.model import PERSON, POSITION, RELATION, Edge, Node, Plan
from dealmaker.services.cadence import CadencePolicy, load_policy
from dealmaker.services.connectieplan.contacts import joint_contacts
from dealmaker.services.connectieplan.scope import Orgs
from dealmaker.storage.models import Person, PersonTag, Position, Relation

#: above this many persons a query reads everything and filters in Python
MAX_IN = 2000


@dataclass
class Persons:
    #: organisations where the plan's persons hold a current position
    organisations: set[str] = field(default_factory=set)
    #: organisation -> the plan's persons positioned there
    at_org: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: (a, b) with a < b -> their latest shared contact moment
    last: dict[tuple[str, str], date] = field(default_factory=dict)
    #: the shortest cadence of anyone in the plan, in days (for organisation relations)
    default_cadence: int = 90


def _within(column: Any, ids: set[str]) -> list[ColumnElement[bool]]:
    """``column IN ids``, or nothing (read all, filter in Python) when ids are many."""
    if len(ids) > MAX_IN:
        return []
    return [column.in_(sorted(ids))]


def add_people(s: Session, plan: Plan, orgs: Orgs, scope: set[str], dealmakers: set[str],
               today: date) -> Persons:
    """The persons of the scope with relations inside it, plus ``dealmakers`` (and anyone
    else the caller must show, such as the people working on an opgave)."""
    live_pos = (Position.deleted_at.is_(None), Position.end_date.is_(None))
    positions = [p for p in s.execute(
        select(Position.person_id, Position.organisation_id, Position.title)
        .where(*live_pos, *_within(Position.organisation_id, scope))).all()
        if p.organisation_id in scope]
    staff = {p.person_id for p in positions}
    relations = [r for r in s.scalars(select(Relation).where(
        Relation.deleted_at.is_(None), *_within(Relation.source_person_id, staff | dealmakers)))
        if r.source_person_id in staff | dealmakers and (
            r.target_person_id in staff | dealmakers or r.target_organisation_id in scope)]
    people = {r.source_person_id for r in relations} | {
        r.target_person_id for r in relations if r.target_person_id} | dealmakers
    if dealmakers - staff:
        positions += s.execute(select(Position.person_id, Position.organisation_id,
                                      Position.title)
                               .where(*live_pos, Position.person_id.in_(sorted(dealmakers)),
                                      Position.organisation_id.in_(sorted(orgs.rows)))).all()
    mine = sorted((p for p in positions if p.person_id in people),
                  key=lambda p: (p.person_id, p.organisation_id))
    first: dict[str, tuple[str, str]] = {}
    for p in mine:
        first.setdefault(p.person_id, (p.organisation_id, p.title))
    out = Persons({p.organisation_id for p in mine})
    rows = s.execute(select(Person.id, Person.first_name, Person.tussenvoegsel,
                            Person.last_name, Person.cadence_days, Person.last_contact_on)
                     .where(Person.deleted_at.is_(None), Person.id.in_(sorted(people)))).all()
    cadence = _cadences(s, rows, mine)
    out.default_cadence = load_policy(s).default_days
    for r in rows:
        org, title = first.get(r.id, (None, ""))
        name = " ".join(x for x in (r.first_name, r.tussenvoegsel, r.last_name) if x)
        plan.nodes.append(Node(r.id, PERSON, name, side=orgs.side(org) if org else None,
                               detail=title, parent=org,
                               levensgemeenschap=orgs.levensgemeenschap(org)))
    alive = {r.id for r in rows}
    own_last = {r.id: r.last_contact_on for r in rows}
    plan.edges += [Edge(p.person_id, p.organisation_id, POSITION, label=p.title)
                   for p in mine if p.person_id in alive]
    at_org = out.at_org
    for p in mine:
        if p.person_id in alive:
            at_org[p.organisation_id].add(p.person_id)
    last = out.last = joint_contacts(s, alive)
    for rel in sorted(relations, key=lambda x: x.id):
        edge = _relation_edge(rel, alive, at_org, last, own_last, cadence, today)
        if edge is not None:
            plan.edges.append(edge)
    return out


def _relation_edge(rel: Relation, alive: set[str], at_org: dict[str, set[str]],
                   last: dict[tuple[str, str], date], own_last: dict[str, date | None],
                   cadence: dict[str, int], today: date) -> Edge | None:
    target = rel.target_person_id or rel.target_organisation_id
    ends = [p for p in (rel.source_person_id, rel.target_person_id) if p]
    if target is None or any(p not in alive for p in ends):
        return None
    others = {rel.target_person_id} if rel.target_person_id else at_org[target]
    seen = [last[k] for o in others if o and (k := _pair(rel.source_person_id, o)) in last]
    own = [own_last[p] for p in ends]
    contact: date | None = max(seen, default=None)
    if contact is None and all(d is not None for d in own):
        contact = min(d for d in own if d is not None)
    cold = contact is None or contact < today - timedelta(days=min(cadence[p] for p in ends))
    return Edge(rel.source_person_id, target, RELATION, strength=rel.strength,
                label=rel.kind.label, last_contact=contact, cold=cold, record_id=rel.id,
                record_table="relation", theme=rel.theme_id)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _cadences(s: Session, rows: Iterable[object], positions: Iterable[object]) -> dict[str, int]:
    policy: CadencePolicy = load_policy(s)
    ids = sorted(r.id for r in rows)  # type: ignore[attr-defined]
    tags: dict[str, list[str]] = defaultdict(list)
    for pid, tid in s.execute(select(PersonTag.person_id, PersonTag.tag_id).where(
            PersonTag.deleted_at.is_(None), PersonTag.person_id.in_(ids))):
        tags[pid].append(tid)
    titles: dict[str, list[str]] = defaultdict(list)
    for p in positions:
        titles[p.person_id].append(p.title)  # type: ignore[attr-defined]
    return {r.id: policy.effective(r.cadence_days, tags[r.id], titles[r.id])[0]  # type: ignore[attr-defined]
            for r in rows}
