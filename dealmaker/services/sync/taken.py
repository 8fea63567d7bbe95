"""Taking a conflict's losing value, and what Ctrl+Z of that does to the conflict.

Taking is an ordinary edit (journalled, undoable, synchronised) whose operation names the
conflict in its ``detail``. The conflict is settled ('genomen') while that operation is
in effect: undoing it (Ctrl+Z) opens the conflict again, redoing it settles it again.
Nothing is marked on undo: "in effect" is read from the journal (an operation is undone
when an odd number of reversals follows it), so any way of undoing counts.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, select

from dealmaker.domain.dates import utcnow
from dealmaker.services.sync.whole import delete_dependants, revive_dependants
from dealmaker.storage.journal import begin_operation
from dealmaker.storage.models import Base, Change, Operation
from dealmaker.storage.models.sync import SyncConflict
from dealmaker.storage.revert import from_json, mapped_class
from dealmaker.storage.workspace import Workspace

TAKE_NAME = "Conflict: andere waarde overnemen"
_KEY = "sync_conflict"
_TABLE = Base.metadata.tables["sync_conflict"]


class ConflictGone(Exception):
    """The conflict or its record no longer exists (Dutch message)."""


def take_map(conn: Connection) -> dict[str, str]:
    """Conflict id -> the newest operation that took its value (on this copy). Read once
    and handed to ``reopened`` and ``settled_by_colleague``: each would read it again."""
    found: dict[str, str] = {}
    for op_id, detail in conn.execute(select(Operation.id, Operation.detail).where(
            Operation.name == TAKE_NAME, Operation.detail.is_not(None))
            .order_by(Operation.sequence)):
        try:
            conflict = json.loads(detail or "null").get(_KEY)
        except (ValueError, AttributeError):
            continue
        if isinstance(conflict, str):
            found[conflict] = str(op_id)
    return found


def _chain(conn: Connection, op_id: str) -> list[str]:
    """``op_id`` and the reversals that follow it (undo, redo, undo, ...)."""
    chain = [op_id]
    while (nxt := conn.execute(select(Operation.id).where(
            Operation.reverts_id == chain[-1])).scalar()) is not None:
        chain.append(str(nxt))
    return chain


def reopened(conn: Connection, takes: dict[str, str] | None = None) -> set[str]:
    """Conflicts settled by taking a value whose taking was undone since."""
    taken = {str(i) for i in conn.execute(select(_TABLE.c.id).where(
        _TABLE.c.resolution == "genomen")).scalars()}
    if not taken:
        return set()
    takes = take_map(conn) if takes is None else takes
    return {conflict for conflict, op_id in takes.items()
            if conflict in taken and len(_chain(conn, op_id)) % 2 == 0}


def _colleague_takes(conn: Connection, takes: dict[str, str]
                     ) -> dict[tuple[str, str, str], list[str]]:
    """(entity, id, field) -> the pulled operations by which a colleague took a value of
    their own copy's conflict (its id is not one of this copy's conflicts)."""
    mine = {str(i) for i in conn.execute(select(_TABLE.c.id)).scalars()}
    found: dict[tuple[str, str, str], list[str]] = {}
    for conflict, op_id in takes.items():
        if conflict in mine:
            continue
        for entity, entity_id, field in conn.execute(
                select(Change.entity, Change.entity_id, Change.field).where(
                    Change.operation_id == op_id, Change.field.is_not(None))):
            found.setdefault((entity, str(entity_id), str(field)), []).append(op_id)
    return found


def settled_by_colleague(conn: Connection, takes: dict[str, str] | None = None) -> set[str]:
    """This copy's unsettled conflicts that a colleague settled on their copy by taking a
    value (and did not undo): settled here too, so every copy lists the same."""
    theirs = _colleague_takes(conn, take_map(conn) if takes is None else takes)
    if not theirs:
        return set()
    return {str(cid) for cid, entity, entity_id, field in conn.execute(
                select(_TABLE.c.id, _TABLE.c.entity, _TABLE.c.entity_id, _TABLE.c.field)
                .where(_TABLE.c.resolved_at.is_(None)))
            if any(len(_chain(conn, op)) % 2 == 1
                   for op in theirs.get((entity, str(entity_id), field), ()))}


def take_operations(conn: Connection) -> set[str]:
    """Every operation that took the value of one of this copy's conflicts, or reversed
    such a take: writes that do not settle that conflict by themselves (see
    ``conflicts.close_superseded``). A colleague's take names a conflict of their copy."""
    takes = take_map(conn)
    if not takes:
        return set()
    mine = {str(i) for i in conn.execute(select(_TABLE.c.id).where(
        _TABLE.c.resolution == "genomen")).scalars()}
    theirs = {op for ops in _colleague_takes(conn, takes).values() for op_id in ops
              for op in _chain(conn, op_id)}
    return theirs | {op for conflict, op_id in takes.items() if conflict in mine
                     for op in _chain(conn, op_id)}


def take_loser(ws: Workspace, conflict_id: str) -> str | None:
    """Put the losing value in place of the current one: one undoable operation."""
    with ws.uow(TAKE_NAME) as uow:
        found = uow.session.get(SyncConflict, conflict_id)
        if found is None or (found.resolved_at is not None and conflict_id not in reopened(
                uow.session.connection())):
            raise ConflictGone("Dit conflict is al afgehandeld.")
        obj = uow.session.get(mapped_class(found.entity), found.entity_id)
        if obj is None:
            raise ConflictGone("Het record van dit conflict bestaat niet meer.")
        value = json.loads(found.loser_value) if found.loser_value else None
        was = obj.deleted_at
        setattr(obj, found.field, from_json(found.entity, found.field, value))
        if found.reason == "verwijderd":  # back with what its delete took with it
            obj.deleted_at = None
            if was is not None:
                revive_dependants(uow.session, found.entity, found.entity_id, was)
        elif found.reason == "bewerkt" and obj.deleted_at is not None:
            delete_dependants(uow.session, found)  # and what it would have taken
        found.resolved_at = utcnow()
        found.resolution = "genomen"
        op = uow.session.get_one(Operation, begin_operation(uow.session))
        op.detail = json.dumps({_KEY: conflict_id})
        return uow.commit()
