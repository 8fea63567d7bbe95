"""History per record, from the change journal, rendered for display in Dutch.

Values are shown the way the rest of the interface shows them: dates dd-mm-jjjj, money
(``*_cents`` fields) as € 1.234,56, enums by their Dutch label, booleans ja/nee, and
ids of persons, organisations, deals, tags and themes as their names (one lookup per
distinct id). The labels here are also used by undo's messages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, Date, select
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import Session

from dealmaker.domain.dates import format_date
from dealmaker.domain.enums import Labeled
from dealmaker.domain.money import format_eur
from dealmaker.storage.journal import REDACT
from dealmaker.storage.models import Change, Deal, Operation, Organisation, Person, Tag, Theme
from dealmaker.storage.revert import SCRUBBED, column, from_json
from dealmaker.storage.types import UTCDateTime
from dealmaker.storage.workspace import Workspace

TABLE_LABELS = {
    "person": "contact", "organisation": "organisatie", "position": "functie",
    "tag": "tag", "person_tag": "tag bij contact", "deal": "deal",
    "deal_party": "dealpartij", "theme": "thema", "opgave": "opgave",
    "deal_opgave": "opgave bij deal", "deal_theme": "thema van deal", "relation": "relatie",
    "interaction": "contactmoment", "interaction_participant": "deelnemer aan contactmoment",
    "interaction_deal": "deal bij contactmoment", "commitment": "toezegging",
    "commitment_state_change": "statuswijziging van toezegging", "mandate": "mandaat",
    "pledge": "bijdrage", "programme_goal": "programmadoel", "project": "project",
    "project_goal": "projectdoel", "indicator": "indicator", "measurement": "meting",
    "meeting": "overleg", "meeting_participant": "deelnemer aan overleg",
    "adjustment": "bijsturing",
}
FIELD_LABELS = {
    "first_name": "Voornaam", "tussenvoegsel": "Tussenvoegsel", "last_name": "Achternaam",
    "email": "E-mail", "phone": "Telefoon", "notes": "Notities",
    "cadence_days": "Contactfrequentie (dagen)", "is_demo": "Demo",
    "deleted_at": "Verwijderd", "name": "Naam", "short_name": "Korte naam",
    "aliases": "Andere namen", "kind": "Soort", "side": "Kant", "parent_id": "Valt onder",
    "person_id": "Contact", "organisation_id": "Organisatie", "title": "Titel",
    "start_date": "Van", "end_date": "Tot", "successor_id": "Opvolger", "tag_id": "Tag",
    "deal_id": "Deal", "region_description": "Regio", "submitted_on": "Ingediend op",
    "signed_on": "Ondertekend op", "ends_on": "Einddatum", "requested_cents": "Aangevraagd",
    "granted_cents": "Toegekend", "dealmaker_id": "Dealmaker", "phase": "Fase",
    "role": "Rol", "joined_on": "Toegetreden op", "left_on": "Vertrokken op",
    "source_person_id": "Van contact", "target_person_id": "Naar contact",
    "target_organisation_id": "Naar organisatie", "theme_id": "Thema",
    "strength": "Sterkte", "since": "Sinds", "owner_id": "Eigenaar", "note": "Notitie",
    "occurred_on": "Datum", "direction": "Richting", "summary": "Samenvatting",
    "follow_up_on": "Opvolgen op", "follow_up_action": "Vervolgactie",
    "follow_up_done_on": "Opgevolgd op", "follow_up_owner_id": "Opvolging door",
    "interaction_id": "Contactmoment",
    "description": "Omschrijving", "from_organisation_id": "Van organisatie",
    "to_organisation_id": "Aan organisatie", "counterpart_id": "Tegenpartij",
    "amount_cents": "Bedrag", "due_on": "Deadline", "within_mandate": "Binnen mandaat",
    "confirmed_by_id": "Bevestigd door", "state": "Status", "holder_id": "Houder",
    "topic": "Onderwerp", "limit_cents": "Limiet", "granted_by_id": "Verleend door",
    "valid_from": "Geldig vanaf", "valid_to": "Geldig tot", "year": "Jaar",
    "pledged_cents": "Toegezegd", "realised_cents": "Gerealiseerd", "form": "Vorm",
    "held_on": "Datum", "decisions": "Besluiten", "meeting_id": "Overleg",
}
_NAMED: dict[str, type[Person | Organisation | Deal | Tag | Theme]] = {
    "person": Person, "organisation": Organisation, "deal": Deal, "tag": Tag, "theme": Theme,
}


def field_label(entity: str, key: str) -> str:
    """Dutch label of a field ('Functie' for a position's title)."""
    if (entity, key) == ("position", "title"):
        return "Functie"
    return FIELD_LABELS.get(key, key.removesuffix("_id").replace("_", " ").capitalize())


def record_name(session: Session, entity: str, entity_id: str) -> str:
    """A display name for a person, organisation, deal, tag or theme; else the table label."""
    cls = _NAMED.get(entity)
    obj = session.get(cls, entity_id) if cls is not None else None
    if isinstance(obj, Person):
        return obj.full_name
    if obj is not None:
        return str(getattr(obj, "name", ""))
    return TABLE_LABELS.get(entity, entity)


def record_title(ws: Workspace, entity: str, entity_id: str) -> str:
    """'Anna van den Berg' for a person; the table label ('contactmoment') otherwise."""
    with ws.read() as session:
        return record_name(session, entity, entity_id)


def describe(session: Session, entity: str, entity_id: str) -> str:
    """"contact 'Eva Visser'" for named records, else the table label ("contactmoment")."""
    label = TABLE_LABELS.get(entity, entity)
    if entity in _NAMED:
        return f"{label} '{record_name(session, entity, entity_id)}'"
    return label


def render_value(session: Session, entity: str, key: str, value: Any) -> str:
    """A journal (JSON) value as Dutch display text."""
    if value is None or value == "":
        return ""
    try:
        col = column(entity, key)
    except KeyError:
        return str(value)
    if key.endswith("_cents"):
        return format_eur(int(value))
    typed = from_json(entity, key, value)
    if isinstance(col.type, UTCDateTime) and isinstance(typed, datetime):
        return typed.astimezone().strftime("%d-%m-%Y %H:%M")
    if isinstance(col.type, Date):
        return format_date(typed)
    if isinstance(col.type, SAEnum) and isinstance(typed, Labeled):
        return typed.label
    if isinstance(col.type, Boolean):
        return "ja" if typed else "nee"
    if isinstance(typed, Decimal):
        return str(typed).replace(".", ",")
    if isinstance(typed, list):
        return ", ".join(str(v) for v in typed)
    for fk in col.foreign_keys:
        if fk.column.table.name in _NAMED:
            return record_name(session, fk.column.table.name, str(value))
    return str(typed)


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a record's history; ``field`` is the Dutch field label (None: whole row)."""

    at: datetime
    operation: str
    field: str | None
    old: str
    new: str
    #: the operation was undone later
    undone: bool = False
    #: who wrote it: the OS user, or in a shared workspace the PostgreSQL role (mine too)
    author: str = ""


def _entry(session: Session, op: Operation, ch: Change, undone: bool) -> HistoryEntry:
    def make(field: str | None, old: str, new: str) -> HistoryEntry:
        return HistoryEntry(op.at, op.name, field, old, new, undone, op.author)

    if ch.action in (SCRUBBED, REDACT):
        return make(None, "", "gegevens gewist (AVG)")
    if ch.action == "insert":
        return make(None, "", "aangemaakt")
    if ch.action == "delete":
        return make(None, "", "definitief verwijderd")
    key = ch.field or ""
    old = json.loads(ch.old_value) if ch.old_value is not None else None
    new = json.loads(ch.new_value) if ch.new_value is not None else None
    return make(field_label(ch.entity, key), render_value(session, ch.entity, key, old),
                render_value(session, ch.entity, key, new))


def record_history(ws: Workspace, entity: str, entity_id: str) -> list[HistoryEntry]:
    """Everything the journal holds about one record, newest first."""
    with ws.read() as session:
        rows = session.execute(
            select(Operation, Change).join(Change, Change.operation_id == Operation.id)
            .where(Change.entity == entity, Change.entity_id == entity_id)
            .order_by(Operation.sequence.desc(), Change.seq.desc())).all()
        ids = list({op.id for op, _ch in rows})
        undone: set[str] = set()
        for start in range(0, len(ids), 500):
            undone.update(str(r) for r in session.scalars(select(Operation.reverts_id).where(
                Operation.reverts_id.in_(ids[start:start + 500]))))
        return [_entry(session, op, ch, op.id in undone) for op, ch in rows]
