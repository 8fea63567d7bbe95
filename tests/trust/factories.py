"""Factory helpers: small hand-made data via the ORM inside a unit of work."""


from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from dealmaker.domain.enums import (
    CommitmentKind,
    ContributionForm,
    InteractionKind,
    MeetingKind,
    OrgKind,
    RelationKind,
    Sector,
    Side,
)
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
from dealmaker.storage.workspace import Workspace


def org(s: Session, name: str = "Gemeente Enschede", **kw: Any) -> Organisation:
    kw.setdefault("kind", OrgKind.GEMEENTE)
    kw.setdefault("side", Side.REGIO)
    obj = Organisation(name=name, **kw)
    s.add(obj)
    s.flush()
    return obj


def person(s: Session, first: str, last: str, **kw: Any) -> Person:
    obj = Person(first_name=first, last_name=last, **kw)
    s.add(obj)
    s.flush()
    return obj


def position(s: Session, who: Person, where: Organisation, title: str = "Wethouder") -> Position:
    obj = Position(person_id=who.id, organisation_id=where.id, title=title)
    s.add(obj)
    s.flush()
    return obj


def interaction(s: Session, on: date, *people: Person, summary: str = "",
                **kw: Any) -> Interaction:
    obj = Interaction(occurred_on=on, kind=kw.pop("kind", InteractionKind.OVERLEG),
                      summary=summary, **kw)
    s.add(obj)
    s.flush()
    for p in people:
        s.add(InteractionParticipant(interaction_id=obj.id, person_id=p.id))
    s.flush()
    return obj


def add(s: Session, obj: Any) -> Any:
    s.add(obj)
    s.flush()
    return obj


@dataclass
class World:
    """Two persons ('Anna' and her duplicate 'Ann') linked in every way, plus a third."""

    anna: str
    ann: str
    bert: str
    org: str
    deal: str
    interaction: str


def build_world(ws: Workspace) -> World:
    with ws.uow("Testgegevens") as uow:
        s = uow.session
        enschede = org(s)
        bzk = org(s, "Ministerie van BZK", kind=OrgKind.MINISTERIE, side=Side.RIJK)
        anna = person(s, "Anna", "Berg", tussenvoegsel="van den",
                      email="anna.vandenberg@enschede.example", phone="053 481 1234",
                      notes="Houdt van fietsen", cadence_days=30)
        ann = person(s, "Ann", "Berg", tussenvoegsel="van den", email="",
                     phone="06-12345678", notes="Dubbel ingevoerd")
        bert = person(s, "Bert", "Jansen", email="bert@bzk.example")
        position(s, anna, enschede)
        position(s, ann, bzk, "Beleidsmedewerker")
        deal = add(s, Deal(name="Twente", dealmaker_id=ann.id, granted_cents=1_250_000_00))
        shared = interaction(s, date(2025, 3, 4), anna, ann, bert,
                             summary="Overleg met Anna van den Berg over Twente")
        interaction(s, date(2025, 6, 1), ann, summary="Belafspraak",
                    follow_up_action="Mail anna.vandenberg@enschede.example")
        add(s, Relation(source_person_id=ann.id, target_person_id=anna.id,
                        kind=RelationKind.WERKRELATIE, note="zelfde persoon"))
        add(s, Relation(source_person_id=bert.id, target_person_id=ann.id,
                        kind=RelationKind.BESTUURLIJK, note="kent Anna van den Berg goed"))
        add(s, Relation(source_person_id=ann.id, target_organisation_id=bzk.id,
                        kind=RelationKind.INHOUDELIJK))
        add(s, Commitment(title="Capaciteit", kind=CommitmentKind.CAPACITEIT,
                          from_organisation_id=bzk.id, to_organisation_id=enschede.id,
                          owner_id=ann.id, counterpart_id=bert.id, confirmed_by_id=ann.id,
                          amount_cents=50_000_00, deal_id=deal.id,
                          description="Toegezegd aan Anna van den Berg"))
        add(s, Mandate(holder_id=ann.id, topic="Capaciteit", granted_by_id=bert.id,
                       limit_cents=100_000_00))
        add(s, Mandate(holder_id=bert.id, topic="Geld", granted_by_id=ann.id))
        meeting = add(s, Meeting(kind=MeetingKind.STUURGROEP, held_on=date(2025, 4, 1),
                                 title="Stuurgroep", decisions="Anna van den Berg trekt"))
        add(s, MeetingParticipant(meeting_id=meeting.id, person_id=anna.id))
        add(s, MeetingParticipant(meeting_id=meeting.id, person_id=ann.id))
        tag = add(s, Tag(name="Twente"))
        add(s, PersonTag(person_id=anna.id, tag_id=tag.id))
        add(s, PersonTag(person_id=ann.id, tag_id=tag.id))
        add(s, PersonTag(person_id=ann.id, tag_id=add(s, Tag(name="Wonen")).id))
        add(s, Pledge(deal_id=deal.id, organisation_id=enschede.id, sector=Sector.PUBLIEK,
                      form=ContributionForm.IN_CASH, year=2025, pledged_cents=2_000_000_00))
        uow.commit()
    return World(anna.id, ann.id, bert.id, enschede.id, deal.id, shared.id)
