"""Factory helpers: small hand-made workspaces, written through the ORM in units of work
(journalled, derived contact dates and search index kept in step like in the app)."""


from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from dealmaker.domain.enums import InteractionKind, OrgKind, PartyRole, RelationKind, Side
from dealmaker.services.interactions import InteractionData, complete_follow_up, log_interaction
from dealmaker.storage.models import (
    Deal,
    DealParty,
    Organisation,
    Person,
    PersonTag,
    Position,
    Relation,
    Tag,
    Theme,
)
from dealmaker.storage.models.base import Entity
from dealmaker.storage.workspace import Workspace

RIJK_KINDS = {OrgKind.MINISTERIE, OrgKind.DG, OrgKind.DIRECTIE, OrgKind.AFDELING}


class Factory:
    """``make.person("Anna", "Berg", tv="van den", at=org, title="wethouder")`` etc."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def add(self, obj: Entity, name: str = "Testdata") -> str:
        with self.ws.uow(name) as uow:
            uow.session.add(obj)
            uow.session.flush()
            uow.commit()
        return obj.id

    def org(self, name: str, kind: OrgKind = OrgKind.GEMEENTE, *, short: str | None = None,
            parent: str | None = None, side: Side | None = None,
            aliases: Sequence[str] = ()) -> str:
        side = side or (Side.RIJK if kind in RIJK_KINDS else Side.REGIO)
        return self.add(Organisation(name=name, kind=kind, side=side, short_name=short,
                                     parent_id=parent, aliases=list(aliases)))

    def person(self, first: str, last: str, *, tv: str = "", email: str = "",
               phone: str = "", notes: str = "", cadence: int | None = None,
               at: str | None = None, title: str = "", start: date | None = None) -> str:
        pid = self.add(Person(first_name=first, tussenvoegsel=tv, last_name=last,
                              email=email, phone=phone, notes=notes, cadence_days=cadence))
        if at is not None:
            self.position(pid, at, title, start=start)
        return pid

    def position(self, person: str, org: str, title: str = "", *, start: date | None = None,
                 end: date | None = None, successor: str | None = None) -> str:
        return self.add(Position(person_id=person, organisation_id=org, title=title,
                                 start_date=start, end_date=end, successor_id=successor))

    def tag(self, name: str, *persons: str) -> str:
        tid = self.add(Tag(name=name))
        for p in persons:
            self.add(PersonTag(person_id=p, tag_id=tid))
        return tid

    def deal(self, name: str, *, aliases: Sequence[str] = (), tranche: str | None = None,
             dealmaker: str | None = None) -> str:
        return self.add(Deal(name=name, aliases=list(aliases), tranche=tranche,
                             dealmaker_id=dealmaker))

    def party(self, deal: str, org: str, role: PartyRole = PartyRole.COFINANCIER,
              **kw: Any) -> str:
        return self.add(DealParty(deal_id=deal, organisation_id=org, role=role, **kw))

    def theme(self, name: str, parent: str | None = None) -> str:
        return self.add(Theme(name=name, parent_id=parent))

    def relation(self, source: str, *, person: str | None = None, org: str | None = None,
                 kind: RelationKind = RelationKind.WERKRELATIE, strength: int = 3) -> str:
        return self.add(Relation(source_person_id=source, target_person_id=person,
                                 target_organisation_id=org, kind=kind, strength=strength))

    def contact(self, people: Sequence[str], on: date, *, follow_up_on: date | None = None,
                action: str = "", deals: Sequence[str] = (), summary: str = "",
                done_on: date | None = None,
                kind: InteractionKind = InteractionKind.OVERLEG) -> str:
        iid, _ = log_interaction(self.ws, InteractionData(
            occurred_on=on, kind=kind, participant_ids=list(people), deal_ids=list(deals),
            summary=summary, follow_up_on=follow_up_on, follow_up_action=action))
        if done_on is not None:
            complete_follow_up(self.ws, iid, done_on)
        return iid
