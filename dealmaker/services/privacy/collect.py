"""Everything the workspace holds about one person, as typed sheets (AVG inzage).

Soft-deleted rows are included (they are still held) with the date they were deleted.
Other people at the same contact moment are counted, not named: an access request
shows the requester's data, not third parties'.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from dealmaker.domain.enums import Labeled
from dealmaker.services.history import FIELD_LABELS, record_history, record_name
from dealmaker.storage.models import (
    Commitment,
    Deal,
    Interaction,
    InteractionParticipant,
    Mandate,
    Meeting,
    MeetingParticipant,
    Organisation,
    Person,
    PersonTag,
    Pledge,
    Position,
    Relation,
    Tag,
)
from dealmaker.storage.scrub import merged_into
from dealmaker.storage.workspace import Workspace


@dataclass(frozen=True)
class Money:
    """An amount in cents, so the writers can format it as money."""

    cents: int


Value = str | int | bool | date | datetime | Money | None


@dataclass(frozen=True)
class Sheet:
    name: str
    headers: tuple[str, ...]
    rows: Sequence[Sequence[Value]]


def _v(value: Any) -> Value:
    if isinstance(value, Labeled):
        return value.label
    if isinstance(value, datetime):
        return value.astimezone().replace(tzinfo=None)  # local time; Excel has no zones
    return value  # type: ignore[no-any-return]


def _gone(row: Any) -> Value:
    return _v(row.deleted_at.date() if row.deleted_at else None)


def _money(cents: int | None) -> Money | None:
    return None if cents is None else Money(cents)


def _name(s: Session, entity: str, entity_id: str | None) -> str:
    return "" if entity_id is None else record_name(s, entity, entity_id)


def _person(p: Person) -> Sheet:
    keys = ("first_name", "tussenvoegsel", "last_name", "email", "phone", "notes",
            "cadence_days", "last_contact_on", "next_follow_up_on", "created_at", "deleted_at")
    extra = {"last_contact_on": "Laatste contact", "next_follow_up_on": "Volgende opvolging",
             "created_at": "Ingevoerd op"}
    rows = [(extra.get(k) or FIELD_LABELS[k], _v(getattr(p, k))) for k in keys]
    return Sheet("Persoon", ("Gegeven", "Waarde"), rows)


def _positions(s: Session, pid: str) -> Sheet:
    rows = [(_name(s, "organisation", p.organisation_id), p.title, p.start_date, p.end_date,
             _gone(p)) for p in s.scalars(select(Position).where(Position.person_id == pid))]
    return Sheet("Functies", ("Organisatie", "Functie", "Van", "Tot", "Verwijderd op"), rows)


def _preload(s: Session, cls: type[Person] | type[Organisation],
             ids: set[str | None]) -> list[object]:
    """Load the named records in one query each 500, so ``_name`` finds them in the
    session's identity map (which holds them only while the caller keeps the list)."""
    wanted = [i for i in ids if i is not None]
    return [obj for start in range(0, len(wanted), 500)
            for obj in s.scalars(select(cls).where(cls.id.in_(wanted[start:start + 500])))]


def _relations(s: Session, pid: str) -> Sheet:
    rows = []
    found = s.scalars(select(Relation).where(or_(
        Relation.source_person_id == pid, Relation.target_person_id == pid,
        Relation.owner_id == pid))).all()
    held = [*_preload(s, Person, {i for r in found
                                  for i in (r.source_person_id, r.target_person_id)}),
            *_preload(s, Organisation, {r.target_organisation_id for r in found})]
    for r in found:
        if r.source_person_id == pid:
            way = "van deze persoon"
            other = (_name(s, "person", r.target_person_id) or
                     _name(s, "organisation", r.target_organisation_id))
        else:
            way = "naar deze persoon" if r.target_person_id == pid else "als eigenaar"
            other = _name(s, "person", r.source_person_id)
        rows.append((way, other, _v(r.kind), r.strength, r.since, r.note, _gone(r)))
    del held
    return Sheet("Relaties", ("Richting", "Andere partij", "Soort", "Sterkte", "Sinds",
                              "Notitie", "Verwijderd op"), rows)


def _interactions(s: Session, pid: str) -> Sheet:
    mine = select(InteractionParticipant.interaction_id).where(
        InteractionParticipant.person_id == pid)
    counts = (select(InteractionParticipant.interaction_id.label("iid"),
                     func.count().label("n"))
              .where(InteractionParticipant.interaction_id.in_(mine),
                     InteractionParticipant.deleted_at.is_(None))
              .group_by(InteractionParticipant.interaction_id).subquery())
    query = (select(Interaction.occurred_on, Interaction.kind, Interaction.direction,
                    Interaction.summary, Interaction.follow_up_action,
                    Interaction.follow_up_on, func.coalesce(counts.c.n, 0),
                    Interaction.deleted_at)
             .outerjoin(counts, counts.c.iid == Interaction.id)
             .where(Interaction.id.in_(mine)).order_by(Interaction.occurred_on))
    rows = [(on, _v(kind), _v(way), summary, action, follow, n,
             _v(gone.date() if gone else None))
            for on, kind, way, summary, action, follow, n, gone in s.execute(query)]
    return Sheet("Contactmomenten", ("Datum", "Soort", "Richting", "Samenvatting",
                                     "Vervolgactie", "Opvolgen op", "Aantal deelnemers",
                                     "Verwijderd op"), rows)


def _commitments(s: Session, pid: str) -> Sheet:
    rows = []
    for c in s.scalars(select(Commitment).where(or_(
            Commitment.owner_id == pid, Commitment.counterpart_id == pid,
            Commitment.confirmed_by_id == pid))):
        roles = [r for r, who in (("eigenaar", c.owner_id), ("tegenpartij", c.counterpart_id),
                                  ("bevestigd door", c.confirmed_by_id)) if who == pid]
        rows.append((c.title, ", ".join(roles), _v(c.kind), _v(c.state),
                     _name(s, "organisation", c.from_organisation_id),
                     _name(s, "organisation", c.to_organisation_id), _money(c.amount_cents),
                     c.due_on, c.within_mandate, c.description, _gone(c)))
    return Sheet("Toezeggingen", ("Titel", "Rol", "Soort", "Status", "Van organisatie",
                                  "Aan organisatie", "Bedrag", "Deadline", "Binnen mandaat",
                                  "Omschrijving", "Verwijderd op"), rows)


def _pledges(s: Session, pid: str) -> Sheet:
    orgs = select(Position.organisation_id).where(Position.person_id == pid)
    rows = [(_name(s, "deal", p.deal_id), _name(s, "organisation", p.organisation_id), p.year,
             _v(p.sector), _v(p.form), Money(p.pledged_cents), Money(p.realised_cents),
             _gone(p))
            for p in s.scalars(select(Pledge).where(Pledge.organisation_id.in_(orgs))
                               .order_by(Pledge.year))]
    return Sheet("Bijdragen (context)", ("Deal", "Organisatie", "Jaar", "Sector", "Vorm",
                                         "Toegezegd", "Gerealiseerd", "Verwijderd op"), rows)


def _small(s: Session, pid: str) -> list[Sheet]:
    tags = [(t.name, _gone(pt)) for pt, t in s.execute(
        select(PersonTag, Tag).join(Tag, Tag.id == PersonTag.tag_id)
        .where(PersonTag.person_id == pid))]
    mandates = [("houder" if m.holder_id == pid else "verleend door", m.topic,
                 _name(s, "deal", m.deal_id), _money(m.limit_cents), m.valid_from, m.valid_to,
                 _gone(m))
                for m in s.scalars(select(Mandate).where(or_(Mandate.holder_id == pid,
                                                             Mandate.granted_by_id == pid)))]
    mine = select(MeetingParticipant.meeting_id).where(MeetingParticipant.person_id == pid)
    meetings = [(m.held_on, _v(m.kind), m.title, _name(s, "deal", m.deal_id), m.decisions,
                 _gone(m)) for m in s.scalars(select(Meeting).where(Meeting.id.in_(mine)))]
    deals = [(d.name, _v(d.phase), d.tranche, _gone(d))
             for d in s.scalars(select(Deal).where(Deal.dealmaker_id == pid))]
    return [
        Sheet("Tags", ("Tag", "Verwijderd op"), tags),
        Sheet("Mandaten", ("Rol", "Onderwerp", "Deal", "Limiet", "Geldig vanaf", "Geldig tot",
                           "Verwijderd op"), mandates),
        Sheet("Overleggen", ("Datum", "Soort", "Titel", "Deal", "Besluiten", "Verwijderd op"),
              meetings),
        Sheet("Deals als dealmaker", ("Deal", "Fase", "Tranche", "Verwijderd op"), deals),
    ]


def _journal(ws: Workspace, pid: str) -> Sheet:
    rows: list[Sequence[Value]] = [
        (_v(e.at), e.operation, e.field or "", e.old, e.new)
        for e in record_history(ws, "person", pid)]
    return Sheet("Wijzigingslog", ("Tijdstip", "Handeling", "Veld", "Oud", "Nieuw"), rows)


def _merged(s: Session, pid: str) -> Sheet:
    """Duplicates merged into the person: still held (soft-deleted), so shown."""
    from dealmaker.services.privacy.forget import MERGE_OPERATION

    ids = merged_into(s.connection(), pid, MERGE_OPERATION) - {pid}
    rows = [(p.first_name, p.tussenvoegsel, p.last_name, p.email, p.phone, p.notes,
             _gone(p)) for p in s.scalars(select(Person).where(Person.id.in_(ids)))]
    return Sheet("Samengevoegde contacten", ("Voornaam", "Tussenvoegsel", "Achternaam",
                                             "E-mail", "Telefoon", "Notities",
                                             "Verwijderd op"), rows)


def collect(ws: Workspace, person_id: str) -> tuple[str, Sequence[Sheet]]:
    """The person's display name and one sheet per kind of data."""
    with ws.read() as s:
        person = s.get(Person, person_id)
        if person is None:
            raise LookupError("Dit contact bestaat niet.")
        sheets = [_person(person), _positions(s, person_id), _relations(s, person_id),
                  _interactions(s, person_id), _commitments(s, person_id),
                  _pledges(s, person_id), *_small(s, person_id), _merged(s, person_id)]
        name = person.full_name
    return name, [*sheets, _journal(ws, person_id)]
