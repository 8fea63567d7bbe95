"""Every change of a pledge's amounts, with its date and source document, read from the
change journal (no table of its own: every edit of a pledge is journalled with its old
and new values and time, in the transaction that made it, so the history cannot drift
from the data).

- ``pledge_history``: the changes of one pledge, oldest first. An edit that was undone
  and the undo itself are left out (they cancel); a redo shows as the change it makes
  again. The source is the pledge's 'Bron' as it stood after the change.
- ``changes_since``: per pledge, its amounts at a moment (e.g. the end of the day of the
  last Rijk-regio overleg) beside its amounts now; exact, whatever happened in between
  (the first journalled change after the moment holds the value before it).
- ``changes_since_overleg``: the same for one deal since its last Rijk-regio overleg; the
  function the overleg workbook calls.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from dealmaker.domain.enums import MeetingKind
from dealmaker.storage.models import Change, Meeting, Operation, Pledge
from dealmaker.storage.models.journal import UNDO
from dealmaker.storage.workspace import Workspace

AMOUNTS = ("pledged_cents", "realised_cents")


@dataclass(frozen=True)
class PledgeChange:
    at: datetime
    #: 'pledged_cents' or 'realised_cents'
    field: str
    #: None: the pledge was made with ``new``
    old: int | None
    new: int
    source: str
    operation: str


@dataclass(frozen=True)
class PledgeDelta:
    pledge_id: str
    pledged_then: int
    realised_then: int
    pledged_now: int
    realised_now: int
    #: made after the moment (it did not exist then)
    new: bool = False

    @property
    def pledged_delta(self) -> int:
        return self.pledged_now - self.pledged_then

    @property
    def realised_delta(self) -> int:
        return self.realised_now - self.realised_then


def _value(raw: str | None) -> object:
    return json.loads(raw) if raw is not None else None


def _rows(s: Session, pledge_ids: Iterable[str], after: datetime | None = None,
          shown_only: bool = False) -> list[tuple[str, str, str | None, str | None,
                                                  str | None, datetime, str]]:
    ids = list(pledge_ids)
    stmt = (select(Change.entity_id, Change.action, Change.field, Change.old_value,
                   Change.new_value, Operation.at, Operation.name)
            .join(Operation, Operation.id == Change.operation_id)
            .where(Change.entity == "pledge", Change.entity_id.in_(ids),
                   or_(Change.action == "insert", Change.field.in_((*AMOUNTS, "note"))))
            .order_by(Operation.sequence, Change.seq))
    if after is not None:
        stmt = stmt.where(Operation.at >= after)
    if shown_only:
        reverter = aliased(Operation)
        stmt = stmt.where(Operation.kind != UNDO,
                          ~exists().where(reverter.reverts_id == Operation.id))
    return [tuple(r) for r in s.execute(stmt)]  # type: ignore[misc]


def pledge_history(ws: Workspace, pledge_id: str) -> list[PledgeChange]:
    """The changes of the pledge's amounts, oldest first."""
    out: list[PledgeChange] = []
    with ws.read() as s:
        rows = _rows(s, [pledge_id], shown_only=True)
    note = ""
    pending: list[tuple[str, int | None, int, datetime, str]] = []
    last_op: tuple[datetime, str] | None = None

    def flush() -> None:
        out.extend(PledgeChange(at, f, old, new, note, name) for f, old, new, at, name in pending)
        pending.clear()

    for _pid, action, field, old, new, at, name in rows:
        if last_op != (at, name):
            flush()
            last_op = (at, name)
        if action == "insert":
            snap = _value(new)
            assert isinstance(snap, dict)
            note = str(snap.get("note") or "")
            pending += [(f, None, int(snap.get(f) or 0), at, name) for f in AMOUNTS
                        if f == AMOUNTS[0] or snap.get(f)]
        elif field == "note":
            note = str(_value(new) or "")
        else:
            before, after = _value(old), _value(new)
            pending.append((str(field), int(str(before or 0)), int(str(after or 0)), at, name))
    flush()
    return out


def changes_since(ws: Workspace, moment: datetime,
                  pledge_ids: Iterable[str]) -> dict[str, PledgeDelta]:
    """Pledges among ``pledge_ids`` whose amounts differ now from at ``moment``."""
    with ws.read() as s:
        return changed_since(s, moment, list(pledge_ids))


def changed_since(s: Session, moment: datetime, ids: list[str]) -> dict[str, PledgeDelta]:
    """``changes_since`` inside the caller's session."""
    then: dict[str, dict[str, int]] = {}
    created: set[str] = set()
    for start in range(0, len(ids), 500):
        for pid, action, field, old, _new, _at, _name in _rows(s, ids[start:start + 500],
                                                                moment):
            known = then.setdefault(pid, {})
            if action == "insert" and not known:
                created.add(pid)
                known.update({f: 0 for f in AMOUNTS})
            elif field in AMOUNTS and field not in known:
                known[field] = int(str(_value(old) or 0))
    out: dict[str, PledgeDelta] = {}
    if not then:
        return out
    for pid, pledged, realised in s.execute(select(
            Pledge.id, Pledge.pledged_cents, Pledge.realised_cents).where(
            Pledge.id.in_(list(then)), Pledge.deleted_at.is_(None))):
        before = then[pid]
        delta = PledgeDelta(pid, before.get(AMOUNTS[0], pledged),
                            before.get(AMOUNTS[1], realised), pledged, realised,
                            pid in created)
        if delta.new or delta.pledged_delta or delta.realised_delta:
            out[pid] = delta
    return out


def end_of_day(day: date) -> datetime:
    """The end of ``day`` on this computer's clock, in UTC (the journal's time)."""
    return datetime.combine(day + timedelta(days=1), time.min).astimezone(UTC)


def last_overleg(s: Session, deal_id: str) -> date | None:
    return last_overlegs(s, deal_id).get(deal_id)


def last_overlegs(s: Session, deal_id: str | None = None) -> dict[str, date]:
    """Deal id -> the day of its last Rijk-regio overleg (one deal, or all)."""
    stmt = (select(Meeting.deal_id, func.max(Meeting.held_on))
            .where(Meeting.deleted_at.is_(None), Meeting.kind == MeetingKind.RIJK_REGIO_OVERLEG,
                   Meeting.deal_id.is_not(None))
            .group_by(Meeting.deal_id))
    if deal_id is not None:
        stmt = stmt.where(Meeting.deal_id == deal_id)
    return {did: held for did, held in s.execute(stmt) if did is not None}


def changes_since_overleg(ws: Workspace, deal_id: str, since: date | None = None
                          ) -> tuple[date | None, dict[str, PledgeDelta]]:
    """The deal's pledges changed after the day of its last Rijk-regio overleg (or after
    ``since``): (that day, changes per pledge id). No overleg yet: (None, {})."""
    with ws.read() as s:
        day = since or last_overleg(s, deal_id)
        if day is None:
            return None, {}
        ids = list(s.scalars(select(Pledge.id).where(Pledge.deal_id == deal_id,
                                                     Pledge.deleted_at.is_(None))))
        return day, changed_since(s, end_of_day(day), ids)


def changed_per_deal(s: Session, overleg: dict[str, date]) -> dict[str, int]:
    """Deal id -> how many of its pledges changed since its last overleg (``overleg``:
    deal id -> that day). One query finds the few candidates; only they are compared."""
    if not overleg:
        return {}
    earliest = end_of_day(min(overleg.values()))
    touched = {pid: at for pid, at in s.execute(
        select(Change.entity_id, func.max(Operation.at))
        .join(Operation, Operation.id == Change.operation_id)
        .where(Change.entity == "pledge", Operation.at >= earliest,
               or_(Change.action == "insert", Change.field.in_(AMOUNTS)))
        .group_by(Change.entity_id))}
    if not touched:
        return {}
    by_deal: dict[str, list[str]] = {}
    for pid, deal_id in s.execute(select(Pledge.id, Pledge.deal_id).where(
            Pledge.id.in_(list(touched)), Pledge.deleted_at.is_(None))):
        if deal_id in overleg and touched[pid] >= end_of_day(overleg[deal_id]):
            by_deal.setdefault(deal_id, []).append(pid)
    counts = {d: len(changed_since(s, end_of_day(overleg[d]), ids)) for d, ids in by_deal.items()}
    return {d: n for d, n in counts.items() if n}
