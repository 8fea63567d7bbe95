"""Undo the net effect of journalled changes, generically, through the ORM.

The change journal stores values as JSON; to put them back this module looks up the
mapped class of a table (``Base.registry.mappers``) and converts each value to its
column's Python type. ``net_effect`` folds an operation's changes into one delta per row
(a row inserted and then edited in the same operation is one insert), ``find_conflicts``
checks that the rows are still as the operation left them, and ``apply_reverse`` writes
the state from before the operation in one flush, with foreign keys checked at commit.
Writes go through the ORM, so the journal records the reversal as a new operation and
derived data (contact dates, search index) follows. One rule for deletes: a row the
operation inserted is put back to "not there" by setting ``deleted_at`` (soft delete,
journalled as an update), never by deleting it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Column, Date, Integer, select
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import Session

from dealmaker.domain.dates import utcnow
from dealmaker.storage.derived import refresh_persons
from dealmaker.storage.models import Base, Change, Entity
from dealmaker.storage.types import ExactDecimal, JSONList, UTCDateTime
from dealmaker.storage.uow import defer_constraints

#: A ``Change.action`` left where "Persoon vergeten" removed the recorded values.
SCRUBBED = "scrubbed"
_CHUNK = 500


@cache
def mapped_class(table: str) -> type[Entity]:
    """The entity class mapped to ``table``; ``KeyError`` for an unknown table."""
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if getattr(cls, "__tablename__", None) == table and issubclass(cls, Entity):
            return cls
    raise KeyError(table)


def column(table: str, key: str) -> Column[Any]:
    """The column behind attribute ``key`` of the entity mapped to ``table``."""
    col = mapped_class(table).__mapper__.column_attrs[key].columns[0]
    assert isinstance(col, Column)
    return col


def from_json(table: str, key: str, value: Any) -> Any:
    """A journal (JSON) value back as the Python value of its column."""
    if value is None:
        return None
    kind = column(table, key).type
    if isinstance(kind, UTCDateTime):
        moment = datetime.fromisoformat(value)
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if isinstance(kind, ExactDecimal):
        return Decimal(str(value))
    if isinstance(kind, JSONList):
        return list(value)
    if isinstance(kind, SAEnum) and kind.enum_class is not None:
        return kind.enum_class(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    if isinstance(kind, Boolean):
        return bool(value)
    if isinstance(kind, Integer):
        return int(value)
    return value


@dataclass
class RowDelta:
    """What one operation did to one row, as JSON values."""

    entity: str
    entity_id: str
    existed_before: bool
    exists_after: bool
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)


def _load(raw: str | None) -> Any:
    return None if raw is None else json.loads(raw)


def net_effect(changes: Sequence[Change]) -> list[RowDelta]:
    """Fold changes (in ``seq`` order) into one ``RowDelta`` per row."""
    rows: dict[tuple[str, str], RowDelta] = {}
    for ch in sorted(changes, key=lambda c: c.seq):
        key = (ch.entity, ch.entity_id)
        delta = rows.get(key)
        if ch.action == "insert":
            snapshot = _load(ch.new_value) or {}
            if delta is None:
                rows[key] = RowDelta(ch.entity, ch.entity_id, False, True, {}, dict(snapshot))
            else:  # deleted and inserted again within the operation
                delta.exists_after, delta.after = True, dict(snapshot)
        elif ch.action == "delete":
            snapshot = _load(ch.old_value) or {}
            if delta is None:
                rows[key] = RowDelta(ch.entity, ch.entity_id, True, False, dict(snapshot), {})
            else:
                if delta.existed_before:  # fields edited earlier keep their first value
                    for name, value in snapshot.items():
                        delta.before.setdefault(name, value)
                delta.exists_after, delta.after = False, {}
        elif ch.action == "update" and ch.field is not None:
            if delta is None:
                delta = rows[key] = RowDelta(ch.entity, ch.entity_id, True, True)
            if delta.existed_before:
                delta.before.setdefault(ch.field, _load(ch.old_value))
            delta.after[ch.field] = _load(ch.new_value)
    return list(rows.values())


@dataclass(frozen=True)
class Conflict:
    """Why a row cannot be put back: changed | missing | exists | referenced."""

    kind: str
    entity: str
    entity_id: str
    fields: tuple[str, ...] = ()
    #: for ``referenced``: the tables of the rows that point at this one
    by_tables: tuple[str, ...] = ()


Rows = dict[tuple[str, str], Entity]


def _preload(session: Session, deltas: Iterable[RowDelta]) -> Rows:
    """The current rows concerned, by (table, id), with one query per table and chunk."""
    by_table: dict[str, list[str]] = {}
    for d in deltas:
        by_table.setdefault(d.entity, []).append(d.entity_id)
    found: Rows = {}
    for table, ids in by_table.items():
        cls = mapped_class(table)
        for start in range(0, len(ids), _CHUNK):
            for obj in session.scalars(select(cls).where(cls.id.in_(ids[start:start + _CHUNK]))):
                found[(table, obj.id)] = obj
    return found


def _differs(obj: Entity, d: RowDelta) -> tuple[str, ...]:
    return tuple(name for name, value in d.after.items()
                 if getattr(obj, name) != from_json(d.entity, name, value))


def _references(session: Session, removed: dict[str, set[str]],
                resets: dict[tuple[str, str], dict[str, Any]]) -> dict[tuple[str, str], set[str]]:
    """Rows outside ``removed`` that point at rows in ``removed``: {(table, id): {tables}}.

    A reference the reversal itself sets back (``resets``: before-values of edited rows)
    does not count.
    """
    found: dict[tuple[str, str], set[str]] = {}
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            target = fk.column.table.name
            if target not in removed or fk.parent.table is not table:
                continue
            ids = sorted(removed[target])
            own = removed.get(table.name, set())
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start:start + _CHUNK]
                live = [table.c.deleted_at.is_(None)] if "deleted_at" in table.c else []
                # a soft-deleted row (e.g. one an earlier undo un-inserted) uses nothing
                rows = session.execute(select(table.c.id, fk.parent).where(
                    fk.parent.in_(chunk), *live))
                for row_id, ref in rows:
                    reset = resets.get((table.name, row_id), {})
                    if fk.parent.name in reset and reset[fk.parent.name] != ref:
                        continue
                    if row_id not in own:
                        found.setdefault((target, ref), set()).add(table.name)
    return found


def find_conflicts(session: Session, deltas: Sequence[RowDelta]) -> list[Conflict]:
    """Rows that are no longer as the operation left them (empty list: safe to revert)."""
    current = _preload(session, deltas)
    conflicts: list[Conflict] = []
    removed: dict[str, set[str]] = {}
    resets = {(d.entity, d.entity_id): d.before for d in deltas
              if d.existed_before and d.exists_after}
    for d in deltas:
        obj = current.get((d.entity, d.entity_id))
        if d.exists_after and obj is None:
            conflicts.append(Conflict("missing", d.entity, d.entity_id))
        elif not d.exists_after and obj is not None and d.existed_before:
            conflicts.append(Conflict("exists", d.entity, d.entity_id))
        elif obj is not None and d.exists_after and (changed := _differs(obj, d)):
            conflicts.append(Conflict("changed", d.entity, d.entity_id, changed))
        elif d.exists_after and not d.existed_before:
            removed.setdefault(d.entity, set()).add(d.entity_id)
    for (table, row_id), tables in _references(session, removed, resets).items():
        conflicts.append(Conflict("referenced", table, row_id, by_tables=tuple(sorted(tables))))
    return conflicts


def apply_reverse(session: Session, deltas: Sequence[RowDelta]) -> set[str]:
    """Put every row back as it was before the operation; return the tables written.

    Call inside a transaction that already wrote something (SQLite starts it lazily):
    foreign keys are deferred to commit so rows can be removed and restored in any order.
    """
    defer_constraints(session)
    current = _preload(session, deltas)
    tables: set[str] = set()
    with session.no_autoflush:
        _write(session, current, deltas, tables)
    session.flush()
    _refresh_moved_persons(session, deltas)
    return tables


def _refresh_moved_persons(session: Session, deltas: Sequence[RowDelta]) -> None:
    """Derived data of persons a position or participation moved *away* from.

    ``storage.derived`` refreshes the person a row points at after the flush; the person
    it pointed at before is refreshed here (undo moves rows back, e.g. after a merge).
    """
    ids: set[str] = set()
    for d in deltas:
        if d.entity in ("position", "interaction_participant"):
            ids.update(v for v in (d.before.get("person_id"), d.after.get("person_id"))
                       if isinstance(v, str))
    if ids:
        refresh_persons(session.connection(), ids, ids)


def _write(session: Session, current: Rows, deltas: Sequence[RowDelta],
           tables: set[str]) -> None:
    for d in deltas:
        cls = mapped_class(d.entity)
        if d.existed_before and not d.exists_after:
            values = {k: from_json(d.entity, k, v) for k, v in d.before.items()}
            session.add(cls(**values))
        elif d.exists_after and not d.existed_before:
            obj = current.get((d.entity, d.entity_id))
            if obj is None or obj.deleted_at is not None:
                continue
            obj.deleted_at = utcnow()
        elif d.existed_before:
            obj = current[(d.entity, d.entity_id)]
            for name, value in d.before.items():
                setattr(obj, name, from_json(d.entity, name, value))
        else:
            continue
        tables.add(d.entity)
