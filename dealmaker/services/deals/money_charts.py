"""The money of a deal (or of the ledger's selection) as chart data, for the shared chart
widget: pledged beside realised per year, and the split of the whole deal into the
Rijksbijdrage, regional public, private and in-kind contributions. Amounts in cents."""

from __future__ import annotations

from sqlalchemy import func, select

from dealmaker.domain.charts import BarChart, BarGroup, Unit
from dealmaker.services.cofinancing import LedgerQuery, where_of
from dealmaker.services.deals.portfolio import Split
from dealmaker.storage.models import Pledge
from dealmaker.storage.workspace import Workspace

PLEDGED, REALISED = "Toegezegd", "Gerealiseerd"
SPLIT = ("Rijk", "Regionaal publiek", "Privaat", "In natura")


def year_chart(ws: Workspace, q: LedgerQuery, title: str = "Toegezegd en gerealiseerd "
               "per jaar") -> BarChart:
    """Pledged and realised per year of the pledges ``q`` selects."""
    with ws.read() as s:
        rows = s.execute(select(Pledge.year, func.sum(Pledge.pledged_cents),
                                func.sum(Pledge.realised_cents))
                         .where(*where_of(q)).group_by(Pledge.year)
                         .order_by(Pledge.year)).all()
    groups = tuple(BarGroup(str(year), (int(p or 0), int(r or 0))) for year, p, r in rows)
    notes = {g.label: "Gerealiseerd boven toegezegd" for g in groups
             if g.values[1] > g.values[0]}
    return BarChart(title, (PLEDGED, REALISED), groups, unit=Unit.EUR, notes=notes)


def split_chart(rijk: int | None, split: Split) -> BarChart:
    """One stacked bar: what the Rijk and the region each bring to the deal (pledged)."""
    values = (rijk or 0, split.public, split.private, split.in_natura)
    groups = (BarGroup("Toegezegd", values),) if any(values) else ()
    return BarChart("Verdeling van de deal", SPLIT, groups, stacked=True, unit=Unit.EUR)
