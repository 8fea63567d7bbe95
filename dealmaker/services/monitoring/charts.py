"""The series the Monitoring charts show (``domain.charts``): an indicator over time
against its nulmeting and streefwaarde, and a deal's money pledged and realised per year."""

from __future__ import annotations

from sqlalchemy import func, select

from dealmaker.domain.charts import BarChart, BarGroup, LineChart, Point, Reference, Series, Unit
from dealmaker.services.monitoring import missing
from dealmaker.storage.models import Deal, Indicator, Measurement, Pledge
from dealmaker.storage.workspace import Workspace


def indicator_chart(ws: Workspace, indicator_id: str) -> LineChart:
    with ws.read() as s:
        i = s.get(Indicator, indicator_id)
        if i is None or i.deleted_at is not None:
            raise missing("indicator")
        points = tuple(Point(m.measured_on, m.value, m.note) for m in s.scalars(
            select(Measurement).where(Measurement.indicator_id == indicator_id,
                                      Measurement.deleted_at.is_(None))
            .order_by(Measurement.measured_on, Measurement.created_at)))
        refs = tuple(Reference(label, value, on) for label, value, on in (
            ("Nulmeting", i.baseline_value, i.baseline_on),
            ("Streefwaarde", i.target_value, i.target_on)) if value is not None)
        return LineChart(i.name, (Series("Meting", points),), refs, Unit.NUMBER, i.unit)


def money_chart(ws: Workspace, deal_id: str) -> BarChart:
    """Pledged and realised cofinancing per year, all parties together (exact cents)."""
    with ws.read() as s:
        name = s.scalar(select(Deal.name).where(Deal.id == deal_id)) or ""
        rows = s.execute(
            select(Pledge.year, func.coalesce(func.sum(Pledge.pledged_cents), 0),
                   func.coalesce(func.sum(Pledge.realised_cents), 0))
            .where(Pledge.deal_id == deal_id, Pledge.deleted_at.is_(None))
            .group_by(Pledge.year).order_by(Pledge.year)).all()
    return BarChart(f"Cofinanciering {name}: toegezegd en gerealiseerd per jaar",
                    ("Toegezegd", "Gerealiseerd"),
                    tuple(BarGroup(str(year), (int(p), int(r))) for year, p, r in rows))
