"""The bijsturing log of a deal: when, at which level (project, programma, governance),
why, and the programme goal, indicator or project it concerns."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import select

from dealmaker.domain.dates import utcnow
from dealmaker.domain.enums import AdjustmentLevel
from dealmaker.services.changes import Changes
from dealmaker.services.monitoring import missing
from dealmaker.services.people import ValidationError
from dealmaker.storage.models import Adjustment, Indicator, ProgrammeGoal, Project
from dealmaker.storage.workspace import Workspace

ADJUSTMENT_TABLES = frozenset({"adjustment"})


@dataclass(frozen=True)
class AdjustmentRow:
    id: str
    decided_on: date
    level: AdjustmentLevel
    reason: str
    #: "Doel: ...", "Indicator: ...", "Project: ..." (what it concerns), or empty
    concerns: str


@dataclass(frozen=True)
class AdjustmentData:
    deal_id: str
    decided_on: date
    level: AdjustmentLevel
    reason: str
    goal_id: str | None = None
    indicator_id: str | None = None
    project_id: str | None = None


def adjustments(ws: Workspace, deal_id: str) -> list[AdjustmentRow]:
    """Newest first (a handful per deal: bijsturing is rarely recorded)."""
    with ws.read() as s:
        rows = s.execute(
            select(Adjustment, ProgrammeGoal.title, Indicator.name, Project.name)
            .outerjoin(ProgrammeGoal, ProgrammeGoal.id == Adjustment.goal_id)
            .outerjoin(Indicator, Indicator.id == Adjustment.indicator_id)
            .outerjoin(Project, Project.id == Adjustment.project_id)
            .where(Adjustment.deal_id == deal_id, Adjustment.deleted_at.is_(None))
            .order_by(Adjustment.decided_on.desc(), Adjustment.id)).all()
    out = []
    for a, goal, indicator, project in rows:
        parts = [f"{what}: {name}" for what, name in (("Doel", goal), ("Indicator", indicator),
                                                      ("Project", project)) if name]
        out.append(AdjustmentRow(a.id, a.decided_on, a.level, a.reason, "; ".join(parts)))
    return out


def adjustment_data(ws: Workspace, adjustment_id: str) -> AdjustmentData:
    with ws.read() as s:
        a = s.get(Adjustment, adjustment_id)
        if a is None or a.deleted_at is not None:
            raise missing("bijsturing")
        return AdjustmentData(**{f.name: getattr(a, f.name) for f in fields(AdjustmentData)})


def save_adjustment(ws: Workspace, adjustment_id: str | None, data: AdjustmentData
                    ) -> tuple[str, Changes]:
    if not data.reason.strip():
        raise ValidationError("reason", "Schrijf op waarom er is bijgestuurd.")
    with ws.uow("Bijsturing vastleggen" if adjustment_id is None else
                "Bijsturing wijzigen") as uow:
        if adjustment_id is None:
            a = Adjustment()
            uow.session.add(a)
        else:
            found = uow.session.get(Adjustment, adjustment_id)
            if found is None or found.deleted_at is not None:
                raise missing("bijsturing")
            a = found
        for f in fields(AdjustmentData):
            setattr(a, f.name, getattr(data, f.name))
        a.reason = data.reason.strip()
        uow.session.flush()
        op = uow.commit()
    return a.id, Changes(ADJUSTMENT_TABLES, op)


def delete_adjustment(ws: Workspace, adjustment_id: str) -> Changes:
    with ws.uow("Bijsturing verwijderen") as uow:
        a = uow.session.get(Adjustment, adjustment_id)
        if a is None or a.deleted_at is not None:
            raise missing("bijsturing")
        a.deleted_at = utcnow()
        op = uow.commit()
    return Changes(ADJUSTMENT_TABLES, op)
