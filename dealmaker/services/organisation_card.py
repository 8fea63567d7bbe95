"""The organisation card: who works there (and worked), its units with the people in
them, its deals, pledges and commitments. Plain data for the Organisaties page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from dealmaker.domain.enums import Helix, Levensgemeenschap, OrgKind, PartyRole, Side
from dealmaker.services.contact_card import CommitmentRow, PledgeRow, commitments, pledges
from dealmaker.storage.models import (
    Commitment,
    Deal,
    DealParty,
    Organisation,
    Person,
    Pledge,
    Position,
)
from dealmaker.storage.workspace import Workspace


def _live(s: Session, org_id: str) -> Organisation:
    org = s.get(Organisation, org_id)
    if org is None or org.deleted_at is not None:
        raise LookupError(f"Organisatie {org_id} bestaat niet (meer).")
    return org


@dataclass(frozen=True)
class OrgRef:
    id: str
    name: str
    short_name: str | None
    kind: OrgKind
    #: persons with a current function here or in a unit below (children of a card)
    people: int = 0


@dataclass(frozen=True)
class OrgPersonRow:
    person_id: str
    name: str
    title: str
    start_date: date | None
    end_date: date | None
    current: bool


@dataclass(frozen=True)
class OrgDealRow:
    deal_id: str
    name: str
    role: PartyRole
    joined_on: date | None
    left_on: date | None


@dataclass(frozen=True)
class OrganisationCard:
    id: str
    name: str
    short_name: str | None
    aliases: tuple[str, ...]
    kind: OrgKind
    side: Side
    parent: OrgRef | None
    levensgemeenschap: Levensgemeenschap | None
    helix: Helix | None
    notes: str
    is_demo: bool
    #: current positions first (by name), then former ones (latest end first)
    people: tuple[OrgPersonRow, ...]
    children: tuple[OrgRef, ...]
    deals: tuple[OrgDealRow, ...]
    pledges: tuple[PledgeRow, ...]
    #: roles "van" (it promised) and/or "aan" (it was promised)
    commitments: tuple[CommitmentRow, ...]
    #: persons with a current function here or in any unit below (each counted once)
    people_total: int = 0


def _ref(o: Organisation) -> OrgRef:
    return OrgRef(o.id, o.name, o.short_name, o.kind)


def organisation_card(ws: Workspace, org_id: str) -> OrganisationCard:
    with ws.read() as s:
        o = _live(s, org_id)
        parent = s.get(Organisation, o.parent_id) if o.parent_id else None
        people = [OrgPersonRow(pe.id, pe.full_name, po.title, po.start_date, po.end_date,
                               po.end_date is None)
                  for po, pe in s.execute(
                      select(Position, Person).join(Person, Person.id == Position.person_id)
                      .where(Position.organisation_id == o.id, Position.deleted_at.is_(None),
                             Person.deleted_at.is_(None))
                      .order_by(Person.last_name, Person.first_name, Person.id))]
        people.sort(key=lambda r: r.end_date or date.max, reverse=True)
        children = list(s.scalars(select(Organisation).where(
            Organisation.parent_id == o.id, Organisation.deleted_at.is_(None))
            .order_by(func.lower(Organisation.name))))
        counts = people_below(s, [o.id, *(c.id for c in children)])
        deals = s.execute(
            select(DealParty, Deal.name).join(Deal, Deal.id == DealParty.deal_id)
            .where(DealParty.organisation_id == o.id, DealParty.deleted_at.is_(None),
                   Deal.deleted_at.is_(None)).order_by(Deal.name, DealParty.role))
        return OrganisationCard(
            o.id, o.name, o.short_name, tuple(o.aliases), o.kind, o.side,
            _ref(parent) if parent is not None and parent.deleted_at is None else None,
            o.levensgemeenschap, o.helix, o.notes, o.is_demo, tuple(people),
            tuple(OrgRef(c.id, c.name, c.short_name, c.kind, counts.get(c.id, 0))
                  for c in children),
            tuple(OrgDealRow(dp.deal_id, name, dp.role, dp.joined_on, dp.left_on)
                  for dp, name in deals),
            pledges(s, Pledge.organisation_id == o.id),
            commitments(s, or_(Commitment.from_organisation_id == o.id,
                               Commitment.to_organisation_id == o.id),
                        {"from_organisation_id": "van", "to_organisation_id": "aan"}, o.id),
            counts.get(o.id, 0))


def people_below(s: Session, org_ids: Sequence[str]) -> dict[str, int]:
    """Per organisation: distinct persons with a current function there or in any unit
    below it (one recursive query; a unit counted under two parents is not possible)."""
    if not org_ids:
        return {}
    tree = (select(Organisation.id.label("top"), Organisation.id.label("unit"))
            .where(Organisation.id.in_(list(org_ids)), Organisation.deleted_at.is_(None))
            .cte("tree", recursive=True))
    below = select(tree.c.top, Organisation.id).join(
        Organisation, Organisation.parent_id == tree.c.unit).where(
        Organisation.deleted_at.is_(None))
    tree = tree.union(below)
    rows = s.execute(
        select(tree.c.top, func.count(func.distinct(Position.person_id)))
        .join(Position, Position.organisation_id == tree.c.unit)
        .join(Person, Person.id == Position.person_id)
        .where(Position.deleted_at.is_(None), Position.end_date.is_(None),
               Person.deleted_at.is_(None))
        .group_by(tree.c.top))
    return {top: int(n) for top, n in rows}
