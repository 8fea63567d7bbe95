"""The sync's one local transaction: a read while it waits for the server, a write only
to apply what came back (no Qt).

Saving must never wait for the network. So the sync opens its transaction as a read (a
snapshot of the file: the sync state and the operations to send), talks to the server,
and takes the file's write lock only to apply the pull. If a local edit was saved in
between, SQLite refuses to turn the stale snapshot into a write (``SQLITE_BUSY``, at
once, without waiting): the sync rolls its server transaction back too and starts over
(``SlippedIn``), the new edit in its batch. Pushes are idempotent per operation id, and
the server commits before the file does, so a cut or a kill still leaves the file as it
was before the sync started.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress

from sqlalchemy import Connection, update

from dealmaker.storage.errors import StorageFailure
from dealmaker.storage.models import Base
from dealmaker.storage.workspace import Workspace

#: a sync starts over at most this often when edits keep slipping in
ATTEMPTS = 5
_STATE = Base.metadata.tables["sync_state"]


class SlippedIn(Exception):
    """A local edit was saved while the sync talked to the server: start over."""


@contextmanager
def read_then_write(ws: Workspace) -> Iterator[Connection]:
    """One local transaction (``BEGIN``, deferred): a snapshot until the first write;
    committed when the block ends, rolled back when it raises."""
    with ws.engine.connect() as conn:
        local = conn.execution_options(isolation_level="AUTOCOMMIT")  # BEGIN/COMMIT below
        local.exec_driver_sql("BEGIN")
        try:
            yield local
            local.exec_driver_sql("COMMIT")
        except BaseException:
            with suppress(Exception):  # SQLite may have rolled back itself (disk full)
                local.exec_driver_sql("ROLLBACK")
            raise


def take_write_lock(local: Connection) -> None:
    """The file's write lock for ``local``'s transaction; ``SlippedIn`` when an edit was
    saved since its snapshot began (or is being saved right now)."""
    try:
        local.execute(update(_STATE).values(id=_STATE.c.id))
    except StorageFailure as exc:
        if exc.kind == "bezet":
            raise SlippedIn from exc
        raise


def wait_for_writer(ws: Workspace) -> None:
    """Let an edit being saved finish before the sync starts over (SQLite's busy wait)."""
    with ws.engine.connect() as conn, suppress(StorageFailure):
        local = conn.execution_options(isolation_level="AUTOCOMMIT")
        local.exec_driver_sql("BEGIN IMMEDIATE")
        local.exec_driver_sql("ROLLBACK")
