"""The Opvolgen list: follow-ups of contact moments due by a date, paged for a lazy table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, func, select

from dealmaker.domain.enums import InteractionKind
from dealmaker.services.timeline import DealRef, PersonRef, links
from dealmaker.storage.models import Interaction
from dealmaker.storage.workspace import Workspace


@dataclass(frozen=True)
class FollowUpRow:
    """One line of the Opvolgen list: what to do, when, with whom, about which deals."""

    interaction_id: str
    follow_up_on: date
    action: str
    overdue: bool
    done_on: date | None
    occurred_on: date
    kind: InteractionKind
    summary: str
    participants: tuple[PersonRef, ...]
    deals: tuple[DealRef, ...]

    @property
    def participants_text(self) -> str:
        return ", ".join(p.label for p in self.participants)

    @property
    def deals_text(self) -> str:
        return ", ".join(d.name for d in self.deals)


def _due(until: date, include_done: bool) -> list[ColumnElement[bool]]:
    due = [Interaction.deleted_at.is_(None), Interaction.follow_up_on.is_not(None),
           Interaction.follow_up_on <= until]
    if not include_done:
        due.append(Interaction.follow_up_done_on.is_(None))
    return due


def follow_ups(ws: Workspace, until: date, include_done: bool = False,
               today: date | None = None, *, offset: int = 0,
               limit: int | None = None) -> list[FollowUpRow]:
    """Follow-ups due on or before ``until`` (overdue: before ``today``), oldest first.

    ``offset``/``limit`` page the list for a lazy table (``count_follow_ups`` for its
    length); without them every row comes back at once.
    """
    today = today or date.today()
    order = (Interaction.follow_up_on, Interaction.occurred_on, Interaction.id)
    which = (select(Interaction.id).where(*_due(until, include_done)).order_by(*order)
             .offset(max(0, offset)).limit(limit))
    with ws.read() as s:
        found = s.execute(
            select(Interaction.id, Interaction.follow_up_on, Interaction.follow_up_action,
                   Interaction.follow_up_done_on, Interaction.occurred_on, Interaction.kind,
                   Interaction.summary)
            .where(*_due(until, include_done)).order_by(*order)
            .offset(max(0, offset)).limit(limit)).all()
        # a page: its ids as a list; the whole list: the selecting query, once per table
        people, deals = links(s, which if limit is None else [r[0] for r in found])
    rows = []
    for iid, on, action, done, occurred, kind, summary in found:
        assert on is not None  # selected by follow_up_on IS NOT NULL
        rows.append(FollowUpRow(iid, on, action, done is None and on < today, done, occurred,
                                kind, summary, tuple(people.get(iid, ())),
                                tuple(deals.get(iid, ()))))
    return rows


def count_follow_ups(ws: Workspace, until: date, include_done: bool = False) -> int:
    with ws.read() as s:
        return int(s.scalar(select(func.count()).select_from(Interaction)
                            .where(*_due(until, include_done))) or 0)
