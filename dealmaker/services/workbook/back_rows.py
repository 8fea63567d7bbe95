"""What one changed row of a returned workbook asks of the workspace.

Voortgang: a new measurement (another date) or a correction of the one on the same date.
Toezeggingen: an amount, a state step (checked by the same rule as every step, dated on
'Sinds' or today) or the note of the current step. A request that the workspace already
holds (imported before) is no change; one the rules refuse is a refusal naming its cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealmaker.domain.commitment_states import refusal
from dealmaker.domain.dates import format_date
from dealmaker.domain.money import format_eur
from dealmaker.services.workbook.readback import Refusal
from dealmaker.storage.models import Commitment, CommitmentStateChange, Indicator, Measurement

MEASUREMENT, CORRECTION, AMOUNT, STEP, NOTE = ("meting", "correctie", "bedrag", "status",
                                               "toelichting")


@dataclass(frozen=True)
class WorkbookChange:
    """One change the review lists; ``values`` depend on ``action``."""

    sheet: str
    cell: str
    deal: str
    subject: str
    action: str
    what: str
    target_id: str
    values: tuple[Any, ...]

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.cell}"


#: header -> (cell reference, value as written, value now)
Cells = dict[str, tuple[str, Any, Any]]


def _num(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f").replace(".", ",")


def _changed(cells: Cells, header: str) -> bool:
    _, old, new = cells[header]
    return bool(old != new)


def measurement_changes(s: Session, indicator_id: str, deal: str, cells: Cells,
                        today: date) -> tuple[list[WorkbookChange], list[Refusal]]:
    sheet = "Voortgang"
    value_at, old_value, value = cells["Laatste meting"]
    date_at, old_on, on = cells["Gemeten op"]
    _note_at, _, note = cells["Toelichting"]
    indicator = s.get(Indicator, indicator_id)
    if indicator is None or indicator.deleted_at is not None:
        return [], [Refusal(sheet, value_at, "deze indicator bestaat niet meer")]
    if value is None:
        why = ("een meting wissen kan alleen in dealmaker" if old_value is not None
               else "vul bij een datum of toelichting ook de meting in")
        return [], [Refusal(sheet, value_at, why)]
    if on is None:
        return [], [Refusal(sheet, date_at, "vul de datum van de meting in (dd-mm-jjjj)")]
    if on > today:
        return [], [Refusal(sheet, date_at, f"de meetdatum {format_date(on)} ligt in de "
                                            "toekomst")]
    existing = s.scalars(select(Measurement).where(
        Measurement.indicator_id == indicator_id, Measurement.measured_on == on,
        Measurement.deleted_at.is_(None))).first()
    text = note or ""
    if existing is not None:
        if existing.value == value and (existing.note or "") == text:
            return [], []  # already in the workspace (imported before)
        what = (f"meting van {format_date(on)}: {_num(existing.value)} → {_num(value)}"
                + (f", toelichting '{text}'" if text != (existing.note or "") else ""))
        return [WorkbookChange(sheet, value_at, deal, indicator.name, CORRECTION, what,
                               existing.id, (value, text))], []
    what = f"nieuwe meting {_num(value)} op {format_date(on)}" + (
        f" ({text})" if text else "")
    if old_on is not None and old_on != on and old_value is not None:
        what += f"; vorige {_num(old_value)} op {format_date(old_on)} blijft"
    cell = date_at if old_value == value else value_at
    return [WorkbookChange(sheet, cell, deal, indicator.name, MEASUREMENT, what,
                           indicator_id, (on, value, text))], []


def commitment_changes(s: Session, commitment_id: str, deal: str, cells: Cells,
                       today: date) -> tuple[list[WorkbookChange], list[Refusal]]:
    sheet = "Toezeggingen"
    c = s.get(Commitment, commitment_id)
    state_at, _, new_state = cells["Status"]
    if c is None or c.deleted_at is not None:
        return [], [Refusal(sheet, state_at, "deze toezegging bestaat niet meer")]
    changes: list[WorkbookChange] = []
    refusals: list[Refusal] = []
    if _changed(cells, "Bedrag"):
        at, _, amount = cells["Bedrag"]
        if amount is not None and amount < 0:
            refusals.append(Refusal(sheet, at, "een bedrag kan niet negatief zijn"))
        elif amount != c.amount_cents:
            what = f"bedrag {format_eur(c.amount_cents) or '(geen)'} → {format_eur(amount)}"
            changes.append(WorkbookChange(sheet, at, deal, c.title, AMOUNT, what, c.id,
                                          (amount,)))
    steps = s.scalars(select(CommitmentStateChange).where(
        CommitmentStateChange.commitment_id == c.id,
        CommitmentStateChange.deleted_at.is_(None))
        .order_by(CommitmentStateChange.changed_on, CommitmentStateChange.created_at)).all()
    last = steps[-1] if steps else None
    since_at, _, since = cells["Sinds"]
    note_at, _, note = cells["Toelichting"]
    if _changed(cells, "Status"):
        if new_state is None:
            refusals.append(Refusal(sheet, state_at, "vul een status in"))
        elif new_state is not c.state:  # else: the workspace holds it already
            on = since if _changed(cells, "Sinds") and since is not None else today
            text = (note or "") if _changed(cells, "Toelichting") else ""
            why = refusal(c.state, new_state, on, last.changed_on if last else None, today,
                          text)
            if why is not None:
                refusals.append(Refusal(sheet, state_at, why))
            else:
                what = (f"status {c.state.label} → {new_state.label} op {format_date(on)}"
                        + (f" ({text})" if text else ""))
                changes.append(WorkbookChange(sheet, state_at, deal, c.title, STEP, what,
                                              c.id, (new_state, on, text)))
    elif _changed(cells, "Sinds"):
        refusals.append(Refusal(sheet, since_at, "de datum hoort bij een nieuwe status; "
                                                 "verander ook de Status"))
    elif _changed(cells, "Toelichting"):
        if last is None:
            refusals.append(Refusal(sheet, note_at, "deze toezegging heeft nog geen "
                                                    "statusstap om de toelichting bij te zetten"))
        elif (note or "") != (last.note or ""):
            what = f"toelichting bij '{c.state.label}': '{note or ''}'"
            changes.append(WorkbookChange(sheet, note_at, deal, c.title, NOTE, what, last.id,
                                          (note or "",)))
    return changes, refusals

