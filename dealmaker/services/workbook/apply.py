"""Writing the accepted changes of a returned workbook: one undoable operation.

Every change is written in one unit of work; a state step goes through
``services.commitments.states.record_step`` (the same rule as every step), so a step the
workspace meanwhile refuses rolls the whole import back: nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy.orm import Session

from dealmaker.services.changes import Changes
from dealmaker.services.commitments.states import live_commitment, record_step
from dealmaker.services.workbook.back_rows import (
    AMOUNT,
    CORRECTION,
    MEASUREMENT,
    NOTE,
    STEP,
    WorkbookChange,
)
from dealmaker.services.workbook.roundtrip import ReturnPlan
from dealmaker.storage.models import CommitmentStateChange, Measurement
from dealmaker.storage.workspace import Workspace

TABLES = frozenset({"measurement", "commitment", "commitment_state_change", "indicator"})


class ReturnRefused(ValueError):
    """The plan has refusals: nothing may be written."""


def apply_return(ws: Workspace, plan: ReturnPlan,
                 accepted: Iterable[WorkbookChange] | None = None, *,
                 today: date | None = None) -> Changes:
    """Write ``accepted`` (default: every change of ``plan``) as one operation."""
    if plan.refusals:
        raise ReturnRefused(f"{plan.path.name}: {len(plan.refusals)} cellen geweigerd; "
                            "er is niets geschreven.")
    chosen = list(plan.changes if accepted is None else accepted)
    if not chosen:
        return Changes()
    today = today or date.today()
    with ws.uow(f"Werkmap inlezen: {plan.path.name}") as uow:
        s = uow.session
        for change in chosen:
            _write(s, change, today)
        op = uow.commit()
    return Changes(TABLES, op)


def _write(s: Session, change: WorkbookChange, today: date) -> None:
    if change.action == MEASUREMENT:
        on, value, note = change.values
        s.add(Measurement(indicator_id=change.target_id, measured_on=on, value=value,
                          note=note))
    elif change.action == CORRECTION:
        m = s.get(Measurement, change.target_id)
        if m is None or m.deleted_at is not None:
            raise LookupError(f"{change.where}: de meting bestaat niet meer")
        m.value, m.note = change.values
    elif change.action == AMOUNT:
        live_commitment(s, change.target_id).amount_cents = change.values[0]
    elif change.action == STEP:
        new, on, note = change.values
        record_step(s, live_commitment(s, change.target_id), new, on, note, today)
    elif change.action == NOTE:
        step = s.get(CommitmentStateChange, change.target_id)
        if step is None or step.deleted_at is not None:
            raise LookupError(f"{change.where}: de statusstap bestaat niet meer")
        step.note = change.values[0]
    s.flush()
