"""An indicator's computed status from its fields and its latest measurement."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealmaker.domain.enums import IndicatorDirection
from dealmaker.domain.progress import Reading, Status, status
from dealmaker.storage.models import Indicator, Measurement


def reading_of(i: Indicator, latest: Decimal | None, latest_on: date | None) -> Reading:
    return Reading(i.baseline_value, i.target_value, latest,
                   i.direction == IndicatorDirection.HOGER_IS_BETER, i.baseline_on,
                   i.target_on, latest_on)


def latest_measurement(s: Session, indicator_id: str) -> Measurement | None:
    """The newest measurement (by date; of two on one day, the last entered)."""
    return s.scalars(select(Measurement).where(
        Measurement.indicator_id == indicator_id, Measurement.deleted_at.is_(None))
        .order_by(Measurement.measured_on.desc(), Measurement.created_at.desc(),
                  Measurement.id.desc()).limit(1)).first()


def indicator_status(s: Session, indicator: Indicator) -> Status:
    m = latest_measurement(s, indicator.id)
    return status(reading_of(indicator, m.value if m else None, m.measured_on if m else None))
