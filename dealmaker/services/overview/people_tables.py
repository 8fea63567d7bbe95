"""Recent-record tables of people, organisations and relations."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from dealmaker.domain.dates import format_date
from dealmaker.services.overview.common import (
    fold,
    format_moment,
    is_live,
    label_of,
    person_name,
    recent_rows,
    shorten,
)
from dealmaker.services.overview.types import Column, RecentRow, RecentTable
from dealmaker.storage.models import (
    Interaction,
    InteractionParticipant,
    Organisation,
    Person,
    Position,
    Relation,
)

UPDATED = Column("updated_at", "Gewijzigd")


def contacts_table(session: Session, limit: int) -> RecentTable:
    rows = session.execute(recent_rows(
        Person, Person.first_name, Person.tussenvoegsel, Person.last_name, Person.email,
        Person.phone, Person.updated_at, limit=limit)).all()
    ids = [r[0] for r in rows]
    current: dict[str, tuple[str, str]] = {}
    if ids:
        pos = session.execute(
            select(Position.person_id, Position.title, Organisation.name)
            .join(Organisation, Organisation.id == Position.organisation_id)
            .where(Position.person_id.in_(ids), is_live(Position), Position.end_date.is_(None))
            .order_by(Position.start_date))
        for person_id, title, org in pos:  # the latest start wins
            current[person_id] = (title, org)
    out = []
    for pid, first, tussen, last, email, phone, updated in rows:
        name = person_name(first, tussen, last)
        title, org = current.get(pid, ("", ""))
        out.append(RecentRow(
            pid, (name, title, org, email, phone, format_moment(updated)),
            (fold(f"{last} {first} {tussen}"), fold(title), fold(org), fold(email),
             phone, updated)))
    cols = (Column("name", "Naam"), Column("title", "Functie"),
            Column("organisation", "Organisatie", stretch=True), Column("email", "E-mail"),
            Column("phone", "Telefoon"), UPDATED)
    return RecentTable("contacts", "Recent gewijzigde contacten", cols, tuple(out),
                       "Nog geen contacten in deze werkruimte.")


def interactions_table(session: Session, limit: int, today: date) -> RecentTable:
    rows = session.execute(recent_rows(
        Interaction, Interaction.occurred_on, Interaction.kind, Interaction.summary,
        Interaction.follow_up_on, Interaction.follow_up_done_on,
        order=Interaction.occurred_on, limit=limit)).all()
    ids = [r[0] for r in rows]
    names: dict[str, list[str]] = defaultdict(list)
    if ids:
        parts = session.execute(
            select(InteractionParticipant.interaction_id, Person.first_name,
                   Person.tussenvoegsel, Person.last_name)
            .join(Person, Person.id == InteractionParticipant.person_id)
            .where(InteractionParticipant.interaction_id.in_(ids),
                   is_live(InteractionParticipant))
            .order_by(Person.last_name))
        for iid, first, tussen, last in parts:
            names[iid].append(person_name(first, tussen, last))
    out = []
    for iid, occurred, kind, summary, follow, done in rows:
        who = names.get(iid, [])
        who_text = ", ".join(who[:3]) + (f" +{len(who) - 3}" if len(who) > 3 else "")
        follow_text = format_date(follow) + (" (gedaan)" if follow and done else "")
        late = follow is not None and done is None and follow < today
        out.append(RecentRow(
            iid, (format_date(occurred), label_of(kind), who_text, shorten(summary),
                  follow_text),
            (occurred, label_of(kind), fold(who_text), fold(summary), follow),
            frozenset({4}) if late else frozenset()))
    cols = (Column("occurred_on", "Datum"), Column("kind", "Soort"),
            Column("participants", "Deelnemers"),
            Column("summary", "Samenvatting", stretch=True), Column("follow_up_on", "Opvolging"))
    return RecentTable("interactions", "Recente contactmomenten", cols, tuple(out),
                       "Nog geen contactmomenten vastgelegd.")


def organisations_table(session: Session, limit: int) -> RecentTable:
    rows = session.execute(recent_rows(
        Organisation, Organisation.name, Organisation.short_name, Organisation.kind,
        Organisation.side, Organisation.helix, Organisation.updated_at, limit=limit)).all()
    out = [RecentRow(
        oid, (name, short or "", label_of(kind), label_of(side), label_of(helix),
              format_moment(updated)),
        (fold(name), fold(short or ""), label_of(kind), label_of(side), label_of(helix), updated))
        for oid, name, short, kind, side, helix, updated in rows]
    cols = (Column("name", "Naam", stretch=True), Column("short_name", "Afkorting"),
            Column("kind", "Soort"), Column("side", "Kant"), Column("helix", "Helix"), UPDATED)
    return RecentTable("organisations", "Recent gewijzigde organisaties", cols, tuple(out),
                       "Nog geen organisaties in deze werkruimte.")


def relations_table(session: Session, limit: int) -> RecentTable:
    src, tgt = aliased(Person), aliased(Person)
    stmt = (select(Relation.id, src.first_name, src.tussenvoegsel, src.last_name,
                   tgt.first_name, tgt.tussenvoegsel, tgt.last_name, Organisation.name,
                   Relation.kind, Relation.strength, Relation.since, Relation.updated_at)
            .outerjoin(src, src.id == Relation.source_person_id)
            .outerjoin(tgt, tgt.id == Relation.target_person_id)
            .outerjoin(Organisation, Organisation.id == Relation.target_organisation_id)
            .where(is_live(Relation))
            .order_by(Relation.updated_at.desc(), Relation.id.desc()).limit(limit))
    out = []
    for rid, f1, t1, l1, f2, t2, l2, org, kind, strength, since, updated in session.execute(stmt):
        source = person_name(f1, t1, l1)
        target = org if org else person_name(f2, t2, l2)
        out.append(RecentRow(
            rid, (source, target, label_of(kind), "●" * strength + "○" * (5 - strength),
                  format_date(since), format_moment(updated)),
            (fold(source), fold(target), label_of(kind), strength, since, updated)))
    cols = (Column("source", "Van"), Column("target", "Naar", stretch=True),
            Column("kind", "Soort"), Column("strength", "Sterkte"), Column("since", "Sinds"),
            UPDATED)
    return RecentTable("relations", "Recent gewijzigde relaties", cols, tuple(out),
                       "Nog geen relaties in het connectieplan.")


