"""Which workspace a workbook came from: the id of the workspace's first journal entry.

Every workspace that holds a deal has one (creating a deal, or the demo's bulk write, is
journalled), it never changes (the journal is append-only) and a copy of the file keeps
it. Reading it writes nothing, so an export leaves the workspace as it was.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealmaker.export.workbook.marker import ALL_DEALS, DEAL, WORKSPACE, YEAR
from dealmaker.storage.models import Operation

#: a workspace without any journal entry (it holds no deal either)
NO_JOURNAL = "leeg"


def workspace_identity(s: Session) -> str:
    first = s.scalar(select(Operation.id).order_by(Operation.sequence).limit(1))
    return str(first) if first is not None else NO_JOURNAL


def identity(s: Session, deal_id: str | None, year: int) -> dict[str, str]:
    """The hidden identity of an overleg workbook (``deal_id`` None: the portfolio)."""
    return {WORKSPACE: workspace_identity(s), DEAL: deal_id or ALL_DEALS, YEAR: str(year)}
