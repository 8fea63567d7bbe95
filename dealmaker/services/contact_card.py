"""The contact card and the organisation card: everything about one person or party.

Plain data for the UI: dates as ``date``, money in cents (the UI formats with
``format_eur``), enums with their Dutch ``.label``. Each card is a handful of indexed
queries on one id; the timeline is limited (newest first).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session, aliased

from dealmaker.domain.enums import (
    CommitmentKind,
    CommitmentState,
    ContributionForm,
    RelationKind,
    Sector,
)
from dealmaker.services.cadence import load_policy
from dealmaker.services.directory import DealLink, current_positions, person_deals, person_tags
from dealmaker.services.interactions import TimelineEntry, timeline_in
from dealmaker.storage.models import (
    Commitment,
    Deal,
    Organisation,
    Person,
    Pledge,
    Position,
    Relation,
    Theme,
)
from dealmaker.storage.workspace import Workspace

TIMELINE_LIMIT = 20


@dataclass(frozen=True)
class Holder:
    """Who holds (or held) a position: for successors and predecessors."""

    position_id: str
    person_id: str
    name: str
    title: str
    organisation: str


@dataclass(frozen=True)
class PositionRow:
    position_id: str
    organisation_id: str
    organisation: str
    title: str
    start_date: date | None
    end_date: date | None
    current: bool
    successor: Holder | None
    predecessor: Holder | None


@dataclass(frozen=True)
class RelationRow:
    relation_id: str
    #: True: this person -> other; False: other -> this person
    outgoing: bool
    other_kind: str  # "person" | "organisation"
    other_id: str
    other_name: str
    kind: RelationKind
    strength: int
    since: date | None
    theme: str
    note: str


@dataclass(frozen=True)
class CommitmentRow:
    id: str
    title: str
    kind: CommitmentKind
    state: CommitmentState
    deal_id: str | None
    deal_name: str
    from_organisation: str
    to_organisation: str
    amount_cents: int | None
    due_on: date | None
    within_mandate: bool
    #: Dutch: "eigenaar", "tegenpartij", "bevestigd door" (person); "van", "aan" (party)
    roles: tuple[str, ...]


@dataclass(frozen=True)
class PledgeRow:
    id: str
    deal_id: str
    deal_name: str
    organisation_id: str
    organisation: str
    sector: Sector
    form: ContributionForm
    year: int
    pledged_cents: int
    realised_cents: int
    note: str


@dataclass(frozen=True)
class PersonCard:
    id: str
    display_name: str
    first_name: str
    tussenvoegsel: str
    last_name: str
    email: str
    phone: str
    notes: str
    is_demo: bool
    tags: tuple[str, ...]
    own_cadence_days: int | None
    #: effective cadence and where it comes from ("eigen instelling", "tag '...'", ...)
    cadence_days: int
    cadence_source: str
    cold: bool
    last_contact_on: date | None
    next_follow_up_on: date | None
    positions: tuple[PositionRow, ...]
    relations: tuple[RelationRow, ...]
    timeline: tuple[TimelineEntry, ...]
    commitments: tuple[CommitmentRow, ...]
    pledges: tuple[PledgeRow, ...]
    deals: tuple[DealLink, ...]


def _person(s: Session, person_id: str) -> Person:
    person = s.get(Person, person_id)
    if person is None or person.deleted_at is not None:
        raise LookupError(f"Contact {person_id} bestaat niet (meer).")
    return person


def person_card(ws: Workspace, person_id: str, today: date | None = None,
                timeline_limit: int = TIMELINE_LIMIT) -> PersonCard:
    today = today or date.today()
    with ws.read() as s:
        p = _person(s, person_id)
        current = current_positions(s, [p.id]).get(p.id, [])
        tags = person_tags(s, [p.id]).get(p.id, [])
        policy = load_policy(s)
        days, source = policy.effective(p.cadence_days, [t for t, _ in tags],
                                        [x.title for x in current])
        org_ids = list(dict.fromkeys(x.organisation_id for x in current))
        return PersonCard(
            p.id, p.full_name, p.first_name, p.tussenvoegsel, p.last_name, p.email, p.phone,
            p.notes, p.is_demo, tuple(n for _, n in tags), p.cadence_days, days, source,
            policy.is_cold(p.last_contact_on, days, today), p.last_contact_on,
            p.next_follow_up_on, _positions(s, p.id, [x.position_id for x in current]),
            _relations(s, p.id), tuple(timeline_in(s, p.id, timeline_limit)),
            _person_commitments(s, p.id), pledges(s, Pledge.organisation_id.in_(org_ids)),
            tuple(person_deals(s, [p.id]).get(p.id, [])))


def _holders(s: Session, position_ids: list[str]) -> dict[str, Holder]:
    rows = s.execute(
        select(Position, Person, Organisation)
        .join(Person, Person.id == Position.person_id)
        .join(Organisation, Organisation.id == Position.organisation_id)
        .where(Position.id.in_(position_ids), Position.deleted_at.is_(None),
               Person.deleted_at.is_(None)))
    return {po.id: Holder(po.id, pe.id, pe.full_name, po.title, org.short_name or org.name)
            for po, pe, org in rows}


def _positions(s: Session, person_id: str, primary_order: list[str]
               ) -> tuple[PositionRow, ...]:
    """Current positions (primary first), then former ones (latest end first)."""
    rows = s.execute(
        select(Position, Organisation)
        .join(Organisation, Organisation.id == Position.organisation_id)
        .where(Position.person_id == person_id, Position.deleted_at.is_(None))).all()
    ids = [po.id for po, _ in rows]
    before = {po.successor_id: po.id for po in s.scalars(select(Position).where(
        Position.successor_id.in_(ids), Position.deleted_at.is_(None)))}
    holders = _holders(s, [x for po, _ in rows if (x := po.successor_id)]
                       + list(before.values()))
    out = [PositionRow(po.id, org.id, org.name, po.title, po.start_date, po.end_date,
                       po.end_date is None,
                       holders.get(po.successor_id) if po.successor_id else None,
                       holders.get(before[po.id]) if po.id in before else None)
           for po, org in rows]
    rank = {pid: n for n, pid in enumerate(primary_order)}
    out.sort(key=lambda r: (r.end_date or date.max), reverse=True)
    out.sort(key=lambda r: rank.get(r.position_id, len(rank)))
    return tuple(out)


def _relations(s: Session, person_id: str) -> tuple[RelationRow, ...]:
    other = aliased(Person)
    rows = s.execute(
        select(Relation, other, Organisation, Theme.name)
        .outerjoin(other, (other.id == Relation.target_person_id)
                   & other.deleted_at.is_(None))
        .outerjoin(Organisation, (Organisation.id == Relation.target_organisation_id)
                   & Organisation.deleted_at.is_(None))
        .outerjoin(Theme, Theme.id == Relation.theme_id)
        .where(Relation.source_person_id == person_id, Relation.deleted_at.is_(None))).all()
    out = [RelationRow(r.id, True, "person" if pe else "organisation",
                       pe.id if pe else org.id, pe.full_name if pe else org.name, r.kind,
                       r.strength, r.since, theme or "", r.note)
           for r, pe, org, theme in rows if (pe or org) is not None]
    source = aliased(Person)
    for r, pe, theme in s.execute(
            select(Relation, source, Theme.name)
            .join(source, source.id == Relation.source_person_id)
            .outerjoin(Theme, Theme.id == Relation.theme_id)
            .where(Relation.target_person_id == person_id, Relation.deleted_at.is_(None),
                   source.deleted_at.is_(None))):
        out.append(RelationRow(r.id, False, "person", pe.id, pe.full_name, r.kind,
                               r.strength, r.since, theme or "", r.note))
    out.sort(key=lambda r: (-r.strength, r.other_name.lower()))
    return tuple(out)


def commitments(s: Session, where: ColumnElement[bool], roles: dict[str, str],
                match: str) -> tuple[CommitmentRow, ...]:
    """Commitments matching ``where``; ``roles`` maps a column name to a Dutch role,
    listed when that column equals ``match``."""
    frm, to = aliased(Organisation), aliased(Organisation)
    rows = s.execute(
        select(Commitment, Deal.name, frm.name, to.name)
        .outerjoin(Deal, Deal.id == Commitment.deal_id)
        .join(frm, frm.id == Commitment.from_organisation_id)
        .join(to, to.id == Commitment.to_organisation_id)
        .where(where, Commitment.deleted_at.is_(None))
        .order_by(Commitment.due_on.is_(None), Commitment.due_on, Commitment.title))
    return tuple(
        CommitmentRow(c.id, c.title, c.kind, c.state, c.deal_id, deal or "", f, t,
                      c.amount_cents, c.due_on, c.within_mandate,
                      tuple(label for col, label in roles.items()
                            if getattr(c, col) == match))
        for c, deal, f, t in rows)


def _person_commitments(s: Session, person_id: str) -> tuple[CommitmentRow, ...]:
    return commitments(
        s, or_(Commitment.owner_id == person_id, Commitment.counterpart_id == person_id,
               Commitment.confirmed_by_id == person_id),
        {"owner_id": "eigenaar", "counterpart_id": "tegenpartij",
         "confirmed_by_id": "bevestigd door"}, person_id)


def pledges(s: Session, where: ColumnElement[bool]) -> tuple[PledgeRow, ...]:
    rows = s.execute(
        select(Pledge, Deal.name, Organisation)
        .join(Deal, Deal.id == Pledge.deal_id)
        .join(Organisation, Organisation.id == Pledge.organisation_id)
        .where(where, Pledge.deleted_at.is_(None))
        .order_by(Deal.name, Pledge.year, Organisation.name))
    return tuple(PledgeRow(p.id, p.deal_id, deal, o.id, o.short_name or o.name, p.sector,
                           p.form, p.year, p.pledged_cents, p.realised_cents, p.note)
                 for p, deal, o in rows)
