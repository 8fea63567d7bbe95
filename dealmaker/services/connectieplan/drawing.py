"""Everything a view of the plan needs, computed in one call (off the UI thread)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dealmaker.graph.analysis import Finding, findings
from dealmaker.graph.layout import Positions, connectieplan_layout, plan_force_layout
from dealmaker.graph.model import Plan
from dealmaker.services.connectieplan.load import load_plan
from dealmaker.storage.workspace import Workspace

CONNECTIEPLAN, FORCE = "connectieplan", "kracht"


@dataclass(frozen=True)
class PlanDrawing:
    plan: Plan
    positions: Positions
    findings: list[Finding]
    layout: str


def draw_plan(ws: Workspace, deal_id: str | None, layout: str = CONNECTIEPLAN, *,
              seed: int = 1, today: date | None = None) -> PlanDrawing:
    """Read the plan of ``deal_id``, analyse it and lay it out with ``layout``."""
    plan = load_plan(ws, deal_id, today)
    return PlanDrawing(plan, lay_out(plan, layout, seed=seed), findings(plan), layout)


def lay_out(plan: Plan, layout: str, *, seed: int = 1) -> Positions:
    if layout == FORCE:
        return plan_force_layout(plan, seed=seed)
    return connectieplan_layout(plan)
