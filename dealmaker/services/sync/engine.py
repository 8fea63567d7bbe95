"""One synchronisation of a workspace file with its shared workspace (no Qt).

Push before pull, in one local transaction that reads while it talks to the server and
takes the file's write lock only to apply the pull (``local_lock``: saving never waits
for the network; an edit saved meanwhile makes the sync start over, its server
transaction rolled back): the local journal since ``pushed_sequence`` goes to the server
as one batch (``dealmaker.push``: idempotent per operation id, conflicts per field by
version), then every log entry after ``cursor`` comes back in the same server
transaction and is applied locally. The server commits first; if the local commit then
fails (a kill, a full disk), the file is as before and the next sync sends the same
batch again, which the server passes over. A cut connection raises ``Offline``, a
server that does not answer in time ``ServerBusy``, Annuleren ``Cancelled``
(``CancelToken`` stops the server's statement at once); each leaves the file untouched.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, func, select, text, update

from dealmaker.domain.dates import utcnow
from dealmaker.domain.numbers import counted
from dealmaker.services.sync import conflicts
from dealmaker.services.sync.apply import Pulled, apply_entries, local_ids, refresh_derived
from dealmaker.services.sync.connect import (
    Cancelled,
    CancelToken,
    SyncError,
    make_server_engine,
    server_transaction,
    server_url,
    shown_url,
)
from dealmaker.services.sync.local_lock import (
    ATTEMPTS,
    SlippedIn,
    read_then_write,
    take_write_lock,
    wait_for_writer,
)
from dealmaker.services.sync.mass import MassDeletion, net_deletions, too_many
from dealmaker.services.sync.payload import pending
from dealmaker.services.sync.redaction import record_extra
from dealmaker.services.sync.remote import Shared, find_shared, log_after, rows_of
from dealmaker.storage.authorship import adopt_role
from dealmaker.storage.forgetting import finish_pending_forget, mark_pulled, pending_forget
from dealmaker.storage.journal import current_author
from dealmaker.storage.migrate import SCHEMA_VERSION
from dealmaker.storage.models import Base, Operation
from dealmaker.storage.revert import mapped_class
from dealmaker.storage.uow import defer_on
from dealmaker.storage.workspace import Workspace, open_workspace

_STATE = Base.metadata.tables["sync_state"]
CANCELLED = "Synchronisatie afgebroken; er is niets gewijzigd."
__all__ = ["Cancelled", "MassDeletion", "SyncResult", "sync"]


@dataclass(frozen=True)
class SyncResult:
    pushed: int
    pulled: int
    #: conflicts this sync found that are open after it (a pull can bring a conflict
    #: together with a colleague's 'Neem deze waarde' that settled it)
    conflicts: int
    cursor: int


Step = Callable[[str], None]


def state_of(conn: Connection) -> Any:
    return conn.execute(select(_STATE)).first()


def _correct_own(conn: Connection, server: Connection, shared: Shared, pulled: Pulled) -> None:
    """Own changes that lost, and records a pulled redaction rewrote: take the server's
    row as it is (journalled fields)."""
    wanted: dict[str, set[str]] = {k: set(v) for k, v in pulled.redacted.items()}
    for _entry, item in pulled.own_lost:
        wanted.setdefault(item["entity"], set()).add(item["entity_id"])
    for entity, ids in wanted.items():
        cls = mapped_class(entity)
        table = cls.__table__
        assert isinstance(table, Table)
        keep = cls.JOURNAL_SKIP - {"created_at"}
        for row in rows_of(server, shared, table, ids):
            values = {k: v for k, v in row._mapping.items() if k not in keep and k != "id"}
            conn.execute(update(table).where(table.c.id == row.id).values(values))
        pulled.touched.setdefault(entity, set()).update(ids)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """A pull makes tens of thousands of small dicts and lists, none of them cyclic: the
    cycle collector's passes over them cost a fifth of a pull of 10,000 values. Memory
    is freed by reference counting all the same; the collector runs again afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def sync(ws: Workspace, server: str | None = None, *, allow_mass_delete: bool = False,
         step: Step | None = None, cancel: CancelToken | None = None) -> SyncResult:
    """Push this copy's new operations, pull everyone else's; see the module docstring."""
    token = cancel or CancelToken()
    with ws.engine.begin() as local:  # a copy shared by an earlier version: mine
        adopt_role(local, current_author())
    with _no_cycle_collection():
        result = _attempts(ws, server, allow_mass_delete=allow_mass_delete, step=step,
                           cancel=token)
    if pending_forget(ws):  # a colleague's forget: no byte left here either (AVG)
        finish_pending_forget(ws, lambda copy: open_workspace(copy, lock=False))
    return result


def _attempts(ws: Workspace, server: str | None, *, allow_mass_delete: bool,
              step: Step | None, cancel: CancelToken) -> SyncResult:
    """``_sync`` again while local edits slip in; a cancelled wait says so."""
    for _attempt in range(ATTEMPTS):
        try:
            return _sync(ws, server, allow_mass_delete=allow_mass_delete, step=step,
                         cancel=cancel)
        except SlippedIn:
            wait_for_writer(ws)
        except SyncError as exc:
            if cancel.is_set() and not isinstance(exc, Cancelled):
                raise Cancelled(CANCELLED) from exc
            raise
    raise SyncError("De werkruimte werd tijdens het synchroniseren steeds bewerkt; er is "
                    "niets gewijzigd. Probeer het zo opnieuw.")


def _sync(ws: Workspace, server: str | None, *, allow_mass_delete: bool,
          step: Step | None, cancel: CancelToken) -> SyncResult:
    say = step or (lambda _m: None)
    with read_then_write(ws) as local:
        state = state_of(local)
        if state is None:
            raise SyncError("Deze werkruimte is nog niet gedeeld: publiceer haar eerst "
                            "(dealmaker sync --publish) of haal een gedeelde op (dealmaker join).")
        url = server or state.server
        batch = pending(local, state.pushed_sequence)
        engine = make_server_engine(url)
        try:
            with server_transaction(engine) as remote, cancel.watching(remote):
                shared = find_shared(remote, ws_id=state.workspace_id)
                if batch.count and not cancel.is_set():
                    say(counted(batch.count, "wijziging", "wijzigingen") + " versturen…")
                    remote.execute(text("SELECT dealmaker.push(CAST(:w AS uuid), :c, :v, "
                                        "CAST(:ops AS jsonb))"),
                                   {"w": shared.id, "c": state.cursor, "v": SCHEMA_VERSION,
                                    "ops": batch.json})
                say("Wijzigingen ophalen…")
                entries = log_after(remote, shared, state.cursor) if not cancel.is_set() else []
                if cancel.is_set():
                    raise Cancelled(CANCELLED)
                if not allow_mass_delete:
                    gone = net_deletions(local, entries,
                                         local_ids(local, [e.op_id for e in entries]))
                    if too_many(local, gone):
                        raise MassDeletion(gone)
                take_write_lock(local)  # only now: saving never waits for the server
                defer_on(local)
                say(counted(len(entries), "bewerking", "bewerkingen") + " verwerken…")
                pulled = apply_entries(local, entries)
                _correct_own(local, remote, shared, pulled)
        finally:
            engine.dispose()
        refresh_derived(local, pulled.touched)
        if pulled.redacted.get("person"):
            mark_pulled(local, pulled.redacted["person"])
        recorded = conflicts.record(local, pulled)
        conflicts.close_superseded(local, pulled)
        found = conflicts.still_open(local, recorded)  # "N nieuwe conflicten": open ones
        newest = local.execute(select(func.max(Operation.sequence))).scalar()
        if pulled.extra_redactions:  # pushed by the next sync (after ``newest``)
            record_extra(local, pulled.extra_redactions, ws.author)
        cursor = max([state.cursor, *(e.seq for e in entries)])
        local.execute(update(_STATE).values(
            server=shown_url(server_url(url)), cursor=cursor,
            pushed_sequence=int(newest or batch.top), last_sync_at=utcnow()))
    return SyncResult(batch.count, pulled.operations, found, cursor)
