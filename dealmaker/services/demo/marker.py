"""Is this workspace the demo? Its journal starts with the demo's baseline operation.

The window marks a demo workspace as such (invented data) and offers to begin one of
the user's own; the file itself says it, so a demo copied elsewhere is still known.
"""

from __future__ import annotations

from sqlalchemy import select

from dealmaker.services.demo.write import OPERATION_NAME
from dealmaker.storage.models import Operation
from dealmaker.storage.models.journal import BASELINE
from dealmaker.storage.workspace import Workspace


def is_demo(ws: Workspace) -> bool:
    """True when the workspace was made as a demo (``dealmaker demo`` or the menu)."""
    with ws.read() as s:
        return s.scalar(select(Operation.id).where(
            Operation.kind == BASELINE, Operation.name == OPERATION_NAME).limit(1)) is not None
