"""Everything a view of the plan needs, computed in one call (off the UI thread)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from dealmaker.graph.analysis import Finding, findings
from dealmaker.graph.layout import Positions, connectieplan_layout, plan_force_layout
from dealmaker.graph.model import Plan
from dealmaker.services.connectieplan.load import load_plan
from dealmaker.services.connectieplan.positions import saved_positions
from dealmaker.storage.workspace import Workspace

CONNECTIEPLAN, FORCE = "connectieplan", "kracht"
#: (step done, steps in all, what comes next): called from the worker thread
Progress = Callable[[int, int, str], None]
STEPS = ("Lezen…", "Analyseren…", "Schikken…")


@dataclass(frozen=True)
class PlanDrawing:
    plan: Plan
    positions: Positions
    findings: list[Finding]
    layout: str
    #: the nodes the user placed by hand (their positions are in ``positions`` too)
    saved: Positions = field(default_factory=dict)


def draw_plan(ws: Workspace, deal_id: str | None, layout: str = CONNECTIEPLAN, *,
              seed: int = 1, today: date | None = None,
              progress: Progress | None = None) -> PlanDrawing:
    """Read the plan of ``deal_id``, analyse it and lay it out with ``layout``; nodes the
    user dragged before stay where they were put."""
    tell = progress or (lambda _done, _total, _label: None)
    tell(0, len(STEPS), STEPS[0])
    plan = load_plan(ws, deal_id, today)
    saved = {n: p for n, p in saved_positions(ws, deal_id, layout).items()
             if n in plan.by_id()}
    tell(1, len(STEPS), STEPS[1])
    found = findings(plan)
    tell(2, len(STEPS), STEPS[2])
    positions = lay_out(plan, layout, seed=seed) | saved
    tell(3, len(STEPS), "")
    return PlanDrawing(plan, positions, found, layout, saved)


def lay_out(plan: Plan, layout: str, *, seed: int = 1) -> Positions:
    if layout == FORCE:
        return plan_force_layout(plan, seed=seed)
    return connectieplan_layout(plan)
