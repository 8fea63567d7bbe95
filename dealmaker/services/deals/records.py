"""Create and edit a deal together with its parties: one unit of work, one undoable step.

``save_deal`` writes the deal's fields and makes its live parties exactly the list given
(new ones added, changed ones updated, missing ones soft-deleted), and likewise its
opgaven and themes when given, so Ctrl+Z takes the whole edit back, links included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealmaker.domain.dates import utcnow
from dealmaker.domain.enums import DealPhase, Instrument, PartyRole
from dealmaker.services.changes import Changes
from dealmaker.services.people import ValidationError
from dealmaker.storage.models import (
    Deal,
    DealOpgave,
    DealParty,
    DealTheme,
    Opgave,
    Organisation,
    Theme,
)
from dealmaker.storage.workspace import Workspace

TABLES = frozenset({"deal", "deal_party", "deal_opgave", "deal_theme"})


@dataclass(frozen=True)
class DealData:
    name: str
    aliases: tuple[str, ...] = ()
    tranche: str | None = None
    region_description: str = ""
    instrument: Instrument | None = None
    submitted_on: date | None = None
    signed_on: date | None = None
    ends_on: date | None = None
    requested_cents: int | None = None
    granted_cents: int | None = None
    dealmaker_id: str | None = None
    phase: DealPhase = DealPhase.VOORSTEL


@dataclass(frozen=True)
class PartyData:
    organisation_id: str
    role: PartyRole
    joined_on: date | None = None
    left_on: date | None = None
    #: the existing deal_party row (None: a new party)
    id: str | None = field(default=None, compare=False)


def _validate(s: Session, data: DealData, parties: Sequence[PartyData]) -> None:
    if not data.name.strip():
        raise ValidationError("name", "Een deal heeft een naam nodig.")
    for key in ("requested_cents", "granted_cents"):
        value = getattr(data, key)
        if value is not None and value < 0:
            raise ValidationError(key, "Een bedrag is niet negatief.")
    if data.signed_on and data.ends_on and data.ends_on < data.signed_on:
        raise ValidationError("ends_on", "De looptijd eindigt vóór de ondertekening.")
    seen: set[tuple[str, PartyRole]] = set()
    for p in parties:
        org = s.get(Organisation, p.organisation_id)
        if org is None or org.deleted_at is not None:
            raise ValidationError("parties", "Een gekozen partij bestaat niet (meer).")
        if (p.organisation_id, p.role) in seen:
            raise ValidationError("parties", f"{org.name} staat twee keer als "
                                             f"{p.role.label.lower()} in de lijst.")
        seen.add((p.organisation_id, p.role))
        if p.joined_on and p.left_on and p.left_on < p.joined_on:
            raise ValidationError("parties", f"{org.name}: vertrokken vóór toegetreden.")


def _apply(deal: Deal, data: DealData) -> None:
    for f in fields(DealData):
        value = getattr(data, f.name)
        if f.name == "aliases":
            value = [a.strip() for a in value if a.strip()]
        elif f.name == "name":
            value = " ".join(value.split())
        elif f.name == "tranche":
            value = (value or "").strip() or None
        setattr(deal, f.name, value)


def _sync_parties(s: Session, deal_id: str, parties: Sequence[PartyData]) -> None:
    live = {p.id: p for p in s.scalars(select(DealParty).where(
        DealParty.deal_id == deal_id, DealParty.deleted_at.is_(None)))}
    keep = {p.id for p in parties if p.id in live}
    now = utcnow()
    for pid, row in live.items():
        if pid not in keep:
            row.deleted_at = now
    for p in parties:
        row = live.get(p.id or "") or DealParty(deal_id=deal_id)
        row.organisation_id, row.role = p.organisation_id, p.role
        row.joined_on, row.left_on = p.joined_on, p.left_on
        if row.id is None:
            s.add(row)


#: link table -> (its key column, the linked table)
_LINKS: dict[type[DealOpgave] | type[DealTheme], tuple[str, type[Opgave] | type[Theme]]] = {
    DealOpgave: ("opgave_id", Opgave), DealTheme: ("theme_id", Theme)}


def _sync_links(s: Session, deal_id: str, link: type[DealOpgave] | type[DealTheme],
                wanted: Sequence[str]) -> None:
    """Make the deal's live links exactly ``wanted`` (removed ones soft-deleted)."""
    key, target = _LINKS[link]
    live = {getattr(r, key): r for r in s.scalars(select(link).where(
        link.deal_id == deal_id, link.deleted_at.is_(None)))}
    now = utcnow()
    for linked, row in live.items():
        if linked not in wanted:
            row.deleted_at = now
    for linked in dict.fromkeys(wanted):
        if linked in live:
            continue
        found = s.get(target, linked)
        if found is None or found.deleted_at is not None:
            raise ValidationError(key, "Een gekozen opgave of thema bestaat niet (meer).")
        s.add(link(deal_id=deal_id, **{key: linked}))


def save_deal(ws: Workspace, deal_id: str | None, data: DealData,
              parties: Sequence[PartyData], *, opgaven: Sequence[str] | None = None,
              themes: Sequence[str] | None = None) -> tuple[str, Changes]:
    """Create (``deal_id`` None) or edit a deal and its parties (and, when given, its
    opgaven and themes) as one operation."""
    with ws.uow("Deal toevoegen" if deal_id is None else "Deal wijzigen") as uow:
        s = uow.session
        _validate(s, data, parties)
        if deal_id is None:
            deal = Deal()
            s.add(deal)
        else:
            found = s.get(Deal, deal_id)
            if found is None or found.deleted_at is not None:
                raise LookupError("Deze deal bestaat niet (meer).")
            deal = found
        _apply(deal, data)
        s.flush()
        _sync_parties(s, deal.id, parties)
        if opgaven is not None:
            _sync_links(s, deal.id, DealOpgave, opgaven)
        if themes is not None:
            _sync_links(s, deal.id, DealTheme, themes)
        op = uow.commit()
    return deal.id, Changes(TABLES, op)
