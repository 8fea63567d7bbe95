"""The cofinancing ledger: every pledge per deal, party and year (pledged and realised,
in cash or in kind, public or private), filtered and totalled in SQL; add, change and
delete a pledge (journalled, undoable; amounts come from ``parse_eur``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields

from sqlalchemy import ColumnElement, func, select

from dealmaker.domain.dates import utcnow
from dealmaker.domain.enums import ContributionForm, Sector, Side
from dealmaker.services.changes import Changes
from dealmaker.services.people import ValidationError
from dealmaker.services.pledge_history import (
    PledgeDelta,
    changed_since,
    end_of_day,
    last_overlegs,
)
from dealmaker.storage.models import Deal, Organisation, Pledge
from dealmaker.storage.workspace import Workspace

TABLES = frozenset({"pledge"})


@dataclass(frozen=True)
class LedgerQuery:
    deal_id: str | None = None
    organisation_id: str | None = None
    year: int | None = None
    sector: Sector | None = None
    form: ContributionForm | None = None


@dataclass(frozen=True)
class LedgerRow:
    id: str
    deal: str
    organisation: str
    side: Side
    year: int
    sector: Sector
    form: ContributionForm
    pledged_cents: int
    realised_cents: int
    note: str
    deal_id: str = ""


@dataclass(frozen=True)
class Ledger:
    rows: tuple[LedgerRow, ...]
    pledged_cents: int
    realised_cents: int
    #: pledges whose amounts changed since their deal's last Rijk-regio overleg
    since_overleg: dict[str, PledgeDelta] = field(default_factory=dict)


@dataclass(frozen=True)
class PledgeData:
    deal_id: str
    organisation_id: str
    year: int
    sector: Sector
    form: ContributionForm
    pledged_cents: int
    realised_cents: int = 0
    note: str = ""


def where_of(q: LedgerQuery) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Pledge.deleted_at.is_(None)]
    for value, column in ((q.deal_id, Pledge.deal_id), (q.organisation_id,
                                                         Pledge.organisation_id),
                          (q.year, Pledge.year), (q.sector, Pledge.sector),
                          (q.form, Pledge.form)):
        if value is not None:
            where.append(column == value)
    return where


def ledger(ws: Workspace, q: LedgerQuery, limit: int = 5_000) -> Ledger:
    """The matching pledges (deal, year, party) and the totals over all of them."""
    where = where_of(q)
    with ws.read() as s:
        rows = s.execute(
            select(Pledge.id, Deal.name, Organisation.name, Organisation.side, Pledge.year,
                   Pledge.sector, Pledge.form, Pledge.pledged_cents, Pledge.realised_cents,
                   Pledge.note, Pledge.deal_id)
            .join(Deal, Deal.id == Pledge.deal_id)
            .join(Organisation, Organisation.id == Pledge.organisation_id)
            .where(*where)
            .order_by(func.lower(Deal.name), Pledge.year, func.lower(Organisation.name),
                      Pledge.id).limit(limit)).all()
        pledged, realised = s.execute(
            select(func.coalesce(func.sum(Pledge.pledged_cents), 0),
                   func.coalesce(func.sum(Pledge.realised_cents), 0)).where(*where)).one()
        found = tuple(LedgerRow(*r) for r in rows)
        overleg = last_overlegs(s)
        by_deal: dict[str, list[str]] = defaultdict(list)
        for row in found:
            if row.deal_id in overleg:
                by_deal[row.deal_id].append(row.id)
        since: dict[str, PledgeDelta] = {}
        for deal_id, ids in by_deal.items():
            since.update(changed_since(s, end_of_day(overleg[deal_id]), ids))
    return Ledger(found, int(pledged), int(realised), since)


def ledger_years(ws: Workspace) -> list[int]:
    with ws.read() as s:
        return list(s.scalars(select(Pledge.year).where(Pledge.deleted_at.is_(None))
                              .distinct().order_by(Pledge.year)))


def _validate(data: PledgeData) -> None:
    if data.pledged_cents < 0 or data.realised_cents < 0:
        raise ValidationError("pledged_cents", "Een bijdrage is niet negatief.")
    if not 1990 <= data.year <= 2100:
        raise ValidationError("year", f"Jaar {data.year} ligt buiten 1990-2100.")


def save_pledge(ws: Workspace, pledge_id: str | None, data: PledgeData
                ) -> tuple[str, Changes]:
    """Add (``pledge_id`` None) or change a pledge: one undoable operation."""
    _validate(data)
    with ws.uow("Bijdrage toevoegen" if pledge_id is None else "Bijdrage wijzigen") as uow:
        s = uow.session
        if pledge_id is None:
            pledge = Pledge()
            s.add(pledge)
        else:
            found = s.get(Pledge, pledge_id)
            if found is None or found.deleted_at is not None:
                raise LookupError("Deze bijdrage bestaat niet (meer).")
            pledge = found
        for f in fields(PledgeData):
            setattr(pledge, f.name, getattr(data, f.name))
        s.flush()
        op = uow.commit()
    return pledge.id, Changes(TABLES, op)


def pledge_data(ws: Workspace, pledge_id: str) -> PledgeData:
    with ws.read() as s:
        p = s.get(Pledge, pledge_id)
        if p is None or p.deleted_at is not None:
            raise LookupError("Deze bijdrage bestaat niet (meer).")
        return PledgeData(**{f.name: getattr(p, f.name) for f in fields(PledgeData)})


def delete_pledges(ws: Workspace, ids: Iterable[str]) -> Changes:
    ids = list(ids)
    with ws.uow("Bijdrage verwijderen" if len(ids) == 1 else
                f"{len(ids)} bijdragen verwijderen") as uow:
        now = utcnow()
        for pid in ids:
            p = uow.session.get(Pledge, pid)
            if p is None or p.deleted_at is not None:
                raise LookupError("Deze bijdrage bestaat niet (meer).")
            p.deleted_at = now
        op = uow.commit()
    return Changes(TABLES, op)
