"""Create, edit and delete mandates (each one undoable operation), and the register list."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from dealmaker.domain.dates import utcnow
from dealmaker.services.changes import Changes
from dealmaker.services.people import ValidationError
from dealmaker.storage.models import Deal, Mandate, Person
from dealmaker.storage.text_match import contains_ci
from dealmaker.storage.workspace import Workspace

TABLES = frozenset({"mandate"})


@dataclass(frozen=True)
class MandateData:
    holder_id: str
    topic: str
    limit_cents: int | None = None
    granted_by_id: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    deal_id: str | None = None


@dataclass(frozen=True)
class MandateRow:
    id: str
    topic: str
    holder: str
    limit_cents: int | None
    granted_by: str
    valid_from: date | None
    valid_to: date | None
    deal: str

    def in_force(self, today: date) -> bool:
        return ((self.valid_from is None or self.valid_from <= today)
                and (self.valid_to is None or today <= self.valid_to))


def name(first: str | None, tv: str | None, last: str | None) -> str:
    return " ".join(p for p in (first, tv, last) if p)


def _validate(s: Session, data: MandateData) -> None:
    if not data.topic.strip():
        raise ValidationError("topic", "Een mandaat heeft een onderwerp nodig.")
    holder = s.get(Person, data.holder_id) if data.holder_id else None
    if holder is None or holder.deleted_at is not None:
        raise ValidationError("holder_id", "Kies wie het mandaat heeft (houder).")
    if data.limit_cents is not None and data.limit_cents < 0:
        raise ValidationError("limit_cents", "Een mandaatgrens is niet negatief.")
    if data.valid_from and data.valid_to and data.valid_to < data.valid_from:
        raise ValidationError("valid_to", "'Geldig tot' ligt vóór 'geldig vanaf'.")


def _live(s: Session, mandate_id: str) -> Mandate:
    m = s.get(Mandate, mandate_id)
    if m is None or m.deleted_at is not None:
        raise LookupError("Dit mandaat bestaat niet (meer).")
    return m


def _apply(m: Mandate, data: MandateData) -> None:
    for f in fields(MandateData):
        value = getattr(data, f.name)
        setattr(m, f.name, value.strip() if f.name == "topic" else value)


def create_mandate(ws: Workspace, data: MandateData) -> tuple[str, Changes]:
    with ws.uow("Mandaat toevoegen") as uow:
        _validate(uow.session, data)
        m = Mandate()
        _apply(m, data)
        uow.session.add(m)
        uow.session.flush()
        op = uow.commit()
    return m.id, Changes(TABLES, op)


def update_mandate(ws: Workspace, mandate_id: str, data: MandateData) -> Changes:
    with ws.uow("Mandaat wijzigen") as uow:
        _validate(uow.session, data)
        _apply(_live(uow.session, mandate_id), data)
        op = uow.commit()
    return Changes(TABLES, op)


def delete_mandates(ws: Workspace, ids: Iterable[str]) -> Changes:
    ids = list(ids)
    with ws.uow("Mandaat verwijderen" if len(ids) == 1 else
                f"{len(ids)} mandaten verwijderen") as uow:
        now = utcnow()
        for mid in ids:
            _live(uow.session, mid).deleted_at = now
        op = uow.commit()
    return Changes(TABLES, op)


def mandate_record(ws: Workspace, mandate_id: str) -> MandateData:
    with ws.read() as s:
        m = _live(s, mandate_id)
        return MandateData(**{f.name: getattr(m, f.name) for f in fields(MandateData)})


_HOLDER = aliased(Person, name="holder")
_GRANTOR = aliased(Person, name="grantor")


def list_mandates(ws: Workspace, search: str = "") -> list[MandateRow]:
    """Every mandate (a workspace holds tens to hundreds), by holder and topic; ``search``
    matches the topic or the holder's or grantor's name."""
    holder, grantor = _HOLDER, _GRANTOR
    with ws.read() as s:
        stmt = (select(Mandate.id, Mandate.topic, holder.first_name, holder.tussenvoegsel,
                       holder.last_name, Mandate.limit_cents, grantor.first_name,
                       grantor.tussenvoegsel, grantor.last_name, Mandate.valid_from,
                       Mandate.valid_to, Deal.name)
                .join(holder, holder.id == Mandate.holder_id)
                .outerjoin(grantor, grantor.id == Mandate.granted_by_id)
                .outerjoin(Deal, Deal.id == Mandate.deal_id)
                .where(Mandate.deleted_at.is_(None))
                .order_by(func.lower(holder.last_name), func.lower(Mandate.topic)))
        if text := search.strip():
            stmt = stmt.where(contains_ci(s, Mandate.topic, text)
                              | contains_ci(s, holder.last_name, text)
                              | contains_ci(s, holder.first_name, text)
                              | contains_ci(s, grantor.last_name, text))
        rows = s.execute(stmt).all()
    return [MandateRow(r[0], r[1], name(r[2], r[3], r[4]), r[5], name(r[6], r[7], r[8]),
                       r[9], r[10], r[11] or "") for r in rows]
