"""Create, edit and delete a toezegging (its state only moves through ``states``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy.orm import Session

from dealmaker.domain.commitment_states import START
from dealmaker.domain.dates import utcnow
from dealmaker.domain.enums import CommitmentKind, CommitmentState
from dealmaker.services.changes import Changes
from dealmaker.services.commitments.states import TABLES, live_commitment, steps_of
from dealmaker.services.people import ValidationError
from dealmaker.storage.models import Commitment, CommitmentStateChange, Organisation
from dealmaker.storage.workspace import Workspace


@dataclass(frozen=True)
class CommitmentData:
    """The fields a user edits; ``amount_cents`` comes from ``parse_eur``."""

    title: str
    kind: CommitmentKind
    from_organisation_id: str
    to_organisation_id: str
    deal_id: str | None = None
    description: str = ""
    owner_id: str | None = None
    counterpart_id: str | None = None
    amount_cents: int | None = None
    due_on: date | None = None
    within_mandate: bool = True
    confirmed_by_id: str | None = None
    #: the meeting where it was made (a decision that became this commitment)
    meeting_id: str | None = None


@dataclass(frozen=True)
class CommitmentRecord:
    id: str
    data: CommitmentData
    state: CommitmentState
    steps: tuple[tuple[CommitmentState, date, str], ...]


def _validate(data: CommitmentData) -> None:
    if not data.title.strip():
        raise ValidationError("title", "Een toezegging heeft een omschrijving nodig.")
    if data.amount_cents is not None and data.amount_cents < 0:
        raise ValidationError("amount_cents", "Een toegezegd bedrag is niet negatief.")


def _apply(c: Commitment, data: CommitmentData) -> None:
    for f in fields(CommitmentData):
        value = getattr(data, f.name)
        setattr(c, f.name, value.strip() if isinstance(value, str) and f.name == "title"
                else value)


def _check_orgs(session: Session, data: CommitmentData) -> None:
    for field_name in ("from_organisation_id", "to_organisation_id"):
        org = session.get(Organisation, getattr(data, field_name))
        if org is None or org.deleted_at is not None:
            raise ValidationError(field_name, "De gekozen partij bestaat niet (meer).")


def create_commitment(ws: Workspace, data: CommitmentData, *,
                      on: date | None = None) -> tuple[str, Changes]:
    """A new commitment in state concept, its first step dated ``on`` (today)."""
    with ws.uow("Toezegging toevoegen") as uow:
        s = uow.session
        _validate(data)
        _check_orgs(s, data)
        c = Commitment(state=START)
        _apply(c, data)
        s.add(c)
        s.flush()
        s.add(CommitmentStateChange(commitment_id=c.id, state=START,
                                    changed_on=on or date.today(), note=""))
        op = uow.commit()
    return c.id, Changes(TABLES, op)


def update_commitment(ws: Workspace, commitment_id: str, data: CommitmentData) -> Changes:
    with ws.uow("Toezegging wijzigen") as uow:
        s = uow.session
        _validate(data)
        _check_orgs(s, data)
        _apply(live_commitment(s, commitment_id), data)
        op = uow.commit()
    return Changes(TABLES, op)


def delete_commitments(ws: Workspace, ids: Iterable[str]) -> Changes:
    """Soft-delete (one undoable operation for all of them)."""
    ids = list(ids)
    name = "Toezegging verwijderen" if len(ids) == 1 else f"{len(ids)} toezeggingen verwijderen"
    with ws.uow(name) as uow:
        now = utcnow()
        for cid in ids:
            live_commitment(uow.session, cid).deleted_at = now
        op = uow.commit()
    return Changes(TABLES, op)


def commitment_record(ws: Workspace, commitment_id: str) -> CommitmentRecord:
    with ws.read() as s:
        c = live_commitment(s, commitment_id)
        data = CommitmentData(**{f.name: getattr(c, f.name) for f in fields(CommitmentData)})
        steps = tuple((st.state, st.on, st.note) for st in steps_of(s, c.id))
        return CommitmentRecord(c.id, data, c.state, steps)
