"""Create, edit and delete a meeting with its participants (each one undoable operation)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealmaker.domain.dates import format_date, utcnow
from dealmaker.domain.enums import MeetingKind
from dealmaker.services.changes import Changes
from dealmaker.services.people import ValidationError
from dealmaker.storage.models import Commitment, Deal, Meeting, MeetingParticipant, Person
from dealmaker.storage.workspace import Workspace

TABLES = frozenset({"meeting", "meeting_participant"})


@dataclass(frozen=True)
class MeetingData:
    kind: MeetingKind
    held_on: date
    title: str = ""
    deal_id: str | None = None
    agenda: str = ""
    #: one decision a line
    decisions: str = ""
    participant_ids: tuple[str, ...] = field(default_factory=tuple)

    def decision_lines(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.decisions.splitlines()
                if line.strip(" -•\t")]


@dataclass(frozen=True)
class MadeHere:
    """A commitment made at the meeting."""

    id: str
    title: str
    state: str


@dataclass(frozen=True)
class MeetingRecord:
    id: str
    data: MeetingData
    participants: tuple[tuple[str, str], ...]
    commitments: tuple[MadeHere, ...]


def live_meeting(s: Session, meeting_id: str) -> Meeting:
    m = s.get(Meeting, meeting_id)
    if m is None or m.deleted_at is not None:
        raise LookupError("Dit overleg bestaat niet (meer).")
    return m


def _validate(s: Session, data: MeetingData) -> None:
    if data.deal_id is not None:
        deal = s.get(Deal, data.deal_id)
        if deal is None or deal.deleted_at is not None:
            raise ValidationError("deal_id", "De gekozen deal bestaat niet (meer).")
    if len(set(data.participant_ids)) != len(data.participant_ids):
        raise ValidationError("participant_ids", "Iemand staat twee keer bij de deelnemers.")


def _apply(s: Session, m: Meeting, data: MeetingData) -> None:
    m.kind, m.held_on, m.title = data.kind, data.held_on, data.title.strip()
    m.deal_id, m.agenda, m.decisions = data.deal_id, data.agenda, data.decisions
    links = {p.person_id: p for p in s.scalars(select(MeetingParticipant).where(
        MeetingParticipant.meeting_id == m.id, MeetingParticipant.deleted_at.is_(None)))}
    wanted = set(data.participant_ids)
    now = utcnow()
    for pid, link in links.items():
        if pid not in wanted:
            link.deleted_at = now
    s.add_all(MeetingParticipant(meeting_id=m.id, person_id=p)
              for p in data.participant_ids if p not in links)


def create_meeting(ws: Workspace, data: MeetingData) -> tuple[str, Changes]:
    with ws.uow("Overleg toevoegen") as uow:
        s = uow.session
        _validate(s, data)
        m = Meeting(kind=data.kind, held_on=data.held_on)
        s.add(m)
        s.flush()
        _apply(s, m, data)
        op = uow.commit()
    return m.id, Changes(TABLES, op)


def update_meeting(ws: Workspace, meeting_id: str, data: MeetingData) -> Changes:
    with ws.uow("Overleg wijzigen") as uow:
        _validate(uow.session, data)
        _apply(uow.session, live_meeting(uow.session, meeting_id), data)
        op = uow.commit()
    return Changes(TABLES, op)


def delete_meetings(ws: Workspace, ids: Iterable[str]) -> Changes:
    """Soft-delete meetings and their participant links; commitments made there keep
    their pointer (undo brings the meeting back)."""
    ids = list(ids)
    with ws.uow("Overleg verwijderen" if len(ids) == 1 else
                f"{len(ids)} overleggen verwijderen") as uow:
        s, now = uow.session, utcnow()
        for mid in ids:
            live_meeting(s, mid).deleted_at = now
            for link in s.scalars(select(MeetingParticipant).where(
                    MeetingParticipant.meeting_id == mid,
                    MeetingParticipant.deleted_at.is_(None))):
                link.deleted_at = now
        op = uow.commit()
    return Changes(TABLES, op)


def meeting_record(ws: Workspace, meeting_id: str) -> MeetingRecord:
    with ws.read() as s:
        m = live_meeting(s, meeting_id)
        people = s.execute(
            select(Person.id, Person.first_name, Person.tussenvoegsel, Person.last_name)
            .join(MeetingParticipant, MeetingParticipant.person_id == Person.id)
            .where(MeetingParticipant.meeting_id == m.id,
                   MeetingParticipant.deleted_at.is_(None))
            .order_by(Person.last_name, Person.first_name)).all()
        made = s.execute(select(Commitment.id, Commitment.title, Commitment.state).where(
            Commitment.meeting_id == m.id, Commitment.deleted_at.is_(None))
            .order_by(Commitment.created_at)).all()
        data = MeetingData(m.kind, m.held_on, m.title, m.deal_id, m.agenda, m.decisions,
                           tuple(p[0] for p in people))
    return MeetingRecord(
        meeting_id, data,
        tuple((p[0], " ".join(x for x in p[1:] if x)) for p in people),
        tuple(MadeHere(i, t, st.label) for i, t, st in made))


def meeting_caption(ws: Workspace, meeting_id: str) -> str:
    """'Rijk-regio overleg 12-03-2026 · Jaarlijks overleg' (or '' when it is gone)."""
    with ws.read() as s:
        m = s.get(Meeting, meeting_id)
        if m is None or m.deleted_at is not None:
            return ""
        return " · ".join(x for x in (f"{m.kind.label} {format_date(m.held_on)}", m.title) if x)
