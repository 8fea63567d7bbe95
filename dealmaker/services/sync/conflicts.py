"""The Conflicten list: values that lost a conflict, kept locally, and taking one back.

A conflict is recorded on every copy that pulls the losing operation (the writer's and
the others'), with both values, who wrote the loser and when. It closes by itself when a
later write reaches that field ('later'), or when someone takes the losing value
('genomen'): an ordinary edit, journalled and undoable, that syncs like any other;
undoing it opens the conflict again (``services.sync.taken``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Connection, and_, func, insert, or_, select, update
from sqlalchemy.orm import Session

from dealmaker.domain.dates import utcnow
from dealmaker.services.history import describe as describe_record
from dealmaker.services.history import field_label, render_value
from dealmaker.services.sync.apply import Pulled
from dealmaker.services.sync.taken import ConflictGone as ConflictGone
from dealmaker.services.sync.taken import (
    reopened,
    settled_by_colleague,
    take_map,
    take_operations,
)
from dealmaker.services.sync.taken import take_loser as take_loser
from dealmaker.services.sync.whole import KEPT
from dealmaker.storage.journal import to_json
from dealmaker.storage.models import Base
from dealmaker.storage.models.base import new_id
from dealmaker.storage.revert import mapped_class
from dealmaker.storage.workspace import Workspace

#: lost changes shown as conflicts ('al': both deleted; 'vergeten': data gone by law;
#: KEPT 'mee': a row a losing delete would have taken with it, kept hidden for its taking)
SHOWN = ("veld", "verwijderd", "bewerkt")
_TABLE = Base.metadata.tables["sync_conflict"]


@dataclass(frozen=True)
class OpenConflict:
    id: str
    entity: str
    entity_id: str
    field: str
    reason: str
    winner_value: object
    winner_author: str | None
    loser_value: object
    loser_author: str
    loser_at: datetime


def _current(conn: Connection, entity: str, row_id: str, field: str) -> object:
    cls = mapped_class(entity)
    table = cls.__table__
    value = conn.execute(select(table.c[field]).where(table.c.id == row_id)).scalar()
    return to_json(value)


def record(conn: Connection, pulled: Pulled) -> list[str]:
    """Keep the lost values of this pull (after it is applied); return their ids."""
    found: list[str] = []
    for entry, item in pulled.own_lost + pulled.other_lost:
        if item.get("reason") not in (*SHOWN, KEPT):
            continue
        entity, row_id, field = item["entity"], item["entity_id"], item["field"]
        exists = conn.execute(select(_TABLE.c.id).where(
            _TABLE.c.server_sequence == entry.seq, _TABLE.c.entity == entity,
            _TABLE.c.entity_id == row_id, _TABLE.c.field == field)).first()
        if exists is not None:
            continue
        winner_field = "deleted_at" if item["reason"] == "verwijderd" else field
        found.append(new_id())
        conn.execute(insert(_TABLE).values(
            id=found[-1], entity=entity, entity_id=row_id, field=field, reason=item["reason"],
            winner_value=json.dumps(_current(conn, entity, row_id, winner_field),
                                    ensure_ascii=False),
            winner_author=item.get("winner_author"),
            loser_value=json.dumps(item.get("value"), ensure_ascii=False),
            loser_author=entry.author[:100], loser_at=entry.at,
            server_sequence=entry.seq, found_at=utcnow()))
    return found


def still_open(conn: Connection, ids: list[str]) -> int:
    """How many of ``ids`` are open: a pull can bring a conflict together with what
    settled it (a later write, a colleague's 'Neem deze waarde')."""
    if not ids:
        return 0
    return int(conn.execute(select(func.count()).select_from(_TABLE).where(
        _TABLE.c.id.in_(ids), _open(conn))).scalar() or 0)


def close_superseded(conn: Connection, pulled: Pulled) -> None:
    """A later write to the field settles its open conflicts (taking a value and its
    undo are not such a write: they are the conflict's own business)."""
    takes = take_operations(conn)
    for row in conn.execute(select(_TABLE.c.id, _TABLE.c.entity, _TABLE.c.entity_id,
                                   _TABLE.c.field, _TABLE.c.server_sequence)
                            .where(_open(conn))).all():
        writes = pulled.written.get((row.entity, str(row.entity_id), row.field), ())
        if any(seq > row.server_sequence and op not in takes for seq, op in writes):
            conn.execute(update(_TABLE).where(_TABLE.c.id == row.id).values(
                resolved_at=utcnow(), resolution="later"))


def _open(conn: Connection) -> ColumnElement[bool]:
    """Unsettled (and not taken by a colleague), or settled by a taking that was undone."""
    takes = take_map(conn)
    again, theirs = reopened(conn, takes), settled_by_colleague(conn, takes)
    unsettled: ColumnElement[bool] = and_(_TABLE.c.resolved_at.is_(None),
                                          _TABLE.c.reason.in_(SHOWN))
    if theirs:
        unsettled = and_(unsettled, _TABLE.c.id.not_in(theirs))
    return or_(unsettled, _TABLE.c.id.in_(again)) if again else unsettled


def open_count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(_TABLE).where(_open(conn)))
               .scalar() or 0)


def open_conflicts(ws: Workspace) -> list[OpenConflict]:
    """The unsettled conflicts, newest first."""
    with ws.engine.connect() as conn:
        rows = conn.execute(select(_TABLE).where(_open(conn))
                            .order_by(_TABLE.c.server_sequence.desc())).all()
    return [OpenConflict(r.id, r.entity, r.entity_id, r.field, r.reason,
                         json.loads(r.winner_value) if r.winner_value else None,
                         r.winner_author,
                         json.loads(r.loser_value) if r.loser_value else None,
                         r.loser_author, r.loser_at) for r in rows]


@dataclass(frozen=True)
class ConflictRow:
    """A conflict as the Conflicten list shows it (Dutch texts)."""

    id: str
    record: str
    field: str
    current: str
    #: who wrote the current value (the winner); empty when not known
    current_who: str
    other: str
    #: who wrote the other value, and when: the time of the laptop that wrote it (its
    #: clock may be off; which value won never depends on it)
    who: str
    when: str


def _shown(session: Session, c: OpenConflict) -> tuple[str, str]:
    """Both values as text; a record deleted or brought back since (Ctrl+Z of the delete,
    a later delete) shows what it is now, not what it was when the conflict came in."""
    obj = session.get(mapped_class(c.entity), c.entity_id)
    live = obj is not None and getattr(obj, "deleted_at", None) is None
    if c.reason == "verwijderd":
        current = render_value(session, c.entity, c.field, to_json(getattr(obj, c.field))) \
            if live else "(verwijderd door " + (c.winner_author or "?") + ")"
        return current, render_value(session, c.entity, c.field, c.loser_value)
    if c.reason == "bewerkt":
        current = "(gewijzigd door " + (c.winner_author or "?") + ")" if live else "(verwijderd)"
        return current, "(verwijderen)"
    return (render_value(session, c.entity, c.field, c.winner_value),
            render_value(session, c.entity, c.field, c.loser_value))


#: what names a record of a kind the history does not name ("toezegging 'Titel'")
_TITLES = ("title", "topic", "name", "summary")


def _record(session: Session, entity: str, entity_id: str) -> str:
    """"contact 'Eva Visser'", "toezegging 'Overleg plannen'"; the kind alone if unnamed."""
    shown = describe_record(session, entity, entity_id)
    if "'" in shown:
        return shown
    obj = session.get(mapped_class(entity), entity_id)
    for attr in _TITLES:
        title = " ".join(str(getattr(obj, attr, None) or "").split())
        if title:
            return f"{shown} '{title[:60]}{'…' if len(title) > 60 else ''}'"
    return shown


def conflict_rows(ws: Workspace, found: list[OpenConflict] | None = None) -> list[ConflictRow]:
    """The open conflicts with record name, field label and both values as text."""
    found = open_conflicts(ws) if found is None else found
    rows = []
    with ws.read() as session:
        for c in found:
            current, other = _shown(session, c)
            rows.append(ConflictRow(
                c.id, _record(session, c.entity, c.entity_id),
                field_label(c.entity, c.field), current, c.winner_author or "", other,
                c.loser_author, c.loser_at.astimezone().strftime("%d-%m-%Y %H:%M")))
    return rows


def describe(ws: Workspace, found: list[OpenConflict]) -> list[str]:
    """One line per conflict for the command line."""
    return [f"{r.record}, {r.field}: '{r.current}'{f' ({r.current_who})' if r.current_who else ''}"
            f" | '{r.other}' ({r.who}, {r.when})" for r in conflict_rows(ws, found)]
