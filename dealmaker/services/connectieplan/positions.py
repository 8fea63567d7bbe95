"""Where the user dragged the nodes of a plan: kept in the local ``plan_position`` table
of this workspace copy, outside the journal (see ``storage.models.plan``). A position is
per plan (deal, or every deal) and per layout; a node without one sits where the layout
puts it."""

from __future__ import annotations

from sqlalchemy import delete, insert, select

from dealmaker.storage.models import PlanPosition
from dealmaker.storage.models.base import new_id
from dealmaker.storage.workspace import Workspace

ALL_DEALS = "alle"
Point = tuple[float, float]


def plan_key(deal_id: str | None) -> str:
    return deal_id or ALL_DEALS


def saved_positions(ws: Workspace, deal_id: str | None, layout: str) -> dict[str, Point]:
    with ws.read() as s:
        rows = s.execute(select(PlanPosition.node_id, PlanPosition.x, PlanPosition.y).where(
            PlanPosition.plan == plan_key(deal_id), PlanPosition.layout == layout)).all()
    return {r.node_id: (r.x, r.y) for r in rows}


def save_positions(ws: Workspace, deal_id: str | None, layout: str,
                   moved: dict[str, Point | None]) -> None:
    """Store each node's position; ``None`` forgets it (back to where the layout puts it).
    Written directly, not in a unit of work: nothing here is journalled."""
    key = plan_key(deal_id)
    with ws.read() as s, s.begin():
        ids = sorted(moved)
        s.execute(delete(PlanPosition).where(PlanPosition.plan == key,
                                             PlanPosition.layout == layout,
                                             PlanPosition.node_id.in_(ids)))
        rows = [{"id": new_id(), "plan": key, "layout": layout, "node_id": n, "x": float(p[0]),
                 "y": float(p[1])} for n, p in sorted(moved.items()) if p is not None]
        if rows:
            s.execute(insert(PlanPosition), rows)
