"""Who writes in a workspace: the OS user, or in a shared workspace its PostgreSQL role.

A team server names every change after the role that logged in (``session_user``), and
colleagues' copies show that name. A linked copy names its own changes the same way, so
one change has one author on every copy, before and after it is pushed, and undo's
"mine" (this author on this device) means the same before and after a sync and a
restart. The role is read from the sync state at open: the user name in the stored
server address, or what libpq logs in as without one (PGUSER, else the OS user).
Publish and join hand this copy's earlier operations to the role in their own
transaction (``adopt_role``), so Ctrl+Z keeps offering the changes from before sharing.
"""

from __future__ import annotations

import os

from sqlalchemy import Connection, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from dealmaker.storage.journal import current_author
from dealmaker.storage.models import Base, Operation
from dealmaker.storage.models.journal import LocalDevice

_STATE = Base.metadata.tables["sync_state"]


def role_in(server: str) -> str:
    """The PostgreSQL role a stored server address logs in as."""
    try:
        url = make_url(server)
    except Exception:  # an unreadable address: sync refuses it; the OS user writes
        return current_author()
    user = url.username or url.query.get("user")
    if isinstance(user, tuple):
        user = user[-1] if user else None
    return (user or os.environ.get("PGUSER") or current_author())[:100]


def author_of(conn: Connection) -> str:
    """The author of this workspace's new operations: the role when it is shared."""
    try:
        server = conn.execute(select(_STATE.c.server).limit(1)).scalar()
    except OperationalError:  # a file older than team sync (schema 8), opened unmigrated
        return current_author()
    return current_author() if server is None else role_in(str(server))


def adopt_role(conn: Connection, before: str) -> str:
    """In the caller's transaction (publish, join; the sync state is written): this
    copy's operations written as ``before`` (the OS user) become the role's. Returns the
    role, the workspace's author from now on."""
    role = author_of(conn)
    device = conn.execute(select(LocalDevice.id).limit(1)).scalar()
    if device is not None and role != before:
        conn.execute(update(Operation).where(Operation.device_id == device,
                                             Operation.author == before).values(author=role))
    return role
