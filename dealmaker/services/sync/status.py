"""What the window shows about synchronisation: shared or not, last sync, pending."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from dealmaker.services.sync.conflicts import open_count
from dealmaker.storage.models import Base, Operation
from dealmaker.storage.workspace import Workspace

_STATE = Base.metadata.tables["sync_state"]


@dataclass(frozen=True)
class SyncStatus:
    shared: bool
    workspace_name: str = ""
    server: str = ""
    last_sync_at: datetime | None = None
    #: local operations not yet on the server
    pending: int = 0
    open_conflicts: int = 0


def sync_status(ws: Workspace) -> SyncStatus:
    with ws.engine.connect() as conn:
        state = conn.execute(select(_STATE)).first()
        if state is None:
            return SyncStatus(False)
        pending = conn.execute(select(func.count()).select_from(Operation).where(
            Operation.sequence > state.pushed_sequence)).scalar()
        conflicts = open_count(conn)
    return SyncStatus(True, state.workspace_name, state.server, state.last_sync_at,
                      int(pending or 0), int(conflicts or 0))
