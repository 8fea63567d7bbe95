"""Undo and redo of every journalled operation (Ctrl+Z / Ctrl+Shift+Z).

The journal is the undo stack, and it is append-only. Undoing operation X writes a new
operation U (kind 'undo', "Ongedaan maken: ...", ``reverts_id`` = X) that puts back the
state from before X. Redo reverses U the same way into R (kind 'redo', "Opnieuw: ...",
``reverts_id`` = U); R can be undone again like any edit. Nothing is marked in place:
an operation *is undone* when some operation reverts it (each is reverted at most once).
Order comes from the local ``sequence``, never from the wall clock.

- Undo is per author and device: it only offers operations this user wrote on this copy
  (a colleague's synchronised change is never undone by Ctrl+Z). In a shared workspace
  the author is the PostgreSQL role, also of this copy's changes from before it was
  shared (``storage.authorship``).
- Undo takes the newest of those that is not undone and is an edit or a redo; baselines
  (bulk writes) are passed over.
- Redo takes the newest undo that is not undone, provided no edit came after it (a new
  edit clears the redo stack, like any editor).
- A redaction ("Persoon vergeten") and an operation whose journal rows it wiped are a
  wall: undo stops there (``undo_label`` is None), because the data is gone.
- Before writing, every row must still be as the operation left it; otherwise nothing
  is changed and ``UndoError`` explains, in Dutch, which record was changed since.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.orm import Session, aliased

from dealmaker.services.changes import Changes
from dealmaker.services.history import TABLE_LABELS, describe, field_label
from dealmaker.services.undo_others import written_by_others_since
from dealmaker.storage.journal import OPERATION, begin_operation, device_id
from dealmaker.storage.models import Change, Operation
from dealmaker.storage.models.journal import BASELINE, EDIT, REDACTION, REDO, UNDO
from dealmaker.storage.revert import SCRUBBED, Conflict, apply_reverse, find_conflicts, net_effect
from dealmaker.storage.workspace import Workspace

UNDO_PREFIX = "Ongedaan maken: "
REDO_PREFIX = "Opnieuw: "
#: tables whose changes make storage.derived rewrite person rows (contact dates, search)
_DERIVED = {"interaction", "interaction_participant", "position", "organisation"}
_PAGE = 50


class UndoError(Exception):
    """Undo or redo was refused; the message (Dutch) says why. Nothing was changed."""


def _label(session: Session, op: Operation) -> str:
    """The name of the ordinary operation at the root of ``op``'s chain."""
    while op.reverts_id is not None:
        target = session.get(Operation, op.reverts_id)
        if target is None:
            break
        op = target
    return op.name


def _not_undone() -> ColumnElement[bool]:
    reverter = aliased(Operation)
    return ~exists().where(reverter.reverts_id == Operation.id)


def _mine(session: Session, ws: Workspace, after: int | None = None) -> Iterator[Operation]:
    """This author's operations on this device that are not undone, newest first, in
    pages (the caller stops early)."""
    query = select(Operation).where(
        Operation.device_id == device_id(session), Operation.author == ws.author,
        _not_undone())
    if after is not None:
        query = query.where(Operation.sequence > after)
    query = query.order_by(Operation.sequence.desc())
    offset = 0
    while page := list(session.scalars(query.offset(offset).limit(_PAGE))):
        yield from page
        offset += _PAGE


def _undo_target(session: Session, ws: Workspace) -> Operation | None:
    for op in _mine(session, ws):
        if op.kind == REDACTION:
            return None
        if op.kind in (EDIT, REDO):
            scrubbed = session.scalar(select(exists().where(
                Change.operation_id == op.id, Change.action == SCRUBBED)))
            return None if scrubbed else op
        if op.kind not in (UNDO, BASELINE):
            return None  # a kind this version does not know: do not guess
    return None


def _redo_target(session: Session, ws: Workspace) -> Operation | None:
    last_edit = session.scalar(
        select(Operation.sequence).where(
            Operation.kind == EDIT, Operation.device_id == device_id(session),
            Operation.author == ws.author)
        .order_by(Operation.sequence.desc()).limit(1))
    for op in _mine(session, ws, last_edit):
        if op.kind == UNDO:
            return op
    return None


def undo_label(ws: Workspace) -> str | None:
    """Name of the operation Ctrl+Z would undo ("Contact bewerken"), or None."""
    with ws.read() as session:
        op = _undo_target(session, ws)
        return None if op is None else _label(session, op)


def redo_label(ws: Workspace) -> str | None:
    """Name of the operation Ctrl+Shift+Z would redo ("Contact bewerken"), or None."""
    with ws.read() as session:
        op = _redo_target(session, ws)
        return None if op is None else _label(session, op)


@dataclass(frozen=True)
class UndoState:
    """What Ctrl+Z and Ctrl+Shift+Z would do, with the journal sequences the window needs
    to order its local steps (``ui.shell.local_undo``) among the operations."""

    undo_label: str | None = None
    undo_sequence: int | None = None
    redo_label: str | None = None
    redo_sequence: int | None = None
    #: the newest operation of any kind, and this user's newest edit
    newest: int = 0
    newest_edit: int | None = None


def undo_state(ws: Workspace) -> UndoState:
    with ws.read() as session:
        u, r = _undo_target(session, ws), _redo_target(session, ws)
        newest = session.scalar(select(func.max(Operation.sequence))) or 0
        edit = session.scalar(select(func.max(Operation.sequence)).where(
            Operation.kind == EDIT, Operation.device_id == device_id(session),
            Operation.author == ws.author))
        return UndoState(None if u is None else _label(session, u),
                         None if u is None else u.sequence,
                         None if r is None else _label(session, r),
                         None if r is None else r.sequence, int(newest),
                         None if edit is None else int(edit))


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


def _reverse(ws: Workspace, op_id: str, kind: str) -> Changes:
    """Write the reversal of operation ``op_id`` as a new operation pointing at it."""
    prefix, verb = ((UNDO_PREFIX, "ongedaan gemaakt") if kind == UNDO
                    else (REDO_PREFIX, "opnieuw uitgevoerd"))
    with ws.read() as session:
        label = _label(session, session.get_one(Operation, op_id))
    with ws.uow(prefix + label, kind=kind, reverts=op_id) as uow:
        session = uow.session
        if session.scalar(select(exists().where(Operation.reverts_id == op_id))):
            raise UndoError(f"'{label}' is al {verb}.")
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
        if kind == UNDO and (why := written_by_others_since(
                session, session.get_one(Operation, op_id), changes)):
            raise UndoError(f"'{label}' kan niet {verb} worden: {why}")
        begin_operation(session)  # the step is recorded even when nothing is to be written
        tables = apply_reverse(session, deltas)
        new_id = session.info.get(OPERATION)
        uow.commit()
    if tables & _DERIVED:
        tables.add("person")
    return Changes(frozenset(tables), str(new_id))


def undo(ws: Workspace) -> Changes | None:
    """Undo the newest operation not yet undone; None when there is nothing to undo.

    Raises ``UndoError`` (nothing changed) when a record was changed since.
    """
    with ws.read() as session:
        op = _undo_target(session, ws)
        op_id = None if op is None else op.id
    return None if op_id is None else _reverse(ws, op_id, UNDO)


def redo(ws: Workspace) -> Changes | None:
    """Redo the newest undo, if no new edit came after it; None otherwise."""
    with ws.read() as session:
        op = _redo_target(session, ws)
        op_id = None if op is None else op.id
    return None if op_id is None else _reverse(ws, op_id, REDO)
