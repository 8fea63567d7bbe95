"""Every meeting, filtered, sorted and paged in SQL (newest first by default)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from dealmaker.domain.enums import MeetingKind
from dealmaker.storage.models import Commitment, Deal, Meeting, MeetingParticipant
from dealmaker.storage.text_match import contains_ci
from dealmaker.storage.workspace import Workspace


class MeetingSort(StrEnum):
    DATE = "date"
    KIND = "kind"
    TITLE = "title"
    DEAL = "deal"


@dataclass(frozen=True)
class MeetingQuery:
    search: str = ""
    deal_id: str | None = None
    kind: MeetingKind | None = None
    sort: MeetingSort = MeetingSort.DATE
    descending: bool = True
    today: date | None = None


@dataclass(frozen=True)
class MeetingRow:
    id: str
    held_on: date
    kind: MeetingKind
    title: str
    deal_id: str | None
    deal: str
    participants: int
    #: decision lines, and commitments made at the meeting
    decisions: int
    commitments: int


_SORT: dict[MeetingSort, Any] = {
    MeetingSort.DATE: Meeting.held_on, MeetingSort.KIND: Meeting.kind,
    MeetingSort.TITLE: func.lower(Meeting.title), MeetingSort.DEAL: func.lower(Deal.name)}


def _where(s: Session, q: MeetingQuery) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Meeting.deleted_at.is_(None)]
    if q.deal_id is not None:
        where.append(Meeting.deal_id == q.deal_id)
    if q.kind is not None:
        where.append(Meeting.kind == q.kind)
    if text := q.search.strip():
        deals = list(s.scalars(select(Deal.id).where(contains_ci(s, Deal.name, text))))
        matches = [contains_ci(s, Meeting.title, text), contains_ci(s, Meeting.agenda, text),
                   contains_ci(s, Meeting.decisions, text)]
        if deals:
            matches.append(Meeting.deal_id.in_(deals))
        where.append(or_(*matches))
    return where


def query_meetings(ws: Workspace, q: MeetingQuery, offset: int = 0,
                   limit: int = 100) -> list[MeetingRow]:
    key = _SORT[q.sort]
    with ws.read() as s:
        rows = s.execute(
            select(Meeting.id, Meeting.held_on, Meeting.kind, Meeting.title, Meeting.deal_id,
                   Deal.name, Meeting.decisions)
            .outerjoin(Deal, Deal.id == Meeting.deal_id)
            .where(*_where(s, q))
            .order_by(key.desc() if q.descending else key.asc(), Meeting.id)
            .offset(max(0, offset)).limit(max(0, limit))).all()
        ids = [r[0] for r in rows]
        people = dict(s.execute(
            select(MeetingParticipant.meeting_id, func.count())
            .where(MeetingParticipant.meeting_id.in_(ids),
                   MeetingParticipant.deleted_at.is_(None))
            .group_by(MeetingParticipant.meeting_id)).all()) if ids else {}
        made = dict(s.execute(
            select(Commitment.meeting_id, func.count())
            .where(Commitment.meeting_id.in_(ids), Commitment.deleted_at.is_(None))
            .group_by(Commitment.meeting_id)).all()) if ids else {}
    return [MeetingRow(r[0], r[1], r[2], r[3], r[4], r[5] or "", people.get(r[0], 0),
                       sum(1 for line in (r[6] or "").splitlines() if line.strip(" -•\t")),
                       made.get(r[0], 0)) for r in rows]


def count_meetings(ws: Workspace, q: MeetingQuery) -> int:
    with ws.read() as s:
        return int(s.scalar(select(func.count()).select_from(Meeting)
                            .where(*_where(s, q))) or 0)
