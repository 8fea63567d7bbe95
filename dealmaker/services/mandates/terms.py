"""The mandates of given holders as ``domain.mandates.MandateTerms``, so the editor and
the register can check a commitment against them without a query per keystroke."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from dealmaker.domain.mandates import MandateTerms
from dealmaker.services.mandates.records import name
from dealmaker.storage.models import Mandate, Person
from dealmaker.storage.workspace import Workspace

#: made once: a new alias per call costs its column expressions again (ms each)
_GRANTOR = aliased(Person, name="grantor")


def terms_in(s: Session, holder_ids: Iterable[str | None]) -> list[MandateTerms]:
    ids = sorted({i for i in holder_ids if i})
    if not ids:
        return []
    grantor = _GRANTOR
    rows = s.execute(
        select(Mandate.id, Mandate.holder_id, Mandate.topic, Mandate.limit_cents,
               grantor.first_name, grantor.tussenvoegsel, grantor.last_name,
               Mandate.valid_from, Mandate.valid_to, Mandate.deal_id)
        .outerjoin(grantor, grantor.id == Mandate.granted_by_id)
        .where(Mandate.holder_id.in_(ids), Mandate.deleted_at.is_(None))).all()
    return [MandateTerms(r[0], r[1], r[2], r[3], name(r[4], r[5], r[6]), r[7], r[8], r[9])
            for r in rows]


def mandate_terms(ws: Workspace, holder_ids: Iterable[str | None]) -> list[MandateTerms]:
    with ws.read() as s:
        return terms_in(s, holder_ids)


def people_choices(ws: Workspace) -> list[tuple[str, object]]:
    """(name, id) of every person, by last name: the holder and grantor to choose from."""
    with ws.read() as s:
        rows = s.execute(select(Person.id, Person.first_name, Person.tussenvoegsel,
                                Person.last_name).where(Person.deleted_at.is_(None))
                         .order_by(Person.last_name, Person.first_name)).all()
    return [(name(r[1], r[2], r[3]), r[0]) for r in rows]
