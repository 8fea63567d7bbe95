"""A person's functions (positions): add, edit, end with a successor, delete.

Each is one journalled operation (Ctrl+Z takes it back whole). The successor of a
position is a *position* (``successor_id``); the user picks a person: their live position
at the same organisation is used, or one is made (same title, from the day after the end).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealmaker.domain.dates import utcnow
from dealmaker.services.changes import Changes
from dealmaker.services.people import ValidationError
from dealmaker.services.person_rows import live_person
from dealmaker.storage.models import Organisation, Position
from dealmaker.storage.workspace import Workspace

TABLES = frozenset({"position", "person"})


@dataclass(frozen=True)
class PositionData:
    """A function as the form edits it; ``successor_person_id`` needs an ``end_date``."""

    organisation_id: str | None
    title: str = ""
    start_date: date | None = None
    end_date: date | None = None
    successor_person_id: str | None = None


def _live(s: Session, position_id: str) -> Position:
    pos = s.get(Position, position_id)
    if pos is None or pos.deleted_at is not None:
        raise LookupError(f"Functie {position_id} bestaat niet (meer).")
    return pos


def _check(s: Session, person_id: str, data: PositionData) -> str:
    if data.organisation_id is None:
        raise ValidationError("organisation_id", "Kies de organisatie van de functie.")
    org = s.get(Organisation, data.organisation_id)
    if org is None or org.deleted_at is not None:
        raise ValidationError("organisation_id", "De gekozen organisatie bestaat niet (meer).")
    if data.start_date and data.end_date and data.end_date < data.start_date:
        raise ValidationError("end_date", "De einddatum ligt vóór de begindatum.")
    if data.successor_person_id is not None:
        if data.end_date is None:
            raise ValidationError("end_date", "Een opvolger volgt op een functie die eindigt: "
                                              "vul de einddatum in.")
        if data.successor_person_id == person_id:
            raise ValidationError("successor_person_id",
                                  "Iemand kan niet zijn eigen opvolger zijn.")
        try:
            live_person(s, data.successor_person_id)
        except LookupError:
            raise ValidationError("successor_person_id",
                                  "De gekozen opvolger bestaat niet (meer).") from None
    return data.organisation_id


def _successor_position(s: Session, pos: Position, person_id: str) -> str:
    """The successor's position at ``pos``'s organisation: a live one, else a new one."""
    found = s.scalars(select(Position).where(
        Position.person_id == person_id, Position.organisation_id == pos.organisation_id,
        Position.deleted_at.is_(None), Position.id != pos.id)
        .order_by(Position.end_date.is_not(None), Position.start_date.desc())).first()
    if found is not None:
        return found.id
    start = pos.end_date + timedelta(days=1) if pos.end_date else None
    new = Position(person_id=person_id, organisation_id=pos.organisation_id,
                   title=pos.title, start_date=start)
    s.add(new)
    s.flush()
    return new.id


def _apply(s: Session, pos: Position, data: PositionData) -> None:
    pos.organisation_id = _check(s, pos.person_id, data)
    pos.title = " ".join(data.title.split())
    pos.start_date = data.start_date
    pos.end_date = data.end_date
    s.flush()
    pos.successor_id = (_successor_position(s, pos, data.successor_person_id)
                        if data.successor_person_id else None)


def add_position(ws: Workspace, person_id: str, data: PositionData) -> tuple[str, Changes]:
    with ws.uow("Functie toevoegen") as uow:
        s = uow.session
        live_person(s, person_id)
        pos = Position(person_id=person_id, organisation_id=_check(s, person_id, data))
        s.add(pos)
        _apply(s, pos, data)
        op = uow.commit()
    return pos.id, Changes(TABLES, op)


def edit_position(ws: Workspace, position_id: str, data: PositionData) -> Changes:
    """Replace organisation, title, dates and successor of a function."""
    with ws.uow("Functie bewerken") as uow:
        _apply(uow.session, _live(uow.session, position_id), data)
        op = uow.commit()
    return Changes(TABLES, op)


def end_position(ws: Workspace, position_id: str, end_date: date,
                 successor_person_id: str | None = None) -> Changes:
    """The function ended on ``end_date``, optionally handed over to a successor."""
    with ws.uow("Functie beëindigen") as uow:
        s = uow.session
        pos = _live(s, position_id)
        _apply(s, pos, PositionData(pos.organisation_id, pos.title, pos.start_date, end_date,
                                    successor_person_id))
        op = uow.commit()
    return Changes(TABLES, op)


def delete_position(ws: Workspace, position_id: str) -> Changes:
    """Soft-delete a function; a predecessor pointing at it loses its successor link."""
    with ws.uow("Functie verwijderen") as uow:
        s = uow.session
        pos = _live(s, position_id)
        pos.deleted_at = utcnow()
        for before in s.scalars(select(Position).where(Position.successor_id == pos.id,
                                                       Position.deleted_at.is_(None))):
            before.successor_id = None
        op = uow.commit()
    return Changes(TABLES, op)

