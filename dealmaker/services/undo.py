"""Undo and redo of every journalled operation (Ctrl+Z / Ctrl+Shift+Z).

The journal is the undo stack. An *ordinary* operation has no ``reverts_id``. Undoing
operation X writes a new operation U ("Ongedaan maken: ...", ``reverts_id`` = X) that
puts back the state from before X, and marks X ``undone_at``. Redo reverses U the same
way into R ("Opnieuw: ...", ``reverts_id`` = U) and marks U undone; R can be undone
again like any edit. So the kind of an operation follows from its ``reverts_id`` chain:
odd depth is an undo, even depth (> 0) a redo.

- Undo takes the newest operation that is not undone and is not itself an undo.
- Redo takes the newest undo that is not undone, provided no ordinary operation came
  after it (a new edit clears the redo stack, like any editor).
- An operation whose journal rows were wiped by "Persoon vergeten" is a wall: undo stops
  there (``undo_label`` is None), because its data can no longer be restored.
- Before writing, every row must still be as the operation left it; otherwise nothing
  is changed and ``UndoError`` explains, in Dutch, which record was changed since.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from dealmaker.domain.dates import utcnow
from dealmaker.services.changes import Changes
from dealmaker.services.history import TABLE_LABELS, describe, field_label
from dealmaker.storage.journal import OPERATION
from dealmaker.storage.models import Change, Operation
from dealmaker.storage.revert import SCRUBBED, Conflict, apply_reverse, find_conflicts, net_effect
from dealmaker.storage.workspace import Workspace

UNDO_PREFIX = "Ongedaan maken: "
REDO_PREFIX = "Opnieuw: "
#: tables whose changes make storage.derived rewrite person rows (contact dates, search)
_DERIVED = {"interaction", "interaction_participant", "position", "organisation"}
_PAGE = 50


class UndoError(Exception):
    """Undo or redo was refused; the message (Dutch) says why. Nothing was changed."""


def _depth(session: Session, op: Operation) -> int:
    depth = 0
    while op.reverts_id is not None:
        target = session.get(Operation, op.reverts_id)
        if target is None:
            break
        depth, op = depth + 1, target
    return depth


def _label(session: Session, op: Operation) -> str:
    """The name of the ordinary operation at the root of ``op``'s chain."""
    while op.reverts_id is not None:
        target = session.get(Operation, op.reverts_id)
        if target is None:
            break
        op = target
    return op.name


def _newest_not_undone(session: Session, after: datetime | None = None) -> Iterator[Operation]:
    """Operations not undone, newest first, fetched in pages (the caller stops early)."""
    query = select(Operation).where(Operation.undone_at.is_(None))
    if after is not None:
        query = query.where(Operation.at > after)
    query = query.order_by(Operation.at.desc())
    offset = 0
    while page := list(session.scalars(query.offset(offset).limit(_PAGE))):
        yield from page
        offset += _PAGE


def _undo_target(session: Session) -> Operation | None:
    for op in _newest_not_undone(session):
        if _depth(session, op) % 2 == 0:  # ordinary or redo
            scrubbed = session.scalar(select(exists().where(
                Change.operation_id == op.id, Change.action == SCRUBBED)))
            return None if scrubbed else op
    return None


def _redo_target(session: Session) -> Operation | None:
    last_edit = session.scalar(select(Operation.at).where(Operation.reverts_id.is_(None))
                               .order_by(Operation.at.desc()).limit(1))
    for op in _newest_not_undone(session, last_edit):
        if _depth(session, op) % 2 == 1:
            return op
    return None


def undo_label(ws: Workspace) -> str | None:
    """Name of the operation Ctrl+Z would undo ("Contact bewerken"), or None."""
    with ws.read() as session:
        op = _undo_target(session)
        return None if op is None else _label(session, op)


def redo_label(ws: Workspace) -> str | None:
    """Name of the operation Ctrl+Shift+Z would redo ("Contact bewerken"), or None."""
    with ws.read() as session:
        op = _redo_target(session)
        return None if op is None else _label(session, op)


def _explain(session: Session, verb: str, label: str, c: Conflict) -> str:
    what = describe(session, c.entity, c.entity_id)
    head = f"'{label}' kan niet {verb} worden: "
    if c.kind == "changed":
        fields = ", ".join(field_label(c.entity, f).lower() for f in c.fields)
        return head + f"{what} is daarna nog gewijzigd ({fields})."
    if c.kind == "missing":
        return head + f"{what} bestaat niet meer."
    if c.kind == "exists":
        return head + f"{what} bestaat inmiddels weer."
    users = ", ".join(TABLE_LABELS.get(t, t) for t in c.by_tables)
    return head + f"{what} wordt inmiddels gebruikt door andere gegevens ({users})."


def _reverse(ws: Workspace, op_id: str, prefix: str, verb: str) -> Changes:
    """Write the reversal of operation ``op_id`` as a new operation pointing at it."""
    with ws.read() as session:
        label = _label(session, session.get_one(Operation, op_id))
    with ws.uow(prefix + label) as uow:
        session = uow.session
        target = session.get_one(Operation, op_id)
        changes = list(session.scalars(select(Change).where(Change.operation_id == op_id)))
        if any(ch.action == SCRUBBED for ch in changes):
            raise UndoError(f"'{label}' kan niet {verb} worden: de gegevens zijn gewist "
                            "door 'Persoon vergeten'.")
        deltas = net_effect(changes)
        try:
            conflicts = find_conflicts(session, deltas)
        except KeyError as exc:
            raise UndoError(f"'{label}' kan niet {verb} worden: onbekende tabel {exc}.") from exc
        if conflicts:
            raise UndoError(_explain(session, verb, label, conflicts[0]))
        target.undone_at = utcnow()
        session.flush()  # starts the write transaction (needed to defer foreign keys)
        tables = apply_reverse(session, deltas)
        new_id = session.info.get(OPERATION)
        if new_id is None:  # nothing to write: still record the step for redo
            new_op = Operation(name=prefix + label)
            session.add(new_op)
            session.flush()
            new_id = new_op.id
        session.get_one(Operation, new_id).reverts_id = op_id
        uow.commit()
    if tables & _DERIVED:
        tables.add("person")
    return Changes(frozenset(tables), str(new_id))


def undo(ws: Workspace) -> Changes | None:
    """Undo the newest operation not yet undone; None when there is nothing to undo.

    Raises ``UndoError`` (nothing changed) when a record was changed since.
    """
    with ws.read() as session:
        op = _undo_target(session)
        op_id = None if op is None else op.id
    return None if op_id is None else _reverse(ws, op_id, UNDO_PREFIX, "ongedaan gemaakt")


def redo(ws: Workspace) -> Changes | None:
    """Redo the newest undo, if no new edit came after it; None otherwise."""
    with ws.read() as session:
        op = _redo_target(session)
        op_id = None if op is None else op.id
    return None if op_id is None else _reverse(ws, op_id, REDO_PREFIX, "opnieuw uitgevoerd")
