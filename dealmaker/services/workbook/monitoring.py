"""Voortgang (indicators with computed status), Projecten and Bijsturing of one deal."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealmaker.domain.enums import IndicatorDirection
from dealmaker.domain.progress import RULE_LINES, Reading, Status, progress, status
from dealmaker.export.workbook.model import DATE, INT, KEY, NUMBER, PERCENT, Column, Table
from dealmaker.storage.models import (
    Adjustment,
    Indicator,
    Measurement,
    Meeting,
    Organisation,
    ProgrammeGoal,
    Project,
    ProjectGoal,
    Theme,
)

VOORTGANG = (Column("Deal"), Column("Indicator", max_width=50), Column("Niveau"),
             Column("Thema"), Column("Dimensie"), Column("Eenheid"), Column("Bron"),
             Column("Richting"), Column("Nulmeting", NUMBER), Column("Nulmeting op", DATE),
             Column("Laatste meting", NUMBER, editable=True),
             Column("Gemeten op", DATE, editable=True),
             Column("Streefwaarde", NUMBER), Column("Streefdatum", DATE),
             Column("Voortgang", PERCENT), Column("Status"),
             Column("Toelichting", max_width=60, editable=True), Column("Sleutel", KEY))
VOORTGANG_NOTES = (
    "Gele kolommen mag u invullen: een nieuwe meting met haar datum (Gemeten op) en "
    "toelichting, of een correctie van de laatste meting (zelfde datum). Voortgang en "
    "status berekent dealmaker bij het inlezen opnieuw.",
    "Verander de kopjes en de verborgen kolom Sleutel niet: daaraan herkent dealmaker "
    "de rijen bij het inlezen.")
PROJECTEN = (Column("Deal"), Column("Project", max_width=50), Column("Trekker"),
             Column("Programmadoelen", max_width=60), Column("Zonder doel"),
             Column("Indicatoren", INT), Column("Stoplicht (opgegeven)"))
BIJSTURING = (Column("Deal"), Column("Datum", DATE), Column("Niveau"),
              Column("Reden", max_width=70), Column("Project"), Column("Overleg"))


def voortgang_table(s: Session, deal_id: str, deal: str,
                    year_end: date) -> tuple[Table, Counter[str]]:
    themes = {t.id: t for t in s.scalars(select(Theme))}
    latest: dict[str, Measurement] = {}
    measured = Indicator.id == Measurement.indicator_id
    for row in s.scalars(select(Measurement).join(Indicator, measured)
                       .where(Indicator.deal_id == deal_id, Measurement.deleted_at.is_(None),
                              Measurement.measured_on <= year_end)
                       .order_by(Measurement.measured_on)):
        latest[row.indicator_id] = row
    table = Table("Voortgang", VOORTGANG, status_column="Status",
                  notes=(*VOORTGANG_NOTES, "", "Statusregel", *RULE_LINES))
    counts: Counter[str] = Counter({st.value: 0 for st in Status})
    for i in s.scalars(select(Indicator).where(Indicator.deal_id == deal_id,
                                               Indicator.deleted_at.is_(None))
                       .order_by(Indicator.level, Indicator.name)):
        m = latest.get(i.id)
        reading = Reading(i.baseline_value, i.target_value, m.value if m else None,
                          i.direction == IndicatorDirection.HOGER_IS_BETER,
                          i.baseline_on, i.target_on, m.measured_on if m else None)
        st = status(reading)
        counts[st.value] += 1
        done = progress(reading)
        theme = themes.get(i.theme_id) if i.theme_id else None
        table.rows.append((
            deal, i.name, i.level.label, theme.name if theme else None,
            theme.dimension.label if theme and theme.dimension else None, i.unit or None,
            i.source or None, i.direction.label, i.baseline_value, i.baseline_on,
            m.value if m else None, m.measured_on if m else None, i.target_value,
            i.target_on, _share(done), st.value,
            (m.note or None) if m else None, i.id))
    return table, counts


def _share(done: Fraction | None) -> Decimal | None:
    """Progress as a share (1 = target reached), to 4 decimals for the percent column."""
    if done is None:
        return None
    return (Decimal(done.numerator) / Decimal(done.denominator)).quantize(Decimal("0.0001"))


def projects_table(s: Session, deal_id: str, deal: str) -> tuple[Table, int]:
    goals: dict[str, list[str]] = {}
    for project_id, title in s.execute(
            select(ProjectGoal.project_id, ProgrammeGoal.title)
            .join(ProgrammeGoal, ProgrammeGoal.id == ProjectGoal.goal_id)
            .where(ProgrammeGoal.deal_id == deal_id, ProjectGoal.deleted_at.is_(None),
                   ProgrammeGoal.deleted_at.is_(None))):
        goals.setdefault(project_id, []).append(title)
    indicators = Counter(s.scalars(select(Indicator.project_id).where(
        Indicator.deal_id == deal_id, Indicator.deleted_at.is_(None))))
    table = Table("Projecten", PROJECTEN)
    orphans = 0
    lead_org = Organisation.id == Project.lead_organisation_id
    for p, lead in s.execute(select(Project, Organisation.name)
                             .outerjoin(Organisation, lead_org)
                             .where(Project.deal_id == deal_id, Project.deleted_at.is_(None))
                             .order_by(Project.name)):
        mine = sorted(goals.get(p.id, []))
        orphans += not mine
        table.rows.append((deal, p.name, lead, "; ".join(mine) or None,
                           "ja" if not mine else "nee", indicators.get(p.id, 0),
                           p.status.label if p.status else None))
    return table, orphans


def adjustments_table(s: Session, deal_id: str, deal: str, year_end: date) -> Table:
    table = Table("Bijsturing", BIJSTURING)
    for a, project, meeting in s.execute(
            select(Adjustment, Project.name, Meeting.title)
            .outerjoin(Project, Project.id == Adjustment.project_id)
            .outerjoin(Meeting, Meeting.id == Adjustment.meeting_id)
            .where(Adjustment.deal_id == deal_id, Adjustment.deleted_at.is_(None),
                   Adjustment.decided_on <= year_end)
            .order_by(Adjustment.decided_on)):
        table.rows.append((deal, a.decided_on, a.level.label, a.reason, project,
                           meeting or None))
    return table
