"""Measurements of an indicator over time: an exact number with a qualitative note beside
it. Saving one returns the indicator's new status, computed at once (never typed in)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from dealmaker.domain.dates import utcnow
from dealmaker.domain.numbers import MAX_DECIMALS
from dealmaker.domain.progress import Status
from dealmaker.services.changes import Changes
from dealmaker.services.monitoring import missing
from dealmaker.services.monitoring.status import indicator_status
from dealmaker.services.people import ValidationError
from dealmaker.storage.models import Indicator, Measurement
from dealmaker.storage.workspace import Workspace

MEASUREMENT_TABLES = frozenset({"measurement"})


@dataclass(frozen=True)
class MeasurementRow:
    id: str
    measured_on: date
    value: Decimal
    note: str


@dataclass(frozen=True)
class MeasurementData:
    indicator_id: str
    measured_on: date
    value: Decimal
    note: str = ""


@dataclass(frozen=True)
class Saved:
    id: str
    changes: Changes
    #: the indicator's status after the save
    status: Status


def measurements(ws: Workspace, indicator_id: str) -> list[MeasurementRow]:
    """Oldest first (a few per year; an indicator has tens at most)."""
    with ws.read() as s:
        return [MeasurementRow(m.id, m.measured_on, m.value, m.note) for m in s.scalars(
            select(Measurement).where(Measurement.indicator_id == indicator_id,
                                      Measurement.deleted_at.is_(None))
            .order_by(Measurement.measured_on, Measurement.created_at, Measurement.id))]


def _validate(data: MeasurementData) -> None:
    exponent = data.value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_DECIMALS:
        raise ValidationError("value", f"Een meting heeft hoogstens {MAX_DECIMALS} "
                                       "decimalen; er wordt niet afgerond.")
    if not data.value.is_finite():
        raise ValidationError("value", "Vul een getal in.")


def save_measurement(ws: Workspace, measurement_id: str | None, data: MeasurementData
                     ) -> Saved:
    """Add or change a measurement (one undoable step); returns the indicator's status."""
    _validate(data)
    with ws.uow("Meting toevoegen" if measurement_id is None else "Meting wijzigen") as uow:
        s = uow.session
        indicator = s.get(Indicator, data.indicator_id)
        if indicator is None or indicator.deleted_at is not None:
            raise missing("indicator")
        if measurement_id is None:
            m = Measurement(indicator_id=data.indicator_id)
            s.add(m)
        else:
            found = s.get(Measurement, measurement_id)
            if found is None or found.deleted_at is not None:
                raise missing("meting")
            m = found
        m.measured_on, m.value, m.note = data.measured_on, data.value, data.note.strip()
        s.flush()
        now = indicator_status(s, indicator)
        op = uow.commit()
    return Saved(m.id, Changes(MEASUREMENT_TABLES, op), now)


def delete_measurement(ws: Workspace, measurement_id: str) -> Changes:
    with ws.uow("Meting verwijderen") as uow:
        m = uow.session.get(Measurement, measurement_id)
        if m is None or m.deleted_at is not None:
            raise missing("meting")
        m.deleted_at = utcnow()
        op = uow.commit()
    return Changes(MEASUREMENT_TABLES, op)
