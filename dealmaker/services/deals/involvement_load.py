"""Read a deal's ministry involvement and coalition from the workspace (see
``involvement`` for the rules): one query for the Rijk participants of its contact
moments with the organisation they worked at on that day, one for the organisations."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from dealmaker.domain.enums import Side
from dealmaker.services.deals.involvement import Contact, Involvement, Org, involvement, ministry_of
from dealmaker.services.deals.links import opgave_lines, theme_lines
from dealmaker.services.deals.ministries import theme_owners
from dealmaker.storage.models import (
    Deal,
    DealParty,
    Interaction,
    InteractionDeal,
    InteractionParticipant,
    Organisation,
    Position,
)
from dealmaker.storage.workspace import Workspace


def _orgs(s: Session, extra: set[str]) -> dict[str, Org]:
    cols = (Organisation.id, Organisation.name, Organisation.kind, Organisation.side,
            Organisation.parent_id, Organisation.helix, Organisation.short_name)
    orgs = {r[0]: Org(*r) for r in s.execute(select(*cols).where(
        Organisation.side == Side.RIJK, Organisation.deleted_at.is_(None)))}
    wanted = extra - set(orgs)
    while wanted:  # the parties and their parents, up the tree
        found = {r[0]: Org(*r) for r in s.execute(select(*cols).where(
            Organisation.id.in_(wanted)))}
        orgs.update(found)
        wanted = {o.parent_id for o in found.values() if o.parent_id} - set(orgs)
    return orgs


def _contacts(s: Session, deal_id: str) -> list[Contact]:
    day = Interaction.occurred_on
    rows = s.execute(
        select(Interaction.id, day, Position.organisation_id)
        .join(InteractionDeal, InteractionDeal.interaction_id == Interaction.id)
        .join(InteractionParticipant, InteractionParticipant.interaction_id == Interaction.id)
        .join(Position, Position.person_id == InteractionParticipant.person_id)
        .join(Organisation, Organisation.id == Position.organisation_id)
        .where(InteractionDeal.deal_id == deal_id, InteractionDeal.deleted_at.is_(None),
               Interaction.deleted_at.is_(None), InteractionParticipant.deleted_at.is_(None),
               Position.deleted_at.is_(None), Organisation.side == Side.RIJK,
               or_(Position.start_date.is_(None), Position.start_date <= day),
               or_(Position.end_date.is_(None), Position.end_date >= day)))
    return [Contact(*r) for r in rows]


def deal_involvement(ws: Workspace, deal_id: str) -> Involvement:
    with ws.read() as s:
        deal = s.get(Deal, deal_id)
        if deal is None or deal.deleted_at is not None:
            raise LookupError("Deze deal bestaat niet (meer).")
        parties = list(s.scalars(select(DealParty.organisation_id).where(
            DealParty.deal_id == deal_id, DealParty.deleted_at.is_(None))))
        opgaven = opgave_lines(s, deal_id)
        themes = theme_lines(s, deal_id, opgaven)
        owners = theme_owners(s)
        orgs = _orgs(s, set(parties) | {o.owner_id for o in opgaven if o.owner_id}
                     | {o for t in themes for o in owners.get(t.id, ())})
        contacts = _contacts(s, deal_id)
        submitted, signed = deal.submitted_on, deal.signed_on
    why: dict[str, list[str]] = {}
    for o in opgaven:
        ministry = ministry_of(o.owner_id, orgs) if o.owner_id else None
        if ministry is not None:
            why.setdefault(ministry, []).append(f"opgave {o.name}")
    for t in themes:
        for owner in sorted(owners.get(t.id, ())):
            ministry = ministry_of(owner, orgs)
            if ministry is not None and f"thema {t.name}" not in why.get(ministry, []):
                why.setdefault(ministry, []).append(f"thema {t.name}")
    return involvement(contacts, orgs, submitted=submitted, signed=signed,
                       relevant={m: ", ".join(r) for m, r in why.items()}, parties=parties)
