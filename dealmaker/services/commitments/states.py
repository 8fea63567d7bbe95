"""The one way a commitment changes state: a dated step with a note, or a refusal.

``step_commitment`` writes the step (``commitment_state_change``) and the commitment's
``state`` in the same unit of work, so the current state always equals the last dated
step; every other service leaves ``state`` alone. An illegal step raises
``StepRefused`` with the reason from ``domain.commitment_states``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealmaker.domain.commitment_states import refusal
from dealmaker.domain.enums import CommitmentState
from dealmaker.services.changes import Changes
from dealmaker.storage.models import Commitment, CommitmentStateChange
from dealmaker.storage.workspace import Workspace

TABLES = frozenset({"commitment", "commitment_state_change"})


class StepRefused(ValueError):
    """A state step that the rules do not allow; ``str()`` is the Dutch reason."""


@dataclass(frozen=True)
class StateStep:
    state: CommitmentState
    on: date
    note: str


def live_commitment(s: Session, commitment_id: str) -> Commitment:
    c = s.get(Commitment, commitment_id)
    if c is None or c.deleted_at is not None:
        raise LookupError("Deze toezegging bestaat niet (meer).")
    return c


def steps_of(s: Session, commitment_id: str) -> list[StateStep]:
    """The dated steps, oldest first (same-day steps in the order they were taken)."""
    rows = s.scalars(select(CommitmentStateChange).where(
        CommitmentStateChange.commitment_id == commitment_id,
        CommitmentStateChange.deleted_at.is_(None))
        .order_by(CommitmentStateChange.changed_on, CommitmentStateChange.created_at))
    return [StateStep(r.state, r.changed_on, r.note) for r in rows]


def state_history(ws: Workspace, commitment_id: str) -> list[StateStep]:
    with ws.read() as s:
        live_commitment(s, commitment_id)
        return steps_of(s, commitment_id)


def record_step(s: Session, c: Commitment, new: CommitmentState, on: date, note: str,
                today: date) -> None:
    """Check and add one step inside the caller's session (the commitment is flushed)."""
    history = steps_of(s, c.id)
    last_on = history[-1].on if history else None
    why = refusal(c.state, new, on, last_on, today, note)
    if why is not None:
        raise StepRefused(why)
    s.add(CommitmentStateChange(commitment_id=c.id, state=new, changed_on=on,
                                note=note.strip()))
    c.state = new


def step_commitment(ws: Workspace, commitment_id: str, new: CommitmentState, on: date,
                    note: str = "", *, today: date | None = None) -> Changes:
    """Move a commitment to ``new`` dated ``on``: one journalled, undoable operation."""
    with ws.uow(f"Toezegging: {new.label.lower()}") as uow:
        c = live_commitment(uow.session, commitment_id)
        record_step(uow.session, c, new, on, note, today or date.today())
        op = uow.commit()
    return Changes(TABLES, op)
